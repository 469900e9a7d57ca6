"""Documents for one customer or for all (terms, tariffs): metadata and the PDF in base64."""

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from ebok.integration.schemas.batches import LimitedBatch
from ebok.integration.schemas.types import (
    DocumentKind,
    ExternalId,
    IsoDate,
    IsoDateTime,
    Record,
    Text,
)

Filename = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,95}\.(pdf|PDF)$",
        description="The file's name, ending in .pdf.",
        examples=["taryfa-2025.pdf"],
    ),
]


class DocumentIn(Record):
    external_id: ExternalId
    customer_external_id: ExternalId | None = Field(
        None, description="Null or left out: the document is for all customers."
    )
    kind: DocumentKind = "other"
    title: Text(200)
    date: IsoDate
    published_from: IsoDateTime | None = Field(
        None, description="Left out or null: from now for a new document; kept for one eBOK has."
    )
    published_until: IsoDateTime | None = None
    filename: Filename
    content_base64: str = Field(
        description="The PDF, base64-encoded (RFC 4648, with padding).",
        examples=["JVBERi0xLjQK..."],
    )

    @field_validator("published_until")
    @classmethod
    def _published_in_order(cls, value, info: ValidationInfo):
        start = info.data.get("published_from")
        if value is not None and start is not None and value <= start:
            raise ValueError("Must be after published_from.")
        return value


class DocumentsBatch(LimitedBatch):
    documents: list[DocumentIn]
