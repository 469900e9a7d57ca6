"""The demo's announcements and documents: terms of service, the tariff, the guide's contract.

The documents are real PDFs made with reportlab in Lato (which has the Polish letters) and kept
in Django's default storage. A new run updates them in place (their ids stay) and writes a file
only when its content changed; a replaced file is deleted once the run's transaction commits.
"""

import io
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import font_lato
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ebok.content.models import Announcement, Document
from ebok.customers.demo.history import TARIFFS, VAT_RATE, charge, tariff_on
from ebok.customers.demo.store import DEMO_MARK

ANNOUNCEMENTS = (
    (
        "Nowe stawki referencyjne",
        lambda today: date(2012, 1, 1),
        "Od 1 stycznia 2012 r. obowiązują nowe stawki referencyjne opłat za wodę i ścieki. "
        "Szczegóły w Biurze Obsługi Klienta i w zakładce Dokumenty.",
    ),
    (
        "Nowa taryfa za wodę i ścieki od 1 lipca 2025 r.",
        lambda today: date(2025, 6, 16),
        "Od 1 lipca 2025 r. woda kosztuje 5,20 zł netto za m³, a odprowadzanie ścieków 8,40 zł "
        "netto za m³ (plus 8% VAT). Taryfa jest w zakładce Dokumenty.",
    ),
    (
        "Podaj odczyt wodomierza przez e-BOK",
        lambda today: today - timedelta(days=45),
        "Jeśli inkasent nie zastanie Cię w domu, podaj stan wodomierza w zakładce "
        "Punkty/liczniki. Faktura zostanie wystawiona według Twojego odczytu, a nie szacunku.",
    ),
    (
        "Przerwa w dostawie wody — ul. Gdańska i ul. Kościuszki w Węgrowie",
        lambda today: today - timedelta(days=3),
        "Z powodu wymiany zasuw na sieci wodociągowej w najbliższy wtorek od 8:00 do 14:00 "
        "może nie być wody przy ul. Gdańskiej i ul. Kościuszki. Beczkowóz stanie przy skrzyżowaniu "
        "tych ulic. Przepraszamy za utrudnienia.",
    ),
)

TERMS = (
    "§ 1. Postanowienia ogólne",
    "Regulamin określa zasady korzystania z Elektronicznego Biura Obsługi Klienta (e-BOK) "
    "prowadzonego przez {utility}. e-BOK jest bezpłatny i dostępny przez całą dobę.",
    "§ 2. Dostęp do e-BOK",
    "Użytkownikiem jest Klient, który zawarł umowę o zaopatrzenie w wodę lub odprowadzanie "
    "ścieków. Login to numer Klienta, a pierwsze hasło jest tymczasowe: wydaje je Biuro Obsługi "
    "Klienta i przy pierwszym logowaniu należy je zmienić na własne.",
    "§ 3. Zakres usług",
    "W e-BOK Klient sprawdza należności i nadpłaty, faktury i naliczenia, płatności, punkty "
    "poboru, wodomierze i odczyty, podaje stan wodomierza oraz pobiera dokumenty.",
    "§ 4. Bezpieczeństwo",
    "Klient nie udostępnia hasła osobom trzecim i wylogowuje się po zakończeniu pracy. Po "
    "kilku błędnych próbach logowania dostęp jest czasowo wstrzymywany.",
    "§ 5. Dane osobowe",
    "Administratorem danych osobowych jest {utility}. Dane są przetwarzane w celu wykonania "
    "umowy, zgodnie z RODO; Klient ma prawo dostępu do nich i ich sprostowania.",
    "§ 6. Reklamacje i postanowienia końcowe",
    "Reklamacje dotyczące e-BOK można zgłaszać w Biurze Obsługi Klienta, pisemnie lub pocztą "
    "elektroniczną; odpowiedź zostanie udzielona w ciągu 14 dni. Regulamin obowiązuje od dnia "
    "publikacji w e-BOK.",
)
TARIFF_TITLE = "Taryfa dla zbiorowego zaopatrzenia w wodę i zbiorowego odprowadzania ścieków"


