"""Every rule of both built-in profiles: a model that breaks it, and one that does not.

Each case builds two small models under the rule's profile and validates them as
``egov-modeler validate`` does; the breaking one must carry the rule's finding, the other
not. A last test holds the cases to the profiles: a rule added to a profile without a case
here fails it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

import egov_modeler
from egov_modeler.model import Model, RelationshipNotAllowed
from egov_modeler.model.catalog import (
    clear_user_catalogs,
    element_from_component,
    load_builtin_profile,
    profile_properties,
)
from egov_modeler.model.commands import AddElementCommand, PlaceNodeCommand, RelateCommand
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.views import Node, View

V20, V25 = "vn-egov-2.0", "vn-digital-2025"


@pytest.fixture(autouse=True)
def _builtin_only():
    clear_user_catalogs()
    yield
    clear_user_catalogs()


class Builder:
    """A small model of one profile, built the way a user would."""

    def __init__(self, profile: str, level: str = "national", date: str | None = None):
        self.catalog = load_builtin_profile(profile)
        self.model = Model("thử")
        self.model.properties = profile_properties(self.catalog) + [
            ("architecture_level", level)]
        if date:
            self.model.properties.append(("architecture_date", date))
        self.count = 0

    def add(self, component: str | None = None, name: str | None = None,
            type: str | None = None, **props: str) -> Element:
        self.count += 1
        key = f"id-e{self.count}"
        if component:
            element = element_from_component(component, id=key, catalog=self.catalog)
        else:
            element = Element(key, type or "ApplicationComponent", name or key)
        if name:
            element.name = name
        for k, v in props.items():
            k = {"pham_vi": "Phạm vi", "lop_du_lieu": "Lớp dữ liệu",
                 "phuong_an": "Phương án xử lý"}.get(k, k)
            element.properties = [(pk, pv) for pk, pv in element.properties if pk != k] + [
                (k, v)]
        self.model.execute(AddElementCommand(element))
        return element

    def rel(self, source: Element, rel_type: str, target: Element) -> None:
        self.count += 1
        self.model.execute(RelateCommand(Relationship(
            f"id-r{self.count}", rel_type, source.id, target.id), enforce_rules=False))

    def host(self, *apps: Element, infrastructure: str) -> None:
        centre = self.add(infrastructure)
        for app in apps:
            self.rel(centre, "Serving", app)

    def rules(self) -> set[str]:
        return {p.rule for p in egov_modeler.validate(self.model)}


@dataclass
class Case:
    profile: str
    rule: str
    breaks: Callable[[], Builder]
    keeps: Callable[[], Builder]


CASES: list[Case] = []


def case(profile: str, rule: str):
    """Register ``(breaks, keeps)`` returned by the decorated function as a case."""
    def register(fn):
        breaks, keeps = fn()
        CASES.append(Case(profile, rule, breaks, keeps))
        return fn
    return register


# ------------------------------------------------------------------------- vn-egov-2.0
def b20(level: str = "national") -> Builder:
    return Builder(V20, level)


@case(V20, "FW-LAYER-SERVING")
def _():
    def breaks():
        b = b20()
        b.rel(b.add("u_nguoi_dan"), "Serving", b.add("c_cong_dvcqg"))
        return b

    def keeps():
        b = b20()
        b.rel(b.add("k_web"), "Serving", b.add("u_nguoi_dan"))
        return b
    return breaks, keeps


@case(V20, "FW-LAYER-FLOW")
def _():
    def breaks():
        b = b20()
        b.rel(b.add("k_web"), "Flow", b.add("u_nguoi_dan"))
        return b

    def keeps():
        b = b20()
        b.rel(b.add("c_cong_dvc_tinh"), "Flow", b.add("c_cong_dvcqg"))
        return b
    return breaks, keeps


@case(V20, "FW-LAYER-ACCESS")
def _():
    def breaks():
        b = b20()
        stray = b.add(type="DataObject", name="Dữ liệu lạc lớp")
        b.model.element(stray.id).layer = "ha_tang_ky_thuat"
        b.rel(b.add("a_qlvb_dh"), "Access", stray)
        return b

    def keeps():
        b = b20()
        b.rel(b.add("i_ndxp"), "Access", b.add("d_csdlqg_dan_cu"))
        return b
    return breaks, keeps


@case(V20, "FW-LGSP-NATIONAL-DB")
def _():
    def breaks():
        b = b20()
        b.rel(b.add("a_mot_cua_dien_tu"), "Access", b.add("d_csdlqg_dan_cu"))
        return b

    def keeps():
        b = b20()
        b.rel(b.add("i_lgsp_tinh"), "Access", b.add("d_csdlqg_dan_cu"))
        return b
    return breaks, keeps


@case(V20, "FW-DOC-AXIS")
def _():
    def breaks():
        b = b20()
        b.rel(b.add("a_qlvb_dh"), "Flow", b.add("a_qlvb_dh"))
        return b

    def keeps():
        b = b20()
        b.rel(b.add("a_qlvb_dh"), "Flow", b.add("i_truc_lien_thong_vb"))
        return b
    return breaks, keeps


@case(V20, "FW-DVCQG-SYNC")
def _():
    def breaks():
        b = b20()
        b.add("a_mot_cua_dien_tu"), b.add("c_cong_dvcqg")
        return b

    def keeps():
        b = b20()
        b.rel(b.add("a_mot_cua_dien_tu"), "Flow", b.add("c_cong_dvcqg"))
        return b
    return breaks, keeps


@case(V20, "FW-HOSTED")
def _():
    def breaks():
        b = b20()
        b.add("a_qlvb_dh")
        return b

    def keeps():
        b = b20()
        b.host(b.add("a_qlvb_dh"), infrastructure="h_ttdl_bo_tinh")
        return b
    return breaks, keeps


@case(V20, "FW-CROSS-CUTTING")
def _():
    def breaks():  # issue 10: Serving was let through though the message says otherwise
        b = b20()
        b.rel(b.add("g_btttt"), "Serving", b.add("a_qlvb_dh"))
        return b

    def keeps():
        b = b20()
        b.rel(b.add("g_btttt"), "Association", b.add("a_qlvb_dh"))
        return b
    return breaks, keeps


def _band_case(profile: str, band_layer: str, right: str, wrong: str):
    def build(component: str) -> Builder:
        b = Builder(profile)
        element = b.add(component)
        view = View("id-v", "Sơ đồ")
        b.model.load_view(view)
        b.model.execute(PlaceNodeCommand(view.id, Node("id-band", 0, 0, 800, 200,
                                                       kind="container", layer=band_layer)))
        b.model.execute(PlaceNodeCommand(view.id, Node("id-n", 20, 40, 160, 70,
                                                       element_id=element.id,
                                                       parent="id-band")))
        return b
    return (lambda: build(wrong)), (lambda: build(right))


@case(V20, "FW-BAND-LAYER")
def _():
    return _band_case(V20, "ha_tang_ky_thuat", right="h_tslcd", wrong="a_qlvb_dh")


def province20(*components: str) -> Builder:
    b = b20("province")
    for component in components:
        b.add(component)
    return b


@case(V20, "FW-PROV-LGSP")
def _():
    return (lambda: province20("c_cong_dvc_tinh"),
            lambda: province20("c_cong_dvc_tinh", "i_lgsp_tinh"))


@case(V20, "FW-PROV-LGSP-NATIONAL")
def _():
    def keeps():
        b = b20("province")
        b.rel(b.add("i_lgsp_tinh"), "Flow", b.add("i_ndxp"))
        return b
    return lambda: province20("i_lgsp_tinh"), keeps


@case(V20, "FW-PROV-DVCQG")
def _():
    def keeps():
        b = b20("province")
        b.rel(b.add("c_cong_dvc_tinh"), "Flow", b.add("c_cong_dvcqg"))
        return b
    return lambda: province20("c_cong_dvc_tinh"), keeps


@case(V20, "FW-PROV-DOC-AXIS")
def _():
    def keeps():
        b = b20("province")
        b.rel(b.add("a_qlvb_dh"), "Flow", b.add("i_truc_lien_thong_vb"))
        return b
    return lambda: province20("a_qlvb_dh"), keeps


@case(V20, "FW-PROV-SECURITY")
def _():
    return (lambda: province20("i_lgsp_tinh"),
            lambda: province20("i_lgsp_tinh", "s_giam_sat_bao_ve"))


# --------------------------------------------------------------------- vn-digital-2025
def b25(level: str = "national", date: str = "2026-06-01") -> Builder:
    return Builder(V25, level, date)


def province25(*components: str, date: str = "2026-06-01") -> Builder:
    b = b25("province", date)
    for component in components:
        b.add(component)
    return b


@case(V25, "FW26-LAYER-SERVING")
def _():
    def breaks():
        b = b25()
        b.rel(b.add("nsd_nguoi_dan"), "Serving", b.add("l4_cong_dvcqg"))
        return b

    def keeps():
        b = b25()
        b.rel(b.add("l4_web"), "Serving", b.add("nsd_nguoi_dan"))
        return b
    return breaks, keeps


@case(V25, "FW26-LAYER-FLOW")
def _():
    def breaks():
        b = b25()
        b.rel(b.add("l1_soc"), "Flow", b.add("l3_qlvb_dh"))
        return b

    def keeps():
        b = b25()
        b.rel(b.add("l1_soc"), "Flow", b.add("l1_giam_sat_quoc_gia"))
        return b
    return breaks, keeps


@case(V25, "FW26-LAYER-ACCESS")
def _():
    def breaks():
        b = b25()
        b.rel(b.add("l1_soc"), "Access", b.add("l2_csdl_dung_chung"))
        return b

    def keeps():
        b = b25()
        b.rel(b.add("l3_chuyen_nganh"), "Access", b.add("l2_csdl_chuyen_nganh"))
        return b
    return breaks, keeps


@case(V25, "FW26-BAND-LAYER")
def _():
    return _band_case(V25, "l1_ha_tang_so_anm", right="l1_tslcd", wrong="l3_qlvb_dh")


@case(V25, "FW26-CROSS-CUTTING")
def _():
    def breaks():
        b = b25()
        b.rel(b.add("g_bkhcn"), "Serving", b.add("l3_qlvb_dh"))
        return b

    def keeps():
        b = b25()
        b.rel(b.add("g_bkhcn"), "Association", b.add("l3_qlvb_dh"))
        return b
    return breaks, keeps


@case(V25, "FW26-HOSTED")
def _():
    def breaks():
        b = b25()
        b.add("l3_qlvb_dh")
        return b

    def keeps():
        b = b25()
        b.host(b.add("l3_qlvb_dh"), infrastructure="l1_cloud_cp")
        return b
    return breaks, keeps


@case(V25, "FW26-NDOP-ROUTE")
def _():
    def breaks():  # a provincial LDOP is no longer an accepted way to a national database
        b = b25()
        b.rel(b.add("l2_ldop_tinh"), "Access", b.add("l2_csdl_tong_hop_qg"))
        return b

    def keeps():
        b = b25()
        b.rel(b.add("l2_ndop"), "Access", b.add("l2_csdl_tong_hop_qg"))
        return b
    return breaks, keeps


@case(V25, "FW26-MASTER-DATA-SYNC")
def _():
    def breaks():  # an uncatalogued provincial database holding master data, not synced
        b = b25()
        b.add(type="DataObject", name="CSDL đất đai tỉnh", pham_vi="tỉnh",
              lop_du_lieu="Dữ liệu chủ; Dữ liệu giao dịch")
        b.add("l2_csdl_tong_hop_qg")
        return b

    def keeps():
        b = b25()
        shared, ldop = b.add("l2_csdl_dung_chung", pham_vi="tỉnh"), b.add("l2_ldop_tinh")
        ndop, aggregated = b.add("l2_ndop"), b.add("l2_csdl_tong_hop_qg")
        b.rel(ldop, "Access", shared)
        b.rel(ldop, "Flow", ndop)
        b.rel(ndop, "Access", aggregated)
        return b
    return breaks, keeps


@case(V25, "FW26-PROV-LDOP")
def _():
    return (lambda: province25("l3_httt_gq_tthc"),
            lambda: province25("l3_httt_gq_tthc", "l2_ldop_tinh"))


@case(V25, "FW26-PROV-LDOP-NDOP")
def _():
    def keeps():
        b = b25("province")
        b.rel(b.add("l2_ldop_tinh"), "Flow", b.add("l2_ndop"))
        return b
    return lambda: province25("l2_ldop_tinh"), keeps


@case(V25, "FW26-DOC-AXIS")
def _():
    def breaks():
        b = b25()
        b.rel(b.add("l3_qlvb_dh"), "Flow", b.add("l3_qlvb_dh"))
        return b

    def keeps():
        b = b25()
        b.rel(b.add("l3_qlvb_dh"), "Flow", b.add("l3_truc_lien_thong_vb"))
        return b
    return breaks, keeps


@case(V25, "FW26-PROV-DOC-AXIS")
def _():
    def keeps():
        b = b25("province")
        b.rel(b.add("l3_qlvb_dh"), "Flow", b.add("l3_truc_lien_thong_vb"))
        return b
    return lambda: province25("l3_qlvb_dh"), keeps


@case(V25, "FW26-DVCQG-SYNC")
def _():
    def breaks():
        b = b25()
        b.add("l3_httt_gq_tthc"), b.add("l4_cong_dvcqg")
        return b

    def keeps():
        b = b25()
        b.rel(b.add("l3_httt_gq_tthc"), "Flow", b.add("l4_cong_dvcqg"))
        return b
    return breaks, keeps


@case(V25, "FW26-PROV-TTHC")
def _():
    return (lambda: province25("l2_ldop_tinh"),
            lambda: province25("l2_ldop_tinh", "l3_httt_gq_tthc"))


@case(V25, "FW26-PROV-DVCQG")
def _():
    def keeps():
        b = b25("province")
        b.rel(b.add("l3_httt_gq_tthc"), "Flow", b.add("l4_cong_dvcqg"))
        return b
    return lambda: province25("l3_httt_gq_tthc"), keeps


@case(V25, "FW26-PROV-SECURITY")
def _():
    return lambda: province25("l2_ldop_tinh"), lambda: province25("l2_ldop_tinh", "l1_soc")


@case(V25, "FW26-PROV-SOC-NATIONAL")
def _():
    def keeps():
        b = b25("province")
        b.rel(b.add("l1_soc"), "Flow", b.add("l1_giam_sat_quoc_gia"))
        return b
    return lambda: province25("l1_soc"), keeps


@case(V25, "FW26-NO-DUPLICATE")
def _():
    def breaks():  # a second public-service portal beside Cổng DVCQG
        b = b25("province")
        b.add(name="Cổng Dịch vụ công tỉnh Gia Lai")
        return b

    def keeps():  # the merged TTHC system (TT 21/2023) and the SSO are not duplicates
        b = b25("province")
        b.add("l3_httt_gq_tthc", name="Cổng Dịch vụ công và HTTT một cửa tỉnh Gia Lai")
        b.add("l2_sso_tinh", name="Hệ thống định danh, xác thực tập trung (SSO) tỉnh")
        b.add("l2_vneid")
        return b
    return breaks, keeps


@case(V25, "FW26-TWO-TIER")
def _():
    def breaks():
        b = b25("province", "2026-06-01")
        b.add("l4_ttpvhcc_tinh", name="Bộ phận Một cửa cấp huyện")
        return b

    def keeps():  # dated before 1/7/2025, the district level still existed
        b = b25("province", "2025-06-30")
        b.add("l4_ttpvhcc_tinh", name="Bộ phận Một cửa cấp huyện")
        return b
    return breaks, keeps


# ------------------------------------------------------------------------------- tests
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.rule)
def test_the_rule_flags_a_model_that_breaks_it_and_not_one_that_keeps_it(case):
    assert case.rule in case.breaks().rules()
    assert case.rule not in case.keeps().rules()


@pytest.mark.parametrize("profile", [V20, V25])
def test_every_rule_of_each_built_in_profile_has_a_case(profile):
    covered = {c.rule for c in CASES if c.profile == profile}
    assert covered == {rule.id for rule in load_builtin_profile(profile).rules}


def test_a_model_is_judged_by_its_own_profile_only():
    """The same drawing, 2.0 and 2025: each model gets its own framework's rule ids."""
    old, new = b20(), b25()
    old.rel(old.add("u_nguoi_dan"), "Serving", old.add("c_cong_dvcqg"))
    new.rel(new.add("nsd_nguoi_dan"), "Serving", new.add("l4_cong_dvcqg"))
    assert {r for r in old.rules() if r.startswith("FW")} == {"FW-LAYER-SERVING", "FW-HOSTED"}
    assert all(not r.startswith("FW-") or r.startswith("FW26-") for r in new.rules())
    assert "FW26-LAYER-SERVING" in new.rules()


