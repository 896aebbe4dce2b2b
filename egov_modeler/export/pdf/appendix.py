"""Appendix tables of the dossier: element catalog, relationships, validation summary.

Built as reportlab platypus flowables so long tables run over pages with their header
repeated (:mod:`.paged_table`). Cells are plain text in the bundled font, never markup, so
names with ``<`` or ``&`` print as typed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from ...diagram.display_list import MODEL_LANGUAGE, localized_name
from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...i18n import tr
from ...model.accepted import split_accepted
from ...model.catalog import PROP_INFERRED
from ...model.concepts import Element
from ...model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES, layer_label
from ...model.problems import Severity
from .paged_table import PagedTable, TableLayout

log = logging.getLogger(__name__)

__all__ = ["Bookmark", "PagedTable", "appendix_story", "element_type_label",
           "relationship_type_label"]

#: Property keys an element may carry its reference model in (when not from the catalog).
REFERENCE_MODEL_KEYS = ("reference_model", "referenceModel", "Mô hình tham chiếu")


def _type_label(table, type_name: str, lang: str) -> str:
    t = table.get(type_name)
    if t is None:  # a type this version does not know: its own name
        return type_name
    if lang != "vi" or t.label_vi == t.label_en:
        return t.label_en
    return f"{t.label_vi} ({t.label_en})"  # no official glossary: the ArchiMate name beside


def element_type_label(type_name: str, lang: str) -> str:
    """The ArchiMate element type's name in ``lang`` (Vietnamese term or English)."""
    return _type_label(ELEMENT_TYPES, type_name, lang)


def relationship_type_label(type_name: str, lang: str) -> str:
    """The relationship type's name in ``lang``."""
    return _type_label(RELATIONSHIP_TYPES, type_name, lang)


@cache
def _framework() -> tuple[dict[str, dict], dict[str, dict]]:
    """Framework layers and components by id, from the bundled catalog when present.

    The catalog is another part of the program; a dossier without it still prints, with
    the raw ids.
    """
    layers: dict[str, dict] = {}
    components: dict[str, dict] = {}
    folder = resources.files("egov_modeler") / "resources" / "framework"
    try:
        entries = [e for e in folder.iterdir() if e.name.endswith(".json")]
    except (FileNotFoundError, NotADirectoryError, OSError):
        return layers, components
    for entry in sorted(entries, key=lambda e: e.name):
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("framework file %s unreadable: %s", entry.name, exc)
            continue
        if not isinstance(data, dict):
            continue
        for layer in data.get("layers", []) or []:
            if isinstance(layer, dict) and "id" in layer:
                layers[layer["id"]] = layer
        for comp in data.get("components", []) or []:
            if isinstance(comp, dict) and "id" in comp:
                components[comp["id"]] = comp
    return layers, components


def framework_layer_label(element: Element, lang: str) -> str:
    """The framework layer's name, else the ArchiMate layer of the element's type."""
    layers, _ = _framework()
    if element.layer:
        layer = layers.get(element.layer)
        if layer:
            return layer.get(f"name_{lang}") or layer.get("name_vi") or element.layer
        return element.layer
    t = ELEMENT_TYPES.get(element.type)
    return layer_label(t.layer, lang) if t else ""


_TYPE_ORDER = {name: i for i, name in enumerate(ELEMENT_TYPES)}


def catalog_order(element: Element, lang: str) -> tuple:
    """Sort key of the element catalog: by framework layer (in the framework's order),
    then ArchiMate type (notation-book order), then name, so a reviewer reads it layer by
    layer."""
    layers, _ = _framework()
    layer = layers.get(element.layer or "")
    order = layer.get("order", 999) if layer else (999 if element.layer is None else 998)
    if not isinstance(order, (int, float)):
        order = 999
    return (order, _TYPE_ORDER.get(element.type, 999), element.name_in(lang).casefold())


