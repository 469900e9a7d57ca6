"""The office's door: the admin's login, its second step (a code) and setting up the app.

The password step works like the customers' login (ebok/accounts/views.py): the attempt is
reserved with the throttle before the password is checked, per username and client address.
A right password logs the user in but opens nothing yet: until the second factor is passed
the admin (ebok/backoffice/site.py) shows only these pages and logout. Code guesses are
throttled per staff account and address in the same way.
"""

from django.contrib import messages
from django.contrib.auth import authenticate, login, update_session_auth_hash
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from ebok.accounts import throttle, two_factor
from ebok.accounts.middleware import start_session
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.backoffice.forms import CodeForm, EnrolmentCodeForm, StaffLoginForm
from ebok.core.middleware import client_address
from ebok.core.redirects import next_url


def _pending(request) -> bool:
    """Password accepted, second factor not yet given."""
    user = request.user
    return user.is_active and user.is_staff and not two_factor.passed(request)


def _onward(request) -> str:
    return next_url(request) or reverse("admin:index")


def _step(request, name: str) -> str:
    """A step of the login, carrying where the user was going."""
    return f"{reverse(name)}?{urlencode({'next': _onward(request)})}"


def _second_step(request):
    if two_factor.has_device(request.user):
        return redirect(_step(request, "admin:login_code"))
    return redirect(_step(request, "admin:login_enrol"))


def _context(request, site, form, title, **extra) -> dict:
    return {
        **site.each_context(request),
        "title": title,
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
        "form": form,
        "next": _onward(request),
        **extra,
    }


def _check_password(request, form):
    """The staff user if the throttle allows the attempt and the password is right."""
    username = form.cleaned_data["username"]
    detail = f"username: {username}"
    try:
        # Case variants share one count, whatever the database's collation of usernames.
        attempt = throttle.reserve(
            (throttle.STAFF, username.casefold()),
            (throttle.ADDRESS, client_address(request)),
        )
    except throttle.Throttled as refused:
        # Refused before any password is hashed: a throttled guess costs us nothing.
        record(AuditEvent.Kind.STAFF_LOGIN_THROTTLED, request=request, detail=detail)
        form.add_error(None, throttle.throttled_message(refused.seconds))
        return None
    user = authenticate(request, staff_username=username, password=form.cleaned_data["password"])
    if user is None:
        attempt.failed()
        record(AuditEvent.Kind.STAFF_LOGIN_FAILED, request=request, detail=f"password, {detail}")
        form.add_error(None, form.get_invalid_login_error())
        return None
    attempt.succeeded()
    return user


def _check_code(request, form, check):
    """check(code)'s result if the throttle allows the attempt and the code is right."""
    user = request.user
    try:
        attempt = throttle.reserve(
            (throttle.STAFF_CODE, str(user.pk)),
            (throttle.ADDRESS, client_address(request)),
        )
    except throttle.Throttled as refused:
        record(AuditEvent.Kind.STAFF_LOGIN_THROTTLED, request=request, actor=user, detail="code")
        form.add_error(None, throttle.throttled_message(refused.seconds))
        return None
    result = check(form.cleaned_data["code"])
    if not result:
        attempt.failed()
        record(AuditEvent.Kind.STAFF_LOGIN_FAILED, request=request, actor=user, detail="code")
        form.add_error(
            "code", _("This code is not correct, or it was used already. Try the next one.")
        )
        return None
    attempt.succeeded()
    return result


@sensitive_post_parameters("password")
@never_cache
@csrf_protect
def login_view(request, site):
    if request.method == "GET" and site.has_permission(request):
        return redirect(_onward(request))
    if request.method == "GET" and _pending(request):
        return _second_step(request)
    form = StaffLoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = _check_password(request, form)
        if user is not None:
            login(request, user)
            # Never "remembered": the cookie dies with the browser, the session idles out.
            start_session(request, remember=False)
            if two_factor.required():
                return _second_step(request)
            detail = "no second factor (STAFF_TWO_FACTOR off)"
            record(AuditEvent.Kind.STAFF_LOGIN, request=request, actor=user, detail=detail)
            return redirect(_onward(request))
    return TemplateResponse(request, "admin/login.html", _context(request, site, form, _("Log in")))


@sensitive_post_parameters("code")
@never_cache
@csrf_protect
def code_view(request, site):
    if not _pending(request):
        return redirect("admin:login")
    user = request.user
    if not two_factor.has_device(user):
        return redirect(_step(request, "admin:login_enrol"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = _check_code(request, form, lambda code: two_factor.verify(user, code))
        if device is not None:
            two_factor.mark_verified(request, device)
            detail = "authenticator app"
            if two_factor.is_recovery(device):
                left = two_factor.recovery_codes_left(user)
                detail = f"recovery code, {left} left"
                messages.warning(request, _recovery_code_notice(left))
            record(AuditEvent.Kind.STAFF_LOGIN, request=request, actor=user, detail=detail)
            return redirect(_onward(request))
    context = _context(request, site, form, _("Log in: second step"))
    return TemplateResponse(request, "admin/login_code.html", context)


def _recovery_code_notice(left: int) -> str:
    return ngettext(
        "You logged in with a recovery code, which is now used up. %(count)d recovery code "
        "is left. If your phone is lost, ask an administrator to remove your authenticator "
        "app, then set up a new one at your next login.",
        "You logged in with a recovery code, which is now used up. %(count)d recovery codes "
        "are left. If your phone is lost, ask an administrator to remove your authenticator "
        "app, then set up a new one at your next login.",
        left,
    ) % {"count": left}


@sensitive_post_parameters("code")
@never_cache
@csrf_protect
def enrol_view(request, site):
    if not _pending(request):
        return redirect("admin:login")
    user = request.user
    if two_factor.has_device(user):
        return redirect(_step(request, "admin:login_code"))
    device = two_factor.enrolment_device(user)
    form = EnrolmentCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = _check_code(request, form, lambda code: two_factor.enrol(user, device, code))
        if codes:
            # The factors changed, which ends the user's other sessions; this one goes on.
            update_session_auth_hash(request, user)
            two_factor.mark_verified(request, device)
            record(AuditEvent.Kind.STAFF_TWO_FACTOR_ENROLLED, request=request, actor=user)
            detail = "authenticator app, just set up"
            record(AuditEvent.Kind.STAFF_LOGIN, request=request, actor=user, detail=detail)
            # Shown in this response only: a reload cannot show them again.
            context = _context(request, site, None, _("Your recovery codes"), codes=codes)
            return TemplateResponse(request, "admin/login_recovery_codes.html", context)
    context = _context(
        request,
        site,
        form,
        _("Set up your authenticator app"),
        qr_code=two_factor.qr_code(device),
        secret=two_factor.secret_text(device),
    )
    return TemplateResponse(request, "admin/login_enrol.html", context)
