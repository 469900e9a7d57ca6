"""The office's start page: what happened today and what is waiting, each figure linking to
the list it counts. A figure appears only for staff who may view that list."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Figure:
    label: str
    count: int
    url: str
    alert: bool = False


def _today_started():
    """Midnight in Warsaw, as an aware moment: "today" is the office's day."""
    today = timezone.localdate()
    return timezone.make_aware(dt.datetime.combine(today, dt.time.min))


def _url(name, **query) -> str:
    return f"{reverse(f'admin:{name}_changelist')}?{urlencode(query)}"


def figures(user) -> list[Figure]:
    from ebok.audit.models import AuditEvent
    from ebok.cases.models import Case
    from ebok.customers.models import Reading

    since = _today_started()
    day = {"created_at__gte": since.isoformat()}
    result = []
    if user.has_perm("audit.view_auditevent"):
        events = AuditEvent.objects.filter(created_at__gte=since)
        for kind, label in [
            (AuditEvent.Kind.LOGIN, _("Customer logins today")),
            (AuditEvent.Kind.REGISTRATION_REQUESTED, _("Registrations started today")),
        ]:
            count = events.filter(kind=kind).count()
            result.append(Figure(label, count, _url("audit_auditevent", kind__exact=kind, **day)))
    if user.has_perm("customers.view_reading"):
        count = Reading.objects.filter(
            source=Reading.Source.CUSTOMER, created_at__gte=since
        ).count()
        result.append(
            Figure(
                _("Readings submitted by customers today"),
                count,
                _url("customers_reading", source__exact=Reading.Source.CUSTOMER),
            )
        )
    if user.has_perm("customers.view_readingtoreview"):
        waiting = Reading.objects.to_review().count()
        result.append(
            Figure(
                _("Readings to review"),
                waiting,
                reverse("admin:customers_readingtoreview_changelist"),
                waiting > 0,
            )
        )
    if user.has_perm("cases.view_case"):
        open_cases = Case.objects.exclude(status=Case.Status.CLOSED)
        overdue = open_cases.filter(due_on__lt=timezone.localdate()).count()
        result.append(Figure(_("Open cases"), open_cases.count(), _url("cases_case")))
        result.append(
            Figure(_("Overdue cases"), overdue, _url("cases_case", deadline="overdue"), overdue > 0)
        )
    return result
