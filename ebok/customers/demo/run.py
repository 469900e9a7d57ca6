"""A whole demo-data run, in one transaction: customers, their history, announcements, documents.

A run replaces what an earlier one made: the same arguments (and day) give the same data.
"""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from ebok.customers.demo.content import publish
from ebok.customers.demo.history import FIELDS, Batch, Numbering, customer_history
from ebok.customers.demo.people import GUIDE_NUMBER, customer_numbers, customer_spec
from ebok.customers.demo.store import Store

CHUNK = 2000  # customers generated and written at a time


@dataclass
class Report:
    customers: int
    rows: dict[str, int] = field(default_factory=dict)  # by table, customers included
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def generate(
    customers: int = 200,
    years: int = 3,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[str], None] = lambda message: None,
    chunk: int = CHUNK,
) -> Report:
    if customers < 1 or years < 1:
        raise ValueError("at least one customer and one year")
    started = time.monotonic()
    today = today or timezone.localdate()
    now = timezone.now()
    numbers = customer_numbers(customers)
    chunks = [numbers[start : start + chunk] for start in range(0, len(numbers), chunk)]
    report = Report(customers=len(numbers), rows=dict.fromkeys(["customer", *FIELDS], 0))

    def elapsed() -> str:
        return f"{time.monotonic() - started:.1f} s"

    with transaction.atomic():
        store = Store()
        store.begin()
        for part in chunks:
            store.upsert_customers([customer_spec(seed, number) for number in part], now)
        ids = store.demo_customer_ids()
        store.wipe()
        wanted = set(numbers)
        store.delete_customers(id_ for number, id_ in ids.items() if number not in wanted)
        report.rows["customer"] = len(numbers)
        progress(f"customers: {len(numbers):,} ({elapsed()})")

        batch, numbering = Batch(store.first_free_ids()), Numbering()

        def histories(part: list[str]) -> dict[str, list[tuple]]:
            for number in part:
                spec = customer_spec(seed, number)
                customer_history(
                    spec,
                    ids[number],
                    seed=seed,
                    years=years,
                    today=today,
                    now=now,
                    batch=batch,
                    numbering=numbering,
                )
            return batch.take()

        # The next chunk's rows are made in a second thread while this one waits for the
        # database to take the previous chunk's (psycopg and sqlite3 wait without the GIL).
        # Only that thread touches the batch and the numbering, one chunk after another.
        done = 0
        with ThreadPoolExecutor(max_workers=1) as maker:
            coming = maker.submit(histories, chunks[0])
            for index, part in enumerate(chunks):
                rows = coming.result()
                if index + 1 < len(chunks):
                    coming = maker.submit(histories, chunks[index + 1])
                for table, table_rows in rows.items():
                    store.write(table, FIELDS[table], table_rows)
                    report.rows[table] += len(table_rows)
                done += len(part)
                progress(
                    f"history: {done:,}/{len(numbers):,} customers, "
                    f"{report.total_rows:,} rows ({elapsed()})"
                )
        report.rows.update(publish(today, ids.get(GUIDE_NUMBER)))
        store.finish()
    report.seconds = time.monotonic() - started
    return report
