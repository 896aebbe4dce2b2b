"""The words of the ArchiMate Open Exchange format that the reader and the writer share:
namespaces, tags, the ``egov:`` property names under which this program's own data travels,
Archi's folder names, and the fingerprint of a generated folder tree.

One vocabulary, so the two directions cannot drift apart: :mod:`.oef_reader` and
:mod:`.oef_writer` both import from here and never from each other.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re

from ..model.concepts import Folder
from ..model.metamodel import ArchiMateLayer
from ..model.serialization import folder_to_dict

log = logging.getLogger(__name__)

NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SCHEMA_LOCATION = (
    f"{NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd "
    f"{DC_NS} http://www.opengroup.org/xsd/archimate/3.1/dc.xsd"
)

XSI_TYPE = f"{{{XSI_NS}}}type"
XML_LANG = f"{{{XML_NS}}}lang"

#: Property names under which the framework provenance travels (stable: other tools and
#: later versions of this program rely on them).
PROP_CATALOG_REF = "egov:catalog_ref"
PROP_LAYER = "egov:layer"
PROP_REFERENCE_MODEL = "egov:reference_model"
#: Model property: fingerprint of a folder tree the writer generated (see module docstring).
PROP_GENERATED_FOLDERS = "egov:generated-folders"
#: View property: JSON with what the exchange format cannot carry for that view.
PROP_VIEW_EXTRAS = "egov:view-extras"
#: Model property prefix for metadata keys that are not Dublin Core (dossier fields).
PROP_METADATA_PREFIX = "egov:metadata."

#: The Dublin Core 1.1 elements (dc.xsd); other metadata keys travel as properties.
DC_ELEMENTS = (
    "title", "creator", "subject", "description", "publisher", "contributor", "date",
    "type", "format", "identifier", "source", "language", "relation", "coverage", "rights",
)
#: What ``<metadata>`` says about itself when it holds Dublin Core.
DC_SCHEMA = "Dublin Core"
DC_SCHEMA_VERSION = "1.1"
#: The exchange format's property data types (``DataType`` in the XSD).
DATA_TYPES = ("string", "boolean", "currency", "date", "time", "number")
FONT_STYLES = ("plain", "bold", "italic", "underline")

#: Archi's top-level folders, in Archi's order, and which ArchiMate layers each holds.
TOP_FOLDERS: tuple[tuple[str, tuple[ArchiMateLayer, ...]], ...] = (
    ("Strategy", (ArchiMateLayer.STRATEGY,)),
    ("Business", (ArchiMateLayer.BUSINESS,)),
    ("Application", (ArchiMateLayer.APPLICATION,)),
    ("Technology & Physical", (ArchiMateLayer.TECHNOLOGY, ArchiMateLayer.PHYSICAL)),
    ("Motivation", (ArchiMateLayer.MOTIVATION,)),
    ("Implementation & Migration", (ArchiMateLayer.IMPLEMENTATION_MIGRATION,)),
    ("Other", (ArchiMateLayer.OTHER,)),
)
RELATIONS_FOLDER = "Relations"
VIEWS_FOLDER = "Views"


#: Every attribute of the exchange format 3.1 (what the reader uses, or reports by name:
#: ``viewpointRef``, ``conceptRef``, ``xpathPart``); any other is another tool's extension.
KNOWN_ATTRIBUTES = frozenset((
    "identifier", "identifierRef", "ref", "elementRef", "relationshipRef", "source",
    "target", "propertyDefinitionRef", "viewpointRef", "conceptRef", "xpathPart", "nodeRef",
    "connectionRef", "viewConceptRef", "stereotypeRef", "type", "accessType", "isDirected",
    "modifier", "viewpoint", "version", "x", "y", "w", "h", "r", "g", "b", "a", "name",
    "size", "style", "lineWidth", XSI_TYPE, XML_LANG, f"{{{XSI_NS}}}schemaLocation",
))


def q(tag: str) -> str:
    """The qualified name of an exchange-format tag."""
    return f"{{{NS}}}{tag}"


Q_MODEL, Q_NAME, Q_DOC, Q_PROPS, Q_PROP, Q_VALUE = (
    q("model"), q("name"), q("documentation"), q("properties"), q("property"), q("value"))
Q_METADATA, Q_ELEMENTS, Q_ELEMENT, Q_RELS, Q_REL = (
    q("metadata"), q("elements"), q("element"), q("relationships"), q("relationship"))
Q_ORGS, Q_ITEM, Q_LABEL, Q_PROPDEFS, Q_PROPDEF = (
    q("organizations"), q("item"), q("label"), q("propertyDefinitions"), q("propertyDefinition"))
Q_VIEWS, Q_DIAGRAMS, Q_VIEW, Q_NODE, Q_CONN = (
    q("views"), q("diagrams"), q("view"), q("node"), q("connection"))
Q_STYLE, Q_VIEWREF, Q_BEND, Q_SRC_ATT, Q_TGT_ATT = (
    q("style"), q("viewRef"), q("bendpoint"), q("sourceAttachment"), q("targetAttachment"))
Q_FILL, Q_LINE, Q_FONT, Q_COLOR = q("fillColor"), q("lineColor"), q("font"), q("color")
Q_SCHEMA, Q_SCHEMAVERSION = q("schema"), q("schemaversion")


def folders_fingerprint(folders: list[Folder]) -> str:
    """A short stable digest of a folder tree (labels, ids, refs, nesting)."""
    text = json.dumps([folder_to_dict(f) for f in folders], ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


#: Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold (pasted from other programs, they
    would otherwise make the whole export fail); logged, since they are dropped."""
    if _NOT_XML.search(text) is None:
        return text
    log.warning("characters XML cannot hold were dropped from %r", text[:40])
    return _NOT_XML.sub("", text)
