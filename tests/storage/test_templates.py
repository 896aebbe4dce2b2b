"""The shipped templates: clean under their own profile, laid out in bands, up to date with
their generator; the 2026 provincial and 2025 national ones, and the 2.0-era archives."""

from __future__ import annotations

from importlib import resources

import pytest

import egov_modeler
from egov_modeler.diagram.notation import text_box
from egov_modeler.diagram.text_layout import line_height, wrap_text
from egov_modeler.model.catalog import catalog_for, clear_user_catalogs, profile_id_of
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.templates import (
    TEMPLATE_NAMES,
    TemplateError,
    load_template,
    template_description,
    template_info,
    templates_for_profile,
)
from tools.templates.build_templates import build

#: The templates with elements (the empty ones hold only bands).
FILLED = [n for n in TEMPLATE_NAMES if template_info(n).kind != "empty"]


@pytest.fixture(autouse=True)
def _builtin_only():
    clear_user_catalogs()
    yield


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_templates_validate_with_no_errors_and_no_warnings_under_their_own_profile(name):
    model = load_template(name)
    assert profile_id_of(model) == template_info(name).profile
    assert egov_modeler.validate(model) == []


def test_the_2025_templates_are_judged_by_every_2025_rule():
    """Their date is after every applies_from of the profile: no rule is skipped."""
    from egov_modeler.model.framework_rules import rules_in_force

    for name in ("provincial-2026", "national-2025"):
        model = load_template(name)
        _active, skipped = rules_in_force(model, catalog_for(model))
        assert skipped == [], name


def test_the_old_names_still_open_the_2_0_archives():
    assert model_to_dict(load_template("provincial"))["elements"] == model_to_dict(
        load_template("provincial-2020"))["elements"]
    assert load_template("national").name == load_template("national-2019").name
    assert template_info("provincial").archived and template_info("national-2019").archived
    assert not template_info("provincial-2026").archived


def test_each_profile_lists_its_templates():
    assert templates_for_profile("vn-digital-2025") == [
        "provincial-2026", "national-2025", "empty-2025"]
    assert templates_for_profile("vn-egov-2.0") == ["provincial-2020", "national-2019", "empty"]


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_the_shipped_file_is_what_the_generator_builds(name):
    """Rebuilding gives the same model: ids are deterministic and the file is up to date."""
    shipped = model_to_dict(egov_modeler.load(
        resources.files("egov_modeler") / "resources" / "templates" / f"{name}.egov"))
    assert model_to_dict(build(name)) == shipped


def test_a_template_opens_as_a_new_model_with_the_file_ids():
    first, second = load_template("national"), load_template("national")
    assert first.id != second.id
    assert [e.id for e in first.elements] == [e.id for e in second.elements]


def test_an_unknown_template_is_refused_with_the_names():
    with pytest.raises(TemplateError, match="provincial-2026, national-2025, empty-2025"):
        load_template("tinh-moi")


def test_descriptions_in_both_languages():
    for name in TEMPLATE_NAMES:
        vi, en = template_description(name, "vi"), template_description(name, "en")
        assert vi and en and vi != en


def _bands(view):
    return {n.layer: n for n in view.nodes.values() if n.kind == "container" and n.layer}


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_layer_is_a_labelled_band_stacked_and_aligned(name):
    """The first view shows every band of the profile: the overview layers stacked in the
    profile's order (QĐ 3090 counts its layers bottom-up: layer 4 on top), the
    cross-cutting ones at the right, the external systems at the left."""
    model = load_template(name)
    catalog = catalog_for(model)
    view = model.views[0]
    bands = _bands(view)
    overview = [layer.id for layer in catalog.layers
                if layer.kind == "overview" and not layer.cross_cutting]
    right = [layer.id for layer in catalog.layers if layer.cross_cutting]
    assert set(bands) == set(overview) | set(right) | {
        layer.id for layer in catalog.layers if layer.kind == "external"}
    for layer_id, band in bands.items():
        assert band.label == catalog.layer(layer_id).name_vi
        assert band.labels["en"] == catalog.layer(layer_id).name_en
    stack = [bands[layer] for layer in overview]
    assert len({(b.x, b.w) for b in stack}) == 1  # same left edge, full width
    for upper, lower in zip(stack, stack[1:], strict=False):
        assert upper.y + upper.h < lower.y  # top to bottom, not overlapping
    top, bottom = stack[0].y, stack[-1].y + stack[-1].h
    stack_right = stack[0].x + stack[0].w
    for side in right:
        band = bands[side]
        assert band.x > stack_right and (band.y, band.y + band.h) == (top, bottom)  # vertical
    external = next(b for layer, b in bands.items()
                    if catalog.layer(layer).kind == "external")
    assert external.x + external.w < stack[0].x


