"""File > Export > PDF: the dossier's options, its fields and the resulting page count.

The dialog edits nothing by itself. On accept the caller reads :meth:`options` (for
:func:`~egov_modeler.export.pdf.dossier.write_dossier`) and :meth:`commands` (the property
edits that store the dossier fields in the model) and pushes those on its undo stack, so
changing the agency or the approver is undoable like any other edit. A caller that prefers
a callback passes ``apply_commands``; it is called with the commands on accept.

The page count is recomputed (shortly after the last change, so typing stays smooth) with
:func:`~egov_modeler.export.pdf.dossier.count_pages`, which lays the dossier out without
painting or writing it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...export.pdf.dossier import (
    DOSSIER_FIELDS,
    DossierOptions,
    count_pages,
    dossier_commands,
    dossier_fields,
)
from ...export.pdf.pages import PAPER_SIZES
from ...i18n import current_language
from ...model.errors import ModelError
from ..plain_text import plain_label, tooltip

log = logging.getLogger(__name__)

__all__ = ["PdfExportDialog"]

_RECOUNT_DELAY_MS = 250


class PdfExportDialog(QDialog):
    """Options, dossier fields and live page count for the PDF dossier."""

    def __init__(self, model, parent: QWidget | None = None,
                 current_view_id: str | None = None,
                 apply_commands: Callable[[list], None] | None = None,
                 options: DossierOptions | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._apply_commands = apply_commands
        self._pages: int | None = None
        # The model does not change while the dialog is open (the fields are applied on
        # accept), so a count per set of options is computed once.
        self._counts: dict[tuple, int] = {}
        self.setWindowTitle(self.tr("Export PDF dossier"))
        initial = options or DossierOptions(lang=current_language())

        self.paper = QComboBox()
        for name in PAPER_SIZES:
            self.paper.addItem(name, name)
        self.paper.setCurrentIndex(self.paper.findData(initial.paper.upper()))
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.setCurrentIndex(self.orientation.findData(initial.orientation))
        self.tile = QCheckBox(self.tr("Print at full size across several pages (tile)"))
        self.tile.setChecked(initial.tile)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(
            initial.lang or current_language())))
        self.cover = QCheckBox(self.tr("Cover page"))
        self.cover.setChecked(initial.cover)
        self.appendix = QCheckBox(self.tr("Appendices (element catalog, relationships, "
                                          "validation)"))
        self.appendix.setChecked(initial.appendix)

        layout_box = QGroupBox(self.tr("Paper and content"))
        form = QFormLayout(layout_box)
        form.addRow(self.tr("Paper size:"), self.paper)
        form.addRow(self.tr("Orientation:"), self.orientation)
        form.addRow("", self.tile)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.cover)
        form.addRow("", self.appendix)

        views_box = QGroupBox(self.tr("Views"))
        views_layout = QVBoxLayout(views_box)
        self.views = QListWidget()
        wanted = set(initial.views) if initial.views is not None else None
        for view in model.views:
            item = QListWidgetItem(view.names.get(current_language()) or view.name)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = wanted is None or view.id in wanted or view.name in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.views.addItem(item)
        buttons_row = QHBoxLayout()
        all_button = QPushButton(self.tr("All"))
        none_button = QPushButton(self.tr("None"))
        self.current_button = QPushButton(self.tr("Current view only"))
        self.current_button.setEnabled(current_view_id is not None)
        all_button.clicked.connect(lambda: self._check_views(lambda _id: True))
        none_button.clicked.connect(lambda: self._check_views(lambda _id: False))
        self.current_button.clicked.connect(
            lambda: self._check_views(lambda view_id: view_id == current_view_id))
        for button in (all_button, none_button, self.current_button):
            buttons_row.addWidget(button)
        views_layout.addWidget(self.views)
        views_layout.addLayout(buttons_row)

        fields_box = QGroupBox(self.tr("Dossier (saved in the model)"))
        fields_form = QFormLayout(fields_box)
        labels = {
            "agency": self.tr("Agency:"),
            "issuer": self.tr("Issuing body:"),
            "title": self.tr("Document title:"),
            "version": self.tr("Version:"),
            "place": self.tr("Place:"),
            "date": self.tr("Date:"),
            "prepared_by": self.tr("Prepared by:"),
            "checked_by": self.tr("Checked by:"),
            "approved_by": self.tr("Approved by:"),
        }
        stored = dossier_fields(model)
        self.field_edits: dict[str, QLineEdit] = {}
        for name in DOSSIER_FIELDS:
            edit = QLineEdit(stored[name])
            edit.setCursorPosition(0)  # a long agency name shows its start, not its end
            edit.setToolTip(tooltip(stored[name]))
            self.field_edits[name] = edit
            fields_form.addRow(labels[name], edit)
        self.field_edits["title"].setPlaceholderText(model.name)
        self.field_edits["date"].setPlaceholderText(self.tr("today"))
        self.field_edits["place"].setPlaceholderText(self.tr("e.g. Gia Lai"))

        self.page_count_label = plain_label(QLabel())  # an error may quote a view name
        self.page_count_label.setObjectName("pageCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(layout_box)
        left.addWidget(views_box)
        columns.addLayout(left)
        columns.addWidget(fields_box)
        main = QVBoxLayout(self)
        main.addLayout(columns)
        main.addWidget(self.page_count_label)
        main.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_RECOUNT_DELAY_MS)
        self._timer.timeout.connect(self.update_page_count)
        for combo in (self.paper, self.orientation, self.language):
            combo.currentIndexChanged.connect(self._schedule_recount)
        for box in (self.tile, self.cover, self.appendix):
            box.toggled.connect(self._schedule_recount)
        self.views.itemChanged.connect(self._schedule_recount)
        self.update_page_count()

    # -- reading the choices ---------------------------------------------------------------
    def selected_view_ids(self) -> list[str]:
        """Ids of the checked views, in the model's order."""
        ids = []
        for row in range(self.views.count()):
            item = self.views.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return ids

    def options(self) -> DossierOptions:
        """The options to pass to ``write_dossier``."""
        return DossierOptions(
            paper=self.paper.currentData(),
            orientation=self.orientation.currentData(),
            tile=self.tile.isChecked(),
            lang=self.language.currentData(),
            views=self.selected_view_ids(),
            cover=self.cover.isChecked(),
            appendix=self.appendix.isChecked(),
        )

    def fields(self) -> dict[str, str]:
        """The dossier fields as typed."""
        return {name: edit.text().strip() for name, edit in self.field_edits.items()}

    def commands(self) -> list:
        """The property edits that store the typed fields (only the changed ones)."""
        return dossier_commands(self._model, self.fields())

    def page_count(self) -> int | None:
        """Pages of the dossier with the current options; ``None`` when nothing to print."""
        return self._pages

    # -- behaviour ---------------------------------------------------------------------------
    def _check_views(self, wanted: Callable[[str], bool]) -> None:
        self.views.blockSignals(True)
        for row in range(self.views.count()):
            item = self.views.item(row)
            state = wanted(item.data(Qt.ItemDataRole.UserRole))
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        self.views.blockSignals(False)
        self._schedule_recount()

    def _schedule_recount(self, *_args: object) -> None:
        self._timer.start()

    def update_page_count(self) -> None:
        """Recount the pages now and show the result; the Export button is enabled only
        when there is something to print."""
        self._timer.stop()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        options = self.options()
        key = (options.paper, options.orientation, options.tile, options.lang,
               tuple(options.views or ()), options.cover, options.appendix)
        try:
            if key not in self._counts:
                self._counts[key] = count_pages(self._model, options)
            self._pages = self._counts[key]
        except ModelError as exc:
            self._pages = None
            self.page_count_label.setText(str(exc))
            ok.setEnabled(False)
            return
        except Exception:
            log.exception("page count failed")
            self._pages = None
            self.page_count_label.setText(self.tr("The page count could not be computed."))
            ok.setEnabled(True)
            return
        self.page_count_label.setText(self.tr("Pages: %n", "", self._pages))
        ok.setEnabled(True)

    def accept(self) -> None:
        if self._apply_commands is not None:
            commands = self.commands()
            if commands:
                self._apply_commands(commands)
        super().accept()
