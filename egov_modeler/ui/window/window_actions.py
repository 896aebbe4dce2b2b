"""The main window's actions, menus and toolbar: which command each menu entry runs,
its shortcut and tooltip, and when it is enabled.

Part of :class:`~egov_modeler.ui.window.main_window.MainWindow` (a mixin): building the menus is
kept apart from what the commands do (see file_commands, exchange_commands,
edit_commands, view_tabs).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar, QToolButton

from ...model.errors import ModelError


class WindowActionsMixin:
    """Actions, menus, toolbar."""

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.template_actions = {}
        for name, label in (("national", self.tr("National overview (Khung 2.0)")),
                            ("provincial", self.tr("Provincial architecture")),
                            ("empty", self.tr("Empty model"))):
            self.template_actions[name] = self._action(
                label, lambda n=name: self.new_from_template(n), tip=_template_tip(name))
        self.template_actions["national"].setShortcut(QKeySequence(S.New))
        self.act_open = self._action(self.tr("&Open…"), self.open_dialog, S.Open)
        self.act_save = self._action(self.tr("&Save"), self.save, S.Save)
        self.act_save_as = self._action(self.tr("Save &As…"), self.save_as, S.SaveAs)
        self.act_import = self._action(self.tr("&Import ArchiMate exchange file…"),
                                       self.import_exchange)
        self.act_catalog = self._action(self.tr("Load component &catalog…"),
                                        lambda: self.load_catalog())
        self.act_export_oef = self._action(self.tr("ArchiMate exchange file (XML)…"),
                                           self.export_exchange)
        self.act_export_pdf = self._action(self.tr("PDF…"), self.export_pdf,
                                           QKeySequence("Ctrl+Shift+P"))
        self.act_print = self._action(self.tr("&Print…"), self.print_view, S.Print)
        self.act_export_png = self._action(self.tr("Current view as PNG…"),
                                           lambda: self.export_image("png"))
        self.act_export_svg = self._action(self.tr("Current view as SVG…"),
                                           lambda: self.export_image("svg"))
        self.act_quit = self._action(self.tr("&Quit"), self.close, S.Quit)

        self.act_undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts(QKeySequence.keyBindings(S.Undo))
        self.act_redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts(redo_keys())
        self.act_delete = self._action(self.tr("&Delete from view"), self.delete_selection,
                                       [QKeySequence(S.Delete), QKeySequence("Backspace")])
        self.act_delete_model = self._action(self.tr("Delete from &model…"),
                                             self.delete_from_model,
                                             QKeySequence("Ctrl+Delete"))
        self.act_rename = self._action(self.tr("&Rename…"), self.rename_selection,
                                       QKeySequence("F2"))
        self.act_select_all = self._action(self.tr("Select &all"), self.select_all,
                                           S.SelectAll)
        self.act_new_view = self._action(self.tr("&New view…"), self.new_view,
                                         QKeySequence("Ctrl+Shift+N"))
        self._build_clipboard_actions()

        # Ctrl+= too: "Ctrl++" needs Shift on most keyboards, and browsers and Office
        # zoom in on Ctrl+= (pressed without Shift, it did nothing here).
        self.act_zoom_in = self._action(self.tr("Zoom &in"), lambda: self._zoom(1.25),
                                        _with_keys(S.ZoomIn, "Ctrl+="))
        self.act_zoom_out = self._action(self.tr("Zoom &out"), lambda: self._zoom(0.8),
                                         S.ZoomOut)
        self.act_zoom_fit = self._action(self.tr("Zoom to &fit"), self._zoom_fit,
                                         QKeySequence("Ctrl+Shift+0"))
        self.act_zoom_100 = self._action(self.tr("Actual size (100%)"), self._zoom_100,
                                         QKeySequence("Ctrl+0"))

        group = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        for name, label, key, tip in (
            ("select", self.tr("Select"), "V",
             self.tr("Select, move and resize (V)")),
            ("connect", self.tr("Connect"), "C",
             self.tr("Draw a relationship: drag from one element to another, or click one "
                     "then the other (C)")),
        ):
            action = self._action(label, lambda n=name: self.set_tool(n), QKeySequence(key),
                                  tip)
            action.setCheckable(True)
            group.addAction(action)
            self.tool_actions[name] = action
        self.tool_actions["select"].setChecked(True)
        from ..icons import connect_tool_icon, select_tool_icon

        self.tool_actions["select"].setIcon(select_tool_icon())
        self.tool_actions["connect"].setIcon(connect_tool_icon())
        for action in (self.act_delete, self.act_delete_model, self.act_rename,
                       self.act_select_all, *self.tool_actions.values(),
                       *self.clipboard_actions()):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _build_clipboard_actions(self) -> None:
        """Cut/Copy/Paste/Paste as copy/Duplicate and the Arrange entries. The context
        menu has its own Paste entries: they paste where the menu was opened."""
        S = QKeySequence.StandardKey
        self.act_cut = self._action(self.tr("Cu&t"), self.cut_selection, S.Cut,
                                    self.tr("Copy the selection and remove it from this view"))
        self.act_copy = self._action(
            self.tr("&Copy"), self.copy_selection, S.Copy,
            self.tr("Copy the selected elements, with the lines among them"))
        self.act_paste = self._action(
            self.tr("&Paste"), lambda: self.paste(), S.Paste,
            self.tr("Show the copied elements on this view (the same elements, not copies)"))
        self.act_paste_copy = self._action(
            self.tr("Paste as cop&y"), lambda: self.paste(as_copy=True),
            QKeySequence("Ctrl+Shift+V"),
            self.tr("Paste new elements: copies of the copied ones, with their "
                    "relationships"))
        self.act_duplicate = self._action(
            self.tr("D&uplicate"), self.duplicate_selection, QKeySequence("Ctrl+D"),
            self.tr("New copies of the selected elements, beside them"))
        self.act_paste_here = self._action(
            self.tr("&Paste here"), lambda: self.paste_here(),
            tip=self.tr("Show the copied elements here (the same elements, not copies)"))
        self.act_paste_copy_here = self._action(
            self.tr("Paste as copy &here"), lambda: self.paste_here(as_copy=True),
            tip=self.tr("Paste new copies of the copied elements here"))
        from ..canvas.arrange import arrange_entries, arrange_icon

        self.arrange_actions: dict[str, QAction] = {}
        self._arrange_groups: list[list[str]] = []
        for group in arrange_entries():
            self._arrange_groups.append([entry.operation for entry in group])
            for entry in group:
                action = self._action(entry.label,
                                      lambda op=entry.operation: self.arrange(op),
                                      tip=entry.tip)
                action.setIcon(arrange_icon(entry.operation))
                self.arrange_actions[entry.operation] = action
        # Each canvas gets the context-menu entries when it becomes the current tab.
        self.tabs.currentChanged.connect(lambda _i: self._equip_canvas())
        self._clipboard_has_fragment = False
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)

    def clipboard_actions(self) -> list[QAction]:
        return [self.act_cut, self.act_copy, self.act_paste, self.act_paste_copy,
                self.act_duplicate, self.act_paste_here, self.act_paste_copy_here,
                *self.arrange_actions.values()]

    def _equip_canvas(self) -> None:
        """Give the current canvas (once) the clipboard and Arrange entries in its context
        menu, remember where that menu opens, and follow its selection."""
        from ..canvas.arrange import selection_order

        canvas = self.current_canvas()
        if canvas is not None and canvas.property("clipboard_equipped") is not True:
            canvas.setProperty("clipboard_equipped", True)
            first = canvas.actions()[0] if canvas.actions() else None
            for action in (self.act_cut, self.act_copy, self.act_paste_here,
                           self.act_paste_copy_here, self.act_duplicate):
                canvas.insertAction(first, action)
            canvas.insertAction(first, self.arrange_menu.menuAction())
            separator = QAction(canvas)
            separator.setSeparator(True)
            canvas.insertAction(first, separator)
            watcher = _ContextPointWatcher(canvas, self.act_paste_here,
                                           self.act_paste_copy_here)
            canvas.viewport().installEventFilter(watcher)
            selection_order(canvas.diagram())
            canvas.diagram().selectionChanged.connect(self._update_edit_actions)
        self._update_edit_actions()

    def _update_edit_actions(self) -> None:
        """Copy/Cut/Duplicate need a selected node, Paste a fragment on the clipboard,
        Arrange two selected nodes (distribute three)."""
        from ...model.arrange import minimum_selection
        from ..canvas.arrange import arrangeable_count

        try:
            canvas = self.current_canvas()
            scene = canvas.diagram() if canvas is not None else None
            selected = bool(scene.selected_node_ids()) if scene is not None else False
            for action in (self.act_cut, self.act_copy, self.act_duplicate):
                action.setEnabled(selected)
            can_paste = canvas is not None and self._clipboard_has_fragment
            for action in (self.act_paste, self.act_paste_copy, self.act_paste_here,
                           self.act_paste_copy_here):
                action.setEnabled(can_paste)
            count = arrangeable_count(scene) if scene is not None else 0
            for operation, action in self.arrange_actions.items():
                action.setEnabled(count >= minimum_selection(operation))
        except RuntimeError:  # the window is being destroyed
            return

    def _clipboard_changed(self) -> None:
        """Ask the clipboard what it holds only when it changes (on X11 each question is
        a round trip to the program that owns it)."""
        from ..canvas.clipboard import has_fragment

        self._clipboard_has_fragment = has_fragment()
        self._update_edit_actions()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        new_menu = file_menu.addMenu(self.tr("&New from template"))
        for action in self.template_actions.values():
            new_menu.addAction(action)
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(self.act_save)
        file_menu.addAction(self.act_save_as)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_catalog)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        export_menu.addAction(self.act_export_oef)
        export_menu.addAction(self.act_export_pdf)
        export_menu.addAction(self.act_export_png)
        export_menu.addAction(self.act_export_svg)
        file_menu.addAction(self.act_print)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_rename)
        edit_menu.addAction(self.act_delete)
        edit_menu.addAction(self.act_delete_model)
        edit_menu.addSeparator()
        for action in (self.act_cut, self.act_copy, self.act_paste, self.act_paste_copy,
                       self.act_duplicate):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_select_all)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_new_view)
        view_menu.addSeparator()
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit,
                       self.act_zoom_100):
            view_menu.addAction(action)
        view_menu.addSeparator()
        for dock in (self.palette, self.model_dock, self.properties, self.problems):
            view_menu.addAction(dock.toggleViewAction())

        self.arrange_menu = bar.addMenu(self.tr("&Arrange"))
        self.arrange_menu.setObjectName("arrange_menu")
        self.arrange_menu.setToolTipsVisible(True)
        for i, group in enumerate(self._arrange_groups):
            if i:
                self.arrange_menu.addSeparator()
            for operation in group:
                self.arrange_menu.addAction(self.arrange_actions[operation])

        tools_menu = bar.addMenu(self.tr("&Tools"))
        for action in self.tool_actions.values():
            tools_menu.addAction(action)

    def _build_toolbar(self) -> None:
        """Short labels with icons; the Edit menu's Undo/Redo say what they will undo, the
        toolbar's say it in their tooltip (long names would stretch the bar)."""
        style = self.style()
        SP = QStyle.StandardPixmap
        self.act_open.setIcon(style.standardIcon(SP.SP_DialogOpenButton))
        self.act_save.setIcon(style.standardIcon(SP.SP_DialogSaveButton))
        self.tool_undo = self._action(self.tr("Undo"), self.undo_stack.undo)
        self.tool_undo.setIcon(style.standardIcon(SP.SP_ArrowBack))
        self.tool_redo = self._action(self.tr("Redo"), self.undo_stack.redo)
        self.tool_redo.setIcon(style.standardIcon(SP.SP_ArrowForward))
        self.undo_stack.canUndoChanged.connect(self.tool_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.tool_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._undo_texts_changed)
        self.undo_stack.redoTextChanged.connect(self._undo_texts_changed)
        self.tool_undo.setEnabled(False)
        self.tool_redo.setEnabled(False)
        bar = QToolBar(self.tr("Tools"), self)
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        for action in (self.act_open, self.act_save):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.tool_undo)
        bar.addAction(self.tool_redo)
        bar.addSeparator()
        for action in self.tool_actions.values():
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.act_zoom_fit)
        bar.addAction(self.act_zoom_100)
        bar.addSeparator()
        # The Arrange menu behind one button: eleven buttons would crowd out the rest on
        # a laptop screen. (The menu's own action keeps no icon: the menu bar would show
        # the icon instead of the name.)
        button = QToolButton(bar)
        button.setObjectName("arrange_button")
        button.setMenu(self.arrange_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIcon(self.arrange_actions["align_left"].icon())
        button.setText(self.arrange_menu.title().replace("&", ""))
        button.setToolTip(self.tr("Align, distribute, same size (two or more selected)"))
        bar.addWidget(button)
        self.addToolBar(bar)
        self._clipboard_changed()

    def _undo_texts_changed(self, _text: str = "") -> None:
        """The toolbar's short Undo/Redo buttons tell what they will do in a tooltip."""
        try:
            self.tool_undo.setToolTip(self.act_undo.text())
            self.tool_redo.setToolTip(self.act_redo.text())
        except RuntimeError:  # the window is being destroyed
            pass

    def _update_actions(self) -> None:
        has_view = self.current_canvas() is not None
        for action in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_fit,
                       self.act_zoom_100, self.act_export_png, self.act_export_svg):
            action.setEnabled(has_view)
        self._update_edit_actions()


