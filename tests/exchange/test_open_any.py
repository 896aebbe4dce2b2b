"""File > Open and ``egov-modeler import`` take any model file the program reads, chosen
by what is inside it, not by its name; anything else gets a message that says what the
file is and what the program opens."""

from __future__ import annotations

import json
import shutil

import pytest

from egov_modeler.exchange.archi_read_common import ArchiImportError
from egov_modeler.exchange.open_any import UnknownFileError, read_any, root_namespace
from egov_modeler.i18n import set_language
from egov_modeler.model.errors import ModelError
from egov_modeler.storage.native import save
from tests.helpers.archi import CSV, MODELS, PAIRS
from tests.helpers.exchange import rich_model


@pytest.fixture(autouse=True)
def _english():
    set_language("en")


@pytest.mark.parametrize(("source", "name", "views"), [
    (MODELS / "pyarchimate__myModel.archimate", "renamed.xml", 2),
    (MODELS / "archi__model_zipped.archimate", "renamed.zip", 2),
    (PAIRS / "mmorga-location-archi40" / "model.xml", "renamed.archimate", 1),
])
def test_files_are_read_by_what_they_hold_whatever_their_name(tmp_path, source, name, views):
    shutil.copy(source, tmp_path / name)
    assert len(read_any(tmp_path / name).views) == views


def test_a_native_model_and_a_csv_set_open_too(tmp_path):
    model = rich_model()
    save(model, tmp_path / "m.egov")
    assert read_any(tmp_path / "m.egov").name == model.name
    from_csv = read_any(CSV / "archi-test1" / "elements.csv")
    assert from_csv.name == "Test Model" and len(from_csv.elements) == 3


def test_a_json_file_that_is_not_a_model_says_what_it_is(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"theme": "dark"}))
    with pytest.raises(UnknownFileError) as refused:
        read_any(tmp_path / "settings.json")
    assert "JSON file but not an egov-modeler model" in str(refused.value)


def test_other_xml_and_other_files_say_what_opens(tmp_path):
    (tmp_path / "page.xml").write_text('<html xmlns="http://www.w3.org/1999/xhtml"/>')
    with pytest.raises(UnknownFileError) as xml:
        read_any(tmp_path / "page.xml")
    assert "http://www.w3.org/1999/xhtml" in str(xml.value)
    (tmp_path / "notes.txt").write_text("ghi chú")
    with pytest.raises(UnknownFileError) as text:
        read_any(tmp_path / "notes.txt")
    assert ".archimate" in str(text.value) and "elements.csv" in str(text.value)


def test_a_wrong_archi_namespace_goes_to_the_archi_reader_and_its_message():
    with pytest.raises(ArchiImportError) as refused:
        read_any(MODELS / "archi__compatibility_test2.archimate")
    assert "not an Archi model" in str(refused.value)


def test_every_refusal_is_a_model_error_with_a_message(tmp_path):
    (tmp_path / "empty.archimate").write_bytes(b"")
    with pytest.raises(ModelError):
        read_any(tmp_path / "empty.archimate")
    with pytest.raises(ModelError):
        read_any(tmp_path / "missing.archimate")


def test_the_root_namespace_is_found_past_comments_and_the_declaration():
    data = ('\ufeff<?xml version="1.0"?>\n<!-- x -->\n<a:model xmlns:b="B" '
            'xmlns:a="A"/>').encode()
    assert root_namespace(data) == "A"
    assert root_namespace("<m xmlns='N'/>".encode("utf-16")) == "N"
    assert root_namespace(b"not xml") is None


def test_save_as_writes_the_format_its_name_asks_for(tmp_path):
    from egov_modeler.exchange.save_any import write_any
    from egov_modeler.model.serialization import model_to_dict

    model = rich_model()
    for name in ("m.egov", "m.archimate", "m.xml"):
        assert write_any(model, tmp_path / name) == []
        assert model_to_dict(read_any(tmp_path / name)) == model_to_dict(model), name
    with pytest.raises(ModelError):
        write_any(model, tmp_path / "m.docx")
