"""Export to ArchiMate Open Exchange XML: what Archi needs to accept the file, and what the
architect expects to find in it."""

from __future__ import annotations

import pytest
from lxml import etree

from egov_modeler.exchange.oef_vocabulary import PROP_CATALOG_REF, PROP_LAYER
from egov_modeler.exchange.oef_writer import exchange_bytes, write_exchange
from egov_modeler.model import Model
from egov_modeler.model.metamodel import ELEMENT_TYPES
from tests.helpers.exchange import (
    NS,
    XML_LANG,
    XSI_TYPE,
    load_validator,
    oef_problems,
    rich_model,
)


@pytest.fixture(scope="session")
def validator(shared_dir):
    return load_validator(shared_dir)


@pytest.fixture
def model() -> Model:
    return rich_model()


def _root(model: Model) -> etree._Element:
    return etree.fromstring(exchange_bytes(model))


# ---------------------------------------------------------------- validity
def test_export_is_valid_against_the_archi_schema_and_resolves_every_reference(
        model, validator, tmp_path):
    path = tmp_path / "gia-lai.xml"
    write_exchange(model, path)
    assert oef_problems(validator, path.read_bytes()) == []


def test_an_empty_model_exports_valid(validator):
    assert oef_problems(validator, exchange_bytes(Model("Trống"))) == []


def test_all_nodes_of_a_view_come_before_its_connections(model):
    for view in _root(model).iterfind(".//a:view", NS):
        tags = [etree.QName(c).localname for c in view if etree.QName(c).localname in (
            "node", "connection")]
        assert tags == sorted(tags, key=lambda t: t == "connection")
    overview = _root(model).find(".//a:view", NS)
    assert [etree.QName(c).localname for c in overview][-2:] == ["connection", "connection"]


# ---------------------------------------------------------------- content
def test_model_name_documentation_and_dublin_core_metadata(model):
    root = _root(model)
    names = {n.get(XML_LANG): n.text for n in root.findall("a:name", NS)}
    assert names == {"vi": model.name, "en": "Gia Lai e-Government architecture 2.0"}
    docs = {n.get(XML_LANG): n.text for n in root.findall("a:documentation", NS)}
    assert docs["vi"] == "Theo Khung Kiến trúc CPĐT Việt Nam 2.0"
    assert root.findtext("a:metadata/dc:title", namespaces=NS) == "Kiến trúc CQĐT Gia Lai"
    assert root.findtext("a:metadata/dc:creator", namespaces=NS) == "Sở TT&TT Gia Lai"
    assert root.findtext("a:metadata/dc:date", namespaces=NS) == "2026-11-27"


def test_every_element_type_is_written_with_its_type(model):
    types = {e.get(XSI_TYPE) for e in _root(model).iterfind("a:elements/a:element", NS)}
    assert types == set(ELEMENT_TYPES)


def test_relationship_attributes_access_association_influence(model):
    root = _root(model)
    rels = root.findall("a:relationships/a:relationship", NS)
    access = [r for r in rels if r.get(XSI_TYPE) == "Access"]
    assert sorted(r.get("accessType") for r in access) == ["Read", "ReadWrite"]
    associations = [r for r in rels if r.get(XSI_TYPE) == "Association"]
    assert all(r.get("isDirected") in ("true", "false") for r in associations)
    assert any(r.get("isDirected") == "true" for r in associations)
    influence = [r for r in rels if r.get(XSI_TYPE) == "Influence"]
    assert [r.get("modifier") for r in influence] == ["++"]


def test_access_without_a_type_still_writes_the_attribute():
    model = Model("m")
    app = model.add_element("ApplicationComponent", "Ứng dụng")
    data = model.add_element("DataObject", "Dữ liệu")
    model.relate(app.id, "Access", data.id)
    rel = _root(model).find("a:relationships/a:relationship", NS)
    assert rel.get("accessType") == "Access"


