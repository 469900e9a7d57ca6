"""An announcement aimed at a street reaches only the customers with a service point there: in
the panel and, when "also send" is ticked, by e-mail, once."""

import pytest
from django.urls import reverse

from ebok.content.models import Announcement, AnnouncementArea
from ebok.customers.models import ServicePoint
from ebok.notifications.tests.helpers import run
from ebok.testing import TODAY, make_account, make_customer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def point(customer, code, city, street):
    return ServicePoint.objects.create(
        customer=customer, code=code, postal_code="07-100", city=city, street=street
    )


@pytest.fixture
def people(db):
    inside = make_customer()
    point(inside, "P1", "Węgrów", "ul. Gdańska 5/2")
    next_street = make_customer(number="002222", name="Obok", email_address="obok@example.pl")
    point(next_street, "P2", "Węgrów", "ul. Gdańskiego 1")
    other_town = make_customer(number="003333", name="Daleko", email_address="daleko@example.pl")
    point(other_town, "P3", "Sokołów Podlaski", "ul. Gdańska 5")
    chosen = make_customer(number="004444", name="Wybrany", email_address="wybrany@example.pl")
    chosen_point = point(chosen, "P4", "Liw", "ul. Zamkowa 1")
    for customer in (inside, next_street, other_town, chosen):
        make_account(customer)
    return inside, next_street, other_town, chosen, chosen_point


def test_a_street_outage_is_shown_and_sent_only_to_those_concerned(people, client, smtp_server):
    inside, next_street, other_town, chosen, chosen_point = people
    outage = Announcement.objects.create(
        title="Awaria wodociągu na ul. Gdańskiej",
        body="Brak wody do godz. 15:00.",
        date=TODAY,
        audience=Announcement.Audience.AREA,
        send_notice=True,
    )
    AnnouncementArea.objects.create(announcement=outage, city="Węgrów", street="ul. Gdańska")
    outage.service_points.add(chosen_point)
    Announcement.objects.create(title="Nowe stawki", date=TODAY)  # for everybody, not sent

    run("--event", "announcement")
    run("--event", "announcement")

    received = {m["To"] for m in smtp_server.messages}
    assert received == {"jan@example.pl", "wybrany@example.pl"}
    assert smtp_server.to("jan@example.pl")[0]["Subject"] == "Awaria wodociągu na ul. Gdańskiej"
    for customer, sees in [
        (inside, True),
        (next_street, False),
        (other_town, False),
        (chosen, True),
    ]:
        client.force_login(customer.account)
        page = client.get(reverse("portal:info")).content.decode()
        assert ("Awaria wodociągu" in page) is sees, customer.number
        assert "Nowe stawki" in page
