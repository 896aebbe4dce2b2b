"""A .egov from outside never hangs, crashes or loads something that breaks later: the
hostile cases of issue 11, and saves that respect what a shared folder needs."""

from __future__ import annotations

import json
import os
import stat
import time

import pytest

from egov_modeler.model import Model
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Style
from egov_modeler.storage.disk_state import DiskChange, disk_change
from egov_modeler.storage.native import (
    FileChangedOnDiskError,
    NativeFileError,
    ReadOnlyFileError,
    load,
    loads,
    model_bytes,
    read_document,
    save,
)
from tests.helpers import connect, place

POSIX = pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions only")


@pytest.fixture(autouse=True)
def english():
    from egov_modeler.i18n import set_language

    set_language("en")
    yield
    set_language("vi")


def small_model() -> Model:
    model = Model("Tỉnh", id="id-model")
    a = model.add_element("ApplicationComponent", "Cổng DVC", id="id-a")
    b = model.add_element("ApplicationComponent", "LGSP", id="id-b")
    flow = model.relate(a.id, "Flow", b.id, id="id-flow")
    view = model.add_view("Sơ đồ", id="id-view")
    na = place(model, view.id, a.id, 10, 20)
    na.style = Style(fill="#b5ffff", font_size=9)
    nb = place(model, view.id, b.id, 300, 20)
    connect(model, view.id, flow.id, na.id, nb.id)
    return model


def file_dict() -> dict:
    return json.loads(model_bytes(small_model()))


def reloads_unchanged(model: Model) -> None:
    """What loads can be saved, and loads again as it is, with nothing more to report."""
    again = loads(model_bytes(model), "again.egov")
    assert again.load_report == []
    assert model_to_dict(again) == model_to_dict(model)


