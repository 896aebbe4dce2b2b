"""Exchange files from outside never hang, crash or produce a model the program cannot
save and open again (issue 11, reader side). Installed builds carry no XSD, so every
test here runs with the schema switched off: the reader's own checks must hold alone.

What a file may not do is refused with a message (an identifier missing or invalid, a
relationship without ends, a node of type Element without its element); what it may do
but beyond what the program holds (a size of 0, a coordinate of 10^12, a font size of NaN,
a colour component of 300, a damaged ``egov:view-extras``) is brought within the limits
every reader uses (:mod:`egov_modeler.model.limits`) and reported; and the other formats a
user may hand the exchange import are named, with where they are read.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from pathlib import Path

import pytest

from egov_modeler.exchange import oef_reader
from egov_modeler.exchange.oef_reader import ExchangeImportError, read_exchange, read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model, limits
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import load, save
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "exchange"
A = "http://www.opengroup.org/xsd/archimate/3.0/"


@pytest.fixture(autouse=True)
def _no_schema(monkeypatch):
    """As in an installed build: no Open Group XSD."""
    monkeypatch.setattr(oef_reader, "exchange_schema", lambda: None)


@pytest.fixture(autouse=True)
def _english():
    from egov_modeler.i18n import set_language

    set_language("en")


def _file(views: str = "", elements: str = "", relationships: str = "",
          root_id: str = 'identifier="id-m"', extra: str = "") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="{A}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" {root_id}>
  <name>m</name>
  <elements>
    <element identifier="id-a" xsi:type="BusinessActor"><name>a</name></element>
    <element identifier="id-b" xsi:type="BusinessRole"><name>b</name></element>{elements}
  </elements>
  <relationships>
    <relationship identifier="id-r" xsi:type="Assignment" source="id-a" target="id-b"/>
    {relationships}
  </relationships>{extra}
  <views><diagrams>
    <view identifier="id-v" xsi:type="Diagram"><name>v</name>{views}</view>
  </diagrams></views>
</model>""".encode()


NODE_A = '<node identifier="id-na" xsi:type="Element" elementRef="id-a" x="0" y="0" ' \
         'w="120" h="55"{attrs}>{inner}</node>'


def _node(attrs: str = "", inner: str = "") -> str:
    return NODE_A.format(attrs=attrs, inner=inner)


def _refused(data: bytes) -> str:
    with pytest.raises(ExchangeImportError) as info:
        read_exchange_bytes(data, "hostile.xml")
    return str(info.value)


def _saved_and_reopened(model: Model, folder: Path) -> Model:
    """The imported model through .egov and back, unchanged, and exportable again."""
    save(model, folder / "m.egov")
    again = load(folder / "m.egov")
    assert again.load_report == []
    assert model_to_dict(again) == model_to_dict(model)
    read_exchange_bytes(exchange_bytes(again), "again.xml")
    return again


# ---------------------------------------------------------------- identifiers
@pytest.mark.parametrize("tag, data", [
    ("node", _file(views='<node xsi:type="Element" elementRef="id-a" x="0" y="0" w="9" '
                         'h="9"><node identifier="id-in" xsi:type="Label" x="1" y="1" w="2" '
                         'h="2"/></node>')),
    ("view", _file().replace(b'<view identifier="id-v"', b"<view")),
    ("relationship", _file(relationships='<relationship xsi:type="Association" '
                                         'source="id-a" target="id-b"/>')),
    ("element", _file(elements='<element xsi:type="Goal"><name>g</name></element>')),
    ("connection", _file(views=_node() + '<node identifier="id-nb" xsi:type="Element" '
                         'elementRef="id-b" x="200" y="0" w="9" h="9"/><connection '
                         'xsi:type="Relationship" relationshipRef="id-r" source="id-na" '
                         'target="id-nb"/>')),
    ("model", _file(root_id="")),
    ("propertyDefinition", _file(extra='<propertyDefinitions><propertyDefinition '
                                       'type="string"><name>p</name></propertyDefinition>'
                                       '</propertyDefinitions>')),
])
def test_everything_that_has_an_identifier_must_have_one(tag, data):
    message = _refused(data)
    assert f"<{tag}> has no identifier" in message and "line " in message


@pytest.mark.parametrize("identifier", ["1abc", "id a", "phần-tử", "a:b", "", "abc&#10;",
                                        "abc&#10;def"])
def test_identifiers_the_program_cannot_keep_are_refused(identifier):
    data = _file(elements=f'<element identifier="{identifier}" xsi:type="Goal"><name>g'
                          "</name></element>")
    assert "is not valid" in _refused(data)


