"""Write a model as Archi's own ``.archimate`` file, the one Archi 5 opens with File > Open.

Why it is built the way it is:

- Archi checks a model when it opens it (``ModelChecker``) and refuses one whose
  concepts sit outside the folder of their kind, whose ArchiMate connections do not show
  their relationship's ends, or whose specializations do not match their concept's type.
  So the writer files every concept once under Archi's nine top-level folders
  (:mod:`.archi_write_folders`), leaves out (and says so) a connection Archi would refuse,
  and writes a specialization for each concept type it is used with.
- Same ids as the model; model version 5.0.0; bounds relative to the parent figure;
  bendpoints as Archi's offsets from the ends (:mod:`.archi_vocabulary`), checked so
  that Archi's own arithmetic gives the model's points back.
- Nothing of the model is lost on the way out and back in: what Archi has no attribute for
  (names in other languages, framework layers of bands, the language, typed properties,
  exact styles, the model's own folder tree) travels in ``feature`` entries named
  ``egov:...``, which Archi keeps when it saves. The element provenance (catalogue
  component and framework layer) is written as properties with the same names the
  exchange format uses, so Archi users see it.
- The zip form (``model.xml`` plus ``images/``) is written only when the model has images
  (those of its specializations); otherwise the file is plain XML, as Archi does.
"""

from __future__ import annotations

import json
import logging
import os

from lxml import etree

from ..model.concepts import Element, Profile, Relationship
from ..model.model import Model
from ..model.serialization import folder_to_dict
from ..storage.atomic import write_atomically
from .archi_folders import ArchiFolder, model_folders, same_folders
from .archi_vocabulary import (
    ACCESS_TO_ARCHI,
    ELEMENT_CLASSES,
    F_DOCUMENTATIONS,
    F_FOLDERS,
    F_FOLDERS_CHECK,
    F_GENERATED,
    F_LABELS,
    F_LANGUAGE,
    F_NAMES,
    F_PROPERTY_TYPES,
    F_VIEW_ORDER,
    MODEL_VERSION,
    NS,
    OR_JUNCTION,
    RELATIONSHIP_CLASSES,
    XSI_NS,
    XSI_TYPE,
)
from .archi_write_folders import derived_id, plan_folders
from .archi_write_views import ViewWriter, add_features, lang_feature
from .archi_zip import archive_bytes
from .oef_vocabulary import PROP_CATALOG_REF, PROP_LAYER, folders_fingerprint, xml_text

log = logging.getLogger(__name__)

#: Archi's own declaration (double quotes), so a diff against an Archi file stays small.
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

def archi_class(concept: Element | Relationship) -> str:
    """Archi's class name of a concept (``Junction`` for both junctions)."""
    if isinstance(concept, Relationship):
        return RELATIONSHIP_CLASSES[concept.type]
    return ELEMENT_CLASSES[concept.type]