class _ContextPointWatcher(QObject):
    """Notes, in the context menu's Paste entries, the scene point where the menu was
    opened: a paste from the menu lands under the mouse, as in Archi and Visio."""

    def __init__(self, canvas, *actions: QAction) -> None:
        super().__init__(canvas)
        self._canvas = canvas
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ContextMenu:
            point = QPointF(self._canvas.mapToScene(event.pos()))
            for action in self._actions:
                action.setData(point)
        return False


def _with_keys(standard: QKeySequence.StandardKey, *extra: str) -> list[QKeySequence]:
    """The platform's keys for ``standard`` followed by ``extra`` ones it lacks."""
    keys = list(QKeySequence.keyBindings(standard))
    for text in extra:
        key = QKeySequence(text)
        if key not in keys:
            keys.append(key)
    return keys


def redo_keys(platform: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The platform's Redo keys (``platform``, default Qt's) plus Ctrl+Y and Ctrl+Shift+Z:
    on X11 Qt's standard is only Ctrl+Shift+Z, but architects coming from Word, Visio or
    Archi on Windows press Ctrl+Y."""
    if platform is None:
        platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys = list(platform)
    for extra in (QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")):
        if extra not in keys:
            keys.append(extra)
    return keys


def _template_tip(name: str) -> str:
    try:
        from ...storage.templates import template_description

        return template_description(name)
    except (ImportError, ModelError):
        return ""
