"""Reading the ``<organizations>`` of an exchange file as the model's folders; a reference
that cannot be kept is listed in the report instead of being dropped silently."""

from __future__ import annotations

from lxml import etree

from ..i18n import tr
from ..model.concepts import Folder
from ..model.model import Model
from .oef_read_common import ReadState
from .oef_vocabulary import Q_DOC, Q_ITEM, Q_LABEL

#: The deepest folder nesting read. Real models nest a handful of levels; a file nesting
#: thousands would overflow the recursion of the native file's writer and reader.
MAX_FOLDER_DEPTH = 32


def fileable_ids(reader: ReadState, model: Model) -> set[str]:
    """The ids a folder item may name (the model's elements, relationships and views),
    gathered once per import: asking the model for each of 60,000 items took longer."""
    if reader.fileable is None:
        reader.fileable = {e.id for e in model.elements}
        reader.fileable.update(r.id for r in model.relationships)
        reader.fileable.update(v.id for v in model.views)
    return reader.fileable


def read_folder(reader: ReadState, item: etree._Element, model: Model,
                parent: Folder | None, depth: int = 1) -> Folder | None:
    """An ``<item>``: a reference (added to ``parent``) or a folder (returned). References
    directly under ``<organizations>`` are read by the caller, which keeps their place."""
    ref = item.get("identifierRef")
    if ref is not None:
        nested = [c for c in item if c.tag == Q_ITEM] if len(item) else None
        if nested:
            reader.report.append(tr(
                "Folder item at line {line}: {count} items nested under a reference were "
                "not imported", line=item.sourceline, count=len(nested)))
        if model.has_concept(ref) or model.has_view(ref):
            if parent is not None:
                parent.refs.append(ref)
        elif ref not in reader.skipped:
            reader.report.append(tr(
                "Folder item at line {line}: {ref} is not an element, relationship or view "
                "and was not imported", line=item.sourceline, ref=ref))
        return None
    if depth > MAX_FOLDER_DEPTH:
        raise reader.fail(item.sourceline, tr(
            "folders are nested more than {depth} levels deep", depth=MAX_FOLDER_DEPTH))
    folder = Folder(label="", id=item.get("identifier"))
    groups = reader.children(item, Q_LABEL, Q_DOC, Q_ITEM)
    reader.read_diagram_texts(folder, groups)
    refs, fileable = folder.refs, fileable_ids(reader, model)
    for child in groups[Q_ITEM]:
        ref = child.get("identifierRef")
        if ref is not None and ref in fileable and not len(child):
            refs.append(ref)  # the usual item, without a call of its own (60,000 of them)
            continue
        sub = read_folder(reader, child, model, folder, depth + 1)
        if sub is not None:
            folder.folders.append(sub)
    return folder
