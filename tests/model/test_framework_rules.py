"""Each framework rule: a model that triggers it, and one that does not."""

from __future__ import annotations

import pytest

import egov_modeler
from egov_modeler.i18n import set_language
from egov_modeler.model import Model, RelationshipNotAllowed
from egov_modeler.model.catalog import clear_user_catalogs, element_from_component
from egov_modeler.model.commands import (
    AddElementCommand,
    DeleteElementCommand,
    PlaceNodeCommand,
    RelateCommand,
    UnrelateCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.framework_rules import check_node_in_band, is_provincial
from egov_modeler.model.problems import Severity
from egov_modeler.model.rules import check_relationship
from egov_modeler.model.views import Node
from egov_modeler.storage.templates import load_template


@pytest.fixture(autouse=True)
def _rules():
    clear_user_catalogs()
    from egov_modeler.model.framework_rules import ensure_framework_rules

    ensure_framework_rules()
    yield
    clear_user_catalogs()


def national_model() -> Model:
    """An empty model that the provincial completeness checks leave alone."""
    model = Model("test")
    model.properties = [("architecture_level", "national")]
    return model


def add(model: Model, component: str, key: str | None = None) -> Element:
    element = element_from_component(component, id=f"id-{key or component}")
    model.execute(AddElementCommand(element))
    return element


def hosted(model: Model, *elements: Element) -> None:
    """Give applications a data centre so FW-HOSTED stays quiet."""
    centre = add(model, "h_ttdl_bo_tinh", "centre") if not model.has_element(
        "id-centre") else model.element("id-centre")
    for element in elements:
        model.relate(centre.id, "Serving", element.id)


def rules_of(problems) -> list[str]:
    return [p.rule for p in problems]


def findings(model: Model, rule: str):
    return [p for p in egov_modeler.validate(model) if p.rule == rule]


# --- layer matrix ----------------------------------------------------------------------------

def test_a_user_serving_a_portal_is_flagged_by_layer():
    model = national_model()
    citizen, portal = add(model, "u_nguoi_dan"), add(model, "c_cong_dvcqg")
    warnings = check_relationship(model, citizen.id, "Serving", portal.id)
    assert rules_of(warnings) == ["FW-LAYER-SERVING"]
    assert warnings[0].severity is Severity.WARNING
    assert "Người sử dụng" in warnings[0].message
    rel = model.relate(citizen.id, "Serving", portal.id)  # a warning does not refuse
    assert [p.ids for p in findings(model, "FW-LAYER-SERVING")] == [(rel.id,)]


def test_a_channel_serving_a_user_is_fine():
    model = national_model()
    web, citizen = add(model, "k_web"), add(model, "u_nguoi_dan")
    assert check_relationship(model, web.id, "Serving", citizen.id) == []


def test_flow_from_a_channel_to_users_is_flagged_and_portal_to_portal_is_not():
    model = national_model()
    web, citizen = add(model, "k_web"), add(model, "u_nguoi_dan")
    assert rules_of(check_relationship(model, web.id, "Flow", citizen.id)) == ["FW-LAYER-FLOW"]
    provincial, national = add(model, "c_cong_dvc_tinh"), add(model, "c_cong_dvcqg")
    assert check_relationship(model, provincial.id, "Flow", national.id) == []


def test_access_is_judged_by_layer_even_without_catalog_ref():
    model = national_model()
    documents = add(model, "a_qlvb_dh")
    stray = Element("id-stray", "DataObject", "Dữ liệu lạc lớp", layer="ha_tang_ky_thuat")
    model.execute(AddElementCommand(stray))
    assert rules_of(check_relationship(model, documents.id, "Access", stray.id)) == [
        "FW-LAYER-ACCESS"]
    sector = add(model, "a_chuyen_nganh")
    data = add(model, "d_csdl_chuyen_nganh")
    assert check_relationship(model, sector.id, "Access", data.id) == []
    unknown = Element("id-free", "DataObject", "Không rõ lớp")
    model.execute(AddElementCommand(unknown))
    assert check_relationship(model, documents.id, "Access", unknown.id) == []


# --- LGSP/NGSP for national databases --------------------------------------------------------

def test_a_province_system_reaching_a_national_database_directly_is_a_warning():
    model = national_model()
    one_stop, population = add(model, "a_mot_cua_dien_tu"), add(model, "d_csdlqg_dan_cu")
    warnings = check_relationship(model, one_stop.id, "Access", population.id)
    assert rules_of(warnings) == ["FW-LGSP-NATIONAL-DB"]
    assert "LGSP" in warnings[0].message and one_stop.name in warnings[0].message


def test_the_national_platform_and_lgsp_may_reach_a_national_database():
    model = national_model()
    population = add(model, "d_csdlqg_dan_cu")
    for platform in ("i_ndxp", "i_lgsp_tinh"):
        source = add(model, platform)
        assert check_relationship(model, source.id, "Access", population.id) == []


def test_a_user_component_counts_as_what_its_parent_is(tmp_path):
    from egov_modeler.model.catalog import add_user_catalog

    path = tmp_path / "gl.json"
    path.write_text(
        '{"format": "egov-modeler-catalog", "format_version": 1, "components": [{"id": '
        '"gl_mot_cua", "name_vi": "Một cửa Gia Lai", "name_en": "Gia Lai one-stop", '
        '"layer": "ung_dung_csdl", "archimate_type": "ApplicationComponent", '
        '"parent": "a_mot_cua_dien_tu", "description_vi": "Một cửa điện tử tỉnh Gia Lai.", '
        '"description_en": "One-stop.", "inferred": false}]}', encoding="utf-8")
    add_user_catalog(path)
    model = national_model()
    own, population = add(model, "gl_mot_cua"), add(model, "d_csdlqg_dan_cu")
    assert rules_of(check_relationship(model, own.id, "Access", population.id)) == [
        "FW-LGSP-NATIONAL-DB"]


# --- document axis ---------------------------------------------------------------------------

def test_documents_sent_straight_to_another_agency_are_flagged():
    model = national_model()
    ours, theirs = add(model, "a_qlvb_dh", "ours"), add(model, "a_qlvb_dh", "theirs")
    warnings = check_relationship(model, ours.id, "Flow", theirs.id)
    assert rules_of(warnings) == ["FW-DOC-AXIS"]
    assert warnings[0].ids == (ours.id, theirs.id)


def test_documents_through_the_axis_are_fine():
    model = national_model()
    ours, axis = add(model, "a_qlvb_dh"), add(model, "i_truc_lien_thong_vb")
    assert check_relationship(model, ours.id, "Flow", axis.id) == []


# --- Cổng DVCQG synchronisation --------------------------------------------------------------

def test_a_portal_not_synchronised_with_the_national_portal_is_flagged():
    model = national_model()
    ministry, national = add(model, "c_cong_dvc_bo"), add(model, "c_cong_dvcqg")
    hosted(model, ministry, national)
    assert [p.ids for p in findings(model, "FW-DVCQG-SYNC")] == [(ministry.id,)]
    model.relate(ministry.id, "Flow", national.id)
    assert findings(model, "FW-DVCQG-SYNC") == []


def test_synchronising_through_the_integration_platforms_counts():
    model = national_model()
    one_stop, lgsp = add(model, "a_mot_cua_dien_tu"), add(model, "i_lgsp_bo")
    national = add(model, "c_cong_dvcqg")
    hosted(model, one_stop, lgsp, national)
    model.relate(one_stop.id, "Flow", lgsp.id)
    model.relate(lgsp.id, "Flow", national.id)
    assert findings(model, "FW-DVCQG-SYNC") == []


def test_without_the_national_portal_in_the_model_there_is_nothing_to_sync_with():
    model = national_model()
    ministry = add(model, "c_cong_dvc_bo")
    hosted(model, ministry)
    assert findings(model, "FW-DVCQG-SYNC") == []


# --- hosting ---------------------------------------------------------------------------------

def test_an_application_on_no_infrastructure_is_flagged():
    model = national_model()
    documents = add(model, "a_qlvb_dh")
    problems = findings(model, "FW-HOSTED")
    assert [p.ids for p in problems] == [(documents.id,)]
    assert problems[0].severity is Severity.WARNING


def test_an_application_served_by_a_data_centre_is_hosted():
    model = national_model()
    documents = add(model, "a_qlvb_dh")
    hosted(model, documents)
    assert findings(model, "FW-HOSTED") == []


def test_hosting_is_judged_by_layer_and_type_for_elements_without_catalog_ref():
    model = national_model()
    app = Element("id-app", "ApplicationComponent", "Phần mềm riêng", layer="ung_dung_csdl")
    free = Element("id-free", "ApplicationComponent", "Không có lớp")
    model.execute(AddElementCommand(app))
    model.execute(AddElementCommand(free))
    assert [p.ids for p in findings(model, "FW-HOSTED")] == [("id-app",)]
    server = Element("id-server", "Node", "Máy chủ")
    model.execute(AddElementCommand(server))
    model.relate(server.id, "Serving", app.id)
    assert findings(model, "FW-HOSTED") == []


# --- cross-cutting ---------------------------------------------------------------------------

def test_a_flow_from_security_is_refused_at_drawing_time():
    model = national_model()
    soc, centre = add(model, "s_giam_sat_bao_ve"), add(model, "h_ttdl_bo_tinh")
    with pytest.raises(RelationshipNotAllowed) as caught:
        model.relate(soc.id, "Flow", centre.id)
    assert caught.value.rule == "FW-CROSS-CUTTING"
    assert "bằng quan hệ Liên kết hoặc Ảnh hưởng, không dùng quan hệ Luồng" in str(caught.value)
    assert model.relationships == []


def test_security_may_associate():
    model = national_model()
    soc, centre = add(model, "s_giam_sat_bao_ve"), add(model, "h_ttdl_bo_tinh")
    model.relate(soc.id, "Association", centre.id)
    assert findings(model, "FW-CROSS-CUTTING") == []


def test_an_existing_flow_from_governance_is_reported_as_an_error():
    model = national_model()
    ministry, ndxp = add(model, "g_btttt"), add(model, "i_ndxp")
    hosted(model, ndxp)
    rel = Relationship("id-bad", "Flow", ministry.id, ndxp.id)
    model.execute(RelateCommand(rel, enforce_rules=False))  # e.g. imported from Archi
    problems = findings(model, "FW-CROSS-CUTTING")
    assert [(p.severity, p.ids) for p in problems] == [(Severity.ERROR, ("id-bad",))]


# --- layer bands -----------------------------------------------------------------------------

def _band_model(band_layer: str) -> tuple[Model, str, str]:
    model = national_model()
    web = add(model, "k_web")
    view = model.add_view("Sơ đồ")
    model.execute(PlaceNodeCommand(view.id, Node("id-band", 0, 0, 800, 150, kind="container",
                                                 label="Dải", layer=band_layer)))
    model.execute(PlaceNodeCommand(view.id, Node("id-node", 20, 30, 160, 70,
                                                 element_id=web.id, parent="id-band")))
    return model, view.id, web.id


def test_an_element_in_the_band_of_another_layer_is_flagged():
    model, view_id, web_id = _band_model("ha_tang_ky_thuat")
    problems = findings(model, "FW-BAND-LAYER")
    assert [p.ids for p in problems] == [(web_id, "id-node")]
    assert "Hạ tầng kỹ thuật" in problems[0].message
    assert rules_of(check_node_in_band(model, view_id, "id-node")) == ["FW-BAND-LAYER"]


def test_an_element_in_its_own_band_is_fine():
    model, view_id, _web_id = _band_model("kenh_giao_tiep")
    assert findings(model, "FW-BAND-LAYER") == []
    assert check_node_in_band(model, view_id, "id-node") == []


# --- provincial completeness -----------------------------------------------------------------

@pytest.fixture
def province() -> Model:
    return load_template("provincial")


def _element(model: Model, catalog_ref: str) -> Element:
    return next(e for e in model.elements if e.catalog_ref == catalog_ref)


def _unrelate(model: Model, source_ref: str, target_ref: str) -> None:
    source, target = _element(model, source_ref), _element(model, target_ref)
    for rel in list(model.relationships_of(source.id)):
        if {rel.source, rel.target} == {source.id, target.id}:
            model.execute(UnrelateCommand(rel.id))


def test_the_provincial_template_is_complete(province):
    assert is_provincial(province)
    assert [p for p in egov_modeler.validate(province) if p.rule.startswith("FW-PROV")] == []


def test_a_province_without_lgsp_is_flagged(province):
    province.execute(DeleteElementCommand(_element(province, "i_lgsp_tinh").id))
    assert [p.rule for p in egov_modeler.validate(province)
            if p.rule.startswith("FW-PROV")] == ["FW-PROV-LGSP"]


def test_an_lgsp_not_connected_to_the_national_platform_is_flagged(province):
    _unrelate(province, "i_lgsp_tinh", "i_ndxp")
    problems = findings(province, "FW-PROV-LGSP-NATIONAL")
    assert [p.ids for p in problems] == [(_element(province, "i_lgsp_tinh").id,)]


def test_no_link_to_the_national_public_service_portal_is_flagged(province):
    _unrelate(province, "c_cong_dvc_tinh", "c_cong_dvcqg")
    assert findings(province, "FW-PROV-DVCQG") == []  # the one-stop system still syncs
    _unrelate(province, "a_mot_cua_dien_tu", "c_cong_dvcqg")
    problems = findings(province, "FW-PROV-DVCQG")
    assert len(problems) == 1 and problems[0].severity is Severity.WARNING
    assert findings(province, "FW-DVCQG-SYNC") == []  # said once, by the completeness check


def test_document_management_not_linked_to_the_axis_is_flagged(province):
    _unrelate(province, "a_qlvb_dh", "i_truc_lien_thong_vb")
    assert [p.ids for p in findings(province, "FW-PROV-DOC-AXIS")] == [
        (_element(province, "a_qlvb_dh").id,)]


def test_a_province_without_security_is_flagged(province):
    for element in list(province.elements):
        if element.layer == "an_toan_thong_tin":
            province.execute(DeleteElementCommand(element.id))
    assert len(findings(province, "FW-PROV-SECURITY")) == 1


def test_completeness_checks_follow_the_architecture_level():
    model = Model("Tỉnh")
    assert not is_provincial(model)
    add(model, "c_cong_dvc_tinh")  # a provincial-only component makes it provincial
    assert is_provincial(model)
    model.properties = [("architecture_level", "national")]
    assert not is_provincial(model)
    empty = Model("Tỉnh trống")
    empty.properties = [("architecture_level", "tỉnh")]
    assert set(rules_of(egov_modeler.validate(empty))) == {
        "FW-PROV-LGSP", "FW-PROV-DVCQG", "FW-PROV-DOC-AXIS", "FW-PROV-SECURITY"}


def test_messages_follow_the_language():
    model = national_model()
    documents = add(model, "a_qlvb_dh")
    set_language("en")
    problems = findings(model, "FW-HOSTED")
    assert problems[0].message == (
        f"The application “{documents.names['en']}” is not hosted on any technical "
        "infrastructure (data centre, network).")


def test_a_layer_the_matrix_does_not_know_is_not_judged():
    model = national_model()
    portal = add(model, "c_cong_dvcqg")
    own = Element("id-own", "ApplicationComponent", "Hệ thống riêng", layer="lop_rieng")
    model.execute(AddElementCommand(own))
    assert check_relationship(model, own.id, "Flow", portal.id) == []
