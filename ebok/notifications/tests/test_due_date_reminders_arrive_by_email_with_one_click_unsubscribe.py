"""The daily run e-mails a reminder three days before an invoice falls due: to the address on
file, in the customer's language, as text and HTML, with a one-click unsubscribe (RFC 8058)
that turns that event off without logging in."""

import pytest
from django.test import Client

from ebok.notifications.models import Notice, Preference, recipient_of
from ebok.notifications.tests.helpers import make_invoice, run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def test_a_reminder_goes_in_polish_with_both_parts_and_the_unsubscribe_headers(
    customer, smtp_server
):
    make_invoice(customer, "FV/7/2026", due_in=3, gross="120.50")
    make_invoice(customer, "FV/8/2026", due_in=4)  # not yet

    output = run("--event", "payment_due")

    assert "payment_due: 1 due, 1 new notices" in output
    [message] = smtp_server.to("jan@example.pl")
    assert message["Subject"] == "Termin płatności 2026-11-28"
    text = smtp_server.body(message)
    assert "120,50\xa0zł" in text and "FV/7/2026" in text and "001234" in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "FV/7/2026" in html and "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie" in html
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip().strip("<>")
    assert link.startswith("http://testserver/account/notifications/unsubscribe/")
    notice = Notice.objects.get()
    assert notice.status == Notice.Status.SENT
    assert notice.subject == "Termin płatności 2026-11-28"

    # The mail program's one-click POST, with no session and no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        link.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    choice = Preference.objects.get(customer=customer, event="payment_due", channel="email")
    assert choice.enabled is False


def test_english_is_used_when_the_customer_chose_it(customer, smtp_server):
    recipient = recipient_of(customer)
    recipient.language = "en"
    recipient.save()
    make_invoice(customer, "FV/7/2026", due_in=3)

    run("--event", "payment_due")

    [message] = smtp_server.to("jan@example.pl")
    assert message["Subject"] == "Payment due on 2026-11-28"
    assert "is left to pay on invoice FV/7/2026" in smtp_server.body(message)


def test_a_paid_invoice_and_a_customer_who_said_no_get_nothing(customer, stranger, smtp_server):
    from ebok.billing.models import Payment
    from ebok.testing import TODAY

    invoice = make_invoice(customer, "FV/7/2026", due_in=3, gross="50.00")
    Payment.objects.create(customer=customer, paid_on=TODAY, amount=invoice.gross)
    make_invoice(stranger, "FV/9/2026", due_in=3)
    Preference.objects.create(
        customer=stranger, event="payment_due", channel="email", enabled=False
    )

    run("--event", "payment_due")

    assert smtp_server.messages == []
    assert not Notice.objects.exists()


def test_the_link_opened_in_a_browser_asks_first_and_a_forged_one_is_not_found(
    customer, client, smtp_server
):
    make_invoice(customer, due_in=3)
    run("--event", "payment_due")
    link = smtp_server.to("jan@example.pl")[0]["List-Unsubscribe"].strip().strip("<>")
    path = link.removeprefix("http://testserver")

    page = client.get(path)
    assert page.status_code == 200
    assert "Zatrzymać powiadomienia e-mail tego rodzaju" in page.content.decode()
    assert not Preference.objects.exists()

    forged = path.replace("/unsubscribe/", "/unsubscribe/x")
    assert client.post(forged).status_code == 404
    assert not Preference.objects.exists()
