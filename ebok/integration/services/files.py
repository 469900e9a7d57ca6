"""Files the billing system sends: PDFs only, stored under MEDIA_ROOT, replaced old ones removed
once the transaction that replaced them has committed."""

from django.db import transaction

PDF_MAGIC = b"%PDF-"


def is_pdf(content: bytes) -> bool:
    return content.startswith(PDF_MAGIC)


def same_content(field_file, content: bytes) -> bool:
    """Whether the stored file holds exactly these bytes (a missing file holds nothing)."""
    if not field_file:
        return False
    try:
        if field_file.size != len(content):
            return False
        with field_file.storage.open(field_file.name, "rb") as stored:
            return stored.read() == content
    except OSError:
        return False


def delete_after_commit(storage, names) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


class NewFiles:
    """Files saved during a transaction: deleted again if it is rolled back."""

    def __init__(self):
        self.saved = []

    def save(self, field_file, name: str, content_file) -> None:
        field_file.save(name, content_file, save=False)
        self.saved.append((field_file.storage, field_file.name))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        if exc_type is not None:
            for storage, name in self.saved:
                storage.delete(name)
        return False
