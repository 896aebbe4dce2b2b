"""The inventory as tables for the dossier: digital objects, connections, and the roadmap
with its budget by year and funding source. The PDF (:mod:`.pdf.inventory_appendix`) and the
Word dossier (:mod:`.docx_dossier`) print the same tables, so both say the same thing.

Columns come from the model's profile (its field labels, in the dossier's language); a
model whose profile defines no inventory fields, or that has no objects, gets none of them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from ..diagram.display_list import MODEL_LANGUAGE, localized_name
from ..i18n import tr
from ..model.concepts import Element
from ..model.inventory.roadmap import build_roadmap, format_money
from ..model.inventory.rows import Inventory
from ..model.model import Model
from .pdf.appendix import relationship_type_label

#: Object columns printed (the workbook has them all): field ids.
OBJECT_FIELDS = ("code", "object_kind", "owner", "scope_level", "state", "handling_option",
                 "former_admin_unit")
CONNECTION_FIELDS = ("connection_channel", "connection_status", "connection_frequency",
                     "connection_protocol")
TASK_FIELDS = ("handling_option", "start", "deadline", "verification", "progress", "budget",
               "funding_source")


@dataclass
class DossierTable:
    """One appendix table: its key, title, header, rows and relative column widths."""

    key: str
    title: str
    header: list[str]
    rows: list[list[str]]
    fractions: list[float]
    notes: list[str] = field(default_factory=list)


def _name(element: Element, lang: str) -> str:
    return localized_name(element.names, element.name, lang, lang != MODEL_LANGUAGE)


def inventory_tables(model: Model, lang: str, letters: str = "DEF",
                     shown: Collection[str] | None = None) -> list[DossierTable]:
    """The inventory appendices of ``model`` in ``lang``, lettered from ``letters``; with
    ``shown`` (the concepts a dossier of chosen views prints), only those objects and
    connections (the roadmap and budget stay the whole plan's)."""
    inventory = Inventory(model)
    schema = inventory.schema
    objects = inventory.objects()
    if shown is not None:
        objects = [e for e in objects if e.id in shown]
    if not schema.fields or not objects:
        return []
    tables: list[DossierTable] = []

    def value(concept, field_id: str) -> str:
        spec = schema.field(field_id)
        if spec is None or not spec.applies(concept.type):
            return ""
        stored = inventory.value(concept, spec)
        if spec.type == "money" and stored and stored.isdigit():
            return format_money(int(stored), lang)
        return spec.display(stored, lang)

    def label(field_id: str) -> str:
        spec = schema.field(field_id)
        return spec.label(lang) if spec else field_id

    letter = iter(letters)
    object_fields = [f for f in OBJECT_FIELDS if schema.field(f)]
    tables.append(DossierTable(
        "inventory-objects", tr("Appendix {letter}. Inventory of digital objects",
                                letter=next(letter)),
        [tr("No."), tr("Name"), *[label(f) for f in object_fields]],
        [[str(i), _name(e, lang), *[value(e, f) for f in object_fields]]
         for i, e in enumerate(objects, start=1)],
        [0.5, 3.0, *[1.3 if f != "code" else 0.8 for f in object_fields]]))
    connections = inventory.connections()
    if shown is not None:
        connections = [r for r in connections if r.id in shown]
    connection_fields = [f for f in CONNECTION_FIELDS if schema.field(f)]
    tables.append(DossierTable(
        "inventory-connections", tr("Appendix {letter}. Connections", letter=next(letter)),
        [tr("No."), tr("Source"), tr("Relationship"), tr("Target"),
         *[label(f) for f in connection_fields]],
        [[str(i), _name(model.element(r.source), lang), relationship_type_label(r.type, lang),
          _name(model.element(r.target), lang), *[value(r, f) for f in connection_fields]]
         for i, r in enumerate(connections, start=1)],
        [0.5, 2.6, 1.2, 2.6, *[1.2] * len(connection_fields)],
        [] if connections else [tr("The inventory has no connections.")]))
    roadmap = build_roadmap(inventory)
    task_fields = [f for f in TASK_FIELDS if schema.field(f)]
    rows: list[list[str]] = []
    number = 0
    for unit, tasks in roadmap.units:
        for task in tasks:
            number += 1
            rows.append([str(number), unit or tr("(no lead unit)"), _name(task.element, lang),
                         *[value(task.element, f) for f in task_fields]])
    budget_header = [tr("Year"), *[schema.field("funding_source").display(f, lang)  # type: ignore[union-attr]
                                   if f and schema.field("funding_source") else
                                   (f or tr("(no funding source)"))
                                   for f in roadmap.fundings()], tr("Total")]
    budget_rows = []
    for year in roadmap.years():
        cells = [str(year) if year else tr("(no quarter)")]
        for funding in roadmap.fundings():
            amount = roadmap.totals.get((year, funding), 0)
            cells.append(format_money(amount, lang) if amount else "")
        cells.append(format_money(sum(a for (y, _f), a in roadmap.totals.items() if y == year),
                                  lang))
        budget_rows.append(cells)
    if budget_rows:
        budget_rows.append([tr("Total"), *[format_money(roadmap.total(funding=f), lang)
                                           for f in roadmap.fundings()],
                            format_money(roadmap.total(), lang)])
    roadmap_letter = next(letter)
    tables.append(DossierTable(
        "inventory-roadmap", tr("Appendix {letter}. Roadmap", letter=roadmap_letter),
        [tr("No."), tr("Lead unit"), tr("Task"), *[label(f) for f in task_fields]],
        rows, [0.5, 2.0, 3.0, *[1.2] * len(task_fields)],
        [] if rows else [tr("The model has no tasks (work packages) yet.")]))
    if budget_rows:
        tables.append(DossierTable(
            "inventory-budget", tr("Budget by year and funding source (VND)"),
            budget_header, budget_rows, [1.0] * len(budget_header)))
    return tables
