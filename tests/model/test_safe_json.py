"""The one JSON reader: hostile text raises UnsafeJSONError (a ValueError) with a reason,
never RecursionError, OverflowError or a NaN that breaks something later."""

from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model import safe_json
from egov_modeler.model.catalog.reader import decode_catalog_json
from egov_modeler.model.catalog.types import CatalogError
from egov_modeler.model.errors import ModelError
from egov_modeler.model.paste import fragment_from_json

HOSTILE = [
    "[" * 100_000 + "]" * 100_000,
    '{"a": ' * 300 + "1" + "}" * 300,
    "1" * 5000,
    "-" + "9" * 41,
    "1e400",
    "NaN",
    "[Infinity]",
    "-Infinity",
    '"\\ud800',  # unterminated too
    "\xff",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_refused_with_a_reason(text):
    with pytest.raises(safe_json.UnsafeJSONError):
        safe_json.loads(text)


def test_plain_json_reads_as_json_does():
    text = '{"a": [1, 2.5, "x\\"[{y", null, true], "b": {"c": -3e2}, "d": "\\ud83d\\ude00"}'
    assert safe_json.loads(text) == {"a": [1, 2.5, 'x"[{y', None, True], "b": {"c": -300.0},
                                     "d": "\U0001F600"}
    assert safe_json.loads('"' + "[" * 1000 + '"') == "[" * 1000  # brackets in text are text


def test_unpaired_surrogates_are_replaced_and_counted_unless_kept():
    loaded = safe_json.loads_counted('["\\ud800", "a\\udfffb", "\\\\ud800", "\\ud83d\\ude00"]')
    assert loaded.value == ["\ufffd", "a\ufffdb", "\\ud800", "\U0001F600"]
    assert loaded.surrogates_replaced == 2
    assert safe_json.loads('"\\udcb5"', keep_surrogates=True) == "\udcb5"
    assert safe_json.loads("\"a\udcb5\"") == "a\ufffd"


def test_dumps_never_writes_what_loads_refuses():
    assert safe_json.dumps({"a": "x\ud800"}) == '{"a": "x\ufffd"}'
    assert safe_json.dumps({"a": "x\ud800"}, ensure_ascii=True) == '{"a": "x\\ufffd"}'
    with pytest.raises(ValueError):
        safe_json.dumps([math.inf])


@pytest.mark.parametrize("text", HOSTILE)
def test_the_catalog_and_clipboard_readers_refuse_hostile_text_with_their_own_error(text):
    with pytest.raises(CatalogError):
        decode_catalog_json(text, "my-catalog.json")
    with pytest.raises(ModelError):
        fragment_from_json(text)


@pytest.mark.parametrize("fragment", [
    '{"format": "egov-modeler/diagram-fragment", "version": 1, "nodes": [{"id": 5}]}',
    '{"format": "egov-modeler/diagram-fragment", "version": 1, "nodes": '
    '[{"id": "id-n", "x": 0, "y": 0, "w": 10, "h": 10, "style": {"font_size": "big"}}]}',
    '{"format": "egov-modeler/diagram-fragment", "version": 1, "elements": [{"id": "id-e"}]}',
    '{"format": "egov-modeler/diagram-fragment", "version": 1, "nodes": 5}',
    '{"format": "egov-modeler/diagram-fragment", "version": 1, "view": ["x"]}',
])
def test_a_clipboard_fragment_with_wrong_types_is_refused(fragment):
    with pytest.raises(ModelError):
        fragment_from_json(fragment)


def test_a_catalog_name_beyond_the_shared_bound_is_refused():
    from egov_modeler.i18n import set_language
    from egov_modeler.model.catalog import load_builtin_catalog
    from egov_modeler.model.catalog.reader import parse_catalog
    from egov_modeler.model.limits import MAX_NAME_LENGTH

    set_language("en")
    component = {"id": "gl_x", "name_vi": "x" * (MAX_NAME_LENGTH + 1), "name_en": "X",
                 "layer": "nen_tang_tich_hop", "archimate_type": "ApplicationComponent",
                 "sources": [], "inferred": False}
    data = {"format": "egov-modeler-catalog", "format_version": 1, "id": "gl",
            "components": [component]}
    with pytest.raises(CatalogError, match="longer than"):
        parse_catalog(data, "gl.json", known=load_builtin_catalog())


# The depth scan as it was first written (one regex over the text), kept as the oracle
# for the faster scan over the bytes.
_OLD_NOT_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+', re.DOTALL)


def _old_depth(text: str) -> int:
    depth = deepest = 0
    for char in _OLD_NOT_BRACKETS.sub("", text):
        if char == '"':
            break
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers()
    | st.text(alphabet='ab"\\[]{}\n\u00e0\u1ea1\U0001f600'),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.text(alphabet='k"\\[{', max_size=3), inner, max_size=4),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_json_values, st.booleans(), st.integers(0, 400))
def test_the_depth_scan_reads_nesting_as_the_first_one_did(value, ascii_only, cut):
    text = json.dumps(value, ensure_ascii=ascii_only)
    for sample in (text, text[:cut]):  # whole, and cut off (an unterminated string)
        assert safe_json._depth(sample) == _old_depth(sample)


@settings(max_examples=300, deadline=None)
@given(_json_values, st.integers(0, 400), st.integers(0, 12))
def test_the_quick_depth_check_agrees_with_the_scan(value, cut, limit):
    """The pass-by-pass check the loader uses says what counting every bracket says,
    whatever the limit, for whole, cut off and unbalanced text."""
    text = json.dumps(value)
    for sample in (text, text[:cut], text + "]", "{" + text):
        assert safe_json._within_depth(sample, limit) == (_old_depth(sample) <= limit)


@pytest.mark.parametrize("depth", [1, 99, 100, 101, 150, 199, 200, 201, 5000])
@pytest.mark.parametrize("shape", ["[]", "[{}]", "{[]}", "{}"])
def test_the_quick_depth_check_at_the_limit(depth, shape):
    """Nesting that alternates (two levels peeled per pass) or not, around 200."""
    opening, closing = shape[: len(shape) // 2], shape[len(shape) // 2:]
    text = opening * depth + closing * depth
    if shape == "{}":
        text = '{"a":' * depth + "1" + "}" * depth
    assert safe_json._within_depth(text, 200) == (_old_depth(text) <= 200)


def test_bytes_read_as_their_text_reads():
    """The reader given the bytes a text was decoded from (the .egov loader) scans their
    depth without encoding again, and still repairs escaped surrogates."""
    from egov_modeler.model.safe_json import UnsafeJSONError, loads_counted

    for text in ('{"a": "\\ud800 \\\\ \\" [[x]]", "b": [[1]]}', '{"a": "Hệ thống"}',
                 "[" * 150 + "]" * 150):
        raw = text.encode()
        by_bytes = loads_counted(text, utf8=raw)
        by_text = loads_counted(text)
        assert (by_bytes.value, by_bytes.surrogates_replaced) == (
            by_text.value, by_text.surrogates_replaced)
    deep = "[" * 300 + "]" * 300
    with pytest.raises(UnsafeJSONError):
        loads_counted(deep, utf8=deep.encode())
    escaped = '["\\\\' + "[" * 300 + '"]'  # brackets inside a string are no nesting
    assert loads_counted(escaped, utf8=escaped.encode()).value == ["\\" + "[" * 300]
