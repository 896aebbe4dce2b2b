"""What another tool wrote comes back as it wrote it (issue 10): texts without a language
stay without one, Archi's specializations stay specializations, property definitions keep
the languages of their names, the model keeps its ``version`` and a reference filed
directly under ``<organizations>``, and metadata keeps its own schema. Each through the
.egov file too, since that is where an imported model lives."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from egov_modeler.exchange.oef_reader import read_exchange, read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.storage.native import load, save
from tests.helpers.exchange import NS, XML_LANG
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "exchange"
A = NS["a"]
TEXTS = "//a:name | //a:label | //a:documentation | //a:value"


def _through_egov(model: Model, folder: Path) -> Model:
    save(model, folder / "m.egov")
    return load(folder / "m.egov")


def _exported(model: Model) -> etree._Element:
    return etree.fromstring(exchange_bytes(model), etree.XMLParser(huge_tree=True))


def _model(body: str, root_attributes: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="{A}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
       identifier="id-model" {root_attributes}>{body}</model>""".encode()


# ---------------------------------------------------------------- languages
@pytest.mark.parametrize("name", ["arktect__aoeff_3_0_sparx.xml",
                                  "arktect__aoeff_3_1_visual_paradigm.xml"])
def test_texts_without_a_language_are_not_exported_as_vietnamese(name, tmp_path):
    source = DATA / name
    assert etree.parse(str(source)).xpath(f"{TEXTS} | //a:propertyDefinition/a:name[@xml:lang]",
                                          namespaces=NS)  # texts, none with a language
    model = _through_egov(read_exchange(source), tmp_path)
    out = _exported(model)
    texts = out.xpath(TEXTS, namespaces=NS)
    assert len(texts) > 100
    assert [t.get(XML_LANG) for t in texts if t.get(XML_LANG)] == []


def test_a_file_that_names_its_language_only_on_its_texts_keeps_it():
    data = _model("""<name>m</name><elements>
        <element identifier="id-a" xsi:type="BusinessActor"><name xml:lang="en">Citizen</name>
        <documentation>no language here</documentation></element></elements>""")
    model = read_exchange_bytes(data, "m.xml")
    assert model.language == "en"
    element = _exported(model).find("a:elements/a:element", NS)
    assert [n.get(XML_LANG) for n in element] == ["en", "en"]


def test_a_text_only_in_another_language_is_reported_when_it_becomes_the_main_one():
    data = _model("""<name xml:lang="en">m</name><elements>
        <element identifier="id-a" xsi:type="BusinessActor"><name xml:lang="fr">Citoyen</name>
        </element></elements>""")
    model = read_exchange_bytes(data, "m.xml")
    assert model.element("id-a").name == "Citoyen"
    assert any("another language" in line or "ngôn ngữ khác" in line
               for line in model.load_report)


# ---------------------------------------------------------------- specializations
#: A model as Archi's exporter writes a specialization: a property definition with the
#: identifier "specialization" named "Specialization" (XMLModelExporter
#: .getAllUniquePropertyKeysForModel / writeProperties); Archi's importer recognises it
#: by that identifier only (XMLModelImporter.addProperties).
ARCHI_SPECIALIZATION = _model("""
  <name xml:lang="en">Profiles</name>
  <elements>
    <element identifier="id-eric" xsi:type="BusinessActor">
      <name xml:lang="en">Eric</name>
      <properties>
        <property propertyDefinitionRef="propid-1"><value xml:lang="en">blue</value></property>
        <property propertyDefinitionRef="specialization">
          <value xml:lang="en">Specialization on business actor</value></property>
      </properties>
    </element>
    <element identifier="id-role" xsi:type="BusinessRole"><name xml:lang="en">R</name></element>
  </elements>
  <relationships>
    <relationship identifier="id-r" source="id-eric" target="id-role" xsi:type="Assignment">
      <properties><property propertyDefinitionRef="specialization">
        <value xml:lang="en">Specialization on assignment relationship</value></property>
      </properties>
    </relationship>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="propid-1" type="string"><name>Colour</name>
    </propertyDefinition>
    <propertyDefinition identifier="specialization" type="string"><name>Specialization</name>
    </propertyDefinition>
  </propertyDefinitions>""")


