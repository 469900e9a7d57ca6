"""The case types the portal starts with; administrators change them in the office.

Answer deadlines (calendar days from filing): 14 days for complaints about invoices, readings,
the meter and for changes of data, as the regulations on the tariffs of water utilities and
heat supply set for complaints; 30 days for the rest, as the Code of Administrative Procedure
sets for a case needing explanation. A utility with other terms changes them in the office.
"""

from django.db import migrations

TYPES = [
    # code, Polish name, English name, Polish description, English description, asks,
    # attachments allowed, answer days
    (
        "invoice_complaint",
        "Reklamacja faktury",
        "Invoice complaint",
        "Nie zgadzasz się z kwotą lub danymi na fakturze? Wskaż fakturę i opisz, co jest nie tak.",
        "Do you disagree with an invoice's amount or details? Choose the invoice and say what "
        "is wrong.",
        "invoice",
        True,
        14,
    ),
    (
        "reading_dispute",
        "Reklamacja odczytu",
        "Reading dispute",
        "Odczyt licznika nie zgadza się ze stanem licznika? Wskaż odczyt; zdjęcie licznika "
        "pomoże go sprawdzić.",
        "Does a reading not match your meter? Choose the reading; a photo of the meter helps "
        "to check it.",
        "reading",
        True,
        14,
    ),
    (
        "overpayment_refund",
        "Zwrot nadpłaty",
        "Overpayment refund",
        "Zwrot nadpłaconej kwoty na rachunek bankowy.",
        "A refund of what was paid beyond your invoices, to a bank account.",
        "bank_account",
        False,
        30,
    ),
    (
        "data_change",
        "Zmiana danych klienta",
        "Change of customer data",
        "Zmiana nazwiska, nazwy firmy, adresu do korespondencji lub innych danych.",
        "A change of name, company name, postal address or other details.",
        "nothing",
        True,
        14,
    ),
    (
        "contract",
        "Umowa",
        "Contract",
        "Nowe przyłącze, rozwiązanie umowy lub zmiana właściciela nieruchomości.",
        "A new connection, the end of a contract, or a new owner of the property.",
        "contract_matter",
        True,
        30,
    ),
    (
        "meter_problem",
        "Problem z licznikiem",
        "Meter problem",
        "Licznik jest uszkodzony, zamarznięty, ma zerwaną plombę lub nie działa.",
        "The meter is damaged, frozen, its seal is broken or it does not work.",
        "nothing",
        True,
        14,
    ),
    (
        "question",
        "Pytanie",
        "Question",
        "Każda inna sprawa lub pytanie do Biura Obsługi Klienta.",
        "Anything else you want to ask the customer office.",
        "nothing",
        True,
        30,
    ),
]


def add_types(apps, schema_editor):
    CaseType = apps.get_model("cases", "CaseType")
    for position, row in enumerate(TYPES, start=1):
        code, name_pl, name_en, description_pl, description_en, asks, attachments, days = row
        CaseType.objects.update_or_create(
            code=code,
            defaults={
                "name_pl": name_pl,
                "name_en": name_en,
                "description_pl": description_pl,
                "description_en": description_en,
                "asks": asks,
                "attachments_allowed": attachments,
                "answer_days": days,
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(add_types, migrations.RunPython.noop)]
