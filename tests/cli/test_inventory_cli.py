"""``egov-modeler inventory``: the workbook out and in from the command line, the preview
and the refusals, and the generated views."""

from __future__ import annotations

import openpyxl
import pytest

from egov_modeler.cli import main
from egov_modeler.model.inventory.rows import Inventory
from egov_modeler.storage.native import load, save
from tests.helpers.inventory import inventory_model


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "gia-lai.egov"
    save(inventory_model(43, 80, 20), path)
    return path


def test_export_then_import_round_trips(source, tmp_path, capsys):
    book = tmp_path / "gia-lai.xlsx"
    assert main(["--lang", "en", "inventory", "export", str(source), "-o", str(book)]) == 0
    assert "43 objects, 80 connections, 20 tasks" in capsys.readouterr().err
    out = tmp_path / "g.egov"
    assert main(["--lang", "en", "inventory", "import", str(book), "--into", str(source), "-o",
                 str(out)]) == 0
    assert "0 changes" in capsys.readouterr().err
    assert load(out).elements == load(source).elements


def test_import_lists_every_change_and_dry_run_writes_nothing(source, tmp_path, capsys):
    book = tmp_path / "b.xlsx"
    main(["--lang", "en", "inventory", "export", str(source), "-o", str(book)])
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Objects"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("Operator") + 1).value = "VNPT Gia Lai"
    workbook.save(book)
    capsys.readouterr()
    out = tmp_path / "g.egov"
    assert main(["--lang", "en", "inventory", "import", str(book), "--into", str(source),
                 "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert "Objects, row 2:" in printed and "Operator" in printed and "VNPT Gia Lai" in printed
    assert not out.exists()
    assert main(["inventory", "import", str(book), "--into", str(source), "-o", str(out),
                 "--overview"]) == 0
    merged = load(out)
    first = Inventory(merged).objects()[0]
    assert dict(first.properties)["Đơn vị vận hành"] == "VNPT Gia Lai"
    assert len(merged.views) == 1  # the generated overview


def test_a_refused_workbook_exits_2_and_writes_nothing(source, tmp_path, capsys):
    book = tmp_path / "b.xlsx"
    main(["inventory", "export", str(source), "-o", str(book)])
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["DM_DOITUONG"]
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=3, column=headers.index("Loại phần tử ArchiMate") + 1).value = "Robot"
    workbook.save(book)
    out = tmp_path / "g.egov"
    with pytest.raises(SystemExit) as exited:
        main(["--lang", "en", "inventory", "import", str(book), "--into", str(source), "-o",
              str(out)])
    assert exited.value.code == 2
    assert "Sheet ‘DM_DOITUONG’, row 3: unknown type ‘Robot’" in capsys.readouterr().err
    assert not out.exists()


def test_overview_relayout_plateaus_gaps_roadmap_and_duplicates(source, tmp_path, capsys):
    overview = tmp_path / "o.egov"
    assert main(["inventory", "overview", str(source), "-o", str(overview)]) == 0
    view = load(overview).views[0]
    assert sum(1 for n in view.nodes.values() if n.element_id) == 43
    tidy = tmp_path / "t.egov"
    assert main(["inventory", "relayout", str(overview), "--view", view.name, "-o",
                 str(tidy)]) == 0
    states = tmp_path / "s.egov"
    assert main(["inventory", "plateaus", str(source), "-o", str(states)]) == 0
    capsys.readouterr()
    tasks = tmp_path / "k.egov"
    assert main(["--lang", "en", "inventory", "gaps", str(states), "--from", "Hiện trạng",
                 "--to", "Mục tiêu", "-o", str(tasks)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed and all(line.split("\t")[0] in ("added", "removed", "changed", "merged")
                           for line in printed)
    new = [line for line in printed if not line.endswith("(a task handles it)")]
    assert new and len(new) < len(printed)  # the sample's tasks already handle some
    assert len(Inventory(load(tasks)).tasks()) == 20 + len(new)
    assert main(["--lang", "vi", "inventory", "roadmap", str(source), "-o",
                 str(tmp_path / "r.egov")]) == 0
    assert "Quý" in capsys.readouterr().out
    assert main(["inventory", "duplicates", str(source)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all("tỉnh Bình Định" in line for line in lines)
    with pytest.raises(SystemExit):
        main(["inventory", "gaps", str(source), "--from", "Không có", "--to", "Mục tiêu"])
