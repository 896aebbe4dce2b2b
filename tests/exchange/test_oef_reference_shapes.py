"""The reference check of exchange import looks up the usual attributes of the usual tags
by name instead of listing them (issue 19). These files differ from a usual one by one
attribute each, on the tags that take the short way: each must still be refused with the
line and the id, or counted as another tool's attribute in the report. The import walks
the file once, reading the usual elements, relationships and folder items on the way
(``oef_read_scan``): what hides inside their names, values and styles is checked too."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from lxml import etree

from egov_modeler.exchange import oef_reader
from egov_modeler.exchange.oef_read_common import ExchangeImportError
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from tests.helpers.exchange import NS, rich_model

Change = Callable[[etree._Element], str]


@pytest.fixture(autouse=True)
def _no_schema(monkeypatch):
    """As in an installed build: no Open Group XSD, so the checks here are all there is."""
    monkeypatch.setattr(oef_reader, "exchange_schema", lambda: None)


@pytest.fixture(autouse=True)
def _english():
    from egov_modeler.i18n import set_language

    set_language("en")
    yield


def _first(root: etree._Element, path: str) -> etree._Element:
    found = root.find(path, NS)
    assert found is not None, path
    return found


def changed(change: Change) -> tuple[bytes, str]:
    root = etree.fromstring(exchange_bytes(rich_model()))
    expected = change(root)
    return etree.tostring(root), expected


#: A property value of an element (the model's own properties are read another way).
_ELEMENT_VALUE = "a:elements/a:element/a:properties/a:property/a:value"


def _element_id(root: etree._Element) -> str:
    return _first(root, "a:elements/a:element").get("identifier")


REFUSED: dict[str, Change] = {
    "a value with an element's id": lambda r: (
        _first(r, ".//a:value").set("identifier", _element_id(r)) or _element_id(r)),
    "a name with an invalid id": lambda r: (
        _first(r, "a:elements/a:element/a:name").set("identifier", "1 bad") or "1 bad"),
    "a property naming an element": lambda r: (
        _first(r, ".//a:property").set("propertyDefinitionRef", _element_id(r))
        or _element_id(r)),
    "a folder item naming nothing": lambda r: (
        _first(r, ".//a:item[@identifierRef]").set("identifierRef", "id-nothing")
        or "id-nothing"),
    "a relationship ending at a node": lambda r: (
        _first(r, "a:relationships/a:relationship").set(
            "target", _first(r, ".//a:node").get("identifier"))
        or _first(r, ".//a:node").get("identifier")),
    "an element without its id": lambda r: (
        _first(r, "a:elements/a:element").attrib.pop("identifier") and "identifier"),
    "an element id used twice": lambda r: (
        _first(r, "a:elements/a:element[2]").set("identifier", _element_id(r))
        or _element_id(r)),
    "an element's id inside a property value": lambda r: _inside(
        _first(r, _ELEMENT_VALUE), identifier=_element_id(r)),
    "a reference to nothing inside an element's name": lambda r: _inside(
        _first(r, "a:elements/a:element/a:name"), elementRef="id-nothing"),
    "a reference to nothing inside a folder item": lambda r: _inside(
        _first(r, ".//a:item/a:item[@identifierRef]"), identifierRef="id-nothing"),
    "a colour with an element's id": lambda r: (
        _first(r, ".//a:fillColor").set("identifier", _element_id(r)) or _element_id(r)),
    "a relationship named by a property": lambda r: (
        _first(r, ".//a:property").set(
            "propertyDefinitionRef", _first(r, ".//a:relationship").get("identifier"))
        or _first(r, ".//a:relationship").get("identifier")),
    "a node showing a relationship": lambda r: (
        _first(r, ".//a:node[@elementRef]").set(
            "elementRef", _first(r, ".//a:relationship").get("identifier"))
        or _first(r, ".//a:relationship").get("identifier")),
}


def _inside(parent: etree._Element, **attributes: str) -> str:
    """Another tool's element, with ``attributes``, inside ``parent``; the id or
    reference the refusal must name."""
    etree.SubElement(parent, "{urn:other-tool}extra", attributes)
    return next(iter(attributes.values()))


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_wrong_id_or_reference_on_a_usual_tag_is_refused(name):
    data, expected = changed(REFUSED[name])
    with pytest.raises(ExchangeImportError, match="changed.xml, line") as refused:
        read_exchange_bytes(data, "changed.xml")
    assert expected in str(refused.value)
    assert refused.value.line is not None


EXTRA: dict[str, Change] = {
    "value": lambda r: _first(r, ".//a:value").set("colour", "red") or "",
    "property": lambda r: _first(r, ".//a:property").set("colour", "red") or "",
    "item": lambda r: _first(r, ".//a:item[@identifierRef]").set("colour", "red") or "",
    "element": lambda r: _first(r, "a:elements/a:element").set("colour", "red") or "",
    "relationship without a type": lambda r: _swap_type(
        _first(r, "a:relationships/a:relationship[@source]")),
    "node": lambda r: _first(r, ".//a:node").set("colour", "red") or "",
    "relationship": lambda r: _first(
        r, "a:relationships/a:relationship[@source]").set("colour", "red") or "",
    "name": lambda r: _first(r, "a:elements/a:element/a:name").set("colour", "red") or "",
    "colour": lambda r: _first(r, ".//a:fillColor").set("colour", "red") or "",
    "element inside a value": lambda r: _inside(_first(r, _ELEMENT_VALUE), colour="red"),
    "element's value": lambda r: _first(r, _ELEMENT_VALUE).set("colour", "red") or "",
}


def _swap_type(relationship: etree._Element) -> str:
    """Four attributes, as usual, one of them another tool's instead of xsi:type."""
    for key in list(relationship.attrib):
        if key not in ("identifier", "source", "target"):
            del relationship.attrib[key]
    relationship.set("colour", "red")
    return ""


@pytest.mark.parametrize("name", list(EXTRA))
def test_another_tools_attribute_on_a_usual_tag_is_counted(name):
    data, _ = changed(EXTRA[name])
    model = read_exchange_bytes(data, "changed.xml")
    assert ("1 attributes of other tools (not in the exchange format) were not imported"
            in model.load_report), model.load_report


def test_a_folder_item_naming_a_node_is_reported_with_its_line():
    def name_a_node(root: etree._Element) -> str:
        node = _first(root, ".//a:node").get("identifier")
        _first(root, ".//a:item/a:item[@identifierRef]").set("identifierRef", node)
        return node

    data, node = changed(name_a_node)
    model = read_exchange_bytes(data, "changed.xml")
    reported = [line for line in model.load_report if node in line]
    assert len(reported) == 1 and reported[0].startswith("Folder item at line ")
    assert "is not an element, relationship or view and was not imported" in reported[0]
    assert all(node not in folder.refs for folder in model.folders)


def test_texts_of_spaces_alone_are_kept():
    def blank(root: etree._Element) -> str:
        element = _first(root, "a:elements/a:element")
        _first(element, "a:name").text = "   "
        etree.SubElement(element, f"{{{NS['a']}}}documentation").text = " "
        return element.get("identifier")

    data, identifier = changed(blank)
    element = read_exchange_bytes(data, "changed.xml").element(identifier)
    assert (element.name, element.documentation) == ("   ", " ")
