"""The account statement's figures are the tabs' figures: the invoices' gross amounts on
"Faktury/naliczenia", the payments on "Płatności", and the balance there, to the grosz."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ebok.billing.balance import balance
from ebok.billing.models import Invoice, Payment
from ebok.billing.statement import statement
from ebok.portal.scope import CustomerScope
from ebok.testing import make_account, make_customer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def make_year_of_money(customer):
    """A year (2026) with an invoice, a crediting correction, an interest note and payments,
    after a year (2025) that left 50,00 zł owed."""
    invoices = [
        ("FV/2025/11/0007", Invoice.Kind.INVOICE, date(2025, 11, 10), "150.00"),
        ("FV/2026/01/0042", Invoice.Kind.INVOICE, date(2026, 1, 15), "1234.56"),
        ("FK/2026/03/0001", Invoice.Kind.CORRECTION, date(2026, 3, 15), "-34.56"),
        ("NO/2026/06/0003", Invoice.Kind.INTEREST_NOTE, date(2026, 6, 1), "12.34"),
        ("FV/2026/09/0311", Invoice.Kind.INVOICE, date(2026, 9, 15), "210.99"),
    ]
    for number, kind, issued_on, gross in invoices:
        Invoice.objects.create(
            customer=customer,
            number=number,
            kind=kind,
            issued_on=issued_on,
            due_on=issued_on.replace(day=28),
            net=Decimal(gross),
            vat=Decimal("0.00"),
            gross=Decimal(gross),
        )
    payments = [
        (date(2025, 12, 1), "100.00", "Woda listopad"),
        (date(2026, 2, 10), "1234.56", "Przelew za styczeń"),
        (date(2026, 3, 15), "50.00", "Wpłata w kasie"),
        (date(2026, 10, 1), "90.00", ""),
    ]
    for paid_on, amount, title in payments:
        Payment.objects.create(
            customer=customer, paid_on=paid_on, amount=Decimal(amount), title=title
        )


@pytest.fixture
def money_customer():
    customer = make_customer()
    make_year_of_money(customer)
    return customer


def test_statement_lists_the_period_in_date_order_with_a_running_balance(money_customer):
    result = statement(CustomerScope(money_customer), date(2026, 1, 1), date(2026, 11, 25))

    assert result.opening == Decimal("50.00")  # 150,00 invoiced, 100,00 paid in 2025
    assert [
        (entry.day.isoformat(), entry.document, entry.charge, entry.credit, entry.balance)
        for entry in result.entries
    ] == [
        ("2026-01-15", "FV/2026/01/0042", Decimal("1234.56"), None, Decimal("1284.56")),
        ("2026-02-10", "Przelew za styczeń", None, Decimal("1234.56"), Decimal("50.00")),
        # On one day the correction comes before the payment; the balance turns to overpayment.
        ("2026-03-15", "FK/2026/03/0001", None, Decimal("34.56"), Decimal("15.44")),
        ("2026-03-15", "Wpłata w kasie", None, Decimal("50.00"), Decimal("-34.56")),
        ("2026-06-01", "NO/2026/06/0003", Decimal("12.34"), None, Decimal("-22.22")),
        ("2026-09-15", "FV/2026/09/0311", Decimal("210.99"), None, Decimal("188.77")),
        ("2026-10-01", "przelew", None, Decimal("90.00"), Decimal("98.77")),
    ]
    assert (result.charges, result.credits) == (Decimal("1457.89"), Decimal("1409.12"))
    assert result.closing == Decimal("98.77")


def test_a_statement_to_today_ends_at_the_balance(money_customer):
    current = balance(money_customer)
    for start in [date(2025, 1, 1), date(2026, 1, 1), date(2026, 3, 15), date(2026, 11, 25)]:
        result = statement(CustomerScope(money_customer), start, date(2026, 11, 25))
        assert result.closing == current.amount_due - current.overpayment == Decimal("98.77")


def test_periods_that_meet_carry_the_balance_over(money_customer):
    scope = CustomerScope(money_customer)
    first = statement(scope, date(2026, 1, 1), date(2026, 3, 14))
    second = statement(scope, date(2026, 3, 15), date(2026, 11, 25))
    assert first.closing == second.opening == Decimal("50.00")
    assert len(first.entries) + len(second.entries) == 7


def test_a_period_without_entries_keeps_the_balance(money_customer):
    result = statement(CustomerScope(money_customer), date(2026, 11, 1), date(2026, 11, 25))
    assert result.entries == []
    assert result.opening == result.closing == Decimal("98.77")


def test_another_customers_money_is_not_in_the_statement(money_customer):
    other = make_customer(number="009999", name="Ewa Obca")
    Invoice.objects.create(
        customer=other,
        number="FV/OBCA/1",
        issued_on=date(2026, 5, 5),
        due_on=date(2026, 5, 20),
        net=Decimal("999.00"),
        vat=Decimal("0.00"),
        gross=Decimal("999.00"),
    )
    Payment.objects.create(customer=other, paid_on=date(2026, 5, 6), amount=Decimal("1.00"))
    result = statement(CustomerScope(money_customer), date(2025, 1, 1), date(2026, 11, 25))
    assert "FV/OBCA/1" not in [entry.document for entry in result.entries]
    assert result.closing == Decimal("98.77")


def _amount(text: str) -> Decimal:
    """ "1 234,56 zł" (with no-break spaces) → Decimal("1234.56")."""
    digits = text.replace("\N{NO-BREAK SPACE}", "").replace(" ", "").removesuffix("zł")
    return Decimal(digits.replace(",", "."))


def _cells(page: str, label: str) -> list[str]:
    return re.findall(rf'data-label="{label}"[^>]*>([^<]*)<', page)


def _rows(page: str) -> list[dict[str, str]]:
    """The statement table's rows, each as its cells by their (phone) labels."""
    table = page[page.index('id="statement-entries"') :]
    rows = re.findall(r"<tr>(.*?)</tr>", table[table.index("<tbody>") :], re.S)
    return [dict(re.findall(r'data-label="([^"]*)"[^>]*>([^<]*)<', row)) for row in rows]


