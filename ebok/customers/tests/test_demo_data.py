"""`manage.py demo_data`: believable customers with history, the seed guide's customer, content."""

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from ebok.accounts.models import User
from ebok.billing.balance import balance
from ebok.billing.models import Invoice, InvoiceLine, Payment
from ebok.content.models import Announcement, Document
from ebok.customers.models import Customer, Meter, Reading, ServicePoint
from ebok.testing import NOW, TODAY, make_account, make_customer, pdf_text

# The history ends today, and what is due or published is counted from today: the one clock's.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]

POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
MODELS = (Customer, ServicePoint, Meter, Reading, Invoice, InvoiceLine, Payment)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def demo_data(customers=30, years=2, seed=1, today=TODAY):
    arguments = ["--customers", str(customers), "--years", str(years), "--seed", str(seed)]
    if today:
        arguments += ["--today", today.isoformat()]
    call_command("demo_data", *arguments, verbosity=0)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


# `make demo` runs on whatever day it is: the history then ends on that day.
@pytest.mark.parametrize(("seed", "day"), [(1, TODAY), (7, date(2028, 2, 29))])
def test_the_seed_guides_customer_owes_exactly_sixty_zloty_today(seed, day, clock):
    clock.move_to(datetime.combine(day, NOW.timetz()))
    demo_data(seed=seed, today=None)
    jan = Customer.objects.get(number="001234")
    assert jan.name == "Jan Węgrowski"
    assert jan.address == "07-100 Węgrów, ul. Wyszyńskiego 1"
    assert jan.email == "jan.wegrowski@example.pl"
    assert balance(jan).amount_due == Decimal("60.00")
    assert balance(jan).overpayment == Decimal("0.00")
    last_reading = Reading.objects.filter(meter__service_point__customer=jan).latest("read_on")
    assert last_reading.read_on <= timezone.localdate()
    last_invoice = jan.invoices.order_by("-issued_on").first()
    assert last_invoice.gross > Decimal("60.00")
    assert jan.payments.filter(title__contains=last_invoice.number).exists()


def test_the_five_named_customers_keep_their_numbers_and_the_rest_count_from_one():
    demo_data(customers=12)
    numbers = list(Customer.objects.values_list("number", flat=True))
    named = ["001234", "001235", "001236", "001237", "001238"]
    assert numbers == [f"{n:06d}" for n in range(1, 8)] + named
    assert Customer.objects.get(number="001238").name == "Małgorzata Śliwińska"


def test_every_customer_has_points_meters_readings_invoices_and_payments():
    demo_data()
    for customer in Customer.objects.all():
        points = ServicePoint.objects.filter(customer=customer)
        assert 1 <= points.count() <= 2, customer
        for point in points:
            assert point.meters.filter(kind=Meter.Kind.MAIN).count() == 1, point
        assert Reading.objects.filter(meter__service_point__customer=customer).exists(), customer
        assert customer.invoices.filter(kind=Invoice.Kind.INVOICE).exists(), customer
        assert customer.payments.exists(), customer
    assert Meter.objects.filter(kind=Meter.Kind.SUB, description="ogród").exists()
    assert ServicePoint.objects.values("customer").distinct().count() < ServicePoint.objects.count()


def test_invoice_totals_are_the_sums_of_their_lines():
    demo_data()
    for invoice in Invoice.objects.prefetch_related("lines"):
        lines = list(invoice.lines.all())
        assert lines, invoice
        assert invoice.net == sum(line.net for line in lines), invoice
        assert invoice.vat == sum(line.vat for line in lines), invoice
        assert invoice.gross == sum(line.gross for line in lines), invoice
        assert invoice.net + invoice.vat == invoice.gross, invoice
        assert (invoice.due_on - invoice.issued_on).days == 14, invoice


def test_water_sewage_and_subscription_carry_8_percent_vat_rounded_half_up_per_line():
    demo_data()
    charges = InvoiceLine.objects.exclude(invoice__kind=Invoice.Kind.INTEREST_NOTE)
    assert charges.filter(description__startswith="Woda — zużycie").exists()
    assert charges.filter(description__startswith="Ścieki — odprowadzenie").exists()
    assert charges.filter(description__startswith="Opłata abonamentowa").exists()
    for line in charges:
        assert line.vat_rate == Decimal("8.00"), line
        assert line.net == (line.quantity * line.unit_net_price).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        ), line
        assert line.vat == (line.net * Decimal("0.08")).quantize(Decimal("0.01"), ROUND_HALF_UP), (
            line
        )
        assert line.gross == line.net + line.vat, line
    water = charges.filter(description__startswith="Woda", invoice__issued_on__gte=date(2025, 8, 1))
    assert set(water.values_list("unit_net_price", flat=True)) == {Decimal("5.20")}


def test_money_has_two_decimal_places_and_meter_values_three():
    demo_data(customers=8)
    assert {invoice.gross.as_tuple().exponent for invoice in Invoice.objects.all()} == {-2}
    assert {payment.amount.as_tuple().exponent for payment in Payment.objects.all()} == {-2}
    assert {reading.value.as_tuple().exponent for reading in Reading.objects.all()} == {-3}


def test_consumption_is_never_negative_and_a_household_uses_a_few_cubic_metres_a_month():
    demo_data()
    for meter in Meter.objects.all():
        values = list(meter.readings.order_by("read_on").values_list("value", flat=True))
        assert values == sorted(values), meter
    anna = InvoiceLine.objects.filter(
        invoice__customer__number="001235", description__startswith="Woda"
    )
    monthly = [line.quantity / 2 for line in anna]
    assert monthly and all(Decimal(2) < m < Decimal(8) for m in monthly)


