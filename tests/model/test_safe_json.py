"""The one JSON reader: hostile text raises UnsafeJSONError (a ValueError) with a reason,
never RecursionError, OverflowError or a NaN that breaks something later."""

from __future__ import annotations

import math

import pytest

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
