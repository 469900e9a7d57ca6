from ebok.payments.models import OnlinePayment, OnlinePaymentPart


def paid_parts():
    """Parts of online payments the provider confirmed: what the billing system pulls."""
    return OnlinePaymentPart.objects.filter(payment__state=OnlinePayment.State.PAID)


def reachable_payments(request):
    """Online payments for any customer number this login reaches (request.memberships, set by
    customer_required): a payment for several numbers is seen from each of them, a stranger's is
    not found."""
    customers = [membership.customer_id for membership in request.memberships]
    return OnlinePayment.objects.filter(parts__customer__in=customers).distinct()


def in_progress(customer):
    """Parts paid online, or still being paid, that the billing system has not booked yet: the
    customer sees them as "płatność w toku" so nobody pays twice."""
    return (
        OnlinePaymentPart.objects.filter(
            customer=customer,
            booked__isnull=True,
            payment__state__in=[OnlinePayment.State.PENDING, OnlinePayment.State.PAID],
        )
        .select_related("payment", "invoice")
        .order_by("-payment__created_at", "-id")
    )
