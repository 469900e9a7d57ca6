"""The utility's name, address, phone, e-mail, hours and emergency number: in the footer of
every page, on "Kontakt", on the error pages, in every e-mail and on the PDFs."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ebok.backoffice.letter import Letter, render_letters
from ebok.billing.models import Invoice
from ebok.billing.pdf import render_invoice_pdf
from ebok.testing import make_account, make_customer, make_history, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("contact")]

EMAIL_TEMPLATES = Path(django_settings.BASE_DIR, "templates", "emails")
# What the footer of a page and of an e-mail shows, in both.
SHOWN = [
    "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie",
    "ul. Przemysłowa 8, 07-100 Węgrów",
    "25 792 20 41",
    "bok@pwik.wegrow.pl",
    "pon. 8:00-17:00, wt.-pt. 7:30-15:30",
    "994",
]


def footer_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') :]


def test_the_footer_of_a_page_before_and_after_login_shows_the_contact(client):
    before = footer_of(client.get(reverse("accounts:login")))
    client.force_login(make_account(make_customer()))
    after = footer_of(client.get(reverse("portal:info")))
    for footer in (before, after):
        for text in SHOWN:
            assert text in footer
        assert "Awarie (całą dobę):" in footer
        assert "Biuro Obsługi Klienta:" in footer


def test_the_footer_leaves_out_what_the_utility_did_not_give(client, settings):
    settings.UTILITY_EMERGENCY_PHONE = ""
    settings.UTILITY_CUSTOMER_OFFICE_HOURS = ""
    footer = footer_of(client.get(reverse("accounts:login")))
    assert "Awarie" not in footer
    assert "Biuro Obsługi Klienta:" not in footer


def test_the_contact_page_lists_every_detail_with_its_label(client):
    html = client.get(reverse("public:contact")).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    facts = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", main))
    assert facts["Adres"] == "ul. Przemysłowa 8, 07-100 Węgrów"
    assert facts["Telefon"] == '<a href="tel:257922041">25 792 20 41</a>'
    assert facts["Godziny pracy"] == "pon.-pt. 7:00-15:00"
    assert facts["Godziny otwarcia Biura Obsługi Klienta"] == "pon. 8:00-17:00, wt.-pt. 7:30-15:30"
    assert facts["Awarie (całą dobę)"] == '<a href="tel:994">994</a>'
    assert facts["Adres e-mail"] == '<a href="mailto:bok@pwik.wegrow.pl">bok@pwik.wegrow.pl</a>'
    assert (
        facts["Strona internetowa"] == '<a href="https://pwik.wegrow.pl">https://pwik.wegrow.pl</a>'
    )


def test_the_error_pages_show_the_hours_and_the_emergency_number(client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "pon. 8:00-17:00, wt.-pt. 7:30-15:30" in main
    assert '<a href="tel:994">994</a>' in main


def test_every_email_template_ends_with_the_shared_footer():
    templates = sorted(EMAIL_TEMPLATES.glob("*.txt"))
    assert len(templates) > 5
    for template in templates:
        if template.name == "footer.txt" or template.name.startswith("_"):
            continue  # the footer itself, and parts ("_name.txt") included in whole e-mails
        assert '{% include "emails/footer.txt" %}' in template.read_text(), template.name


def test_an_email_carries_the_whole_contact(client):
    make_account(make_customer())
    client.post(reverse("accounts:password_forgotten"), {"customer_number": "001234"})
    (message,) = mail.outbox
    signature = message.body.split("\n-- \n", 1)[1]
    assert signature.splitlines() == [
        "Przedsiębiorstwo Wodociągów i Kanalizacji w Węgrowie",
        "ul. Przemysłowa 8, 07-100 Węgrów",
        "Telefon: 25 792 20 41 (pon.-pt. 7:00-15:00)",
        "E-mail: bok@pwik.wegrow.pl",
        "Biuro Obsługi Klienta: pon. 8:00-17:00, wt.-pt. 7:30-15:30",
        "Awarie (całą dobę): 994",
        "https://pwik.wegrow.pl",
    ]


def test_the_invoice_copy_and_the_letter_give_the_hours_and_the_emergency_number():
    customer = make_customer()
    make_history(customer, years=1)
    invoice = Invoice.objects.filter(customer=customer).first()
    letter = Letter(customer, "ABCD-EFGH-JK", timezone.now() + timedelta(days=7), "https://e/")
    for pdf in (render_invoice_pdf(invoice), render_letters([letter])):
        text = pdf_text(pdf)
        assert text.count("\f") == 1, "all on one page"
        assert "Biuro Obsługi Klienta: pon. 8:00-17:00, wt.-pt. 7:30-15:30" in text
        assert "Awarie (całą dobę): 994" in text
        assert "Godziny pracy: pon.-pt. 7:00-15:00" in text


def test_a_logged_in_customer_keeps_the_greeting_and_log_out_on_the_public_pages(client):
    client.force_login(make_account(make_customer()))
    for name in ["contact", "accessibility", "privacy", "cookies"]:
        html = client.get(reverse(f"public:{name}")).content.decode()
        header = html[html.index("<header") : html.index("</header>")]
        assert "Witaj, 001234 !" in header, name
        assert "Wyloguj" in header, name
