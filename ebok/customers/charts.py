"""A consumption series drawn as an SVG bar chart by the server: no JavaScript, no library.

The template (templates/portal/includes/consumption.html) places the chart's frame, title and
legend; its grid, bars and labels are drawn here as SVG elements (`marks`), as 60 elements
with six attributes each took the template engine 5 ms of a page (docs/performance.md). The
same numbers fill the data table beside the chart.
"""

from decimal import Decimal
from html import escape as escape_text
from typing import NamedTuple

from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ebok.core import dates
from ebok.core.separators import separators
from ebok.customers.consumption import Series
from ebok.customers.volumes import volume

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 8, 12, 36
GRID_LINES = 4


# Named tuples rather than frozen dataclasses: a chart makes some 80 of them, and a frozen
# dataclass's __init__ sets each field through object.__setattr__.
class Bar(NamedTuple):
    x: float
    y: float
    width: float
    height: float


class Slot(NamedTuple):
    month: object  # consumption.Month
    now: Bar | None
    before: Bar | None
    label_x: float
    labelled: bool


def _nice_ceiling(value: Decimal) -> Decimal:
    """A round top for the axis: 1, 2, 2.5 or 5 times a power of ten, at or above value."""
    if value <= 0:
        return Decimal(1)
    exponent = Decimal(10) ** (len(str(int(value))) - 1) if value >= 1 else Decimal("0.1")
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if value <= step * exponent:
            return step * exponent
    return 10 * exponent


def chart(series: Series) -> dict:
    values = [
        used
        for month in series.months
        for used in (month.used, month.year_before.used if month.year_before else None)
        if used is not None
    ]
    top = _nice_ceiling(max(values, default=Decimal(0)))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot_width = plot_width / max(len(series.months), 1)
    bar_width = slot_width * 0.38

    def bar(x, used):
        if used is None:
            return None
        height = float(used / top) * plot_height
        top_y = TOP + plot_height - height
        return Bar(round(x, 1), round(top_y, 1), round(bar_width, 1), round(height, 1))

    slots = []
    for index, month in enumerate(series.months):
        x = LEFT + index * slot_width + slot_width * 0.1
        before = month.year_before.used if month.year_before else None
        slots.append(
            Slot(
                month=month,
                before=bar(x, before),
                now=bar(x + bar_width, month.used),
                label_x=round(LEFT + (index + 0.5) * slot_width, 1),
                labelled=month.start.month in (1, 4, 7, 10),
            )
        )
    grid = [
        {
            "y": round(TOP + plot_height - plot_height * i / GRID_LINES, 1),
            "value": top * i / GRID_LINES,
        }
        for i in range(GRID_LINES + 1)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "label_y": HEIGHT - 14,
        "slots": slots,
        "grid": grid,
    }


def marks(drawn: dict, key: str) -> SafeString:
    """The chart's grid lines with their values, the bars and the month labels, as SVG.

    Everything written here is a number or a date made of digits, except the key, which is
    escaped; numbers are written with a dot whatever the language (str, not the locale's
    format), the grid's values as the template's floatformat:"-1" writes them.
    """
    left, right, key = drawn["left"], drawn["right"], escape(key)
    parts = []
    for line in drawn["grid"]:
        y, value = line["y"], floatformat(line["value"], "-1")
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{y}" y2="{y}" stroke="#d0d4da"></line>'
            f'<text x="{left - 6}" y="{y}" dy="4" text-anchor="end" font-size="12" fill="#333">'
            f"{value}</text>"
        )
    for slot in drawn["slots"]:
        start = slot.month.start
        if slot.before:
            bar = slot.before
            parts.append(
                f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}"'
                ' fill="#767676"></rect>'
            )
        if slot.now:
            bar = slot.now
            fill = f"url(#hatch-{key})" if slot.month.estimated else "#0b4f8a"
            parts.append(
                f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}"'
                f' fill="{fill}" data-month="{start.isoformat()[:7]}"'
                f' data-used="{slot.month.used}"></rect>'
            )
        if slot.labelled:
            parts.append(
                f'<text x="{slot.label_x}" y="{drawn["label_y"]}" text-anchor="middle"'
                f' font-size="12" fill="#333">{dates.month(start)}</text>'
            )
    baseline = drawn["baseline"]
    parts.append(
        f'<line x1="{left}" x2="{right}" y1="{baseline}" y2="{baseline}" stroke="#333"></line>'
    )
    return mark_safe("\n".join(parts))  # noqa: S308 - numbers, dates and the escaped key


def table_rows(series: Series) -> SafeString:
    """The data table's rows, newest month first: the month, its use and the use a year
    before ("—" when unknown), each cell labelled with its column for the narrow screen's
    layout. Written here, not in the template: its loop over 24 rows took the engine about
    2,000 calls on each of the three pages that show the chart."""
    estimated = gettext("estimated")
    decimal_sign = separators().decimal
    # Months, volumes and the translated words: no markup in any of them, escaped all the same
    # (escape_text, as in portal/tables.py: format_html's checks took half of a row's time).
    month_label, use_label, before_label = (
        escape_text(label)
        for label in (gettext("Month"), gettext("Use (m³)"), gettext("A year before (m³)"))
    )

    def used(month) -> str:
        if month is None or month.used is None:
            return "—"
        text = volume(month.used, decimal_sign)
        return f"{text} ({estimated})" if month.estimated else text

    rows = [
        f'<tr><th scope="row" data-label="{month_label}">{dates.month(month.start)}</th>'
        f'<td data-label="{use_label}" class="num">{escape_text(used(month))}</td>'
        f'<td data-label="{before_label}" class="num">{escape_text(used(month.year_before))}</td>'
        "</tr>"
        for month in reversed(series.months)
    ]
    return mark_safe("\n".join(rows))  # noqa: S308 - every text escaped above


def panel(series: Series, key: str) -> dict:
    """What the consumption include needs for one series: the chart, its table, the change
    against the year before, and a key that keeps its element ids unique on the page."""
    drawn = chart(series)
    return {
        "series": series,
        "chart": drawn,
        "marks": marks(drawn, key),
        "rows": table_rows(series),
        "change": series.change(),
        "key": key,
    }
