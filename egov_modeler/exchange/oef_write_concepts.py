"""The exchange file's ``<elements>`` and ``<relationships>``, as text.

Why they are written the way they are: a national model has 20,000 elements and 40,000
relationships, nearly all of one shape (one name in the model's language, a few
properties; a relationship with nothing inside), so that shape is one formatted line
each, and every other shape goes through :class:`.oef_write_common.TextWriter`'s pieces.
The framework provenance of an element (``catalog_ref``, ``layer``, the reference model)
travels as ordinary properties with stable ``egov:`` names, so other tools show it and
the reader restores it.
"""

from __future__ import annotations

from ..model.concepts import Element, Relationship
from .oef_vocabulary import PROP_CATALOG_REF, PROP_LAYER, PROP_REFERENCE_MODEL
from .oef_write_common import TextWriter
from .oef_write_folders import reference_model_of
from .oef_xml_text import attribute, close

_JUNCTIONS = ("AndJunction", "OrJunction")


def element_lines(w: TextWriter, out: list[str], elements: list[Element]) -> None:
    """``<elements>`` (nothing when there are none)."""
    if not elements:
        return
    out.append("  <elements>\n")
    name_open, content, plain = f"      <name{w.lang_attribute}>", w.content, w.plain_ids
    repeated, reference_models = w.repeated, w.reference_models
    for element in elements:
        element_id = element.id if plain else attribute(element.id)
        opening = (f'    <element identifier="{element_id}" '
                   f'xsi:type="{repeated(element.type)}"')
        body: list[str] = []
        if element.names or element.type in _JUNCTIONS:
            w.lang_lines(body, 3, "name", element.name, element.names,
                         required=element.type not in _JUNCTIONS)
        else:  # the usual: one name, in the model's language
            body.append(f"{name_open}{content(element.name)}</name>\n")
        if element.documentation or element.documentations:
            w.lang_lines(body, 3, "documentation", element.documentation,
                         element.documentations)
        props = element.properties
        catalog_ref = element.catalog_ref
        if catalog_ref or element.layer:
            props = list(props)
            if catalog_ref:
                props.append((PROP_CATALOG_REF, catalog_ref))
            if element.layer:
                props.append((PROP_LAYER, element.layer))
            if catalog_ref:  # the catalog asked once per component, not per element
                found = reference_models.get(catalog_ref, "")
                if found == "":
                    found = reference_models[catalog_ref] = reference_model_of(element)
                if found:
                    props.append((PROP_REFERENCE_MODEL, found))
        if props or element.specialization:
            w.property_lines(body, 3, props, element.specialization)
        close(out, opening, body, "    </element>\n")
    out.append("  </elements>\n")


def relationship_lines(w: TextWriter, out: list[str],
                       relationships: list[Relationship]) -> None:
    """``<relationships>`` (nothing when there are none)."""
    if not relationships:
        return
    out.append("  <relationships>\n")
    repeated, plain, append = w.repeated, w.plain_ids, out.append
    for rel in relationships:
        if plain:
            opening = (f'    <relationship identifier="{rel.id}" source="{rel.source}" '
                       f'target="{rel.target}" xsi:type="{repeated(rel.type)}"')
        else:
            opening = (f'    <relationship identifier="{attribute(rel.id)}" '
                       f'source="{attribute(rel.source)}" target="{attribute(rel.target)}" '
                       f'xsi:type="{repeated(rel.type)}"')
        kind = rel.type
        if kind == "Access":
            opening += f' accessType="{repeated(rel.access_type or "Access")}"'
        elif kind == "Association":
            opening += f' isDirected="{"true" if rel.is_directed else "false"}"'
        elif kind == "Influence" and rel.modifier:
            opening += f' modifier="{attribute(w.clean(rel.modifier))}"'
        if not (rel.name or rel.names or rel.documentation or rel.documentations
                or rel.properties or rel.specialization):
            append(f"{opening}/>\n")
            continue
        body: list[str] = []
        w.lang_lines(body, 3, "name", rel.name, rel.names)
        w.lang_lines(body, 3, "documentation", rel.documentation, rel.documentations)
        w.property_lines(body, 3, rel.properties, rel.specialization)
        close(out, opening, body, "    </relationship>\n")
    out.append("  </relationships>\n")
