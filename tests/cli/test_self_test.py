"""``egov-modeler self-test`` exercises the installation for real and says what failed."""

from __future__ import annotations

import shutil

from egov_modeler.cli import main


def _rows(out: str) -> dict[str, tuple[str, str]]:
    """``{check: (result, details)}`` from the printed table (two header lines, one row a
    check, a closing count)."""
    lines = out.splitlines()
    widths = [len(part) for part in lines[1].split("  ")[:2]]
    rows = {}
    for line in lines[2:-1]:
        title = line[:widths[0]].strip()
        result = line[widths[0] + 2:widths[0] + 2 + widths[1]].strip()
        rows[title] = (result, line[widths[0] + widths[1] + 4:])
    return rows


def test_self_test_passes_on_this_installation(capsys):
    assert main(["self-test", "--gui"]) == 0
    out = capsys.readouterr().out
    rows = _rows(out)
    assert list(rows) == ["tệp dữ liệu", "phông chữ", "bản dịch", "mẫu",
                          "xuất/nhập tệp trao đổi", "PDF", "PNG", "SVG", "cửa sổ (Qt)"]
    assert all(result == "đạt" for result, _ in rows.values())
    assert "Be Vietnam Pro" in rows["PDF"][1]
    assert out.splitlines()[-1] == "9/9 mục kiểm tra đạt"


def test_without_gui_the_window_is_not_checked(capsys):
    assert main(["--lang", "en", "self-test"]) == 0
    out = capsys.readouterr().out
    assert "window (Qt)" not in _rows(out)
    assert out.splitlines()[-1] == "8 of 8 checks passed"


def test_a_missing_font_fails_its_row_and_the_others_still_run(capsys, monkeypatch):
    import egov_modeler.diagram.fonts as fonts

    monkeypatch.setattr(fonts, "font_path", lambda weight="regular": fonts.Path("/nowhere.ttf"))
    assert main(["--lang", "en", "self-test"]) == 3  # broken installation, not "errors"
    out = capsys.readouterr().out
    rows = _rows(out)
    assert rows["font"][0] == "FAILED"
    assert "the bundled font is missing" in rows["font"][1]
    assert rows["templates"][0] == "passed"  # the other checks still ran
    assert not out.splitlines()[-1].startswith("8 of 8")


def test_a_licence_file_left_out_of_a_bundle_is_named(capsys, monkeypatch, tmp_path):
    from egov_modeler.storage import licenses

    bundle = tmp_path / "licenses"
    shutil.copytree(str(licenses.licenses_folder()), bundle)
    (bundle / "LGPL-3.0.txt").unlink()
    monkeypatch.setattr(licenses, "licenses_folder", lambda: bundle)
    assert main(["--lang", "en", "self-test"]) == 3  # a broken installation
    result, detail = _rows(capsys.readouterr().out)["data files"]
    assert result == "FAILED"
    assert "licenses/LGPL-3.0.txt" in detail


def test_a_broken_translation_table_is_named(capsys, monkeypatch, tmp_path):
    from importlib import resources

    from egov_modeler.cli import self_test_checks

    real = resources.files("egov_modeler") / "resources"
    fake = tmp_path / "resources"
    shutil.copytree(str(real / "translations"), fake / "translations")
    (fake / "translations" / "vi" / "installer.json").write_text('{"a": ', encoding="utf-8")
    monkeypatch.setattr(self_test_checks, "_resources", lambda: fake)
    assert main(["--lang", "en", "self-test"]) == 3  # a broken installation
    result, detail = _rows(capsys.readouterr().out)["translations"]
    assert result == "FAILED"
    assert "installer.json is broken" in detail
