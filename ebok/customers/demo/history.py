"""What happened to a demo customer: meters, readings, invoices with charges, payments.

The meters are read every two months on the customer's route (odd or even months), more water
is used in summer, and an invoice follows each reading a few days later: water and sewage by
the m³ at the tariff's rates plus the subscription fee of every meter, 8% VAT on each line.
A few invoices get corrected (negative amounts), late payers get interest notes, and payments
follow the customer's habits. Rows are plain tuples in the order of the *_FIELDS below, with
ids taken from a Batch, so that they can be written with COPY as they are.
"""

import heapq
import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from ebok.customers.demo.people import CustomerSpec

CENT = Decimal("0.01")
VAT_RATE = Decimal("8.00")
NO_VAT = Decimal("0.00")
INTEREST_RATE = Decimal("0.1125")  # statutory interest for late payment, a year
MINIMUM_INTEREST = Decimal("1.00")  # smaller interest is not claimed
PAYMENT_DAYS = 14
TEN_ZLOTY = Decimal("10")
GUIDE_LEFT_TO_PAY = Decimal("60.00")
ONE_DAY = timedelta(days=1)

# Field names (attnames) of each table's rows, as the store writes them.
FIELDS = {
    "point": ("id", "customer_id", "code", "postal_code", "city", "street", "water", "sewage"),
    "meter": (
        "id", "service_point_id", "serial_number", "kind", "description", "installed_on",
        "removed_on",
    ),
    "reading": ("id", "meter_id", "read_on", "value", "source", "created_at"),
    "invoice": (
        "id", "customer_id", "kind", "number", "issued_on", "period_start", "period_end",
        "due_on", "net", "vat", "gross", "pdf",
    ),
    "line": (
        "id", "invoice_id", "service_point_id", "description", "period_start", "period_end",
        "quantity", "unit", "unit_net_price", "vat_rate", "net", "vat", "gross",
    ),
    "payment": ("id", "customer_id", "paid_on", "amount", "title", "method"),
}  # fmt: skip


@dataclass(frozen=True)
class Tariff:
    since: date
    water: Decimal  # zł net per m³ supplied
    sewage: Decimal  # zł net per m³ collected
    main_fee: Decimal  # "opłata abonamentowa", zł net per main meter a month
    sub_fee: Decimal  # the same for a garden sub-meter


TARIFFS = (
    Tariff(date(2000, 1, 1), Decimal("4.35"), Decimal("7.10"), Decimal("3.90"), Decimal("2.10")),
    Tariff(date(2023, 7, 1), Decimal("4.80"), Decimal("7.85"), Decimal("4.20"), Decimal("2.30")),
    Tariff(date(2025, 7, 1), Decimal("5.20"), Decimal("8.40"), Decimal("4.50"), Decimal("2.50")),
)
# How a month's use compares with the average (January first), and a garden's summer share.
SEASON = (0.85, 0.82, 0.88, 0.95, 1.05, 1.15, 1.22, 1.2, 1.05, 0.95, 0.9, 0.88)
GARDEN = (0, 0, 0, 0.1, 0.7, 1.3, 1.7, 1.5, 0.7, 0.1, 0, 0)
METER_MAKES = ("AP", "SE", "ZE", "PO", "BM", "IT")


def tariff_on(day: date) -> Tariff:
    return next(t for t in reversed(TARIFFS) if t.since <= day)


def charge(quantity: Decimal, price: Decimal, vat_rate: Decimal = VAT_RATE):
    """Net, VAT and gross of one line, each rounded half up to the grosz."""
    net = (quantity * price).quantize(CENT, ROUND_HALF_UP)
    vat = (net * vat_rate / 100).quantize(CENT, ROUND_HALF_UP)
    return net, vat, net + vat


def m3(litres: int) -> Decimal:
    return Decimal(litres).scaleb(-3)  # three decimal places, also for 0


