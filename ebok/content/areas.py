"""Who an announcement is for: everybody, or the customers with a service point in one of its
areas (a locality, or a street of one) or among its chosen service points.

A street is matched by the start of a point's "street and number": the area "ul. Gdańska"
takes "ul. Gdańska 5" and "ul. Gdańska 5/12", not "ul. Gdańskiego 1". Case does not count.
"""

from django.db.models import Q

from ebok.content.models import Announcement


def _street_matches(area_street: str, point_street: str) -> bool:
    area, point = area_street.strip().casefold(), point_street.strip().casefold()
    return point == area or point.startswith(area + " ")


def reaches(announcement, points) -> bool:
    """Whether the announcement is for a customer with these service points."""
    if announcement.audience == Announcement.Audience.ALL:
        return True
    chosen = {p.pk for p in announcement.service_points.all()}
    for point in points:
        if point.pk in chosen:
            return True
        for area in announcement.areas.all():
            if area.city.strip().casefold() != point.city.strip().casefold():
                continue
            if not area.street or _street_matches(area.street, point.street):
                return True
    return False


def for_customer(customer, queryset=None) -> list:
    """The published announcements this customer should see, newest first (three queries)."""
    queryset = queryset if queryset is not None else Announcement.objects.published()
    announcements = queryset.prefetch_related("areas", "service_points")
    points = list(customer.service_points.all())
    return [a for a in announcements if reaches(a, points)]


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
