"""The inventory workbook that travels with the dossier.

Why beside the PDF and not inside it: the dossier is PDF/A-2b, and PDF/A-2 (ISO 19005-2,
6.8) allows embedded files only when they are PDF/A themselves; an .xlsx is not, so
embedding it would break the conformance that approval needs. The workbook is written next
to the dossier with the same name (``ho-so.pdf`` → ``ho-so.xlsx``), and a plain PDF
(``--no-pdfa``) also carries it as an attachment that PDF readers list.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

from ..model.inventory.rows import Inventory
from ..model.model import Model
from ..storage.atomic import write_atomically
from .xlsx_inventory_export import inventory_workbook_bytes

log = logging.getLogger(__name__)

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def companion_path(document: str | os.PathLike[str]) -> Path:
    """Where the workbook of a dossier goes: beside it, same name, ``.xlsx``."""
    return Path(document).with_suffix(".xlsx")


def has_inventory(model: Model) -> bool:
    """True when the model has inventory rows (objects or tasks) and a profile with
    inventory fields: then a dossier gets its workbook."""
    inventory = Inventory(model)
    return bool(inventory.schema.fields) and bool(inventory.objects() or inventory.tasks())


def write_companion_workbook(model: Model, document: str | os.PathLike[str], language: str,
                             attach: bool = False) -> Path | None:
    """Write the inventory workbook beside ``document`` (and, with ``attach``, into the PDF
    as an attachment); ``None`` when the model has no inventory."""
    if not has_inventory(model):
        return None
    data = inventory_workbook_bytes(model, language)
    target = companion_path(document)
    write_atomically(target, data)
    if attach:
        attach_to_pdf(document, target.name, data)
    return target


def attach_to_pdf(pdf_path: str | os.PathLike[str], name: str, data: bytes) -> None:
    """Embed ``data`` in the (non-PDF/A) PDF at ``pdf_path`` as the attachment ``name``."""
    import pikepdf

    with pikepdf.open(Path(pdf_path)) as pdf:
        spec = pikepdf.AttachedFileSpec(pdf, data, description=name, filename=name,
                                        mime_type=XLSX_MIME)
        pdf.attachments[name] = spec
        buffer = io.BytesIO()
        pdf.save(buffer)
    write_atomically(pdf_path, buffer.getvalue())
    log.info("attached %s to %s", name, pdf_path)
