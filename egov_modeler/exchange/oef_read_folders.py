"""Reading the ``<organizations>`` of an exchange file as the model's folders; a reference
that cannot be kept is listed in the report instead of being dropped silently."""

from __future__ import annotations

from lxml import etree

from ..i18n import tr
from ..model.concepts import Folder
from ..model.model import Model
from .oef_read_common import ReadState
from .oef_vocabulary import Q_DOC, Q_ITEM, Q_LABEL


def read_folder(reader: ReadState, item: etree._Element, model: Model,
                parent: Folder | None) -> Folder | None:
    """An ``<item>``: a reference (added to ``parent``) or a folder (returned)."""
    ref = item.get("identifierRef")
    if ref is not None:
        nested = [c for c in item if c.tag == Q_ITEM]
        if nested:
            reader.report.append(tr(
                "Folder item at line {line}: {count} items nested under a reference were "
                "not imported", line=item.sourceline, count=len(nested)))
        if parent is None:
            reader.report.append(tr(
                "Folder item at line {line}: a reference outside any folder was not "
                "imported", line=item.sourceline))
        elif model.has_concept(ref) or model.has_view(ref):
            parent.refs.append(ref)
        elif ref not in reader.skipped:
            reader.report.append(tr(
                "Folder item at line {line}: {ref} is not an element, relationship or view "
                "and was not imported", line=item.sourceline, ref=ref))
        return None
    folder = Folder(label="", id=item.get("identifier"))
    groups = reader.children(item, Q_LABEL, Q_DOC, Q_ITEM)
    reader.read_diagram_texts(folder, groups)
    for child in groups[Q_ITEM]:
        sub = read_folder(reader, child, model, folder)
        if sub is not None:
            folder.folders.append(sub)
    return folder