def test_readings_come_mostly_from_the_reader_some_from_customers_and_estimates():
    demo_data()
    sources = {
        source: Reading.objects.filter(source=source).count()
        for source in ("reader", "customer", "estimate")
    }
    assert sources["reader"] > sources["customer"] > 0
    assert sources["estimate"] > 0


def test_corrections_are_negative_and_late_payers_get_interest_notes():
    demo_data(customers=60, years=3)
    corrections = Invoice.objects.filter(kind=Invoice.Kind.CORRECTION)
    assert corrections.exists()
    assert all(c.gross < 0 and c.number.startswith("FK/") for c in corrections)
    notes = Invoice.objects.filter(kind=Invoice.Kind.INTEREST_NOTE)
    assert 0 < notes.count() < Invoice.objects.count() / 20
    assert all(note.lines.get().vat == 0 for note in notes)


def test_invoice_numbers_are_like_fv_year_month_sequence_and_unique():
    demo_data()
    for number, issued_on in Invoice.objects.values_list("number", "issued_on"):
        match = re.fullmatch(r"(FV|FK|NO)/(\d{4})/(\d{2})/(\d{6})", number)
        assert match, number
        assert (int(match[2]), int(match[3])) == (issued_on.year, issued_on.month), number
    assert Invoice.objects.filter(number__regex=r"^FV/2026/11/0+1$").exists()


def test_payments_name_the_customer_and_invoice_and_some_are_late_or_overpaid():
    demo_data(customers=60, years=3)
    for payment in Payment.objects.select_related("customer"):
        assert payment.customer.number in payment.title, payment
        assert re.search(r"FV/\d{4}/\d{2}/\d{6}", payment.title), payment
    customers = list(Customer.objects.all())
    assert any(balance(customer).overpayment > 0 for customer in customers)
    owing_overdue = [customer for customer in customers if overdue(customer) > 0]
    assert 0 < len(owing_overdue) < len(customers) / 5


def overdue(customer) -> Decimal:
    """What the customer owes of invoices due before TODAY."""
    not_due_yet = customer.invoices.filter(due_on__gte=TODAY, gross__gt=0)
    return balance(customer).amount_due - sum(not_due_yet.values_list("gross", flat=True))


def test_names_and_addresses_are_polish_with_companies_and_housing_cooperatives():
    demo_data(customers=120, years=1)
    names = list(Customer.objects.values_list("name", flat=True))
    assert sum(1 for name in names if POLISH_LETTERS & set(name)) > len(names) / 3
    assert Customer.objects.filter(postal_code="07-100", city="Węgrów").count() > 20
    assert Customer.objects.filter(name__contains="Sp. z o.o.").exists()
    assert Customer.objects.filter(name__startswith="Spółdzielnia Mieszkaniowa").count() >= 2
    assert Customer.objects.filter(city="Łochów").exists()


def test_running_again_gives_the_same_data_and_keeps_accounts():
    demo_data()
    first = counts()
    ids = dict(Customer.objects.values_list("number", "id"))
    account = make_account(Customer.objects.get(number="001234"))
    jan_due = balance(Customer.objects.get(number="001234")).amount_due

    demo_data()
    assert counts() == first
    assert dict(Customer.objects.values_list("number", "id")) == ids
    assert User.objects.filter(pk=account.pk, customer__number="001234").exists()
    assert balance(Customer.objects.get(number="001234")).amount_due == jan_due
    assert Document.objects.count() == 3
    assert Announcement.objects.filter(title="Nowe stawki referencyjne").count() == 1


def test_a_smaller_run_removes_its_extra_customers_and_leaves_other_customers_alone():
    other = make_customer(number="009999", name="Ewa Obca", email_address="ewa@example.pl")
    Invoice.objects.create(
        customer=other,
        number="FV/2026/01/999999",
        issued_on=date(2026, 1, 5),
        due_on=date(2026, 1, 19),
        net=Decimal("100.00"),
        vat=Decimal("8.00"),
        gross=Decimal("108.00"),
    )
    demo_data(customers=20)
    demo_data(customers=10)
    assert Customer.objects.exclude(number="009999").count() == 10
    assert not Customer.objects.filter(number__in=["000011", "000015"]).exists()
    assert other.invoices.get().gross == Decimal("108.00")


def test_the_announcement_of_new_reference_rates_is_dated_1_january_2012():
    demo_data(customers=5)
    announcement = Announcement.objects.published().get(title="Nowe stawki referencyjne")
    assert announcement.date == date(2012, 1, 1)
    assert Announcement.objects.published().filter(date__gte=TODAY.replace(month=9)).count() >= 2


def test_terms_and_tariff_are_pdfs_for_everyone_with_polish_text():
    demo_data(customers=5)
    terms = Document.objects.published().get(customer=None, kind=Document.Kind.TERMS)
    assert terms.title == "Regulamin e-BOK"
    assert Path(terms.file.path).read_bytes().startswith(b"%PDF-")
    assert "Regulamin e-BOK" in pdf_text(terms.file.path)
    assert "Użytkownikiem jest Klient" in pdf_text(terms.file.path)
    tariff = Document.objects.published().get(customer=None, kind=Document.Kind.TARIFF)
    assert tariff.title == (
        "Taryfa dla zbiorowego zaopatrzenia w wodę i zbiorowego odprowadzania ścieków"
    )
    text = " ".join(pdf_text(tariff.file.path).split())
    assert "zaopatrzenia w wodę" in text
    assert "Odprowadzanie ścieków" in text
    assert "5,20" in text and "8,40" in text
    contract = Document.objects.get(customer__number="001234", kind=Document.Kind.CONTRACT)
    assert "Węgrowskim" in pdf_text(contract.file.path)
