"""The application icon's build outputs: every PNG size and a Windows .ico, from the SVG."""

from __future__ import annotations

import pytest
from PIL import Image

from tools.make_icons import ICO_SIZES, PNG_SIZES, make_icons, png_path


@pytest.fixture(scope="module")
def icons(tmp_path_factory, qapp):
    """Rendered once; ``qapp`` first, so the tool draws with pytest-qt's application rather
    than making a widget-less one the window tests could not use."""
    out = tmp_path_factory.mktemp("icons")
    make_icons(out)
    return out


def test_every_png_size_is_rendered_from_the_svg(icons):
    for size in PNG_SIZES:
        with Image.open(png_path(icons, size)) as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            assert image.getpixel((0, 0))[3] == 0  # transparent corner
            assert image.getpixel((size // 2, size // 2))[3] == 255  # drawn middle
    with Image.open(png_path(icons, 512)) as large:
        assert large.getpixel((256, 20))[:3] == (0x1D, 0x35, 0x57)  # the dark tile


def test_the_windows_icon_holds_every_size_up_to_256(icons):
    with Image.open(icons / "egov-modeler.ico") as ico:
        assert ico.format == "ICO"
        assert set(ico.info["sizes"]) == {(s, s) for s in ICO_SIZES}


def test_the_scalable_icon_is_the_shipped_svg(icons):
    from tests.helpers import paths

    shipped = paths.PACKAGE / "resources" / "icons" / "egov-modeler.svg"
    copied = icons / "hicolor" / "scalable" / "apps" / "egov-modeler.svg"
    assert copied.read_bytes() == shipped.read_bytes()