def test_a_relationship_without_an_end_is_refused():
    data = _file(relationships='<relationship identifier="id-x" xsi:type="Association" '
                               'source="id-a"/>')
    assert "id-x needs both a source and a target" in _refused(data)


def test_an_element_node_without_its_element_is_refused():
    data = _file(views='<node identifier="id-n" xsi:type="Element" x="0" y="0" w="9" h="9"/>')
    assert "names no element" in _refused(data)


def test_a_relationship_connection_without_its_relationship_is_refused():
    data = _file(views=_node() + '<node identifier="id-nb" xsi:type="Element" '
                 'elementRef="id-b" x="200" y="0" w="9" h="9"/><connection identifier="id-c" '
                 'xsi:type="Relationship" source="id-na" target="id-nb"/>')
    assert "names no relationship" in _refused(data)


def test_folders_nested_beyond_reason_are_refused():
    depth = 200
    items = "<item><label>f</label>" * depth + "</item>" * depth
    data = _file(extra=f"<organizations>{items}</organizations>")
    assert "nested more than" in _refused(data)


# ---------------------------------------------------------------- limits
@pytest.mark.parametrize("attrs, expected", [
    ('x="0" y="0" w="0" h="55"', (0, 0, limits.DEFAULT_NODE_WIDTH, 55)),
    ('x="0" y="0" w="120" h="-5"', (0, 0, 120, limits.DEFAULT_NODE_HEIGHT)),
    ('x="0" y="0" w="-1"', (0, 0, limits.DEFAULT_NODE_WIDTH, limits.DEFAULT_NODE_HEIGHT)),
    ('x="1000000000000" y="-3" w="120" h="55"', (limits.MAX_COORDINATE, -3, 120, 55)),
    ('x="0" y="0" w="' + "9" * 5000 + '" h="55"', (0, 0, limits.MAX_NODE_SIZE, 55)),
])
def test_sizes_and_coordinates_beyond_the_limits_are_brought_within_them(
        attrs, expected, tmp_path):
    """The same rule as the .egov reader: a missing, zero or negative size (Archi's -1)
    is the default size, the rest is clamped."""
    data = _file(views=f'<node identifier="id-n" xsi:type="Element" elementRef="id-a" '
                       f'{attrs}/>')
    model = read_exchange_bytes(data, "big.xml")
    assert model.view("id-v").nodes["id-n"].bounds == expected
    assert any(line.startswith(("1 coordinates or sizes", "2 coordinates or sizes"))
               for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


def test_bendpoints_beyond_the_limit_are_left_out(tmp_path):
    bends = '<bendpoint x="5" y="5"/>' * (limits.MAX_BENDPOINTS + 3)
    data = _file(views=_node() + '<node identifier="id-nb" xsi:type="Element" '
                 'elementRef="id-b" x="200" y="0" w="9" h="9"/><connection identifier="id-c" '
                 f'xsi:type="Relationship" relationshipRef="id-r" source="id-na" '
                 f'target="id-nb">{bends}</connection>')
    model = read_exchange_bytes(data, "bends.xml")
    assert len(model.view("id-v").connections["id-c"].bendpoints) == limits.MAX_BENDPOINTS
    assert any(line.startswith("3 bendpoints") for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


@pytest.mark.parametrize("value", ["1e3", "12px", "٣", "", "1_000"])
def test_coordinates_that_are_not_whole_numbers_are_refused(value):
    data = _file(views=f'<node identifier="id-n" xsi:type="Element" elementRef="id-a" '
                       f'x="{value}" y="0" w="9" h="9"/>')
    assert "needs a whole number in x" in _refused(data)


@pytest.mark.parametrize("style, problem", [
    ('<font size="NaN"/>', "font sizes"),
    ('<font size="Infinity"/>', "font sizes"),
    ('<font size="big"/>', "font sizes"),
    ('<fillColor r="300" g="0" b="0"/>', "colours"),
    ('<fillColor r="x" g="0" b="0"/>', "colours"),
    ('<fillColor r="1.5" g="0" b="0"/>', "colours"),
    ('<font><color r="0" g="-1" b="0"/></font>', "colours"),
    ('<lineColor r="0" g="0" b="0" a="half"/>', "colours"),
    ('<font style="shadow"/>', "font styles"),
])
def test_styles_the_program_cannot_draw_are_left_at_their_default(style, problem, tmp_path):
    data = _file(views=_node(inner=f"<style>{style}</style>"))
    model = read_exchange_bytes(data, "style.xml")
    node = model.view("id-v").nodes["id-na"]
    assert node.style.font_size is None and node.style.fill is None
    assert node.style.line_color is None and node.style.font_color is None
    assert node.style.font_style is None
    assert any(line.startswith(f"1 {problem}") for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


@pytest.mark.parametrize("style, field, value, problem", [
    ('<font size="1e11"/>', "font_size", limits.MAX_FONT_SIZE, "font sizes"),
    ('<font size="0"/>', "font_size", limits.MIN_FONT_SIZE, "font sizes"),
    ('<lineColor r="0" g="0" b="0" a="150"/>', "line_alpha", limits.MAX_ALPHA,
     "colour transparencies"),
])
def test_style_numbers_beyond_the_limits_are_brought_within_them(
        style, field, value, problem, tmp_path):
    data = _file(views=_node(inner=f"<style>{style}</style>"))
    model = read_exchange_bytes(data, "style.xml")
    assert getattr(model.view("id-v").nodes["id-na"].style, field) == value
    assert any(line.startswith(f"1 {problem}") for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


@pytest.mark.parametrize("width, expected", [
    ("0", limits.MIN_LINE_WIDTH), ("-2", limits.MIN_LINE_WIDTH),
    ("1000000000", limits.MAX_LINE_WIDTH), ("abc", None)])
def test_line_widths_beyond_the_limits_are_brought_within_them_or_left_out(
        width, expected, tmp_path):
    data = _file(views=_node(inner=f'<style lineWidth="{width}"/>'))
    model = read_exchange_bytes(data, "width.xml")
    assert model.view("id-v").nodes["id-na"].style.line_width == expected
    assert any(line.startswith("1 line widths") for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


def test_names_and_texts_longer_than_any_reader_accepts_are_cut_and_reported(tmp_path):
    long_text = "x" * (limits.MAX_TEXT_LENGTH + 10)
    long_name = "n" * (limits.MAX_NAME_LENGTH + 10)
    data = _file(elements=f'<element identifier="id-g" xsi:type="Goal"><name>{long_name}'
                          f"</name><documentation>{long_text}</documentation><properties>"
                          f'<property propertyDefinitionRef="pd-layer"><value>{long_name}'
                          "</value></property></properties></element>",
                 extra='<propertyDefinitions><propertyDefinition identifier="pd-layer" '
                       'type="string"><name>egov:layer</name></propertyDefinition>'
                       "</propertyDefinitions>")
    model = read_exchange_bytes(data, "long.xml")
    goal = model.element("id-g")
    assert len(goal.documentation) == limits.MAX_TEXT_LENGTH
    assert len(goal.name) == len(goal.layer) == limits.MAX_NAME_LENGTH  # a layer id is a name
    assert any(line.startswith("3 names or texts longer") for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


def _with_extras(extras: str) -> bytes:
    value = extras.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return _file(views=f"""<properties><property propertyDefinitionRef="pd-x">
        <value>{value}</value></property></properties>{_node()}""",
                 extra="""<propertyDefinitions><propertyDefinition identifier="pd-x"
        type="string"><name>egov:view-extras</name></propertyDefinition>
        </propertyDefinitions>""")


@pytest.mark.parametrize("extras", [
    '{"nodes": {"id-na": {"style": {"font_size": "big"}}}}',
    '{"nodes": {"id-na": {"style": {"fill": "#zzzzzz"}}}}',
    '{"nodes": {"id-na": {"style": {"font_size": NaN}}}}',
    '{"nodes": {"id-na": {"style": {"font_size": 1e999}}}}',
    '{"nodes": {"id-na": {"style": {"fill_alpha": true}}}}',
    '{"nodes": {"id-na": {"kind": "bogus"}}}',
    '{"nodes": {"id-na": {"layer": 5}}}',
    '{"nodes": {"id-na": {"w": 0}}}',
    '{"nodes": {"id-na": {"style": {"font_style": "shadow"}}}}',

    '{"nodes": {"id-na": {"style": {"line_width": 0}}}}',
    '{"nodes": ' + "[" * 300 + "]" * 300 + "}",
    '{"origin": [Infinity, 0]}',
    '{"origin": [' + "9" * 5000 + ", 0]}",
    '{"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "[1, 2]",
    "{not json",
])
def test_a_damaged_view_extras_property_is_ignored_and_reported(extras, tmp_path):
    model = read_exchange_bytes(_with_extras(extras), "extras.xml")
    node = model.view("id-v").nodes["id-na"]
    assert (node.kind, node.layer, node.w, node.style.font_size, node.style.fill) == (
        "element", None, 120, None, None)
    assert any("egov:view-extras" in line for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


def test_good_view_extras_still_carry_a_bands_layer_and_exact_alpha(tmp_path):
    extras = {"nodes": {"id-na": {"kind": "container", "layer": "cong_dich_vu",
                                  "style": {"fill_alpha": 3, "font_size": 7.3,
                                            "a_field_of_a_later_version": 1}}},
              "origin": [40, 0]}
    model = read_exchange_bytes(_with_extras(json.dumps(extras)), "extras.xml")
    node = model.view("id-v").nodes["id-na"]
    assert (node.kind, node.layer, node.x, node.style.fill_alpha) == (
        "container", "cong_dich_vu", -40, 3)
    assert math.isclose(node.style.font_size, 7.3)
    assert model.load_report == []


# ---------------------------------------------------------------- other formats
def test_an_archi_model_is_named_with_where_it_is_read():
    message = _refused_file(DATA / "archi__testFindReplace.archimate")
    assert "Archi's own format (.archimate)" in message
    assert "File > Open" in message and "egov-modeler import" in message


def test_a_zipped_archi_model_is_named_with_where_it_is_read():
    message = _refused_file(DATA / "archi__model_zipped.archimate")
    assert "zipped Archi model" in message and "File > Open" in message


def test_another_zip_archive_is_named():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "is a ZIP archive" in _refused(buffer.getvalue())


def test_an_exchange_file_of_format_2_1_is_named():
    message = _refused_file(DATA / "ardoq__opengroupArchisurance-oef21.xml")
    assert "format 2.1" in message and "3.1" in message


def test_json_files_are_named_with_where_they_are_read(tmp_path):
    save(Model("m"), tmp_path / "m.egov")
    egov = _refused_file(tmp_path / "m.egov")
    assert "egov-modeler model (.egov)" in egov and "File > Open" in egov
    (tmp_path / "gia-lai.json").write_text(
        '{\n  "format": "egov-modeler-catalog",\n  "format_version": 1,\n  "id": "gia-lai"}')
    catalog = _refused_file(tmp_path / "gia-lai.json")
    assert "component catalog" in catalog and "Load component catalog" in catalog
    other = _refused(b'  [{"a": 1}]')
    assert "JSON file" in other


def _refused_file(path: Path) -> str:
    with pytest.raises(ExchangeImportError) as info:
        read_exchange(path)
    assert path.name in str(info.value)
    return str(info.value)


# ---------------------------------------------------------------- many attributes
def test_an_element_with_very_many_attributes_is_read():
    attributes = " ".join(f'x{i}="v"' for i in range(50_000))
    data = _file(elements=f'<element identifier="id-g" xsi:type="Goal" {attributes}>'
                          "<name>g</name></element>")
    model = read_exchange_bytes(data, "attrs.xml")
    assert model.element("id-g").name == "g"
    assert model.load_report == [
        "50000 attributes of other tools (not in the exchange format) were not imported"]



def test_what_a_skipped_node_holds_is_skipped_with_its_connections(tmp_path):
    data = _file(elements='<element identifier="id-x" xsi:type="SomeToolsOwnType"><name>x'
                          "</name></element>",
                 views='<node identifier="id-nx" xsi:type="Element" elementRef="id-x" x="0" '
                       'y="0" w="300" h="300"><node identifier="id-na" xsi:type="Element" '
                       'elementRef="id-a" x="10" y="10" w="9" h="9"/></node><node '
                       'identifier="id-nb" xsi:type="Element" elementRef="id-b" x="400" y="0" '
                       'w="9" h="9"/><connection identifier="id-c" xsi:type="Relationship" '
                       'relationshipRef="id-r" source="id-na" target="id-nb"/>')
    model = read_exchange_bytes(data, "custom.xml")
    assert list(model.view("id-v").nodes) == ["id-nb"]
    assert any("id-c" in line for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


def test_an_access_type_outside_the_schema_is_read_as_access(tmp_path):
    data = _file(elements='<element identifier="id-d" xsi:type="DataObject"><name>d</name>'
                          "</element>",
                 relationships='<relationship identifier="id-x" xsi:type="Access" '
                               'source="id-a" target="id-d" accessType="Sometimes"/>')
    model = read_exchange_bytes(data, "access.xml")
    assert model.relationship("id-x").access_type is None
    assert any("Sometimes" in line for line in model.load_report)
    _saved_and_reopened(model, tmp_path)


def test_an_unpaired_surrogate_escaped_in_view_extras_is_repaired_and_saves(tmp_path):
    extras = '{"nodes": {"id-na": {"layer": "\\ud800", "style": {"font_name": "A\\udfffB"}}}}'
    model = read_exchange_bytes(_with_extras(extras), "extras.xml")
    node = model.view("id-v").nodes["id-na"]
    assert (node.layer, node.style.font_name) == ("\ufffd", "A\ufffdB")
    _saved_and_reopened(model, tmp_path)
