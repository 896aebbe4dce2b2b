"""The Find and replace dock: what to look for, where, and every match in a list.

It searches the whole model as the user types (:func:`egov_modeler.model.find.find`:
names, documentation and property values of elements, relationships and views,
diacritics-insensitive unless asked), narrowed by type and layer. Each match is one row:
the object, the field, the text around the match, the type. The rows are made
:data:`ROWS_AT_ONCE` at a time, more as the list is scrolled to its end or F3 passes the
last one: a one-letter query matches some 50,000 fields of a national model, and a row for
each took a second to make and another to clear at the next keystroke (issue 19). The
summary counts every match and "Replace all" replaces every one. The dock only shows; the
window's :class:`~egov_modeler.ui.window.find_controller.FindController` replaces (as one
undo step) and shows a picked match on the diagram and in the model tree.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.find import (
    DOCUMENTATION,
    ELEMENT,
    NAME,
    RELATIONSHIP,
    VIEW_TYPE,
    FindOptions,
    Match,
    find,
    layer_key,
)
from ...model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES, ArchiMateLayer, layer_label
from ...model.model import Model
from ..plain_text import plain_label, tooltip
from .filter_combo import refill_combo
from .model_tree import framework_layers

#: The match a result row stands for (its index in :attr:`FindDock.matches`).
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_DELAY_MS = 150
#: Characters of context shown on each side of a match.
CONTEXT = 28
#: Result rows made at a time (the first ones at once, more as the list is scrolled).
ROWS_AT_ONCE = 500


class FindDock(QDockWidget):
    """Find and replace over the whole model."""

    #: The current result changed (None: no result).
    matchSelected = Signal(object)
    #: A result was double-clicked or Enter pressed on it.
    matchActivated = Signal(object)
    #: "Replace" (the selected results) or "Replace all": the matches to replace.
    replaceRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Find and replace"), parent)
        self.setObjectName("find_dock")
        self.model: Model | None = None
        self.matches: list[Match] = []
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(6, 4, 6, 4)
        grid = QGridLayout()
        self.find_text = QLineEdit(body)
        self.find_text.setObjectName("find_text")
        self.find_text.setPlaceholderText(self.tr("Find in names, documentation, "
                                                  "properties (no accents needed)"))
        self.find_text.setClearButtonEnabled(True)
        self.replace_text = QLineEdit(body)
        self.replace_text.setObjectName("replace_text")
        self.replace_text.setPlaceholderText(self.tr("Replace with"))
        self.replace_button = QPushButton(self.tr("Replace"), body)
        self.replace_button.setObjectName("find_replace_button")
        self.replace_button.setToolTip(self.tr("Replace the selected matches"))
        self.replace_all_button = QPushButton(self.tr("Replace all"), body)
        self.replace_all_button.setObjectName("find_replace_all_button")
        grid.addWidget(QLabel(self.tr("Find:"), body), 0, 0)
        grid.addWidget(self.find_text, 0, 1)
        grid.addWidget(QLabel(self.tr("Replace:"), body), 1, 0)
        grid.addWidget(self.replace_text, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.replace_all_button)
        grid.addLayout(buttons, 1, 2)
        outer.addLayout(grid)

        options = QHBoxLayout()
        self.match_case = self._check(body, "find_match_case", self.tr("Match case"), False)
        self.match_diacritics = self._check(body, "find_match_diacritics",
                                            self.tr("Match diacritics"), False)
        self.in_names = self._check(body, "find_in_names", self.tr("Names"), True)
        self.in_documentation = self._check(body, "find_in_documentation",
                                            self.tr("Documentation"), True)
        self.in_properties = self._check(body, "find_in_properties",
                                         self.tr("Property values"), True)
        self.type_filter = QComboBox(body)
        self.type_filter.setObjectName("find_type")
        self.type_filter.setToolTip(self.tr("Only this type"))
        self.layer_filter = QComboBox(body)
        self.layer_filter.setObjectName("find_layer")
        self.layer_filter.setToolTip(self.tr("Only elements of this layer"))
        for widget in (self.match_case, self.match_diacritics, self.in_names,
                       self.in_documentation, self.in_properties, self.type_filter,
                       self.layer_filter):
            options.addWidget(widget)
        options.addStretch(1)
        outer.addLayout(options)

        self.summary = plain_label(QLabel(body))
        self.summary.setObjectName("find_summary")
        outer.addWidget(self.summary)
        self.results = QTreeWidget(body)
        self.results.setObjectName("find_results")
        self.results.setColumnCount(4)
        self.results.setHeaderLabels([self.tr("Name"), self.tr("Where"), self.tr("Text"),
                                      self.tr("Type")])
        self.results.setRootIsDecorated(False)
        self.results.setAlternatingRowColors(True)
        self.results.setUniformRowHeights(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setColumnWidth(0, 260)
        self.results.setColumnWidth(1, 140)
        self.results.setColumnWidth(2, 360)
        outer.addWidget(self.results, 1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.find_text.textChanged.connect(self._timer.start)
        for box in (self.match_case, self.match_diacritics, self.in_names,
                    self.in_documentation, self.in_properties):
            box.toggled.connect(self.search)
        self.type_filter.activated.connect(self.search)
        self.layer_filter.activated.connect(self.search)
        self.find_text.returnPressed.connect(self.next_match)
        self.results.currentItemChanged.connect(self._current_changed)
        self.results.itemActivated.connect(self._activated)
        self.results.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.replace_button.clicked.connect(self._replace_selected)
        self.replace_all_button.clicked.connect(self._replace_all)
        self._update_buttons()

    @staticmethod
    def _check(parent: QWidget, name: str, text: str, on: bool) -> QCheckBox:
        box = QCheckBox(text, parent)
        box.setObjectName(name)
        box.setChecked(on)
        return box

    # ---------------------------------------------------------------- the model
    def set_model(self, model: Model) -> None:
        """Search ``model`` from now on (a new document)."""
        self.model = model
        self.refresh_filters()
        self.search()

    def refresh_filters(self) -> None:
        """The type and layer lists: what the model holds now (the choices kept)."""
        model = self.model
        if model is None:
            return
        types: list[tuple[str, str]] = []
        for name in sorted({e.type for e in model.elements},
                           key=lambda t: list(ELEMENT_TYPES).index(t) if t in ELEMENT_TYPES
                           else len(ELEMENT_TYPES)):
            etype = ELEMENT_TYPES.get(name)
            types.append((self.tr(etype.label_en) if etype else name, name))
        for name in sorted({r.type for r in model.relationships},
                           key=lambda t: list(RELATIONSHIP_TYPES).index(t)
                           if t in RELATIONSHIP_TYPES else len(RELATIONSHIP_TYPES)):
            rtype = RELATIONSHIP_TYPES.get(name)
            types.append((self.tr(rtype.label_en) if rtype else name, name))
        if model.views:
            types.append((self.tr("View"), VIEW_TYPE))
        refill_combo(self.type_filter, [(self.tr("All types"), ""), *types])
        refill_combo(self.layer_filter, [(self.tr("All layers"), ""), *_layers(model)])

    # ---------------------------------------------------------------- searching
    def options(self) -> FindOptions:
        """What the user asked for."""
        chosen_type = self.type_filter.currentData()
        chosen_layer = self.layer_filter.currentData()
        return FindOptions(
            self.find_text.text(), match_case=self.match_case.isChecked(),
            match_diacritics=self.match_diacritics.isChecked(),
            names=self.in_names.isChecked(), documentation=self.in_documentation.isChecked(),
            properties=self.in_properties.isChecked(),
            types=frozenset({chosen_type}) if chosen_type else frozenset(),
            layers=frozenset({chosen_layer}) if chosen_layer else frozenset())

    def search(self) -> None:
        """Search again and list the matches (the current row kept where it can be)."""
        self._timer.stop()
        current = self.results.currentIndex().row()
        self.matches = []  # clearing scrolls the list back up: nothing to list meanwhile
        self.results.clear()
        self.matches = find(self.model, self.options()) if self.model is not None else []
        self.list_more()
        objects = len({(m.kind, m.owner_id) for m in self.matches})
        if not self.find_text.text().strip():
            self.summary.setText("")
        elif len(self.matches) > ROWS_AT_ONCE:
            self.summary.setText(self.tr(
                "{count} matches in {objects} objects (more are listed as you scroll "
                "down)").format(count=len(self.matches), objects=objects))
        elif self.matches:
            self.summary.setText(self.tr("{count} matches in {objects} objects").format(
                count=len(self.matches), objects=objects))
        else:
            self.summary.setText(self.tr("No matches"))
        count = self.results.topLevelItemCount()
        kept = self.results.topLevelItem(min(current, count - 1)) if current >= 0 else None
        if kept is not None:
            self.results.setCurrentItem(kept)
        self._update_buttons()

    def list_more(self) -> int:
        """List the next :data:`ROWS_AT_ONCE` matches; how many were listed."""
        start = self.results.topLevelItemCount()
        batch = self.matches[start:start + ROWS_AT_ONCE]
        self.results.addTopLevelItems([self._row(i, match)
                                       for i, match in enumerate(batch, start)])
        return len(batch)

    def _scrolled(self, value: int) -> None:
        """The list scrolled to its end: the next matches are listed below."""
        if value >= self.results.verticalScrollBar().maximum() and \
                self.results.topLevelItemCount() < len(self.matches):
            self.list_more()

    def _row(self, index: int, match: Match) -> QTreeWidgetItem:
        owner, type_label = self._describe_owner(match)
        start, end = match.start, match.end
        before = match.text[max(0, start - CONTEXT):start]
        after = match.text[end:end + CONTEXT]
        excerpt = ("…" if start > CONTEXT else "") + before + "[" + match.found + "]" + \
            after + ("…" if end + CONTEXT < len(match.text) else "")
        excerpt = " ".join(excerpt.split())
        item = QTreeWidgetItem([owner, self._field_label(match), excerpt, type_label])
        item.setData(0, MATCH_ROLE, index)
        item.setToolTip(2, tooltip(match.text[:1000]))
        return item

    def _describe_owner(self, match: Match) -> tuple[str, str]:
        model = self.model
        assert model is not None
        if match.kind == ELEMENT:
            element = model.element(match.owner_id)
            etype = ELEMENT_TYPES.get(element.type)
            return element.name, self.tr(etype.label_en) if etype else element.type
        if match.kind == RELATIONSHIP:
            rel = model.relationship(match.owner_id)
            rtype = RELATIONSHIP_TYPES.get(rel.type)
            label = self.tr(rtype.label_en) if rtype else rel.type
            ends = [model.element(e).name if model.has_element(e) else "…"
                    for e in (rel.source, rel.target)]
            return rel.name or f"{ends[0]} → {ends[1]}", label
        return model.view(match.owner_id).name, self.tr("View")

    def _field_label(self, match: Match) -> str:
        if match.field == NAME:
            label = self.tr("Name")
        elif match.field == DOCUMENTATION:
            label = self.tr("Documentation")
        else:
            return self.tr("Property ‘{key}’").format(key=match.prop_key)
        return f"{label} ({match.language})" if match.language else label

    # ---------------------------------------------------------------- results
    def match_of(self, item: QTreeWidgetItem | None) -> Match | None:
        if item is None:
            return None
        index = item.data(0, MATCH_ROLE)
        return self.matches[index] if isinstance(index, int) and index < len(
            self.matches) else None

    def selected_matches(self) -> list[Match]:
        found = [self.match_of(item) for item in self.results.selectedItems()]
        return [m for m in found if m is not None]

    def next_match(self) -> Match | None:
        """Enter in the find box or F3: the next result (the first after the last)."""
        if self._timer.isActive():
            self.search()
        count = self.results.topLevelItemCount()
        if not count:
            return None
        row = self.results.currentIndex().row() + 1
        if row >= count and self.list_more():  # the next match was not listed yet
            count = self.results.topLevelItemCount()
        row %= count
        item = self.results.topLevelItem(row)
        if item is None:
            return None
        self.results.setCurrentItem(item)
        self.results.scrollToItem(item)
        return self.match_of(item)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        self._update_buttons()
        self.matchSelected.emit(self.match_of(current))

    def _activated(self, item: QTreeWidgetItem) -> None:
        match = self.match_of(item)
        if match is not None:
            self.matchActivated.emit(match)

    def _replace_selected(self) -> None:
        matches = self.selected_matches()
        if matches:
            self.replaceRequested.emit(matches)

    def _replace_all(self) -> None:
        if self.matches:
            self.replaceRequested.emit(list(self.matches))

    def _update_buttons(self) -> None:
        self.replace_all_button.setEnabled(bool(self.matches))
        self.replace_button.setEnabled(bool(self.results.selectedItems()))


def _layers(model: Model) -> list[tuple[str, str]]:
    """The layers the model's elements are in: framework layers by name (in catalog
    order), then ArchiMate layers."""
    keys = {layer_key(e) for e in model.elements}
    names: dict[str, tuple[tuple[int, int], str]] = {}
    catalog_layers = framework_layers(model)
    for key in keys:
        kind, _, layer = key.partition(":")
        if kind == "framework":
            order, name = catalog_layers.get(layer, (999, layer))
            names[key] = ((0, order), name)
        else:
            names[key] = ((1, list(ArchiMateLayer).index(ArchiMateLayer(layer))),
                          layer_label(layer))
    return [(name, key) for key, (_, name) in sorted(names.items(), key=lambda kv: kv[1][0])]
