"""The pages of "My account" beside the password change: contact data, consents, security.

Thin views: the rules live in contact.py, consents.py and security.py. What belongs to the
customer number (e-mail on file, correspondence address, consents) only its owners change;
the mobile phone is the login's own.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ebok.accounts import consents, contact, export, security
from ebok.accounts.account_forms import (
    ConsentForm,
    CorrespondenceAddressForm,
    EmailChangeForm,
    PasskeyForm,
    PhoneForm,
)
from ebok.accounts.decorators import customer_required
from ebok.accounts.models import Consent, DataExport, EmailConfirmation
from ebok.audit.log import record
from ebok.audit.models import AuditEvent


def _owner_only(request):
    if not request.membership.is_owner:
        raise PermissionDenied("Only an owner of the number changes this.")


@sensitive_post_parameters("current_password")
@never_cache
@customer_required
def contact_view(request):
    customer, user = request.customer, request.user
    which = request.POST.get("form") if request.method == "POST" else None
    email_form = EmailChangeForm(user, customer, request.POST if which == "email" else None)
    phone_form = PhoneForm(
        request.POST if which == "phone" else None, initial={"phone": user.phone}
    )
    address_form = CorrespondenceAddressForm(
        request.POST if which == "address" else None,
        initial=contact.correspondence_address(customer),
    )
    if which in ("email", "address"):
        _owner_only(request)
    if which == "email" and email_form.is_valid():
        email = email_form.cleaned_data["email"]
        contact.request_email_change(customer, email, request=request)
        messages.success(
            request,
            _(
                "We sent a link to %(email)s. The address changes once you open it "
                "(within 24 hours)."
            )
            % {"email": email},
        )
        return redirect("accounts:contact")
    if which == "phone" and phone_form.is_valid():
        if contact.change_phone(user, phone_form.cleaned_data["phone"], request=request):
            messages.success(request, _("Your mobile phone number is saved."))
        return redirect("accounts:contact")
    if which == "address" and address_form.is_valid():
        if contact.change_correspondence_address(customer, address_form.address(), request=request):
            messages.success(request, _("The correspondence address is saved."))
        return redirect("accounts:contact")
    pending = EmailConfirmation.objects.filter(
        customer=customer,
        purpose=EmailConfirmation.Purpose.CHANGE,
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()
    context = {
        "email_form": email_form,
        "phone_form": phone_form,
        "address_form": address_form,
        "pending_email": pending,
        "is_owner": request.membership.is_owner,
    }
    return render(request, "accounts/contact.html", context)


@never_cache
@customer_required
def consents_view(request):
    customer = request.customer
    if request.method == "POST":
        _owner_only(request)
        form = ConsentForm(request.POST)
        if form.is_valid():
            give = form.cleaned_data["action"] == "give"
            if consents.set_e_invoice(customer, give, request=request):
                if give:
                    messages.success(request, _("Your invoices will now come by e-mail."))
                else:
                    messages.success(request, _("Your invoices will now come on paper."))
            return redirect("accounts:consents")
    history = list(Consent.objects.filter(customer=customer))
    e_invoice = [row for row in history if row.kind == Consent.Kind.E_INVOICE]
    terms = [row for row in history if row.kind == Consent.Kind.TERMS]
    context = {
        "in_force": e_invoice[0] if e_invoice and e_invoice[0].given else None,
        "e_invoice_history": e_invoice,
        "terms_accepted": terms,
        "consent_text": consents.E_INVOICE_CONSENT_TEXT,
        "texts": consents.E_INVOICE_CONSENT_TEXTS,
        "is_owner": request.membership.is_owner,
    }
    return render(request, "accounts/consents.html", context)


def security_context(request) -> dict:
    return {
        "sign_ins": security.history(request.user),
        "passkeys": list(request.user.passkeys.all()),
        "passkey_form": PasskeyForm(request.user),
    }


@never_cache
@customer_required
def security_view(request):
    return render(request, "accounts/security.html", security_context(request))


@require_POST
@customer_required
def end_other_sessions_view(request):
    security.end_other_sessions(request)
    messages.success(request, _("Every other session of your login has ended."))
    return redirect("accounts:security")


@never_cache
@customer_required
def my_data_view(request):
    """Only an owner downloads the number's data: it holds consents and the login history."""
    if request.method == "POST":
        _owner_only(request)
        export.start(request)
        messages.success(
            request, _("Your data is being prepared. Reload this page in a moment to download it.")
        )
        return redirect("accounts:my_data")
    exports = list(DataExport.objects.filter(user=request.user, customer=request.customer)[:5])
    context = {"exports": exports, "is_owner": request.membership.is_owner}
    return render(request, "accounts/my_data.html", context)


@never_cache
@customer_required
def my_data_download_view(request, pk):
    # Through the login's own exports of the number in use: any other id is not found.
    found = get_object_or_404(
        DataExport.objects.filter(user=request.user, customer=request.customer), pk=pk
    )
    if found.expired:
        # The login's own link, run out: say so (410 Gone) and offer to prepare a new one.
        return render(request, "accounts/my_data_expired.html", {"export": found}, status=410)
    if not found.downloadable:
        raise Http404("Not ready.")
    record(
        AuditEvent.Kind.DATA_EXPORT_DOWNLOADED,
        request=request,
        customer=request.customer,
        detail=f"login {request.user.username}, export {found.pk}",
    )
    name = f"ebok-{request.customer.number}-{found.created_at:%Y-%m-%d}.zip"
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=name)