def component_source(element: Element) -> str:
    """Where the element's framework component comes from: its sources and whether one
    confirms it (the component-source column of the element catalog)."""
    _, components = _framework()
    comp = components.get(element.catalog_ref or "")
    if not comp:
        return "—"
    sources = [s for s in comp.get("sources", []) if isinstance(s, str)]
    illustrative = dict(element.properties).get(PROP_INFERRED) == "true"  # a template's
    mark = tr("inferred") if comp.get("inferred") or illustrative else tr("confirmed")
    return "; ".join([*sources[:2], *([f"(+{len(sources) - 2})"] if len(sources) > 2 else [])]
                     ) + f"\n[{mark}]"


def reference_model(element: Element) -> str:
    """The reference model (BRM, DRM, ARM, TRM, SRM) of an element; "" for a component
    of the overview diagram only, which belongs to no reference model (a column reading
    "overview" on every row told the reader nothing)."""
    _, components = _framework()
    comp = components.get(element.catalog_ref or "")
    value = comp.get("reference_model", "") if comp else ""
    if not value or value == "overview":
        props = dict(element.properties)
        value = next((props[k] for k in REFERENCE_MODEL_KEYS if props.get(k)), "")
    if value == "overview":
        return ""
    return value.upper() if len(value) <= 4 else value


