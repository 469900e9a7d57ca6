from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from ebok.accounts.decorators import customer_required
from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.balance import balance
from ebok.billing.transfer import transfer_qr_svg
from ebok.portal.paging import page_of
from ebok.portal.scope import CustomerScope


@customer_required
def payment_list_view(request):
    """ "Płatności": the payments, the balance, and how to pay what is due."""
    customer = request.customer
    current = balance(customer)
    account = payment_account(customer)
    title = _("Water and sewage, customer %(number)s") % {"number": customer.number}
    transfer = None
    if account and current.amount_due:
        transfer = {
            "recipient": settings.PAYMENT_RECIPIENT,
            "account": format_nrb(account),
            "account_digits": account,  # copied without the spaces: every banking app takes it
            "title": title,
            "amount": current.amount_due,
            "qr": transfer_qr_svg(account, current.amount_due, title),
        }
    context = {
        "page": page_of(request, CustomerScope(customer).payments),
        "balance": current,
        "account": format_nrb(account),
        "transfer": transfer,
    }
    return render(request, "portal/payments.html", context)
