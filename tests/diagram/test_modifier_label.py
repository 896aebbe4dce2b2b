"""An Influence relationship's modifier ("+", "++", "-", "--", "0" or text) is written on its
line, as ArchiMate draws it, on the canvas and in the PDF alike (both draw from
:func:`egov_modeler.diagram.display_list.build_scene` / ``connection_text``)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest

from egov_modeler.diagram.display_list import TextItem, build_scene
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.model import Model
from egov_modeler.model.commands import SetRelationshipFieldsCommand
from tests.helpers import connect, place


@pytest.fixture
def motivation() -> tuple[Model, str, dict]:
    """A driver influencing two goals (one named line, one unnamed) and a plain Serving
    line between two application boxes, all on one view."""
    model = Model("Động lực chuyển đổi số tỉnh")
    driver = model.add_element("Driver", "Yêu cầu của người dân")
    goal = model.add_element("Goal", "Tăng tỉ lệ hồ sơ trực tuyến")
    cost = model.add_element("Goal", "Giảm chi phí giấy tờ")
    portal = model.add_element("ApplicationComponent", "Cổng dịch vụ công tỉnh")
    actor = model.add_element("BusinessActor", "Người dân")
    view = model.add_view("Động lực")
    n = {key: place(model, view.id, el.id, x, y, 200, 60) for key, el, x, y in (
        ("driver", driver, 40, 40), ("goal", goal, 500, 40), ("cost", cost, 40, 300),
        ("portal", portal, 500, 300), ("actor", actor, 500, 560))}
    rels = {
        "named": model.relate(driver.id, "Influence", goal.id, name="Thúc đẩy",
                              modifier="++"),
        "unnamed": model.relate(driver.id, "Influence", cost.id, modifier="--"),
        "serving": model.relate(portal.id, "Serving", actor.id),
    }
    rels["named"].names["en"] = "Drives"
    for key, src, tgt in (("named", "driver", "goal"), ("unnamed", "driver", "cost"),
                          ("serving", "portal", "actor")):
        connect(model, view.id, rels[key].id, n[src].id, n[tgt].id)
    return model, view.id, rels


def _texts(model: Model, view_id: str, lang: str = "vi") -> list[str]:
    scene = build_scene(model, model.view(view_id), lang)
    return [item.text for item in scene.items if isinstance(item, TextItem)]


def test_named_influence_shows_its_name_and_modifier(motivation):
    model, view_id, _rels = motivation
    texts = _texts(model, view_id)
    assert "Thúc đẩy (++)" in texts
    assert "Thúc đẩy" not in texts  # one label, not the name and the modifier apart


def test_unnamed_influence_shows_the_modifier_alone_in_brackets(motivation):
    model, view_id, _rels = motivation
    assert "(--)" in _texts(model, view_id)  # bare "--" would read as the line's dashes


def test_english_labels_use_the_english_name_with_the_same_modifier(motivation):
    model, view_id, _rels = motivation
    assert "Drives (++)" in _texts(model, view_id, "en")


def test_without_a_modifier_only_the_name_is_written(motivation):
    model, view_id, rels = motivation
    model.execute(SetRelationshipFieldsCommand(rels["named"].id, {"modifier": ""}))
    model.execute(SetRelationshipFieldsCommand(rels["unnamed"].id, {"modifier": ""}))
    texts = _texts(model, view_id)
    assert "Thúc đẩy" in texts
    assert not [t for t in texts if "(" in t or "--" in t]


needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"),
                                     reason="poppler-utils (pdftotext) not installed")


@needs_pdftotext
def test_the_pdf_prints_the_modifiers_on_the_diagram(motivation, tmp_path):
    model, _view_id, _rels = motivation
    out = tmp_path / "dong-luc.pdf"
    write_dossier(model, out, DossierOptions(paper="A4", appendix=False))
    text = unicodedata.normalize("NFC", subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(out), "-"], check=True,
        capture_output=True, text=True, encoding="utf-8").stdout)
    assert "Thúc đẩy (++)" in text
    assert re.search(r"^\s*\(--\)\s*$", text, re.M), text  # the unnamed line's label


def test_the_canvas_writes_the_modifier_and_follows_an_edit(motivation, qtbot):
    from egov_modeler.ui.canvas.scene import DiagramScene

    model, view_id, rels = motivation
    scene = DiagramScene(model, view_id, "vi")
    try:
        def label(rel_id: str) -> list[str]:
            (conn,) = [c for c in model.view(view_id).connections.values()
                       if c.relationship_id == rel_id]
            return [t.text for t in scene.connection_items[conn.id]._label]

        assert label(rels["named"].id) == ["Thúc đẩy (++)"]
        assert label(rels["unnamed"].id) == ["(--)"]
        model.execute(SetRelationshipFieldsCommand(rels["unnamed"].id, {"modifier": "+"}))
        assert label(rels["unnamed"].id) == ["(+)"]
        assert label(rels["serving"].id) == []
    finally:
        scene.detach()
