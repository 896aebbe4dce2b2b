"""Large views through the window (pytest-qt, offscreen): the Navigator dock shows the
whole diagram with the visible area as a rectangle that moves the diagram when dragged or
clicked, and remakes its picture once per burst of edits; Edit > Copy as image puts the
view on the clipboard as a PNG of the view's size and a valid SVG."""

from __future__ import annotations

import io
import math

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from egov_modeler.diagram.display_list import build_scene
from egov_modeler.exchange.xml_safety import parse_xml
from egov_modeler.model.commands import MoveNodeCommand
from egov_modeler.ui.image_clipboard import PNG_MIME, SVG_MIME
from tests.helpers.large_model import build_large_model, nid, vid

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def large(window, qtbot):
    """A 300-element view open at 100%, its top left corner shown, the Navigator on."""
    window.document.replace(build_large_model(600), None)
    QApplication.processEvents()
    canvas = window.current_canvas()
    canvas.resetTransform()
    canvas.zoomChanged.emit(1.0)
    canvas.centerOn(QPointF(0, 0))
    qtbot.keyClick(canvas, Qt.Key.Key_M, CTRL_SHIFT)  # View > Navigator
    navigator = window.large_views.navigator
    assert navigator.isVisible()
    navigator.resize(300, 220)
    QApplication.processEvents()
    navigator.map.render_now()
    return canvas, navigator.map


def visible_center(canvas) -> QPointF:
    return canvas.mapToScene(canvas.viewport().rect()).boundingRect().center()


def test_the_navigator_shows_the_whole_view_and_the_visible_part(window, large):
    canvas, nav = large
    scene_rect = canvas.diagram().sceneRect()
    whole = nav.to_widget(nav.scene_area())
    assert whole.width() <= nav.width() + 1 and whole.height() <= nav.height() + 1
    frame = nav.to_widget(nav.visible_area())
    assert 0 < frame.width() < whole.width() and 0 < frame.height() < whole.height()
    assert nav.scene_area().contains(scene_rect)
    image = nav.picture.toImage()
    inked = sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
                if image.pixelColor(x, y).lightness() < 250)
    assert inked > 50  # the boxes of the diagram are drawn, not a blank picture


def test_dragging_the_rectangle_moves_the_diagram(window, qtbot, large):
    canvas, nav = large
    before = visible_center(canvas)
    frame = nav.to_widget(nav.visible_area())
    start = frame.center().toPoint()
    qtbot.mousePress(nav, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(nav, start + QPoint(4 * step, 6 * step))
    qtbot.mouseRelease(nav, Qt.MouseButton.LeftButton, pos=start + QPoint(20, 30))
    after = visible_center(canvas)
    scale = nav._mapping()[0]
    assert after.x() - before.x() == pytest.approx(20 / scale, abs=2 / scale + 2)
    assert after.y() - before.y() == pytest.approx(30 / scale, abs=2 / scale + 2)
    # The rectangle follows the diagram.
    assert nav.to_widget(nav.visible_area()).center().x() == pytest.approx(
        frame.center().x() + 20, abs=2)


def test_clicking_elsewhere_brings_the_diagram_there(window, qtbot, large):
    canvas, nav = large
    whole = nav.to_widget(nav.scene_area())
    target = QPoint(int(whole.right() - 10), int(whole.bottom() - 10))
    qtbot.mouseClick(nav, Qt.MouseButton.LeftButton, pos=target)
    wanted = nav.to_scene(QPointF(target))
    center = visible_center(canvas)
    # Centred there, unless the diagram's edge stops the scrolling first.
    assert center.x() > canvas.diagram().sceneRect().center().x()
    assert center.y() > canvas.diagram().sceneRect().center().y()
    assert abs(center.x() - wanted.x()) < canvas.viewport().width()


def test_a_burst_of_edits_remakes_the_picture_once(window, qtbot, large):
    _canvas, nav = large
    renders = nav.renders
    editor = window.document.editor
    view = window.current_model().view(vid(0))
    for i in range(20):
        node = view.nodes[nid(0, i)]
        editor.run(MoveNodeCommand(view.id, node.id, node.x + 5, node.y))
    QApplication.processEvents()
    assert nav.renders == renders  # nothing painted while the edits come
    qtbot.waitUntil(lambda: nav.renders == renders + 1, timeout=3000)
    qtbot.wait(400)
    assert nav.renders == renders + 1


def test_copy_as_image_puts_a_png_of_the_view_s_size_and_an_svg_on_the_clipboard(
        window, qtbot):
    from PIL import Image

    canvas = window.current_canvas()
    qtbot.keyClick(canvas, Qt.Key.Key_C, CTRL_SHIFT)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasImage()
    assert {PNG_MIME, SVG_MIME} <= set(mime.formats())
    model = window.current_model()
    view = model.view(window.current_view_id())
    _x, _y, width, height = build_scene(model, view, window.document.language).bounds
    png = Image.open(io.BytesIO(bytes(mime.data(PNG_MIME).data())))
    assert png.format == "PNG"
    assert png.size == (math.ceil(width * 2), math.ceil(height * 2))
    assert round(png.info["dpi"][0]) == 144  # pasted at the diagram's size
    svg = parse_xml(bytes(mime.data(SVG_MIME).data()), "clipboard.svg").getroot()
    assert svg.tag.endswith("svg")
    assert float(svg.get("width").rstrip("pt")) == pytest.approx(width, abs=1)
    texts = "".join(svg.itertext())
    assert "Sơ đồ khái quát" in texts  # the view's name is the SVG's title
    assert "Cổng dịch vụ" in texts  # the band labels are text, selectable in LibreOffice
    assert "Sơ đồ khái quát" in window.statusBar().currentMessage()
