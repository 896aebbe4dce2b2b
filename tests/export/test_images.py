"""PNG and SVG images of one view."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from egov_modeler.cli import main as cli_main
from egov_modeler.export.images import write_png, write_svg
from egov_modeler.model import Model
from egov_modeler.model.errors import ModelError
from egov_modeler.model.metamodel import ELEMENT_TYPES
from egov_modeler.storage.native import save
from tests.helpers import connect, place

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def model():
    m = Model("Tỉnh")
    portal = m.add_element("ApplicationComponent", "Cổng Dịch vụ công quốc gia")
    actor = m.add_element("BusinessActor", "Ủy ban nhân dân tỉnh")
    view = m.add_view("Sơ đồ khái quát")
    a = place(m, view.id, portal.id, 100, 50, 300, 60)
    b = place(m, view.id, actor.id, 100, 250, 300, 60)
    r = m.relate(portal.id, "Serving", actor.id)
    connect(m, view.id, r.id, a.id, b.id)
    m.add_view("Trống")
    return m


def _hex(color: str) -> tuple[int, int, int]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def test_png_paints_the_view_at_its_geometry(model, tmp_path):
    out = tmp_path / "view.png"
    view = model.views[0]
    width, height = write_png(model, view, out, scale=1.0)
    image = Image.open(out).convert("RGB")
    assert image.size == (width, height)
    # the view spans x 100..400, y 50..310 plus a 10 pt margin on each side
    assert (width, height) == (320, 280)
    # inside each box (away from its name and glyph) is the type's fill colour
    assert image.getpixel((20, 15)) == _hex(ELEMENT_TYPES["ApplicationComponent"].fill)
    assert image.getpixel((20, 215)) == _hex(ELEMENT_TYPES["BusinessActor"].fill)
    # the serving line runs down the middle between the boxes
    assert sum(image.getpixel((160, 140))) < 200
    assert image.getpixel((40, 140)) == (255, 255, 255)


def test_png_scale_gives_more_pixels(model, tmp_path):
    small = write_png(model, model.views[0], tmp_path / "a.png", scale=1.0)
    large = write_png(model, model.views[0], tmp_path / "b.png", scale=2.0)
    assert large == (small[0] * 2, small[1] * 2)


def test_svg_has_the_names_as_text_and_the_notation_colours(model, tmp_path):
    out = tmp_path / "view.svg"
    write_svg(model, model.views[0], out)
    root = ET.parse(out).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Cổng Dịch vụ công quốc gia" in texts
    assert "Ủy ban nhân dân tỉnh" in texts
    fills = set(re.findall(r"fill: (#[0-9a-f]{6})", out.read_text(encoding="utf-8")))
    assert ELEMENT_TYPES["ApplicationComponent"].fill in fills
    assert ELEMENT_TYPES["BusinessActor"].fill in fills


def test_cli_png_and_svg_of_a_named_view(model, tmp_path):
    src = tmp_path / "m.egov"
    save(model, src)
    assert cli_main(["export", str(src), "--format", "svg", "-o", str(tmp_path / "v.svg"),
                     "--view", "Sơ đồ khái quát"]) == 0
    assert "Ủy ban nhân dân tỉnh" in (tmp_path / "v.svg").read_text(encoding="utf-8")
    assert cli_main(["export", str(src), "--format", "png", "-o", str(tmp_path / "v.png")]) == 0
    assert Image.open(tmp_path / "v.png").format == "PNG"


def test_model_without_views_is_refused_clearly(tmp_path):
    from egov_modeler.export.images import resolve_view

    with pytest.raises(ModelError, match="sơ đồ"):
        resolve_view(Model("x"), None)


def test_export_of_a_model_without_views_fails_cleanly_and_writes_nothing(tmp_path, capsys):
    save(Model("x"), tmp_path / "x.egov")
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["export", str(tmp_path / "x.egov"), "--format", "png",
                  "-o", str(tmp_path / "x.png")])
    assert exit_info.value.code == 2
    assert "sơ đồ" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_png_honours_style_fill_and_transparency(model, tmp_path):
    view = model.views[0]
    first = next(iter(view.nodes.values()))
    first.style.fill = "#ff0000"
    first.style.fill_alpha = 128
    write_png(model, view, tmp_path / "s.png", scale=1.0)
    red, green, blue = Image.open(tmp_path / "s.png").convert("RGB").getpixel((20, 15))
    assert red == 255 and 120 <= green <= 135 and green == blue  # half red on white paper


# --- SVG valid in browsers and in Qt's renderer ------------------------------------------

def _svg_tree(path):
    from egov_modeler.exchange.xml_safety import parse_xml  # refuses any DOCTYPE

    return parse_xml(path.read_bytes(), str(path))


def test_svg_is_plain_svg_with_the_views_name_as_title(model, tmp_path):
    out = tmp_path / "view.svg"
    write_svg(model, model.views[0], out)
    text = out.read_text(encoding="utf-8")
    assert "<!DOCTYPE" not in text  # our own safe reader and any browser take it
    assert "None" not in text  # "fill: None" is not SVG: Qt painted it black
    assert "clip-path" not in text and "<clipPath" not in text  # Qt drew it as a slab
    root = _svg_tree(out).getroot()
    assert root.findtext(f"{SVG}title") == model.views[0].name


def test_svg_embeds_the_subset_of_the_font_it_needs(model, tmp_path):
    import base64
    import io
    import re

    from fontTools.ttLib import TTFont

    out = tmp_path / "view.svg"
    write_svg(model, model.views[0], out)
    root = _svg_tree(out).getroot()
    style = root.find(f"{SVG}defs/{SVG}style").text
    fonts = re.findall(r"font-weight: (\w+);.*?base64,([A-Za-z0-9+/=]+)", style)
    assert {weight for weight, _ in fonts} >= {"normal"}
    texts = [t for t in root.iter(f"{SVG}text")]
    assert texts and all("Be Vietnam Pro Embedded" in t.get("style") for t in texts)
    for weight, data in fonts:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        cmap = font.getBestCmap()
        for t in texts:
            if ("bold" in t.get("style")) == (weight == "bold"):
                missing = {c for c in t.text if c.strip() and ord(c) not in cmap}
                assert not missing, (t.text, missing)
        assert "SIL Open Font License" in " ".join(
            str(r) for r in font["name"].names)  # the licence travels with the subset


def test_svg_text_as_outlines_has_no_text_and_no_font(model, tmp_path):
    out = tmp_path / "paths.svg"
    write_svg(model, model.views[0], out, text_as_paths=True)
    root = _svg_tree(out).getroot()
    assert list(root.iter(f"{SVG}text")) == []
    assert root.find(f"{SVG}defs") is None
    assert len(list(root.iter(f"{SVG}path"))) >= len(model.elements)
    with_text = tmp_path / "text.svg"
    write_svg(model, model.views[0], with_text)
    assert len(out.read_bytes()) > len(with_text.read_bytes()) / 4  # real outlines


def test_cli_svg_text_as_paths(model, tmp_path):
    src = tmp_path / "m.egov"
    save(model, src)
    out = tmp_path / "v.svg"
    assert cli_main(["export", str(src), "--format", "svg", "-o", str(out),
                     "--text-as-paths"]) == 0
    assert "<text" not in out.read_text(encoding="utf-8")
