"""Edit > Find (Ctrl+F), Find next (F3) and Replace (Ctrl+H) over the whole model.

The :class:`~egov_modeler.ui.docks.find_dock.FindDock` lists the matches; this controller
shows a picked match where it is (selected on the diagram and in the model tree, or in
Properties when the open diagram does not show it; Enter or a double-click opens a view
that shows it), and replaces the chosen matches, or all of them, as one undo step
(:func:`egov_modeler.model.find.replace_command`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ...model.find import ELEMENT, RELATIONSHIP, VIEW, Match, replace_command
from ..docks.find_dock import FindDock
from ..document import Document
from .actions import make_action, with_keys
from .tree_controller import TreeController
from .view_controller import ViewController

#: Re-search this long after an edit, while the dock is open.
REFRESH_DELAY_MS = 200


class FindController(QObject):
    """Find and replace: the dock, its menu entries and what a match leads to."""

    def __init__(self, document: Document, views: ViewController, tree: TreeController,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.views = views
        self.tree = tree
        self.show_status = show_status
        self.dock = FindDock(parent)
        # Tabbed with Problems by the window, visible from the start: a dock hidden before
        # it is tabified leaves Qt with a stray tab bar painted over the diagram.
        S = QKeySequence.StandardKey
        self.act_find = make_action(
            self, self.tr("&Find…"), self.open_find, with_keys(S.Find, "Ctrl+F"),
            self.tr("Find in the names, documentation and properties of the whole model"))
        self.act_find_next = make_action(self, self.tr("Find &next"), self.find_next,
                                         with_keys(S.FindNext, "F3"))
        self.act_replace = make_action(
            self, self.tr("&Replace…"), self.open_replace, with_keys(S.Replace, "Ctrl+H"),
            self.tr("Replace a text everywhere in the model, as one undo step"))
        for action in (self.act_find, self.act_find_next, self.act_replace):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self._search_again)
        document.replaced.connect(self._document_replaced)
        document.undo_stack.indexChanged.connect(self._edited)
        self.dock.matchSelected.connect(self.point_at)
        self.dock.matchActivated.connect(self.go_to)
        self.dock.replaceRequested.connect(self.replace)
        self._document_replaced()

    def fill_edit_menu(self, menu: QMenu) -> None:
        menu.addAction(self.act_find)
        menu.addAction(self.act_find_next)
        menu.addAction(self.act_replace)

    # ================================================================ opening
    def _document_replaced(self) -> None:
        self.dock.set_model(self.document.model)

    def _edited(self, _index: int) -> None:
        """After an edit, undo or redo the list follows (names changed, matches gone)."""
        if self.dock.isVisible() and self.dock.find_text.text().strip():
            self._refresh.start()

    def _search_again(self) -> None:
        self.dock.refresh_filters()
        self.dock.search()

    def _open(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.dock.refresh_filters()

    def open_find(self) -> None:
        """Ctrl+F: the dock, with the find box focused and its text selected."""
        self._open()
        self.dock.find_text.setFocus()
        self.dock.find_text.selectAll()

    def open_replace(self) -> None:
        """Ctrl+H: the dock, with the replace box focused."""
        self._open()
        self.dock.replace_text.setFocus()
        self.dock.replace_text.selectAll()

    def find_next(self) -> Match | None:
        """F3: the next match, shown where it is."""
        if not self.dock.isVisible():
            self.open_find()
        return self.dock.next_match()

    # ================================================================ pointing at matches
    def point_at(self, match: Match | None) -> None:
        """A picked match: selected on the diagram and in the tree; in Properties when the
        open diagram does not show it."""
        if match is None or not self._exists(match):
            return
        if match.kind in (ELEMENT, RELATIONSHIP):
            self.views.reveal_concept(match.owner_id)
        self.tree.dock.select_concepts([match.owner_id])
        canvas = self.views.current_canvas()
        if canvas is None or not canvas.diagram().selectedItems():
            self.tree.show_properties(match.kind, match.owner_id, raise_dock=False)

    def go_to(self, match: Match) -> None:
        """Enter or a double-click on a match: a view that shows it, opened."""
        if not self._exists(match):
            return
        if match.kind == VIEW:
            self.views.open_view(match.owner_id)
        else:
            self.tree.show_concept(match.owner_id)

    def _exists(self, match: Match) -> bool:
        model = self.document.model
        return {ELEMENT: model.has_element, RELATIONSHIP: model.has_relationship,
                VIEW: model.has_view}[match.kind](match.owner_id)

    # ================================================================ replacing
    def replace(self, matches: list[Match]) -> bool:
        """Replace these matches with the replace box's text: one undo step."""
        old = self.dock.find_text.text().strip()
        new = self.dock.replace_text.text()
        label = self.tr("Replace ‘{old}’ with ‘{new}’").format(old=old, new=new)
        command = replace_command(self.document.model, matches, new, label)
        if command is None:
            self.show_status(self.tr("Nothing replaced: the text changed since the search"))
            self.dock.search()
            return False
        if not self.document.editor.run(command):
            return False
        objects = len({(m.kind, m.owner_id) for m in matches})
        self.show_status(self.tr("Replaced {count} occurrence(s) in {objects} object(s); "
                                 "Ctrl+Z undoes it").format(count=len(matches),
                                                            objects=objects))
        self._refresh.stop()
        self._search_again()
        return True