def test_serving_from_governance_is_refused_at_drawing_time():
    """Issue 10: the refusal message and README say Association or Influence only."""
    b = b20()
    ministry, documents = b.add("g_btttt"), b.add("a_qlvb_dh")
    egov_modeler.validate(b.model)  # registers the framework rules
    with pytest.raises(RelationshipNotAllowed) as caught:
        b.model.relate(ministry.id, "Serving", documents.id)
    assert caught.value.rule == "FW-CROSS-CUTTING"
    b.model.relate(ministry.id, "Association", documents.id)  # allowed


# ----------------------------------------------------------------------- dates of rules
def test_a_repealed_rule_stops_at_its_repeal():
    """FW-PROV-LGSP-NATIONAL rests on NĐ 47/2020, repealed by NĐ 278/2025 (22/10/2025)."""
    def province(date: str | None) -> Builder:
        b = Builder(V20, "province", date)
        b.add("i_lgsp_tinh")
        return b
    assert "FW-PROV-LGSP-NATIONAL" in province(None).rules()  # undated 2.0: as of 28/12/2023
    assert "FW-PROV-LGSP-NATIONAL" in province("2025-10-21").rules()
    assert "FW-PROV-LGSP-NATIONAL" not in province("2025-11-01").rules()
    assert "FW-PROV-LGSP-NATIONAL" not in province("01/11/2025").rules()  # as typed