class Batch:
    """Rows waiting to be written, and the next free id of every table."""

    def __init__(self, first_ids: dict[str, int]):
        self.next_id = dict(first_ids)
        self.rows = {table: [] for table in FIELDS}

    def new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def add(self, table: str, *values) -> int:
        row_id = self.new_id(table)
        self.rows[table].append((row_id, *values))
        return row_id

    def take(self) -> dict[str, list[tuple]]:
        """The rows so far, by table; the batch starts empty again."""
        rows, self.rows = self.rows, {table: [] for table in FIELDS}
        return rows


class Numbering:
    """Document numbers like FV/2026/11/000123: a sequence per kind and month of issue."""

    def __init__(self):
        self.last = {}

    def next(self, prefix: str, day: date) -> str:
        key = (prefix, day.year, day.month)
        self.last[key] = self.last.get(key, 0) + 1
        return f"{prefix}/{day.year}/{day.month:02d}/{self.last[key]:06d}"


@dataclass(slots=True)
class MeterState:
    meter_id: int
    point: int  # index of the service point
    garden: bool  # the garden sub-meter rather than the main meter
    serial: str
    true_litres: int  # what the meter shows
    read_litres: int  # what was last written down (less than shown after an estimate)


@dataclass(slots=True)
class Issued:
    invoice_id: int
    number: str
    issued_on: date
    due_on: date
    gross: Decimal


def history_start(today: date, years: int) -> date:
    return date(today.year - years, today.month, min(today.day, 28))


def customer_history(
    spec: CustomerSpec,
    customer_id: int,
    *,
    seed: int,
    years: int,
    today: date,
    now: datetime,
    batch: Batch,
    numbering: Numbering,
):
    """Add the customer's points, meters, readings, invoices and payments to the batch."""
    rng = random.Random(f"{seed}/{spec.number}/history")  # noqa: S311 - demo data
    start = history_start(today, years)
    days = _reading_days(spec, rng, start, today)
    point_ids, meters = _points_and_meters(spec, customer_id, rng, days[0], batch)
    invoices, pending = [], []
    for previous, read_on in zip([None, *days], days, strict=False):
        roll = rng.random()
        if previous is None or spec.kind == "housing":
            source = "reader" if previous is None else "remote"
        else:
            source = "reader" if roll < 0.8 else "customer" if roll < 0.93 else "estimate"
        used = _read(spec, rng, meters, previous, read_on, source, now, batch)
        issued_on = read_on + timedelta(days=rng.randint(2, 6))
        if previous is None or issued_on > today:
            continue
        invoice = _invoice(spec, customer_id, point_ids, meters, used, previous, read_on, issued_on)
        issued = _write_invoice(batch, numbering, customer_id, "FV", "invoice", *invoice)
        invoices.append(issued)
        pending.append((issued.issued_on, issued.invoice_id, issued.gross))
        if spec.corrections and rng.random() < 0.025:
            corrected = _correction(rng, batch, numbering, customer_id, invoice, today)
            if corrected:
                pending.append((corrected.issued_on, corrected.invoice_id, corrected.gross))
    _payments(spec, customer_id, rng, invoices, pending, today, batch, numbering)


