"""``egov-modeler self-test`` exercises the installation for real and says what failed."""

from __future__ import annotations

from egov_modeler.cli import main


def test_self_test_passes_on_this_installation(capsys):
    assert main(["self-test", "--gui"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert all(line.startswith("đạt") for line in lines)
    assert any("Be Vietnam Pro" in line for line in lines)


def test_self_test_reports_a_broken_piece_and_exits_3(capsys, monkeypatch):
    import egov_modeler.diagram.fonts as fonts

    monkeypatch.setattr(fonts, "font_path", lambda weight="regular": fonts.Path("/nowhere.ttf"))
    assert main(["--lang", "en", "self-test"]) == 3  # broken installation, not "errors"
    out = capsys.readouterr().out
    assert "FAILED  AssertionError: the bundled font is missing" in out
    assert out.count("ok ") == 4  # the other checks still ran
