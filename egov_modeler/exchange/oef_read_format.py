"""What a file given to the exchange import really is, when it is not an exchange file of
format 3.x, and where the program reads it instead.

Why: the files architects swap look alike from outside (``model.xml``, ``.archimate``,
``.egov``); "not an ArchiMate exchange file" alone leaves them guessing. Each refusal names
the format found (Archi's own model, zipped or not; the exchange format 2.1 of ArchiMate 2;
this program's model; a component catalog; other JSON; another ZIP archive) and the menu
or command that reads it, or says that none does. Only the first bytes and, for a ZIP,
its list of names are looked at: nothing is unpacked or decoded.
"""

from __future__ import annotations

import io
import zipfile

from ..i18n import tr

#: Archi's own model format (``.archimate``), any version.
ARCHI_NS = "http://www.archimatetool.com/archimate"
#: The exchange format 2.1 (ArchiMate 2.1): the namespace without ``/3.0/``.
NS_21 = "http://www.opengroup.org/xsd/archimate"
#: What the start of a file is searched in (JSON keys that tell its kind).
_HEAD = 4096


def archi_advice() -> str:
    return tr("Archi models are read with File > Open or with the command "
              "“egov-modeler import MODEL.archimate” (the file name ending in .archimate), "
              "not with the exchange import.")


def not_xml(data: bytes, name: str) -> str | None:
    """The refusal for a file that is not XML at all but a known kind, else ``None``."""
    if data[:4] == b"PK\x03\x04":
        return _zip(data, name)
    head = data[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        if b'"egov-modeler-catalog"' in head:
            return tr("{name} is a component catalog (JSON), not an ArchiMate exchange file; "
                      "catalogs are loaded with File > Load component catalog or with "
                      "“egov-modeler --catalog {name}”.", name=name)
        if b'"format_version"' in head:
            return tr("{name} is an egov-modeler model (.egov), not an ArchiMate exchange "
                      "file; open it with File > Open or with “egov-modeler {name}”.",
                      name=name)
        return tr("{name} is a JSON file, not an ArchiMate exchange XML file; this program "
                  "reads JSON only as its own models (.egov, File > Open) and component "
                  "catalogs (File > Load component catalog).", name=name)
    return None


def _zip(data: bytes, name: str) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        names = []
    if "model.xml" in names:
        return tr("{name} is a zipped Archi model (.archimate with images), not an "
                  "ArchiMate exchange file. {advice}", name=name, advice=archi_advice())
    return tr("{name} is a ZIP archive, not an ArchiMate exchange XML file; unpack it and "
              "import the exchange XML file inside.", name=name)


def wrong_root(namespace: str | None, name: str) -> str | None:
    """The refusal for an XML root of a known other format, else ``None``."""
    if namespace == ARCHI_NS:
        return tr("{name} is a model in Archi's own format (.archimate), not an ArchiMate "
                  "exchange file. {advice}", name=name, advice=archi_advice())
    if namespace == NS_21:
        return tr("{name} is an ArchiMate exchange file of format 2.1 (for ArchiMate 2.1, "
                  "namespace {namespace}); this program, like Archi 4 and later, reads the "
                  "exchange format 3.0 and 3.1 only: export the model again in format 3.1 "
                  "from the tool that wrote it.", name=name, namespace=NS_21)
    return None