@pytest.mark.parametrize("raw, reason", [
    (b'{"format_version": 1, "elements": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested"),
    (b'{"format_version": 1, "name": "x", "id": ' + b"7" * 5000 + b"}", "digits"),
    (b'{"format_version": 1, "elements": [{"x": Infinity}]}', "Infinity"),
    (b'{"format_version": 1, "elements": [{"x": NaN}]}', "NaN"),
    (b'{"format_version": 1, "elements": [{"x": 1e400}]}', "too large"),
    (b'{"format_version": true}', "format version"),
    (b'{"format_version": 1, "views": [{"id": "id-v", "nodes": 5}]}', "must be a list"),
])
def test_hostile_json_is_refused_with_a_reason(raw, reason):
    with pytest.raises(NativeFileError, match=reason):
        loads(raw, "hostile.egov")


def test_wrong_types_and_out_of_range_values_are_repaired_and_reported():
    data = file_dict()
    element = data["elements"][0]
    element["name"] = 5
    element["properties"] = [["ok", "1"], ["bad"], 7]
    node, other = data["views"][0]["nodes"]
    node["style"] = {"font_size": "big", "fill": "#zzzzzz", "line_width": 10**9,
                     "shadow": True, "font_style": "heavy"}
    node["w"], node["h"] = 0, -5
    other["x"], other["style"] = 10**9, {"font_size": 1e11}
    data["views"][0]["connections"][0]["bendpoints"] = [[1, 2], ["a", 3], [10**12, 0]]
    model = loads(json.dumps(data).encode(), "types.egov")
    report = "\n".join(model.load_report)
    for field in ("name", "font_size", "fill", "line_width", "style.shadow", "font_style",
                  "property #2", "‘w’", "‘h’", "‘x’", "bendpoint"):
        assert field in report, field
    loaded_node = model.views[0].nodes[node["id"]]
    assert (loaded_node.w, loaded_node.h) == (120, 55)  # kept, with its connection
    assert len(model.views[0].connections) == 1
    assert model.views[0].nodes[other["id"]].x == 100_000
    assert model.views[0].nodes[other["id"]].style.font_size == 200.0
    assert loaded_node.style.fill is None and loaded_node.style.line_width == 50
    assert model.views[0].connections[data["views"][0]["connections"][0]["id"]].bendpoints == [
        (1, 2), (100_000, 0)]
    reloads_unchanged(model)


def test_a_lone_surrogate_in_a_name_loads_and_can_be_saved(tmp_path):
    raw = model_bytes(small_model()).replace(b'"LGSP"', b'"LG\\ud800SP"')
    model = loads(raw, "surrogate.egov")
    assert model.element("id-b").name == "LG\ufffdSP"
    assert "unpaired surrogates" in model.load_report[0]
    save(model, tmp_path / "ok.egov")
    reloads_unchanged(load(tmp_path / "ok.egov"))


def test_a_model_with_a_lone_surrogate_in_memory_can_be_saved(tmp_path):
    model = small_model()
    model.element("id-a").name = "Cổng\udcb5"  # e.g. pasted from a file name
    save(model, tmp_path / "m.egov")
    assert load(tmp_path / "m.egov").element("id-a").name == "Cổng\ufffd"


def test_a_file_without_a_model_id_gets_the_same_id_at_every_load(tmp_path):
    data = file_dict()
    del data["id"]
    raw = json.dumps(data).encode()
    first, second = loads(raw, "a.egov"), loads(raw, "b.egov")
    assert first.id == second.id and first.id.startswith("id-")
    save(first, tmp_path / "m.egov")
    assert load(tmp_path / "m.egov").id == first.id  # written by the next Save


# ---------------------------------------------------------------- saving on shared folders
@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_save_writes_through_a_symlink(tmp_path):
    real = tmp_path / "share" / "gia-lai.egov"
    real.parent.mkdir()
    save(Model("cũ"), real)
    link = tmp_path / "gia-lai.egov"
    link.symlink_to(real)
    save(small_model(), link)
    assert link.is_symlink()
    assert load(real).name == "Tỉnh"


@POSIX
def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "m.egov"
    save(Model("cũ"), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(ReadOnlyFileError, match="read-only"):
        save(small_model(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.egov"]


@POSIX
def test_save_keeps_the_files_group_and_mode(tmp_path):
    path = tmp_path / "m.egov"
    save(Model("cũ"), path)
    groups = [g for g in os.getgroups() if g != path.stat().st_gid]
    if os.geteuid() != 0 and not groups:
        pytest.skip("needs a second group")
    gid = groups[0] if groups else 1
    os.chown(path, -1, gid)
    path.chmod(0o640)
    save(small_model(), path)
    assert path.stat().st_gid == gid
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@POSIX
def test_the_temporary_file_is_private_until_complete_and_debris_is_cleaned(tmp_path):
    path = tmp_path / "m.egov"
    debris = tmp_path / ".m.egov.x1y2z3.tmp"
    debris.write_bytes(b"half of a model")
    old = time.time() - 3600
    os.utime(debris, (old, old))
    modes = []

    def look(_sha):
        (temp,) = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        modes.append(stat.S_IMODE(temp.stat().st_mode))

    save(small_model(), path, before_replace=look)
    assert modes == [0o600]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.egov"]


def test_save_refuses_a_file_changed_or_removed_since_it_was_read(tmp_path):
    path = tmp_path / "m.egov"
    save(small_model(), path)
    document = read_document(path)
    os.utime(path, None)  # touched, same bytes: not a change
    assert disk_change(path, document.state) is DiskChange.UNCHANGED
    state = save(document.model, path, expected=document.state)
    save(Model("của đồng nghiệp"), path)  # a colleague saves
    with pytest.raises(FileChangedOnDiskError, match="changed by another program") as err:
        save(document.model, path, expected=state)
    assert err.value.change is DiskChange.CHANGED
    assert load(path).name == "của đồng nghiệp"
    path.unlink()
    with pytest.raises(FileChangedOnDiskError, match="removed") as err:
        save(document.model, path, expected=state)
    assert err.value.change is DiskChange.DELETED
    save(document.model, path)  # the user said "save anyway"
    assert load(path).name == "Tỉnh"
