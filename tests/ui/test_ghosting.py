"""Ghosting (issue 16 point 5, its last part): an element the view's viewpoint does not
show is drawn faded on the canvas, as Archi does; choosing the viewpoint in Properties
ghosts and unghosts at once. Which types each viewpoint shows is Archi's table
(``tests/model/test_viewpoint_tables.py`` holds ours against it)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from egov_modeler.model import Model
from egov_modeler.model.views import Node


def viewpoint_model() -> Model:
    model = Model("Hạ tầng tỉnh")
    view = model.add_view("Hạ tầng")
    for index, (kind, name) in enumerate((("Node", "Máy chủ ứng dụng"),
                                          ("ApplicationComponent", "Cổng dịch vụ công"),
                                          ("Grouping", "Trung tâm dữ liệu"))):
        element = model.add_element(kind, name)
        model.load_node(view.id, Node(f"id-n{index}", 40 + 220 * index, 40, 160, 70,
                                      element_id=element.id))
    return model


def _pixel(scene, x: float, y: float) -> QColor:
    """The colour the canvas paints at scene point (x, y)."""
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 40, 40), QRectF(x - 20, y - 20, 40, 40))
    painter.end()
    return image.pixelColor(20, 20)


def test_choosing_a_viewpoint_ghosts_the_elements_it_does_not_show(window):
    model = viewpoint_model()
    window.document.replace(model, None)
    scene = window.current_canvas().diagram()
    assert scene.ghosted_node_ids() == []
    solid = _pixel(scene, 275, 100)  # inside the component's fill
    window.current_canvas().diagram().select_ids([])
    combo = window.properties.viewpoint
    index = combo.findData("Technology")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert model.views[0].viewpoint == "Technology"
    assert scene.ghosted_node_ids() == ["id-n1"]  # a component is not technology
    faded = _pixel(scene, 275, 100)
    # Drawn faded (nearer the white paper), still there.
    assert faded.saturation() < solid.saturation() / 2 and faded != QColor("white")
    assert scene.node_items["id-n1"].isVisible()
    window.document.undo_stack.undo()
    assert scene.ghosted_node_ids() == []
    assert _pixel(scene, 275, 100) == solid


def test_a_loaded_view_is_ghosted_from_the_start_and_layered_ghosts_nothing(window):
    model = viewpoint_model()
    model.views[0].viewpoint = "Application Cooperation"
    window.document.replace(model, None)
    scene = window.current_canvas().diagram()
    assert scene.ghosted_node_ids() == ["id-n0"]  # a node is not shown there
    model2 = viewpoint_model()
    model2.views[0].viewpoint = "Layered"
    window.document.replace(model2, None)
    assert window.current_canvas().diagram().ghosted_node_ids() == []
