"""The rows of the portal's long tables (invoices, an invoice's charges, payments, a meter's
readings), written here rather than by the template engine.

A row in a template cost the engine some 500 Python calls (each cell's label, each value's
lookup and filter, the link, the translated text of the row); the invoice list's twelve rows
took more calls than the rest of the page. The templates keep each table's frame, caption
and header; the rows carry the same markup: each cell labelled with its column for the
narrow screen's layout (data-label), every text escaped (escape(), the escaping Django's
format_html does, without its checks for lazy values: it took half of a row's time).
"""

from html import escape as escape_text

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ebok.billing.formatting import money, unit_price
from ebok.billing.models import Invoice, Payment
from ebok.core.dates import day
from ebok.core.separators import separators
from ebok.customers.models import Reading
from ebok.customers.volumes import volume
from ebok.payments.templatetags.online_payments import pay_button

# An invoice's status (billing.balance.InvoiceState.status) as the customer reads it.
STATUS_LABELS = {"paid": _("paid"), "overdue": _("overdue"), "unpaid": _("to pay")}


def escape(value) -> str:
    return escape_text(str(value))


def escaped(*texts) -> list[str]:
    """The columns' labels, each written into every row's cells."""
    return [escape(text) for text in texts]


def status_badge(status) -> SafeString:
    """The status as a badge (the invoice list, an invoice's page)."""
    if status not in STATUS_LABELS:
        status = "unpaid"
    return format_html('<span class="status status--{}">{}</span>', status, STATUS_LABELS[status])


# A number no id reaches, put in an address to find where the id goes.
_ID_MARK = 987654321987


def _address_of(url_name: str):
    """The address of the URL with one id, as a function of the id: reversed once per table
    (reverse() took a fifth of an invoice row's time), each row's id put where the mark is."""
    before, after = reverse(url_name, args=[_ID_MARK]).split(str(_ID_MARK))
    return lambda pk: f"{before}{int(pk)}{after}"


def _choice_label(field):
    """A field's get_FOO_display as a function of the value, escaped, each label translated
    once per table: get_FOO_display translates every choice on each call (to hash them), five
    for one reading's source. A value without a choice is shown as it is, as there."""
    labels = {value: escape(label) for value, label in field.flatchoices}
    return lambda value: labels.get(value) or escape(value)


def invoice_rows(rows) -> SafeString:
    """The invoice list's rows: (invoice, its billing.balance.InvoiceState) pairs."""
    invoice_address = _address_of("portal:invoice")
    kind_label_of = _choice_label(Invoice._meta.get_field("kind"))
    number_label, issued_label, due_label, gross_label, left_label, status_label = escaped(
        gettext("Number"),
        gettext("Issue date"),
        gettext("Due date"),
        gettext("Gross"),
        gettext("Left to pay"),
        gettext("Status"),
    )
    written = []
    for invoice, state in rows:
        number = escape(invoice.number)
        about = ""
        if invoice.kind != "invoice":
            about += f' <span class="kind">({kind_label_of(invoice.kind)})</span>'
        if invoice.ksef_number:
            about += f'<br><span class="muted">KSeF {escape(invoice.ksef_number)}</span>'
        left = "" if state.left_to_pay is None else money(state.left_to_pay)
        pick = escape(gettext("Select %(number)s for the ZIP file") % {"number": invoice.number})
        written.append(
            f'<tr><th scope="row" data-label="{number_label}"><span><a href="'
            f'{escape(invoice_address(invoice.pk))}">{number}</a>{about}</span>'
            f'</th><td data-label="{issued_label}" class="date">'
            f"{escape(day(invoice.issued_on))}</td>"
            f'<td data-label="{due_label}" class="date">{escape(day(invoice.due_on))}</td>'
            f'<td data-label="{gross_label}" class="num">{escape(money(invoice.gross))}</td>'
            f'<td data-label="{left_label}" class="num">{escape(left)}</td>'
            f'<td data-label="{status_label}">{status_badge(state.status)} '
            f"{pay_button(state.left_to_pay, invoice)}</td>"
            f'<td data-label="ZIP"><span class="pick"><input type="checkbox" name="invoice" '
            f'value="{invoice.pk}" id="pick-{invoice.pk}" form="invoices-zip-picked">'
            f'<label for="pick-{invoice.pk}" class="visually-hidden">{pick}</label></span></td>'
            "</tr>"
        )
    return mark_safe("\n".join(written))  # noqa: S308 - every text escaped above