def test_statement_page_shows_the_figures_of_the_invoice_and_payment_tabs(client, money_customer):
    client.force_login(make_account(money_customer))

    invoices_tab = client.get(reverse("portal:invoices"), {"year": "2026"}).content.decode()
    payments_tab = client.get(reverse("portal:payments")).content.decode()
    page = client.get(reverse("portal:statement")).content.decode()  # this year to today

    # The tabs' figures: the year's invoices, the year's payments, the balance.
    gross = [_amount(text) for text in _cells(invoices_tab, "Brutto")]
    paid = zip(_cells(payments_tab, "Data wpłaty"), _cells(payments_tab, "Kwota"), strict=True)
    paid_2026 = [_amount(amount) for day, amount in paid if day.startswith("2026")]
    due = _amount(re.search(r'id="amount-due">([^<]*)<', payments_tab)[1])
    overpaid = _amount(re.search(r'id="overpayment">([^<]*)<', payments_tab)[1])
    # The statement's: its entries and its summary.
    rows = _rows(page)
    invoiced = [
        _amount(row["Obciążenie"]) if row["Obciążenie"] else -_amount(row["Uznanie"])
        for row in rows
        if row["Rodzaj"] != "wpłata"
    ]
    payments = [_amount(row["Uznanie"]) for row in rows if row["Rodzaj"] == "wpłata"]
    opening, charges, credits, closing = (
        _amount(text) for text in re.findall(r"<dd>([^<]*zł)</dd>", page)
    )

    assert len(rows) == 7
    assert sorted(invoiced) == sorted(gross)
    assert sorted(payments) == sorted(paid_2026)
    assert charges == sum(amount for amount in gross if amount > 0) == Decimal("1457.89")
    assert credits == sum(paid_2026) - sum(amount for amount in gross if amount < 0)
    assert opening == Decimal("50.00")
    assert closing == opening + charges - credits == due - overpaid
    assert closing == balance(money_customer).amount_due == Decimal("98.77")
    assert [row["Saldo"] for row in rows][-1] == "98,77\N{NO-BREAK SPACE}zł"
