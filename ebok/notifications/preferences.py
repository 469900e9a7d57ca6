"""What each customer chose to be told, and by which channel: stored choices over defaults."""

from ebok.notifications.events import EVENTS, choosable
from ebok.notifications.models import Preference


def wanted_by(customer_ids, event_key: str, channel: str) -> set[int]:
    """Those of the customers who want this event by this channel (one query)."""
    event = EVENTS[event_key]
    if channel not in event.defaults:
        return set()
    if event.always:
        return set(customer_ids)
    choices = dict(
        Preference.objects.filter(
            customer__in=customer_ids, event=event_key, channel=channel
        ).values_list("customer", "enabled")
    )
    default = event.defaults[channel]
    return {cid for cid in customer_ids if choices.get(cid, default)}


def choices_of(customer) -> dict[tuple[str, str], bool]:
    """Every (event, channel) a customer may choose, with what is in force for them."""
    stored = {(p.event, p.channel): p.enabled for p in Preference.objects.filter(customer=customer)}
    return {
        (event.key, channel): stored.get((event.key, channel), default)
        for event in choosable()
        for channel, default in event.defaults.items()
    }


def choose(customer, event_key: str, channel: str, enabled: bool) -> None:
    event = EVENTS[event_key]
    if event.always or channel not in event.defaults:
        return
    Preference.objects.update_or_create(
        customer=customer, event=event_key, channel=channel, defaults={"enabled": enabled}
    )
