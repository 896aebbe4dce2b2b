"""``egov-modeler validate FILE``: one problem a line; exit 0, 1 or 2."""

from __future__ import annotations

import pytest

from egov_modeler import save
from egov_modeler.cli import main
from egov_modeler.model import Model
from egov_modeler.model.concepts import Relationship


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("egov-modeler 0.")


def test_a_model_without_errors_exits_0(tmp_path):
    model = Model("Sạch")
    a = model.add_element("ApplicationComponent", "Hệ thống A")
    b = model.add_element("ApplicationComponent", "Hệ thống B")
    model.relate(a.id, "Flow", b.id)
    save(model, tmp_path / "ok.egov")
    assert main(["validate", str(tmp_path / "ok.egov")]) == 0


def test_a_forbidden_relationship_is_printed_and_exits_1(tmp_path, capsys):
    model = Model("Lỗi")
    data = model.add_element("DataObject", "CSDL dân cư")
    citizen = model.add_element("BusinessActor", "Người dân")
    # As an imported file would hold it: written without the drawing-time check.
    model._put_relationship(Relationship("id-bad", "Serving", data.id, citizen.id))
    save(model, tmp_path / "bad.egov")
    assert main(["--lang", "en", "validate", str(tmp_path / "bad.egov")]) == 1
    out = capsys.readouterr().out.splitlines()
    line = next(x for x in out if "id-bad" in x)
    assert line.startswith("error: archimate:") and "Serving" in line


def test_an_unreadable_file_exits_2_with_the_reason(tmp_path, capsys):
    (tmp_path / "broken.egov").write_text("{not json", encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main(["validate", str(tmp_path / "broken.egov")])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "broken.egov" in err and "Traceback" not in err


def test_an_accepted_warning_is_listed_apart_with_its_reason(tmp_path, capsys):
    from egov_modeler.model.accepted import accept_command
    from egov_modeler.model.validation import validate_model

    model = Model("Hai hệ thống trùng tên")
    for _ in range(2):
        model.add_element("ApplicationComponent", "Hệ thống A")
    [warning] = validate_model(model)
    model.execute(accept_command(model, warning, "Hai đơn vị cùng đặt tên này"))
    save(model, tmp_path / "accepted.egov")
    assert main(["validate", str(tmp_path / "accepted.egov")]) == 0
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    assert line.startswith("đã chấp nhận: warning: duplicate-name")
    assert line.endswith("(lý do: Hai đơn vị cùng đặt tên này)")
    assert "0 lỗi, 0 cảnh báo, 1 cảnh báo đã chấp nhận" in err
