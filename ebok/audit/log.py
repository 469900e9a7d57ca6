import ipaddress

from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_address


def _valid_ip(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def request_ip(request) -> str | None:
    """The client's address as stored: a valid IP address, or None."""
    return _valid_ip(client_address(request))


def record(kind, *, request=None, customer=None, customer_number="", actor=None, detail=""):
    """Write one audit event; the request, when there is one, gives the address and browser."""
    ip_address, user_agent = None, ""
    if request is not None:
        ip_address = request_ip(request)
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    if customer is not None and not customer_number:
        customer_number = customer.number
    return AuditEvent.objects.create(
        kind=kind,
        customer=customer,
        customer_number=customer_number[:40],
        actor=actor,
        ip_address=ip_address,
        user_agent=user_agent,
        detail=detail[:300],
    )
