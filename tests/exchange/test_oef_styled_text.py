"""Styled views are written as text like the rest of the exchange file (issue 19): each
``<style>`` must be what the one style codec (``oef_style.write_style``) makes of that
style, what the format cannot hold must travel in the view's extras, and the file must
read back into the same styles, however odd the colours and fonts and however often one
style repeats (the writer makes each distinct style once per export)."""

from __future__ import annotations

import pytest
from lxml import etree

from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_style import write_style
from egov_modeler.exchange.oef_vocabulary import NS, q
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.views import Connection, Node, Style, View
from tests.helpers.exchange import load_validator, oef_problems

ODD_FONT = 'Times & "New" <Roman>\tbold\nline'

#: Styles the program keeps through the format, however odd: a font name with every
#: character an attribute escapes, zero alphas, half-point sizes, fields the format has
#: no place for (the view's extras carry them), one style repeated many times.
KEPT_STYLES = [
    Style(fill="#ff8000", fill_alpha=128, line_color="#000000", line_alpha=0, line_width=3,
          font_name=ODD_FONT, font_size=9.5, font_color="#123456", font_style="bold italic",
          text_alignment="right", text_position="top"),
    Style(font_name="Segoe UI", font_size=9, font_color="#000000"),
    Style(text_alignment="center"),  # nothing the format can say: extras only
    Style(fill="#00ff00", fill_alpha=0, line_width=1),
    Style(font_name="Arial\x01", font_size=12.5),  # a character XML cannot hold
    Style(line_color="#5c5c5c", font_style="underline"),
]

#: Styles a caller may hand the writer that the format cannot keep (not colours, out of
#: range, a width given as a decimal): still each written as the style codec writes it,
#: the writer making each distinct one once without taking one for another.
ODD_STYLES = [
    *KEPT_STYLES,
    Style(fill="red", line_color="#GGGGGG", font_color="blue"),
    Style(fill_alpha=300, line_alpha=-5),
    Style(line_width=0, font_size=0.2, font_style="wavy"),
    Style(line_width=2),
    Style(line_width=2.0),  # type: ignore[arg-type]  # the same width as a decimal
    Style(font_size=-3.0),
]


def styled_model(styles: list[Style]) -> Model:
    """One view whose nodes and connections wear each of ``styles`` several times (the
    writer's cache), in nested nodes too (another depth of the same style)."""
    model = Model("Kiểu dáng", id="id-m")
    view = View("id-v", "Sơ đồ có kiểu")
    model.load_view(view)
    model.load_node(view.id, Node("id-band", 0, 0, 2000, 2000, kind="container",
                                  label="Dải", style=styles[0]))
    previous = None
    for i in range(len(styles) * 3):
        element = Element(f"id-e{i}", "ApplicationComponent", f"Hệ thống {i}")
        model.load_element(element)
        parent = "id-band" if i % 2 else None
        node = Node(f"id-n{i}", 20 + 150 * (i % 10), 20 + 90 * (i // 10), 120, 55,
                    element_id=element.id, parent=parent,
                    style=styles[i % len(styles)])
        model.load_node(view.id, node)
        if previous is not None:
            rel = Relationship(f"id-r{i}", "Serving", previous, element.id)
            model.load_relationship(rel)
            model.load_connection(view.id, Connection(
                f"id-c{i}", f"id-n{i - 1}", node.id, relationship_id=rel.id,
                style=styles[(i + 3) % len(styles)], bendpoints=[(5, 7)]))
        previous = element.id
    return model


def _styles_in_file(data: bytes) -> dict[str, bytes]:
    """Each node's and connection's ``<style>`` in the file, as bytes without layout."""
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    found = {}
    for owner in root.iter(q("node"), q("connection")):
        style = owner.find(q("style"))
        if style is not None:
            found[owner.get("identifier")] = _canonical(style)
    return found


def _style_by_codec(style: Style) -> bytes | None:
    holder = etree.Element(q("node"), nsmap={None: NS})
    write_style(holder, style)
    element = holder.find(q("style"))
    return None if element is None else _canonical(element)


def _canonical(element: etree._Element) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)


def test_each_style_is_what_the_style_codec_writes():
    model = styled_model(ODD_STYLES)
    in_file = _styles_in_file(exchange_bytes(model))
    view = model.views[0]
    owners = [*view.nodes.values(), *view.connections.values()]
    for owner in owners:
        assert in_file.get(owner.id) == _style_by_codec(owner.style), owner.id
    widths = {in_file[f"id-n{i}"] for i, s in enumerate(ODD_STYLES) if s.line_width == 2}
    assert len(widths) == 2  # 2 and 2.0, each as the codec writes it


def test_the_file_is_what_lxml_writes_and_valid(shared_dir):
    data = exchange_bytes(styled_model(KEPT_STYLES))
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))  # re-indented
    for text in root.iter(q("name"), q("documentation"), q("label"), q("value")):
        if text.text is None:
            text.text = ""  # as the writer wrote it (parsing <a></a> gives None)
    again = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert again == data
    assert oef_problems(load_validator(shared_dir), data) == []


def test_odd_styles_read_back_equal_and_write_the_same_bytes():
    model = styled_model(KEPT_STYLES)
    data = exchange_bytes(model)
    again = read_exchange_bytes(data, "styled.xml")
    view, back = model.views[0], again.views[0]
    for node in view.nodes.values():
        assert back.nodes[node.id].style == node.style, node.id
    for conn in view.connections.values():
        assert back.connections[conn.id].style == conn.style, conn.id
    assert back.nodes["id-n0"].style.font_name == ODD_FONT
    assert exchange_bytes(again) == data


@pytest.mark.parametrize("style", KEPT_STYLES)
def test_a_style_on_a_single_node_reads_back_equal(style):
    model = Model("m", id="id-m")
    model.load_element(Element("id-e", "Goal", "Mục tiêu"))
    view = View("id-v", "v")
    model.load_view(view)
    model.load_node(view.id, Node("id-n", 10, 10, 120, 55, element_id="id-e", style=style))
    again = read_exchange_bytes(exchange_bytes(model), "one.xml")
    assert again.views[0].nodes["id-n"].style == style


def test_an_opacity_on_the_types_own_colour_is_not_written_as_black():
    """A box given an opacity but no fill colour (the Appearance section allows it) is
    drawn in its type's colour: the file names no colour for it (other tools draw their
    own), and this program reads the opacity back from the view's extras."""
    model = Model("m", id="id-m")
    model.load_element(Element("id-e", "Goal", "Mục tiêu"))
    view = View("id-v", "v")
    model.load_view(view)
    style = Style(fill_alpha=128, line_alpha=40)
    model.load_node(view.id, Node("id-n", 10, 10, 120, 55, element_id="id-e", style=style))
    data = exchange_bytes(model)
    assert b"fillColor" not in data and b"lineColor" not in data
    assert read_exchange_bytes(data, "one.xml").views[0].nodes["id-n"].style == style
