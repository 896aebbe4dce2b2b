"""Import of exchange files written by other tools: everything in the file arrives, what
the program cannot model is listed, and bad files are refused with the problem and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from egov_modeler.exchange import oef_reader
from egov_modeler.exchange.oef_reader import ExchangeImportError, read_exchange, read_exchange_bytes
from egov_modeler.i18n import current_language
from egov_modeler.model.errors import ModelError
from egov_modeler.model.rules import can_relate
from egov_modeler.model.validation import validate
from tests.helpers.paths import SHARED

SAMPLES = sorted((SHARED / "archimate" / "samples").glob("*.xml"))
INVALID = sorted((SHARED / "archimate" / "samples" / "invalid").glob("*.xml"))
A = "http://www.opengroup.org/xsd/archimate/3.0/"
NS = {"a": A}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
BENDPOINT = Path("archi-tests-bendpoint.test.xml")


def _xml(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(huge_tree=True)).getroot()


def _sample(shared_dir: Path, name: str) -> Path:
    return shared_dir / "archimate" / "samples" / name


# ---------------------------------------------------------------- what arrives
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_every_sample_imports_with_the_counts_of_the_file(sample):
    root = _xml(sample)
    model = read_exchange(sample)

    def count(path: str) -> int:
        return len(root.findall(path, NS))

    views = model.views
    assert len(model.elements) == count("a:elements/a:element")
    assert len(model.relationships) == count("a:relationships/a:relationship")
    assert len(views) == count("a:views/a:diagrams/a:view")
    assert sum(len(v.nodes) for v in views) == count(".//a:view//a:node")
    assert sum(len(v.connections) for v in views) == count(".//a:view/a:connection")
    assert sum(len(c.bendpoints) for v in views for c in v.connections.values()) == count(
        ".//a:connection/a:bendpoint")
    owners = [model, *model.elements, *model.relationships, *views]
    assert sum(len(o.properties) for o in owners) == count(".//a:properties/a:property")
    assert len(list(model.iter_folders())) == len(root.xpath(
        ".//a:organizations//a:item[not(@identifierRef)]", namespaces=NS))
    assert sum(len(f.refs) for f in model.iter_folders()) == count(
        ".//a:organizations//a:item[@identifierRef]")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_names_types_geometry_and_references_are_those_of_the_file(sample):
    root = _xml(sample)
    model = read_exchange(sample)
    for el in root.iterfind("a:elements/a:element", NS):
        element = model.element(el.get("identifier"))
        assert element.type == el.get(XSI_TYPE)
        names = [n.text or "" for n in el.iterfind("a:name", NS)]
        assert element.name in names or (not names and element.name == "")
    for el in root.iterfind("a:relationships/a:relationship", NS):
        rel = model.relationship(el.get("identifier"))
        assert (rel.type, rel.source, rel.target) == (
            el.get(XSI_TYPE), el.get("source"), el.get("target"))
        if rel.type == "Influence":
            assert rel.modifier == el.get("modifier", "")
        if rel.type == "Access":
            assert (rel.access_type or "Access") == el.get("accessType", "Access")
    for view_el in root.iterfind(".//a:view", NS):
        view = model.view(view_el.get("identifier"))
        assert view.viewpoint == view_el.get("viewpoint", "")
        for el in view_el.iterfind(".//a:node", NS):
            node = view.nodes[el.get("identifier")]
            assert (node.x, node.y, node.w, node.h) == tuple(
                int(el.get(k)) for k in ("x", "y", "w", "h"))
            parent = el.getparent()
            assert node.parent == (parent.get("identifier") if parent.tag == f"{{{A}}}node"
                                   else None)
            ref = el.find("a:viewRef", NS)
            if el.get(XSI_TYPE) == "Label":
                assert node.kind == "label"
                assert node.view_ref == (ref.get("ref") if ref is not None else None)
            if el.get(XSI_TYPE) == "Element":
                assert node.element_id == el.get("elementRef")
        for el in view_el.iterfind("a:connection", NS):
            conn = view.connections[el.get("identifier")]
            assert (conn.source, conn.target, conn.relationship_id) == (
                el.get("source"), el.get("target"), el.get("relationshipRef"))


def test_archisurance_labels_point_at_views_and_metadata_is_dublin_core(shared_dir):
    model = read_exchange(_sample(shared_dir, "archi-xmlexchange-archisurance.xml"))
    labels = [n for v in model.views for n in v.nodes.values() if n.view_ref]
    assert labels and all(n.kind == "label" and model.has_view(n.view_ref) for n in labels)
    assert model.metadata["creator"] == "Phil Beauvoir"
    assert model.metadata["title"] == "Archisurance Test Exchange Model"
    assert model.language == "en"
    nested = [n for v in model.views for n in v.nodes.values() if n.parent]
    assert nested
    styled = next(n for v in model.views for n in v.nodes.values() if n.style.font_name)
    assert styled.style.font_size and styled.style.fill


def test_french_model_keeps_its_language_folders_and_property_names(shared_dir):
    model = read_exchange(_sample(shared_dir, "pyarchimate-examples-My_Model.xml"))
    assert model.language == "fr"
    assert model.name == "My Model"
    assert model.properties == [("author", "X. Mayeur"), ("version", "1.0.0")]
    assert [f.label for f in model.folders] == ["Business", "Application", "Relations", "Views"]
    assert model.folders[3].refs == [model.views[0].id]


def test_what_cannot_be_modelled_is_listed_not_lost_silently(shared_dir):
    model = read_exchange(_sample(shared_dir, BENDPOINT.name))
    assert any("sourceAttachment" in line and line.startswith("4 ")
               for line in model.load_report)


def test_forbidden_relationships_are_kept_and_reported_by_validation(shared_dir):
    sample = _sample(shared_dir, "pyarchimate-tests-synthetic_large.xml")
    root = _xml(sample)
    types = {e.get("identifier"): e.get(XSI_TYPE)
             for e in root.iterfind("a:elements/a:element", NS)}
    forbidden = {
        r.get("identifier") for r in root.iterfind("a:relationships/a:relationship", NS)
        if r.get("source") in types and r.get("target") in types
        and not can_relate(types[r.get("source")], r.get(XSI_TYPE), types[r.get("target")])}
    assert forbidden, "the sample is known to hold relationships the table forbids"
    model = read_exchange(sample)
    assert forbidden <= {r.id for r in model.relationships}
    reported = {p.ids[0] for p in validate(model) if p.rule == "archimate"}
    assert reported == forbidden


def test_relationships_ending_at_relationships_and_junctions_import(shared_dir):
    sample = _sample(shared_dir, "opengroup-ArchiSurance-3.1-case-study.xml")
    root = _xml(sample)
    rel_ids = {r.get("identifier") for r in root.iterfind("a:relationships/a:relationship",
                                                          NS)}
    model = read_exchange(sample)
    for rel in model.relationships:
        for end in (rel.source, rel.target):
            assert model.has_element(end) or (end in rel_ids and model.has_relationship(end))
    assert any(e.type in ("AndJunction", "OrJunction") for e in model.elements)


def test_relationship_to_relationship_and_connection_to_connection():
    data = f"""<?xml version="1.0"?>
