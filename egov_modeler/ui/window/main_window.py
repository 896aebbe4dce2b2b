"""The main window: palette and model tree on the left, one diagram tab per open view in
the middle, properties on the right, problems under the diagram, menus, toolbar and a
status bar that explains refusals.

The window owns the open :class:`~egov_modeler.model.model.Model`, its ``QUndoStack`` and
the file it came from. Replacing the model (New, Open, Import) happens only once the new
model has been read completely, so a broken file leaves the open model as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTabWidget, QWidget

from ...i18n import current_language
from ...model.model import Model
from ...model.problems import Severity
from ..canvas.view import DiagramView
from ..dialogs.file_actions import Dialogs, RecentFiles
from ..docks.model_dock import ModelDock
from ..docks.palette_dock import PaletteDock
from ..docks.problems_dock import ProblemsDock
from ..docks.properties_dock import PropertiesDock
from ..editor import Editor
from ..recovery import JournalKeeper
from .edit_commands import EditCommandsMixin
from .exchange_commands import EXCHANGE_FILTER, ExchangeCommandsMixin
from .file_commands import NATIVE_FILTER, FileCommandsMixin
from .view_tabs import ViewTabsMixin
from .window_actions import WindowActionsMixin

log = logging.getLogger(__name__)

VALIDATE_DELAY_MS = 300
#: Version of the dock layout kept in the settings (``saveState``/``restoreState``). Raise
#: it when the default layout changes for the better, so a layout saved by an older version
#: (e.g. version 0: Properties squeezed under the palette and the model tree, ~170 px tall)
#: is dropped once and the new default applies; the user's own arrangement saved by this
#: version is restored as it was.
DOCK_STATE_VERSION = 2
#: Default widths (px) of the left column (palette, model tree) and of the Properties dock,
#: and the height of the Problems dock: the Properties form (type, names and documentation
#: in two languages, origin, property table) fits without scrolling on a 1000 px screen.
LEFT_DOCK_WIDTH = 290
PROPERTIES_WIDTH = 330
PROBLEMS_HEIGHT = 100

__all__ = ["EXCHANGE_FILTER", "NATIVE_FILTER", "MainWindow"]


class MainWindow(FileCommandsMixin, ExchangeCommandsMixin, EditCommandsMixin, ViewTabsMixin,
                 WindowActionsMixin, QMainWindow):
    """The editor window. See :func:`egov_modeler.ui.open_window`.

    This module holds what the window *is* (its docks, its model and undo stack, the
    automation API, validation); what its menus *do* lives in the mixins: file_commands,
    exchange_commands, edit_commands, view_tabs, window_actions.
    """

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.language = current_language()
        _ensure_framework_rules()
        self.dialogs = Dialogs(self)
        self.recent = RecentFiles(settings)
        self.undo_stack = QUndoStack(self)
        self.journal_keeper = JournalKeeper(self.undo_stack, self)  # crash recovery
        self.model: Model = Model(self.tr("Untitled"))
        self.path: str | None = None
        self.editor = self._make_editor()
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._unsubscribe: Callable[[], None] | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("view_tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.palette = PaletteDock(self)
        self.palette.componentActivated.connect(self._arm_place)
        self.model_dock = ModelDock(self)
        self.model_dock.viewActivated.connect(self.open_view)
        self.model_dock.deleteRequested.connect(self.delete_view)
        self.model_dock.conceptSelected.connect(self.reveal_concept)
        self.properties = PropertiesDock(self)
        self.problems = ProblemsDock(self)
        self.problems.problemActivated.connect(self.reveal)
        self._default_dock_layout()
        self.tabs.currentChanged.connect(self._show_model_without_tabs)

        self.zoom_label = QLabel("100%", self)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(lambda _i: self._validate_timer.start())
        self.undo_stack.indexChanged.connect(lambda _i: self._update_actions())
        self.undo_stack.indexChanged.connect(lambda _i: self.properties.refresh())
        self.journal_keeper.failed.connect(self.show_status)
        self.resize(1400, 900)
        self._restore_window_state()
        self._update_title()

    # ================================================================ automation API
    def current_model(self) -> Model:
        """The model shown in the window."""
        return self.model

    def current_canvas(self) -> DiagramView | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, DiagramView) else None

    def current_view_id(self) -> str | None:
        canvas = self.current_canvas()
        return canvas.view_id if canvas else None

    def canvases(self) -> list[DiagramView]:
        return [w for i in range(self.tabs.count())
                if isinstance(w := self.tabs.widget(i), DiagramView)]

    # ================================================================ docks
    def _default_dock_layout(self) -> None:
        """Palette above the model tree on the left (where things are dragged from), the
        Properties dock on the right at full height (what is selected, with its names and
        documentation in both dossier languages), Problems under the diagram only.

        Why the corners go to the side columns: otherwise the Problems dock spans the whole
        width and steals the bottom of both columns."""
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.model_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.resizeDocks([self.palette, self.model_dock], [1, 1], Qt.Orientation.Vertical)
        self.resizeDocks([self.palette, self.properties], [LEFT_DOCK_WIDTH, PROPERTIES_WIDTH],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    def _show_model_without_tabs(self, _index: int) -> None:
        """No diagram open (a model without views, or the last tab closed): Properties
        shows the model's own fields (name, documentation, dossier properties) instead of
        staying on what the closed diagram had selected."""
        if self.tabs.count() == 0:
            self.properties.show_selection(self.editor, None, [], [])

    # ================================================================ model lifecycle
    def _make_editor(self) -> Editor:
        editor = Editor(self.model, self.undo_stack, self.language, self)
        editor.status.connect(self.show_status)
        editor.renameRequested.connect(self.rename_selection)
        editor.choose_relationship = self._choose_relationship
        return editor

    def set_model(self, model: Model, path: str | None) -> None:
        """Show ``model`` (read completely beforehand); the undo history starts afresh."""
        self.journal_keeper.stop()  # the old document is dropped (saved or discarded)
        while self.tabs.count():
            self._close_tab(0)
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.undo_stack.clear()
        self.model = model
        self.path = path
        self.editor.deleteLater()
        self.editor = self._make_editor()
        self._unsubscribe = model.subscribe(self._on_model_event)
        self.model_dock.show_model(model)
        if model.views:
            self.open_view(model.views[0].id)
        else:  # no tab will say what to show: the model itself
            self.properties.show_selection(self.editor, None, [], [])
        self.undo_stack.setClean()
        self.journal_keeper.start(model, path)
        self._update_title()
        self._update_actions()
        self.validate_now()

    def _on_model_event(self, event) -> None:
        from ...model import events as ev

        if isinstance(event, ev.ViewChanged):  # the model tree follows the model itself
            for i, canvas in enumerate(self.canvases()):
                if canvas.view_id == event.view_id:
                    self.tabs.setTabText(i, self.model.view(event.view_id).name)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            self.journal_keeper.stop()  # a clean close: nothing to recover
            for canvas in self.canvases():
                canvas.diagram().detach()
            self.model_dock.detach()
            settings = self.recent.settings
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState(DOCK_STATE_VERSION))
            event.accept()
        else:
            event.ignore()

    def _restore_window_state(self) -> None:
        """Size, position and dock layout as the user left them; a dock layout saved by
        another version (see :data:`DOCK_STATE_VERSION`) is ignored: the default stays."""
        settings = self.recent.settings
        geometry = settings.value("window/geometry")
        state = settings.value("window/state")
        try:
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None and not self.restoreState(state, DOCK_STATE_VERSION):
                log.info("dock layout saved by another version ignored; default layout used")
        except TypeError:  # a settings file from elsewhere: keep the defaults
            log.debug("window state not restored", exc_info=True)

    def _update_title(self, *_args) -> None:
        self.setWindowTitle(self.tr("{name}[*] — egov-modeler").format(
            name=self.document_name()))
        self.setWindowModified(not self.undo_stack.isClean())

    # ================================================================ validation
    def validate_now(self) -> None:
        """Run validation and show the findings in the Problems dock and on the items."""
        from ...model.validation import validate_model as validate

        try:
            problems = validate(self.model)
        except Exception:
            log.exception("validation failed")
            return
        self.problems.show_problems(problems)
        self._problems_by_id: dict[str, str] = {}
        for problem in problems:
            mark = "error" if problem.severity == Severity.ERROR else "warning"
            for item_id in problem.ids:
                if self._problems_by_id.get(item_id) != "error":
                    self._problems_by_id[item_id] = mark
        for canvas in self.canvases():
            self._apply_problems(canvas)

    def _apply_problems(self, canvas: DiagramView) -> None:
        canvas.diagram().set_problems(getattr(self, "_problems_by_id", {}))

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)


def _ensure_framework_rules() -> None:
    """Drawing-time checks include the framework's error rules, not only ArchiMate's."""
    try:
        from ...model.framework_rules import ensure_framework_rules
    except ImportError:
        log.warning("framework rules not available; only ArchiMate rules are checked")
        return
    ensure_framework_rules()


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
