"""Writing Archi's own model file: what Archi 5 checks when it opens one (tests/helpers/
archi.py repeats its ModelChecker), Archi's folder structure, relative bounds and
bendpoint offsets, the zip only when there are images, and reading what was written gives
the same model, field by field."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import invariant
from lxml import etree

from egov_modeler.exchange.archi_reader import read_archi, read_archi_bytes
from egov_modeler.exchange.archi_writer import archi_bytes, archi_tree, write_archi
from egov_modeler.model import Model
from egov_modeler.model.commands import AddConnectionCommand, PlaceNodeCommand
from egov_modeler.model.concepts import Folder, Profile
from egov_modeler.model.ids import new_id
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node, Style
from tests.helpers import connect, place
from tests.helpers.archi import MODELS, NS, PAIRS, XSI_TYPE, archi_class, archi_problems
from tests.helpers.exchange import rich_model
from tests.helpers.model_machine import ModelMachine

CORPUS = sorted([*MODELS.glob("*.archimate"), *PAIRS.glob("*/model.archimate")])
READABLE = [p for p in CORPUS if p.name != "archi__compatibility_test2.archimate"]


def again(model: Model) -> Model:
    data, warnings = archi_bytes(model)
    assert warnings == []
    return read_archi_bytes(data, "again.archimate")


def by_id(root: etree._Element, identifier: str) -> etree._Element:
    return next(el for el in root.iter() if el.get("id") == identifier)


def test_a_written_model_passes_archis_checks():
    root, warnings = archi_tree(rich_model())
    assert warnings == []
    assert root.tag == f"{{{NS}}}model" and root.get("version") == "5.0.0"
    assert archi_problems(root) == []
    assert [f.get("type") for f in root.findall("folder")] == [
        "strategy", "business", "application", "technology", "motivation",
        "implementation_migration", "other", "relations", "diagrams"]


def test_reading_what_was_written_gives_the_same_model():
    model = rich_model()
    assert model_to_dict(again(model)) == model_to_dict(model)


@pytest.mark.parametrize("path", READABLE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_archi_files_come_back_unchanged_after_a_round_trip(path):
    model = read_archi(path)
    root, warnings = archi_tree(model)
    assert warnings == [] and archi_problems(root) == []
    assert model_to_dict(again(model)) == model_to_dict(model)


def test_ids_and_archis_folder_structure_are_kept():
    source = etree.parse(str(MODELS / "archi__Archisurance.archimate")).getroot()
    root, _ = archi_tree(read_archi(MODELS / "archi__Archisurance.archimate"))

    def tree(folder: etree._Element) -> list:
        return [folder.get("name"), folder.get("id").removeprefix("id-"), folder.get("type"),
                [e.get("id").removeprefix("id-") for e in folder.findall("element")],
                [tree(f) for f in folder.findall("folder")]]

    assert [tree(f) for f in root.findall("folder")] == [
        tree(f) for f in source.findall("folder")]
    assert root.find("feature[@name='egov:folders']") is None  # nothing to restore


def test_bounds_are_written_relative_to_the_parent_and_bendpoints_as_offsets():
    model = rich_model()
    overview = model.view_by_name("Sơ đồ khái quát")
    band = next(n for n in overview.nodes.values() if n.kind == "container")
    inner = next(n for n in overview.nodes.values() if n.parent == band.id)
    root, _ = archi_tree(model)
    bounds = by_id(root, inner.id).find("bounds")
    assert (int(bounds.get("x")), int(bounds.get("y"))) == (inner.x - band.x, inner.y - band.y)
    conn = next(c for c in overview.connections.values() if c.bendpoints)
    source, target = overview.nodes[conn.source], overview.nodes[conn.target]
    first = by_id(root, conn.id).find("bendpoint")
    x, y = conn.bendpoints[0]
    assert int(first.get("startX")) == x - (source.x + source.w // 2)
    assert int(first.get("startY")) == y - (source.y + source.h // 2)
    assert int(first.get("endX")) == x - (target.x + target.w // 2)
    assert int(first.get("endY")) == y - (target.y + target.h // 2)


def test_connections_are_stored_in_their_source_and_listed_on_their_target():
    root, _ = archi_tree(read_archi(MODELS / "archi__testCopySnapshot.archimate"))
    conn = by_id(root, "id-49ca207a")
    assert conn.getparent().get("id") == "id-9f83beb6"  # a connection from a connection
    assert "id-49ca207a" in by_id(root, "e059ecf9").get("targetConnections").split()


def test_plain_xml_without_images_and_a_zip_with_them():
    model = rich_model()
    data, _ = archi_bytes(model)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    element = model.elements[0]
    model.profiles.append(Profile("id-p1", "Cơ quan nhà nước", element.type,
                                  "images/co-quan.png"))
    model.images["images/co-quan.png"] = b"\x89PNG\r\n\x1a\nimage"
    element.specialization = "Cơ quan nhà nước"
    data, _ = archi_bytes(model)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.namelist() == ["model.xml", "images/co-quan.png"]
        root = etree.fromstring(archive.read("model.xml"))
    profile = root.find("profile")
    assert (profile.get("name"), profile.get("imagePath")) == ("Cơ quan nhà nước",
                                                               "images/co-quan.png")
    assert by_id(root, element.id).get("profiles") == "id-p1"
    assert model_to_dict(read_archi_bytes(data)) == model_to_dict(model)


def test_a_specialization_without_a_profile_gets_one_archi_accepts():
    model = rich_model()
    element, rel = model.elements[0], model.relationships[0]
    element.specialization = "Hệ thống dùng chung"
    rel.specialization = "Hệ thống dùng chung"
    root, _ = archi_tree(model)
    assert archi_problems(root) == []
    types = sorted(p.get("conceptType") for p in root.findall("profile"))
    assert types == sorted([element.type, f"{rel.type}Relationship"])
    assert model_to_dict(again(model)) == model_to_dict(model)  # profiles not added


def test_a_models_own_folders_come_back_even_when_they_mix_kinds():
    model = rich_model()
    element, rel, view = model.elements[5], model.relationships[0], model.views[0]
    model.folders = [
        Folder("Hệ thống dùng chung", labels={"en": "Shared"}, id="id-f1",
               documentation="ghi chú", refs=[element.id, rel.id],
               folders=[Folder("Trống")]),
        Folder("Sơ đồ", refs=[view.id, element.id]),
    ]
    root, _ = archi_tree(model)
    assert archi_problems(root) == []
    assert model_to_dict(again(model)) == model_to_dict(model)
    copies = [f for f in root.iter("folder") if f.get("name") == "Hệ thống dùng chung"]
    assert len(copies) == 2  # under Business for the element, under Relations for the other


def test_a_connection_archi_would_refuse_is_left_out_and_said():
    model = Model("m")
    a = model.add_element("BusinessActor", "A")
    r = model.add_element("BusinessRole", "R")
    rel = model.relate(a.id, "Assignment", r.id)
    view = model.add_view("V")
    na, nr = place(model, view.id, a.id), place(model, view.id, r.id, 300)
    wrong = Connection(new_id(), nr.id, na.id, relationship_id=rel.id)  # drawn backwards
    view.connections[wrong.id] = wrong
    root, warnings = archi_tree(model)
    assert len(warnings) == 1 and wrong.id in warnings[0]
    assert archi_problems(root) == []


def test_a_label_holding_figures_becomes_a_group_and_comes_back_a_label():
    model = Model("m")
    a = model.add_element("BusinessActor", "A")
    view = model.add_view("V")
    label = Node(new_id(), 0, 0, 400, 200, kind="label", label="Ghi chú")
    model.execute(PlaceNodeCommand(view.id, label))
    place(model, view.id, a.id, 20, 40, parent=label.id)
    root, _ = archi_tree(model)
    assert archi_class(by_id(root, label.id)) == "Group"
    assert model_to_dict(again(model)) == model_to_dict(model)


def test_styles_archi_cannot_say_exactly_still_come_back():
    model = rich_model()
    node = next(iter(model.views[0].nodes.values()))
    node.style = Style(fill="#ABCDEF", font_size=12, font_style="underline",
                       text_alignment="right", text_position="bottom")
    conn = next(iter(model.views[0].connections.values()))
    conn.style = Style(fill="#123456", line_width=0, text_position="target")
    assert model_to_dict(again(model)) == model_to_dict(model)


def test_connections_to_connections_keep_their_bendpoints():
    model = Model("m")
    a, b, c = (model.add_element("BusinessActor", n) for n in "ABC")
    ab = model.relate(a.id, "Association", b.id)
    to_rel = model.relate(c.id, "Association", ab.id)
    view = model.add_view("V")
    na, nb, nc = (place(model, view.id, e.id, x, y) for e, x, y in
                  ((a, 0, 0), (b, 400, 0), (c, 200, 300)))
    line = connect(model, view.id, ab.id, na.id, nb.id)
    line.bendpoints = [(200, -80)]
    model.execute(AddConnectionCommand(view.id, Connection(
        new_id(), nc.id, line.id, relationship_id=to_rel.id, bendpoints=[(150, 200),
                                                                         (190, 90)])))
    assert model_to_dict(again(model)) == model_to_dict(model)


def test_write_archi_writes_the_file(tmp_path):
    model = rich_model()
    assert write_archi(model, tmp_path / "m.archimate") == []
    assert model_to_dict(read_archi(tmp_path / "m.archimate")) == model_to_dict(model)


def test_every_element_type_survives_and_lands_in_its_folder():
    model = read_archi(MODELS / "pyarchimate__Elements.archimate")
    root, _ = archi_tree(model)
    assert archi_problems(root) == []
    written = {archi_class(e) for e in root.iter("element")}
    assert {"Junction", "Location", "Grouping", "ValueStream", "Material",
            "InfluenceRelationship"} <= written
    assert all(el.get(XSI_TYPE).startswith("archimate:") for el in root.iter("element"))


class ArchiMachine(ModelMachine):
    """The model machine's random edits, with one more promise: an Archi file of the model
    reads back as the same model. (The machine's own file promises are checked by its own
    test; here they are plain methods, so this run spends its time on Archi's file.)"""

    def save_then_load_gives_an_equal_model(self):
        pass

    def export_then_import_gives_an_equal_model(self):
        pass

    @invariant()
    def archi_file_then_read_gives_an_equal_model(self):
        data, _ = archi_bytes(self.model)
        assert _lines_by_id(model_to_dict(read_archi_bytes(data))) == _lines_by_id(
            model_to_dict(self.model))


def _lines_by_id(model: dict) -> dict:
    """``model`` with each view's connections sorted by id: Archi files a line under its
    source element, so the order of lines from different sources is Archi's (nodes keep
    their drawing order: those are compared as they are)."""
    for view in model.get("views", []):
        view["connections"] = sorted(view.get("connections", []), key=lambda c: c["id"])
    return model


ArchiMachine.TestCase.settings = settings(
    max_examples=15, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestArchiMachine = ArchiMachine.TestCase
