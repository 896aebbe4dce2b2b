"""Archi's CSV files both ways: what a spreadsheet user sees in the files we write, and what
an import does to an open model (Archi's merge by id, one undo step, and nothing at all
when a row is refused)."""

from __future__ import annotations

import shutil

import pytest

from egov_modeler.exchange.archi_csv_export import CsvOptions, csv_files, write_archi_csv
from egov_modeler.exchange.archi_csv_import import (
    CsvImportError,
    import_archi_csv,
    plan_csv_import,
)
from egov_modeler.exchange.archi_reader import read_archi
from egov_modeler.i18n import set_language
from egov_modeler.model import Model
from egov_modeler.model.commands import CompoundCommand, command_from_dict
from egov_modeler.model.serialization import model_to_dict
from tests.helpers.archi import CSV, MODELS, data_file
from tests.helpers.exchange import rich_model

ELEMENTS = '"ID","Type","Name","Documentation","Specialization"'
RELATIONS = '"ID","Type","Name","Documentation","Source","Target","Specialization"'
PROPERTIES = '"ID","Key","Value"'


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English (their Vietnamese forms are checked elsewhere)."""
    set_language("en")


def write(folder, elements: str = "", relations: str = "", properties: str = "",
          prefix: str = "") -> None:
    """CSV files as a user would save them from a spreadsheet (UTF-8, CRLF)."""
    folder.mkdir(exist_ok=True)
    for kind, header, rows in (("elements", ELEMENTS, elements),
                               ("relations", RELATIONS, relations),
                               ("properties", PROPERTIES, properties)):
        if rows is not None:
            text = header + "\r\n" + rows.strip("\n").replace("\n", "\r\n")
            (folder / f"{prefix}{kind}.csv").write_bytes(text.encode("utf-8"))


def small_model() -> Model:
    model = Model("Kiến trúc tỉnh")
    model.add_element("ApplicationComponent", "Cổng DVC", id="id-portal")
    model.add_element("DataObject", "Hồ sơ", id="id-file")
    model.relate("id-portal", "Access", "id-file", id="id-read", access_type="Read")
    return model


# ------------------------------------------------------------------ export
def test_the_files_are_what_archi_writes_with_a_bom_for_excel():
    model = small_model()
    model.element("id-portal").documentation = 'Một "cổng"\nhai dòng'
    files = csv_files(model)
    assert sorted(files) == ["elements.csv", "properties.csv", "relations.csv"]
    elements = files["elements.csv"]
    assert elements.startswith("\ufeff".encode())
    lines = elements.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ELEMENTS
    assert lines[1] == f'"{model.id}","ArchimateModel","Kiến trúc tỉnh","",""'
    assert lines[2] == '"id-portal","ApplicationComponent","Cổng DVC","Một ""cổng""\nhai dòng",""'
    relations = files["relations.csv"].decode("utf-8-sig").split("\r\n")
    assert relations == [RELATIONS, '"id-read","AccessRelationship","","","id-portal",'
                                     '"id-file",""']
    properties = files["properties.csv"].decode("utf-8-sig").split("\r\n")
    assert properties == [PROPERTIES, '"id-read","Access_Type","Read"']


def test_a_prefix_a_delimiter_and_excel_safe_text(tmp_path):
    model = small_model()
    model.element("id-file").name = "=HYPERLINK()"
    paths = write_archi_csv(model, tmp_path / "out",
                            CsvOptions(prefix="gia-lai-", delimiter=";", excel_safe=True))
    assert [p.name for p in paths] == ["gia-lai-elements.csv", "gia-lai-relations.csv",
                                       "gia-lai-properties.csv"]
    text = paths[0].read_text(encoding="utf-8-sig")
    assert '"id-file";"DataObject";" =HYPERLINK()";"";""' in text


def test_elements_come_in_archis_order_and_details_as_pseudo_properties():
    model = rich_model()
    text = csv_files(model)["elements.csv"].decode("utf-8-sig")
    rows = [line.split('","')[1] for line in text.split("\r\n")[2:]]
    assert rows.index("Resource") < rows.index("BusinessActor") < rows.index("Node")
    assert rows.index("Grouping") < rows.index("Junction") < rows.index("Location")
    properties = csv_files(model)["properties.csv"].decode("utf-8-sig")
    for pseudo in ('"Access_Type","ReadWrite"', '"Directed","true"', '"Directed","false"',
                   '"Influence_Strength","++"', '"Junction_Type","Or"',
                   '"egov:catalog_ref","c_cong_dvc_tinh"'):
        assert pseudo in properties


def test_export_then_import_into_an_empty_model_gives_the_same_concepts(tmp_path):
    model = rich_model()
    for element in model.elements[:3]:
        element.specialization = "Dùng chung"
    write_archi_csv(model, tmp_path)
    fresh = Model("")
    import_archi_csv(fresh, tmp_path / "elements.csv")

    def concepts(m: Model) -> dict:
        data = model_to_dict(m)
        for item in data["elements"] + data["relationships"]:
            item.pop("names", None)  # CSV holds one language, as Archi does
            item.pop("documentations", None)
        return {k: data[k] for k in ("name", "documentation", "properties", "elements",
                                     "relationships")}

    assert concepts(fresh) == concepts(model)
    assert sorted((p.name, p.concept_type) for p in fresh.profiles) == sorted(
        ("Dùng chung", e.type) for e in model.elements[:3])


# ------------------------------------------------------------------ import
def test_archis_own_test_files_create_then_update(tmp_path):
    model = Model("")
    result = import_archi_csv(model, CSV / "archi-test1" / "elements.csv")
    assert (len(model.elements), len(model.relationships)) == (3, 2)
    assert model.name == "Test Model"
    assert model.documentation == ('This is the Purpose of the Model.\nIt has a line break '
                                   'and "some" quotes.\n')
    assert model.properties == [("Property 1", 'Hello World "Here"!'), ("Property 2", "Again")]
    actor = model.element("f00aa5b4")
    assert (actor.type, actor.specialization) == ("BusinessActor", "Specialization1")
    assert [(p.name, p.concept_type) for p in model.profiles] == [("Specialization1",
                                                                   "BusinessActor")]
    assert model.relationship("id-5854f8a3").properties == [("This", "values")]
    assert result.created == 5
    update = import_archi_csv(model, CSV / "archi-test2" / "elements.csv")
    assert model.name == "Test Model changed"
    actor = model.element("f00aa5b4")
    assert actor.name == "Name changed"
    assert actor.specialization == "Specialization1"  # an empty cell does not clear it
    assert len(actor.properties) == 4  # repeated rows of a new key stay repeated, as in Archi
    assert actor.properties[2] == ("Property 3", "Again")
    assert model.relationship("cdbfc933").name == "Assignment relation changed"
    assert model.relationship("id-5854f8a3").properties == [("This", "value changes")]
    assert update.created == 0 and update.updated > 0


def test_a_file_without_ids_and_without_properties():
    model = Model("")
    import_archi_csv(model, CSV / "archi-test4" / "relations.csv")
    assert {e.name for e in model.elements} == {"BA1", "BA2", "Business Role",
                                                "Business Interface"}
    assert model.relationship("r1").source == "e1"


def test_a_semicolon_file_with_short_type_names():
    model = Model("")
    import_archi_csv(model, CSV / "pyarchimate-writer" / "elements.csv")
    access = model.relationships[0]
    assert (access.type, access.name) == ("Access", "ACCESS")
    assert ("author", "Xavier") in model.properties


def test_archis_csv_of_a_model_gives_what_its_archimate_file_gives():
    csv_model = Model("")
    import_archi_csv(csv_model, data_file(CSV / "amiika-fair-archi502") / "elements.csv")
    archi_model = read_archi(data_file(
        MODELS / "amiika__Reference_Architecture_for_FAIR_Data_Infrastructures.archimate"))

    def concepts(m: Model) -> tuple:
        data = model_to_dict(m)
        return data["elements"], data["relationships"]

    assert concepts(csv_model) == concepts(archi_model)


def test_merge_by_id_into_an_open_model(tmp_path):
    model = small_model()
    write(tmp_path, elements='"id-portal","ApplicationComponent","Cổng mới","",""\n'
                             '"id-lgsp","ApplicationComponent","LGSP","",""',
          relations='"id-flow","FlowRelationship","đồng bộ","","id-portal","id-lgsp",""',
          properties='"id-portal","Chủ quản","Sở TT&TT"\n'
                     '"id-read","Access_Type","ReadWrite"')
    import_archi_csv(model, tmp_path)
    assert model.element("id-portal").name == "Cổng mới"
    assert model.element("id-portal").properties == [("Chủ quản", "Sở TT&TT")]
    assert model.element("id-lgsp").type == "ApplicationComponent"
    assert model.relationship("id-flow").target == "id-lgsp"
    assert model.relationship("id-read").access_type == "ReadWrite"
    assert model.element("id-file").name == "Hồ sơ"  # not in the files: untouched


def test_the_whole_import_is_one_undo_step(tmp_path):
    model = small_model()
    before = model_to_dict(model)
    write(tmp_path, elements='"id-portal","ApplicationComponent","Cổng mới","",""\n'
                             '"id-new","Node","Máy chủ","","Máy chủ ảo"',
          relations='"id-r","ServingRelationship","","","id-new","id-portal",""',
          properties=f'"{model.id}","Năm","2026"')
    result = import_archi_csv(model, tmp_path)
    assert isinstance(result.command, CompoundCommand)
    after = model_to_dict(model)
    result.command.revert(model)
    assert model_to_dict(model) == before
    replay = command_from_dict(result.command.to_dict())  # the journal's form
    model.execute(replay)
    assert model_to_dict(model) == after
    assert model.element("id-portal").name == "Cổng mới"
    assert model.properties == [("Năm", "2026")]  # pairs, as the model keeps them


def test_planning_changes_nothing(tmp_path):
    model = small_model()
    before = model_to_dict(model)
    write(tmp_path, elements='"id-x","Node","X","",""')
    plan = plan_csv_import(model, tmp_path / "elements.csv")
    assert model_to_dict(model) == before and len(plan.command.commands) == 1


@pytest.mark.parametrize(("files", "expected"), [
    ({"elements": '"id-x","Nodde","X","",""'}, "elements.csv, line 3: unknown element type"),
    ({"relations": '"id-r","ServingRelationship","","","id-portal","id-nowhere",""'},
     "relations.csv, line 2: the relationship id-r refers to id-nowhere"),
    ({"relations": '"id-r","Flowing","","","id-portal","id-file",""'},
     "relations.csv, line 2: unknown relationship type Flowing"),
    ({"relations": '"id-r","CompositionRelationship","","","id-file","id-portal",""'},
     "relations.csv, line 2: the relationship id-r is refused"),
    ({"properties": '"id-ghost","k","v"'}, "properties.csv, line 2: id-ghost is not"),
    ({"properties": '"id-read","Access_Type","Sometimes"'}, "unknown access type Sometimes"),
    ({"elements": '"a b","Node","X","",""'}, "characters Archi does not allow"),
    ({"elements": '"id-read","Node","X","",""'}, "not an element"),
    ({"elements": '"id-portal","Node","X","",""'}, "is a ApplicationComponent in the model"),
    ({"elements": '"id-x","Node","X",""'}, "the row has 4 columns, the header 5"),
])
def test_a_refused_row_is_named_with_file_and_line_and_nothing_is_applied(
        tmp_path, files, expected):
    model = small_model()
    before = model_to_dict(model)
    write(tmp_path, elements='"id-ok","Node","Đúng","",""\n' + files.get("elements", ""),
          relations=files.get("relations", ""), properties=files.get("properties", ""))
    with pytest.raises(CsvImportError) as refused:
        import_archi_csv(model, tmp_path)
    assert expected in str(refused.value)
    assert model_to_dict(model) == before


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    write(tmp_path, elements='"id-a","Nodde","A","",""\n"id-b","Nodde","B","",""',
          relations='"id-r","ServingRelationship","","","id-x","id-y",""')
    with pytest.raises(CsvImportError) as refused:
        import_archi_csv(small_model(), tmp_path)
    assert len(refused.value.problems) == 4
    assert "line 3" in refused.value.problems[1]


def test_line_numbers_count_line_breaks_inside_quoted_fields(tmp_path):
    write(tmp_path, elements='"id-a","Node","A","một\ndòng\nnữa",""\n"id-b","Nodde","B","",""')
    with pytest.raises(CsvImportError) as refused:
        import_archi_csv(Model(""), tmp_path)
    assert "elements.csv, line 5:" in str(refused.value)


def test_a_wrong_header_and_a_broken_quote_are_refused(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "elements.csv").write_text('"Id","Kind"\r\n"x","Node"', encoding="utf-8")
    with pytest.raises(CsvImportError) as wrong:
        import_archi_csv(Model(""), folder)
    assert "header" in str(wrong.value)
    (folder / "elements.csv").write_text(ELEMENTS + '\r\n"x","Node","X', encoding="utf-8")
    with pytest.raises(CsvImportError) as broken:
        import_archi_csv(Model(""), folder)
    assert "line 2: a quoted field is not closed" in str(broken.value)


def test_a_file_that_is_not_utf8_says_how_to_save_it(tmp_path):
    (tmp_path / "elements.csv").write_bytes((ELEMENTS + '\r\n"x","Node","Caf\xe9","",""')
                                            .encode("cp1252"))
    with pytest.raises(CsvImportError) as refused:
        import_archi_csv(Model(""), tmp_path)
    assert "UTF-8" in str(refused.value)


def test_comment_lines_blank_lines_and_a_prefix_are_read_as_archi_does(tmp_path):
    write(tmp_path, elements='# ghi chú\n\n"id-a","Junction","","",""',
          properties='"id-a","Junction_Type","Or"', relations=None, prefix="tinh-")
    model = Model("")
    import_archi_csv(model, tmp_path / "tinh-properties.csv")
    assert model.element("id-a").type == "OrJunction"


def test_archi_ids_that_are_not_xml_names_match_an_imported_archi_model(tmp_path):
    model = read_archi(MODELS / "archi__Archisurance.archimate")
    write(tmp_path, elements='"650","BusinessEvent","Yêu cầu bảo hiểm","",""')
    import_archi_csv(model, tmp_path)
    assert model.element("id-650").name == "Yêu cầu bảo hiểm"


def test_a_relationship_whose_ends_change_replaces_its_connections(tmp_path):
    model = read_archi(MODELS / "archi__testCopySnapshot.archimate")
    write(tmp_path, relations='"fae6df8d","AssociationRelationship","","","440788c3",'
                              '"4249d0d9",""')
    result = import_archi_csv(model, tmp_path)
    assert (model.relationship("fae6df8d").source, model.relationship("fae6df8d").target) == (
        "id-440788c3", "id-4249d0d9")  # Archi's 440788c3 and 4249d0d9
    assert "1 connections" in result.notes[0]


def test_csv_files_are_found_from_a_folder_or_any_of_them(tmp_path):
    shutil.copytree(CSV / "archi-test1", tmp_path / "x")
    for start in (tmp_path / "x", tmp_path / "x" / "relations.csv",
                  tmp_path / "x" / "properties.csv"):
        model = Model("")
        assert len(import_archi_csv(model, start).files) == 3
    with pytest.raises(CsvImportError):
        import_archi_csv(Model(""), tmp_path / "x" / "notes.csv")
