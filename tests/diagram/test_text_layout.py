"""Wrapping and fitting names with the bundled font (shared by canvas and PDF)."""

from __future__ import annotations

import unicodedata

import pytest

from egov_modeler.diagram.fonts import FONT_FAMILY, font_path, licence_path
from egov_modeler.diagram.text_layout import (
    ELLIPSIS,
    fit_text,
    line_height,
    text_width,
    wrap_text,
)

NAMES = [
    "Hệ thống thông tin giải quyết thủ tục hành chính",
    "Cổng Dịch vụ công quốc gia",
    "Trục liên thông văn bản quốc gia",
    "Ủy ban nhân dân tỉnh",
    "Cơ sở dữ liệu quốc gia về dân cư",
]


def test_font_files_and_licence_are_shipped():
    for weight in ("regular", "bold", "italic"):
        assert font_path(weight).is_file()
    assert "Open Font License" in licence_path().read_text(encoding="utf-8")
    assert FONT_FAMILY == "Be Vietnam Pro"


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("width", [40, 60, 80, 120, 300])
def test_wrapped_lines_never_exceed_the_width_and_keep_every_word(name, width):
    lines = wrap_text(name, 9, width)
    assert all(text_width(line, 9) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")


def test_wide_box_keeps_the_name_on_one_line():
    assert wrap_text("Cổng Dịch vụ công quốc gia", 9, 500) == ["Cổng Dịch vụ công quốc gia"]


def test_decomposed_input_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh")
    assert wrap_text(decomposed, 9, 500) == ["Ủy ban nhân dân tỉnh"]
    assert text_width(decomposed, 9) == text_width("Ủy ban nhân dân tỉnh", 9)


def test_long_word_is_broken_inside():
    lines = wrap_text("Siêucalifragilisticexpialidocious", 9, 40)
    assert len(lines) > 1
    assert all(text_width(line, 9) <= 40 for line in lines)
    assert "".join(lines) == "Siêucalifragilisticexpialidocious"


def test_explicit_newlines_are_kept():
    assert wrap_text("Sở Nội vụ\nSở Tư pháp", 9, 500) == ["Sở Nội vụ", "Sở Tư pháp"]


def test_bold_is_wider():
    assert text_width("Ủy ban nhân dân tỉnh", 9, bold=True) > text_width("Ủy ban nhân dân tỉnh", 9)


def test_empty_text_gives_no_lines():
    assert wrap_text("", 9, 100) == [] and wrap_text("abc", 9, 0) == []


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("box", [(80, 40), (60, 20), (30, 12), (120, 55), (10, 5)])
def test_fit_text_never_exceeds_the_box(name, box):
    width, height = box
    size, lines = fit_text(name, 9, width, height)
    assert 6 <= size <= 9
    assert len(lines) * line_height(size) <= height + 1e-6
    assert all(text_width(line, size) <= width for line in lines)


def test_fit_text_shrinks_before_cutting():
    name = NAMES[0]
    natural = wrap_text(name, 9, 80)
    size, lines = fit_text(name, 9, 80, (len(natural) - 1) * line_height(9))
    assert size < 9
    assert "".join(lines).replace(" ", "") == name.replace(" ", "")


def test_fit_text_ellipsizes_when_even_the_smallest_size_does_not_fit():
    size, lines = fit_text(NAMES[0], 9, 40, line_height(6) * 2)
    assert size == 6 and len(lines) == 2 and lines[-1].endswith(ELLIPSIS)
