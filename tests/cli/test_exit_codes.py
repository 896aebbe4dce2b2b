"""Exit codes tell a script what happened: 1 only when the model has errors, 2 when the
input cannot be read, 3 when the program failed or could not check everything (issue 11)."""

from __future__ import annotations

import pytest

from egov_modeler.cli import main
from egov_modeler.model import Model
from egov_modeler.model.problems import Problem, Severity
from egov_modeler.model.rules import (
    PROVIDER_FAILED_RULE,
    register_rule_provider,
    unregister_rule_provider,
)
from egov_modeler.model.validation import validate_model
from egov_modeler.storage.native import save


class BrokenProvider:
    def relationship_findings(self, model, source_id, relationship_type, target_id):
        return []

    def model_findings(self, model) -> list[Problem]:
        raise RuntimeError("rule table missing")


@pytest.fixture
def clean_file(tmp_path):
    path = tmp_path / "m.egov"
    save(Model("Sạch"), path)
    return path


@pytest.fixture
def broken_provider():
    provider = BrokenProvider()
    register_rule_provider(provider)
    yield provider
    unregister_rule_provider(provider)


def test_a_crashing_rule_provider_is_an_error_not_a_clean_verdict(broken_provider):
    problems = validate_model(Model("Sạch"))
    failed = [p for p in problems if p.rule == PROVIDER_FAILED_RULE]
    assert len(failed) == 1 and failed[0].severity is Severity.ERROR
    assert "BrokenProvider" in failed[0].message and "rule table missing" in failed[0].message


def test_validate_exits_3_when_a_provider_crashed(broken_provider, clean_file, capsys):
    assert main(["--lang", "en", "validate", str(clean_file)]) == 3
    err = capsys.readouterr().err
    assert "1 errors, 0 warnings" in err and "not fully validated" in err


def test_an_unexpected_error_exits_3_not_1(clean_file, capsys, monkeypatch):
    import egov_modeler.model.validation as validation

    def crash(model):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(validation, "validate_model", crash)
    assert main(["--lang", "en", "validate", str(clean_file)]) == 3
    assert "internal error: ZeroDivisionError: bug" in capsys.readouterr().err


@pytest.mark.parametrize("raw", [b"[" * 100_000, b'{"format_version": 1, "id": 1e999}',
                                 b'{"format_version": 1, "name": ' + b"9" * 5000 + b"}"])
def test_a_hostile_file_exits_2_with_the_reason(tmp_path, raw, capsys):
    path = tmp_path / "hostile.egov"
    path.write_bytes(raw)
    with pytest.raises(SystemExit) as done:
        main(["--lang", "en", "validate", str(path)])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "hostile.egov" in err and "Traceback" not in err


def test_a_clean_model_still_exits_0(clean_file):
    assert main(["validate", str(clean_file)]) == 0
