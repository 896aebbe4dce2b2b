"""The Properties dock's "Appearance" section: fill, line and font colours, opacity, line
width, font, size, bold and italic, text alignment and position.

It edits every selected node and line at once (one undo step per change, a bulk edit when
several are selected) through their ``style``; with nothing selected it edits the view's
default appearance of one element type (what nodes of that type take where their own
style sets nothing). A field the selected objects do not share shows "different values";
"Default" means no override (the type's colour, the bundled font, 9 pt). The canvas and
the PDF draw from the same display list, so what is set here prints as it shows.

Colours are picked with the window's colour dialog (``dialogs.choose_colour``, which tests
answer).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from ...diagram import notation as nt
from ...diagram.fonts import FONT_FAMILY
from ...i18n import current_language
from ...model import limits
from ...model.commands import (
    Command,
    CompoundCommand,
    SetConnectionFieldsCommand,
    SetNodeFieldsCommand,
    SetViewDefaultStyleCommand,
)
from ...model.metamodel import ELEMENT_TYPES
from ...model.terminology import bilingual_type_label
from ...model.views import Style
from .selection import Selection

#: A value the selected objects do not share.
MIXED = object()
SWATCH = 14


def _swatch(colour: str | None) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(colour) if colour else QColor(0, 0, 0, 0))
    return QIcon(pixmap)


class AppearanceSection(QGroupBox):
    """Edits the appearance of the selected nodes and lines, or a view's default for a
    type; :meth:`show_selection` is called by the dock on every change."""

    def __init__(self, dialogs: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Appearance"), parent)
        self.setObjectName("appearance_section")
        self.dialogs = dialogs
        self.selection = Selection()
        self._filling = False
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        self.form = form

        self.default_type = QComboBox(self)
        self.default_type.setObjectName("appearance_default_type")
        self.default_type.setToolTip(self.tr(
            "The element type whose default appearance on this view is edited below"))
        self.default_type.activated.connect(lambda _i: self.refresh())

        self.fill = self._colour_button("appearance_fill", self.tr("Fill colour"), "fill")
        self.line = self._colour_button("appearance_line", self.tr("Line colour"),
                                        "line_color")
        self.font_colour = self._colour_button("appearance_font_colour",
                                               self.tr("Font colour"), "font_color")
        self.opacity = self._spin("appearance_opacity", -1, 100, self.tr("Default"), "%")
        self.opacity.editingFinished.connect(self._commit_opacity)
        self.width_spin = self._spin("appearance_line_width", 0, limits.MAX_LINE_WIDTH,
                                self.tr("Default"), " pt")
        self.width_spin.editingFinished.connect(
            lambda: self._commit_number("line_width", self.width_spin.value(),
                                        self.tr("Change line width")))
        self.font_box = QComboBox(self)
        self.font_box.setObjectName("appearance_font")
        self.font_box.activated.connect(self._commit_font)
        self.size_spin = self._spin("appearance_font_size", 0, int(limits.MAX_FONT_SIZE),
                               self.tr("Default"), " pt")
        self.size_spin.editingFinished.connect(
            lambda: self._commit_number("font_size", self.size_spin.value(),
                                        self.tr("Change font size"), as_float=True))
        self.bold = QCheckBox(self.tr("Bold"), self)
        self.bold.setObjectName("appearance_bold")
        self.bold.clicked.connect(lambda on: self._commit_font_word("bold", on))
        self.italic = QCheckBox(self.tr("Italic"), self)
        self.italic.setObjectName("appearance_italic")
        self.italic.setToolTip(self.tr("Kept in the file and in Archi; the canvas and the "
                                       "PDF write every text upright in the bundled font"))
        self.italic.clicked.connect(lambda on: self._commit_font_word("italic", on))
        words = QWidget(self)
        row = QHBoxLayout(words)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bold)
        row.addWidget(self.italic)
        row.addStretch(1)
        self.alignment_box = QComboBox(self)
        self.alignment_box.setObjectName("appearance_alignment")
        for value, label in ((None, self.tr("Default")), ("left", self.tr("Left")),
                             ("center", self.tr("Centre")), ("right", self.tr("Right"))):
            self.alignment_box.addItem(label, value)
        self.alignment_box.activated.connect(
            lambda _i: self._commit_field("text_alignment", self.alignment_box.currentData(),
                                          self.tr("Change text alignment")))
        self.position_box = QComboBox(self)
        self.position_box.setObjectName("appearance_position")
        self.position_box.activated.connect(
            lambda _i: self._commit_field("text_position", self.position_box.currentData(),
                                          self.tr("Change text position")))
        self.reset = QPushButton(self.tr("Reset to default"), self)
        self.reset.setObjectName("appearance_reset")
        self.reset.clicked.connect(self.reset_to_default)

        form.addRow(self.tr("For type:"), self.default_type)
        form.addRow(self.tr("Fill:"), self.fill)
        form.addRow(self.tr("Fill opacity:"), self.opacity)
        form.addRow(self.tr("Line:"), self.line)
        form.addRow(self.tr("Line width:"), self.width_spin)
        form.addRow(self.tr("Font:"), self.font_box)
        form.addRow(self.tr("Font size:"), self.size_spin)
        form.addRow(self.tr("Font colour:"), self.font_colour)
        form.addRow(self.tr("Style:"), words)
        form.addRow(self.tr("Text alignment:"), self.alignment_box)
        form.addRow(self.tr("Text position:"), self.position_box)
        form.addRow("", self.reset)
        self._words_row = words
        self.setVisible(False)

    # ---------------------------------------------------------------- widgets
    def _colour_button(self, name: str, title: str, field: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.clicked.connect(lambda: self.pick_colour(field, title))
        return button

    def _spin(self, name: str, low: int, high: int, special: str, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSpecialValueText(special)
        spin.setSuffix(suffix)
        spin.setKeyboardTracking(False)
        return spin

    # ---------------------------------------------------------------- targets
    def _targets(self) -> tuple[list[str], list[str]]:
        return list(self.selection.node_ids), list(self.selection.connection_ids)

    def defaults_mode(self) -> bool:
        """Nothing selected on a view: the section edits the view's default for a type."""
        return self.selection.view() is not None and not self.selection.count

    def _styles(self) -> list[Style]:
        """The own styles of what is edited (one default style in defaults mode)."""
        view = self.selection.view()
        if view is None:
            return []
        if self.defaults_mode():
            type_name = self.default_type.currentData()
            return [view.defaults.get(type_name, Style())] if type_name else []
        nodes, lines = self._targets()
        return ([view.nodes[n].style for n in nodes if n in view.nodes]
                + [view.connections[c].style for c in lines if c in view.connections])

    def _common(self, field: str) -> Any:
        values = {getattr(style, field) for style in self._styles()}
        if len(values) == 1:
            return values.pop()
        return MIXED if values else None

    # ---------------------------------------------------------------- showing
    def show_selection(self, selection: Selection) -> None:
        """Follow the dock: show the appearance of ``selection`` (hidden without a view)."""
        self.selection = selection.live()
        self.refresh()

    def refresh(self) -> None:
        view = self.selection.view()
        visible = view is not None and self.selection.editor is not None
        self.setVisible(visible)
        if not visible:
            return
        assert view is not None
        self._filling = True
        try:
            defaults = self.defaults_mode()
            self.form.setRowVisible(self.default_type, defaults)
            if defaults:
                self.setTitle(self.tr("Default appearance on this view"))
                self._fill_types()
            else:
                self.setTitle(self.tr("Appearance"))
            nodes, lines = self._targets()
            only_lines = bool(lines) and not nodes and not defaults
            self.form.setRowVisible(self.fill, not only_lines)
            self.form.setRowVisible(self.opacity, not only_lines)
            self._fill_positions(nodes, lines, defaults)
            self._show_colour(self.fill, self._common("fill"), self._default_fill())
            self._show_colour(self.line, self._common("line_color"),
                              nt.CONNECTION_COLOR if only_lines else nt.ELEMENT_LINE_COLOR)
            self._show_colour(self.font_colour, self._common("font_color"), "#000000")
            alpha = self._common("fill_alpha")
            self.opacity.setValue(-1 if alpha in (None, MIXED)
                                  else round(alpha * 100 / limits.MAX_ALPHA))
            self._show_number(self.opacity, alpha)
            width = self._common("line_width")
            self.width_spin.setValue(0 if width in (None, MIXED) else int(width))
            self._show_number(self.width_spin, width)
            size = self._common("font_size")
            self.size_spin.setValue(0 if size in (None, MIXED) else round(size))
            self._show_number(self.size_spin, size)
            self._fill_fonts(self._common("font_name"))
            words = self._common("font_style")
            for box, word in ((self.bold, "bold"), (self.italic, "italic")):
                box.setTristate(words is MIXED)
                if words is MIXED:
                    box.setCheckState(Qt.CheckState.PartiallyChecked)
                else:
                    box.setChecked(word in (words or "").split())
            self._show_choice(self.alignment_box, self._common("text_alignment"))
            self._show_choice(self.position_box, self._common("text_position"))
            self.setEnabled(bool(self._styles()) or defaults)
        finally:
            self._filling = False

    def _default_fill(self) -> str:
        """The fill a node gets with no style: its type's colour (the first selected)."""
        view = self.selection.view()
        model = self.selection.model
        if view is None or model is None:
            return "#ffffff"
        if self.defaults_mode():
            type_name = self.default_type.currentData()
            return ELEMENT_TYPES[type_name].fill if type_name in ELEMENT_TYPES else "#ffffff"
        for node_id in self.selection.node_ids:
            node = view.nodes.get(node_id)
            if node is not None and node.element_id and model.has_element(node.element_id):
                etype = ELEMENT_TYPES.get(model.element(node.element_id).type)
                if etype is not None:
                    return view.node_style(node, etype.name).fill or etype.fill
        return "#ffffff"

    def _show_colour(self, button: QToolButton, value: Any, default: str) -> None:
        if value is MIXED:
            button.setIcon(_swatch(None))
            button.setText(self.tr("Different values"))
        elif value is None:
            button.setIcon(_swatch(default))
            button.setText(self.tr("Default"))
        else:
            button.setIcon(_swatch(value))
            button.setText(value)

    def _show_number(self, spin: QSpinBox, value: Any) -> None:
        spin.setToolTip(self.tr("Different values") if value is MIXED else "")

    def _show_choice(self, combo: QComboBox, value: Any) -> None:
        index = combo.findData(value) if value is not MIXED else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.setToolTip(self.tr("Different values") if value is MIXED else "")

    def _fill_types(self) -> None:
        """The element types on the view, and those that have a default on it."""
        view = self.selection.view()
        model = self.selection.model
        if view is None or model is None:
            return
        present = {model.element(n.element_id).type for n in view.nodes.values()
                   if n.element_id and model.has_element(n.element_id)}
        present |= set(view.defaults)
        wanted = [t for t in ELEMENT_TYPES if t in present]
        have = [self.default_type.itemData(i) for i in range(self.default_type.count())]
        if have != wanted:
            current = self.default_type.currentData()
            self.default_type.clear()
            for type_name in wanted:
                self.default_type.addItem(bilingual_type_label(type_name, current_language()),
                                          type_name)
            index = self.default_type.findData(current)
            self.default_type.setCurrentIndex(max(0, index))

    def _fill_positions(self, nodes: list[str], lines: list[str], defaults: bool) -> None:
        node_words = [("top", self.tr("At the top")), ("middle", self.tr("In the middle")),
                      ("bottom", self.tr("At the bottom"))]
        line_words = [("source", self.tr("Near the source")),
                      ("middle", self.tr("In the middle")),
                      ("target", self.tr("Near the target"))]
        mixed = bool(nodes) and bool(lines)
        words = [] if mixed else (line_words if lines and not defaults else node_words)
        wanted = [(None, self.tr("Default")), *words]
        have = [(self.position_box.itemData(i), self.position_box.itemText(i))
                for i in range(self.position_box.count())]
        if have != wanted:
            self.position_box.clear()
            for value, label in wanted:
                self.position_box.addItem(label, value)
        self.form.setRowVisible(self.position_box, not mixed)

    def _fill_fonts(self, current: Any) -> None:
        if self.font_box.count() == 0:
            self.font_box.addItem(self.tr("Default"), None)
            families = [FONT_FAMILY, *(f for f in QFontDatabase.families() if f != FONT_FAMILY)]
            for family in families:
                self.font_box.addItem(family, family)
        if current is MIXED:
            self.font_box.setCurrentIndex(-1)
            self.font_box.setToolTip(self.tr("Different values"))
            return
        index = self.font_box.findData(current) if current else 0
        if index < 0:  # a font this computer lacks (from another file): kept, listed
            self.font_box.addItem(str(current), current)
            index = self.font_box.count() - 1
        self.font_box.setCurrentIndex(index)
        self.font_box.setToolTip(self.tr(
            "The name is kept in the file and in Archi; the canvas and the PDF draw every "
            "text in the bundled font, so lines break the same on screen and paper"))

    # ---------------------------------------------------------------- editing
    def apply(self, change: Callable[[Style], Style], label: str) -> bool:
        """Run ``change`` on the style of every node and line edited (or the view's
        default for the type), as one undo step; False when nothing changed."""
        editor = self.selection.editor
        view = self.selection.view()
        if editor is None or view is None or self._filling:
            return False
        commands: list[Command] = []
        if self.defaults_mode():
            type_name = self.default_type.currentData()
            if not type_name:
                return False
            old = view.defaults.get(type_name, Style())
            new = change(dataclasses.replace(old))
            if new != old:
                commands.append(SetViewDefaultStyleCommand(view.id, type_name, new))
        else:
            nodes, lines = self._targets()
            for node_id in nodes:
                node = view.nodes.get(node_id)
                if node is not None:
                    new = change(dataclasses.replace(node.style))
                    if new != node.style:
                        commands.append(SetNodeFieldsCommand(view.id, node_id, {"style": new}))
            for conn_id in lines:
                conn = view.connections.get(conn_id)
                if conn is not None:
                    new = change(dataclasses.replace(conn.style))
                    if new != conn.style:
                        commands.append(SetConnectionFieldsCommand(view.id, conn_id,
                                                                   {"style": new}))
        if not commands:
            self.refresh()
            return False
        return editor.run(CompoundCommand(label, commands))

    def set_field(self, field: str, value: Any, label: str) -> bool:
        """Set one style field (``None``: back to the default) on everything edited."""
        return self.apply(lambda style: dataclasses.replace(style, **{field: value}), label)

    def _commit_field(self, field: str, value: Any, label: str) -> None:
        self.set_field(field, value, label)

    def pick_colour(self, field: str, title: str) -> bool:
        """Ask for a colour (the window's colour dialog) and set it on everything edited."""
        current = self._common(field)
        initial = current if isinstance(current, str) else "#ffffff"
        chosen = self.dialogs.choose_colour(title, initial)
        if not chosen or not limits.is_colour(chosen):
            return False
        labels = {"fill": self.tr("Change fill colour"),
                  "line_color": self.tr("Change line colour"),
                  "font_color": self.tr("Change font colour")}
        return self.set_field(field, chosen.lower(), labels[field])

    def _commit_opacity(self) -> None:
        value = self.opacity.value()
        alpha = None if value < 0 else round(value * limits.MAX_ALPHA / 100)
        if self._common("fill_alpha") != alpha:
            self.set_field("fill_alpha", alpha, self.tr("Change fill opacity"))

    def _commit_number(self, field: str, value: int, label: str,
                       as_float: bool = False) -> None:
        new: int | float | None = None if value <= 0 else (float(value) if as_float
                                                            else value)
        if self._common(field) != new:
            self.set_field(field, new, label)

    def _commit_font(self, _index: int) -> None:
        name = self.font_box.currentData()
        if self._common("font_name") != name:
            self.set_field("font_name", name, self.tr("Change font"))

    def _commit_font_word(self, word: str, on: bool) -> None:
        def change(style: Style) -> Style:
            words = [w for w in (style.font_style or "").split() if w not in (word, "plain")]
            if on:
                words.append(word)
            ordered = [w for w in limits.FONT_STYLE_WORDS if w in words]
            return dataclasses.replace(style, font_style=" ".join(ordered) or None)

        label = self.tr("Bold") if word == "bold" else self.tr("Italic")
        self.apply(change, label)

    def reset_to_default(self) -> bool:
        """Clear every override of what is edited: back to the type's appearance."""
        return self.apply(lambda _style: Style(), self.tr("Reset appearance"))
