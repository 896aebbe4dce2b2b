"""Reading the ``<organizations>`` of an exchange file as the model's folders; a reference
that cannot be kept is listed in the report instead of being dropped silently."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..i18n import tr
from ..model.concepts import Folder
from ..model.model import Model
from .oef_read_common import ReadState
from .oef_vocabulary import Q_DOC, Q_ITEM, Q_LABEL

#: The deepest folder nesting read. Real models nest a handful of levels; a file nesting
#: thousands would overflow the recursion of the native file's writer and reader.
MAX_FOLDER_DEPTH = 32


#: What the scan noted of each folder's children, in order (see
#: :func:`.oef_read_scan.scan`): the identifier a usual item names (one attribute,
#: ``identifierRef``, and nothing inside), else the child itself.
FolderPlans = dict[etree._Element, list[str | etree._Element]]


def read_folder(reader: ReadState, item: etree._Element, model: Model,
                parent: Folder | None, depth: int = 1,
                plans: FolderPlans | None = None) -> Folder | None:
    """An ``<item>``: a reference (added to ``parent``) or a folder (returned). References
    directly under ``<organizations>`` are read by the caller, which keeps their place.
    With ``plans``, the usual items the scan noted are not read again."""
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
    texts: dict[Any, list[etree._Element]] = {Q_LABEL: [], Q_DOC: []}
    refs = folder.refs
    # what a folder item may name: an element, a relationship or a view; asked of the
    # model, not of a set of its ids made first (60,000 items in a large file)
    elements, has_relationship, has_view = (model.element_index, model.has_relationship,
                                            model.has_view)
    plan = plans.get(item) if plans is not None else None
    children: list[str | etree._Element] | etree._Element = item if plan is None else plan
    for position, entry in enumerate(children):
        if isinstance(entry, str):  # a usual item the scan noted
            if entry in elements or has_relationship(entry) or has_view(entry):
                refs.append(entry)
                continue
            child = item[position]  # reported below, with its line
        else:
            child = entry
        tag = child.tag
        if tag == Q_ITEM:
            ref = child.get("identifierRef")
            if ref is not None and (ref in elements or has_relationship(ref)
                                    or has_view(ref)) and not len(child):
                refs.append(ref)  # the usual item, read here
                continue
            sub = read_folder(reader, child, model, folder, depth + 1, plans)
            if sub is not None:
                folder.folders.append(sub)
        elif tag in texts:
            texts[tag].append(child)
        else:
            reader.counts["extension"] += 1  # another tool's: counted, not imported
    reader.read_diagram_texts(folder, texts)
    return folder
