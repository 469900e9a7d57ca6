from django.contrib import messages
from django.contrib.auth import (
    authenticate,
    get_user_model,
    login,
    logout,
    update_session_auth_hash,
)
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ebok.accounts import confirmations, numbers, throttle
from ebok.accounts.decorators import customer_required
from ebok.accounts.forms import (
    LoginForm,
    NewLoginForm,
    NewPasswordForm,
    PasswordChangeForm,
    PasswordForgottenForm,
)
from ebok.accounts.middleware import start_session
from ebok.accounts.models import EmailConfirmation
from ebok.accounts.services import request_password_reset, set_own_password
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_address
from ebok.core.redirects import next_url


@sensitive_post_parameters("password")
@never_cache
def login_view(request):
    if request.user.is_authenticated and not request.user.is_staff:
        return redirect("portal:info")
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        number = form.cleaned_data["customer_number"]
        try:
            attempt = throttle.for_login(number, client_address(request))
        except throttle.Throttled as refused:
            # Refused before any password is hashed: a throttled guess costs us nothing.
            record(AuditEvent.Kind.LOGIN_THROTTLED, request=request, customer_number=number)
            form.add_error(None, throttle.throttled_message(refused.seconds))
        else:
            user = authenticate(
                request, customer_number=number, password=form.cleaned_data["password"]
            )
            if user is None:
                attempt.failed()
                record(AuditEvent.Kind.LOGIN_FAILED, request=request, customer_number=number)
                form.add_error(None, _("Incorrect customer number or password."))
            elif user.temporary_password_expired:
                attempt.released()
                record(AuditEvent.Kind.LOGIN_EXPIRED, request=request, customer=user.customer)
                form.add_error(
                    None,
                    _(
                        "Your temporary password has expired. Use “Click here if you forgot "
                        "your password” to set a new one, or ask the customer office for a "
                        "new temporary password."
                    ),
                )
            else:
                attempt.succeeded()
                login(request, user)
                numbers.choose(request, number)
                start_session(request, remember=form.cleaned_data["remember_me"])
                record(AuditEvent.Kind.LOGIN, request=request, customer=user.customer)
                if user.has_temporary_password:
                    return redirect("accounts:password_change")
                return redirect(next_url(request) or "portal:info")
    return render(request, "accounts/login.html", {"form": form, "next": next_url(request)})


def _number_in_use(request) -> str:
    membership = numbers.in_use(request)
    return membership.customer.number if membership else ""


@require_POST
def logout_view(request):
    user = request.user
    if user.is_authenticated and not user.is_staff:
        record(AuditEvent.Kind.LOGOUT, request=request, customer_number=_number_in_use(request))
    logout(request)
    messages.success(request, _("You have been logged out."))
    return redirect("accounts:login")


@sensitive_post_parameters()
@never_cache
@customer_required(allow_temporary_password=True)
def password_change_view(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        set_own_password(
            request.user,
            form.cleaned_data["new_password1"],
            request=request,
            kind=AuditEvent.Kind.PASSWORD_CHANGED,
        )
        # Keeps this session; every other session of the customer ends with the old hash.
        update_session_auth_hash(request, request.user)
        return redirect("accounts:password_changed")
    return render(request, "accounts/password_change.html", {"form": form})


@customer_required(allow_temporary_password=True)
def password_changed_view(request):
    return render(request, "accounts/password_changed.html")


@never_cache
def password_forgotten_view(request):
    form = PasswordForgottenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        request_password_reset(form.cleaned_data["customer_number"], request=request)
        return redirect("accounts:password_reset_sent")
    return render(request, "accounts/password_forgotten.html", {"form": form})


def password_reset_sent_view(request):
    return render(request, "accounts/password_reset_sent.html")


def _user_from_link(uidb64: str, token: str):
    User = get_user_model()
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError):
        return None
    user = (
        User.objects.select_related("customer")
        .filter(pk=pk, is_staff=False, is_active=True)
        .first()
    )
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@sensitive_post_parameters()
@never_cache
def password_reset_confirm_view(request, uidb64, token):
    user = _user_from_link(uidb64, token)
    if user is None:
        return render(request, "accounts/password_reset_invalid.html", status=404)
    form = NewPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        set_own_password(
            user,
            form.cleaned_data["new_password1"],
            request=request,
            kind=AuditEvent.Kind.PASSWORD_RESET,
        )
        messages.success(request, _("Your new password is set. You can log in with it now."))
        return redirect("accounts:login")
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


@never_cache
def email_confirm_view(request, token):
    """GET shows what the link will do; POST does it (mail scanners only GET).

    An invitation is accepted by the customer login in use, or by a login created here.
    """
    confirmation = confirmations.pending(token)
    if confirmation is None:
        return render(request, "accounts/email_confirm_invalid.html", status=404)
    invitation = confirmation.purpose == EmailConfirmation.Purpose.INVITATION
    signed_in = request.user.is_authenticated and not request.user.is_staff
    form = None
    if invitation and not signed_in:
        form = NewLoginForm(confirmation.email, request.POST or None)
    if request.method == "POST" and (form is None or form.is_valid()):
        with transaction.atomic():
            login_ = request.user if signed_in else (form.save() if form else None)
            done = confirmations.confirm(token, request=request, login=login_)
            if done is None:
                transaction.set_rollback(True)
                return render(request, "accounts/email_confirm_invalid.html", status=404)
        return render(request, "accounts/email_confirmed.html", {"confirmation": done})
    context = {"confirmation": confirmation, "form": form, "signed_in": signed_in}
    return render(request, "accounts/email_confirm.html", context)


@customer_required
@require_POST
def switch_number_view(request):
    """The header's switcher: another of the login's numbers becomes the number in use."""
    if not numbers.choose(request, request.POST.get("customer_number", "")):
        raise Http404("Not one of this login's customer numbers.")
    # Back to the same tab; a page of one number's object has no twin under another number.
    target = next_url(request)
    try:
        match = resolve(target) if target else None
    except Resolver404:
        match = None
    if match is None or match.kwargs:
        return redirect("portal:info")
    return redirect(target)
