"""What issue 16's appearance, legends and routing put in a model travels through the
files of other tools: the exchange XML (valid against the Open Group schema; what the
format cannot hold goes into the view's extras) and Archi's ``.archimate``."""

from __future__ import annotations

import json

from lxml import etree

from egov_modeler.exchange.archi_reader import read_archi_bytes
from egov_modeler.exchange.archi_writer import archi_bytes
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node, Style
from tests.helpers.exchange import NS, load_validator, oef_problems


def appearance_model() -> Model:
    model = Model("Kiến trúc tỉnh", id="id-model")
    view = model.add_view("Sơ đồ", id="id-view", connection_router="manhattan")
    view.defaults = {"ApplicationComponent": Style(fill="#336699", font_size=11.0,
                                                   text_alignment="left"),
                     "BusinessActor": Style(line_color="#aa0000", text_position="top")}
    portal = model.add_element("ApplicationComponent", "Cổng dịch vụ công", id="id-portal")
    lgsp = model.add_element("ApplicationComponent", "LGSP", id="id-lgsp")
    model.load_node(view.id, Node("id-np", 40, 40, 160, 70, element_id=portal.id,
                                  style=Style(fill="#ffcc00", text_position="bottom")))
    model.load_node(view.id, Node("id-nl", 400, 40, 160, 70, element_id=lgsp.id))
    model.load_node(view.id, Node("id-legend", 40, 200, 200, 120, kind="legend",
                                  label="Chú giải sơ đồ"))
    model.load_node(view.id, Node("id-note", 300, 200, 185, 80, kind="label",
                                  label="Ghi chú\nhai dòng",
                                  style=Style(text_alignment="center", font_color="#123456")))
    flow = model.relate(portal.id, "Flow", lgsp.id, id="id-flow")
    model.load_connection(view.id, Connection(
        "id-c", "id-np", "id-nl", flow.id, bendpoints=[(120, 130), (480, 130)],
        router="manual", style=Style(line_color="#008000", line_width=2, font_size=8.0,
                                     text_position="target")))
    return model


def test_the_exchange_xml_keeps_defaults_routing_legends_and_styles(shared_dir):
    model = appearance_model()
    data = exchange_bytes(model)
    assert oef_problems(load_validator(shared_dir), data) == []
    again = read_exchange_bytes(data)
    assert again.load_report == []
    assert model_to_dict(again)["views"] == model_to_dict(model)["views"]
    root = etree.fromstring(data)
    legend = root.find(".//a:node[@identifier='id-legend']", NS)
    assert legend.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "Label"
    assert legend.find("a:label", NS).text == "Chú giải sơ đồ"  # other tools show the title
    extras = json.loads(next(
        p.find("a:value", NS).text for p in root.iterfind(".//a:view/a:properties/a:property",
                                                          NS)
        if "defaults" in (p.find("a:value", NS).text or "")))
    assert extras["router"] == "manhattan"
    assert extras["defaults"]["ApplicationComponent"]["fill"] == "#336699"
    assert extras["connections"]["id-c"]["router"] == "manual"


def test_archis_file_keeps_them_too():
    model = appearance_model()
    data, warnings = archi_bytes(model)
    assert warnings == []
    again = read_archi_bytes(data)
    assert model_to_dict(again)["views"] == model_to_dict(model)["views"]
    root = etree.fromstring(data)
    legend = root.find(".//child[@id='id-legend']")
    assert legend.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "archimate:Note"
    assert legend.findtext("content") == "Chú giải sơ đồ"
    view = root.find(".//element[@id='id-view']")
    assert view.get("connectionRouterType") == "2"


def test_unreadable_defaults_in_a_file_are_reported_not_fatal():
    model = appearance_model()
    data = exchange_bytes(model).replace(b"#336699", b"blue-ish")
    again = read_exchange_bytes(data)
    defaults = again.views[0].defaults
    assert defaults["ApplicationComponent"].fill is None  # dropped, the rest kept
    assert defaults["ApplicationComponent"].font_size == 11.0
    assert any("fill" in line for line in again.load_report)
