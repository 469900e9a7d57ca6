"""Background work after readings arrive: the leak check of the points they belong to."""

from django.utils import timezone
from django_tasks import task


@task()
def check_leaks(*, point_ids: list[int]) -> None:
    from ebok.customers import leaks
    from ebok.customers.models import ServicePoint

    today = timezone.localdate()
    for point in ServicePoint.objects.filter(pk__in=point_ids).order_by("pk"):
        leaks.check_point(point, today)


def check_leaks_after_commit(point_ids) -> None:
    """Queue the check once the readings are committed (the worker must see them)."""
    from django.db import transaction

    ids = sorted(set(point_ids))
    if ids:
        transaction.on_commit(lambda: check_leaks.enqueue(point_ids=ids))
