"""The native .egov file: stable and never fooled by a broken file."""

from __future__ import annotations

import json

import pytest

import egov_modeler
from egov_modeler.model import Model
from egov_modeler.model.commands import AddBendpointCommand
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Style
from egov_modeler.storage.native import NativeFileError, load, loads, save
from tests.helpers import connect, place


@pytest.fixture
def model() -> Model:
    model = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    model.names["en"] = "Gia Lai e-Government architecture"
    model.properties.append(("Phiên bản", "2.0"))
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công cấp tỉnh",
                               names={"en": "Provincial portal"}, catalog_ref="c_cong_dvc_tinh",
                               layer="cong_dich_vu", properties=[("Chủ quản", "Sở TT&TT")])
    dvcqg = model.add_element("ApplicationComponent", "Cổng Dịch vụ công quốc gia")
    flow = model.relate(portal.id, "Flow", dvcqg.id, name="Đồng bộ")
    view = model.add_view("Sơ đồ khái quát", viewpoint="Layered")
    a = place(model, view.id, portal.id, 10, 20)
    a.style = Style(fill="#b5ffff", font_name="Be Vietnam Pro", font_size=9)
    b = place(model, view.id, dvcqg.id, 300, 20)
    conn = connect(model, view.id, flow.id, a.id, b.id)
    model.execute(AddBendpointCommand(view.id, conn.id, 0, 200, 90))
    return model


def test_save_then_load_gives_an_equal_model(model, tmp_path):
    path = tmp_path / "gia-lai.egov"
    egov_modeler.save(model, path)
    again = egov_modeler.load(path)
    assert model_to_dict(again) == model_to_dict(model)
    assert again.load_report == []


def test_file_is_utf8_json_with_format_version_and_readable_vietnamese(model, tmp_path):
    path = tmp_path / "m.egov"
    save(model, path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format_version"] == 1
    assert "Cổng Dịch vụ công cấp tỉnh" in text  # not \u-escaped: diffs stay readable
    assert [e["id"] for e in data["elements"]] == sorted(e["id"] for e in data["elements"])


def test_saving_twice_gives_identical_bytes(model, tmp_path):
    save(model, tmp_path / "a.egov")
    save(egov_modeler.load(tmp_path / "a.egov"), tmp_path / "b.egov")
    assert (tmp_path / "a.egov").read_bytes() == (tmp_path / "b.egov").read_bytes()


def _saved_dict(model, tmp_path) -> dict:
    save(model, tmp_path / "m.egov")
    return json.loads((tmp_path / "m.egov").read_text(encoding="utf-8"))


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b'{"format_version": 1, "elements": [', "truncated"),
    (b"\xff\xfe not utf-8", "UTF-8"),
    (b"<xml>not json</xml>", "JSON error at line 1"),
    (b'["a list"]', "not an egov-modeler model file"),
    (b'{"format_version": 99}', "version 99"),
    (b'{"format_version": 1, "elements": "nope"}', "must be a list"),
])
def test_broken_files_give_a_clear_error(raw, message):
    from egov_modeler.i18n import set_language

    set_language("en")
    with pytest.raises(NativeFileError, match=message):
        loads(raw, "broken.egov")


