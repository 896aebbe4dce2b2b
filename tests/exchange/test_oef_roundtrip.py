"""Round trips through the exchange format lose nothing: native -> exchange -> native gives
the same model, and files of other tools survive sample -> native -> exchange."""

from __future__ import annotations

import pytest
from lxml import etree

from egov_modeler.exchange.oef_reader import read_exchange, read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes, write_exchange
from egov_modeler.model import Model
from egov_modeler.model.concepts import Folder
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Style
from egov_modeler.storage.native import load, save
from tests.helpers import paths, place
from tests.helpers.exchange import NS, load_validator, oef_problems, rich_model
from tests.helpers.paths import SHARED

SAMPLES = sorted((SHARED / "archimate" / "samples").glob("*.xml"))


@pytest.fixture(scope="session")
def validator(shared_dir):
    return load_validator(shared_dir)


def _again(model: Model) -> Model:
    return read_exchange_bytes(exchange_bytes(model), "round-trip.xml")


def test_native_to_exchange_to_native_gives_an_equal_model(tmp_path):
    model = rich_model()
    save(model, tmp_path / "m.egov")
    write_exchange(load(tmp_path / "m.egov"), tmp_path / "m.xml")
    again = read_exchange(tmp_path / "m.xml")
    assert model_to_dict(again) == model_to_dict(model)
    assert again.load_report == []


def test_round_trip_keeps_the_details_a_user_would_check():
    model = rich_model()
    again = _again(model)
    portal = next(e for e in again.elements if e.name == "Cổng Dịch vụ công cấp tỉnh")
    assert portal.names == {"en": "Provincial portal"}
    assert (portal.catalog_ref, portal.layer) == ("c_cong_dvc_tinh", "cong_dich_vu")
    assert portal.properties == [("Chủ quản", "Sở TT&TT"), ("Đã phê duyệt", "true")]
    assert again.metadata["so_ho_so"] == "HS-2026/01"  # a dossier field, not Dublin Core
    assert again.property_types == {"Năm": "number", "Đã phê duyệt": "boolean"}
    assert again.folders == []  # generated Archi folders are not a user's folders
    overview = again.view_by_name("Sơ đồ khái quát")
    band = next(n for n in overview.nodes.values() if n.kind == "container")
    assert (band.layer, band.x, band.style.fill_alpha) == ("cong_dich_vu", -40, 128)
    inner = next(n for n in overview.nodes.values() if n.parent == band.id)
    assert inner.style == Style(fill="#b5ffff", fill_alpha=255, line_color="#5c5c5c",
                                line_alpha=200, line_width=2, font_name="Be Vietnam Pro",
                                font_size=9.5, font_color="#123456", font_style="bold italic")
    conn = next(c for c in overview.connections.values() if c.bendpoints)
    assert conn.bendpoints == [(100, 300), (-20, 320)]


def test_model_language_and_names_in_each_language_survive_in_english_models():
    model = Model("Provincial architecture", language="en")
    model.names["vi"] = "Kiến trúc tỉnh"
    model.add_element("BusinessActor", "Citizen", names={"vi": "Người dân"})
    again = _again(model)
    assert again.language == "en"
    assert model_to_dict(again) == model_to_dict(model)


def test_a_models_own_folders_are_written_faithfully_and_come_back():
    model = rich_model()
    elements = model.elements
    model.folders = [
        Folder("Hệ thống dùng chung", labels={"en": "Shared systems"}, id="id-folder-1",
               documentation="Các hệ thống cấp tỉnh", refs=[elements[0].id],
               folders=[Folder("Con", refs=[elements[1].id, model.relationships[0].id])]),
        Folder("Sơ đồ", refs=[v.id for v in model.views]),
    ]
    again = _again(model)
    assert again.folders == model.folders
    assert model_to_dict(again) == model_to_dict(model)


def test_exporting_twice_gives_identical_bytes():
    model = rich_model()
    assert exchange_bytes(_again(model)) == exchange_bytes(model)


def test_geometry_outside_the_exchange_formats_range_is_kept():
    model = Model("m")
    actor = model.add_element("BusinessActor", "A")
    view = model.add_view("v")
    node = place(model, view.id, actor.id, -300, -15, w=120, h=55)
    node.style = Style(fill_alpha=3, font_size=7.3)
    again = _again(model)
    assert model_to_dict(again) == model_to_dict(model)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_sample_to_native_to_exchange_keeps_everything_and_validates(
        sample, tmp_path, validator):
    source = etree.parse(str(sample), etree.XMLParser(huge_tree=True)).getroot()
    model = read_exchange(sample)
    save(model, tmp_path / "m.egov")
    data = exchange_bytes(load(tmp_path / "m.egov"))
    assert oef_problems(validator, data) == []
    out = etree.fromstring(data, etree.XMLParser(huge_tree=True))

    def ids(root, path):
        return sorted(e.get("identifier") for e in root.iterfind(path, NS))

    for path in ("a:elements/a:element", "a:relationships/a:relationship", ".//a:view",
                 ".//a:view//a:node", ".//a:view/a:connection"):
        assert ids(out, path) == ids(source, path), path

    def bendpoints(root):
        return sorted((c.get("identifier"), b.get("x"), b.get("y"))
                      for c in root.iterfind(".//a:connection", NS)
                      for b in c.iterfind("a:bendpoint", NS))

    assert bendpoints(out) == bendpoints(source)
    assert model_to_dict(read_exchange_bytes(data, "again.xml")) == model_to_dict(model)


def test_framework_templates_survive_the_round_trip(validator):
    templates = sorted((paths.PACKAGE / "resources"
                        / "templates").glob("*.egov"))
    if not templates:
        pytest.skip("no framework templates in this build yet")
    for path in templates:
        model = load(path)
        data = exchange_bytes(model)
        assert oef_problems(validator, data) == [], path.name
        assert model_to_dict(read_exchange_bytes(data, path.name)) == model_to_dict(model)


def test_a_name_only_in_another_language_stays_in_that_language():
    model = Model("m")
    model.add_element("BusinessActor", "", names={"en": "Citizen"})
    again = _again(model)
    assert [(e.name, e.names) for e in again.elements] == [("", {"en": "Citizen"})]


def test_folders_rearranged_in_another_tool_are_kept():
    model = rich_model()
    root = etree.fromstring(exchange_bytes(model))
    top = root.findall("a:organizations/a:item", NS)
    moved = top[0].find("a:item[@identifierRef]", NS)
    top[-1].append(moved)  # e.g. an architect filed an element under Views in Archi
    again = read_exchange_bytes(etree.tostring(root), "rearranged.xml")
    assert [f.label for f in again.folders] == [
        f.findtext("a:label", namespaces=NS) for f in top]
    assert moved.get("identifierRef") in again.folders[-1].refs


def test_damaged_view_extras_are_reported_and_the_view_still_imports():
    model = rich_model()
    root = etree.fromstring(exchange_bytes(model))
    for value in root.iterfind(".//a:view/a:properties/a:property/a:value", NS):
        if value.text.startswith("{"):
            value.text = "{not json"
    again = read_exchange_bytes(etree.tostring(root), "damaged.xml")
    assert any("egov:view-extras" in line for line in again.load_report)
    overview = again.view_by_name("Sơ đồ khái quát")
    assert len(overview.nodes) == len(model.view_by_name("Sơ đồ khái quát").nodes)
