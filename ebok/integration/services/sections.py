"""How one kind of record is checked and written: the generic part of a batch.

Every section fetches what it needs in one query per model (existing rows by external_id, the
rows its references name), checks every record before anything is written, then writes with
bulk_create and bulk_update. A record that equals the row is left alone (unchanged).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import models

from ebok.integration.errors import RecordError


@dataclass(frozen=True)
class Reference:
    """A record's field naming another record by external_id."""

    field: str  # in the record, e.g. "service_point_external_id"
    section: str  # where such records come in the same batch
    model: type[models.Model]
    label: str  # in messages, e.g. "service point"


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: "Counts") -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged


@dataclass
class Batch:
    """What a whole request knows while it is checked and written."""

    items: dict[str, list]  # section name -> records
    request: object = None  # the API's request (its token and address), None for a file import
    errors: list[RecordError] = field(default_factory=list)
    # model -> external_id -> primary key, for rows in the database and rows written so far
    pks: dict = field(default_factory=lambda: defaultdict(dict))
    # model -> external_ids looked up in the database (found or not)
    looked_up: dict = field(default_factory=lambda: defaultdict(set))

    def error(self, section: str, index: int | None, field_name: str | None, message: str):
        self.errors.append(RecordError(section, index, field_name, message))

    def in_batch(self, section: str) -> set[str]:
        return {item.external_id for item in self.items.get(section, [])}

    def fetch_pks(self, model, external_ids) -> None:
        """Primary keys of the rows with these external_ids, in one query for those not known."""
        wanted = set(external_ids) - self.looked_up[model]
        if wanted:
            found = model.objects.filter(external_id__in=wanted).values_list("external_id", "pk")
            self.pks[model].update(found)
            self.looked_up[model] |= wanted


class Section:
    name: str
    model: type[models.Model]
    references: tuple[Reference, ...] = ()
    # The record's field that names its row, and the row's lookup for it: the billing
    # system's external_id, except for rows that are one per customer (a balance).
    key = "external_id"
    row_key_lookup = "external_id"

    def __init__(self, batch: Batch):
        self.batch = batch
        self.items = batch.items.get(self.name, [])
        self.existing: dict[str, models.Model] = {}

    # Checking -------------------------------------------------------------------------

    def check(self) -> None:
        if not self.items:
            return
        self.check_duplicates()
        ids = [self.key_of(item) for item in self.items]
        self.existing = {
            self.row_key(row): row
            for row in self.rows().filter(**{f"{self.row_key_lookup}__in": ids})
        }
        self.batch.pks[self.model].update((key, row.pk) for key, row in self.existing.items())
        self.batch.looked_up[self.model] |= set(ids)
        for reference in self.references:
            self.check_reference(reference)
        self.check_more()

    def key_of(self, item) -> str:
        return getattr(item, self.key)

    def row_key(self, row) -> str:
        return row.external_id

    def rows(self):
        """The rows records are compared with (a section may fetch related rows with them)."""
        return self.model.objects.all()

    def check_duplicates(self) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(self.items):
            key = self.key_of(item)
            if key in seen:
                self.batch.error(
                    self.name,
                    index,
                    self.key,
                    f"The same {self.key} is given at index {seen[key]}.",
                )
            seen.setdefault(key, index)

    def check_reference(self, reference: Reference) -> None:
        named = {getattr(item, reference.field) for item in self.items} - {None}
        earlier = self.batch.in_batch(reference.section)
        self.batch.fetch_pks(reference.model, named - earlier)
        known = earlier | set(self.batch.pks[reference.model])
        for index, item in enumerate(self.items):
            value = getattr(item, reference.field)
            if value is not None and value not in known:
                self.batch.error(
                    self.name,
                    index,
                    reference.field,
                    f"No {reference.label} with external_id {value!r}, neither in eBOK nor "
                    f"earlier in this request.",
                )

    def check_more(self) -> None:
        """Checks of one kind of record (unique numbers and the like)."""

    def check_unique_natural_key(self, key: str, label: str) -> None:
        """A field unique in the table (a customer's or an invoice's number): no two records
        of the batch share it, and no other row has it. A row that has it but no external_id
        yet (made by hand in the admin) is taken over by a new record with that number."""
        values = {getattr(item, key) for item in self.items}
        holders = {
            getattr(row, key): row for row in self.model.objects.filter(**{f"{key}__in": values})
        }
        seen: dict[str, int] = {}
        for index, item in enumerate(self.items):
            value = getattr(item, key)
            if value in seen:
                self.batch.error(
                    self.name, index, key, f"The same {label} is given at index {seen[value]}."
                )
                continue
            seen[value] = index
            holder = holders.get(value)
            current = self.existing.get(item.external_id)
            if holder is None or (current is not None and current.pk == holder.pk):
                continue
            if current is None and holder.external_id is None:
                self.existing[item.external_id] = holder
                # Known by its external_id from now on, so later sections find the row it is.
                self.batch.pks[self.model][item.external_id] = holder.pk
                continue
            owner = (
                f"external_id {holder.external_id!r}" if holder.external_id else "no external_id"
            )
            self.batch.error(
                self.name,
                index,
                key,
                f"{label.capitalize()} {value!r} belongs to another row ({owner}).",
            )

    # Writing --------------------------------------------------------------------------

    def values(self, item) -> dict:
        """The row's fields (attnames) for this record, references resolved to primary keys."""
        raise NotImplementedError

    def resolve(self, reference: Reference, item):
        value = getattr(item, reference.field)
        return None if value is None else self.batch.pks[reference.model][value]

    def write(self) -> Counts:
        counts = Counts()
        to_create, to_update, changed_fields = [], [], set()
        self.written = []  # (item, row, "created" | "updated" | "unchanged")
        for item in self.items:
            values = self.values(item)
            row = self.existing.get(self.key_of(item))
            if row is None:
                row = self.model(**values)
                to_create.append(row)
                state = "created"
            else:
                changed = {name for name, value in values.items() if getattr(row, name) != value}
                for name in changed:
                    setattr(row, name, values[name])
                if changed or self.also_changed(item, row):
                    to_update.append(row)
                    changed_fields |= changed
                    state = "updated"
                else:
                    state = "unchanged"
            self.written.append((item, row, state))
            setattr(counts, state, getattr(counts, state) + 1)
        changed_fields |= self.before_save(to_create, to_update)
        if to_create:
            self.model.objects.bulk_create(to_create)
            if any(row.pk is None for row in to_create):  # databases that return no ids
                self.batch.looked_up[self.model].clear()
                self.batch.fetch_pks(self.model, [row.external_id for row in to_create])
        if to_update and changed_fields:
            self.model.objects.bulk_update(to_update, sorted(changed_fields))
        for item, row, _state in self.written:
            if row.pk is not None:
                self.batch.pks[self.model][self.key_of(item)] = row.pk
        self.after_write()
        return counts

    def also_changed(self, item, row) -> bool:
        """Whether anything besides the row's own fields changed (an invoice's lines)."""
        return False

    def before_save(self, created: list, updated: list) -> set[str]:
        """Last changes to the rows before they are saved; returns more fields to update."""
        return set()

    def after_write(self) -> None:
        """Writes that need the rows' primary keys (an invoice's lines)."""
