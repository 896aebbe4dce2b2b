"""The exchange writer writes the bulk of a file as text (issue 19): what it writes must
be what lxml would write for the same tree (so a part's bytes do not depend on how it was
made), valid for Archi, and read back into the same model; texts XML cannot carry are
dropped as before, and an id XML cannot carry is refused as before."""

from __future__ import annotations

import pytest
from lxml import etree

from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Folder, Relationship
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node, Style, View
from tests.helpers.exchange import load_validator, oef_problems, rich_model

AWKWARD = 'A & B < C > D "quoted" \'single\' tab\there\r\nline two'


@pytest.fixture(scope="session")
def validator(shared_dir):
    return load_validator(shared_dir)


def awkward_model() -> Model:
    """Everything the writer writes, with every character that needs escaping: a styled
    view and a plain one (both written as text since issue 19)."""
    model = rich_model()
    one = Element("id-aw1", "ApplicationComponent", AWKWARD, names={"en": AWKWARD},
                  documentation=AWKWARD, documentations={"en": "doc & more"},
                  properties=[(AWKWARD, AWKWARD), ("Phạm vi", "")], catalog_ref="c_lgsp",
                  layer="nen_tang_tich_hop")
    two = Element("id-aw2", "AndJunction", "")
    three = Element("id-aw3", "DataObject", "Kho < dữ liệu >")
    for element in (one, two, three):
        model.load_element(element)
    flow = Relationship("id-awr1", "Flow", one.id, two.id, name=AWKWARD,
                        documentation="x\ry", properties=[("k", "a&b")])
    model.load_relationship(flow)
    model.load_relationship(Relationship("id-awr2", "Influence", two.id, three.id,
                                         modifier="+ & -"))
    model.load_relationship(Relationship("id-awr3", "Association", three.id, flow.id))
    view = View("id-awv", AWKWARD, viewpoint="Layered", documentation=AWKWARD)
    model.load_view(view)
    model.load_node(view.id, Node("id-awb", -50, -20, 600, 400, kind="container",
                                  label=AWKWARD, labels={"en": "band"}, layer="l1"))
    model.load_node(view.id, Node("id-awn1", 10, 10, 120, 55, element_id=one.id,
                                  parent="id-awb"))
    model.load_node(view.id, Node("id-awn2", 200, 10, 120, 55, element_id=two.id,
                                  parent="id-awb", documentation="ghi chú"))
    model.load_node(view.id, Node("id-awl", 10, 300, 200, 40, kind="label",
                                  label="Xem > chi tiết", view_ref=view.id))
    model.load_node(view.id, Node("id-awn3", 10, 200, 120, 55, element_id=three.id))
    model.load_connection(view.id, Connection("id-awc1", "id-awn1", "id-awn2",
                                              relationship_id=flow.id, label="a<b",
                                              bendpoints=[(-60, 5), (70, 80)]))
    model.load_connection(view.id, Connection("id-awc2", "id-awn3", "id-awc1",
                                              relationship_id="id-awr3"))
    model.load_connection(view.id, Connection("id-awc3", "id-awn3", "id-awl"))
    model.folders = [Folder("Thư mục & con", labels={"en": "Folder"}, id="id-awf",
                            documentation=AWKWARD, refs=[one.id, flow.id, view.id],
                            folders=[Folder("Bên trong", refs=[two.id])]),
                     Folder("Rỗng")]
    return model


def test_what_is_written_as_text_is_what_lxml_writes():
    data = exchange_bytes(awkward_model())
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))  # re-indented
    for text in root.iter("{*}name", "{*}documentation", "{*}label", "{*}value"):
        if text.text is None:
            text.text = ""  # as the writer set it (parsing <a></a> gives None)
    again = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert again == data


def test_the_file_is_valid_and_reads_back_into_the_same_model(validator):
    model = awkward_model()
    data = exchange_bytes(model)
    assert oef_problems(validator, data) == []
    again = read_exchange_bytes(data, "awkward.xml")
    assert model_to_dict(again) == model_to_dict(model)
    assert again.element("id-aw1").name == AWKWARD
    assert [v.id for v in again.views] == [v.id for v in model.views]
    assert exchange_bytes(again) == data


def test_a_text_with_characters_xml_cannot_hold_loses_only_them(caplog):
    model = Model("m", id="id-m")
    model.load_element(Element("id-e", "Goal", "Mục\x01 tiêu\x0b", properties=[("k", "v\x02")]))
    data = exchange_bytes(model)
    again = read_exchange_bytes(data, "x.xml")
    assert again.element("id-e").name == "Mục tiêu"
    assert again.element("id-e").properties == [("k", "v")]
    assert "cannot hold were dropped" in caplog.text


