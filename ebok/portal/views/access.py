"""Adding a customer number to one's login, and (owners only) who else may reach the number.

The login check comes before the method check, so that a visitor learns nothing of these URLs.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ebok.accounts import memberships, throttle
from ebok.accounts.decorators import customer_required
from ebok.accounts.forms import InviteForm, InvoiceProofForm
from ebok.accounts.models import Membership
from ebok.core.origin import Origin


@customer_required
def number_add_view(request):
    form = InvoiceProofForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        wait = memberships.ask_access_by_invoice(request.user, form.application(), request=request)
        if not wait:
            messages.success(
                request,
                _(
                    "If the data match, we have asked for the consent of that number's owner at "
                    "its e-mail address on file; the number appears in your list once they "
                    "confirm. A number without an e-mail on file is added at once, unless it "
                    "has an account of its own: then the customer office can help."
                ),
            )
            return redirect("portal:numbers")
        form.add_error(None, throttle.throttled_message(wait))
    return render(request, "portal/number_add.html", {"form": form})


def _owned(request):
    """The membership of the number in use, when it lets this login manage access (owner)."""
    if not request.membership.is_owner:
        raise Http404("Only an owner manages who may reach the number.")
    return request.membership


@customer_required
def access_view(request):
    owned = _owned(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        memberships.invite(owned, data["email"], data["role"], origin=Origin.of(request))
        messages.success(
            request,
            _("We have sent the invitation to %(email)s. It is valid for 24 hours.")
            % {"email": data["email"]},
        )
        return redirect("portal:access")
    others = (
        Membership.objects.filter(customer=request.customer)
        .exclude(user=request.user)
        .select_related("user")
        .order_by("created_at")
    )
    context = {
        "form": form,
        "others": others,
        "invitations": memberships.pending_invitations(request.customer),
    }
    return render(request, "portal/access.html", context)


@customer_required
@require_POST
def access_revoke_view(request, pk):
    _owned(request)
    # The number's own login keeps its access: only the customer office takes that away.
    others = (
        Membership.objects.filter(customer=request.customer)
        .exclude(user=request.user)
        .exclude(user__customer=request.customer)
    )
    membership = get_object_or_404(others.select_related("user", "customer"), pk=pk)
    memberships.revoke(membership, request=request)
    messages.success(request, _("Access taken away."))
    return redirect("portal:access")


@customer_required
@require_POST
def invitation_cancel_view(request, pk):
    _owned(request)
    invitation = get_object_or_404(memberships.pending_invitations(request.customer), pk=pk)
    memberships.cancel_invitation(invitation, request=request)
    messages.success(request, _("Invitation cancelled."))
    return redirect("portal:access")
