"""Find and replace across the model: names, documentation and property values,
diacritics-insensitive by default, filtered by type and layer; a replace is one command
that undoes exactly."""

from __future__ import annotations

import pytest

from egov_modeler.model import History, Model
from egov_modeler.model.find import (
    DOCUMENTATION,
    NAME,
    PROPERTY,
    VIEW_TYPE,
    FindOptions,
    find,
    replace_command,
)
from egov_modeler.model.serialization import model_to_dict


@pytest.fixture
def model() -> Model:
    model = Model("Tỉnh Gia Lai")
    model.add_element("ApplicationComponent", "Cổng Dịch vụ công tỉnh", id="id-portal",
                      layer="cong_dich_vu", names={"en": "Provincial public service portal"},
                      documentation="Cổng kết nối với Cổng DVC quốc gia")
    model.add_element("ApplicationComponent", "Hệ thống một cửa", id="id-one-stop",
                      properties=[("Đơn vị vận hành", "Sở Thông tin và Truyền thông"),
                                  ("Ghi chú", "cong viec")])
    model.add_element("BusinessActor", "Công dân", id="id-citizen", layer="nguoi_su_dung")
    model.relate("id-portal", "Serving", "id-citizen", id="id-serves",
                 name="Cung cấp dịch vụ công")
    model.add_view("Sơ đồ cổng", id="id-view")
    return model


def where(matches) -> list[tuple[str, str, str]]:
    return [(m.owner_id, m.field, m.found) for m in matches]


def test_without_diacritics_finds_every_spelling_in_names_documentation_and_properties(model):
    found = where(find(model, FindOptions("cong")))
    assert found == [
        ("id-portal", NAME, "Cổng"), ("id-portal", NAME, "công"),
        ("id-portal", DOCUMENTATION, "Cổng"), ("id-portal", DOCUMENTATION, "Cổng"),
        ("id-one-stop", PROPERTY, "cong"),
        ("id-citizen", NAME, "Công"),
        ("id-serves", NAME, "công"),
        ("id-view", NAME, "cổng"),
    ]


def test_match_diacritics_and_case_narrow_the_search(model):
    assert where(find(model, FindOptions("công", match_diacritics=True))) == [
        ("id-portal", NAME, "công"), ("id-citizen", NAME, "Công"), ("id-serves", NAME, "công")]
    assert where(find(model, FindOptions("Công", match_diacritics=True, match_case=True))) == [
        ("id-citizen", NAME, "Công")]
    assert where(find(model, FindOptions("CONG DAN"))) == [("id-citizen", NAME, "Công dân")]


def test_other_languages_and_property_values_are_searched_with_their_place(model):
    (english,) = find(model, FindOptions("public service"))
    assert (english.field, english.language, english.found) == (NAME, "en", "public service")
    (prop,) = find(model, FindOptions("thong tin"))
    assert (prop.field, prop.prop_key, prop.found) == (PROPERTY, "Đơn vị vận hành", "Thông tin")


def test_fields_types_and_layers_filter(model):
    assert where(find(model, FindOptions("cong", names=False, documentation=False))) == [
        ("id-one-stop", PROPERTY, "cong")]
    assert {m.owner_id for m in find(model, FindOptions("cong", types=frozenset(
        {"BusinessActor", VIEW_TYPE})))} == {"id-citizen", "id-view"}
    assert {m.owner_id for m in find(model, FindOptions("cong", types=frozenset(
        {"Serving"})))} == {"id-serves"}
    # A layer keeps elements of that layer only (framework layer, else ArchiMate layer).
    assert {m.owner_id for m in find(model, FindOptions("cong", layers=frozenset(
        {"framework:nguoi_su_dung"})))} == {"id-citizen"}
    assert {m.owner_id for m in find(model, FindOptions("cong", layers=frozenset(
        {"archimate:application"})))} == {"id-one-stop"}
    assert find(model, FindOptions("   ")) == []


