"""Framework profiles as data: the two built-in ones, the loader's refusals, the user's own
profiles and catalogs, which profile a model follows, and the Vietnamese ArchiMate terms."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from egov_modeler.i18n import set_language, translation_table
from egov_modeler.model import Model
from egov_modeler.model.catalog import (
    CatalogError,
    UnknownProfileError,
    active_catalog,
    add_user_catalog,
    add_user_profile,
    catalog_for,
    clear_user_catalogs,
    load_builtin_profile,
    model_date,
    profile_catalog,
    profile_id_of,
    profile_ids,
    set_active_profile,
)
from egov_modeler.model.framework_rules import PROFILE_RULE, FrameworkRuleProvider
from egov_modeler.model.metamodel import ELEMENT_TYPES
from egov_modeler.model.viewpoints import VIEWPOINTS

FRAMEWORK = resources.files("egov_modeler") / "resources" / "framework"


@pytest.fixture(autouse=True)
def _no_user_files():
    clear_user_catalogs()
    yield
    clear_user_catalogs()


@pytest.fixture(scope="module")
def v25():
    return load_builtin_profile("vn-digital-2025")


@pytest.fixture(scope="module")
def v20():
    return load_builtin_profile("vn-egov-2.0")


# ------------------------------------------------------------------- the 2025 profile
def test_the_2025_profile_is_the_generator_s_output():
    """vn-digital-2025.json is generated: edit tools/profiles, not the JSON."""
    from tools.profiles.build_vn_digital_2025 import render

    assert (FRAMEWORK / "vn-digital-2025.json").read_text(encoding="utf-8") == render()


def test_the_2025_profile_has_qd_3090_s_four_layers_bottom_up(v25):
    overview = [s.id for s in v25.sections() if s.layer.kind == "overview"
                and not s.layer.cross_cutting]
    assert overview == ["nguoi_su_dung_kttqgs", "l4_kenh_do_luong", "l3_ung_dung_nghiep_vu",
                        "l2_du_lieu_nen_tang", "l1_ha_tang_so_anm"]
    assert [v25.layer(i).order for i in overview[1:]] == [4, 3, 2, 1]  # layer 1 at the bottom
    assert v25.layer("l1_ha_tang_so_anm").name_vi == "Hạ tầng số và an ninh mạng dùng chung"
    assert [layer.id for layer in v25.layers if layer.cross_cutting] == ["quan_tri_the_che"]


def test_the_2025_profile_has_the_scope_levels_of_the_two_tier_reform(v25):
    levels = {level.value: level for level in v25.scope_levels}
    assert list(levels) == ["quốc gia", "bộ", "tỉnh", "huyện", "xã"]
    assert not levels["huyện"].selectable and levels["huyện"].valid_until == dt.date(2025, 7, 1)
    assert v25.scope_value("cấp huyện") == "huyện" and v25.scope_value("Phường") == "xã"
    assert v25.scope_value("bộ/tỉnh") == "bộ/tỉnh"


def test_the_national_platforms_have_their_owners_after_the_2025_mergers(v25):
    owners = {c: v25.component(c).owner for c in (
        "l2_vneid", "l2_ndop", "l1_ttdlqg", "l2_csdl_tong_hop_qg", "l2_csdlqg_dat_dai",
        "l2_ndxp", "l2_csdlqg_dkdn")}
    assert owners == {
        "l2_vneid": "Bộ Công an", "l2_ndop": "Bộ Công an (Trung tâm Dữ liệu quốc gia)",
        "l1_ttdlqg": "Bộ Công an", "l2_csdl_tong_hop_qg": "Bộ Công an",
        "l2_csdlqg_dat_dai": "Bộ Nông nghiệp và Môi trường",
        "l2_ndxp": "Bộ Khoa học và Công nghệ (Cục Chuyển đổi số quốc gia)",
        "l2_csdlqg_dkdn": "Bộ Tài chính"}
    # owners not found in the research are left empty, with a note saying so
    for component_id in ("l4_cong_dvcqg", "l3_truc_lien_thong_vb", "l1_cloud_cp"):
        component = v25.component(component_id)
        assert component.owner is None and "not stated" in (component.note or "")


def test_what_rests_on_low_confidence_sources_is_marked_inferred(v25):
    profile = v25.profile
    decisions = {d.number: d for d in profile.decisions}
    assert decisions["QĐ 1425/QĐ-TTg"].inferred  # reported by secondary 2026 material only
    assert not decisions["QĐ 3090/QĐ-BKHCN"].inferred
    assert v25.component("g_danh_muc_nen_tang").inferred  # QĐ 1132/QĐ-TTg
    assert v25.rule("FW26-NO-DUPLICATE").inferred
    assert "QĐ 1132/QĐ-TTg" in v25.rule("FW26-NO-DUPLICATE").legal_source
    assert v25.layer("quan_tri_the_che").inferred


def test_the_nd_278_rules_start_on_the_decree_s_date(v25):
    for rule_id in ("FW26-NDOP-ROUTE", "FW26-MASTER-DATA-SYNC", "FW26-PROV-LDOP-NDOP"):
        assert v25.rule(rule_id).applies_from == dt.date(2025, 10, 22)
    assert "in-force date was not read" in v25.rule("FW26-NDOP-ROUTE").note
    assert v25.rule("FW26-TWO-TIER").applies_from == dt.date(2025, 7, 1)


def test_the_document_axis_is_in_layer_3_as_the_research_has_it(v25):
    assert v25.component("l3_truc_lien_thong_vb").layer == "l3_ung_dung_nghiep_vu"


def test_the_qd_2439_data_palette(v25):
    layers = [c.name_vi for c in v25.children("dl_root")]
    assert layers == ["Dữ liệu gốc", "Dữ liệu đặc tả", "Dữ liệu chủ", "Dữ liệu danh mục",
                      "Dữ liệu giao dịch", "Dữ liệu tổng hợp", "Dữ liệu phân tích", "Dữ liệu mở"]
    assert len(v25.children("md_root")) == 6 and len(v25.children("kc_root")) == 6
    assert v25.component("dl_root").reference_model == "KTDL"


def test_the_mapping_covers_every_component_and_layer_of_the_2_0_profile(v20, v25):
    mapping = v25.mapping_from
    assert mapping.profile == "vn-egov-2.0"
    assert set(mapping.components) == {c.id for c in v20.components}
    assert set(mapping.layers) == {layer.id for layer in v20.layers}
    for old, entry in mapping.components.items():
        assert entry.to is None or v25.has_component(entry.to), old
        if entry.to is None:
            assert entry.reason in ("district_level", "no_successor", "repealed")
    assert mapping.agencies["Sở Thông tin và Truyền thông"].to == "Sở Khoa học và Công nghệ"


def test_the_inventory_fields_include_the_six_handling_options(v25):
    fields = {f.id: f for f in v25.inventory_fields}
    options = [vi for _id, vi, _en in fields["handling_option"].choices]
    assert options == ["Tiếp tục sử dụng", "Chuẩn hóa, kết nối/tích hợp", "Nâng cấp, mở rộng",
                       "Hợp nhất, tổ chức lại", "Thay thế, kết thúc sử dụng", "Bổ sung mới"]
    assert fields["scope_level"].property == "Phạm vi"


# ----------------------------------------------------------------- the 2.0 profile
def test_the_2_0_profile_is_superseded_and_keeps_its_top_down_order(v20):
    assert v20.profile.id == "vn-egov-2.0" and v20.profile.status == "superseded"
    assert v20.profile.valid_until == dt.date(2023, 12, 29)
    assert v20.profile.superseded_by == "vn-digital-2025"
    assert [s.id for s in v20.sections()][:2] == ["nguoi_su_dung", "kenh_giao_tiep"]
    assert load_builtin_profile("builtin") is v20  # the 2.0 catalog's old id


# ------------------------------------------------------------- which profile a model is
def test_a_model_without_a_profile_is_a_2_0_model(v20, v25):
    old = Model("cũ")
    assert profile_id_of(old) == "vn-egov-2.0" and catalog_for(old) is v20
    new = Model("mới")
    new.properties = [("profile", "vn-digital-2025")]
    assert catalog_for(new) is v25


def test_a_model_of_an_unknown_profile_is_told_so_not_judged_by_another():
    model = Model("lạ")
    model.properties = [("profile", "tinh-x-2030")]
    problems = FrameworkRuleProvider().model_findings(model)
    assert [p.rule for p in problems] == [PROFILE_RULE]
    assert "tinh-x-2030" in problems[0].message and "--profile" in problems[0].message
    with pytest.raises(UnknownProfileError):
        catalog_for(model)


def test_the_model_date(v20, v25):
    model = Model()
    today = dt.date(2026, 11, 29)
    assert model_date(model, v20, today) == dt.date(2023, 12, 28)  # the 2.0 world
    assert model_date(model, v25, today) == today
    model.properties = [("dossier:date", "05/02/2026")]
    assert model_date(model, v25, today) == dt.date(2026, 2, 5)
    model.properties.insert(0, ("architecture_date", "2025-12-31"))
    assert model_date(model, v25, today) == dt.date(2025, 12, 31)


def test_the_active_profile_is_what_the_palette_shows(v25):
    assert active_catalog().profile.id == "vn-egov-2.0"
    set_active_profile("vn-digital-2025")
    assert active_catalog() is v25
    with pytest.raises(UnknownProfileError):
        set_active_profile("khong-co")
    assert active_catalog() is v25  # nothing changed


# --------------------------------------------------------------------- the user's files
def _profile(**profile: Any) -> dict[str, Any]:
    block = {"id": "tinh-x", "version": "1.0", "title_vi": "Khung kiến trúc số tỉnh X",
             "title_en": "Province X framework", "status": "current",
             "decisions": [{"number": "QĐ 1/QĐ-UBND", "date": "2026-01-02",
                            "role": "framework", "sources": [], "inferred": False}],
             "valid_from": "2026-01-02", "valid_until": None, "extends": "vn-digital-2025"}
    block.update(profile)
    return {"format": "egov-modeler-catalog", "format_version": 1, "id": block["id"],
            "profile": block,
            "components": [{"id": "x_ldop", "name_vi": "LDOP tỉnh X", "name_en": "X LDOP",
                            "layer": "l2_du_lieu_nen_tang",
                            "archimate_type": "ApplicationComponent", "parent": "l2_ldop_tinh",
                            "description_vi": "Nền tảng của tỉnh X.",
                            "description_en": "Province X's platform.", "sources": [],
                            "inferred": True, "note": "Ví dụ.", "scope": "tỉnh"}]}


def _write(tmp_path: Path, data: Any, name: str = "tinh-x.json") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_users_profile_extending_the_2025_one(tmp_path):
    catalog = add_user_profile(_write(tmp_path, _profile()))
    assert "tinh-x" in profile_ids()
    assert catalog.lineage("x_ldop") == ["x_ldop", "l2_ldop_tinh"]
    assert catalog.has_component("l2_ndop") and len(catalog.rules) == 19  # the base's rules
    assert catalog.scope_levels  # inherited from the profile it extends
    model = Model()
    model.properties = [("profile", "tinh-x")]
    assert catalog_for(model).has_component("x_ldop")


def test_a_users_profile_may_replace_a_built_in_one(tmp_path):
    data = _profile(id="vn-digital-2025", version="1.1-phu-luc", extends=None)
    data["id"] = "vn-digital-2025"
    data["layers"] = [{"id": "l2_du_lieu_nen_tang", "name_vi": "Dữ liệu và nền tảng cốt lõi",
                       "name_en": "Data and core platforms", "order": 2, "kind": "overview",
                       "cross_cutting": False, "sources": ["Phụ lục QĐ 3090"],
                       "inferred": False}]
    data["components"][0]["parent"] = None
    del data["components"][0]["parent"]
    add_user_profile(_write(tmp_path, data))
    replaced = profile_catalog("vn-digital-2025")
    assert replaced.profile.version == "1.1-phu-luc"
    assert [c.id for c in replaced.components] == ["x_ldop"]
    clear_user_catalogs()
    assert profile_catalog("vn-digital-2025").profile.version == "1.0.0"


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["profile"].update(status="cũ"), "'status'"),
    (lambda d: d["profile"].pop("version"), "missing field 'version'"),
    (lambda d: d["profile"].update(valid_until="31/12/2026"), "'valid_until'"),
    (lambda d: d["profile"].update(valid_until="2025-01-01"), "'valid_until' must come after"),
    (lambda d: d["profile"].update(extends="khong-co"), "'extends' names unknown profile"),
    (lambda d: d["profile"].update(status="superseded"), "'status_note_vi'"),
    (lambda d: d["profile"].update(colour="đỏ"), "unknown field 'colour'"),
    (lambda d: d.update(id="khac"), "must equal the top-level 'id'"),
    (lambda d: d["components"][0].update(scope="huyện lỵ"), "'scope' part 'huyện lỵ'"),
    (lambda d: d.update(rules=[{"id": "X-1", "severity": "warning", "check": "no_duplicate",
                                "local_scopes": ["tỉnh"], "platforms": [
                                    {"national": ["l2_vneid"], "name_patterns": ["(định"]}],
                                "message_vi": "x", "message_en": "x"}]),
     "not a valid regular expression"),
    (lambda d: d.update(rules=[{"id": "X-2", "severity": "warning", "check": "hosted",
                                "application_types": [], "application_layers": [],
                                "infrastructure_layers": [], "applies_from": "2026-13-01",
                                "message_vi": "x", "message_en": "x"}]), "not a real date"),
    (lambda d: d.update(mapping_from={"profile": "vn-egov-2.0", "components": {
        "k_web": "khong_co"}, "layers": {}}), "'to' names unknown"),
    (lambda d: d.update(mapping_from={"profile": "vn-egov-2.0", "components": {
        "k_web": {"to": None}}, "layers": {}}), "'reason' must be one of"),
    (lambda d: d.update(scope_levels={"levels": [{"id": "a", "value": "tỉnh", "name_vi": "a",
                                                  "name_en": "a", "order": "1",
                                                  "selectable": True, "sources": [],
                                                  "inferred": False}]}),
     "'order' must be a whole number"),
    (lambda d: d.update(terminology={"element_types": {"Portal": {"en": "Portal",
                                                                  "vi": "Cổng"}}}),
     "unknown ArchiMate name 'Portal'"),
    (lambda d: d.update(inventory_fields={"element_groups": {}, "fields": [{
        "id": "x", "property": "X", "label_vi": "X", "label_en": "X", "type": "choice",
        "applies_to": ["ApplicationComponent"], "sources": [], "inferred": False}]}),
     "needs exactly one of 'choices'"),
])
def test_a_broken_profile_names_the_field_and_nothing_loads(tmp_path, change, expected):
    data = _profile()
    change(data)
    set_language("en")
    before = profile_ids()
    with pytest.raises(CatalogError) as caught:
        add_user_profile(_write(tmp_path, data))
    message = str(caught.value)
    assert message.startswith("tinh-x.json") and expected in message, message
    assert profile_ids() == before  # nothing half-loaded


def test_a_profile_with_bad_json_names_the_line(tmp_path):
    text = json.dumps(_profile(), ensure_ascii=False, indent=2).replace(
        '"version": "1.0",', '"version": "1.0"')
    set_language("en")
    with pytest.raises(CatalogError, match=r"tinh-x.json, line \d+, column"):
        add_user_profile(_write(tmp_path, text))


def test_a_component_catalog_is_not_a_profile(tmp_path):
    data = _profile()
    del data["profile"]
    set_language("en")
    with pytest.raises(CatalogError, match="load it with --catalog"):
        add_user_profile(_write(tmp_path, data))


def test_a_user_catalog_names_the_profiles_it_extends(tmp_path):
    catalog = {"format": "egov-modeler-catalog", "format_version": 1,
               "for_profiles": ["vn-digital-2025"],
               "components": _profile()["components"]}
    add_user_catalog(_write(tmp_path, catalog, "gia-lai.json"))
    assert profile_catalog("vn-digital-2025").has_component("x_ldop")
    assert not profile_catalog("vn-egov-2.0").has_component("x_ldop")
    model = Model()
    model.properties = [("profile", "vn-digital-2025")]
    assert catalog_for(model).lineage("x_ldop") == ["x_ldop", "l2_ldop_tinh"]


def test_a_user_catalog_for_2_0_does_not_fit_the_2025_profile(tmp_path):
    catalog = {"format": "egov-modeler-catalog", "format_version": 1,
               "for_profiles": ["vn-digital-2025"],
               "components": [{"id": "gl_lgsp", "name_vi": "LGSP Gia Lai",
                               "name_en": "Gia Lai LGSP", "layer": "nen_tang_tich_hop",
                               "archimate_type": "ApplicationComponent"}]}
    set_language("en")
    with pytest.raises(CatalogError, match="unknown layer 'nen_tang_tich_hop'"):
        add_user_catalog(_write(tmp_path, catalog, "gia-lai.json"))
    assert not profile_catalog("vn-digital-2025").has_component("gl_lgsp")


# ------------------------------------------------------------ Vietnamese ArchiMate terms
def test_the_research_s_terms_are_the_tool_s_terms(v25):
    labels = {name: t.label_vi for name, t in ELEMENT_TYPES.items()}
    assert labels["Artifact"] == "Tạo tác"
    assert labels["Gap"] == "Khoảng trống"
    assert labels["Plateau"] == "Trạng thái kiến trúc"
    assert labels["ValueStream"] == "Dòng giá trị"
    table = translation_table("vi")
    assert table["Implementation & Migration"] == "Triển khai và chuyển tiếp"
    assert table["Artifact"] == "Tạo tác" and table["Value Stream"] == "Dòng giá trị"
    viewpoints = {v.name: v.label_vi for v in VIEWPOINTS}
    assert viewpoints["Migration"] == "Chuyển tiếp"
    assert viewpoints["Implementation and Migration"] == "Triển khai và chuyển tiếp"


def test_the_profile_s_terminology_is_what_the_tool_shows(v25):
    terms = v25.terminology
    assert set(terms["element_types"]) == set(ELEMENT_TYPES)
    for name, term in terms["element_types"].items():
        assert term.vi == ELEMENT_TYPES[name].label_vi, name
        assert term.en == ELEMENT_TYPES[name].label_en, name
    for v in VIEWPOINTS:
        assert terms["viewpoints"][v.name].vi == v.label_vi
    table = translation_table("vi")
    for english, term in terms["archimate_layers"].items():
        assert table[english] == term.vi
    assert terms["element_types"]["Artifact"].changed_from == "Tạo phẩm"


def test_every_type_shows_its_english_name_beside_the_vietnamese_one():
    from egov_modeler.model.terminology import bilingual_type_label, type_hint

    assert bilingual_type_label("Artifact", "vi") == "Tạo tác (Artifact)"
    assert bilingual_type_label("Plateau", "vi") == "Trạng thái kiến trúc (Plateau)"
    assert bilingual_type_label("Artifact", "en") == "Artifact"
    assert bilingual_type_label("Serving", "vi").endswith("(Serving)")
    assert type_hint("Plateau") == "plateau: hiện trạng, chuyển tiếp, mục tiêu"
    assert type_hint("Assignment") == "phân công"


def test_the_readme_example_profile_loads(tmp_path):
    """The example in README's "Your own framework profile" is a working profile."""
    from tests.helpers.paths import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```json", readme.index("## Your own framework profile")) + 7
    example = readme[start:readme.index("```", start)]
    catalog = add_user_profile(_write(tmp_path, example, "gia-lai-kts.json"))
    assert catalog.profile.id == "gia-lai-kts"
    assert catalog.lineage("gl_ldop") == ["gl_ldop", "l2_ldop_tinh"]


