"""Reading the model's header, specializations, folders and concepts from an ``.archimate``
file. Archi keeps every concept inside a folder, so one walk of the folder tree finds the
elements, relationships and views (returned for :mod:`.archi_read_views`) and builds the
folder tree. Unknown types are skipped with a line in the report, and so is what depends
on them; the ArchiMate rules are not applied (validation reports what they forbid)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..i18n import tr
from ..model.concepts import Element, Profile, Relationship
from ..model.model import Model
from .archi_folders import ArchiFolder
from .archi_read_common import ArchiRead, tag_name
from .archi_vocabulary import (
    ACCESS_FROM_ARCHI,
    ARCHIMATE_VIEW,
    CANVAS_VIEW,
    CLASS_TO_ELEMENT,
    CLASS_TO_RELATIONSHIP,
    F_DOCUMENTATIONS,
    F_GENERATED,
    F_LABELS,
    F_LANGUAGE,
    F_NAMES,
    F_PROPERTY_TYPES,
    FOLDER_NAME_TYPES,
    OR_JUNCTION,
    SKETCH_VIEW,
    XSI_TYPE,
    ZIP_IMAGES_PREFIX,
)
from .archi_zip import MAX_IMAGE_BYTES
from .oef_vocabulary import PROP_CATALOG_REF, PROP_LAYER, PROP_REFERENCE_MODEL


@dataclass
class Found:
    """What the folder walk found, in document order."""

    elements: list[etree._Element] = field(default_factory=list)
    relationships: list[etree._Element] = field(default_factory=list)
    views: list[etree._Element] = field(default_factory=list)
    folders: list[ArchiFolder] = field(default_factory=list)


# ------------------------------------------------------------------ header
def read_header(state: ArchiRead, root: etree._Element, model: Model) -> dict[str, str]:
    """Name, purpose, properties, metadata and this program's model features; returns the
    model's features (the folder ones are used once the folders are read)."""
    model.name = root.get("name", "")
    model.documentation = state.documentation(root, "purpose")
    model.properties = state.properties(root)
    metadata = root.find("metadata")
    if metadata is not None:
        for entry in metadata.iterfind("entry"):
            model.metadata[entry.get("key", "")] = entry.get("value", "")
    features = state.features(root)
    language = features.get(F_LANGUAGE)
    if language:
        model.language = language
    for key, target in ((F_NAMES, model.names), (F_DOCUMENTATIONS, model.documentations),
                        (F_PROPERTY_TYPES, model.property_types)):
        value = state.json_feature(features, key, tr("the model"))
        if isinstance(value, dict):
            target.update({str(k): str(v) for k, v in value.items()})
    return features


def model_type(state: ArchiRead, el: etree._Element) -> str | None:
    """The model's type for an Archi concept element, or ``None`` for anything else."""
    kind = state.xsi_class(el)
    if kind == "Junction":
        return "OrJunction" if el.get("type") == OR_JUNCTION else "AndJunction"
    if kind in ("AndJunction", "OrJunction"):  # Archi 2 had two junction classes
        return kind
    return CLASS_TO_ELEMENT.get(kind) or CLASS_TO_RELATIONSHIP.get(kind)


def read_profiles(state: ArchiRead, root: etree._Element, model: Model,
                  images: dict[str, bytes], images_dir: Path | None) -> dict[str, Profile]:
    """The specializations, by id, with the images they show."""
    profiles: dict[str, Profile] = {}
    for el in root.iterfind("profile"):
        identifier = state.id(el.get("id"))
        archi_type = el.get("conceptType", "")
        concept_type = ("AndJunction" if archi_type == "Junction" else
                        CLASS_TO_ELEMENT.get(archi_type) or CLASS_TO_RELATIONSHIP.get(archi_type))
        if concept_type is None or el.get("specialization", "true") != "true":
            state.report.append(tr(
                "Specialization ‘{name}’ (line {line}) skipped: {type} is not a concept type "
                "this program knows", name=el.get("name", ""), line=el.sourceline,
                type=archi_type))
            continue
        profile = Profile(identifier, el.get("name", ""), concept_type,
                          el.get("imagePath") or None)
        if profile.image_path:
            image = _image(profile.image_path, images, images_dir)
            if image is None:
                state.report.append(tr(
                    "Specialization ‘{name}’: its image {path} is not in the file; the "
                    "reference was kept", name=profile.name, path=profile.image_path))
            else:
                model.images[profile.image_path] = image
        profiles[identifier] = profile
        if state.features(el).get(F_GENERATED) != "true":
            model.profiles.append(profile)
    return profiles


