"""A version of the model may come from anyone who can push to the shared repository:
what the history, Compare and Restore read from it goes through the safe JSON reader, so
a hostile or damaged version gets a clear reason instead of a crash (a nesting deeper than
Python's stack raised ``RecursionError`` from ``json.loads``) or a value no model holds
(``NaN``)."""

from __future__ import annotations

import pytest

from egov_modeler.model.limits import MAX_JSON_DEPTH
from egov_modeler.repository.errors import RepositoryError
from egov_modeler.repository.store import parse_model
from egov_modeler.repository.version_summaries import parse_in_steps, summaries
from tests.helpers.repository import UNIT_A, new_repository

_DEEP = (b'{"format_version": 1, "elements": [{"id": "id-a", "type": "Node", "properties": '
         + b"[" * 5000 + b"]" * 5000 + b"}]}")
_NOT_A_NUMBER = b'{"format_version": 1, "elements": [{"id": "id-a", "x": NaN}]}'
_JUST_DEEP_ENOUGH = (b'{"format_version": 1, "x": ' + b"[" * (MAX_JSON_DEPTH + 1)
                     + b"]" * (MAX_JSON_DEPTH + 1) + b"}")


@pytest.mark.parametrize("parse", [parse_model, parse_in_steps])
@pytest.mark.parametrize("data", [_DEEP, _NOT_A_NUMBER, _JUST_DEEP_ENOUGH],
                         ids=["nested 5000 deep", "NaN", "one level too deep"])
def test_a_hostile_version_is_refused_with_a_reason(parse, data):
    with pytest.raises(RepositoryError) as refused:
        parse(data, "v1")
    assert "v1" in str(refused.value)


def test_the_history_says_why_a_hostile_version_cannot_be_read(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        head = repo.head()
        assert head is not None
        hostile = repo.write_commit({repo.model_path: _DEEP}, [head], "Sâu quá",
                                    UNIT_A).decode()
        texts = dict(summaries(repo, [hostile]))
        with pytest.raises(RepositoryError) as compared:
            repo.changes_in(hostile)
    assert texts[hostile] == str(compared.value)
    assert "nested" in texts[hostile] or "lồng" in texts[hostile]
