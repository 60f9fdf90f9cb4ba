"""Documents: what a plan, resolution or report says about itself and the documents it cites."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class DocumentKind(StrEnum):
    plan = "Kế hoạch"
    guidance = "Hướng dẫn"
    resolution = "Nghị quyết"
    conclusion = "Kết luận"
    directive = "Chỉ thị"
    notice = "Thông báo"
    letter = "Công văn"
    programme = "Chương trình"
    decision = "Quyết định"
    dispatch = "Công điện"  # an urgent order by wire, from a head of government to named bodies
    law = "Luật"
    decree = "Nghị định"
    circular = "Thông tư"
    report = "Báo cáo"
    news = "news article"
    other = "other"


class Person(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    title: str | None = None
    phone: str | None = None


class Reference(BaseModel):
    """A document cited by number; `implements` marks the ones this document carries out."""

    model_config = ConfigDict(frozen=True)

    number: str
    date: dt.date | None = None
    issuer: str | None = None
    kind: DocumentKind | None = None
    implements: bool = False


class Received(BaseModel):
    """A receiving office's stamp ("Số: 48343 / Ngày: 28/12/2023"): not the document's own number."""

    model_config = ConfigDict(frozen=True)

    number: str
    date: dt.date | None = None


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: DocumentKind = DocumentKind.plan
    number: str | None = None
    issued: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    signer: Person | None = None
    contact: Person | None = None
    recipients: tuple[str, ...] = ()
    addressees: tuple[str, ...] = ()  # "Kính gửi": whom a letter is written to
    references: tuple[Reference, ...] = ()
    received: Received | None = None

    @property
    def implements(self) -> list[str]:
        return [ref.number for ref in self.references if ref.implements]
