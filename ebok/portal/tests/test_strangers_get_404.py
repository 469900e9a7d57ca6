"""Every customer-scoped URL, tried with another customer's ids: 404, never their data."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from ebok.accounts import confirmations
from ebok.accounts.models import EmailConfirmation, Membership
from ebok.content.models import Document
from ebok.core.origin import Origin
from ebok.customers.models import LeakWarning, Meter
from ebok.portal.urls import urlpatterns
from ebok.testing import make_account, make_customer, make_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def strangers_things(stranger, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    _point, meter = make_history(stranger, years=1, serial="OBCY-1")
    document = Document.objects.create(
        customer=stranger, title="Umowa Ewy", date="2026-01-01", kind="contract"
    )
    document.file.save("umowa.pdf", ContentFile(b"%PDF-1.4 private"))
    # Someone else with access to the stranger's number, and an invitation to it.
    other_login = make_account(make_customer(number="008888", name="Ktoś Trzeci"))
    access = Membership.objects.create(user=other_login, customer=stranger, role="viewer")
    confirmations.start(
        stranger,
        "gosc@example.pl",
        EmailConfirmation.Purpose.INVITATION,
        origin=Origin(),
        details={"role": "viewer", "by": "009999"},
    )
    return {
        "access_revoke": access.pk,
        "invitation_cancel": EmailConfirmation.objects.get(email="gosc@example.pl").pk,
        "invoice": stranger.invoices.first().pk,
        "invoice_pdf": stranger.invoices.first().pk,
        "meter": meter.pk,
        "meter_csv": meter.pk,
        "meter_reading": meter.pk,
        "document": document.pk,
    }


WITH_ID = sorted(pattern.name for pattern in urlpatterns if "<int:pk>" in str(pattern.pattern))


# Pages that change something take POST; the others are read with GET.
POSTED = {"access_revoke", "invitation_cancel"}


def test_every_pattern_with_an_id_is_covered():
    assert WITH_ID == [
        "access_revoke",
        "document",
        "invitation_cancel",
        "invoice",
        "invoice_pdf",
        "meter",
        "meter_csv",
        "meter_reading",
    ]


@pytest.mark.parametrize("name", WITH_ID)
def test_stranger_gets_404(client, account, strangers_things, name):
    client.force_login(account)
    url = reverse(f"portal:{name}", args=[strangers_things[name]])
    response = client.post(url) if name in POSTED else client.get(url)
    assert response.status_code == 404
    assert Membership.objects.filter(customer__number="009999", user__username="008888").exists()
    assert EmailConfirmation.objects.filter(email="gosc@example.pl", used_at__isnull=True).exists()


@pytest.mark.parametrize("name", WITH_ID)
def test_anonymous_visitor_with_an_id_is_sent_to_login(client, strangers_things, name):
    response = client.get(reverse(f"portal:{name}", args=[strangers_things[name]]))
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "url",
    [
        "/panel/invoices/?year=2016",  # only the stranger has invoices in 2016
        "/panel/invoices/?page=2",
        "/panel/invoices/?year=abc",
        "/panel/payments/?page=2",
        "/panel/documents/?page=2",
        "/panel/invoices/?page=0",
    ],
)
def test_stranger_paging_and_filters_show_nothing_of_theirs(client, account, strangers_things, url):
    client.force_login(account)
    assert client.get(url).status_code == 404


def test_stranger_invoices_are_not_reachable_through_the_zip(client, account, strangers_things):
    """The ZIP download takes invoice ids and a year in its query, not in its path."""
    client.force_login(account)
    url = reverse("portal:invoices_zip")
    assert client.get(url, {"invoice": strangers_things["invoice"]}).status_code == 404
    assert client.get(url, {"year": "2016"}).status_code == 404  # only the stranger has 2016


def test_stranger_money_is_not_in_the_statement(client, account, strangers_things):
    client.force_login(account)
    for kind in ["", "csv"]:
        response = client.get(
            reverse("portal:statement"),
            {"start": "2016-01-01", "end": "2025-12-31", "format": kind},
        )
        content = response.content.decode()
        assert "FV/009999" not in content
        assert "108,00" not in content  # the stranger's invoices' and payments' amount


def test_stranger_meter_pages_are_not_reachable_by_paging(client, account, strangers_things):
    client.force_login(account)
    url = reverse("portal:meter", args=[strangers_things["meter"]]) + "?page=1"
    assert client.get(url).status_code == 404


def test_a_reading_sent_to_a_strangers_meter_is_not_found_nor_sent_on(
    client, account, strangers_things
):
    client.force_login(account)
    for name in ["portal:meter", "portal:meter_reading"]:
        url = reverse(name, args=[strangers_things["meter"]])
        assert client.post(url, {"value": "999", "read_on": "2026-11-25"}).status_code == 404
    assert (
        not Meter.objects.get(pk=strangers_things["meter"])
        .readings.filter(source="customer")
        .exists()
    )


@pytest.mark.parametrize(
    "name", ["portal:meter", "portal:meter_reading", "portal:meter_csv", "portal:invoice"]
)
def test_an_id_no_database_column_holds_is_not_found(client, account, name):
    client.force_login(account)
    assert client.get(reverse(name, args=[10**20])).status_code == 404


@pytest.mark.parametrize("tab", ["info", "invoices", "payments", "meters", "documents", "overview"])
def test_tabs_show_none_of_the_strangers_data(client, account, strangers_things, tab):
    client.force_login(account)
    page = client.get(reverse(f"portal:{tab}")).content.decode()
    for text in ["OBCY-1", "FV/009999", "Umowa Ewy", "Ewa Obca", "009999"]:
        assert text not in page


def test_a_strangers_leak_warning_is_not_on_my_home_page(client, account, strangers_things):
    stranger_point = Meter.objects.get(pk=strangers_things["meter"]).service_point
    LeakWarning.objects.create(
        service_point=stranger_point,
        since=date(2026, 11, 1),
        daily_use=Decimal("1.200"),
        baseline=Decimal("0.300"),
    )
    client.force_login(account)
    page = client.get(reverse("portal:overview")).content.decode()
    assert "Możliwy wyciek wody" not in page
    assert stranger_point.address not in page