def _image(path: str, images: dict[str, bytes], images_dir: Path | None) -> bytes | None:
    """An image of the zip, or of the ``images`` folder beside a plain file (Archi's form
    for models kept in git), never from anywhere else."""
    if path in images:
        return images[path]
    name = path[len(ZIP_IMAGES_PREFIX):] if path.startswith(ZIP_IMAGES_PREFIX) else None
    if images_dir is None or not name or "/" in name or "\\" in name or name in (".", ".."):
        return None
    candidate = images_dir / name
    try:
        if candidate.is_file() and candidate.stat().st_size <= MAX_IMAGE_BYTES:
            return candidate.read_bytes()
    except OSError:
        return None
    return None


# ------------------------------------------------------------------ folders
def walk_folders(state: ArchiRead, root: etree._Element) -> Found:
    """Every concept and view of the file in document order, and the folder tree they
    are filed in."""
    found = Found()
    stack: list[tuple[Iterator[etree._Element], ArchiFolder | None]] = [(iter(root), None)]
    while stack:
        children, folder = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = tag_name(child.tag)
        if tag == "folder":
            sub = _folder(state, child, folder)
            (folder.folders if folder is not None else found.folders).append(sub)
            stack.append((iter(child), sub))
        elif tag == "element":
            _collect(state, child, found, folder)
        elif tag not in _FOLDER_CHILDREN:
            state.counts["unknown child"] += 1
    return found


_FOLDER_CHILDREN = ("folder", "element", "documentation", "property", "feature", "purpose",
                    "metadata", "profile")


def _folder(state: ArchiRead, el: etree._Element, parent: ArchiFolder | None) -> ArchiFolder:
    name = el.get("name", "")
    kind = el.get("type", "") if parent is None else ""
    if parent is None and not kind:
        kind = FOLDER_NAME_TYPES.get(name.casefold(), "")
    folder = ArchiFolder(name=name, id=state.id(el.get("id")), kind=kind,
                         documentation=state.documentation(el))
    features = state.features(el)
    labels = state.json_feature(features, F_LABELS, tr("Folder ‘{name}’", name=name))
    if isinstance(labels, dict):
        folder.labels = {str(k): str(v) for k, v in labels.items()}
    state.counts["folder properties"] += len(el.findall("property"))
    return folder


def _collect(state: ArchiRead, child: etree._Element, found: Found,
             folder: ArchiFolder | None) -> None:
    """File one ``element`` of a folder (or of the model) by what it is."""
    kind = state.xsi_class(child)
    identifier = state.id(child.get("id"))
    if kind == ARCHIMATE_VIEW:
        found.views.append(child)
    elif kind in (SKETCH_VIEW, CANVAS_VIEW):
        state.skipped.add(identifier)
        state.report.append(tr(
            "View ‘{name}’ (line {line}) skipped: {kind} views (sketches and canvases) are "
            "not part of an ArchiMate model", name=child.get("name", ""),
            line=child.sourceline, kind=kind))
        return
    elif kind in CLASS_TO_RELATIONSHIP:
        found.relationships.append(child)
    elif model_type(state, child) is not None:
        found.elements.append(child)
    else:
        state.skipped.add(identifier)
        state.report.append(tr(
            "{id} (line {line}) skipped: unknown type {type}", id=identifier,
            line=child.sourceline, type=child.get(XSI_TYPE, "")))
        return
    if folder is not None:
        folder.refs.append(identifier)