def _reading_days(spec: CustomerSpec, rng: random.Random, start: date, today: date) -> list[date]:
    first = start
    days = []
    if spec.joins_later:  # a new connection: the meter is fitted and read on that day
        span = (today - start).days
        first = start + timedelta(days=rng.randint(min(30, span // 2), max(span - 150, 1)))
        days.append(first)
        first += timedelta(days=20)
    year, month = first.year, first.month
    while (year, month) <= (today.year, today.month):
        if month % 2 == spec.route:
            day = date(year, month, min(max(spec.read_day + rng.randint(-2, 2), 1), 28))
            if first <= day <= today:
                days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if not days:
        days.append(today)
    return days


def _points_and_meters(spec, customer_id, rng, first_reading, batch):
    point_ids, meters = [], []
    for index, point in enumerate(spec.points):
        point_id = batch.add(
            "point",
            customer_id,
            point.code,
            point.postal_code,
            point.city,
            point.street,
            True,
            point.sewage,
        )
        point_ids.append(point_id)
        new = spec.joins_later
        installed_on = first_reading if new else first_reading - timedelta(rng.randint(60, 1800))
        kinds = [("main", "")] + ([("sub", "ogród")] if point.garden_m3 else [])
        for kind, description in kinds:
            serial = (
                f"{installed_on.year % 100:02d}{rng.choice(METER_MAKES)}"
                f"{rng.randint(0, 9_999_999):07d}"
            )
            meter_id = batch.add("meter", point_id, serial, kind, description, installed_on, None)
            start = 0 if new else int(rng.uniform(0, 40) * point.monthly_m3 * 1000)
            meters.append(MeterState(meter_id, index, kind == "sub", serial, start, start))
    return point_ids, meters


def _read(spec, rng, meters, previous, read_on, source, now, batch):
    """Read every meter on the day; the litres billed per meter since the previous reading."""
    used = []
    if previous is not None:
        days = (read_on - previous).days
        month = (previous + timedelta(days=days // 2)).month - 1
        months = days / 30.44
        use = []  # litres through each point's main meter and through its garden sub-meter
        for point in spec.points:
            house = point.monthly_m3 * SEASON[month] * months * rng.uniform(0.8, 1.2)
            garden = point.garden_m3 * GARDEN[month] * months * rng.uniform(0.6, 1.4)
            # The main meter measures everything, the garden's water included.
            use.append((int((house + garden) * 1000), int(garden * 1000)))
        share = rng.uniform(0.6, 0.95)  # how much of the real use an estimate catches
        for meter in meters:
            meter.true_litres += use[meter.point][meter.garden]
            value = meter.true_litres
            if source == "estimate":
                value = meter.read_litres + int((value - meter.read_litres) * share)
            used.append(value - meter.read_litres)
            meter.read_litres = value
    for meter in meters:
        batch.add("reading", meter.meter_id, read_on, m3(meter.read_litres), source, now)
    return used


def _invoice(spec, customer_id, point_ids, meters, used, previous, read_on, issued_on):
    """The charges for the period between two readings: (issue day, period, lines)."""
    period_start, period_end = previous + ONE_DAY, read_on
    tariff = tariff_on(period_end)
    months = Decimal(max(1, round((read_on - previous).days / 30.44)))
    lines = []
    for index, point in enumerate(spec.points):
        where = f"{point.city}, {point.street}"
        main = next(
            u for m, u in zip(meters, used, strict=True) if m.point == index and not m.garden
        )
        garden = sum(u for m, u in zip(meters, used, strict=True) if m.point == index and m.garden)
        lines.append((point_ids[index], f"Woda — zużycie, {where}", m3(main), "m³", tariff.water))
        if point.sewage:
            collected = m3(max(main - garden, 0))
            lines.append(
                (
                    point_ids[index],
                    f"Ścieki — odprowadzenie, {where}",
                    collected,
                    "m³",
                    tariff.sewage,
                )
            )
        for meter in meters:
            if meter.point == index:
                what = "podlicznik (ogród)" if meter.garden else "wodomierz główny"
                fee = tariff.sub_fee if meter.garden else tariff.main_fee
                description = f"Opłata abonamentowa — {what} {meter.serial}"
                lines.append((point_ids[index], description, months, "mies.", fee))
    return issued_on, period_start, period_end, lines


def _write_invoice(batch, numbering, customer_id, prefix, kind, issued_on, start, end, lines):
    invoice_id = batch.new_id("invoice")
    net = vat = gross = Decimal("0.00")
    for point_id, description, quantity, unit, price, *rate in lines:
        vat_rate = rate[0] if rate else VAT_RATE
        line_net, line_vat, line_gross = charge(quantity, price, vat_rate)
        batch.add(
            "line",
            invoice_id,
            point_id,
            description,
            start,
            end,
            quantity,
            unit,
            price,
            vat_rate,
            line_net,
            line_vat,
            line_gross,
        )
        net, vat, gross = net + line_net, vat + line_vat, gross + line_gross
    number = numbering.next(prefix, issued_on)
    due_on = issued_on + timedelta(days=PAYMENT_DAYS)
    batch.rows["invoice"].append(
        (invoice_id, customer_id, kind, number, issued_on, start, end, due_on, net, vat, gross, "")
    )
    return Issued(invoice_id, number, issued_on, due_on, gross)


def _correction(rng, batch, numbering, customer_id, invoice, today):
    """A corrective invoice taking back part of the water or sewage: negative amounts."""
    original_issued_on, start, end, lines = invoice
    issued_on = original_issued_on + timedelta(days=rng.randint(12, 40))
    if issued_on > today:
        return None
    leak = rng.random() < 0.6  # water lost through a burst pipe never reached the sewers
    corrected = []
    for point_id, description, quantity, unit, price in lines:
        if unit != "m³" or not quantity or (leak and description.startswith("Woda")):
            continue
        share = Decimal(rng.randint(30, 100) if leak else rng.randint(10, 40)) / 100
        back = -(quantity * share).quantize(Decimal("0.001"), ROUND_HALF_UP)
        reason = "woda bezpowrotnie zużyta" if leak else "błędny odczyt"
        corrected.append((point_id, f"Korekta ({reason}): {description}", back, unit, price))
    if not corrected:
        return None
    return _write_invoice(
        batch, numbering, customer_id, "FK", "correction", issued_on, start, end, corrected
    )


def _payments(spec, customer_id, rng, invoices, pending, today, batch, numbering):
    """Pay the invoices as the customer does; whatever was issued by then counts.

    Payment days never go back in time, so a payment covers what was issued up to its day:
    the invoice itself, earlier corrections (less to pay) and interest notes.
    """
    heapq.heapify(pending)
    issued_total = paid_total = Decimal("0.00")
    last_paid_on = date.min
    stop = len(invoices)
    if spec.payer == "debtor":  # paid at first, then stopped paying
        stop = max(1, stop - rng.randint(1, 4))
    for index, invoice in enumerate(invoices):
        if index >= stop:
            break
        late = spec.payer == "late" and rng.random() < 0.55
        offset = rng.randint(1, 45) if late else -rng.randint(0, 10)
        paid_on = max(invoice.due_on + timedelta(days=offset), invoice.issued_on, last_paid_on)
        guide_last = spec.payer == "guide" and index == len(invoices) - 1
        if guide_last:
            paid_on = max(min(invoice.issued_on + ONE_DAY, today), last_paid_on)
        if paid_on > today:
            continue
        while pending and pending[0][0] <= paid_on:
            issued_total += heapq.heappop(pending)[2]
        amount = issued_total - paid_total
        if guide_last:
            amount -= GUIDE_LEFT_TO_PAY
        elif spec.payer == "overpayer":
            amount = (amount / TEN_ZLOTY).quantize(Decimal(1), ROUND_CEILING) * TEN_ZLOTY
            amount = amount.quantize(CENT)
        if amount <= 0:
            continue
        method = rng.choices(("transfer", "cash", "card"), weights=(85, 10, 5), k=1)[0]
        title = f"Nr klienta {spec.number}, faktura {invoice.number}"
        batch.add("payment", customer_id, paid_on, amount, title, method)
        paid_total += amount
        last_paid_on = paid_on
        if late and rng.random() < 0.3:
            days_late = (paid_on - invoice.due_on).days
            issued_on = paid_on + timedelta(days=rng.randint(5, 20))
            interest = (invoice.gross * INTEREST_RATE * days_late / 365).quantize(
                CENT, ROUND_HALF_UP
            )
            if interest >= MINIMUM_INTEREST and issued_on <= today:
                note = _interest_note(
                    batch, numbering, customer_id, invoice, issued_on, interest, days_late
                )
                heapq.heappush(pending, (note.issued_on, note.invoice_id, note.gross))


def _interest_note(batch, numbering, customer_id, invoice, issued_on, interest, days_late):
    description = f"Odsetki za opóźnienie w zapłacie faktury {invoice.number} ({days_late} dni)"
    line = (None, description, Decimal("1.000"), "szt.", interest, NO_VAT)
    return _write_invoice(
        batch, numbering, customer_id, "NO", "interest_note", issued_on, None, None, [line]
    )
