"""Sign a dossier PDF in one of its approval boxes (``egov-modeler sign``).

Why pyHanko: it signs PDF (PAdES / CMS) in an incremental update, so the signed file keeps
every byte of the PDF/A-2b dossier and stays PDF/A-2b; it fills a signature field that
:mod:`~egov_modeler.export.pdf.pdfa` left in the title block (``preparer``, ``checker``,
``approver``); and it signs with a key from a PKCS#12 file (tested here) or from a USB
token through PKCS#11 (the way real Vietnamese signing certificates are held; see the
README, not tested here).

The visible stamp is written in the document's language with the bundled Be Vietnam Pro,
embedded through pyHanko's OpenType support: pyHanko's default stamp font (Courier, no
embedding, no Vietnamese letters) would print "Ký bởi" as garbage and break PDF/A.
"""

from __future__ import annotations

import io
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from ..diagram.fonts import font_path
from ..i18n import current_language, set_language, tr
from ..model.errors import ModelError
from ..storage.atomic import atomic_file
from .pdf.blocks import APPROVAL_ROLES

log = logging.getLogger(__name__)

__all__ = ["SIGNATURE_ROLES", "SignatureError", "SignOptions", "sign_dossier",
           "signature_fields_of", "stamp_text"]

#: The approval boxes a dossier has signature fields for, in order.
SIGNATURE_ROLES: tuple[str, ...] = tuple(role for role, _ in APPROVAL_ROLES)


class SignatureError(ModelError):
    """Signing failed for a reason the user can act on (wrong password, no such field,
    a field already signed, not a PDF)."""


@dataclass
class SignOptions:
    """How to sign: the field (``preparer``, ``checker``, ``approver``), the reason and
    place written into the signature, and the stamp's language."""

    field: str = "approver"
    reason: str = ""
    location: str = ""
    lang: str | None = None


def _role_caption(role: str) -> str:
    return tr(dict(APPROVAL_ROLES).get(role, role))


def stamp_text(role: str) -> str:
    """The stamp's text template (pyHanko fills ``%(signer)s`` and ``%(ts)s``)."""
    return "\n".join((tr("Digitally signed by: %(signer)s"),
                      tr("Role: {role}", role=_role_caption(role)),
                      tr("Time: %(ts)s")))


def signature_fields_of(path: str | os.PathLike) -> dict[str, bool]:
    """The signature fields of a PDF, each with whether it is already signed."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    try:
        with open(path, "rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            return {name: value is not None
                    for name, value, _ in enumerate_sig_fields(reader)}
    except OSError:
        raise
    except Exception as exc:
        raise SignatureError(tr("{path} is not a PDF that can be signed: {reason}",
                                path=path, reason=exc)) from exc


def _load_signer(p12: str | os.PathLike, password: bytes | None):
    from pyhanko.sign import signers

    data = Path(p12).read_bytes()
    try:
        from cryptography.hazmat.primitives.serialization import pkcs12

        pkcs12.load_key_and_certificates(data, password)
    except ValueError as exc:
        raise SignatureError(tr("Cannot open the certificate {path}: wrong password or not "
                                "a PKCS#12 file", path=p12)) from exc
    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(p12), passphrase=password)
    if signer is None:
        raise SignatureError(tr("Cannot open the certificate {path}: wrong password or not "
                                "a PKCS#12 file", path=p12))
    return signer


def sign_dossier(source: str | os.PathLike, target: str | os.PathLike,
                 p12: str | os.PathLike, password: bytes | None,
                 options: SignOptions | None = None) -> str:
    """Sign ``source`` into ``target`` (written atomically; the same path signs in place)
    in the field ``options.field`` with the key and certificate of ``p12``; returns the
    signer's name as the certificate gives it."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import signers
    from pyhanko.stamp import TextStampStyle

    options = options or SignOptions()
    fields = signature_fields_of(source)
    if options.field not in fields:
        raise SignatureError(tr("{path} has no signature field {field}; it has: {fields}",
                                path=source, field=options.field,
                                fields=", ".join(fields) or "—"))
    if fields[options.field]:
        raise SignatureError(tr("The field {field} of {path} is already signed",
                                field=options.field, path=source))
    signer = _load_signer(p12, password)
    previous = current_language()
    if options.lang:
        set_language(options.lang)
    try:
        style = TextStampStyle(
            stamp_text=stamp_text(options.field),
            text_box_style=TextBoxStyle(
                font=GlyphAccumulatorFactory(str(font_path("regular"))), font_size=7,
                leading=10),
            border_width=1, timestamp_format="%d/%m/%Y %H:%M:%S %z")
        meta = signers.PdfSignatureMetadata(
            field_name=options.field, reason=options.reason or None,
            location=options.location or None, name=None,
            subfilter=None)
        pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style)
        writer = IncrementalPdfFileWriter(io.BytesIO(Path(source).read_bytes()),
                                          strict=False)
        out = io.BytesIO()
        pdf_signer.sign_pdf(writer, output=out)
    finally:
        set_language(previous)
    with atomic_file(target) as handle:
        handle.write(out.getvalue())
    name = signer.signing_cert.subject.human_friendly
    log.info("signed %s as %s in field %s", target, name, options.field)
    return name