def test_the_2025_bands_read_from_users_down_to_the_infrastructure():
    view = load_template("provincial-2026").views[0]
    labels = [n.label for n in sorted(_bands(view).values(), key=lambda n: n.y)
              if n.w > n.h]
    assert labels == ["Người sử dụng (người thụ hưởng)", "Kênh tương tác và đo lường hiệu quả",
                      "Ứng dụng và nghiệp vụ dùng chung", "Dữ liệu và nền tảng cốt lõi",
                      "Hạ tầng số và an ninh mạng dùng chung"]


@pytest.mark.parametrize("name", FILLED)
def test_elements_sit_in_their_own_band_without_overlapping(name):
    """Every element of the overview sits in its layer's band; nothing overlaps anywhere."""
    model = load_template(name)
    assert len(model.views) == {"provincial-2026": 6, "national-2025": 3}.get(name, 2)
    for view in model.views:
        elements = [n for n in view.nodes.values() if n.kind == "element"]
        assert elements
        for node in elements:
            if view is not model.views[0] and node.parent is None:
                continue  # the hosting view groups applications by infrastructure, no bands
            band = view.nodes[node.parent]
            assert band.layer == model.element(node.element_id).layer
            assert band.x <= node.x and node.x + node.w <= band.x + band.w
            assert band.y + 18 <= node.y and node.y + node.h <= band.y + band.h
            assert 160 <= node.w and node.h >= 70
        for i, a in enumerate(elements):
            for b in elements[i + 1:]:
                apart = (a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y
                         or b.y + b.h <= a.y)
                assert apart, (a.id, b.id)


@pytest.mark.parametrize("name", FILLED)
def test_vietnamese_names_fit_their_boxes_in_three_lines(name):
    model = load_template(name)
    for view in model.views:
        for node in view.nodes.values():
            if node.kind != "element":
                continue
            element = model.element(node.element_id)
            _x, _y, width, height = text_box(element.type, node.x, node.y, node.w, node.h)
            lines = wrap_text(element.name, 9.0, width)
            assert len(lines) <= 3 and len(lines) * line_height(9.0) <= height, element.name


@pytest.mark.parametrize("name", FILLED)
def test_every_connection_shows_a_relationship_between_its_nodes(name):
    model = load_template(name)
    for view in model.views:
        for connection in view.connections.values():
            rel = model.relationship(connection.relationship_id)
            source = view.nodes[connection.source].element_id
            target = view.nodes[connection.target].element_id
            assert (rel.source, rel.target) == (source, target)


def test_the_national_template_shows_the_national_systems():
    model = load_template("national")
    refs = {e.catalog_ref for e in model.elements}
    assert refs >= {"c_cong_dvcqg", "i_truc_lien_thong_vb", "i_ngsp", "i_ndxp",
                    "a_httt_bao_cao_qg", "h_tslcd", "d_csdl_ho_tich", "d_csdlqg_dan_cu",
                    "d_csdlqg_dat_dai", "d_csdlqg_dkdn", "d_csdlqg_thong_ke_dan_so",
                    "d_csdlqg_tai_chinh", "d_csdlqg_bao_hiem"}
    ndxp = next(e for e in model.elements if e.catalog_ref == "i_ndxp")
    reached = {model.element(r.target).catalog_ref for r in model.relationships_of(ndxp.id)
               if r.type == "Access"}
    assert {r for r in refs if r.startswith("d_csdl")} <= reached