def test_a_file_without_a_profile_reads_and_saves_unchanged(tmp_path):
    """A .egov file written before profiles is a 2.0 model, byte for byte the same when
    saved again: the profile lives in ordinary model properties, absent here."""
    from egov_modeler.storage.native import load, save
    from egov_modeler.storage.templates import load_template

    model = load_template("provincial-2020")
    model.properties = [(k, v) for k, v in model.properties
                        if k not in ("profile", "profile_version")]
    first, second = tmp_path / "cu.egov", tmp_path / "lai.egov"
    save(model, first)
    reread = load(first)
    assert profile_id_of(reread) == "vn-egov-2.0"
    assert catalog_for(reread).profile.id == "vn-egov-2.0"
    save(reread, second)
    assert second.read_bytes() == first.read_bytes()
    assert b'"profile"' not in second.read_bytes()


_COMPONENT_PARAMS = ("from", "to", "via", "platforms", "components", "systems",
                     "national_portal", "document_systems", "axis", "national", "exempt")
_LAYER_PARAMS = ("layers", "application_layers", "infrastructure_layers", "database_layer")


@pytest.mark.parametrize("profile_id", ["vn-egov-2.0", "vn-digital-2025"])
def test_every_id_a_rule_names_exists(profile_id):
    catalog = load_builtin_profile(profile_id)

    def ids(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for item in value:
                yield from ids(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key in _COMPONENT_PARAMS:
                    yield from ids(item)

    for rule in catalog.rules:
        for key, value in rule.params.items():
            if key in _COMPONENT_PARAMS:
                for component_id in ids(value):
                    assert catalog.has_component(component_id), (rule.id, component_id)
            if key in _LAYER_PARAMS:
                for layer_id in [value] if isinstance(value, str) else value:
                    assert catalog.has_layer(layer_id), (rule.id, layer_id)
            if key == "allowed":
                for source, targets in value.items():
                    assert catalog.has_layer(source) and all(map(catalog.has_layer, targets))
