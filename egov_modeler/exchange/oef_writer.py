"""Write a model as ArchiMate Open Exchange XML (exchange format 3.1, the format Archi,
Sparx EA and BiZZdesign read).

Why it is built the way it is:

- Archi refuses a file that is not valid against the Open Group schemas, so the writer
  follows the XSD's element order to the letter (all nodes of a view before its
  connections; properties after names and documentation) and never writes an empty
  container element the schema forbids.
- Nothing of the model may be lost on the way out and back in. What the exchange format
  can say natively (names per language, documentation, properties with typed definitions,
  access type, association direction, influence modifier, folders, views, absolute
  geometry, bendpoints, styles, viewpoints, label references to views) is written
  natively. The framework provenance of an element (``catalog_ref``, ``layer`` and the
  reference model) is written as ordinary properties with stable ``egov:`` names, so other
  tools show it and :mod:`.oef_reader` restores it. The few things the format cannot hold
  (a layer band's framework layer, exact alpha values, negative coordinates) go into one
  ``egov:view-extras`` property of the view, a small JSON text the reader recognises.
- A model without folders of its own gets Archi's top-level folders, with the framework
  layers as sub-folders. A fingerprint of that generated tree is stored as the model
  property ``egov:generated-folders``, so the reader can tell a generated tree (dropped
  again, the model had no folders) from one a user rearranged in Archi (kept).
- The whole file is written as text, escaped exactly as lxml would have serialised the
  same tree (:mod:`.oef_xml_text`): building an lxml element per XML element took many
  times as long as serialising it, and a national model has 140,000 of them (issue 19).
  The parts: the model's own texts and metadata (:mod:`.oef_write_header`), elements and
  relationships (:mod:`.oef_write_concepts`), folders (:mod:`.oef_write_folders`), views
  with their styles (:mod:`.oef_write_views`, :mod:`.oef_write_style`), all sharing one
  :class:`.oef_write_common.TextWriter`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from lxml import etree

from ..model.collector import collection_paused
from ..model.model import Model
from ..storage.atomic import write_atomically
from . import oef_file_facts as facts
from .oef_vocabulary import PROP_GENERATED_FOLDERS, folders_fingerprint
from .oef_write_common import TextWriter
from .oef_write_concepts import element_lines, relationship_lines
from .oef_write_folders import default_folders, organization_lines
from .oef_write_header import (
    DECLARATION,
    metadata_lines,
    model_properties,
    property_definition_lines,
    root_opening,
)
from .oef_write_views import views_lines
from .oef_xml_text import encoded
from .xml_safety import safe_parser

log = logging.getLogger(__name__)


def _document(w: TextWriter) -> list[str]:
    """The parts of the file, in the XSD's order. Property definition ids are handed out
    as properties are met (model, elements, relationships, views), so the definitions are
    written last and put in their place before the views.

    Why parts and not one text: a text holding one Vietnamese letter is kept by Python at
    two bytes a character, and joining and encoding the whole file so took a quarter of
    the export; the relationships, folders and most views are ASCII and stay cheap apart.
    """
    m = w.model
    head: list[str] = [DECLARATION, root_opening(w)]
    w.lang_lines(head, 1, "name", m.name, m.names, required=True)
    w.lang_lines(head, 1, "documentation", m.documentation, m.documentations)
    folders = m.folders
    top_level_refs = facts.top_level_refs(m)
    props = model_properties(m)
    elements, relationships, views = m.elements, m.relationships, m.views
    known: set[str] | None = None  # generated folders hold only the model's own ids
    if folders or top_level_refs:
        known = {e.id for e in elements}
        known.update(r.id for r in relationships)
        known.update(v.id for v in views)
    else:
        folders = default_folders(m)
        if folders:
            props.append((PROP_GENERATED_FOLDERS, folders_fingerprint(folders)))
    w.property_lines(head, 1, props)
    metadata_lines(w, head)
    parts = ["".join(head), _joined(element_lines, w, elements),
             _joined(relationship_lines, w, relationships),
             _joined(organization_lines, w, folders, top_level_refs, known)]
    diagrams: list[str] = []
    views_lines(w, diagrams, views)  # one part a view
    definitions: list[str] = []
    property_definition_lines(w, definitions)
    return [*parts, "".join(definitions), *diagrams, "</model>\n"]


def _joined(write: Callable[..., None], w: TextWriter, *what: Any) -> str:
    """What ``write(w, lines, *what)`` writes, as one text."""
    lines: list[str] = []
    write(w, lines, *what)
    return "".join(lines)


# ------------------------------------------------------------------ public API
def exchange_tree(model: Model) -> etree._Element:
    """The exchange document of ``model`` as an lxml element (for tests and tools)."""
    return etree.fromstring(exchange_bytes(model), safe_parser())


def exchange_bytes(model: Model) -> bytes:
    """The exchange XML of ``model``, UTF-8, with an XML declaration, as lxml's
    ``pretty_print`` would write it.

    Texts are written as they are first; a text holding a character XML cannot carry
    (pasted from another program) is rare, and searching every text for one took a tenth
    of the export, so the file is checked once, as bytes, and only then written again
    with every text freed of them (logged). An id XML cannot carry is refused with
    ``ValueError``, as lxml refuses it."""
    writer = TextWriter(model)
    with collection_paused():  # lists and tuples by the hundred thousand, none garbage
        try:
            return b"".join([encoded(part) for part in _document(writer)])
        except ValueError:
            writer.clean_texts()  # still: an id, refused as before
            return b"".join([encoded(part) for part in _document(writer)])


def write_exchange(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to ``path`` as exchange XML, atomically (old file or new, never half)."""
    data = exchange_bytes(model)
    write_atomically(path, data)
    log.info("wrote %s (%d bytes)", path, len(data))