def _by_ref(model, ref):
    return [e for e in model.elements if e.catalog_ref == ref]


def _related(model, source, rel_type, target) -> bool:
    return any(r.type == rel_type and r.target == target.id
               for r in model.relationships_of(source.id))


def test_the_provincial_template_is_a_gia_lai_style_architecture():
    model = load_template("provincial-2020")
    assert model.name == "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0"
    assert dict(model.properties)["architecture_level"] == "province"
    from egov_modeler.export.pdf.dossier import dossier_fields

    dossier = dossier_fields(model)  # what the approval dossier's cover and title block show
    assert dossier["agency"] == "Ủy ban nhân dân tỉnh Gia Lai"
    assert dossier["title"] == model.name
    assert dossier["version"] == "2.0"
    assert dossier["prepared_by"] == "Sở Thông tin và Truyền thông tỉnh Gia Lai"
    # online conference: province -> district -> commune
    province, district, commune = sorted(_by_ref(model, "a_hntt"), key=lambda e: (
        "tỉnh" not in e.name, "huyện" not in e.name))
    assert _related(model, province, "Flow", district)
    assert _related(model, district, "Flow", commune)
    # documents with digital signatures through the national document axis, both ways
    (documents,), (axis,) = _by_ref(model, "a_qlvb_dh"), _by_ref(model, "i_truc_lien_thong_vb")
    assert _related(model, documents, "Flow", axis) and _related(model, axis, "Flow", documents)
    (signature,) = _by_ref(model, "i_chu_ky_so")
    assert _related(model, signature, "Serving", documents)
    # one-stop system for province, district and commune units, portal, Zalo
    (one_stop,) = _by_ref(model, "a_mot_cua_dien_tu")
    counters = _by_ref(model, "k_mot_cua")
    assert len(counters) == 3
    assert all(_related(model, one_stop, "Serving", c) for c in counters)
    (zalo,), (portal,) = _by_ref(model, "k_zalo"), _by_ref(model, "c_cong_dvc_tinh")
    assert _related(model, one_stop, "Serving", zalo)
    assert _related(model, portal, "Flow", one_stop)
    # the public-service portal and Cổng DVCQG, payment, postal service, rating
    (national,) = _by_ref(model, "c_cong_dvcqg")
    assert _related(model, portal, "Flow", national)
    (payment,), (rating,) = _by_ref(model, "i_thanh_toan"), _by_ref(model, "c_danh_gia_hai_long")
    assert _related(model, payment, "Serving", portal)
    assert _related(model, portal, "Realization", rating)
    assert _by_ref(model, "k_buu_chinh") and _by_ref(model, "e_buu_chinh")
    (ioc,) = _by_ref(model, "a_ioc")
    assert "Pleiku" in ioc.name
    for ref in ("c_cong_ttdt_tinh", "c_trang_ttdt_don_vi", "i_lgsp_tinh", "h_ttdl_bo_tinh",
                "h_tslcd", "s_giam_sat_bao_ve"):
        assert _by_ref(model, ref), ref


def test_the_empty_template_has_one_view_of_bands_only():
    model = load_template("empty")
    assert model.elements == [] and model.relationships == []
    (view,) = model.views
    assert view.name == "Sơ đồ khái quát"
    assert all(n.kind == "container" for n in view.nodes.values())


# ------------------------------------------------------------ lines keep clear of boxes

def _crosses(a, b, box) -> bool:
    """Whether segment a-b passes through the open interior of box (x, y, w, h), exactly:
    with fractions, the set of t in [0, 1] where the point is strictly inside both the x
    and the y slab is non-empty."""
    from fractions import Fraction

    x, y, w, h = (Fraction(v) for v in box)
    lows, highs = [], []
    for start, end, lo, hi in ((a[0], b[0], x, x + w), (a[1], b[1], y, y + h)):
        start, end = Fraction(start), Fraction(end)
        if start == end:
            if not lo < start < hi:
                return False
            continue
        t0, t1 = sorted(((lo - start) / (end - start), (hi - start) / (end - start)))
        lows.append(t0)
        highs.append(t1)
    low, high = max(lows, default=None), min(highs, default=None)
    if low is None:
        return True  # a point inside the box (a zero-length segment)
    return low < high and low < 1 and high > 0


