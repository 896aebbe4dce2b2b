"""The model dock: the views of the model (double-click opens one in a tab)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from ..model.model import Model

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1


class ModelDock(QDockWidget):
    """Lists the views; kept up to date by the window on view events."""

    viewActivated = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Views"), parent)
        self.setObjectName("model_dock")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("views")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.setWidget(self.tree)
        self.tree.itemActivated.connect(
            lambda item: self.viewActivated.emit(item.data(0, VIEW_ROLE)))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)

    def _menu(self, pos) -> None:  # noqa: ANN001
        item = self.tree.itemAt(pos)
        if item is None:
            return
        menu = QMenu(self)
        view_id = item.data(0, VIEW_ROLE)
        menu.addAction(self.tr("Open"), lambda: self.viewActivated.emit(view_id))
        menu.addAction(self.tr("Delete view"), lambda: self.deleteRequested.emit(view_id))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def show_model(self, model: Model) -> None:
        self.tree.clear()
        for view in model.views:
            item = QTreeWidgetItem([view.name or self.tr("(unnamed view)")])
            item.setData(0, VIEW_ROLE, view.id)
            item.setToolTip(0, self.tr("{count} elements").format(
                count=sum(1 for n in view.nodes.values() if n.element_id)))
            self.tree.addTopLevelItem(item)
