"""The main window: palette and model tree on the left, one diagram tab per open view in
the middle, properties on the right, problems under the diagram, menus, toolbar and a
status bar that explains refusals.

The window only assembles: the :class:`~egov_modeler.ui.document.Document` owns the open
model, its undo stack, its file and its journal; one controller per menu defines its
actions beside their handlers (:mod:`.file_controller`, :mod:`.export_controller`,
:mod:`.edit_controller`, :mod:`.view_controller`), each given what it needs in its
constructor. The window builds the docks and controllers, lays out the menus and toolbar
from their actions, and re-validates shortly after each edit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle, QToolBar, QToolButton, QWidget

from ...i18n import current_language
from ...model.accepted import Acceptance, acceptances, split_accepted
from ...model.framework_rules import ensure_framework_rules
from ...model.incremental_validation import IncrementalValidator
from ...model.model import Model
from ...model.problems import Problem, Severity
from ..after_paint import after_first_paint
from ..canvas.view import DiagramView
from ..dialogs.file_actions import Dialogs, RecentFiles
from ..docks.model_dock import ModelDock
from ..docks.palette_dock import PaletteDock
from ..docks.problems_dock import ProblemsDock
from ..docks.properties_dock import PropertiesDock
from ..document import Document
from .actions import make_action
from .app_controller import AppController
from .dock_shortcuts import DockShortcut
from .edit_controller import EditController
from .export_controller import EXCHANGE_FILTER, ExportController
from .file_controller import NATIVE_FILTER, FileController
from .find_controller import FindController
from .format_controller import FormatController
from .inventory_controller import InventoryController
from .large_view_controller import LargeViewController
from .problems_controller import ProblemsController
from .profile_controller import ProfileController
from .repository_controller import RepositoryController
from .toolbar_tips import name_shortcuts
from .tree_controller import TreeController
from .view_controller import ViewController

log = logging.getLogger(__name__)

VALIDATE_DELAY_MS = 300
STATUS_TIMEOUT_MS = 10000
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


class MainWindow(QMainWindow):
    """The editor window. See :func:`egov_modeler.ui.open_window`.

    ``dialogs`` answers the questions the window asks (tests give answers in advance);
    ``settings`` keeps recent files and the window layout.
    """

    def __init__(self, settings: QSettings | None = None, dialogs: Dialogs | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        ensure_framework_rules()  # drawing-time checks include the framework's error rules
        self.settings = settings or QSettings()
        self.dialogs = dialogs or Dialogs(self)
        self.document = Document(current_language(), self)
        self.document.after_shown = self._after_shown
        self._problems_by_id: dict[str, str] = {}
        #: Problems that come from an action, not from the rules (a migration's decisions):
        #: shown with the validation's until another model is shown.
        self._extra_problems: list[Problem] = []
        #: The open model's problems, re-checked edit by edit (issue 19: a full validation
        #: after each edit froze the window on national-scale models).
        self._validator: IncrementalValidator | None = None
        #: What the Problems dock and the items show now, with the accepted warnings (not
        #: shown again when the same).
        self._shown_problems: tuple[list[Problem], dict[str, Acceptance]] | None = None
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)

        self.palette_dock = PaletteDock(self)
        self.model_dock = ModelDock(self)
        self.properties = PropertiesDock(self)
        self.problems = ProblemsDock(self)
        self._default_dock_layout()

        self.views = ViewController(self.document, self.dialogs, self.properties,
                                    self.show_status, self)
        self.files = FileController(self.document, self.dialogs, RecentFiles(self.settings),
                                    self.show_status, self)
        self.exports = ExportController(self.document, self.files, self.views, self.dialogs,
                                        self.show_status, self)
        self.edits = EditController(self.document, self.views, self.dialogs,
                                    self.show_status, self)
        self.tree = TreeController(self.document, self.views, self.model_dock,
                                   self.properties, self.dialogs, self.show_status, self)
        self.finds = FindController(self.document, self.views, self.tree, self.show_status,
                                    self)
        self.problem_filters = ProblemsController(self.document, self.views, self.problems,
                                                  self.dialogs, self.validate_now,
                                                  self.show_status, self)
        self.large_views = LargeViewController(self.document, self.views, self.show_status,
                                               self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.large_views.navigator)
        self.profiles = ProfileController(self.document, self.files, self.dialogs,
                                          self.palette_dock, self.show_status,
                                          self.show_extra_problems, self)
        self.repository = RepositoryController(self.document, self.files, self.views,
                                               self.dialogs, self.show_status, self)
        self.app = AppController(self.settings, self.dialogs, self.show_status, self)
        self.formats = FormatController(self.document, self.views, self.edits,
                                        self.properties, self.dialogs, self.settings,
                                        self.show_status, self)
        self.inventory = InventoryController(self.document, self.views, self.model_dock,
                                             self.dialogs, self.show_status, self)
        self.setCentralWidget(self.views.tabs)
        self.statusBar().addPermanentWidget(self.profiles.label)
        self.statusBar().addPermanentWidget(self.views.zoom_label)
        self._tabify_docks()
        self.dock_keys = [DockShortcut(self.problems, "Ctrl+Shift+E"),
                          DockShortcut(self.inventory.dock, "Ctrl+Shift+K")]
        self._connect()
        self._build_menus()
        self._build_toolbar()
        self.resize(1400, 900)
        self._size_docks()
        self._restore_window_state()
        self._document_replaced()  # the untitled placeholder until a model is opened
        self._update_title()

    def _connect(self) -> None:
        document, views = self.document, self.views
        document.replaced.connect(self._document_replaced)
        document.titleChanged.connect(self._update_title)
        document.journal_keeper.failed.connect(self.show_status)
        document.undo_stack.indexChanged.connect(self._edited)
        self.palette_dock.componentActivated.connect(views.arm_place)
        self.model_dock.viewActivated.connect(views.open_view)
        self.problems.problemActivated.connect(views.reveal)
        self.exports.catalogLoaded.connect(self.palette_dock.reload)

    # ================================================================ automation API
    def current_model(self) -> Model:
        """The model shown in the window."""
        return self.document.model

    def current_canvas(self) -> DiagramView | None:
        return self.views.current_canvas()

    def current_view_id(self) -> str | None:
        return self.views.current_view_id()

    def canvases(self) -> list[DiagramView]:
        return self.views.canvases()

    # ================================================================ menus and toolbar
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.files.fill_file_menu(file_menu)
        file_menu.addSeparator()
        self.exports.fill_file_menu(file_menu)
        file_menu.addAction(self.profiles.act_load_profile)
        file_menu.addSeparator()
        self.act_quit = make_action(self, self.tr("&Quit"), self.close,
                                    QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.act_quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edits.fill_edit_menu(edit_menu)
        edit_menu.addSeparator()
        self.finds.fill_edit_menu(edit_menu)
        edit_menu.addSeparator()
        self.large_views.fill_edit_menu(edit_menu)
        edit_menu.addSeparator()
        edit_menu.addAction(self.app.act_preferences)

        view_menu = bar.addMenu(self.tr("&View"))
        self.views.fill_view_menu(view_menu)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.model_dock, self.properties, self.problems,
                     self.finds.dock, self.large_views.navigator):
            view_menu.addAction(dock.toggleViewAction())

        bar.addMenu(self.edits.arrange_menu)
        self.formats.fill_format_menu(bar.addMenu(self.tr("F&ormat")))
        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.views.fill_tools_menu(tools_menu)
        tools_menu.addSeparator()
        self.profiles.fill_tools_menu(tools_menu)
        self.inventory.fill_menu(bar.addMenu(self.tr("&Inventory")))
        self.repository.fill_menu(bar.addMenu(self.tr("&Repository")))
        self.app.fill_help_menu(bar.addMenu(self.tr("&Help")))

    def _build_toolbar(self) -> None:
        """Short labels with icons, the Arrange menu behind one button."""
        style = self.style()
        SP = QStyle.StandardPixmap
        files = self.files
        files.act_open.setIcon(style.standardIcon(SP.SP_DialogOpenButton))
        files.act_save.setIcon(style.standardIcon(SP.SP_DialogSaveButton))
        bar = QToolBar(self.tr("Tools"), self)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addAction(files.act_open)
        bar.addAction(files.act_save)
        bar.addSeparator()
        for action in self.edits.toolbar_undo_actions(style):
            bar.addAction(action)
        bar.addSeparator()
        for action in self.views.tool_actions.values():
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.views.act_zoom_fit)
        bar.addAction(self.views.act_zoom_100)
        bar.addSeparator()
        # The Arrange menu behind one button: eleven buttons would crowd out the rest on
        # a laptop screen. (The menu's own action keeps no icon: the menu bar would show
        # the icon instead of the name.)
        arrange_menu = self.edits.arrange_menu
        button = QToolButton(bar)
        button.setObjectName("arrange_button")
        button.setMenu(arrange_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIcon(self.edits.arrange_actions["align_left"].icon())
        button.setText(arrange_menu.title().replace("&", ""))
        button.setToolTip(self.tr("Align, distribute, same size (two or more selected)"))
        bar.addWidget(button)
        name_shortcuts(bar)
        self.addToolBar(bar)
        self.addToolBar(self.formats.toolbar)

    # ================================================================ docks
    def _default_dock_layout(self) -> None:
        """Palette above the model tree on the left (where things are dragged from), the
        Properties dock on the right at full height (what is selected, with its names and
        documentation in both dossier languages), Problems under the diagram only.

        Why the corners go to the side columns: otherwise the Problems dock spans the whole
        width and steals the bottom of both columns."""
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.model_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.properties)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)

    def _tabify_docks(self) -> None:
        """Find and the inventory tables share the bottom with Problems (tabs); the
        Repository dock sits under Properties, hidden until the Repository menu shows it.
        Only the bottom area is tabified: Qt 6.11 leaves a stray tab bar painted over the
        diagram when a second area is tabified (seen offscreen and on X11)."""
        for dock in (self.finds.dock, self.inventory.dock):
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self.tabifyDockWidget(self.problems, dock)
        self.problems.raise_()
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.repository.dock)
        self.repository.dock.hide()

    def _size_docks(self) -> None:
        """The default sizes, once every controller has added its docks (a dock added
        later takes its room from the columns sized before it)."""
        self.resizeDocks([self.palette_dock, self.model_dock], [1, 1], Qt.Orientation.Vertical)
        self.resizeDocks([self.palette_dock, self.properties], [LEFT_DOCK_WIDTH, PROPERTIES_WIDTH],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems], [PROBLEMS_HEIGHT], Qt.Orientation.Vertical)

    # ================================================================ the document
    def _document_replaced(self) -> None:
        """A new model: the editor's questions and messages come here, the model tree
        shows it, the actions and the Problems dock follow."""
        self._extra_problems = []
        if self._validator is not None:
            self._validator.close()
        judged, self.document.judged = self.document.judged, None
        self._validator = (judged if judged is not None
                           else IncrementalValidator(self.document.model))
        self._shown_problems = None
        editor = self.document.editor
        editor.status.connect(self.show_status)
        editor.renameRequested.connect(self.edits.rename_selection)
        editor.choose_relationship = self.edits.choose_relationship
        self.model_dock.show_model(self.document.model)
        self.views.update_actions()
        self.exports.update_actions()
        self.edits.update_actions()
        # After the first paint: judging a national model takes longer than showing it.
        self.document.after_shown(self.validate_now)

    def _after_shown(self, work: Callable[[], object]) -> None:
        """Run ``work`` after the diagram of the model just shown is first painted."""
        canvas = self.views.current_canvas()
        after_first_paint(canvas.viewport() if canvas is not None else None, work, self)

    def _edited(self, _index: int) -> None:
        """After each undo step: Properties shows the new values, validation follows."""
        self.properties.refresh()
        self._validate_timer.start()

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{name}[*] — egov-modeler").format(
            name=self.document.name()))
        self.setWindowModified(self.document.is_modified())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save():
            if self._validator is not None:
                self._validator.close()
            self.document.close()
            self.views.detach_all()
            self.model_dock.detach()
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState(DOCK_STATE_VERSION))
            event.accept()
        else:
            event.ignore()

    def _restore_window_state(self) -> None:
        """Size, position and dock layout as the user left them; a dock layout saved by
        another version (see :data:`DOCK_STATE_VERSION`) is ignored: the default stays."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        try:
            if geometry is not None:
                self.restoreGeometry(geometry)
            if state is not None and not self.restoreState(state, DOCK_STATE_VERSION):
                log.info("dock layout saved by another version ignored; default layout used")
        except TypeError:  # a settings file from elsewhere: keep the defaults
            log.debug("window state not restored", exc_info=True)

    # ================================================================ validation
    def validate_now(self) -> None:
        """Show the model's problems (what the edits since the last time touched is judged
        again) in the Problems dock and on the items."""
        if self._validator is None or self._validator.model is not self.document.model:
            self._validator = IncrementalValidator(self.document.model)
        try:
            problems = self._validator.problems() + self._extra_problems
        except Exception:  # validation must never take the editor down
            log.exception("validation failed")
            self._validator.close()
            self._validator = None  # judged anew next time
            return
        shown = (problems, acceptances(self.document.model))
        if shown == self._shown_problems:
            return  # an edit that changed no finding (most moves) leaves the panel be
        self._shown_problems = shown
        self.problems.show_problems(problems, self.document.model)
        marks: dict[str, str] = {}
        for problem in split_accepted(self.document.model, problems)[0]:  # accepted: no mark
            mark = "error" if problem.severity == Severity.ERROR else "warning"
            for item_id in problem.ids:
                if marks.get(item_id) != "error":
                    marks[item_id] = mark
        self._problems_by_id = marks
        self.views.set_problems(marks)

    def show_extra_problems(self, problems: list[Problem]) -> None:
        """Show ``problems`` in the Problems panel beside the rules' own."""
        self._extra_problems = list(problems)
        self.validate_now()

    def show_status(self, message: str, timeout: int = STATUS_TIMEOUT_MS) -> None:
        self.statusBar().showMessage(message, timeout)


def application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
