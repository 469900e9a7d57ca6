from ebok.audit.models import AuditEvent
from ebok.core.middleware import client_ip


def record(
    kind, *, request=None, origin=None, customer=None, customer_number="", actor=None, detail=""
):
    """Write one audit event; the request (or, in a task, its Origin) gives address and browser."""
    ip_address, user_agent = None, ""
    if request is not None:
        ip_address = client_ip(request)
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    elif origin is not None:
        ip_address, user_agent = origin.ip_address, origin.user_agent
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
