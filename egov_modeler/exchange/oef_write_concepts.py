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
from .oef_write_common import TextWriter, property_closing
from .oef_write_folders import reference_model_of
from .oef_xml_text import attribute, close

_JUNCTIONS = ("AndJunction", "OrJunction")


def element_lines(w: TextWriter, out: list[str], elements: list[Element]) -> None:
    """``<elements>`` (nothing when there are none)."""
    if not elements:
        return
    append = out.append
    append("  <elements>\n")
    name_open, content, plain = f"      <name{w.lang_attribute}>", w.content, w.plain_ids
    doc_open = f"      <documentation{w.lang_attribute}>"
    repeated, reference_models = w.repeated, w.reference_models
    openings, opening_of, closing = w.property_openings(3), w.property_opening, (
        property_closing(3))
    for element in elements:
        if (element.names or element.documentations or element.specialization
                or element.type in _JUNCTIONS):
            _element_in_full(w, out, element)
            continue
        # the usual: one name and documentation in the model's language, properties,
        # provenance
        element_id, catalog_ref, layer = element.id, element.catalog_ref, element.layer
        head = (f'    <element identifier="{element_id if plain else attribute(element_id)}"'
                f' xsi:type="{repeated(element.type)}">\n'
                f"{name_open}{content(element.name)}</name>\n")
        if element.documentation:
            head += f"{doc_open}{content(element.documentation)}</documentation>\n"
        # each opening asked for in the file's order: a key met first gets the next id
        props = [f"{openings.get(key) or opening_of(key, 3)}{content(value)}{closing}"
                 for key, value in element.properties]
        if catalog_ref:
            props.append(f"{openings.get(PROP_CATALOG_REF) or opening_of(PROP_CATALOG_REF, 3)}"
                         f"{content(catalog_ref)}{closing}")
        if layer:
            props.append(f"{openings.get(PROP_LAYER) or opening_of(PROP_LAYER, 3)}"
                         f"{content(layer)}{closing}")
        if catalog_ref:
            found = _reference_model(reference_models, element)
            if found:
                opening = openings.get(PROP_REFERENCE_MODEL) or opening_of(
                    PROP_REFERENCE_MODEL, 3)
                props.append(f"{opening}{content(found)}{closing}")
        if props:
            append(f"{head}      <properties>\n{''.join(props)}      </properties>\n"
                   "    </element>\n")
        else:
            append(f"{head}    </element>\n")
    append("  </elements>\n")


def _reference_model(known: dict[str, str | None], element: Element) -> str | None:
    """The reference model of the element's catalog component: the catalog asked once per
    component (``known``), not per element."""
    catalog_ref = element.catalog_ref or ""
    found = known.get(catalog_ref, "")
    if found == "":
        found = known[catalog_ref] = reference_model_of(element)
    return found


def _element_in_full(w: TextWriter, out: list[str], element: Element) -> None:
    """An element of any shape: names in several languages, documentation, a
    specialization, a junction (whose name is optional)."""
    opening = (f'    <element identifier="{w.ident(element.id)}" '
               f'xsi:type="{w.repeated(element.type)}"')
    body: list[str] = []
    junction = element.type in _JUNCTIONS
    w.lang_lines(body, 3, "name", element.name, element.names, required=not junction)
    if element.documentation or element.documentations:
        w.lang_lines(body, 3, "documentation", element.documentation,
                     element.documentations)
    props = list(element.properties)
    if element.catalog_ref:
        props.append((PROP_CATALOG_REF, element.catalog_ref))
    if element.layer:
        props.append((PROP_LAYER, element.layer))
    if element.catalog_ref:
        found = _reference_model(w.reference_models, element)
        if found:
            props.append((PROP_REFERENCE_MODEL, found))
    w.property_lines(body, 3, props, element.specialization)
    close(out, opening, body, "    </element>\n")


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
