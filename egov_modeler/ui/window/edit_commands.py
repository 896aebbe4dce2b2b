"""Edit commands of the main window: new and deleted views, the two deletes (from the
view, from the model), rename, select all, cut/copy/paste/duplicate, the Arrange menu's
align/distribute/same size, and the relationship-type menu.

Every edit runs as model commands through the window's editor, so it is one undo step.
Part of :class:`~egov_modeler.ui.window.main_window.MainWindow` (a mixin).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QMenu

from ...model.commands import (
    Command,
    CompoundCommand,
    DeleteElementCommand,
    RemoveConnectionCommand,
    RemoveNodeCommand,
    UnrelateCommand,
)
from ...model.metamodel import RELATIONSHIP_TYPES


class EditCommandsMixin:
    """Edit menu and View > New view."""

    def new_view(self) -> str | None:
        """View > New view: an empty diagram, opened in a tab (one undo step)."""
        from ...model.commands import CreateViewCommand
        from ...model.ids import new_id
        from ...model.views import View

        name = self.dialogs.ask_text(self.tr("New view"), self.tr("Name:"),
                                     self.tr("New view"))
        if not name:
            return None
        view = View(new_id(), name=name)
        if not self.editor.run(CreateViewCommand(view)):
            return None
        self.open_view(view.id)
        return view.id

    def delete_view(self, view_id: str) -> bool:
        """Delete a view (its elements stay in the model), after confirmation."""
        from ...model.commands import DeleteViewCommand

        if not self.model.has_view(view_id):
            return False
        name = self.model.view(view_id).name
        if not self.dialogs.confirm(
                self.tr("Delete view"),
                self.tr("Delete the view ‘{name}’?").format(name=name),
                self.tr("The elements and relationships stay in the model.")):
            return False
        return self.editor.run(DeleteViewCommand(view_id))

    def delete_selection(self) -> bool:
        """Delete removes the selected nodes and lines from this view only."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
        commands = self._removal_commands(canvas)
        if not commands:
            return False
        return self.editor.run_many(self.tr("Delete from view"), commands)

    def _removal_commands(self, canvas) -> list[Command]:
        """Remove the selected lines and the selected nodes not nested in another selected
        node (removing the parent removes them)."""
        scene = canvas.diagram()
        view = scene.view()
        node_ids = set(scene.selected_node_ids())
        commands: list[Command] = [
            RemoveConnectionCommand(view.id, c) for c in scene.selected_connection_ids()]
        for node_id in node_ids:
            parent = view.nodes[node_id].parent
            nested = False
            while parent is not None and parent in view.nodes:
                if parent in node_ids:
                    nested = True
                    break
                parent = view.nodes[parent].parent
            if not nested:
                commands.append(RemoveNodeCommand(view.id, node_id))
        return commands

    def delete_from_model(self) -> bool:
        """Ctrl+Del: remove the selected elements (and relationships) everywhere, after
        saying which other views show them."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
        scene = canvas.diagram()
        view = scene.view()
        element_ids: list[str] = []
        for node_id in scene.selected_node_ids():
            element_id = view.nodes[node_id].element_id
            if element_id and element_id not in element_ids:
                element_ids.append(element_id)
        relationship_ids = [
            rid for c in scene.selected_connection_ids()
            if (rid := view.connections[c].relationship_id)]
        if not element_ids and not relationship_ids:
            return False
        names = [self.model.element(e).name for e in element_ids]
        others = sorted({v.name for e in element_ids for v in self.model.views_showing(e)
                         if v.id != view.id})
        text = self.tr("Delete {count} element(s) from the model: {names}?").format(
            count=len(element_ids) + len(relationship_ids), names=", ".join(names))
        details = (self.tr("They are also shown in these views: {views}.").format(
            views=", ".join(others)) if others else self.tr(
            "No other view shows them."))
        going = {r.id for e in element_ids for r in self.model.relationships_of(e)}
        going -= set(relationship_ids)
        if going:
            details += " " + self.tr("{count} relationship(s) of theirs are deleted too.").format(
                count=len(going))
        if not self.dialogs.confirm(self.tr("Delete from model"), text, details):
            return False
        commands: list[Command] = [DeleteElementCommand(e) for e in element_ids]
        commands.extend(UnrelateCommand(r) for r in relationship_ids)
        return self.editor.run_many(self.tr("Delete from model"), commands)

    def rename_selection(self) -> bool:
        """F2 / Edit > Rename: edit the selected element's name where it is drawn (see
        :meth:`DiagramView.edit_name`). Returns True when the editor opened."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
        scene = canvas.diagram()
        ids = scene.selected_node_ids()
        if len(ids) != 1 or not scene.node(ids[0]).element_id:
            return False
        return canvas.edit_name(ids[0]) is not None

    def select_all(self) -> None:
        canvas = self.current_canvas()
        if canvas is not None:
            for item in list(canvas.diagram().node_items.values()):
                if not item.is_container:
                    item.setSelected(True)

    # ================================================================ clipboard
    def copy_selection(self) -> bool:
        """Ctrl+C: the selected nodes (with nested ones and the lines among them) onto
        the clipboard."""
        from ..canvas.clipboard import copy_selection

        canvas = self.current_canvas()
        if canvas is None:
            return False
        done = copy_selection(canvas) is not None
        self._update_edit_actions()
        return done

    def cut_selection(self) -> bool:
        """Ctrl+X: copy, then delete from this view (the elements stay in the model, so
        Paste shows them again); one undo step."""
        from ..canvas.clipboard import copy_selection

        canvas = self.current_canvas()
        fragment = copy_selection(canvas) if canvas is not None else None
        if fragment is None:
            return False
        self._update_edit_actions()
        commands = self._removal_commands(canvas)
        if not self.editor.run(CompoundCommand(self.tr("Cut"), commands)):
            return False
        # copy_selection said "Copied"; the architect must know the shapes left the view.
        self.show_status(self.tr(
            "Cut {count} element(s): copied and removed from this view (they stay in the "
            "model; Ctrl+V shows them again)").format(count=len(fragment.elements)))
        return True

    def paste(self, as_copy: bool = False, at: QPointF | None = None) -> list[str] | None:
        """Ctrl+V (the same elements, shown again) or Ctrl+Shift+V (new copies) into the
        current view, one undo step; ``at`` centres the pasted nodes on a scene point.
        Returns the new top-level node ids, or None."""
        from ..canvas.clipboard import paste_clipboard

        canvas = self.current_canvas()
        if canvas is None:
            return None
        return paste_clipboard(canvas, as_copy=as_copy, at=at)

    def paste_here(self, as_copy: bool = False) -> list[str] | None:
        """The context menu's Paste: at the point where the menu was opened."""
        point = self.act_paste_here.data()
        return self.paste(as_copy=as_copy,
                          at=point if isinstance(point, QPointF) else None)

    def duplicate_selection(self) -> list[str] | None:
        """Ctrl+D: new copies of the selected elements beside them, one undo step."""
        from ..canvas.clipboard import duplicate_selection

        canvas = self.current_canvas()
        if canvas is None:
            return None
        return duplicate_selection(canvas)

    # ================================================================ arrange
    def arrange(self, operation: str) -> bool:
        """Align, distribute or make the same size (see :mod:`egov_modeler.model.arrange`)
        the selected nodes of the current view; one undo step."""
        from ..canvas.arrange import arrange_selection

        canvas = self.current_canvas()
        if canvas is None:
            return False
        return arrange_selection(canvas, operation)

    # ================================================================ relationship menu
    def _choose_relationship(self, offered: list[tuple[str, str | None]],
                             suggested: str | None, pos: QPoint) -> str | None:
        """Ask with a popup menu at the mouse (see :meth:`relationship_menu`). Why a type
        is greyed out also goes to the status bar: a disabled entry's tooltip needs a
        patient hover the architect does not know to try."""
        refused = [(t, why) for t, why in offered if why]
        if refused:
            names = ", ".join(self.tr(RELATIONSHIP_TYPES[t].label_en) for t, _why in refused)
            self.show_status(self.tr("{type} is not allowed here: {reason}").format(
                type=names, reason=refused[0][1]))
        menu = self.relationship_menu(offered, suggested)
        chosen = menu.exec(pos)
        menu.deleteLater()
        return chosen.data() if chosen is not None else None

    def relationship_menu(self, offered: list[tuple[str, str | None]],
                          suggested: str | None) -> QMenu:
        """The relationship types the rules allow for a pair, the suggested one first and
        marked; those a framework rule refuses are disabled with the reason as tooltip."""
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for rel_type, refusal in offered:
            label = self.tr(RELATIONSHIP_TYPES[rel_type].label_en)
            if rel_type == suggested:
                label = self.tr("{type} (suggested)").format(type=label)
            action = menu.addAction(label)
            action.setData(rel_type)
            if refusal:
                action.setEnabled(False)
                action.setToolTip(refusal)
                action.setStatusTip(refusal)
            elif rel_type == suggested:
                font = action.font()
                font.setBold(True)
                action.setFont(font)
        return menu

