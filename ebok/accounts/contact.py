"""Contact data the customer keeps in "My account": e-mail on file, mobile phone, correspondence
address. Each change is audited, told to the customer and recorded for the billing system's
pull (AccountChange).

Whose is what: the e-mail on file and the correspondence address belong to the customer number
(only its owners change them); the mobile phone belongs to the login (the person), so any login
sets its own, and the change is recorded for every number the login owns.
"""

from django.db import transaction

from ebok.accounts import confirmations
from ebok.accounts.models import AccountChange, CorrespondenceAddress, Membership
from ebok.audit.log import record
from ebok.audit.models import AuditEvent
from ebok.core.origin import Origin
from ebok.notifications.notices import notify


def record_change(customer, kind, value: dict) -> AccountChange:
    """What the billing system pulls: the new value of one piece of contact data or consent."""
    return AccountChange.objects.create(
        customer=customer, customer_number=customer.number, kind=kind, value=value
    )


def request_email_change(customer, email: str, *, request) -> None:
    """The new address is used only once the link sent to it is opened (confirmations.py)."""
    confirmations.start(customer, email, confirmations.Purpose.CHANGE, origin=Origin.of(request))


def change_phone(user, phone: str, *, request) -> bool:
    """Set the login's mobile phone (E.164, or "" to remove it). False: it was the same."""
    if phone == user.phone:
        return False
    owned = [
        membership.customer
        for membership in user.memberships.select_related("customer")
        if membership.role == Membership.Role.OWNER
    ]
    with transaction.atomic():
        user.phone = phone
        # A new number must be confirmed again before any SMS goes to it.
        user.phone_confirmed_at = None
        user.save(update_fields=["phone", "phone_confirmed_at"])
        for customer in owned:
            record_change(customer, AccountChange.Kind.PHONE, {"phone": phone})
        customer = request.customer
        record(
            AuditEvent.Kind.CONTACT_CHANGED,
            request=request,
            customer=customer,
            detail=f"mobile phone of login {user.username}: {phone or 'removed'}",
        )
    notify("contact_changed", request.customer, {"what": "phone", "phone": phone})
    return True


def change_correspondence_address(customer, address: dict | None, *, request) -> bool:
    """Set (a dict of postal_code, city, street) or remove (None) where letters go."""
    current = CorrespondenceAddress.objects.filter(customer=customer).first()
    before = _as_dict(current)
    if before == address:
        return False
    with transaction.atomic():
        if address is None:
            CorrespondenceAddress.objects.filter(customer=customer).delete()
        else:
            CorrespondenceAddress.objects.update_or_create(customer=customer, defaults=address)
        record_change(customer, AccountChange.Kind.CORRESPONDENCE_ADDRESS, address or {})
        shown = ", ".join(address.values()) if address else "removed"
        record(
            AuditEvent.Kind.CONTACT_CHANGED,
            request=request,
            customer=customer,
            detail=f"correspondence address: {shown}"[:300],
        )
    notify("contact_changed", customer, {"what": "address", "address": address})
    return True


def _as_dict(address: CorrespondenceAddress | None) -> dict | None:
    if address is None:
        return None
    return {"postal_code": address.postal_code, "city": address.city, "street": address.street}


def correspondence_address(customer) -> dict | None:
    return _as_dict(CorrespondenceAddress.objects.filter(customer=customer).first())
