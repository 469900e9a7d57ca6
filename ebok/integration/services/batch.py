"""A batch, all or nothing: check every record of every section, then write them all."""

from django.db import transaction

from ebok.integration.errors import BatchRejected
from ebok.integration.services import records
from ebok.integration.services.balances import Balances
from ebok.integration.services.memberships import Memberships
from ebok.integration.services.sections import Batch, Counts

# In the order they are written, so that a record may name one written before it.
SECTIONS = [*records.SECTIONS, Balances, Memberships]


def import_batch(items: dict[str, list], *, request=None) -> tuple[Counts, dict[str, Counts]]:
    """Write the records (section name -> records) or raise BatchRejected with every error.

    Checks and writes share one transaction, so what was checked is what is written to. The
    API's request is given so that changes of access are audited with its token and address.
    """
    batch = Batch(
        items={name: records for name, records in items.items() if records}, request=request
    )
    with transaction.atomic():
        sections = [section(batch) for section in SECTIONS]
        for section in sections:
            section.check()
        if batch.errors:
            raise BatchRejected(sorted(batch.errors, key=_order))
        total, by_section = Counts(), {}
        for section in sections:
            if section.items:
                by_section[section.name] = section.write()
                total.add(by_section[section.name])
    return total, by_section


SECTION_ORDER = {section.name: position for position, section in enumerate(SECTIONS)}


def _order(error):
    return (SECTION_ORDER.get(error.section, -1), error.index or 0)
