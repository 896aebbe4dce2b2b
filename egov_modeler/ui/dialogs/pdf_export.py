"""File > Export > PDF: the dossier's options, its fields and the resulting page count.

The dialog edits nothing by itself. On accept the caller reads :meth:`options` (for
:func:`~egov_modeler.export.pdf.dossier.write_dossier`) and :meth:`commands` (the property
edits that store the dossier fields in the model) and pushes those on its undo stack, so
changing the agency or the approver is undoable like any other edit. A caller that prefers
a callback passes ``apply_commands``; it is called with the commands on accept.

The page count, the smallest text size the diagram pages will print and, when a view
needs an overview and detail pages, the paper on which every view would fit one readable
page are recomputed (shortly after the last change, so typing stays smooth) with
:func:`~egov_modeler.export.pdf.dossier.plan_dossier`, which lays the dossier out without
painting or writing it; "Use that paper" switches to the proposed paper. A large model's
count takes as long as printing it, so it is made when "Count pages" is clicked, beside the
window (:data:`LIVE_COUNT_CONCEPTS`, :data:`LIVE_COUNT_SECONDS`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...export.pdf.dossier import (
    DOSSIER_FIELDS,
    ENGLISH_FIELDS,
    DossierOptions,
    DossierSummary,
    dossier_commands,
    dossier_fields,
    plan_dossier,
)
from ...export.pdf.pages import PAPER_SIZES
from ...export.pdf.plan import DEFAULT_MIN_TEXT
from ...i18n import current_language
from ...model.cancel import Cancelled, CancelToken
from ...model.errors import ModelError
from ..long_work import run_long
from ..plain_text import plain_label, tooltip
from .screen_fit import fit_to_screen

log = logging.getLogger(__name__)

__all__ = ["PdfExportDialog"]

_RECOUNT_DELAY_MS = 250
#: Models of up to this many elements and relationships are counted as the options
#: change; a larger one when "Count pages" is clicked (about 0.5 s per 1,000 of them).
LIVE_COUNT_CONCEPTS = 5_000
#: The dossier fields' width: "Ủy ban nhân dân tỉnh Gia Lai" shows whole.
FIELD_MIN_WIDTH = 240
#: A count that took longer (CPU seconds) ends counting as the options change.
LIVE_COUNT_SECONDS = 1.0


def _count_key(options: DossierOptions) -> tuple[object, ...]:
    """What the page count depends on (the dossier fields and PDF/A do not change it)."""
    return (options.paper, options.orientation, options.tile, options.lang,
            None if options.views is None else tuple(options.views), options.cover,
            options.appendix, options.min_text)


class PdfExportDialog(QDialog):
    """Options, dossier fields and live page count for the PDF dossier."""

    def __init__(self, model, parent: QWidget | None = None,
                 current_view_id: str | None = None,
                 apply_commands: Callable[[list], None] | None = None,
                 options: DossierOptions | None = None, word: bool = False) -> None:
        """``word``: the options of the Word document, which has the views, the language
        and the appendices of the PDF dossier and none of its paper, page or archiving
        options (nor a page count: Word lays its pages out itself)."""
        super().__init__(parent)
        self._word = word
        self._model = model
        self._apply_commands = apply_commands
        self._pages: int | None = None
        self._summary: DossierSummary | None = None
        # The model does not change while the dialog is open (the fields are applied on
        # accept), so a plan per set of options is computed once.
        self._counts: dict[tuple, DossierSummary] = {}
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
        self.min_text = QDoubleSpinBox()
        self.min_text.setObjectName("minText")
        self.min_text.setRange(0.0, 14.0)
        self.min_text.setSingleStep(0.5)
        self.min_text.setDecimals(1)
        self.min_text.setSuffix(" pt")
        self.min_text.setSpecialValueText(self.tr("no minimum (fit each view on one page)"))
        self.min_text.setValue(initial.min_text)
        self.min_text.setToolTip(self.tr(
            "A view whose text would print smaller than this gets an overview page and "
            "detail pages at a readable scale (default {size} pt).").format(
                size=f"{DEFAULT_MIN_TEXT:g}"))
        self.pdfa = QCheckBox(self.tr("PDF/A-2b for archiving, with signature fields"))
        self.pdfa.setChecked(initial.pdfa)

        layout_box = QGroupBox(self.tr("Paper and content"))
        form = QFormLayout(layout_box)
        form.addRow(self.tr("Paper size:"), self.paper)
        form.addRow(self.tr("Orientation:"), self.orientation)
        form.addRow("", self.tile)
        form.addRow(self.tr("Smallest text on diagrams:"), self.min_text)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.cover)
        form.addRow("", self.appendix)
        form.addRow("", self.pdfa)
        if word:
            layout_box.setTitle(self.tr("Content"))
            for widget in (self.paper, self.orientation, self.tile, self.min_text,
                           self.cover, self.pdfa):
                form.setRowVisible(widget, False)

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

        # The Vietnamese and English fields as two tabs, not two boxes one above the other:
        # stacked, their 18 rows made the dialog 704 px tall, more than a 1366×768 screen
        # leaves under its title bar and above its taskbar.
        fields_box = QWidget()
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
            "decision": self.tr("Issued with decision:"),
        }
        stored = dossier_fields(model)
        self.field_edits: dict[str, QLineEdit] = {}
        for name in DOSSIER_FIELDS:
            edit = QLineEdit(stored[name])
            edit.setCursorPosition(0)  # a long agency name shows its start, not its end
            edit.setMinimumWidth(FIELD_MIN_WIDTH)
            edit.setToolTip(tooltip(stored[name]))
            self.field_edits[name] = edit
            fields_form.addRow(labels[name], edit)
        self.field_edits["title"].setPlaceholderText(model.name)
        self.field_edits["date"].setPlaceholderText(self.tr("today"))
        self.field_edits["place"].setPlaceholderText(self.tr("e.g. Gia Lai"))
        self.field_edits["decision"].setPlaceholderText(
            self.tr("e.g. số 123/QĐ-UBND ngày 15/11/2026"))
        english_box = QWidget()
        english_form = QFormLayout(english_box)
        for name in ENGLISH_FIELDS:
            key = f"{name}:en"
            edit = QLineEdit(stored[key])
            edit.setCursorPosition(0)
            self.field_edits[key] = edit
            english_form.addRow(labels[name], edit)

        self.page_count_label = plain_label(QLabel())  # an error may quote a view name
        self.page_count_label.setObjectName("pageCount")
        self.smallest_text_label = QLabel()
        self.smallest_text_label.setObjectName("smallestText")
        self.paper_hint_label = QLabel()
        self.paper_hint_label.setObjectName("paperHint")
        self.paper_hint_label.setWordWrap(True)
        self.count_button = QPushButton(self.tr("Count pages"))
        self.count_button.clicked.connect(self.count_now)
        self.count_button.setVisible(False)
        #: Counting as the options change: a provincial model's count takes a fraction of
        #: a second, a national model's as long as printing it (8 s at 20,000 elements),
        #: which froze the dialog at opening and after every change.
        self._live = (len(model.elements) + len(model.relationships)) <= LIVE_COUNT_CONCEPTS
        self.use_paper_button = QPushButton(self.tr("Use that paper"))
        self.use_paper_button.clicked.connect(self.use_fitting_paper)
        self.use_paper_button.setVisible(False)
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
        self.fields_tabs = QTabWidget()
        self.fields_tabs.setObjectName("dossierFieldsTabs")
        self.fields_tabs.addTab(fields_box, self.tr("Dossier (saved in the model)"))
        self.fields_tabs.addTab(english_box, self.tr("In English (for an English dossier)"))
        right = QVBoxLayout()
        right.addWidget(self.fields_tabs)
        right.addStretch(1)
        columns.addLayout(right)
        main = QVBoxLayout(self)
        main.addLayout(columns)
        summary = QHBoxLayout()
        summary.addWidget(self.page_count_label)
        summary.addWidget(self.count_button)
        summary.addWidget(self.smallest_text_label)
        summary.addStretch(1)
        main.addLayout(summary)
        hint = QHBoxLayout()
        hint.addWidget(self.paper_hint_label, 1)
        hint.addWidget(self.use_paper_button)
        main.addLayout(hint)
        main.addWidget(self.buttons)
        # Its whole height where the screen has it (Qt opens a dialog at most two thirds of
        # the screen tall, which left four views visible on a 768 px screen).
        full = self.sizeHint()
        fit_to_screen(self, full.width(), full.height())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_RECOUNT_DELAY_MS)
        self._timer.timeout.connect(self.update_page_count)
        for combo in (self.paper, self.orientation, self.language):
            combo.currentIndexChanged.connect(self._schedule_recount)
        for box in (self.tile, self.cover, self.appendix, self.pdfa):
            box.toggled.connect(self._schedule_recount)
        self.min_text.valueChanged.connect(self._schedule_recount)
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
        """The options to pass to ``write_dossier``. Every view ticked is the whole model
        (``views=None``), as on the command line: the appendices then list every concept
        and every problem, also those about concepts no view shows."""
        chosen = self.selected_view_ids()
        views = None if len(chosen) == self.views.count() else chosen
        return DossierOptions(
            paper=self.paper.currentData(),
            orientation=self.orientation.currentData(),
            tile=self.tile.isChecked(),
            lang=self.language.currentData(),
            views=views,
            cover=self.cover.isChecked(),
            appendix=self.appendix.isChecked(),
            min_text=self.min_text.value(),
            pdfa=self.pdfa.isChecked(),
            signature_fields=self.pdfa.isChecked(),
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

    def summary(self) -> DossierSummary | None:
        """Pages, smallest text and paper proposal of the current options."""
        return self._summary

    def use_fitting_paper(self) -> None:
        """Switch to the paper (and orientation) on which every view fits readably."""
        if self._summary is None or self._summary.fitting_paper is None:
            return
        paper, orientation = self._summary.fitting_paper
        self.paper.setCurrentIndex(self.paper.findData(paper))
        self.orientation.setCurrentIndex(self.orientation.findData(orientation))
        self.update_page_count()

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
        """Recount the pages now (or, for a large model, say they are counted when asked)
        and show the result; the Export button is enabled only when there is something to
        print."""
        self._timer.stop()
        if self._word:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
            return
        options = self.options()
        if _count_key(options) in self._counts or self._live:
            self._show_count(options, lambda: plan_dossier(self._model, options))
            return
        self._clear_summary()
        self._pages = self._summary = None
        self.page_count_label.setText(self.tr("Pages: not counted (a large model)"))
        self.count_button.setVisible(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def count_now(self) -> None:
        """"Count pages" (a large model): lay the dossier out beside the window, behind
        a progress window with Stop, then show the count as for a small model."""
        options = self.options()
        cancel = CancelToken()
        self._show_count(options, lambda: run_long(
            self, self.tr("Counting the pages…"),
            lambda: plan_dossier(self._model, options, cancel), cancel=cancel))

    def _clear_summary(self) -> None:
        self.smallest_text_label.clear()
        self.paper_hint_label.clear()
        self.use_paper_button.setVisible(False)
        self.count_button.setVisible(False)

    def _show_count(self, options: DossierOptions,
                    count: Callable[[], DossierSummary]) -> None:
        """Show the count of ``options``, made by ``count`` unless known already; a count
        that takes longer than :data:`LIVE_COUNT_SECONDS` ends counting as options
        change."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        key = _count_key(options)
        try:
            if key not in self._counts:
                started = time.process_time()
                self._counts[key] = count()
                if time.process_time() - started > LIVE_COUNT_SECONDS:
                    self._live = False  # the next change is counted when asked
        except Cancelled:
            return  # stopped: still not counted
        except ModelError as exc:
            self._clear_summary()
            self._pages = self._summary = None
            self.page_count_label.setText(str(exc))
            ok.setEnabled(False)
            return
        except Exception:
            log.exception("page count failed")
            self._clear_summary()
            self._pages = self._summary = None
            self.page_count_label.setText(self.tr("The page count could not be computed."))
            ok.setEnabled(True)
            return
        self._clear_summary()
        self._summary = self._counts[key]
        self._pages = self._summary.pages
        self.page_count_label.setText(self.tr("Pages: %n", "", self._pages))
        self._show_summary(self._summary)
        ok.setEnabled(True)

    def _show_summary(self, summary: DossierSummary) -> None:
        if summary.smallest_text is not None:
            self.smallest_text_label.setText(self.tr("Smallest text on diagram pages: {size} pt")
                                             .format(size=f"{summary.smallest_text:.1f}"))
        if summary.detailed_views:
            text = self.tr("{count} view(s) printed as an overview page and detail pages.")\
                .format(count=len(summary.detailed_views))
            if summary.fitting_paper is not None:
                paper, orientation = summary.fitting_paper
                turn = self.tr("landscape") if orientation == "landscape" \
                    else self.tr("portrait")
                text += " " + self.tr("On {paper} {orientation} every view fits one page.")\
                    .format(paper=paper, orientation=turn)
                self.use_paper_button.setVisible(True)
            self.paper_hint_label.setText(text)

    def accept(self) -> None:
        if self._apply_commands is not None:
            commands = self.commands()
            if commands:
                self._apply_commands(commands)
        super().accept()