class _Writer:
    """One write: the model, the specializations by (name, class), the warnings."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.warnings: list[str] = []
        self.profiles: dict[tuple[str, str], tuple[Profile, bool]] = {}
        for profile in model.profiles:
            key = (profile.name, self._profile_class(profile.concept_type))
            self.profiles.setdefault(key, (profile, False))
        self.concepts: dict[str, etree._Element] = {}
        self.views: dict[str, None] = {}

    @staticmethod
    def _profile_class(concept_type: str) -> str:
        return RELATIONSHIP_CLASSES.get(concept_type) or ELEMENT_CLASSES.get(
            concept_type, concept_type)

    # -------------------------------------------------------------- model
    def build(self) -> etree._Element:
        m = self.model
        root = etree.Element(f"{{{NS}}}model", nsmap={"xsi": XSI_NS, "archimate": NS})
        root.set("name", xml_text(m.name))
        root.set("id", m.id)
        root.set("version", MODEL_VERSION)
        for element in m.elements:
            self.concepts[element.id] = self.element(element)
        for rel in m.relationships:
            self.concepts[rel.id] = self.relationship(rel)
        for view in m.views:
            self.concepts[view.id] = ViewWriter(m, view, self.warnings).build()
            self.views[view.id] = None
        plan = plan_folders(m)
        for top in plan:
            root.append(self.folder(top))
        features: dict[str, str] = {F_LANGUAGE: m.language}
        lang_feature(features, F_NAMES, m.names)
        lang_feature(features, F_DOCUMENTATIONS, m.documentations)
        if m.property_types:
            features[F_PROPERTY_TYPES] = json.dumps(
                {k: m.property_types[k] for k in sorted(m.property_types)}, ensure_ascii=False)
        written = [r for r in _document_order(plan) if r in self.views]
        if written != list(self.views):
            features[F_VIEW_ORDER] = json.dumps(list(self.views))
        planned = model_folders(plan)
        if not same_folders(planned, m.folders):
            features[F_FOLDERS] = json.dumps([folder_to_dict(f) for f in m.folders],
                                             ensure_ascii=False, separators=(",", ":"))
            features[F_FOLDERS_CHECK] = folders_fingerprint(planned)
        add_features(root, features)
        for key, value in m.properties:
            etree.SubElement(root, "property", key=xml_text(key), value=xml_text(value))
        if m.documentation:
            etree.SubElement(root, "purpose").text = xml_text(m.documentation)
        if m.metadata:
            holder = etree.SubElement(root, "metadata")
            for key, value in m.metadata.items():
                etree.SubElement(holder, "entry", key=xml_text(key), value=xml_text(value))
        for (_, archi_type), (profile, generated) in self.profiles.items():
            el = etree.SubElement(root, "profile", name=xml_text(profile.name), id=profile.id,
                                  conceptType=archi_type)
            if profile.image_path:
                el.set("imagePath", xml_text(profile.image_path))
            if generated:
                add_features(el, {F_GENERATED: "true"})
        return root

    def folder(self, folder: ArchiFolder) -> etree._Element:
        el = etree.Element("folder", name=xml_text(folder.name), id=folder.id)
        if folder.kind:
            el.set("type", folder.kind)
        features: dict[str, str] = {}
        lang_feature(features, F_LABELS, folder.labels)
        add_features(el, features)
        for child in folder.folders:
            el.append(self.folder(child))
        if folder.documentation:
            etree.SubElement(el, "documentation").text = xml_text(folder.documentation)
        for ref in folder.refs:
            el.append(self.concepts[ref])
        return el

    # -------------------------------------------------------------- concepts
    def _profile_id(self, concept: Element | Relationship) -> str | None:
        if not concept.specialization:
            return None
        key = (concept.specialization, archi_class(concept))
        if key not in self.profiles:
            profile = Profile(derived_id(self.model, "profile", *key), key[0], concept.type)
            self.profiles[key] = (profile, True)
        return self.profiles[key][0].id

    def _concept(self, concept: Element | Relationship) -> etree._Element:
        el = etree.Element("element", {XSI_TYPE: f"archimate:{archi_class(concept)}",
                                       "name": xml_text(concept.name), "id": concept.id})
        profile = self._profile_id(concept)
        if profile:
            el.set("profiles", profile)
        features: dict[str, str] = {}
        lang_feature(features, F_NAMES, concept.names)
        lang_feature(features, F_DOCUMENTATIONS, concept.documentations)
        add_features(el, features)
        if concept.documentation:
            etree.SubElement(el, "documentation").text = xml_text(concept.documentation)
        properties = list(concept.properties)
        if isinstance(concept, Element):
            if concept.catalog_ref:
                properties.append((PROP_CATALOG_REF, concept.catalog_ref))
            if concept.layer:
                properties.append((PROP_LAYER, concept.layer))
        for key, value in properties:
            etree.SubElement(el, "property", key=xml_text(key), value=xml_text(value))
        return el

    def element(self, element: Element) -> etree._Element:
        el = self._concept(element)
        if element.type == "OrJunction":
            el.set("type", OR_JUNCTION)
        return el

    def relationship(self, rel: Relationship) -> etree._Element:
        el = self._concept(rel)
        el.set("source", rel.source)
        el.set("target", rel.target)
        if rel.type == "Access":
            code = ACCESS_TO_ARCHI.get(rel.access_type, 2)
            if code:
                el.set("accessType", str(code))
        elif rel.type == "Association" and rel.is_directed:
            el.set("directed", "true")
        elif rel.type == "Influence" and rel.modifier:
            el.set("strength", xml_text(rel.modifier))
        return el


def _document_order(folders: list[ArchiFolder]) -> list[str]:
    """The ids in the order :meth:`_Writer.folder` writes them (sub-folders first)."""
    order: list[str] = []
    for folder in folders:
        order.extend(_document_order(folder.folders))
        order.extend(folder.refs)
    return order


def _images(model: Model) -> dict[str, bytes]:
    """The images the file carries: those of the model's specializations."""
    wanted = {p.image_path for p in model.profiles if p.image_path}
    return {path: data for path, data in model.images.items() if path in wanted}


# ------------------------------------------------------------------ public API
def archi_tree(model: Model) -> tuple[etree._Element, list[str]]:
    """The ``.archimate`` document of ``model`` and what could not be written (translated
    lines; empty when everything was)."""
    writer = _Writer(model)
    return writer.build(), writer.warnings


def archi_bytes(model: Model) -> tuple[bytes, list[str]]:
    """The file's bytes (the zip form when the model has images) and the warnings."""
    root, warnings = archi_tree(model)
    xml = XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)
    images = _images(model)
    return (archive_bytes(xml, images) if images else xml), warnings


def write_archi(model: Model, path: str | os.PathLike[str]) -> list[str]:
    """Write ``model`` to ``path`` as an Archi model, atomically; returns the warnings."""
    data, warnings = archi_bytes(model)
    write_atomically(path, data)
    for line in warnings:
        log.warning("%s: %s", path, line)
    log.info("wrote %s (%d bytes)", path, len(data))
    return warnings