<model xmlns="{A}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <name>m</name>
  <elements>
    <element identifier="id-a" xsi:type="BusinessActor"><name>a</name></element>
    <element identifier="id-b" xsi:type="BusinessRole"><name>b</name></element>
    <element identifier="id-c" xsi:type="BusinessObject"><name>c</name></element>
  </elements>
  <relationships>
    <relationship identifier="id-r2" xsi:type="Association" source="id-c" target="id-r1"/>
    <relationship identifier="id-r1" xsi:type="Assignment" source="id-a" target="id-b"/>
  </relationships>
  <views><diagrams><view identifier="id-v" xsi:type="Diagram"><name>v</name>
    <node identifier="id-na" xsi:type="Element" elementRef="id-a" x="0" y="0" w="10" h="10"/>
    <node identifier="id-nb" xsi:type="Element" elementRef="id-b" x="50" y="0" w="10" h="10"/>
    <node identifier="id-nc" xsi:type="Element" elementRef="id-c" x="0" y="50" w="10" h="10"/>
    <connection identifier="id-c2" xsi:type="Relationship" relationshipRef="id-r2"
                source="id-nc" target="id-c1"/>
    <connection identifier="id-c1" xsi:type="Relationship" relationshipRef="id-r1"
                source="id-na" target="id-nb"/>
  </view></diagrams></views>
</model>""".encode()
    model = read_exchange_bytes(data, "rel-to-rel.xml")
    assert model.relationship("id-r2").target == "id-r1"
    assert model.view("id-v").connections["id-c2"].target == "id-c1"


# ---------------------------------------------------------------- what is refused
def _line_of(data: bytes, needle: bytes) -> int:
    return next(i for i, text in enumerate(data.splitlines(), 1) if needle in text)


def _refused(data: bytes, name: str = "bad.xml") -> ExchangeImportError:
    with pytest.raises(ExchangeImportError) as info:
        read_exchange_bytes(data, name)
    error = info.value
    assert isinstance(error, ModelError)
    where = "line" if current_language() == "en" else "dòng"
    assert error.line is not None and f"{where} {error.line}" in str(error), str(error)
    return error


@pytest.mark.parametrize("sample", INVALID, ids=lambda p: p.name)
def test_invalid_samples_are_refused_with_problem_and_line(sample):
    with pytest.raises(ExchangeImportError) as info:
        read_exchange(sample)
    message = str(info.value)  # in Vietnamese, the default language
    assert sample.name in message and re.search(r"dòng \d+", message)


def test_invalid_sample_messages_name_the_problem(shared_dir, set_english):
    invalid = shared_dir / "archimate" / "samples" / "invalid"
    dangling = str(_refused_file(invalid / (
        "pyarchimate-viewpoint_sample_opengroup.dangling-propdef.xml")))
    assert "propid-1" in dangling and "line 10" in dangling
    root = str(_refused_file(invalid / "pyarchimate-test_multiple_images.not-oef-root.xml"))
    assert "namespace" in root and "ArchimateModel" in root


def _refused_file(path: Path) -> ExchangeImportError:
    with pytest.raises(ExchangeImportError) as info:
        read_exchange(path)
    return info.value


@pytest.fixture
def set_english():
    from egov_modeler.i18n import set_language

    set_language("en")


@pytest.fixture
def good(shared_dir) -> bytes:
    return _sample(shared_dir, BENDPOINT.name).read_bytes()


def test_truncated_file_is_refused_as_truncated(good, set_english):
    error = _refused(good[: len(good) // 2])
    assert "truncated" in str(error)


def test_non_xml_files_are_refused(set_english):
    assert "not an XML file" in str(_refused(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))
    with pytest.raises(ExchangeImportError, match="empty"):
        read_exchange_bytes(b"", "empty.xml")


def test_billion_laughs_is_refused_before_expansion(set_english):
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="id-1">
<name>&lol3;</name></model>"""
    error = _refused(bomb)
    assert "DOCTYPE" in str(error) and error.line == 2


