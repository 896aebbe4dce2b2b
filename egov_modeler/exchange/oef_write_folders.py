"""The exchange file's ``<organizations>``: the model's own folders, or, for a model
without any, Archi's top-level folders with the framework layers as sub-folders.

Why generated folders: Archi shows a file's elements only through its folders, and an
architect looks for them by framework layer. The generated tree is deterministic (model
order), so the reader can regenerate it, compare it with the file's fingerprint and drop
it again (see :func:`.oef_vocabulary.folders_fingerprint`).
"""

from __future__ import annotations

import logging
from typing import Any

from ..model.concepts import Element, Folder
from ..model.metamodel import ELEMENT_TYPES
from ..model.model import Model
from .oef_vocabulary import RELATIONS_FOLDER, TOP_FOLDERS, VIEWS_FOLDER
from .oef_write_common import TextWriter
from .oef_xml_text import close, indent

log = logging.getLogger(__name__)


# ------------------------------------------------------------------ framework catalog
def _active_catalog() -> Any:
    """The active framework catalog (built-in plus user catalogs), or ``None`` when this
    build has none or it cannot be loaded: export must never fail because of it."""
    try:
        from ..model.catalog import active_catalog
    except ImportError:
        return None
    try:
        return active_catalog()
    except Exception:  # a broken user catalog must not stop an export
        log.warning("framework catalog unavailable; layer ids used as folder names",
                    exc_info=True)
        return None


def layer_names(layer_id: str, language: str = "vi") -> tuple[str, dict[str, str]]:
    """The framework layer's name in the model's ``language`` and in the other language,
    from the catalog; the layer id itself when the catalog does not know the layer."""
    catalog = _active_catalog()
    if catalog is None or not catalog.has_layer(layer_id):
        return layer_id, {}
    layer = catalog.layer(layer_id)
    names = {"vi": layer.name_vi, "en": layer.name_en}
    main = names.pop("en" if language == "en" else "vi") or layer_id
    return main, {k: v for k, v in names.items() if v and v != main}


def reference_model_of(element: Element) -> str | None:
    """The reference model (BRM, DRM, ARM, TRM, SRM, overview) of the element's catalog
    component: derived data, written so other tools see it, not read back."""
    if not element.catalog_ref:
        return None
    catalog = _active_catalog()
    component = catalog.find_component(element.catalog_ref) if catalog is not None else None
    return component.reference_model if component is not None else None


# ------------------------------------------------------------------ folders
def default_folders(model: Model) -> list[Folder]:
    """Archi's top-level folders with the framework layers as sub-folders.

    Deterministic (model order), so the reader can regenerate it and compare.
    """
    by_top: dict[str, tuple[list[str], dict[str, list[str]]]] = {
        label: ([], {}) for label, _ in TOP_FOLDERS
    }
    top_of_layer = {layer: label for label, layers in TOP_FOLDERS for layer in layers}
    top_of_type: dict[str, str] = {}  # the same answer for every element of a type
    for element in model.elements:
        top = top_of_type.get(element.type)
        if top is None:
            element_type = ELEMENT_TYPES.get(element.type)
            found = top_of_layer.get(element_type.layer) if element_type else "Other"
            top = top_of_type[element.type] = found or "Other"
        refs, sub = by_top[top]
        if element.layer:
            sub.setdefault(element.layer, []).append(element.id)
        else:
            refs.append(element.id)
    catalog = _active_catalog()
    order = {layer.id: i for i, layer in enumerate(catalog.layers)} if catalog else {}
    folders: list[Folder] = []
    for label, _ in TOP_FOLDERS:
        refs, sub = by_top[label]
        if not refs and not sub:
            continue
        children = []
        for layer_id in sorted(sub, key=lambda k: order.get(k, len(order))):  # stable
            layer_refs = sub[layer_id]
            name, names = layer_names(layer_id, model.language)
            children.append(Folder(label=name, labels=names, refs=layer_refs))
        folders.append(Folder(label=label, refs=refs, folders=children))
    relationships = [r.id for r in model.relationships]
    if relationships:
        folders.append(Folder(label=RELATIONS_FOLDER, refs=relationships))
    views = [v.id for v in model.views]
    if views:
        folders.append(Folder(label=VIEWS_FOLDER, refs=views))
    return folders


def organization_lines(w: TextWriter, out: list[str], folders: list[Folder],
                       top_level_refs: list[tuple[int, str]], known: set[str] | None) -> None:
    """``<organizations>``: the folders, and the references a file kept at the top level
    each back at its place; references to what the model does not hold (not in
    ``known``: its concepts and views) are left out. ``known`` is ``None`` for the
    generated folders (:func:`default_folders`), made of the model's own ids."""
    if not folders and not top_level_refs:
        return
    items: list[str] = []
    for folder in folders:
        item: list[str] = []
        folder_lines(w, item, 2, folder, known)
        items.append("".join(item))
    for position, ref in top_level_refs:  # in order: each lands where it was
        if known is None or ref in known:
            items.insert(position, f'    <item identifierRef="{w.ident(ref)}"/>\n')
    if items:
        out += ["  <organizations>\n", *items, "  </organizations>\n"]


def folder_lines(w: TextWriter, out: list[str], depth: int, folder: Folder,
                 known: set[str] | None) -> None:
    """One folder ``<item>``: its labels, documentation, sub-folders and references."""
    pad = indent(depth)
    opening = (f'{pad}<item identifier="{w.ident(folder.id)}"' if folder.id
               else f"{pad}<item")
    body: list[str] = []
    w.lang_lines(body, depth + 1, "label", folder.label, folder.labels)
    w.lang_lines(body, depth + 1, "documentation", folder.documentation, {})
    for child in folder.folders:
        folder_lines(w, body, depth + 1, child, known)
    refs = folder.refs
    ref_line = f'{indent(depth + 1)}<item identifierRef="'
    if w.plain_ids and (known is None or known.issuperset(refs)):  # one join for them all
        if refs:
            between = f'"/>\n{ref_line}'
            body.append(f'{ref_line}{between.join(refs)}"/>\n')
    else:
        for ref in refs:
            if known is None or ref in known:
                body.append(f'{ref_line}{w.ident(ref)}"/>\n')
            else:
                log.warning("folder %s: reference to missing %s not written",
                            folder.label, ref)
    close(out, opening, body, f"{pad}</item>\n")