class Bookmark(Flowable):
    """Zero-size flowable that adds an outline entry (bookmark) where it lands."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def _styles() -> dict[str, ParagraphStyle]:
    regular = register_reportlab_fonts()
    bold = reportlab_font_name(True)
    return {
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=15, leading=19, spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12, leading=15, spaceBefore=6,
                             spaceAfter=6),
        "body": ParagraphStyle("body", fontName=regular, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10),
        "head": ParagraphStyle("head", fontName=bold, fontSize=8, leading=10),
    }


def _table(header: list[str], rows: list[list[str]], widths: list[float],
           styles: dict[str, ParagraphStyle]) -> Flowable:
    """A table of ``rows`` under ``header`` that runs over as many pages as it needs, its
    header on each (see :class:`~.paged_table.PagedTable`; its cells are plain text in
    the style of ``styles["cell"]``)."""
    return PagedTable(TableLayout(header, rows, widths))


def _cols(width: float, fractions: list[float]) -> list[float]:
    total = sum(fractions)
    return [width * f / total for f in fractions]


@dataclass(frozen=True)
class PrintedPart:
    """What a dossier of chosen views prints: the ids of its concepts and views, how many
    views, and every problem of the whole model (for the summary's count)."""

    ids: frozenset[str]
    views: int
    all_problems: list

    def concerns(self, problem) -> bool:
        """A problem about something printed, or about the model as a whole."""
        return not problem.ids or any(i in self.ids for i in problem.ids)


def appendix_story(model, elements: list[Element], relationships: list, problems: list,
                   width: float, lang: str, printed: PrintedPart | None = None
                   ) -> list[Flowable]:
    """Flowables of the three appendices, each starting with its bookmark. With
    ``printed`` (a dossier of chosen views), ``problems`` are those about what is printed
    and the summary says so, beside the whole model's count."""
    styles = _styles()
    story: list[Flowable] = [Bookmark("appendix", tr("Appendices"), 0)]

    story += [Bookmark("appendix-elements", tr("Appendix A. Element catalog"), 1),
              Paragraph(escape(tr("Appendix A. Element catalog")), styles["h1"])]
    elements = sorted(elements, key=lambda e: catalog_order(e, lang))
    mark = lang != MODEL_LANGUAGE
    references = [reference_model(e) for e in elements]
    with_reference = any(references)  # the column only when some element has one
    rows = [[str(i), localized_name(e.names, e.name, lang, mark),
             element_type_label(e.type, lang), framework_layer_label(e, lang),
             *([ref] if with_reference else []),
             e.documentations.get(lang) or (e.documentation if not mark else ""),
             component_source(e)]
            for i, (e, ref) in enumerate(zip(elements, references, strict=True), start=1)]
    if rows:
        header = [tr("No."), tr("Name"), tr("Type"), tr("Layer"),
                  *([tr("Reference model")] if with_reference else []), tr("Description"),
                  tr("Source and confidence")]
        fractions = [0.5, 2.9, 1.8, 1.8, *([1.0] if with_reference else []), 3.6, 2.4]
        story.append(_table(header, rows, _cols(width, fractions), styles))
    else:
        story.append(Paragraph(escape(tr("The model has no elements.")), styles["body"]))

    story += [Spacer(1, 12),
              Bookmark("appendix-relationships", tr("Appendix B. Relationships"), 1),
              Paragraph(escape(tr("Appendix B. Relationships")), styles["h1"])]

    def name_of(concept_id: str) -> str:
        if model.has_element(concept_id):
            e = model.element(concept_id)
            return localized_name(e.names, e.name, lang, mark)
        if model.has_relationship(concept_id):
            r = model.relationship(concept_id)
            return localized_name(r.names, r.name, lang, mark) \
                or relationship_type_label(r.type, lang)
        return concept_id

    rows = [[str(i), name_of(r.source), relationship_type_label(r.type, lang),
             name_of(r.target),
             "\n".join(v for v in (localized_name(r.names, r.name, lang, mark),
                                   r.documentations.get(lang)
                                   or (r.documentation if not mark else "")) if v)]
            for i, r in enumerate(relationships, start=1)]
    if rows:
        story.append(_table([tr("No."), tr("Source"), tr("Relationship"), tr("Target"),
                             tr("Name and description")], rows,
                            _cols(width, [0.5, 3.2, 1.6, 3.2, 4.0]), styles))
    else:
        story.append(Paragraph(escape(tr("The model has no relationships.")),
                               styles["body"]))

    story += [Spacer(1, 12),
              Bookmark("appendix-validation", tr("Appendix C. Validation summary"), 1),
              Paragraph(escape(tr("Appendix C. Validation summary")), styles["h1"])]
    errors = sum(1 for p in problems if p.severity == Severity.ERROR)
    warnings = len(problems) - errors
    if printed is None:
        summary = tr("{elements} elements, {relationships} relationships, {views} views "
                     "checked: {errors} errors, {warnings} warnings.",
                     elements=len(model.elements), relationships=len(model.relationships),
                     views=len(model.views), errors=errors, warnings=warnings)
    else:
        all_errors = sum(1 for p in printed.all_problems if p.severity == Severity.ERROR)
        summary = tr("The whole model was checked: {all_errors} errors, {all_warnings} "
                     "warnings. Listed here, those about the {elements} elements, "
                     "{relationships} relationships and {views} views printed: {errors} "
                     "errors, {warnings} warnings.",
                     all_errors=all_errors,
                     all_warnings=len(printed.all_problems) - all_errors,
                     elements=len(elements), relationships=len(relationships),
                     views=printed.views, errors=errors, warnings=warnings)
    story.append(Paragraph(escape(summary), styles["body"]))
    accepted = dict(split_accepted(model, problems)[1])  # warning -> why it stands
    if accepted:
        story.append(Paragraph(escape(tr(
            "{count} of the warnings are accepted; the reason is given with each.",
            count=len(accepted))), styles["body"]))
    story.append(Spacer(1, 6))
    if problems:
        severity_label = {Severity.ERROR: tr("Error"), Severity.WARNING: tr("Warning")}
        rows = [[str(i), tr("Accepted warning") if p in accepted
                 else severity_label.get(p.severity, str(p.severity)), p.rule,
                 p.message + ("\n" + tr("Accepted: {reason}", reason=accepted[p])
                              if p in accepted else ""),
                 ", ".join(name_of(c) for c in p.ids)]
                for i, p in enumerate(problems, start=1)]
        story.append(_table([tr("No."), tr("Severity"), tr("Rule"), tr("Message"),
                             tr("Concerns")], rows,
                            _cols(width, [0.5, 1.0, 2.0, 5.0, 3.5]), styles))
    else:
        story.append(Paragraph(escape(tr("No problems found.")), styles["body"]))
    return story
