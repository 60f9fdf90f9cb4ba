"""The text layer of a PDF, page by page, via pdfplumber."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from extraction.pdf_tables import pages_text
from models.errors import DocumentError

NO_TEXT_LAYER = "no text layer — scanned? run OCR first"


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, NFC (PDFs often store a letter and its accents apart).

    A PDF with no text at all is an image of a document: reading it would give an empty plan.
    """
    try:
        with pdfplumber.open(path) as pdf:
            pages = pages_text(pdf.pages)
    except (PdfminerException, MalformedPDFException, PDFSyntaxError, PDFPasswordIncorrect) as error:
        raise DocumentError(f"{path}: not a readable PDF ({_reason(error)})") from None
    pages = [unicodedata.normalize("NFC", page) for page in pages]
    if not any(page.strip() for page in pages):
        raise DocumentError(f"{path}: {NO_TEXT_LAYER}")
    return pages


def pages_without_text(pages: list[str]) -> list[int]:
    """1-based numbers of the pages that have no text (scanned pages inside a typed PDF)."""
    return [number for number, page in enumerate(pages, start=1) if not page.strip()]


def _reason(error: Exception) -> str:
    cause = error.args[0] if error.args else error
    return str(cause) or type(cause).__name__
