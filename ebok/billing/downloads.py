"""Invoice PDFs as the customer downloads them, one at a time or many in one ZIP.

An invoice's PDF is the billing system's stored original when there is one, else the copy eBOK
generates (ebok/billing/pdf.py), named as a copy. The ZIP is streamed: it is written entry by
entry as the response is sent, the stored files read in chunks and each copy drawn only when its
turn comes, so the memory a download takes does not grow with the number of invoices in it.
"""

import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from ebok.billing.models import Invoice
from ebok.billing.pdf import render_invoice_pdf

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024  # bytes of a stored PDF read at a time
BATCH = 50  # invoices fetched (with their charges) per query while a ZIP is written
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Letters that Unicode does not decompose into a Latin letter and a mark.
TRANSLITERATION = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D"})


def file_name(invoice, copy: bool) -> str:
    """ "FV-2026-01-0042.pdf" for "FV/2026/01/0042": Latin letters, digits, dot, hyphen and
    underscore only, which every system and archive tool takes; "kopia-…" for a generated copy."""
    ascii_only = (
        unicodedata.normalize("NFKD", invoice.number.translate(TRANSLITERATION))
        .encode("ascii", "ignore")
        .decode()
    )
    base = UNSAFE.sub("-", ascii_only).strip("-.") or "invoice"
    return _("copy") + f"-{base}.pdf" if copy else f"{base}.pdf"


def open_stored(invoice):
    """The billing system's original, opened for reading, or None when it sent none.

    A file that the storage has lost gives None too (and a warning in the log): the customer
    then gets the generated copy, marked as one, rather than an error.
    """
    if not invoice.pdf:
        return None
    try:
        return invoice.pdf.open("rb")
    except FileNotFoundError:
        logger.warning("invoice %s: stored PDF %s is missing", invoice.pk, invoice.pdf.name)
        return None


def invoice_pdf(invoice) -> tuple[str, bytes]:
    """One invoice's file whole, with its name: what an e-mail attaches."""
    stored = open_stored(invoice)
    if stored is None:
        return file_name(invoice, copy=True), render_invoice_pdf(invoice)
    with stored:
        return file_name(invoice, copy=False), stored.read()


def _pdf_chunks(invoice, stored) -> Iterator[bytes]:
    """The stored file in chunks, or the generated copy whole."""
    if stored is None:
        yield render_invoice_pdf(invoice)
        return
    with stored:
        while chunk := stored.read(CHUNK):
            yield chunk


class _Pipe:
    """Where the ZIP is written: it keeps what was written until the response takes it.

    Having no seek() or tell(), it makes ZipFile write each entry's sizes after its data (a
    data descriptor), as a streamed ZIP has to.
    """

    def __init__(self):
        self._chunks: list[bytes] = []

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def _invoices(ids: list[int]) -> Iterator[Invoice]:
    """The invoices by id, oldest first, fetched BATCH at a time with their charges and customer
    (what a generated copy draws), so that the queries do not grow one per invoice."""
    for start in range(0, len(ids), BATCH):
        batch = (
            Invoice.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("customer")
            .prefetch_related("lines")
            .order_by("issued_on", "id")
        )
        yield from batch


def invoices_zip(ids: Iterable[int]) -> Iterator[bytes]:
    """A ZIP of the invoices' PDFs, in pieces as they are written.

    `ids` must come from the customer's scope (ebok/portal/scope.py), in the order wanted;
    they are read again here, as the response is streamed after the view has returned.
    """
    pipe, taken = _Pipe(), set()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for invoice in _invoices(list(ids)):
            stored = open_stored(invoice)
            name = file_name(invoice, copy=stored is None)
            if name in taken:  # two numbers that differ only in characters left out
                name = f"{name[:-4]}-{invoice.pk}.pdf"
            taken.add(name)
            # ZIP dates start in 1980; an older issue date would be refused.
            day = max((*invoice.issued_on.timetuple()[:3], 0, 0, 0), (1980, 1, 1, 0, 0, 0))
            entry = zipfile.ZipInfo(name, date_time=day)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w") as stream:
                for chunk in _pdf_chunks(invoice, stored):
                    stream.write(chunk)
                    yield pipe.take()
            yield pipe.take()
    yield pipe.take()
