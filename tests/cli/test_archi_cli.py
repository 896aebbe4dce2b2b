"""The command line with Archi's files: ``import X.archimate``, ``export --format archi``,
``export --format csv`` and ``import elements.csv --into``."""

from __future__ import annotations

import zipfile

import pytest

from egov_modeler.cli import main
from egov_modeler.exchange.archi_reader import read_archi
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import load, save
from tests.helpers.archi import CSV, MODELS
from tests.helpers.exchange import rich_model


def test_import_an_archi_model_and_export_it_back(tmp_path, capsys):
    source = MODELS / "archi__Archisurance.archimate"
    assert main(["--lang", "en", "import", str(source), "-o", str(tmp_path / "a.egov")]) == 0
    captured = capsys.readouterr()
    assert "Imported 120 elements, 176 relationships and 17 views" in captured.err
    assert "66 alternate figures" in captured.out
    model = load(tmp_path / "a.egov")
    assert main(["export", str(tmp_path / "a.egov"), "--format", "archi",
                 "-o", str(tmp_path / "back.archimate")]) == 0
    assert model_to_dict(read_archi(tmp_path / "back.archimate")) == model_to_dict(model)


def test_import_a_zipped_archi_model(tmp_path):
    assert main(["import", str(MODELS / "archi__model_zipped.archimate"),
                 "-o", str(tmp_path / "z.egov")]) == 0
    assert [v.name for v in load(tmp_path / "z.egov").views] == ["View1", "View2"]


def test_export_writes_a_zip_only_when_there_are_images(tmp_path):
    model = rich_model()
    save(model, tmp_path / "m.egov")
    main(["export", str(tmp_path / "m.egov"), "--format", "archi", "-o",
          str(tmp_path / "m.archimate")])
    assert not zipfile.is_zipfile(tmp_path / "m.archimate")


def test_export_csv_then_merge_it_into_a_model(tmp_path, capsys):
    save(rich_model(), tmp_path / "m.egov")
    assert main(["export", str(tmp_path / "m.egov"), "--format", "csv", "--prefix", "gl-",
                 "--delimiter", "semicolon", "-o", str(tmp_path / "csv")]) == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "gl-elements.csv", "gl-properties.csv", "gl-relations.csv"]
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(tmp_path / "csv" / "gl-elements.csv"),
                 "--into", str(tmp_path / "m.egov"), "-o", str(tmp_path / "g.egov")]) == 0
    assert "Created 0 concepts, updated 0" in capsys.readouterr().err
    assert model_to_dict(load(tmp_path / "g.egov")) == model_to_dict(load(tmp_path / "m.egov"))


def test_a_refused_csv_import_writes_nothing_and_says_where(tmp_path, capsys):
    save(rich_model(), tmp_path / "m.egov")
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "elements.csv").write_text(
        '"ID","Type","Name","Documentation","Specialization"\r\n"x","Nodde","X","",""',
        encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", "import", str(folder / "elements.csv"), "--into",
              str(tmp_path / "m.egov"), "-o", str(tmp_path / "g.egov")])
    assert exit_.value.code == 2
    assert "elements.csv, line 2: unknown element type Nodde" in capsys.readouterr().err
    assert not (tmp_path / "g.egov").exists()


def test_into_takes_only_csv(tmp_path, capsys):
    save(rich_model(), tmp_path / "m.egov")
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", "import", str(MODELS / "archi__Archisurance.archimate"),
              "--into", str(tmp_path / "m.egov"), "-o", str(tmp_path / "g.egov")])
    assert exit_.value.code == 2
    assert "--into merges Archi CSV files" in capsys.readouterr().err


def test_a_csv_set_imports_into_a_new_model(tmp_path):
    assert main(["import", str(CSV / "archi-test1"), "-o", str(tmp_path / "n.egov")]) == 0
    assert load(tmp_path / "n.egov").name == "Test Model"


def test_exchange_xml_is_not_written_under_an_archi_model_name(tmp_path, capsys):
    """``--format archimate`` is the exchange XML; a ``.archimate`` name would make Archi
    try to open it as its own model and fail: refused, nothing written, the fix named."""
    save(rich_model(), tmp_path / "m.egov")
    out = tmp_path / "m.archimate"
    with pytest.raises(SystemExit) as exit_:
        main(["--lang", "en", "export", str(tmp_path / "m.egov"), "--format", "archimate",
              "-o", str(out)])
    assert exit_.value.code == 2
    assert not out.exists()
    assert "--format archi" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "m.egov"), "--format", "archi", "-o", str(out)]) == 0
    assert read_archi(out).elements