def test_replace_all_is_one_command_that_keeps_the_rest_of_each_text_and_undoes(model):
    before = model_to_dict(model)
    matches = find(model, FindOptions("cong"))
    command = replace_command(model, matches, "Cổng thông tin", "Thay thế")
    history = History(model)
    history.do(command)
    assert model.element("id-portal").name == "Cổng thông tin Dịch vụ Cổng thông tin tỉnh"
    assert model.element("id-portal").documentation == (
        "Cổng thông tin kết nối với Cổng thông tin DVC quốc gia")
    assert dict(model.element("id-one-stop").properties)["Ghi chú"] == "Cổng thông tin viec"
    assert [k for k, _ in model.element("id-one-stop").properties] == [
        "Đơn vị vận hành", "Ghi chú"]  # the order of the properties is kept
    assert model.relationship("id-serves").name == "Cung cấp dịch vụ Cổng thông tin"
    assert model.view("id-view").name == "Sơ đồ Cổng thông tin"
    assert command.describe() == "Thay thế"
    history.undo()
    assert model_to_dict(model) == before


def test_replace_one_touches_only_that_occurrence(model):
    second = find(model, FindOptions("cong"))[1]  # "công" at the end of the portal's name
    command = replace_command(model, [second], "chung")
    model.execute(command)
    assert model.element("id-portal").name == "Cổng Dịch vụ chung tỉnh"


def test_a_field_edited_since_the_search_is_left_alone(model):
    matches = find(model, FindOptions("dan"))
    model.element("id-citizen").name = "Người dân"  # changed after the search
    assert replace_command(model, matches, "x") is None
    assert model.element("id-citizen").name == "Người dân"


def test_replacing_the_main_name_drops_a_catalog_english_name_but_keeps_a_replaced_one():
    from egov_modeler.model.catalog import active_catalog, element_from_component

    catalog = active_catalog()
    component = next(c for c in catalog.components if c.name("en") and c.name("vi"))
    model = Model("M")
    element = element_from_component(component, id="id-e", catalog=catalog)
    model.load_element(element)
    assert element.names.get("en") == component.name("en")
    word = component.name("vi").split()[0]
    in_main_name = [m for m in find(model, FindOptions(word)) if m.field == NAME
                    and m.language is None]
    model.execute(replace_command(model, in_main_name, "ZZ"))
    assert model.element("id-e").name.startswith("ZZ")
    assert "en" not in model.element("id-e").names  # the catalog's English name went too


@pytest.mark.parametrize("text", [
    "Cổng Dịch vụ công tỉnh Đắk Lắk", "ĐỒNG BỘ dữ liệu", "Ứng dụng ÝÝ ỹ",
    "Co\u0302\u0309ng (decomposed)", "İstanbul and straße", "", "plain ascii",
])
@pytest.mark.parametrize("ignore_case, ignore_marks", [(True, True), (False, True),
                                                       (True, False), (False, False)])
def test_the_fast_fold_finds_the_same_spans_as_the_exact_one(text, ignore_case,
                                                             ignore_marks):
    from egov_modeler.model.text_fold import fold_for_search, folded_with_map

    fast, origin = fold_for_search(text, ignore_case, ignore_marks)
    exact, exact_origin = folded_with_map(text, ignore_case, ignore_marks)
    assert fast == exact
    if origin is not None:  # the slow path was taken: the same map
        assert origin == exact_origin
    else:
        assert exact_origin == list(range(len(text) + 1))  # one to one


def test_a_decomposed_name_is_found_and_replaced_with_its_marks():
    model = Model("M")
    model.add_element("ApplicationComponent", "Co\u0302\u0309ng tỉnh", id="id-x")
    (match,) = find(model, FindOptions("cong"))
    assert match.found == "Co\u0302\u0309ng"
    model.execute(replace_command(model, [match], "Portal"))
    assert model.element("id-x").name == "Portal tỉnh"
