"""The shared bounds: what counts as a colour, a font style, a finite number, and clamping."""

from __future__ import annotations

import math

import pytest

from egov_modeler.model import limits


@pytest.mark.parametrize("value, ok", [
    ("#b5ffff", True), ("#B5FFFF", True), ("#zzzzzz", False), ("b5ffff", False),
    ("#b5fff", False), ("#b5ffff\n", False), (0xB5FFFF, False), (None, False),
])
def test_colour_is_hash_and_six_hex_digits(value, ok):
    assert limits.is_colour(value) is ok


@pytest.mark.parametrize("value, ok", [
    ("bold", True), ("bold italic", True), ("", False), ("heavy", False), (1, False),
])
def test_font_style_words(value, ok):
    assert limits.is_font_style(value) is ok


@pytest.mark.parametrize("value, ok", [
    (1, True), (2.5, True), (True, False), (math.inf, False), (math.nan, False), ("1", False),
])
def test_finite_numbers_only(value, ok):
    assert limits.is_finite_number(value) is ok


def test_clamping_moves_values_to_the_nearest_bound():
    assert limits.clamp_coordinate(10**9) == limits.MAX_COORDINATE
    assert limits.clamp_coordinate(-(10**9)) == -limits.MAX_COORDINATE
    assert limits.clamp_node_size(0) == limits.MIN_NODE_SIZE
    assert limits.clamp_font_size(1e11) == limits.MAX_FONT_SIZE
    assert limits.clamp_font_size(9.5) == 9.5
