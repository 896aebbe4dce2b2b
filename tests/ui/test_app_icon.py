"""The application icon: drawn from the shipped SVG at every size, set on the application."""

from __future__ import annotations

from PySide6.QtGui import QColor

from egov_modeler.ui.app_icon import ICON_SIZES, application_icon, icon_pixmap


def test_the_icon_is_drawn_from_the_svg(qtbot):
    pixmap = icon_pixmap(64)
    image = pixmap.toImage()
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 0).alpha() == 0  # transparent corner (rounded tile)
    assert image.pixelColor(32, 2) == QColor("#1d3557")  # the dark tile
    assert image.pixelColor(8, 14).name() == "#ffffb5"  # the business band


def test_every_size_is_in_the_icon(qtbot):
    sizes = {(s.width(), s.height()) for s in application_icon().availableSizes()}
    assert {(n, n) for n in ICON_SIZES} <= sizes


def test_windows_get_the_icon(qtbot):
    from PySide6.QtWidgets import QApplication, QWidget

    from egov_modeler.ui.app import prepare_application

    prepare_application()
    widget = QWidget()
    qtbot.addWidget(widget)
    assert not QApplication.windowIcon().isNull()
    assert widget.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()