def test_archi_specializations_come_back_as_specializations(tmp_path):
    model = _through_egov(read_exchange_bytes(ARCHI_SPECIALIZATION, "profiles.xml"), tmp_path)
    assert model.element("id-eric").properties == [("Colour", "blue")]
    assert model.element("id-eric").specialization == "Specialization on business actor"
    assert model.relationship("id-r").specialization == (
        "Specialization on assignment relationship")
    assert sorted((p.name, p.concept_type) for p in model.profiles) == [
        ("Specialization on assignment relationship", "Assignment"),
        ("Specialization on business actor", "BusinessActor")]
    out = _exported(model)
    definitions = {d.get("identifier"): d.findtext("a:name", namespaces=NS)
                   for d in out.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    assert definitions["specialization"] == "Specialization"
    refs = [p.get("propertyDefinitionRef") for p in out.iterfind(".//a:property", NS)
            if p.findtext("a:value", namespaces=NS).startswith("Specialization on")]
    assert refs == ["specialization", "specialization"]


def test_a_property_called_specialization_in_a_model_of_this_program_stays_a_property():
    model = Model("m")
    model.add_element("BusinessActor", "A", properties=[("Specialization", "x")])
    out = _exported(model)
    assert out.find(".//a:propertyDefinition[@identifier='specialization']", NS) is None


# ---------------------------------------------------------------- property definitions
def test_property_definition_names_keep_their_languages(tmp_path):
    data = _model("""<name xml:lang="vi">Mô hình</name><elements>
      <element identifier="id-a" xsi:type="ApplicationComponent"><name xml:lang="vi">Cổng</name>
        <properties><property propertyDefinitionRef="pd-owner">
          <value xml:lang="vi">Sở TT&amp;TT</value></property></properties></element>
      </elements><propertyDefinitions>
      <propertyDefinition identifier="pd-owner" type="string">
        <name xml:lang="vi">Chủ quản</name><name xml:lang="en">Owner</name>
      </propertyDefinition></propertyDefinitions>""")
    model = _through_egov(read_exchange_bytes(data, "m.xml"), tmp_path)
    assert model.element("id-a").properties == [("Chủ quản", "Sở TT&TT")]
    names = [[(n.get(XML_LANG), n.text) for n in d.iterfind("a:name", NS)]
             for d in _exported(model).iterfind(".//a:propertyDefinition", NS)]
    assert [("vi", "Chủ quản"), ("en", "Owner")] in names


# ---------------------------------------------------------------- model, folders, metadata
def test_the_models_version_attribute_comes_back(tmp_path):
    model = _through_egov(read_exchange(DATA / "mmorga__Basic_Model.xml"), tmp_path)
    assert _exported(model).get("version") == "1.0"
    assert not any("version" in line for line in model.load_report)


def test_a_reference_directly_under_organizations_comes_back_in_its_place(tmp_path):
    source = DATA / "arktect__aoeff_3_0_sparx.xml"
    top = etree.parse(str(source)).getroot().findall("a:organizations/a:item", NS)
    assert top[-1].get("identifierRef") == "EAID_7FCB33B6_3BDB_4d97_B7ED_508FB31227C9"
    model = _through_egov(read_exchange(source), tmp_path)
    assert model.load_report == []
    out = _exported(model).findall("a:organizations/a:item", NS)
    assert [(i.get("identifierRef"), i.findtext("a:label", namespaces=NS)) for i in out] == [
        (i.get("identifierRef"), i.findtext("a:label", namespaces=NS)) for i in top]


def test_a_top_level_reference_alone_is_not_replaced_by_generated_folders():
    data = _model("""<name>m</name><elements>
        <element identifier="id-a" xsi:type="BusinessActor"><name>a</name></element>
        </elements><organizations><item identifierRef="id-a"/></organizations>""")
    out = _exported(read_exchange_bytes(data, "m.xml"))
    assert [i.attrib for i in out.findall("a:organizations/a:item", NS)] == [
        {"identifierRef": "id-a"}]


def test_a_metadata_schema_other_than_dublin_core_comes_back(tmp_path):
    model = _through_egov(read_exchange(DATA / "nfigay__ModelVide.xml"), tmp_path)
    metadata = _exported(model).find("a:metadata", NS)
    assert [(etree.QName(c).localname, c.text) for c in metadata] == [
        ("schema", "Modelio ArchiMate"), ("schemaversion", "3.6")]


def test_other_language_documentation_of_diagram_objects_is_reported():
    data = _model("""<name xml:lang="vi">m</name><views><diagrams><view identifier="id-v"
        xsi:type="Diagram"><name>v</name><node identifier="id-n" xsi:type="Label" x="0" y="0"
        w="10" h="10"><label>note</label><documentation>chính</documentation>
        <documentation xml:lang="en">main</documentation></node></view></diagrams></views>""")
    model = read_exchange_bytes(data, "m.xml")
    assert model.view("id-v").nodes["id-n"].documentation == "chính"
    assert len(model.load_report) == 1 and model.load_report[0].startswith("1 ")


def test_a_text_repeated_in_the_same_language_is_reported_not_dropped_silently():
    data = _model("""<name xml:lang="vi">m</name><elements><element identifier="id-a"
        xsi:type="BusinessActor"><name>Người dân</name><name xml:lang="vi">Công dân</name>
        </element></elements>""")
    model = read_exchange_bytes(data, "m.xml")
    assert model.element("id-a").name == "Người dân"
    assert len(model.load_report) == 1 and model.load_report[0].startswith("1 ")


def test_a_specialization_made_in_this_program_is_written_as_archi_writes_it():
    model = Model("m")
    model.add_element("ApplicationComponent", "Cổng", specialization="Nền tảng dùng chung")
    out = _exported(model)
    definition = out.find("a:propertyDefinitions/a:propertyDefinition", NS)
    assert (definition.get("identifier"), definition.findtext("a:name", namespaces=NS)) == (
        "specialization", "Specialization")
    prop = out.find("a:elements/a:element/a:properties/a:property", NS)
    assert prop.get("propertyDefinitionRef") == "specialization"
    assert prop.findtext("a:value", namespaces=NS) == "Nền tảng dùng chung"
    again = read_exchange_bytes(exchange_bytes(model), "again.xml")
    assert again.elements[0].specialization == "Nền tảng dùng chung"
    assert again.elements[0].properties == []


def test_a_views_manhattan_router_comes_back():
    model = Model("m")
    model.add_view("v", connection_router="manhattan")
    again = read_exchange_bytes(exchange_bytes(model), "again.xml")
    assert again.views[0].connection_router == "manhattan"
