"""The staff's second factor: an authenticator app (TOTP, RFC 6238) and single-use recovery codes.

django-otp keeps the devices: a TOTPDevice per staff member for the app (it refuses a code
whose time step is not later than the last one accepted, so a code works once) and a
StaticDevice holding the recovery codes (each deleted when used). The office's login
(ebok/backoffice/views.py) asks for a code after the password and marks the session verified;
the admin opens only to verified sessions (ebok/backoffice/site.py). Code guesses are counted
by ebok/accounts/throttle.py, so the devices' own throttling is off (settings).

Passkeys (py_webauthn) will be a third kind of device beside these two: accepted in `verify`'s
place on the code page, enrolled next to the app, and counted by `has_device`.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_DEVICE_NAME = "authenticator app"
RECOVERY_DEVICE_NAME = "recovery codes"
# Recovery codes are 8 letters and digits; the app's codes are 6 digits.
APP_CODE_LENGTH = 6


def required() -> bool:
    """Whether staff need a second factor (always, except on a DEBUG machine that said no)."""
    return settings.STAFF_TWO_FACTOR


def passed(request) -> bool:
    """Whether this session went through the second factor, or none is required."""
    return not required() or request.user.is_verified()


def has_device(user) -> bool:
    """Whether the user has a confirmed authenticator app (else they must set one up)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def enrolment_device(user) -> TOTPDevice:
    """The authenticator being set up: the same secret until its first code confirms it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code(device: TOTPDevice) -> str:
    """The device's otpauth:// address as a QR code, an SVG data: URI for an <img>.

    An <img> rather than inline SVG: the Content-Security-Policy allows data: images, and
    segno's SVG would need inline style attributes, which it does not.
    """
    qr = segno.make(device.config_url, error="m", micro=False)
    return qr.svg_data_uri(scale=4, dark="#1b1f23")


def secret_text(device: TOTPDevice) -> str:
    """The secret for typing into an app by hand: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _normalised(code: str) -> str:
    return "".join(code.split()).lower()


def enrol(user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app being set up with its first code; None if the code does not match.

    On a match the app counts from now on, a fresh set of recovery codes replaces any older
    one, and the codes are returned to be shown once. Every other session of the user ends
    (the factors changed, see `end_sessions_on_device_change`); the caller keeps its own.
    """
    with transaction.atomic():
        # Locked; a parallel request that confirmed it already leaves nothing to confirm.
        device = (
            TOTPDevice.objects.select_for_update().filter(pk=device.pk, confirmed=False).first()
        )
        if device is None or not device.verify_token(_normalised(code)):
            return None
        device.confirmed = True
        device.save()
        StaticDevice.objects.filter(user=user).delete()
        recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME)
        codes: set[str] = set()
        while len(codes) < RECOVERY_CODES:
            codes.add(StaticToken.random_token())
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
    user.refresh_from_db(fields=["session_generation"])
    return sorted(codes)


def reset(user) -> bool:
    """Remove the user's authenticator app and recovery codes (a lost phone): their sessions
    end, and the next login sets up a new app. False if there was nothing to remove."""
    with transaction.atomic():
        apps = TOTPDevice.objects.filter(user=user).delete()[0]
        recovery = StaticDevice.objects.filter(user=user).delete()[0]
    return bool(apps or recovery)


def verify(user, code: str):
    """The confirmed device that accepts the code (the app's, or a recovery code), or None."""
    code = _normalised(code)
    model = TOTPDevice if len(code) == APP_CODE_LENGTH and code.isdigit() else StaticDevice
    with transaction.atomic():
        # Locked, so that two requests with the same code cannot both pass.
        devices = model.objects.devices_for_user(user, confirmed=True).select_for_update()
        for device in devices:
            if device.verify_token(code):
                return device
    return None


def is_recovery(device) -> bool:
    return isinstance(device, StaticDevice)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def mark_verified(request, device) -> None:
    """After the second factor: a new session id, and the session remembers the device."""
    request.session.cycle_key()
    otp_login(request, device)


# Ending sessions when the factors change --------------------------------------------------


def _factor(device) -> tuple | None:
    """What a device contributes to signing in: its owner and secret, once confirmed."""
    if not device.confirmed:
        return None
    return (device.user_id, getattr(device, "key", None))


def _end_sessions(user_ids) -> None:
    # Raising the generation changes the session auth hash (User._session_auth_hash).
    get_user_model().objects.filter(pk__in=user_ids).update(
        session_generation=F("session_generation") + 1
    )


def end_sessions_on_device_change(sender, instance, raw=False, **kwargs):
    """pre_save: a device confirmed, given a new secret or moved to another user ends the
    sessions of the users concerned, wherever it happens (the login, the admin, a shell).
    Saves that change nothing of the kind (a code used) end nothing."""
    if raw:
        return
    old = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    before = _factor(old) if old is not None else None
    after = _factor(instance)
    if before != after:
        _end_sessions({factor[0] for factor in (before, after) if factor})


def end_sessions_on_device_delete(sender, instance, **kwargs):
    """post_delete: a confirmed device removed (e.g. the phone was lost) ends the sessions."""
    if instance.confirmed:
        _end_sessions({instance.user_id})