def test_external_entity_is_refused_and_never_read(set_english):
    xxe = b"""<?xml version="1.0"?>
<!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="id-1">
<name>&xxe;</name></model>"""
    error = _refused(xxe)
    assert "DOCTYPE" in str(error) and "root:" not in str(error)


def test_wrong_namespace_is_refused(good, set_english):
    data = good.replace(b"http://www.opengroup.org/xsd/archimate/3.0/",
                        b"http://www.opengroup.org/xsd/archimate/2.1/")
    error = _refused(data)
    assert "namespace" in str(error) and "2.1" in str(error)


def test_dangling_reference_is_refused_with_its_line(good, set_english):
    data = good.replace(b'elementRef="id-019dd58c-3116-731f-a761-905e3234486b"',
                        b'elementRef="id-nowhere"')
    error = _refused(data)
    assert "id-nowhere" in str(error)
    assert error.line == _line_of(data, b"id-nowhere")


def test_dangling_folder_reference_libxml2_would_miss_is_refused(shared_dir, set_english):
    data = _sample(shared_dir, "pyarchimate-examples-My_Model.xml").read_bytes().replace(
        b'<item identifierRef="id-543f1ed016a648a69ea001376af24ca9" />',
        b'<item identifierRef="unknown" />')
    error = _refused(data)
    assert "unknown" in str(error) and error.line == _line_of(data, b'"unknown"')


def test_duplicate_ids_are_refused(good, set_english):
    data = good.replace(b'identifier="id-019dd58c-3116-731f-a761-905e3234486b"',
                        b'identifier="id-019dd58c-fbb9-7f75-8731-7c7b4db67709"')
    error = _refused(data)
    assert "id-019dd58c-fbb9-7f75-8731-7c7b4db67709" in str(error)
    assert "twice" in str(error)


def test_schema_errors_name_the_line(good, set_english):
    data = good.replace(b'x="0" y="138"', b'x="0" y="-138"')
    error = _refused(data)
    assert "schema" in str(error) and error.line == _line_of(data, b'y="-138"')


def test_checks_still_hold_without_the_schema_files(good, set_english, monkeypatch):
    monkeypatch.setattr(oef_reader, "exchange_schema", lambda: None)
    assert "id-nowhere" in str(_refused(good.replace(
        b'relationshipRef="id-019dd58d-4fcc-7e5e-a15c-617f4bf97c31"',
        b'relationshipRef="id-nowhere"')))
    assert "whole number" in str(_refused(good.replace(b'w="200"', b'w="wide"', 1)))
    unknown = read_exchange_bytes(good.replace(b'"BusinessFunction"', b'"BusinessThing"'), "u")
    assert len(unknown.elements) == 1 and len(unknown.relationships) == 0
    assert any("BusinessThing" in line for line in unknown.load_report)


# ---------------------------------------------------------------- command line
def test_cli_import_writes_the_model_and_lists_what_was_not_imported(
        shared_dir, tmp_path, capsys):
    from egov_modeler.cli import main
    from egov_modeler.storage.native import load

    out = tmp_path / "m.egov"
    assert main(["import", str(_sample(shared_dir, BENDPOINT.name)), "-o", str(out)]) == 0
    assert len(load(out).views[0].connections) == 2
    assert "sourceAttachment" in capsys.readouterr().out


def test_cli_import_of_a_bad_file_exits_2_with_the_reason(tmp_path, capsys):
    from egov_modeler.cli import main

    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<model>\n<name>cut")
    with pytest.raises(SystemExit) as info:
        main(["import", str(bad), "-o", str(tmp_path / "m.egov")])
    assert info.value.code == 2
    assert "bad.xml" in capsys.readouterr().err
    assert not (tmp_path / "m.egov").exists()


def test_an_element_named_only_in_another_language_keeps_a_visible_name():
    data = f"""<model xmlns="{A}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      identifier="id-m"><name xml:lang="en">m</name><elements>
      <element identifier="id-a" xsi:type="BusinessActor"><name xml:lang="fr">Citoyen</name>
      </element></elements></model>""".encode()
    element = read_exchange_bytes(data, "fr.xml").element("id-a")
    assert element.name == "Citoyen"