def test_truncated_real_file_is_refused(model, tmp_path):
    from egov_modeler.i18n import set_language

    set_language("en")
    save(model, tmp_path / "m.egov")
    data = (tmp_path / "m.egov").read_bytes()
    with pytest.raises(NativeFileError, match="truncated"):
        loads(data[: len(data) // 2], "m.egov")


def test_duplicate_ids_are_refused(model, tmp_path):
    from egov_modeler.i18n import set_language

    set_language("en")
    data = _saved_dict(model, tmp_path)
    data["elements"].append(dict(data["elements"][0]))
    with pytest.raises(NativeFileError, match="used twice"):
        loads(json.dumps(data).encode(), "dup.egov")


def test_dangling_references_and_unknown_types_are_skipped_and_reported(model, tmp_path):
    from egov_modeler.i18n import set_language

    set_language("en")
    data = _saved_dict(model, tmp_path)
    data["elements"][0]["type"] = "PortalOfTheFuture"
    data["views"][0]["nodes"].append(
        {"id": "id-ghost", "kind": "element", "x": 0, "y": 0, "w": 10, "h": 10,
         "element": "id-nothing"})
    loaded = loads(json.dumps(data).encode(), "dangling.egov")
    report = "\n".join(loaded.load_report)
    assert "unknown type PortalOfTheFuture" in report
    assert "id-nothing" in report
    assert len(loaded.elements) == 1
    assert loaded.relationships == []  # its source was skipped, so it is too
    assert "id-ghost" not in loaded.views[0].nodes


def test_loading_a_broken_file_does_not_touch_the_open_model(model, tmp_path):
    before = model_to_dict(model)
    (tmp_path / "bad.egov").write_bytes(b'{"format_version": 1, "elem')
    with pytest.raises(NativeFileError):
        egov_modeler.load(tmp_path / "bad.egov")
    assert model_to_dict(model) == before


def test_missing_file_gives_a_clear_error(tmp_path):
    with pytest.raises(NativeFileError, match="nowhere.egov"):
        load(tmp_path / "nowhere.egov")


def test_relationships_ending_at_each_other_are_skipped_naming_the_other(model, tmp_path):
    """Two relationships that only end at each other can never be added; the report must
    point at the relationship that is missing, not at the element that is there."""
    from egov_modeler.i18n import set_language

    set_language("en")
    data = _saved_dict(model, tmp_path)
    portal_id = data["elements"][0]["id"]
    first = dict(data["relationships"][0], id="id-rel-a", type="Association",
                 source=portal_id, target="id-rel-b")
    second = dict(first, id="id-rel-b", target="id-rel-a")
    data["relationships"] += [first, second]
    loaded = loads(json.dumps(data).encode(), "cycle.egov")
    assert not loaded.has_relationship("id-rel-a") and not loaded.has_relationship("id-rel-b")
    assert len(loaded.relationships) == 1  # the ordinary flow is still there
    lines = [line for line in loaded.load_report if "id-rel-" in line]
    assert any("id-rel-a skipped" in line and "refers to id-rel-b" in line for line in lines)
    assert not any(portal_id in line for line in lines)


def test_nodes_listed_before_their_parent_are_kept_and_a_nesting_cycle_is_skipped(model,
                                                                                  tmp_path):
    """Another tool may list a nested box before the group holding it; two boxes nested
    in each other can never be placed, and neither can what is nested in them."""
    from egov_modeler.i18n import set_language

    set_language("en")
    data = _saved_dict(model, tmp_path)
    nodes = data["views"][0]["nodes"]
    box = {"id": "id-box", "kind": "container", "x": 0, "y": 0, "w": 400, "h": 300}
    inner = dict(nodes[0], parent="id-box")  # the portal, now in the group listed after it
    loop_a = {"id": "id-loop-a", "kind": "container", "x": 0, "y": 0, "w": 50, "h": 50,
              "parent": "id-loop-b"}
    loop_b = dict(loop_a, id="id-loop-b", parent="id-loop-a")
    in_loop = dict(loop_a, id="id-in-loop", parent="id-loop-a")
    data["views"][0]["nodes"] = [inner, *nodes[1:], box, loop_a, loop_b, in_loop]
    loaded = loads(json.dumps(data).encode(), "order.egov")
    view = loaded.views[0]
    assert view.nodes[inner["id"]].parent == "id-box"
    assert len(view.connections) == 1  # its connection still has both ends
    assert not {"id-loop-a", "id-loop-b", "id-in-loop"} & set(view.nodes)
    skipped = [line for line in loaded.load_report if "id-loop-" in line or "id-in-loop" in line]
    assert len(skipped) == 3