def line_rows(lines) -> SafeString:
    """An invoice's charges, each with its service point's address when it has one."""
    what, period, quantity, price, rate, net, vat, gross = escaped(
        gettext("Description"),
        gettext("Period"),
        gettext("Quantity"),
        gettext("Unit net price"),
        gettext("VAT rate"),
        gettext("Net"),
        gettext("VAT"),
        gettext("Gross"),
    )
    written = []
    for line in lines:
        where = ""
        if line.service_point is not None:
            where = f'<br><span class="muted">{escape(line.service_point.address)}</span>'
        when = ""
        if line.period_start:
            when = (
                f'<span class="date">{escape(day(line.period_start))}</span> \N{EN DASH} '
                f'<span class="date">{escape(day(line.period_end))}</span>'
            )
        # The quantity and the rate as the template's floatformat wrote them: no decimals
        # when whole, else three (two for the rate).
        written.append(
            f'<tr><th scope="row" data-label="{what}"><span>{escape(line.description)}{where}'
            f'</span></th><td data-label="{period}">{when}</td>'
            f'<td data-label="{quantity}" class="num">'
            f"{escape(floatformat(line.quantity, '-3'))} {escape(line.unit)}</td>"
            f'<td data-label="{price}" class="num">'
            f"{'' if line.unit_net_price is None else escape(unit_price(line.unit_net_price))}</td>"
            f'<td data-label="{rate}" class="num">{escape(floatformat(line.vat_rate, "-2"))}%</td>'
            f'<td data-label="{net}" class="num">{escape(money(line.net))}</td>'
            f'<td data-label="{vat}" class="num">{escape(money(line.vat))}</td>'
            f'<td data-label="{gross}" class="num">{escape(money(line.gross))}</td></tr>'
        )
    return mark_safe("\n".join(written))  # noqa: S308 - every text escaped above


def payment_rows(payments) -> SafeString:
    """The payment list's rows."""
    date_label, amount_label, title_label, method_label = escaped(
        gettext("Payment date"),
        gettext("Amount"),
        gettext("Title"),
        gettext("Method"),
    )
    method_label_of = _choice_label(Payment._meta.get_field("method"))
    written = [
        f'<tr><th scope="row" data-label="{date_label}" class="date">'
        f"{escape(day(payment.paid_on))}</th>"
        f'<td data-label="{amount_label}" class="num">{escape(money(payment.amount))}</td>'
        f'<td data-label="{title_label}">{escape(payment.title)}</td>'
        f'<td data-label="{method_label}">{method_label_of(payment.method)}</td></tr>'
        for payment in payments
    ]
    return mark_safe("\n".join(written))  # noqa: S308 - every text escaped above


def reading_rows(readings) -> SafeString:
    """A meter's readings, each with the use since the one before (Reading.consumption, "—"
    when unknown) and, for a reading the office has not accepted, why or that it waits."""
    date_label, value_label, use_label, source_label = escaped(
        gettext("Reading date"),
        gettext("Value (m³)"),
        gettext("Consumption (m³)"),
        gettext("Source"),
    )
    source_label_of = _choice_label(Reading._meta.get_field("source"))
    decimal_sign = separators().decimal
    written = []
    for reading in readings:
        review = ""
        if reading.review == Reading.Review.REJECTED:
            # Each text a gettext() of its own, outside the f-string, for makemessages to find.
            not_accepted = escape(gettext("Not accepted by the customer office."))
            reason = escape(gettext("Reason"))
            review = (
                f'<p class="reading-review"><strong>{not_accepted}</strong> '
                f"{reason}: {escape(reading.review_reason)}</p>"
            )
        elif reading.needs_review and not reading.review:
            waiting = escape(gettext("Waiting for the customer office's check."))
            review = f'<p class="reading-review">{waiting}</p>'
        value = volume(reading.value, decimal_sign)
        used = "—" if reading.consumption is None else volume(reading.consumption, decimal_sign)
        written.append(
            f'<tr><th scope="row" data-label="{date_label}" class="date">'
            f"{escape(day(reading.read_on))}</th>"
            f'<td data-label="{value_label}" class="num">{escape(value)}</td>'
            f'<td data-label="{use_label}" class="num">{escape(used)}</td>'
            f'<td data-label="{source_label}">{source_label_of(reading.source)}{review}</td>'
            "</tr>"
        )
    return mark_safe("\n".join(written))  # noqa: S308 - every text escaped above
