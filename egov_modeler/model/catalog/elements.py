"""From catalog to model: the element a dropped component becomes, and the relationship
type the framework suggests between two elements or components.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..commands.element import RenameElementCommand
from ..concepts import Element
from ..ids import new_id
from .catalog import Catalog
from .model_profile import catalog_for
from .registry import UnknownProfileError, active_catalog
from .types import Component

if TYPE_CHECKING:
    from ..model import Model

#: Element property keys written by :func:`element_from_component` (kept short and stable:
#: they travel into the Open Exchange XML as property definitions).
PROP_REFERENCE_MODEL = "Mô hình tham chiếu"
PROP_CODE = "Mã"
PROP_SCOPE = "Phạm vi"
PROP_OWNER = "Cơ quan chủ quản"
PROP_SOURCE = "Nguồn"
PROP_INFERRED = "Suy luận (chưa có nguồn xác nhận)"


def element_from_component(component: Component | str, id: str | None = None,
                           catalog: Catalog | None = None) -> Element:
    """The element to create when ``component`` is dropped on a view.

    The Vietnamese name is the element's name, the English one goes in ``names``; the
    description becomes the documentation; ``catalog_ref`` and ``layer`` record where it
    came from, which the framework rules and the PDF rely on.
    """
    if isinstance(component, str):
        component = (catalog or active_catalog()).component(component)
    properties: list[tuple[str, str]] = []
    if component.reference_model != "overview":
        properties.append((PROP_REFERENCE_MODEL, component.reference_model))
    if component.code:
        properties.append((PROP_CODE, component.code))
    if component.scope:
        properties.append((PROP_SCOPE, component.scope))
    if component.owner:
        properties.append((PROP_OWNER, component.owner))
    if component.sources:
        properties.append((PROP_SOURCE, "; ".join(component.sources)))
    if component.inferred:
        properties.append((PROP_INFERRED, "true"))
    documentations = {"en": component.description_en} if component.description_en else {}
    return Element(
        id=id or new_id(),
        type=component.archimate_type,
        name=component.name_vi,
        names={"en": component.name_en} if component.name_en else {},
        documentation=component.description_vi,
        documentations=documentations,
        properties=properties,
        catalog_ref=component.id,
        layer=component.layer,
    )


def rename_element_command(model: Model, element_id: str, name: str,
                           language: str | None = None) -> RenameElementCommand:
    """The command renaming an element as a user does it: a new name in the model's own
    language drops the other-language names that are still the catalog's, since they name
    the catalog component, not what the user now calls the element. Names the user typed
    in another language stay."""
    element = model.element(element_id)
    main = language in (None, model.language)
    try:
        catalog = catalog_for(model)
    except UnknownProfileError:  # a profile not loaded here: no name is the catalogue's
        catalog = None
    component = catalog.find_component(element.catalog_ref) if main and catalog else None
    stale = [lang for lang, text in element.names.items()
             if component is not None and text == component.name(lang)
             and name != element.name]
    return RenameElementCommand(element_id, name, language, drop_names=stale)


def _component_of(item: Component | Element | str | None, catalog: Catalog) -> Component | None:
    if isinstance(item, Component):
        return item
    if isinstance(item, Element):
        return catalog.find_component(item.catalog_ref)
    if isinstance(item, str):
        return catalog.find_component(item)
    return None


def _type_of(item: Component | Element | str | None, component: Component | None) -> str | None:
    if isinstance(item, Element):
        return item.type
    return component.archimate_type if component else None


def _layer_of(item: Component | Element | str | None, component: Component | None) -> str | None:
    if isinstance(item, Element) and item.layer:
        return item.layer
    return component.layer if component else None


#: Layer-pair defaults when the catalog has no typical relationship for the exact pair
#: (source layer, target layer) -> relationship type, tried in order.
_LAYER_DEFAULTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("kenh_giao_tiep", "nguoi_su_dung"): ("Serving",),
    ("cong_dich_vu", "kenh_giao_tiep"): ("Serving", "Composition"),
    ("ung_dung_csdl", "nguoi_su_dung"): ("Serving",),
    ("ung_dung_csdl", "ung_dung_csdl"): ("Access", "Flow"),
    ("ung_dung_csdl", "cong_dich_vu"): ("Flow",),
    ("cong_dich_vu", "ung_dung_csdl"): ("Flow", "Access"),
    ("ung_dung_csdl", "nen_tang_tich_hop"): ("Flow",),
    ("cong_dich_vu", "nen_tang_tich_hop"): ("Flow",),
    ("nen_tang_tich_hop", "nen_tang_tich_hop"): ("Flow",),
    ("nen_tang_tich_hop", "ung_dung_csdl"): ("Access", "Flow"),
    ("nen_tang_tich_hop", "cong_dich_vu"): ("Serving", "Flow"),
    ("he_thong_ngoai", "nen_tang_tich_hop"): ("Flow",),
}


def suggested_relationship(
    source: Component | Element | str,
    target: Component | Element | str,
    catalog: Catalog | None = None,
) -> str | None:
    """The relationship type the framework suggests from ``source`` to ``target``.

    First a typical relationship of the catalog for the two components (or their catalog
    ancestors), then a layer default: infrastructure serves, cross-cutting layers
    associate, channels serve users, systems exchange by Flow. The answer is always allowed
    by ArchiMate for the two types; ``None`` when nothing fits (the canvas then offers
    :func:`~egov_modeler.model.rules.allowed_relationship_types` only).
    """
    from ..rules import can_relate

    cat = catalog or active_catalog()
    src, tgt = _component_of(source, cat), _component_of(target, cat)
    src_type, tgt_type = _type_of(source, src), _type_of(target, tgt)
    if not src_type or not tgt_type:
        return None
    if src and tgt:
        for src_id in cat.lineage(src.id):
            for tgt_id in cat.lineage(tgt.id):
                for rel_type in cat.typical_types(src_id, tgt_id):
                    if can_relate(src_type, rel_type, tgt_type):
                        return rel_type
    src_layer, tgt_layer = _layer_of(source, src), _layer_of(target, tgt)
    candidates: tuple[str, ...] = ()
    cross = {layer.id for layer in cat.layers if layer.cross_cutting}
    if src_layer in cross or tgt_layer in cross:
        candidates = ("Influence", "Association") if (
            src_type in _MOTIVATION and src_layer in cross) else ("Association",)
    elif src_layer == "ha_tang_ky_thuat" and tgt_layer != "ha_tang_ky_thuat":
        candidates = ("Serving", "Association")
    elif src_layer and tgt_layer:
        candidates = _LAYER_DEFAULTS.get((src_layer, tgt_layer), ())
    for rel_type in candidates:
        if can_relate(src_type, rel_type, tgt_type):
            return rel_type
    return None


_MOTIVATION = {"Principle", "Requirement", "Constraint", "Goal", "Driver", "Assessment",
               "Outcome", "Meaning", "Value", "Stakeholder"}
