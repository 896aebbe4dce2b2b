"""Open any model file the program reads, whatever its name: a ``.egov`` model, an
ArchiMate exchange file, an Archi model (plain or zipped) or a set of Archi CSV files.

Why by content and not by extension: files travel by e-mail and get renamed (an Archi
model saved as ``.xml``, an exchange file as ``.archimate``), and the user should not
need to know which of the formats they hold. The first bytes say it: a zip, JSON, or the
namespace of the XML root element. File > Open and ``egov-modeler import`` both come
here; each reader keeps its own checks and messages.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..i18n import os_reason, tr
from ..model.errors import ModelError
from ..model.model import Model
from ..storage.native import loads
from .archi_csv_import import import_archi_csv
from .archi_reader import read_archi_bytes
from .archi_vocabulary import CSV_ELEMENTS, CSV_PROPERTIES, CSV_RELATIONS, CSV_SUFFIX, NAMESPACES
from .archi_zip import is_zip
from .oef_reader import read_exchange_bytes

#: The Open Group's exchange namespaces (3.x and the old 2.1) start with this.
OEF_FAMILY = "http://www.opengroup.org/xsd/archimate"
#: What a user may pick in File > Open (for the window's file dialog).
OPEN_SUFFIXES = (".egov", ".archimate", ".xml", ".csv")

_ROOT = re.compile(rb"<(?![?!])([A-Za-z_][\w.\-]*:)?[A-Za-z_][\w.\-]*([^>]*)>", re.S)
_XMLNS = re.compile(rb"""xmlns(?::([\w.\-]+))?\s*=\s*["']([^"']*)["']""")
_PROLOG_NOISE = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[.*?\]\s*)?>", re.S)


class UnknownFileError(ModelError):
    """A file that none of the program's readers recognises; the message says what opens."""


def root_namespace(data: bytes) -> str | None:
    """The namespace of the first element of XML ``data`` (``""`` for none), read from the
    first bytes without parsing; ``None`` when ``data`` does not look like XML."""
    head = data[:65536]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            head = head.decode("utf-16", "ignore").encode("utf-8")
        except UnicodeError:
            return None
    head = _PROLOG_NOISE.sub(b"", head.lstrip(b"\xef\xbb\xbf \t\r\n"))
    if not head.lstrip().startswith(b"<"):
        return None
    match = _ROOT.search(head)
    if match is None:
        return None
    prefix = (match.group(1) or b"")[:-1]
    for name, uri in _XMLNS.findall(match.group(2)):
        if name == prefix:
            return uri.decode("utf-8", "replace")
    return ""


def is_csv_name(path: Path) -> bool:
    stem = path.name.lower()
    return stem.endswith(CSV_SUFFIX) and any(
        stem[: -len(CSV_SUFFIX)].endswith(kind)
        for kind in (CSV_ELEMENTS, CSV_RELATIONS, CSV_PROPERTIES))


def read_any_bytes(data: bytes, name: str, images_dir: Path | None = None) -> Model:
    """A new model from the bytes of a ``.egov``, exchange or Archi file (see
    :func:`read_any`); ``name`` is used in messages."""
    if is_zip(data):
        return read_archi_bytes(data, name)
    text_start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if text_start in (b"{", b"["):
        try:
            raw = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raw = None
        if raw is not None and not (isinstance(raw, dict) and "format_version" in raw):
            raise UnknownFileError(tr(
                "{name} is a JSON file but not an egov-modeler model (.egov); open .egov "
                "files, Archi models and exchange files with File > Open", name=name))
        return loads(data, name)
    namespace = root_namespace(data)
    if namespace is not None and ("archimatetool" in namespace or namespace in NAMESPACES):
        return read_archi_bytes(data, name, images_dir)
    if namespace is not None and namespace.startswith(OEF_FAMILY):
        return read_exchange_bytes(data, name)
    if namespace is not None:
        raise UnknownFileError(tr(
            "{name} is an XML file whose root element is in the namespace {namespace}, "
            "which is neither an ArchiMate exchange file nor an Archi model",
            name=name, namespace=namespace or "-"))
    raise UnknownFileError(tr(
        "{name} is not a file this program opens: it reads .egov models, ArchiMate exchange "
        "files (.xml), Archi models (.archimate) and Archi CSV files (elements.csv)",
        name=name))


def read_any(path: str | os.PathLike[str]) -> Model:
    """A new model from the file at ``path``, whichever of the program's formats it is.

    Archi CSV files (``elements.csv`` and its siblings) become a new model too. Raises a
    :class:`~egov_modeler.model.errors.ModelError` with the reader's message; what could
    not be read is in the model's ``load_report``.
    """
    source = Path(path)
    if source.is_dir() or is_csv_name(source):
        model = Model(name=source.stem if source.is_dir() else source.parent.name)
        import_archi_csv(model, source)
        model.load_report = []
        return model
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UnknownFileError(tr("Cannot read {path}: {reason}", path=source,
                                  reason=os_reason(exc))) from None
    return read_any_bytes(data, source.name, source.parent / "images")
