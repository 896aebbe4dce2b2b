"""The model tree: every element (by layer), relationship and view; dragging an element
that already exists onto a second view shows that same element there, with the lines of
its relationships (pytest-qt, offscreen)."""

from __future__ import annotations

import copy

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QTreeView

from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import NODE_CONTAINER, Node
from egov_modeler.ui.docks.model_tree import ID_ROLE
from tests.helpers.ui import (
    drop,
    overview_model,
    send_drop,
)


class TwoViews:
    """An overview with a citizen and a portal that serves it, a mailbox that also serves
    the citizen but is on no view, and a second view holding the portal and a user band."""

    def __init__(self) -> None:
        model, overview, bands = overview_model()
        self.model, self.overview, self.bands = model, overview, bands
        self.citizen = model.add_element("BusinessActor", "Người dân", layer="nguoi_su_dung")
        self.portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công tỉnh",
                                        layer="cong_dich_vu")
        self.mailbox = model.add_element("ApplicationComponent", "Hộp thư điện tử")
        self.serves = model.relate(self.portal.id, "Serving", self.citizen.id)
        self.mail_serves = model.relate(self.mailbox.id, "Serving", self.citizen.id)
        model.load_node(overview, Node("id-n-citizen", 100, 40, 120, 55,
                                       element_id=self.citizen.id,
                                       parent=bands["nguoi_su_dung"]))
        model.load_node(overview, Node("id-n-portal", 100, 210, 120, 55,
                                       element_id=self.portal.id,
                                       parent=bands["cong_dich_vu"]))
        second = model.add_view("Sơ đồ ứng dụng")
        self.second = second.id
        model.load_node(second.id, Node("id-band-2", 0, 0, 800, 150, kind=NODE_CONTAINER,
                                        label="Người sử dụng", layer="nguoi_su_dung"))
        model.load_node(second.id, Node("id-n2-portal", 300, 250, 120, 55,
                                        element_id=self.portal.id))


def show(window, setup: TwoViews):
    """The window on ``setup``'s model with the second view open at 100% zoom."""
    window.document.replace(setup.model, None)
    canvas = window.views.open_view(setup.second)
    canvas.resetTransform()
    canvas.centerOn(400, 150)
    return canvas


def tree_of(window) -> QTreeView:
    return window.findChild(QTreeView, "model_tree")


def tree_mime(window, element_id: str):
    """What dragging the model-tree row of ``element_id`` carries."""
    index = window.model_dock.index_of(element_id)
    assert index.isValid(), element_id
    return tree_of(window).model().mimeData([index])


def test_dragging_an_element_from_the_tree_shows_it_on_a_second_view(window):
    setup = TwoViews()
    canvas = show(window, setup)
    model = window.current_model()
    before = copy.deepcopy(model_to_dict(model))
    elements = len(model.elements)
    steps = window.document.undo_stack.count()

    send_drop(canvas, tree_mime(window, setup.citizen.id), QPointF(200, 70))

    assert len(model.elements) == elements  # the same element, not a copy
    view = model.view(setup.second)
    (node,) = view.nodes_of_element(setup.citizen.id)
    assert node.contains(200, 70)
    assert node.parent == "id-band-2"  # nested in the band under the drop point
    # The portal -> citizen relationship is drawn, to the portal already on this view;
    # the mailbox's is not (the mailbox is on no view).
    lines = {(c.source, c.relationship_id, c.target) for c in view.connections.values()}
    assert lines == {("id-n2-portal", setup.serves.id, node.id)}
    assert canvas.diagram().connection_items  # and the canvas draws it
    assert window.document.undo_stack.count() == steps + 1
    assert "Người dân" in window.edits.act_undo.text()  # Edit > Undo names the drop

    window.document.undo_stack.undo()
    assert model_to_dict(model) == before
    assert not canvas.diagram().connection_items


def test_a_drop_from_the_tree_onto_the_view_that_already_shows_the_element_adds_a_second_placement(
        window):
    setup = TwoViews()
    show(window, setup)
    overview_canvas = window.views.open_view(setup.overview)
    overview_canvas.resetTransform()
    overview_canvas.centerOn(490, 160)
    send_drop(overview_canvas, tree_mime(window, setup.portal.id), QPointF(500, 240))
    view = window.current_model().view(setup.overview)
    assert len(view.nodes_of_element(setup.portal.id)) == 2
    # The relationship to the citizen is drawn from the new placement too.
    assert sum(c.relationship_id == setup.serves.id for c in view.connections.values()) == 1