def _props(owner: etree._Element, root: etree._Element) -> dict[str, str]:
    names = {d.get("identifier"): d.findtext("a:name", namespaces=NS)
             for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    return {names[p.get("propertyDefinitionRef")]: p.findtext("a:value", namespaces=NS)
            for p in owner.iterfind("a:properties/a:property", NS)}


def test_framework_provenance_and_user_properties_are_properties(model):
    root = _root(model)
    portal = next(e for e in root.iterfind("a:elements/a:element", NS)
                  if e.findtext("a:name", namespaces=NS) == "Cổng Dịch vụ công cấp tỉnh")
    props = _props(portal, root)
    assert props["Chủ quản"] == "Sở TT&TT"
    assert props[PROP_CATALOG_REF] == "c_cong_dvc_tinh"
    assert props[PROP_LAYER] == "cong_dich_vu"
    types = {d.findtext("a:name", namespaces=NS): d.get("type")
             for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    assert types["Năm"] == "number" and types["Đã phê duyệt"] == "boolean"
    assert types["Chủ quản"] == "string"
    assert _props(root, root)["Phiên bản"] == "2.0"


def test_reference_model_of_a_catalog_component_is_written():
    from egov_modeler.model.catalog import active_catalog

    catalog = active_catalog()
    component = next(c for c in catalog.components if c.reference_model != "overview")
    model = Model("m")
    model.add_element(component.archimate_type, component.name_vi, catalog_ref=component.id,
                      layer=component.layer)
    root = _root(model)
    props = _props(root.find("a:elements/a:element", NS), root)
    assert props["egov:reference_model"] == component.reference_model


def test_default_organizations_are_archi_folders_with_framework_layers_inside(model):
    root = _root(model)
    top = {i.findtext("a:label", namespaces=NS): i for i in root.iterfind(
        "a:organizations/a:item", NS)}
    assert {"Strategy", "Business", "Application", "Technology & Physical", "Motivation",
            "Implementation & Migration", "Other", "Relations", "Views"} <= set(top)
    application = top["Application"]
    sub_labels = [i.findtext("a:label", namespaces=NS) for i in application.iterfind(
        "a:item", NS) if i.get("identifierRef") is None]
    assert "Cổng và dịch vụ cổng (dịch vụ công trực tuyến)" in sub_labels  # catalog name
    filed = [i.get("identifierRef") for i in root.iterfind(".//a:item", NS)
             if i.get("identifierRef")]
    assert len(filed) == len(set(filed)) == (
        len(model.elements) + len(model.relationships) + len(model.views))


def test_views_geometry_nesting_styles_bendpoints_and_view_references(model):
    root = _root(model)
    overview = next(v for v in root.iterfind(".//a:view", NS)
                    if v.findtext("a:name", namespaces=NS) == "Sơ đồ khái quát")
    assert overview.get("viewpoint") == "Layered"
    band = overview.find("a:node", NS)
    assert band.get(XSI_TYPE) == "Container"
    # the band sits at x=-40; the view is moved right by 40 so the XSD's x >= 0 holds
    assert (band.get("x"), band.get("w")) == ("0", "900")
    inner = band.find("a:node", NS)
    assert inner.get(XSI_TYPE) == "Element" and inner.get("x") == "50"
    style = inner.find("a:style", NS)
    assert style.find("a:fillColor", NS).attrib == {"r": "181", "g": "255", "b": "255",
                                                    "a": "100"}
    font = style.find("a:font", NS)
    assert (font.get("name"), font.get("size"), font.get("style")) == (
        "Be Vietnam Pro", "9.5", "bold italic")
    label = next(n for n in overview.iterfind(".//a:node", NS) if n.get(XSI_TYPE) == "Label")
    assert label.find("a:viewRef", NS).get("ref") == model.view_by_name("Chi tiết tích hợp").id
    conn = next(c for c in overview.iterfind("a:connection", NS) if c.find("a:bendpoint", NS)
                is not None)
    assert [(b.get("x"), b.get("y")) for b in conn.iterfind("a:bendpoint", NS)] == [
        ("140", "300"), ("20", "320")]


def test_cli_export_writes_a_valid_file(model, tmp_path, validator):
    from egov_modeler.cli import main
    from egov_modeler.storage.native import save

    save(model, tmp_path / "m.egov")
    code = main(["export", str(tmp_path / "m.egov"), "--format", "archimate", "-o",
                 str(tmp_path / "m.xml")])
    assert code == 0
    assert oef_problems(validator, (tmp_path / "m.xml").read_bytes()) == []
