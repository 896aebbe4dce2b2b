"""The .egov reader's one-step path for plain objects (issue 19) reads exactly what the
careful field reader reads: the same model and the same report. Whatever is unusual still
goes the careful way, and is repaired and reported as before."""

from __future__ import annotations

import json
import re

import pytest

from egov_modeler.model import serialization as ser
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage import native
from egov_modeler.storage.native import NativeFileError, loads, model_bytes, model_from_dict
from tests.helpers.exchange import rich_model
from tests.helpers.national_model import build_national_model

#: What each odd object of :func:`odd_file` has that the one-step path does not take.
ODD_ELEMENTS = {
    "names": {"names": {"en": "In English"}},
    "wrong name": {"name": 5},
    "long name": {"name": "x" * 5000},
    "bad property": {"properties": [["only a key"], ["k", "v"]]},
    "unknown field": {"colour": "red"},
    "wrong layer": {"layer": 7},
}
ODD_RELATIONSHIPS = {
    "bad access": {"access_type": "Bogus"},
    "bad direction": {"is_directed": "yes"},
    "null modifier": {"modifier": None},
    # only the usual four keys, one of them odd (the shortest path must not take them)
    "numeric source": {"source": 5},
    "empty target": {"target": ""},
}


def odd_file() -> tuple[bytes, dict[str, int]]:
    """A file of a national-scale model (all its concepts plain) in which some objects of
    each kind are made odd; and how many of each kind were."""
    data = json.loads(model_bytes(build_national_model(1000)))
    elements, relationships = data["elements"], data["relationships"]
    for raw, odd in zip(elements, ODD_ELEMENTS.values(), strict=False):
        raw.update(odd)
    plain_access = next(r for r in relationships if r["type"] == "Access")
    plain_access["access_type"] = "Write"  # plain: one of the four
    odd_rels = [r for r in relationships if r is not plain_access]
    for raw, odd in zip(odd_rels, ODD_RELATIONSHIPS.values(), strict=False):
        raw.update(odd)
    # a relationship ending at one listed after it, and one ending nowhere
    relationships.insert(0, {"id": "id-late", "type": "Association", "source": "id-later",
                             "target": elements[0]["id"]})
    relationships.append({"id": "id-later", "type": "Association",
                          "source": elements[1]["id"], "target": elements[2]["id"]})
    relationships.append({"id": "id-nowhere", "type": "Flow", "source": "id-missing",
                          "target": elements[2]["id"]})
    node = next(n for n in data["views"][1]["nodes"] if "label" not in n)
    node.update({"x": 1.5, "w": 0})
    data["views"][0]["connections"][-1]["relationship"] = ""
    counts = {"element": len(ODD_ELEMENTS), "relationship": len(ODD_RELATIONSHIPS),
              "node": 1, "connection": 1}
    return json.dumps(data, ensure_ascii=False).encode(), counts


def careful(raw: bytes):
    """The same bytes read with every object through the field reader."""
    return model_from_dict(json.loads(raw), "careful", texts_checked=False)


def test_plain_and_odd_objects_read_as_the_careful_reader_reads_them():
    raw, _ = odd_file()
    quick, slow = loads(raw, "odd.egov"), careful(raw)
    assert model_to_dict(quick) == model_to_dict(slow)
    assert quick.load_report == slow.load_report
    assert any("id-nowhere" in line for line in quick.load_report)
    assert quick.has_relationship("id-late")  # waited for the one listed after it
    assert [r.id for r in quick.relationships].index("id-late") > [
        r.id for r in quick.relationships].index("id-later")


def test_the_same_for_a_model_that_uses_everything():
    raw = model_bytes(rich_model())
    assert model_to_dict(loads(raw)) == model_to_dict(careful(raw))


def test_only_odd_concepts_go_through_the_field_reader(monkeypatch):
    raw, counts = odd_file()
    calls = {"element": 0, "relationship": 0}
    for kind in calls:
        original = getattr(ser, f"{kind}_from_dict")

        def counted(*args, _kind=kind, _original=original, **kwargs):
            calls[_kind] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(ser, f"{kind}_from_dict", counted)
    loads(raw, "odd.egov")
    assert calls == {"element": counts["element"], "relationship": counts["relationship"]}


def test_a_national_model_loads_whole_without_the_field_reader(monkeypatch):
    model = build_national_model(1000)
    asked = []
    monkeypatch.setattr(ser, "element_from_dict", lambda *a, **k: asked.append(a))
    monkeypatch.setattr(ser, "relationship_from_dict", lambda *a, **k: asked.append(a))
    loaded = loads(model_bytes(model), "national.egov")
    assert asked == []
    assert model_to_dict(loaded) == model_to_dict(model)
    assert loaded.load_report == []


def _again(items: list, **changes) -> str:
    """Add a copy of the first of ``items`` with ``changes``; its id."""
    items.append({**items[0], **changes})
    return str(items[-1]["id"])


@pytest.mark.parametrize("change", [
    lambda d: _again(d["relationships"]),
    lambda d: _again(d["relationships"], id=d["elements"][0]["id"]),
    lambda d: _again(d["elements"], id="1-starts-with-a-digit"),
    lambda d: _again(d["elements"], id=["a", "list"]),
])
def test_ids_claimed_at_once_are_still_refused_by_name(change):
    data = json.loads(model_bytes(rich_model()))
    bad = change(data)
    # the message names the id (used twice, or not valid)
    with pytest.raises(NativeFileError, match=re.escape(bad[:12])):
        loads(json.dumps(data).encode(), "bad.egov")


def test_the_id_made_from_the_bytes_is_made_only_when_the_file_has_none(monkeypatch):
    made = []
    monkeypatch.setattr(native, "_derived_id", lambda raw: made.append(raw) or "id-made")
    data = json.loads(model_bytes(rich_model()))
    assert loads(json.dumps(data).encode()).id == data["id"]
    assert made == []
    del data["id"]
    assert loads(json.dumps(data).encode()).id == "id-made"
    assert len(made) == 1
