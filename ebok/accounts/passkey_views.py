"""Passkey pages: adding, renaming and removing one in "Security", and logging in with one.

The browser's part (navigator.credentials) is static/js/passkeys.js; it fills a hidden field
with the answer and submits an ordinary form, so every change is a POST with its CSRF token.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from ebok.accounts import passkeys, throttle
from ebok.accounts.account_forms import PasskeyForm, PasskeyRenameForm
from ebok.accounts.account_views import security_context
from ebok.accounts.decorators import customer_required
from ebok.accounts.forms import LoginForm
from ebok.accounts.middleware import start_session
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_address
from ebok.core.redirects import next_url


@sensitive_post_parameters("current_password")
@never_cache
@require_POST
@customer_required
def passkey_add_view(request):
    """The password is confirmed first; then the page asks the browser for a new passkey."""
    form = PasskeyForm(request.user, request.POST)
    if not form.is_valid():
        context = security_context(request) | {"passkey_form": form}
        return render(request, "accounts/security.html", context)
    options = passkeys.registration_options(request, form.cleaned_data["name"])
    return render(
        request,
        "accounts/passkey_add.html",
        {"options": options, "name": form.cleaned_data["name"]},
    )


@never_cache
@require_POST
@customer_required
def passkey_finish_view(request):
    try:
        passkey = passkeys.register(request, request.POST.get("credential", ""))
    except passkeys.Refused:
        messages.error(request, _("The passkey was not added. Please try again."))
    else:
        messages.success(request, _("Passkey “%(name)s” added.") % {"name": passkey.name})
    return redirect("accounts:security")


@require_POST
@customer_required
def passkey_remove_view(request, pk):
    # Through the login's own passkeys: another login's id is simply not found.
    passkey = get_object_or_404(request.user.passkeys, pk=pk)
    passkeys.remove(request, passkey)
    messages.success(request, _("Passkey “%(name)s” removed.") % {"name": passkey.name})
    return redirect("accounts:security")


@never_cache
@customer_required
def passkey_rename_view(request, pk):
    """An ordinary form, no JavaScript: a new name for one of the login's own passkeys."""
    passkey = get_object_or_404(request.user.passkeys, pk=pk)
    data = request.POST if request.method == "POST" else None
    form = PasskeyRenameForm(data, initial={"name": passkey.name})
    if request.method == "POST" and form.is_valid():
        old = passkey.name
        if passkeys.rename(request, passkey, form.cleaned_data["name"]):
            messages.success(
                request,
                _("Passkey “%(old)s” is now called “%(new)s”.") % {"old": old, "new": passkey.name},
            )
        return redirect("accounts:security")
    return render(request, "accounts/passkey_rename.html", {"form": form, "passkey": passkey})


@never_cache
@require_POST
def passkey_login_options_view(request):
    return JsonResponse(passkeys.login_options(request))


@never_cache
@require_POST
def passkey_login_view(request):
    """Log in with a passkey: the answer names the login, no number is typed."""
    error = None
    try:
        attempt = throttle.reserve((throttle.ADDRESS, client_address(request)))
    except throttle.Throttled as refused:
        record(AuditEvent.Kind.LOGIN_THROTTLED, request=request, detail="passkey")
        error = throttle.throttled_message(refused.seconds)
    else:
        try:
            user, passkey = passkeys.authenticate(request, request.POST.get("credential", ""))
        except passkeys.Refused:
            attempt.failed()
            record(AuditEvent.Kind.PASSKEY_LOGIN_FAILED, request=request)
            error = _("This passkey could not log you in. Use it again, or your password.")
        else:
            attempt.succeeded()
            login(request, user, backend="ebok.accounts.backends.CustomerNumberBackend")
            start_session(request, remember=False)
            record(
                AuditEvent.Kind.LOGIN,
                request=request,
                customer=user.customer,
                detail=f"passkey {passkey.name}",
            )
            return redirect(next_url(request) or "portal:info")
    context = {"form": LoginForm(), "next": next_url(request), "passkey_error": error}
    return render(request, "accounts/login.html", context)