def test_elements_are_grouped_by_framework_layer_then_archimate_layer(window):
    from egov_modeler.model.catalog import active_catalog
    from egov_modeler.model.metamodel import layer_label

    setup = TwoViews()
    show(window, setup)
    tree_model = window.model_dock.source_model

    def group_of(element_id: str) -> str:
        return tree_model.item_of(element_id).parent().data(Qt.ItemDataRole.UserRole + 20)

    assert group_of(setup.citizen.id) == active_catalog().layer("nguoi_su_dung").name("vi")
    assert group_of(setup.portal.id) == active_catalog().layer("cong_dich_vu").name("vi")
    assert group_of(setup.mailbox.id) == layer_label("application", "vi")  # no framework layer
    rel_row = tree_model.item_of(setup.serves.id)
    assert "Cổng Dịch vụ công tỉnh" in rel_row.text() and "Người dân" in rel_row.text()
    views = tree_model.item_of(setup.second)
    assert views.text() == "Sơ đồ ứng dụng"


def test_the_filter_keeps_rows_matching_every_word_without_diacritics(window):
    setup = TwoViews()
    show(window, setup)
    dock = window.model_dock
    dock.search.setText("nguoi dan")
    assert dock.index_of(setup.citizen.id).isValid()
    assert not dock.index_of(setup.mailbox.id).isValid()
    assert not dock.index_of(setup.second).isValid()
    dock.search.setText("hop thu")
    assert dock.index_of(setup.mailbox.id).isValid()
    assert not dock.index_of(setup.citizen.id).isValid()
    dock.search.setText("")
    assert all(dock.index_of(i).isValid() for i in (
        setup.citizen.id, setup.mailbox.id, setup.serves.id, setup.second))


def test_rename_add_and_delete_show_in_the_tree(window):
    from egov_modeler.model.commands import RenameElementCommand

    setup = TwoViews()
    show(window, setup)
    tree_model = window.model_dock.source_model
    untouched = tree_model.item_of(setup.mailbox.id)

    assert window.document.editor.run(RenameElementCommand(setup.citizen.id, "Công dân"))
    assert tree_model.item_of(setup.citizen.id).text() == "Công dân"
    assert "Công dân" in tree_model.item_of(setup.serves.id).text()  # the line's ends too
    window.views.open_view(setup.overview)
    (new,) = drop(window, "u_doanh_nghiep", 400, 70)
    row = tree_model.item_of(new.id)
    assert row is not None and row.text() == new.name
    assert tree_model.item_of(setup.mailbox.id) is untouched  # rows follow, not rebuilt
    window.document.undo_stack.undo()
    assert tree_model.item_of(new.id) is None
    window.document.undo_stack.undo()
    assert tree_model.item_of(setup.citizen.id).text() == "Người dân"


def test_selecting_a_row_selects_its_placements_and_double_clicking_a_view_opens_it(
        window, qtbot):
    setup = TwoViews()
    show(window, setup)
    tree = tree_of(window)
    tree.setCurrentIndex(window.model_dock.index_of(setup.portal.id))
    scene = window.current_canvas().diagram()
    assert scene.selected_node_ids() == ["id-n2-portal"]

    index = window.model_dock.index_of(setup.overview)
    tree.scrollTo(index)
    where = tree.visualRect(index).center()
    # A real double-click: press and release, then the double-click event.
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.current_view_id() == setup.overview
    assert index.data(ID_ROLE) == setup.overview


def test_a_large_imported_model_is_listed_whole(window, shared_dir):
    from egov_modeler.exchange.oef_reader import read_exchange

    model = read_exchange(shared_dir / "archimate" / "samples"
                          / "pyarchimate-tests-synthetic_large.xml")
    window.document.replace(model, None)
    tree_model = window.model_dock.source_model
    assert all(tree_model.item_of(e.id) is not None for e in model.elements)
    assert all(tree_model.item_of(r.id) is not None for r in model.relationships)
    assert all(tree_model.item_of(v.id) is not None for v in model.views)


def test_picking_an_element_the_view_does_not_show_says_where_it_is(window):
    setup = TwoViews()
    show(window, setup)  # the second view shows the portal, not the citizen
    tree = tree_of(window)
    tree.setCurrentIndex(window.model_dock.index_of(setup.citizen.id))
    assert not window.current_canvas().diagram().selectedItems()
    assert "Sơ đồ khái quát" in window.statusBar().currentMessage()
    tree.setCurrentIndex(window.model_dock.index_of(setup.mailbox.id))
    message = window.statusBar().currentMessage()
    assert "Hộp thư điện tử" in message and "Sơ đồ" not in message
