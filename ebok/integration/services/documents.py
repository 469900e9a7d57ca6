"""Documents: a section like the others, whose records also carry a PDF (base64)."""

import base64
import binascii

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ebok.content.models import Document
from ebok.integration.errors import BatchRejected
from ebok.integration.services import files
from ebok.integration.services.records import CUSTOMER
from ebok.integration.services.sections import Batch, Counts, Section


class Documents(Section):
    name = "documents"
    model = Document
    references = (CUSTOMER,)

    def check_more(self):
        self.contents: dict[str, bytes] = {}
        for index, item in enumerate(self.items):
            try:
                content = base64.b64decode(item.content_base64, validate=True)
            except (binascii.Error, ValueError):
                self.batch.error(self.name, index, "content_base64", "Not valid base64.")
                continue
            if not files.is_pdf(content):
                message = "Not a PDF: the file must start with %PDF-."
                self.batch.error(self.name, index, "content_base64", message)
                continue
            self.contents[item.external_id] = content
        self.file_changed = {
            key: row is None or not files.same_content(row.file, self.contents.get(key, b""))
            for key, row in (
                (item.external_id, self.existing.get(item.external_id)) for item in self.items
            )
        }

    def values(self, item):
        row = self.existing.get(item.external_id)
        published_from = item.published_from
        if published_from is None:
            published_from = row.published_from if row is not None else timezone.now()
        return {
            "external_id": item.external_id,
            "customer_id": self.resolve(CUSTOMER, item),
            "kind": item.kind,
            "title": item.title,
            "date": item.date,
            "published_from": published_from,
            "published_until": item.published_until,
        }

    def also_changed(self, item, row):
        return self.file_changed[item.external_id]

    def write(self):
        self.replaced: list[str] = []
        with files.NewFiles() as self.new_files:
            counts = super().write()
        files.delete_after_commit(Document.file.field.storage, self.replaced)
        return counts

    def before_save(self, created, updated):
        changed = False
        for item, row, state in self.written:
            if state == "unchanged" or not self.file_changed[item.external_id]:
                continue
            if row.file:
                self.replaced.append(row.file.name)
            content = ContentFile(self.contents[item.external_id])
            self.new_files.save(row.file, item.filename, content)
            changed = True
        return {"file"} if changed else set()


def import_documents(items: list) -> Counts:
    batch = Batch(items={"documents": items})
    with transaction.atomic():
        section = Documents(batch)
        section.check()
        if batch.errors:
            raise BatchRejected(batch.errors)
        return section.write()
