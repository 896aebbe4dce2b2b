"""The command line's front door: help, window dispatch, global options."""

from __future__ import annotations

import sys
import types

import pytest

from egov_modeler.cli import main


@pytest.fixture
def fake_window(monkeypatch):
    """Replace the window with a recorder: these tests are about argument handling."""
    opened: list[str | None] = []
    module = types.ModuleType("egov_modeler.ui.app")
    module.run_app = lambda path, language=None: opened.append(path) or 0
    monkeypatch.setitem(sys.modules, "egov_modeler.ui.app", module)
    return opened


def test_help_lists_every_subcommand(capsys):
    assert main(["--lang", "en", "--help"]) == 0
    out = capsys.readouterr().out
    for command in ("validate", "templates", "new", "catalog", "import", "export"):
        assert f"    {command}" in out
    assert "opens the window" in out


def test_help_is_vietnamese_by_default(capsys):
    assert main(["--help"]) == 0
    assert "mở cửa sổ" in capsys.readouterr().out


def test_no_argument_opens_the_window_on_the_template(fake_window):
    assert main([]) == 0
    assert fake_window == [None]


def test_a_file_argument_opens_that_file(fake_window):
    assert main(["--lang", "en", "gia-lai.egov"]) == 0
    assert fake_window == ["gia-lai.egov"]


def test_lang_reaches_the_window_which_otherwise_follows_preferences(monkeypatch):
    """``--lang`` outranks ``EGOV_LANG`` and Preferences (ui.settings.startup_language), so
    the window is told whether it was given."""
    languages: list[str | None] = []
    module = types.ModuleType("egov_modeler.ui.app")
    module.run_app = lambda path, language=None: languages.append(language) or 0
    monkeypatch.setitem(sys.modules, "egov_modeler.ui.app", module)
    main(["--lang", "en"])
    main([])
    assert languages == ["en", None]


def test_a_broken_user_catalog_stops_before_the_window_opens(fake_window, tmp_path, capsys):
    with pytest.raises(SystemExit) as done:
        main(["--catalog", str(tmp_path / "missing.json"), "x.egov"])
    assert done.value.code == 2
    assert "missing.json" in capsys.readouterr().err
    assert fake_window == []