# ------------------------------------------------------------------ concepts
def _concept_parts(state: ArchiRead, el: etree._Element, profiles: dict[str, Profile],
                   concept_type: str) -> dict[str, object]:
    """What elements and relationships share: texts in every language, properties, the
    provenance this program keeps in properties, and the specialization."""
    features = state.features(el)
    owner = el.get("name") or state.id(el.get("id"))
    parts: dict[str, object] = {
        "name": el.get("name", ""),
        "documentation": state.documentation(el),
    }
    for key, field_name in ((F_NAMES, "names"), (F_DOCUMENTATIONS, "documentations")):
        value = state.json_feature(features, key, owner)
        if isinstance(value, dict):
            parts[field_name] = {str(k): str(v) for k, v in value.items()}
    properties = []
    for key, value in state.properties(el):
        if key == PROP_CATALOG_REF:
            parts["catalog_ref"] = value
        elif key == PROP_LAYER:
            parts["layer"] = value
        elif key != PROP_REFERENCE_MODEL:
            properties.append((key, value))
    parts["properties"] = properties
    refs = state.ids(el.get("profiles"))
    known = [profiles[r] for r in refs if r in profiles]
    if known:
        parts["specialization"] = known[0].name
        if known[0].concept_type != concept_type and not (
                {known[0].concept_type, concept_type} <= {"AndJunction", "OrJunction"}):
            state.report.append(tr(
                "{id}: its specialization ‘{name}’ is meant for {type}; kept anyway",
                id=owner, name=known[0].name, type=known[0].concept_type))
    state.counts["extra profile"] += max(0, len(refs) - 1)
    if len(known) < len(refs[:1]):
        state.report.append(tr("{id}: reference to missing specialization {ref} removed",
                               id=owner, ref=refs[0]))
    return parts


def read_elements(state: ArchiRead, els: list[etree._Element], model: Model,
                  profiles: dict[str, Profile]) -> None:
    put = model.load_element
    for el in els:
        kind = model_type(state, el) or ""
        element = Element(id=state.id(el.get("id")), type=kind)
        for key, value in _concept_parts(state, el, profiles, kind).items():
            setattr(element, key, value)
        put(element)


def read_relationships(state: ArchiRead, els: list[etree._Element], model: Model,
                       profiles: dict[str, Profile]) -> None:
    pending: list[tuple[Relationship, int]] = []
    for el in els:
        kind = model_type(state, el) or ""
        rel = Relationship(id=state.id(el.get("id")), type=kind,
                           source=state.id(el.get("source")), target=state.id(el.get("target")))
        for key, value in _concept_parts(state, el, profiles, kind).items():
            setattr(rel, key, value)
        if kind == "Access":
            code = el.get("accessType", "0")
            if code.strip().lstrip("-").isdigit() and int(code) in ACCESS_FROM_ARCHI:
                rel.access_type = ACCESS_FROM_ARCHI[int(code)]
            else:
                rel.access_type = "Write"
                state.report.append(tr(
                    "Relationship {id} (line {line}): unknown access type {value} read as "
                    "write, Archi's default", id=rel.id, line=el.sourceline, value=code))
        elif kind == "Association":
            rel.is_directed = el.get("directed", "false") == "true"
        elif kind == "Influence":
            rel.modifier = el.get("strength", "")
        pending.append((rel, el.sourceline))
    # A relationship may end at another relationship written later: add in rounds.
    while pending:
        rest = []
        for rel, line in pending:
            ends = (rel.source, rel.target)
            if all(model.has_concept(end) for end in ends):
                model.load_relationship(rel)
            elif any(end in state.skipped or not end for end in ends):
                state.skipped.add(rel.id)
                state.report.append(tr(
                    "Relationship {id} (line {line}) skipped: one of its ends was skipped or "
                    "is missing", id=rel.id, line=line))
            else:
                rest.append((rel, line))
        if len(rest) == len(pending):
            for rel, line in rest:
                state.skipped.add(rel.id)
                state.report.append(tr(
                    "Relationship {id} (line {line}) skipped: it ends at {ref}, which is not "
                    "in the file", id=rel.id, line=line,
                    ref=rel.source if not model.has_concept(rel.source) else rel.target))
            break
        pending = rest