def publish(today: date, guide_id: int | None) -> dict[str, int]:
    """Replace the demo announcements and documents; how many of each there are now."""
    Announcement.objects.filter(title__in=[title for title, _, _ in ANNOUNCEMENTS]).delete()
    Announcement.objects.bulk_create(
        Announcement(title=title, date=day(today), body=body, published_from=_midnight(day(today)))
        for title, day, body in ANNOUNCEMENTS
    )
    tariff = tariff_on(today)
    documents = [
        (None, "terms", "Regulamin e-BOK", date(2024, 3, 1), "regulamin-e-bok.pdf", _terms()),
        (None, "tariff", TARIFF_TITLE, tariff.since, "taryfa.pdf", _tariff(tariff)),
    ]
    if guide_id is not None:
        title = "Umowa o zaopatrzenie w wodę i odprowadzanie ścieków nr 001234/2019"
        documents.append(
            (guide_id, "contract", title, date(2019, 4, 8), "umowa-001234.pdf", _contract(title))
        )
    kept = []
    for customer_id, kind, title, day, filename, pdf in documents:
        # Updated in place, so that its id (which consents to the terms name) stays.
        document, _ = Document.objects.update_or_create(
            external_id=f"{DEMO_MARK}{kind}:{customer_id or 'all'}",
            defaults={
                "customer_id": customer_id,
                "kind": kind,
                "title": title,
                "date": day,
                "published_from": _midnight(day),
                "published_until": None,
            },
        )
        kept.append(document.pk)
        if not _same_file(document.file.name, pdf):
            _delete_on_commit(document.file.name)
            document.file.save(filename, ContentFile(pdf), save=True)
    gone = Document.objects.filter(external_id__startswith=DEMO_MARK).exclude(pk__in=kept)
    for name in gone.values_list("file", flat=True):
        _delete_on_commit(name)
    gone.delete()
    return {"announcement": len(ANNOUNCEMENTS), "document": len(documents)}


def _same_file(name: str, content: bytes) -> bool:
    if not name or not default_storage.exists(name):
        return False
    with default_storage.open(name) as stored:
        return stored.read() == content


def _delete_on_commit(name: str):
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time()))


def _styles():
    if "Lato" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Lato", font_lato.Lato))
        pdfmetrics.registerFont(TTFont("Lato-Bold", font_lato.LatoBold))
    body = ParagraphStyle("body", fontName="Lato", fontSize=10, leading=14, spaceAfter=6)
    heading = ParagraphStyle("heading", parent=body, fontName="Lato-Bold", fontSize=12)
    title = ParagraphStyle("title", parent=body, fontName="Lato-Bold", fontSize=16, leading=20)
    return body, heading, title


def _pdf(title: str, flowables) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=settings.UTILITY_NAME,
        invariant=True,  # the same bytes every run
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    )
    document.build(flowables)
    return buffer.getvalue()


def _terms() -> bytes:
    body, heading, title = _styles()
    flowables = [Paragraph("Regulamin e-BOK", title), Spacer(1, 4 * mm)]
    for index, text in enumerate(TERMS):
        style = heading if index % 2 == 0 else body
        flowables.append(Paragraph(text.format(utility=settings.UTILITY_NAME), style))
    return _pdf("Regulamin e-BOK", flowables)


def _money(amount) -> str:
    return f"{amount:.2f}".replace(".", ",")


def _tariff(tariff) -> bytes:
    body, _, title = _styles()
    rows = [["Wyszczególnienie", "Jednostka", "Netto zł", f"VAT {VAT_RATE:.0f}%", "Brutto zł"]]
    for name, unit, price in (
        ("Dostawa wody", "m³", tariff.water),
        ("Odprowadzanie ścieków", "m³", tariff.sewage),
        ("Opłata abonamentowa — wodomierz główny", "zł/mies.", tariff.main_fee),
        ("Opłata abonamentowa — podlicznik", "zł/mies.", tariff.sub_fee),
    ):
        net, vat, gross = charge(Decimal(1), price)
        rows.append([name, unit, _money(net), _money(vat), _money(gross)])
    table = Table(rows, colWidths=[75 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Lato", 9),
                ("FONT", (0, 0), (-1, 0), "Lato-Bold", 9),
                ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.5, "#777777"),
            ]
        )
    )
    history = ", ".join(
        f"od {t.since:%d.%m.%Y}: woda {_money(t.water)} zł, ścieki {_money(t.sewage)} zł"
        for t in TARIFFS[1:]
    )
    flowables = [
        Paragraph(TARIFF_TITLE, title),
        Paragraph(f"{settings.UTILITY_NAME}. Obowiązuje od {tariff.since:%d.%m.%Y} r.", body),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 4 * mm),
        Paragraph(f"Ceny netto za m³ w kolejnych taryfach (bez VAT): {history}.", body),
    ]
    return _pdf(TARIFF_TITLE, flowables)


def _contract(title: str) -> bytes:
    body, heading, title_style = _styles()
    flowables = [
        Paragraph(title, title_style),
        Paragraph(
            f"Zawarta 8 kwietnia 2019 r. w Węgrowie między {settings.UTILITY_NAME} a Panem Janem "
            "Węgrowskim, zamieszkałym: 07-100 Węgrów, ul. Wyszyńskiego 1.",
            body,
        ),
        Paragraph("Przedmiot umowy", heading),
        Paragraph(
            "Dostarczanie wody i odprowadzanie ścieków do nieruchomości przy ul. Wyszyńskiego 1 "
            "w Węgrowie, rozliczane co dwa miesiące według wskazań wodomierza głównego i taryfy.",
            body,
        ),
    ]
    return _pdf(title, flowables)
