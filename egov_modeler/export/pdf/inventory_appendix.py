"""The inventory appendices of the PDF dossier: digital objects, connections, and the
roadmap with its budget (:mod:`egov_modeler.export.inventory_tables`), printed after the
element catalog, the relationships and the validation summary as tables that run over pages
with their header repeated."""

from __future__ import annotations

from collections.abc import Collection
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph, Spacer

from ...model.model import Model
from ..inventory_tables import inventory_tables
from .appendix import Bookmark, _cols, _styles, _table


def inventory_appendix_story(model: Model, width: float, lang: str,
                             shown: Collection[str] | None = None) -> list[Flowable]:
    """Flowables of the inventory appendices (none when the model has no inventory); with
    ``shown``, only the objects and connections printed in the dossier's views."""
    styles = _styles()
    story: list[Flowable] = []
    for table in inventory_tables(model, lang, shown=shown):
        heading = "h2" if table.key == "inventory-budget" else "h1"
        story += [Spacer(1, 12),
                  Bookmark(f"appendix-{table.key}", table.title, 1),
                  Paragraph(escape(table.title), styles[heading])]
        if table.rows:
            story.append(_table(table.header, table.rows, _cols(width, table.fractions),
                                styles))
        for note in table.notes:
            story.append(Paragraph(escape(note), styles["body"]))
    return story