def test_an_id_xml_cannot_hold_is_refused_as_before():
    model = Model("m", id="id-m")
    model.load_element(Element("id-\x01", "Goal", "g"))
    with pytest.raises(ValueError, match="XML compatible"):
        exchange_bytes(model)


def test_unusual_ids_are_escaped():
    model = Model("m", id="id-m")
    model.load_element(Element('id-"odd"&<id>', "Goal", "g"))
    root = etree.fromstring(exchange_bytes(model))
    assert root.find(".//{*}element").get("identifier") == 'id-"odd"&<id>'


def test_noncharacters_are_dropped_and_their_neighbours_in_utf8_kept(caplog):
    """U+FFFE and U+FFFF are no XML characters; fullwidth letters and private-use
    characters begin with the same byte in UTF-8 (0xEF) and must stay."""
    kept = "Ａｂｃ \uf8ff ｶﾀｶﾅ"
    model = Model("m", id="id-m")
    model.load_element(Element("id-e", "Goal", f"{kept}\uffff", documentation=kept))
    model.load_element(Element("id-f", "Goal", "g\ufffe"))
    again = read_exchange_bytes(exchange_bytes(model), "x.xml")
    assert again.element("id-e").name == kept
    assert again.element("id-e").documentation == kept
    assert again.element("id-f").name == "g"
    assert "cannot hold were dropped" in caplog.text
    clean = Model("m", id="id-m")
    clean.load_element(Element("id-e", "Goal", kept))
    caplog.clear()
    assert read_exchange_bytes(exchange_bytes(clean), "y.xml").element("id-e").name == kept
    assert "cannot hold were dropped" not in caplog.text


def test_an_id_with_a_noncharacter_is_refused():
    model = Model("m", id="id-m")
    model.load_element(Element("id-\uffff", "Goal", "g"))
    with pytest.raises(ValueError, match="XML compatible"):
        exchange_bytes(model)


def test_property_definitions_never_take_an_id_the_model_uses(validator):
    """Every kind of object may already be called ``propid-N`` (a file from another tool);
    the definitions made on export must pick other ids, or the file has one id twice."""
    model = Model("m", id="propid-1")
    model.load_element(Element("propid-2", "Goal", "g", properties=[("a", "1")]))
    model.load_element(Element("propid-3", "Goal", "h", properties=[("b", "2")],
                               specialization="Đặc biệt"))
    model.load_relationship(Relationship("propid-4", "Association", "propid-2", "propid-3",
                                         properties=[("c", "3")]))
    view = View("propid-5", "v", properties=[("d", "4")])
    model.load_view(view)
    model.load_node(view.id, Node("propid-6", 0, 0, 120, 55, element_id="propid-2"))
    model.load_node(view.id, Node("propid-7", 200, 0, 120, 55, element_id="propid-3"))
    model.load_connection(view.id, Connection("propid-8", "propid-6", "propid-7",
                                              relationship_id="propid-4"))
    model.folders = [Folder("f", id="propid-9", refs=["propid-2"]),
                     Folder("g", id="specialization", refs=["propid-3"])]
    data = exchange_bytes(model)
    assert oef_problems(validator, data) == []
    again = read_exchange_bytes(data, "ids.xml")
    assert again.element("propid-2").properties == [("a", "1")]
    # the folder holds Archi's id for it: the specialization travels as a property then
    assert again.element("propid-3").properties == [("b", "2"), ("Specialization", "Đặc biệt")]
    assert again.relationship("propid-4").properties == [("c", "3")]
    assert again.view("propid-5").properties == [("d", "4")]


@pytest.mark.parametrize("style", [Style(), Style(fill="#ff0000", font_name="Arial")])
def test_nodes_nested_deeper_than_lxml_indents_are_written_as_lxml_writes_them(style):
    """libxml2 indents at most 60 spaces; deeper nodes (a file nesting them hundreds deep)
    must not get a longer indentation each, or the file grows with the square of it."""
    model = Model("m", id="id-m")
    model.load_element(Element("id-e", "Goal", "g"))
    view = View("id-v", "v")
    model.load_view(view)
    parent = None
    for depth in range(60):
        model.load_node(view.id, Node(f"id-n{depth}", depth, depth, 500 - depth, 500 - depth,
                                      element_id="id-e", parent=parent, style=style,
                                      label="nhãn" if depth % 7 == 0 else ""))
        parent = f"id-n{depth}"
    data = exchange_bytes(model)
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    again = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert again == data
    assert max(len(line) - len(line.lstrip()) for line in data.splitlines()) == 60
