"""Who an announcement is for: everybody, or the customers with a service point in one of its
areas (a locality, or a street of one) or among its chosen service points.

A street is matched by the start of a point's "street and number": the area "ul. Gdańska"
takes "ul. Gdańska 5" and "ul. Gdańska 5/12", not "ul. Gdańskiego 1". Case does not count.
"""

from django.db.models import Q
from django.utils import timezone

from ebok.content.models import Announcement
from ebok.core.sql import ModelColumns

_ANNOUNCEMENT = ModelColumns(Announcement, "a")


def _street_matches(area_street: str, point_street: str) -> bool:
    area, point = area_street.strip().casefold(), point_street.strip().casefold()
    return point == area or point.startswith(area + " ")


def _in_area(area, point) -> bool:
    if area.city.strip().casefold() != point.city.strip().casefold():
        return False
    return not area.street or _street_matches(area.street, point.street)


def published_announcements() -> list[Announcement]:
    """Announcement.objects.published(), newest first, written in SQL: every customer's home
    and "Informacje" pages ask for it, and built from expressions it cost the app four times
    what the database needs to answer it."""
    now = timezone.now()
    return _ANNOUNCEMENT.objects(
        "WHERE a.published_from <= %s AND (a.published_until IS NULL OR a.published_until > %s)"
        " ORDER BY a.date DESC, a.id DESC",
        [now, now],
    )


def for_customer(customer) -> list:
    """The published announcements this customer should see, newest first.

    One query while every announcement is for all customers; three more when some are aimed
    (their areas, the customer's points, and which of those points were chosen), however many
    points an announcement names.
    """
    from ebok.content.models import AnnouncementArea

    announcements = published_announcements()
    aimed = [a.pk for a in announcements if a.audience != Announcement.Audience.ALL]
    if not aimed:
        return announcements
    points = list(customer.service_points.all())
    chosen = set(
        Announcement.service_points.through.objects.filter(
            announcement__in=aimed, servicepoint__customer=customer
        ).values_list("announcement_id", flat=True)
    )
    reached = set(chosen)
    for area in AnnouncementArea.objects.filter(announcement__in=aimed):
        if any(_in_area(area, point) for point in points):
            reached.add(area.announcement_id)
    return [a for a in announcements if a.audience == Announcement.Audience.ALL or a.pk in reached]


def customer_ids(announcement) -> list[int]:
    """The customers an announcement is for, from the database's side (for sending)."""
    from ebok.customers.models import Customer, ServicePoint

    if announcement.audience == Announcement.Audience.ALL:
        return list(Customer.objects.order_by("pk").values_list("pk", flat=True))
    where = Q(pk__in=announcement.service_points.values("pk"))
    for area in announcement.areas.all():
        place = Q(city__iexact=area.city.strip())
        if area.street:
            street = area.street.strip()
            place &= Q(street__iexact=street) | Q(street__istartswith=street + " ")
        where |= place
    points = ServicePoint.objects.filter(where)
    return sorted(set(points.values_list("customer_id", flat=True)))
