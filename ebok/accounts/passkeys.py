"""Passkeys (WebAuthn, with py_webauthn): added in "Security" after the password is confirmed,
used on the login page instead of number and password, removed at will.

Each ceremony's challenge lives in the session and is taken out when the answer comes, so an
answer is accepted once: a replayed one, or one made for another session or login, finds no
challenge of its own and is refused. The relying party is the site's host (SITE_URL behind a
proxy). Adding and removing a passkey changes how the account can be reached: audited and told
by e-mail; so is a new name, which the customer knows a passkey by. Failed passkey logins are
throttled per client address, like failed passwords.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from ebok.accounts.models import Passkey
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.notifications.notices import notify

REGISTRATION_KEY = "ebok_passkey_registration"
LOGIN_KEY = "ebok_passkey_login"


class Refused(Exception):
    """The answer does not prove what it must; nothing was changed."""


def relying_party(request) -> tuple[str, str]:
    """(RP id, origin): the public address when SITE_URL says it, else the request's."""
    if settings.SITE_URL:
        parts = urlsplit(settings.SITE_URL)
        return parts.hostname, f"{parts.scheme}://{parts.netloc}"
    # A passkey's relying party is a domain name (never an IP address), so no IPv6 here.
    host = request.get_host()
    return host.split(":")[0], f"{request.scheme}://{host}"


def user_handle(user) -> bytes:
    """What the authenticator keeps for the login: its id, nothing personal."""
    return str(user.pk).encode()


def registration_options(request, name: str) -> dict:
    """Start adding a passkey named `name` for request.user: the options for the browser."""
    user = request.user
    rp_id, _ = relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=f"{settings.UTILITY_NAME} e-BOK",
        user_name=user.username,
        user_id=user_handle(user),
        user_display_name=f"e-BOK {user.username}",
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(passkey.credential_id))
            for passkey in user.passkeys.all()
        ],
    )
    request.session[REGISTRATION_KEY] = {
        "challenge": bytes_to_base64url(options.challenge),
        "name": name,
        "user": user.pk,
    }
    return json.loads(options_to_json(options))


def register(request, credential: str) -> Passkey:
    """Finish adding a passkey with the browser's answer, or raise Refused."""
    pending = request.session.pop(REGISTRATION_KEY, None)
    if not pending or pending["user"] != request.user.pk:
        raise Refused
    rp_id, origin = relying_party(request)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(pending["challenge"]),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as error:
        raise Refused from error
    credential_id = bytes_to_base64url(verified.credential_id)
    with transaction.atomic():
        if Passkey.objects.filter(credential_id=credential_id).exists():
            raise Refused
        passkey = Passkey.objects.create(
            user=request.user,
            name=pending["name"],
            credential_id=credential_id,
            public_key=verified.credential_public_key,
            sign_count=verified.sign_count,
        )
        record(
            AuditEvent.Kind.PASSKEY_ADDED,
            request=request,
            customer=request.customer,
            detail=f"login {request.user.username}: {passkey.name}",
        )
    _tell(request.customer, request.user, added=passkey.name)
    return passkey


def remove(request, passkey: Passkey) -> None:
    """The password stays: removing the last passkey leaves the login with its password."""
    with transaction.atomic():
        passkey.delete()
        record(
            AuditEvent.Kind.PASSKEY_REMOVED,
            request=request,
            customer=request.customer,
            detail=f"login {request.user.username}: {passkey.name}",
        )
    _tell(request.customer, request.user, removed=passkey.name)


def rename(request, passkey: Passkey, name: str) -> bool:
    """A new name for one of the login's passkeys; False when it already has it (nothing done).

    The name is what the e-mails list and what the customer goes by when removing a passkey
    they do not know, so a rename is audited and told like adding one.
    """
    old = passkey.name
    if name == old:
        return False
    with transaction.atomic():
        passkey.name = name
        passkey.save(update_fields=["name"])
        record(
            AuditEvent.Kind.PASSKEY_RENAMED,
            request=request,
            customer=request.customer,
            detail=f"login {request.user.username}: {old} → {name}",
        )
    _tell(request.customer, request.user, renamed=name, old_name=old)
    return True


def _tell(customer, user, **change) -> None:
    names = list(user.passkeys.values_list("name", flat=True))
    notify("passkeys_changed", customer, {"login": user.username, "names": names, **change})


def login_options(request) -> dict:
    """Start a passkey login: any passkey of this site may answer (discoverable)."""
    rp_id, _ = relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id, user_verification=UserVerificationRequirement.PREFERRED
    )
    request.session[LOGIN_KEY] = bytes_to_base64url(options.challenge)
    return json.loads(options_to_json(options))


def authenticate(request, credential: str):
    """The customer login the answer proves, or raise Refused. Each answer counts once."""
    challenge = request.session.pop(LOGIN_KEY, None)
    try:
        answer = json.loads(credential)
        credential_id = str(answer["id"])
        handle = answer.get("response", {}).get("userHandle")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise Refused from error
    passkey = (
        Passkey.objects.select_related("user__customer")
        .filter(credential_id=credential_id, user__is_active=True, user__is_staff=False)
        .first()
    )
    if challenge is None or passkey is None:
        raise Refused
    if handle and base64url_to_bytes(handle) != user_handle(passkey.user):
        raise Refused  # an answer made for another login
    rp_id, origin = relying_party(request)
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as error:
        raise Refused from error
    # Conditional on the count read: of two answers racing, one goes on.
    updated = Passkey.objects.filter(pk=passkey.pk, sign_count=passkey.sign_count).update(
        sign_count=verified.new_sign_count, last_used_at=timezone.now()
    )
    if not updated:
        raise Refused
    return passkey.user, passkey