def test_nd_278_rules_apply_from_the_decree():
    def model(date: str) -> Builder:
        b = b25(date=date)
        b.rel(b.add("l2_ldop_tinh"), "Access", b.add("l2_csdl_tong_hop_qg"))
        return b
    assert "FW26-NDOP-ROUTE" not in model("2025-10-21").rules()
    assert "FW26-NDOP-ROUTE" in model("2025-10-22").rules()


def test_a_dossier_date_serves_when_there_is_no_architecture_date():
    b = Builder(V25, "province")
    b.model.properties.append(("dossier:date", "30/06/2025"))
    b.add("l4_ttpvhcc_tinh", name="Bộ phận Một cửa cấp huyện")
    assert "FW26-TWO-TIER" not in b.rules()


# ----------------------------------------------------------------------- retiring systems
def test_a_system_being_merged_or_retired_is_not_held_to_the_model_wide_rules():
    def model(handling: str | None) -> set[tuple[str, tuple[str, ...]]]:
        b = b25("province")
        props = {"pham_vi": "tỉnh"} | ({"phuong_an": handling} if handling else {})
        old = b.add("l3_httt_gq_tthc", name="HTTT một cửa tỉnh Bình Định (cũ)", **props)
        b.add("l4_cong_dvcqg")
        return {(p.rule, p.ids) for p in egov_modeler.validate(b.model) if old.id in p.ids}
    kept = model(None)
    assert ("FW26-HOSTED", ("id-e1",)) in kept
    assert model("Hợp nhất, tổ chức lại") == set()
    assert model("Thay thế, kết thúc sử dụng") == set()


def test_a_district_item_with_a_handling_option_is_not_flagged():
    b = b25("province")
    b.add("l4_ttpvhcc_tinh", name="Bộ phận Một cửa cấp huyện",
          phuong_an="Thay thế, kết thúc sử dụng")
    assert "FW26-TWO-TIER" not in b.rules()


def test_the_district_level_is_recognised_by_its_aliases():
    b = b25("province")
    b.add(name="Phần mềm quản lý", pham_vi="cấp huyện")
    assert "FW26-TWO-TIER" in b.rules()


def test_a_national_platform_narrowed_to_a_province_is_a_duplicate():
    b = b25("province")
    b.add("l2_vneid", name="Hệ thống định danh tỉnh X", pham_vi="tỉnh")
    assert "FW26-NO-DUPLICATE" in b.rules()


def test_a_gap_naming_a_function_is_not_a_duplicate():
    b = b25("province")
    b.add(name="Trục liên thông văn bản tỉnh X")
    b.add(type="Gap", name="Thiếu trục liên thông văn bản tỉnh")
    found = [p for p in egov_modeler.validate(b.model) if p.rule == "FW26-NO-DUPLICATE"]
    assert [p.ids for p in found] == [("id-e1",)]
