"""The customer's "Zapłać" pages and the provider's notification endpoint (docs/payments.md)."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ebok.accounts.decorators import customer_required
from ebok.billing.balance import balance, balances, invoice_state, with_running_totals
from ebok.core.middleware import CONTENT_SECURITY_POLICY, client_ip
from ebok.payments import providers, services
from ebok.payments.forms import PayForm, PayNumbersForm
from ebok.payments.providers.base import ProviderUnavailable
from ebok.payments.selectors import reachable_payments
from ebok.portal.scope import CustomerScope

UNAVAILABLE = gettext_lazy(
    "Online payments are not available at the moment; nothing was charged. Please try again "
    "later or pay by bank transfer."
)


def _provider():
    provider = providers.configured()
    if provider is None:
        raise Http404
    return provider


def _absolute(request, path: str) -> str:
    return settings.SITE_URL + path if settings.SITE_URL else request.build_absolute_uri(path)


def _start(request, provider, parts, form):
    """Register the payment and send the customer to the gateway, or say why not."""
    email = request.customer.email or request.user.email
    if not email:
        form.add_error(
            None, _("The payment service needs an e-mail address: add one to your account first.")
        )
        return None

    def urls(payment):
        return_path = reverse("payments:status", args=[payment.session_id])
        notify_path = reverse("payments:notify", args=[provider.name])
        return _absolute(request, return_path), _absolute(request, notify_path)

    description = _("Customer %(numbers)s") % {
        "numbers": ", ".join(part.customer.number for part in parts)
    }
    try:
        url = services.start(
            provider,
            parts,
            user=request.user,
            description=description,
            email=email,
            language=get_language(),
            urls=urls,
        )
    except ProviderUnavailable:
        form.add_error(None, UNAVAILABLE)
        return None
    return redirect(url)


def _form_may_go_to(response, provider):
    """The pay pages' forms answer with a redirect to the gateway, and browsers hold a redirect
    after a form's POST to the page's CSP form-action: that one page allows the provider's
    address too, every other keeps 'self' alone."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'", f"form-action 'self' {provider.gateway_origin}"
    )
    return response


def _plain(amount) -> str:
    """60.00 as the form shows it to be typed: "60,00" in Polish, no grouping, no currency."""
    return number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=False)


@customer_required
def pay_view(request, pk=None):
    """ "Zapłać": everything due, one invoice (pk), or an amount typed."""
    provider = _provider()
    customer = request.customer
    invoice = None
    if pk is None:
        suggested = balance(customer).amount_due
    else:
        invoice = get_object_or_404(with_running_totals(CustomerScope(customer).invoices), pk=pk)
        suggested = invoice_state(invoice, balance(customer).settled).left_to_pay
    form = PayForm(
        request.POST if request.method == "POST" else None,
        initial={"amount": _plain(suggested) if suggested else ""},
    )
    if request.method == "POST" and form.is_valid():
        part = services.Part(customer, form.cleaned_data["amount"], invoice)
        response = _start(request, provider, [part], form)
        if response is not None:
            return response
    context = {"form": form, "invoice": invoice, "suggested": suggested}
    return _form_may_go_to(render(request, "payments/pay.html", context), provider)


@customer_required
def pay_numbers_view(request):
    """Pay what is due on several customer numbers in one payment ("Moje numery")."""
    provider = _provider()
    due = balances([membership.customer_id for membership in request.memberships])
    owing = [m for m in request.memberships if due[m.customer_id].amount_due > 0]
    choices = [(m.customer.number, m.customer.number) for m in owing]
    form = PayNumbersForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        initial={"numbers": [c for c, _l in choices]},
    )
    if request.method == "POST" and form.is_valid():
        chosen = set(form.cleaned_data["numbers"])
        parts = [
            services.Part(m.customer, due[m.customer_id].amount_due)
            for m in owing
            if m.customer.number in chosen
        ]
        response = _start(request, provider, parts, form)
        if response is not None:
            return response
    rows = [{"customer": m.customer, "amount_due": due[m.customer_id].amount_due} for m in owing]
    total = sum((row["amount_due"] for row in rows), start=0)
    context = {"form": form, "rows": rows, "total": total}
    return _form_may_go_to(render(request, "payments/pay_numbers.html", context), provider)


@customer_required
def status_view(request, session_id):
    """Where the gateway sends the customer back: how the payment stands."""
    payment = get_object_or_404(reachable_payments(request), session_id=session_id)
    parts = payment.parts.select_related("customer", "invoice")
    return render(request, "payments/status.html", {"payment": payment, "parts": parts})


@require_POST
@customer_required
def cancel_view(request, session_id):
    payment = get_object_or_404(reachable_payments(request), session_id=session_id)
    services.cancel(payment)
    return redirect("payments:status", session_id=payment.session_id)


@csrf_exempt  # signed by the provider instead (services.handle_notification)
@require_POST
def notify_view(request, provider_name):
    provider = providers.by_name(provider_name)
    if provider is None:
        raise Http404
    try:
        services.handle_notification(provider, request.body, ip_address=client_ip(request))
    except services.Refused as refused:
        return HttpResponse(status=refused.status)
    return HttpResponse("OK", content_type="text/plain")