def test_the_exact_segment_box_check():
    box = (0, 0, 10, 10)
    assert _crosses((-5, 5), (15, 5), box)          # straight through
    assert _crosses((-5, -4), (15, 16), box)        # diagonal through
    assert not _crosses((-5, 0), (15, 0), box)      # along the top edge
    assert not _crosses((10, -5), (10, 15), box)    # along the right edge
    assert not _crosses((-5, 5), (0, 5), box)       # stops at the border
    assert not _crosses((5, 16), (16, 5), box)      # passes the corner outside
    assert not _crosses((-5, 25), (25, -5), box)    # touches the corner only
    assert _crosses((-5, 15), (15.5, -5.5), box)    # clips the corner inside
    assert _crosses((2, 2), (3, 3), box)            # wholly inside


def _drawn_lines(view):
    """(connection, polyline) as the renderers draw it (notation.connection_points)."""
    from egov_modeler.diagram.notation import connection_points

    for connection in view.connections.values():
        source, target = view.nodes[connection.source], view.nodes[connection.target]
        yield connection, connection_points(source.bounds, target.bounds,
                                            connection.bendpoints)


def _tab(node):
    """A band's label tab as the PDF draws it."""
    from egov_modeler.diagram.notation import GROUP_TAB_HEIGHT, group_tab_width
    from egov_modeler.diagram.text_layout import DEFAULT_FONT_SIZE, text_width

    size = float(node.style.font_size or DEFAULT_FONT_SIZE)
    width = group_tab_width(node.w, text_width(node.label, size, True) if node.label else None)
    return (node.x, node.y, width, min(GROUP_TAB_HEIGHT, node.h))


@pytest.mark.parametrize("name", FILLED)
def test_no_line_runs_through_a_box_or_a_band_label_and_no_boxes_overlap(name):
    """In every view, every drawn segment keeps out of every element box other than its
    own ends (and out of those ends too, except where it leaves or enters them), and out
    of every band's label tab; no two element boxes overlap."""
    model = load_template(name)
    for view in model.views:
        elements = [n for n in view.nodes.values() if n.kind == "element"]
        tabs = [(n.id, _tab(n)) for n in view.nodes.values() if n.kind == "container"]
        for i, a in enumerate(elements):
            for b in elements[i + 1:]:
                assert not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h
                            and b.y < a.y + a.h), (view.name, a.id, b.id)
        hits = []
        for connection, points in _drawn_lines(view):
            segments = list(zip(points, points[1:], strict=False))
            for index, (a, b) in enumerate(segments):
                for node in elements:
                    if node.id == connection.source and index == 0:
                        continue  # leaves its source here
                    if node.id == connection.target and index == len(segments) - 1:
                        continue  # enters its target here
                    if _crosses(a, b, node.bounds):
                        hits.append((connection.id, node.id))
                hits.extend((connection.id, tab_id) for tab_id, tab in tabs
                            if _crosses(a, b, tab))
        assert hits == [], view.name


@pytest.mark.parametrize("name", FILLED)
def test_every_bent_line_is_drawn_orthogonal(name):
    """A line that needed bendpoints to get round the boxes is drawn with horizontal and
    vertical segments only (no slanting stubs at the boxes)."""
    model = load_template(name)
    bent = 0
    for view in model.views:
        for connection, points in _drawn_lines(view):
            if connection.bendpoints:
                bent += 1
                assert all(a[0] == b[0] or a[1] == b[1]
                           for a, b in zip(points, points[1:], strict=False)), connection.id
    assert bent  # the templates do need to route some lines round boxes


