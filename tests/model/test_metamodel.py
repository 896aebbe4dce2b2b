"""Specs for the ArchiMate metamodel: element and relationship types and their notation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from egov_modeler import i18n
from egov_modeler.i18n import tr
from egov_modeler.model import metamodel
from egov_modeler.model.errors import UnknownTypeError
from egov_modeler.model.metamodel import (
    ACCESS_TYPES,
    DEFAULT_ACCESS_TYPE,
    ELEMENT_TYPES,
    END_STYLES,
    ICONS,
    LINE_STYLES,
    RELATIONSHIP_TYPES,
    RELATIONSHIP_TYPES_BY_LETTER,
    SHAPES,
    ArchiMateLayer,
    element_type,
    elements_of_layer,
    layer_label,
    line_ends,
    relationship_type,
)
from tests.helpers import paths

SHARED = paths.SHARED / "archimate"
MODEL_XSD = SHARED / "xsd" / "archimate3_Model.xsd"
needs_xsd = pytest.mark.skipif(
    not MODEL_XSD.is_file(), reason=f"shared ArchiMate XSD not found at {MODEL_XSD}"
)


def xsd_enumeration(type_name: str) -> list[str]:
    """The values of one xs:simpleType enumeration in the exchange-format XSD."""
    import xml.etree.ElementTree as ET  # test-only; the model itself parses no XML

    xs = "{http://www.w3.org/2001/XMLSchema}"
    root = ET.parse(MODEL_XSD).getroot()
    for simple in root.iter(f"{xs}simpleType"):
        if simple.get("name") == type_name:
            return [e.get("value") for e in simple.iter(f"{xs}enumeration")]
    raise AssertionError(f"{type_name} not in {MODEL_XSD}")


# --- element types ---------------------------------------------------------------------

@needs_xsd
def test_element_types_are_exactly_the_xsd_enumeration():
    assert sorted(ELEMENT_TYPES) == sorted(xsd_enumeration("ElementTypeEnum"))


@needs_xsd
def test_relationship_types_are_exactly_the_xsd_enumeration_in_its_order():
    assert list(RELATIONSHIP_TYPES) == xsd_enumeration("RelationshipTypeEnum")


@needs_xsd
def test_access_types_and_default_match_the_xsd():
    assert list(ACCESS_TYPES) == xsd_enumeration("AccessTypeEnum")
    assert re.search(
        r'name="accessType" type="AccessTypeEnum" default="Access"', MODEL_XSD.read_text()
    )
    assert DEFAULT_ACCESS_TYPE == "Access"


def test_there_are_62_element_types_keyed_by_their_own_name():
    assert len(ELEMENT_TYPES) == 62  # 60 concepts + And and Or junction
    assert all(name == t.name for name, t in ELEMENT_TYPES.items())


def test_element_type_lookup():
    actor = element_type("BusinessActor")
    assert actor.layer is ArchiMateLayer.BUSINESS
    assert actor.label_vi == "Tác nhân nghiệp vụ"
    assert actor.fill == "#ffffb5"
    assert actor.icon == "actor"
    assert element_type("ApplicationComponent").label_vi == "Thành phần ứng dụng"


def test_unknown_element_type_raises_a_translated_error():
    before = i18n.current_language()
    try:
        i18n.set_language("en")
        with pytest.raises(UnknownTypeError, match="Unknown ArchiMate element type: Wizard"):
            element_type("Wizard")
        i18n.set_language("vi")
        with pytest.raises(UnknownTypeError, match="không xác định: Wizard"):
            element_type("Wizard")
    finally:
        i18n.set_language(before)


def test_unknown_relationship_type_raises():
    with pytest.raises(UnknownTypeError, match="Uses"):
        relationship_type("Uses")


def test_junctions_are_junctions_and_nothing_else_is():
    junctions = {name for name, t in ELEMENT_TYPES.items() if t.is_junction}
    assert junctions == {"AndJunction", "OrJunction"}
    assert element_type("AndJunction").fill == "#000000"  # And is drawn filled, Or hollow


@pytest.mark.parametrize(
    ("layer", "fill"),
    [
        (ArchiMateLayer.BUSINESS, "#ffffb5"),
        (ArchiMateLayer.APPLICATION, "#b5ffff"),
        (ArchiMateLayer.TECHNOLOGY, "#c9e7b7"),
        (ArchiMateLayer.PHYSICAL, "#c9e7b7"),
        (ArchiMateLayer.MOTIVATION, "#ccccff"),
        (ArchiMateLayer.STRATEGY, "#f5deaa"),
    ],
)
def test_layer_elements_have_archis_default_fill(layer, fill):
    assert {t.fill for t in elements_of_layer(layer)} == {fill}


def test_implementation_fills_distinguish_work_from_states():
    assert element_type("WorkPackage").fill == "#ffe0e0"
    assert element_type("Deliverable").fill == "#ffe0e0"
    assert element_type("ImplementationEvent").fill == "#ffe0e0"
    assert element_type("Plateau").fill == "#e0ffe0"
    assert element_type("Gap").fill == "#e0ffe0"
    assert element_type("Location").fill == "#fbb875"


def test_every_fill_is_a_hex_colour():
    assert all(re.fullmatch(r"#[0-9a-f]{6}", t.fill) for t in ELEMENT_TYPES.values())


def test_shapes_and_icons_are_documented_keys_and_all_used():
    assert {t.shape for t in ELEMENT_TYPES.values()} == set(SHAPES)
    assert {t.icon for t in ELEMENT_TYPES.values()} == set(ICONS)


def test_one_glyph_per_notation_across_layers():
    assert {element_type(n).icon for n in (
        "BusinessInterface", "ApplicationInterface", "TechnologyInterface")} == {"interface"}
    assert {element_type(n).shape for n in (
        "BusinessService", "ApplicationService", "TechnologyService")} == {"service"}
    assert element_type("BusinessObject").icon == element_type("DataObject").icon


def test_elements_of_layer_cover_every_type_once_in_palette_order():
    by_layer = [t.name for layer in ArchiMateLayer for t in elements_of_layer(layer)]
    assert sorted(by_layer) == sorted(ELEMENT_TYPES)
    business = [t.name for t in elements_of_layer("business")]
    assert business[:3] == ["BusinessActor", "BusinessRole", "BusinessCollaboration"]
    assert business[-1] == "Product"
    assert [t.name for t in elements_of_layer(ArchiMateLayer.OTHER)] == [
        "Location", "Grouping", "AndJunction", "OrJunction"]


def test_layer_labels_in_both_languages():
    assert layer_label(ArchiMateLayer.BUSINESS, language="en") == "Business"
    assert layer_label("business", language="vi") == "Nghiệp vụ"
    assert layer_label(ArchiMateLayer.IMPLEMENTATION_MIGRATION, language="en") == (
        "Implementation & Migration")
    assert all(layer_label(layer, language="vi") for layer in ArchiMateLayer)


def test_vietnamese_labels_agree_with_the_translation_table():
    # The Qt side translates label_en through the same tables: both must say the same.
    for t in [*ELEMENT_TYPES.values(), *RELATIONSHIP_TYPES.values()]:
        assert tr(t.label_en, language="vi") == t.label_vi, t.name
        assert tr(t.label_en, language="en") == t.label_en


def test_vietnamese_labels_are_unique():
    labels = [t.label_vi for t in ELEMENT_TYPES.values()]
    assert len(set(labels)) == len(labels)


# --- relationship types ----------------------------------------------------------------

def test_relationship_letters_are_archis():
    assert "".join(sorted(RELATIONSHIP_TYPES_BY_LETTER)) == "acfginorstv"
    assert RELATIONSHIP_TYPES_BY_LETTER["v"].name == "Serving"
    assert RELATIONSHIP_TYPES_BY_LETTER["i"].name == "Assignment"
    assert RELATIONSHIP_TYPES_BY_LETTER["o"].name == "Association"


@pytest.mark.parametrize(
    ("name", "line", "source_end", "target_end"),
    [
        ("Composition", "solid", "diamond_filled", "none"),
        ("Aggregation", "solid", "diamond_hollow", "none"),
        ("Assignment", "solid", "dot", "arrow_filled"),
        ("Realization", "dotted", "none", "triangle_hollow"),
        ("Serving", "solid", "none", "arrow_open"),
        ("Access", "dotted", "none", "none"),
        ("Influence", "dashed", "none", "arrow_open"),
        ("Triggering", "solid", "none", "arrow_filled"),
        ("Flow", "dashed", "none", "arrow_filled"),
        ("Specialization", "solid", "none", "triangle_hollow"),
        ("Association", "solid", "none", "none"),
    ],
)
def test_relationship_notation(name, line, source_end, target_end):
    rel = relationship_type(name)
    assert (rel.line, rel.source_end, rel.target_end) == (line, source_end, target_end)


def test_notation_keys_are_documented():
    for rel in RELATIONSHIP_TYPES.values():
        assert rel.line in LINE_STYLES
        assert rel.source_end in END_STYLES and rel.target_end in END_STYLES


@pytest.mark.parametrize(
    ("access_type", "ends"),
    [
        (None, ("none", "none")),
        ("Access", ("none", "none")),
        ("Write", ("none", "arrow_small")),
        ("Read", ("arrow_small", "none")),
        ("ReadWrite", ("arrow_small", "arrow_small")),
    ],
)
def test_access_arrow_follows_the_data(access_type, ends):
    assert line_ends("Access", access_type=access_type) == ends


def test_directed_association_gets_an_arrowhead():
    assert line_ends("Association") == ("none", "none")
    assert line_ends("Association", is_directed=True) == ("none", "arrow_half")
    assert line_ends("Serving", is_directed=True) == ("none", "arrow_open")


def test_unknown_access_type_raises():
    with pytest.raises(UnknownTypeError):
        line_ends("Access", access_type="Delete")


def test_metamodel_imports_neither_qt_nor_lxml():
    tree = ast.parse(Path(metamodel.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {m for m in imported if m.split(".")[0] in {"PySide6", "lxml"}}
