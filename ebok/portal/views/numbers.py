from django.shortcuts import render

from ebok.accounts.decorators import customer_required
from ebok.billing.accounts import format_nrb, payment_account
from ebok.billing.balance import balances


@customer_required
def number_list_view(request):
    """ "Moje numery": every customer number this login reaches, with what is due on each."""
    memberships = request.memberships
    due = balances([membership.customer_id for membership in memberships])
    rows = [
        {
            "membership": membership,
            "customer": membership.customer,
            "balance": due[membership.customer_id],
            "account": format_nrb(payment_account(membership.customer)),
        }
        for membership in memberships
    ]
    return render(request, "portal/numbers.html", {"rows": rows})