# ------------------------------------------------------------------- the 2025 templates
def test_provincial_2026_is_gia_lai_after_the_merger_under_two_tier_government():
    from egov_modeler.export.pdf.dossier import dossier_fields

    model = load_template("provincial-2026")
    assert model.name == "Khung kiến trúc số tỉnh Gia Lai"
    properties = dict(model.properties)
    assert properties["architecture_level"] == "province"
    assert properties["province:seat"] == "Quy Nhơn"
    assert properties["province:communes"].startswith("135")
    assert "Bình Định" in properties["province:merged_from"]
    dossier = dossier_fields(model)
    assert dossier["prepared_by"] == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    assert properties["dossier:approved_by"] == "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai"
    names = [e.name for e in model.elements]
    assert not any("Thông tin và Truyền thông" in n for n in names)
    assert not any("huyện" in n for n in names if "Thành phần cấp huyện" not in n)
    refs = {e.catalog_ref for e in model.elements}
    assert {"l2_ndop", "l2_vneid", "l2_csdl_tong_hop_qg", "l1_ttdlqg",
            "l3_truc_lien_thong_vb", "l3_httt_gq_tthc"} <= refs
    (ldop,) = [e for e in model.elements if e.catalog_ref == "l2_ldop_tinh" and "cũ" not in e.name]
    (ndop,) = _by_ref(model, "l2_ndop")
    assert _related(model, ldop, "Flow", ndop)
    assert [v.name for v in model.views] == [
        "Sơ đồ tổng thể Khung kiến trúc số tỉnh Gia Lai", "Sơ đồ kết nối, chia sẻ dữ liệu",
        "Sơ đồ giải quyết thủ tục hành chính", "Sơ đồ hạ tầng số và an ninh mạng",
        "Hợp nhất hệ thống của hai tỉnh cũ (Gia Lai, Bình Định)",
        "Lộ trình: hiện trạng → mục tiêu"]


def test_provincial_2026_consolidates_the_two_former_provinces_with_a_handling_option():
    model = load_template("provincial-2026")
    former = [e for e in model.elements if dict(e.properties).get("Đơn vị hành chính cũ")]
    assert len(former) == 6
    assert {dict(e.properties)["Phương án xử lý"] for e in former} == {"Hợp nhất, tổ chức lại"}
    assert {dict(e.properties)["Đơn vị hành chính cũ"] for e in former} == {
        "tỉnh Gia Lai (trước 01/7/2025)", "tỉnh Bình Định"}
    # illustrative items are marked so, and say why where it matters
    assert all(dict(e.properties).get("Suy luận (chưa có nguồn xác nhận)") == "true"
               for e in former)
    plateaus = [e.name for e in model.elements if e.type == "Plateau"]
    assert plateaus == ["Hiện trạng 2025 (sau hợp nhất)", "Mục tiêu 2026", "Mục tiêu 2030"]


def test_national_2025_is_the_overview_of_qd_3090_with_the_data_architecture():
    model = load_template("national-2025")
    assert model.name == "Khung kiến trúc tổng thể quốc gia số"
    assert dict(model.properties)["framework"] == "QĐ 3090/QĐ-BKHCN; QĐ 2439/QĐ-TTg"
    refs = {e.catalog_ref for e in model.elements}
    assert {"md_con_nguoi", "md_phap_nhan", "md_tai_san", "md_dia_chinh", "md_dia_chi",
            "md_nen_dia_ly"} <= refs  # the six basic domains of the CSDL tổng hợp quốc gia
    (aggregated,) = _by_ref(model, "l2_csdl_tong_hop_qg")
    assert sum(1 for r in model.relationships_of(aggregated.id) if r.type == "Aggregation") == 6
    assert model.views[1].name.startswith("Sơ đồ tổng quát Khung kiến trúc dữ liệu quốc gia")


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_template_s_model_has_a_name_in_both_languages(name):
    """A new model from the empty template used to be nameless: the title bar said
    "Untitled" and the dossier's cover had no title until the architect found where to
    name it (issue 16)."""
    model = load_template(name)
    assert model.name.strip() and model.names.get("en", "").strip()
