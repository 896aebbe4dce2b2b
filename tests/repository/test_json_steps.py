"""A model's JSON parsed in small steps gives what ``json.loads`` gives, and refuses what
it refuses, and the numbers no model holds (``NaN``, ``Infinity``) as the safe reader
does."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model import serialization as ser
from egov_modeler.repository.json_steps import loads_in_steps
from egov_modeler.repository.store import model_file_bytes
from tests.helpers.national_model import build_national_model
from tests.helpers.repository import small_model

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30)


def test_a_model_file_as_the_program_writes_it(tmp_path):
    for model in (small_model(), build_national_model(300)):
        text = model_file_bytes(model, tmp_path).decode("utf-8")
        assert loads_in_steps(text) == json.loads(text)
        compact = json.dumps(ser.model_to_dict(model), ensure_ascii=True)
        assert loads_in_steps(compact) == json.loads(compact)


@settings(max_examples=200, deadline=None)
@given(json_values, st.sampled_from([None, 0, 1, 2]))
def test_any_json_value_in_any_layout(value, indent):
    text = json.dumps(value, indent=indent, ensure_ascii=indent == 1)
    assert loads_in_steps(text) == json.loads(text)
    spaced = " \n" + json.dumps(value, separators=(" ,\r\n\t", " :\t")) + "\n "
    assert loads_in_steps(spaced) == json.loads(spaced)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_numbers_no_model_holds_are_refused(constant):
    with pytest.raises(ValueError):
        loads_in_steps('{"elements": [{"id": "x", "x": ' + constant + "}]}")


def test_repeated_names_keep_the_last_as_json_does():
    text = '{"a": 1, "elements": [{"id": "x", "id": "y"}], "a": [2]}'
    assert loads_in_steps(text) == json.loads(text) == {"a": [2], "elements": [{"id": "y"}]}


@pytest.mark.parametrize("text", [
    "", "{", '{"a": 1', '{"a" 1}', '{"a": 1,}', '{"a": [1, 2}', '{"a": [1 2]}', "[1,]",
    '{"a": 1} x', "{'a': 1}", '{"a": "\x01"}', '\ufeff{"a": 1}', '{"a": [{"b": tru}]}',
    '{1: 2}', '{"a": [1], }',
])
def test_what_json_refuses_is_refused(text):
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        loads_in_steps(text)
