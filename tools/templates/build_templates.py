"""Build the shipped templates from the profiles' catalogs: ``provincial-2026``,
``national-2025`` and ``empty-2025`` (profile ``vn-digital-2025``, specs in
:mod:`.specs_2025`), and the 2.0-era archives ``provincial-2020``, ``national-2019`` and
``empty`` (profile ``vn-egov-2.0``, specs below; their ids keep the prefixes of the files they
were called before, ``provincial`` and ``national``).

Run ``python -m tools.templates.build_templates`` after changing a profile or this script.
Every id is derived from the template name and the catalog id, so rebuilding gives
byte-identical files (a diff shows only real changes).

The templates are ordinary models built with the public API: elements come from
:func:`~egov_modeler.model.catalog.element_from_component` (so they carry ``catalog_ref``
and ``layer``), relationships go through ``Model.execute(RelateCommand(...))`` and are
therefore checked by the ArchiMate and framework rules as they are drawn, and placements go
through the view commands. The script refuses to write a template that does not validate
with no errors and no warnings under its own profile. Every template records its profile
(model properties ``profile`` and ``profile_version``).

Layout (:mod:`.layout`): the layer bands, the grid of columns the elements sit on, and the
second view of which infrastructure hosts which system. Routing (:mod:`.routing`): the
bendpoints that keep every line clear of boxes and band labels.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from egov_modeler.diagram.routing import Request, Router
from egov_modeler.model.catalog import (
    PROP_INFERRED,
    Catalog,
    element_from_component,
    load_builtin_profile,
    profile_properties,
)
from egov_modeler.model.commands import (
    AddConnectionCommand,
    AddElementCommand,
    CreateViewCommand,
    PlaceNodeCommand,
    RelateCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.model import Model
from egov_modeler.model.views import Connection, Node, View
from tools.templates.layout import Item, band_groups, hosting_view, layout_bands, wrap_rows
from tools.templates.spec import Spec
from tools.templates.specs_2025 import empty_2025_spec, national_2025_spec, provincial_2026_spec

#: Element property that says why an element of a template is marked inferred.
PROP_NOTE = "Ghi chú nguồn"

HERE = Path(__file__).resolve().parents[2] / "egov_modeler" / "resources" / "templates"


def _items(*entries: str | tuple[str, ...]) -> list[Item]:
    items = []
    for entry in entries:
        if isinstance(entry, str):
            items.append(Item(entry, entry))
        else:
            items.append(Item(*entry))
    return items


def _grid(*entries: tuple[float, str | tuple[str, ...]]) -> list[Item]:
    """A row of items at grid columns (0..COLUMNS-1, halves allowed), so that elements of
    different bands line up and lines between them run straight."""
    items = []
    for col, entry in entries:
        item = _items(entry)[0]
        item.col = col
        items.append(item)
    return items


class Builder:
    """Builds one template model through commands, with deterministic ids."""

    def __init__(self, spec: Spec, catalog: Catalog) -> None:
        self.spec = spec
        self.catalog = catalog
        self.prefix = f"id-{spec.prefix or spec.name}"
        self.model = Model(name=spec.title, id=f"{self.prefix}-model")
        self.model.names = {"en": spec.title_en} if spec.title_en else {}
        self.model.documentation = spec.documentation
        self.model.properties = profile_properties(catalog) + list(spec.properties)
        self.model.metadata = dict(spec.metadata)
        self.elements: dict[str, str] = {}      # item key -> element id
        self.nodes: dict[tuple[str, str], str] = {}  # (view id, item key) -> node id
        self.relationships: list[tuple[str, str, str]] = []
        #: view id -> (relationship id, source node, target node) waiting to be drawn
        self.pending: dict[str, list[tuple[str, str, str]]] = {}
        self._count = 0

    # -- elements and relationships
    def add_elements(self) -> None:
        for rows in self.spec.bands.values():
            for row in rows:
                for item in row:
                    element = element_from_component(
                        self.catalog.component(item.component), id=f"{self.prefix}-e-{item.key}",
                        catalog=self.catalog)
                    if item.name:
                        element.name = item.name
                    if item.name_en:
                        element.names = {"en": item.name_en}
                    self.model.execute(AddElementCommand(element))
                    self.elements[item.key] = element.id

    def add_element_specs(self) -> None:
        """The elements of a 2025-shaped spec: catalog components or plain elements."""
        for key, item in self.spec.elements.items():
            element_id = f"{self.prefix}-e-{key}"
            if item.component:
                element = element_from_component(self.catalog.component(item.component),
                                                 id=element_id, catalog=self.catalog)
                if item.name:
                    element.name = item.name
                if item.name_en:
                    element.names = {"en": item.name_en}
            else:
                assert item.type and item.name, key
                element = Element(id=element_id, type=item.type, name=item.name,
                                  names={"en": item.name_en} if item.name_en else {})
            properties = dict(element.properties)
            properties.update(item.props)
            if item.inferred:
                properties[PROP_INFERRED] = "true"
            if item.note:
                properties[PROP_NOTE] = item.note
            element.properties = list(properties.items())
            self.model.execute(AddElementCommand(element))
            self.elements[key] = element.id

    def relate_groups(self) -> None:
        """Every relationship of every group, each pair at most once."""
        for relations in self.spec.groups.values():
            for source, rel_type, target, name in relations:
                rel_id = f"{self.prefix}-r-{source}-{target}"
                if self.model.has_relationship(rel_id):
                    raise SystemExit(f"{self.spec.name}: two relationships {source} -> {target}")
                self.relate(source, rel_type, target, name)

    def spec_views(self) -> None:
        """The views of a 2025-shaped spec, each drawing the relationships of its groups
        whose two ends it shows."""
        shown = {key for view in self.spec.views for _band, keys in view.bands for key in keys}
        unknown, missing = shown - set(self.elements), set(self.elements) - shown
        if unknown or missing:
            raise SystemExit(f"{self.spec.name}: unknown {sorted(unknown)}, in no view "
                             f"{sorted(missing)}")
        for view_spec in self.spec.views:
            _main, right, left = band_groups(self.catalog, [band for band, _ in view_spec.bands])
            bands = {band: ([[Item(key, key) for key in keys]] if band in right or band in left
                            else wrap_rows(self, [Item(key, key) for key in keys]))
                     for band, keys in view_spec.bands}
            view = View(id=f"{self.prefix}-v-{view_spec.key}", name=view_spec.name,
                        names={"en": view_spec.name_en}, viewpoint="")
            self.model.execute(CreateViewCommand(view))
            layout_bands(self, view.id, bands, labels=self.spec.row_labels)
            for group in view_spec.groups:
                for source, _rel_type, target, _name in self.spec.groups[group]:
                    self.connect(view.id, f"{self.prefix}-r-{source}-{target}", source, target)
            self.draw_connections(view.id)

    def relate(self, source: str, rel_type: str, target: str, name: str = "") -> str:
        self._count += 1
        rel_id = f"{self.prefix}-r-{source}-{target}"
        self.model.execute(RelateCommand(Relationship(
            id=rel_id, type=rel_type, source=self.elements[source],
            target=self.elements[target], name=name)))
        return rel_id

    # -- views
    def overview_view(self, view_key: str, bands: dict[str, list[list[Item]]],
                      relations: list[tuple], name: str,
                      name_en: str) -> View:
        view = View(id=f"{self.prefix}-v-{view_key}", name=name, names={"en": name_en},
                    viewpoint="")
        self.model.execute(CreateViewCommand(view))
        layout_bands(self, view.id, bands)
        for source, rel_type, target, rel_name in relations:
            rel_id = f"{self.prefix}-r-{source}-{target}"
            if not self.model.has_relationship(rel_id):
                rel_id = self.relate(source, rel_type, target, rel_name)
            self.connect(view.id, rel_id, source, target)
        self.draw_connections(view.id)
        return view

    def connect(self, view_id: str, rel_id: str, source: str, target: str) -> None:
        """Queue the relationship for drawing; :meth:`draw_connections` routes them."""
        src_node = self.nodes.get((view_id, source))
        tgt_node = self.nodes.get((view_id, target))
        queued = {rel for rel, _s, _t in self.pending.get(view_id, [])}
        if src_node is not None and tgt_node is not None and rel_id not in queued:
            self.pending.setdefault(view_id, []).append((rel_id, src_node, tgt_node))

    def draw_connections(self, view_id: str) -> None:
        """Route the queued connections of the view around its boxes and add them."""
        view = self.model.view(view_id)
        queued = self.pending.pop(view_id, [])
        requests = [Request(view.nodes[src], view.nodes[tgt],
                            self.model.relationship(rel_id).type)
                    for rel_id, src, tgt in queued]
        routes = Router(view).route_all(requests)
        for (rel_id, src, tgt), bendpoints in zip(queued, routes, strict=True):
            self.model.execute(AddConnectionCommand(view_id, Connection(
                id=f"{rel_id}-{view_id.rsplit('-', 1)[-1]}", source=src, target=tgt,
                relationship_id=rel_id, bendpoints=bendpoints)))

    def place(self, view_id: str, node: Node, key: str | None = None) -> None:
        self.model.execute(PlaceNodeCommand(view_id, node))
        if key is not None:
            self.nodes[(view_id, key)] = node.id


# ------------------------------------------------------------------------- the templates

def national_spec() -> Spec:
    """The overview diagram of Vietnam's e-Government (Khung Kiến trúc CPĐT 2.0)."""
    bands = {
        "nguoi_su_dung": [_grid((1, "u_nguoi_dan"), (2.5, "u_doanh_nghiep"), (5, "u_cbccvc"),
                                (7, "u_lanh_dao"))],
        "kenh_giao_tiep": [_grid((0, "k_buu_chinh"), (1, "k_web"), (2, "k_di_dong"),
                                 (3, "k_mot_cua"), (4, "k_tong_dai"))],
        "cong_dich_vu": [_grid((0, "c_cong_ttdt_cp"), (1, "c_cong_dvc_bo"), (2, "c_cong_dvcqg"),
                               (3, "c_cong_dvc_tinh"), (4, "c_dvctt"))],
        "ung_dung_csdl": [
            # Column 2 stays free in both rows: the corridor under Cổng DVCQG for its lines
            # to the integration platforms.
            _grid((0, "a_ecabinet"), (1, "a_chuyen_nganh"), (3, "a_mot_cua_dien_tu"),
                  (5, "a_qlvb_dh"), (6, "a_httt_bao_cao_qg"),
                  (7, ("a_ttdh_cp", "a_ttdh_cp",
                       "Trung tâm thông tin, dữ liệu chỉ đạo, điều hành của Chính phủ"))),
            _grid((0, "d_csdlqg_dan_cu"), (1, "d_csdlqg_dat_dai"), (3, "d_csdlqg_dkdn"),
                  (4, "d_csdlqg_thong_ke_dan_so"), (5, "d_csdlqg_tai_chinh"),
                  (6, "d_csdlqg_bao_hiem"), (7, "d_csdl_ho_tich")),
        ],
        "nen_tang_tich_hop": [
            _grid((0, "i_thanh_toan"), (1, "i_xac_thuc"), (2.6, "i_ndxp"), (4, "i_lgsp_tinh"),
                  (5, "i_truc_lien_thong_vb")),
            _grid((2, "i_lgsp_bo"), (3.6, ("i_ngsp", "i_ngsp",
                                           "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NGSP)")))],
        "ha_tang_ky_thuat": [_grid((1, "h_internet"), (3, "h_tslcd"), (7, "h_ttdl_bo_tinh"))],
        # Vertical bands: the column is the row of the horizontal bands to line up with.
        "an_toan_thong_tin": [_grid((0, "s_attt_cap_do"), (2, "s_mo_hinh_4_lop"),
                                    (5, "s_giam_sat_bao_ve"), (7, "s_giam_sat_quoc_gia"))],
        "chi_dao_chinh_sach": [_grid((0, "g_ubqg_cpdt"), (2, "g_btttt"), (3, "g_van_ban_phap_ly"),
                                     (5, "g_tieu_chuan"), (7, "g_kien_truc"))],
        "he_thong_ngoai": [_grid((1, "e_buu_chinh"), (5, "e_ngan_hang"),
                                 (6, "e_he_thong_ngoai"))],
    }
    relations = [
        ("k_web", "Serving", "u_nguoi_dan", ""),
        ("k_web", "Serving", "u_doanh_nghiep", ""),
        ("k_di_dong", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua", "Serving", "u_doanh_nghiep", ""),
        ("k_buu_chinh", "Serving", "u_nguoi_dan", ""),
        ("k_tong_dai", "Serving", "u_doanh_nghiep", ""),
        ("c_cong_ttdt_cp", "Serving", "k_web", ""),
        ("c_cong_dvcqg", "Composition", "k_web", ""),
        ("c_cong_dvcqg", "Serving", "k_di_dong", ""),
        ("c_cong_dvc_tinh", "Realization", "c_dvctt", ""),
        ("c_cong_dvc_bo", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("c_cong_dvc_tinh", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("a_mot_cua_dien_tu", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("a_ttdh_cp", "Serving", "u_lanh_dao", ""),
        ("a_httt_bao_cao_qg", "Serving", "a_ttdh_cp", ""),
        ("a_qlvb_dh", "Flow", "i_truc_lien_thong_vb", "Gửi, nhận văn bản"),
        ("a_mot_cua_dien_tu", "Flow", "i_lgsp_tinh", ""),
        ("a_chuyen_nganh", "Flow", "i_lgsp_bo", ""),
        ("i_lgsp_tinh", "Flow", "i_ndxp", ""),
        ("i_lgsp_bo", "Flow", "i_ndxp", ""),
        ("i_ngsp", "Realization", "i_ndxp", ""),
        ("c_cong_dvcqg", "Flow", "i_ndxp", ""),
        ("i_ndxp", "Access", "d_csdlqg_dan_cu", ""),
        ("i_ndxp", "Access", "d_csdlqg_dat_dai", ""),
        ("i_ndxp", "Access", "d_csdlqg_dkdn", ""),
        ("i_ndxp", "Access", "d_csdlqg_thong_ke_dan_so", ""),
        ("i_ndxp", "Access", "d_csdlqg_tai_chinh", ""),
        ("i_ndxp", "Access", "d_csdlqg_bao_hiem", ""),
        ("i_ndxp", "Access", "d_csdl_ho_tich", ""),
        ("i_xac_thuc", "Serving", "c_cong_dvcqg", ""),
        ("i_thanh_toan", "Serving", "c_cong_dvcqg", ""),
        ("e_ngan_hang", "Flow", "i_thanh_toan", ""),
        ("e_buu_chinh", "Assignment", "k_buu_chinh", ""),
        ("e_he_thong_ngoai", "Flow", "i_lgsp_bo", ""),
        ("h_tslcd", "Association", "i_ndxp", ""),
        ("h_tslcd", "Association", "h_ttdl_bo_tinh", ""),
        ("s_mo_hinh_4_lop", "Association", "s_giam_sat_bao_ve", ""),
        ("s_giam_sat_bao_ve", "Association", "s_giam_sat_quoc_gia", ""),
        ("s_giam_sat_bao_ve", "Association", "h_ttdl_bo_tinh", ""),
        ("g_ubqg_cpdt", "Association", "g_btttt", ""),
    ]
    hosting = [("h_tslcd", "Serving", k) for k in (
        "c_cong_dvcqg", "c_cong_ttdt_cp", "a_ecabinet", "a_ttdh_cp", "a_httt_bao_cao_qg",
        "i_ngsp", "i_truc_lien_thong_vb", "i_xac_thuc")]
    hosting += [("h_ttdl_bo_tinh", "Serving", k) for k in (
            "c_cong_dvc_bo", "c_cong_dvc_tinh", "a_mot_cua_dien_tu", "a_qlvb_dh",
            "a_chuyen_nganh", "i_lgsp_bo", "i_lgsp_tinh")]
    title = "Sơ đồ khái quát Chính phủ điện tử Việt Nam"
    return Spec(
        name="national-2019", prefix="national", title=title,
        title_en="Overview of Vietnam's e-Government", bands=bands, relations=relations,
        hosting=hosting,
        properties=[("architecture_level", "national"), ("dossier:title", title),
                    ("dossier:agency", "Bộ Thông tin và Truyền thông"), ("dossier:version", "2.0"),
                    ("dossier:place", "Hà Nội"),
                    ("framework", "QĐ 2323/QĐ-BTTTT ngày 31/12/2019")],
        metadata={"title": title, "publisher": "Bộ Thông tin và Truyền thông",
                  "language": "vi"},
        documentation="Mẫu lưu trữ: các lớp và thành phần của Khung Kiến trúc Chính phủ điện tử "
                      "Việt Nam, phiên bản 2.0 (QĐ 2323/QĐ-BTTTT, hết hiệu lực từ 29/12/2023); "
                      "dùng để đọc, chuyển đổi các mô hình 2.0, mô hình mới dùng mẫu "
                      "national-2025. Mục có thuộc tính “Suy luận” chưa được nguồn xác nhận.",
        view_name="Sơ đồ khái quát Chính phủ điện tử Việt Nam",
        view_name_en="Overview of Vietnam's e-Government",
    )


def provincial_spec() -> Spec:
    """A provincial e-Government architecture 2.0 in the manner of Gia Lai's."""
    bands = {
        "nguoi_su_dung": [_grid(
            (0.8, ("u_cbccvc", "u_cbccvc", "Cán bộ, công chức, viên chức tỉnh, huyện, xã")),
            (3, "u_nguoi_dan"), (5.5, "u_doanh_nghiep"),
            (7.1, ("u_lanh_dao", "u_lanh_dao", "Lãnh đạo tỉnh", "Provincial leaders")))],
        "kenh_giao_tiep": [_grid(
            (0, "k_buu_chinh"), (1, "k_zalo"),
            (2, ("k_mot_cua_tinh", "k_mot_cua", "Trung tâm Phục vụ hành chính công tỉnh",
                 "Provincial public administration service centre")),
            (3, ("k_mot_cua_huyen", "k_mot_cua", "Bộ phận Một cửa cấp huyện",
                 "District one-stop counters")),
            (4, ("k_mot_cua_xa", "k_mot_cua", "Bộ phận Một cửa cấp xã",
                 "Commune one-stop counters")),
            (5.5, "k_web"))],
        "cong_dich_vu": [
            _grid((4.6, "c_cong_dvcqg"),
                  (5.7, ("c_cong_dvc_tinh", "c_cong_dvc_tinh", "Cổng Dịch vụ công tỉnh Gia Lai",
                         "Gia Lai public service portal")),
                  (6.6, ("c_cong_ttdt_tinh", "c_cong_ttdt_tinh",
                         "Cổng thông tin điện tử tỉnh Gia Lai", "Gia Lai web portal"))),
            _grid((5.2, "c_danh_gia_hai_long"), (6.6, "c_trang_ttdt_don_vi")),
        ],
        "ung_dung_csdl": [
            _grid((0.3, "a_chuyen_nganh"),
                  (2.3, ("a_mot_cua_dien_tu", "a_mot_cua_dien_tu",
                         "Hệ thống thông tin một cửa điện tử tỉnh (cấp tỉnh, huyện, xã)",
                         "Provincial one-stop system (province, district, commune units)")),
                  (3.6, ("a_qlvb_dh", "a_qlvb_dh", "Hệ thống quản lý văn bản và điều hành tỉnh",
                         "Provincial document management and direction system")),
                  (4.9, ("a_bao_cao_tinh", "a_bao_cao_tinh", "Hệ thống thông tin báo cáo tỉnh",
                         "Provincial reporting system")),
                  (7.1, ("a_ioc", "a_ioc",
                         "Trung tâm giám sát, điều hành đô thị thông minh thành phố Pleiku (IOC)",
                         "Pleiku smart-city intelligent operations centre (IOC)"))),
            _grid((0, "d_csdl_chuyen_nganh"), (1, "d_csdlqg_dan_cu"),
                  (3.0, "d_kho_du_lieu_dung_chung"), (4.9, "a_httt_bao_cao_qg"),
                  (7.1, ("a_hntt_tinh", "a_hntt", "Hội nghị trực tuyến: điểm cầu tỉnh",
                         "Online conference: province site"))),
            _grid((0.2, "a_thu_dien_tu"),
                  (5.0, ("a_hntt_xa", "a_hntt", "Hội nghị trực tuyến: điểm cầu xã",
                         "Online conference: commune sites")),
                  (7.1, ("a_hntt_huyen", "a_hntt", "Hội nghị trực tuyến: điểm cầu huyện",
                         "Online conference: district sites"))),
        ],
        "nen_tang_tich_hop": [
            _grid((2.3, ("i_lgsp_tinh", "i_lgsp_tinh",
                         "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)",
                         "Provincial integration platform (LGSP)")),
                  (3.6, "i_truc_lien_thong_vb"), (5.9, "i_thanh_toan")),
            _grid((1, "i_ndxp"), (4.6, "i_chu_ky_so")),
        ],
        "ha_tang_ky_thuat": [_grid(
            (0.5, "h_internet"), (3, "h_tslcd"),
            (7.1, ("h_ttdl_tinh", "h_ttdl_bo_tinh", "Trung tâm dữ liệu tỉnh",
                   "Provincial data centre")))],
        # Vertical bands: the column is the row of the horizontal bands to line up with.
        "an_toan_thong_tin": [_grid(
            (0, "s_attt_cap_do"), (3, "s_mo_hinh_4_lop"),
            (6, ("s_soc", "s_giam_sat_bao_ve", "Trung tâm giám sát an toàn thông tin tỉnh (SOC)",
                 "Provincial security operations centre (SOC)")),
            (9, "s_giam_sat_quoc_gia"))],
        "chi_dao_chinh_sach": [_grid(
            (0, "g_kien_truc"),
            (3, ("g_bcd", "g_bcd_bo_tinh", "Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh",
                 "Provincial e-Government steering committee")),
            (6, ("g_so_tttt", "g_so_tttt", "Sở Thông tin và Truyền thông tỉnh Gia Lai",
                 "Gia Lai Department of Information and Communications")),
            (9, "g_tieu_chuan"))],
        "he_thong_ngoai": [_grid((1, "e_buu_chinh"), (7, "e_he_thong_ngoai"))],
    }
    relations = [
        ("k_web", "Serving", "u_nguoi_dan", ""),
        ("k_web", "Serving", "u_doanh_nghiep", ""),
        ("k_zalo", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua_tinh", "Serving", "u_doanh_nghiep", ""),
        ("k_mot_cua_huyen", "Serving", "u_nguoi_dan", ""),
        ("k_mot_cua_xa", "Serving", "u_nguoi_dan", ""),
        ("k_buu_chinh", "Serving", "u_nguoi_dan", ""),
        ("e_buu_chinh", "Assignment", "k_buu_chinh", ""),
        ("c_cong_dvc_tinh", "Serving", "k_web", ""),
        ("c_cong_ttdt_tinh", "Serving", "k_web", ""),
        ("c_cong_ttdt_tinh", "Aggregation", "c_trang_ttdt_don_vi", ""),
        ("c_cong_dvc_tinh", "Realization", "c_danh_gia_hai_long", ""),
        ("c_cong_dvc_tinh", "Flow", "c_cong_dvcqg", "Đồng bộ"),
        ("a_mot_cua_dien_tu", "Flow", "c_cong_dvcqg", "Đồng bộ hồ sơ"),
        ("c_cong_dvc_tinh", "Flow", "a_mot_cua_dien_tu", "Hồ sơ trực tuyến"),
        ("a_mot_cua_dien_tu", "Serving", "k_zalo", ""),
        ("a_mot_cua_dien_tu", "Serving", "k_mot_cua_tinh", ""),
        ("a_mot_cua_dien_tu", "Serving", "k_mot_cua_huyen", ""),
        ("a_mot_cua_dien_tu", "Serving", "k_mot_cua_xa", ""),
        ("i_thanh_toan", "Serving", "c_cong_dvc_tinh", "Thanh toán trực tuyến"),
        ("a_qlvb_dh", "Flow", "i_truc_lien_thong_vb", "Gửi văn bản ký số"),
        ("i_truc_lien_thong_vb", "Flow", "a_qlvb_dh", "Nhận văn bản"),
        ("i_chu_ky_so", "Serving", "a_qlvb_dh", "Ký số"),
        ("a_hntt_tinh", "Flow", "a_hntt_huyen", ""),
        ("a_hntt_huyen", "Flow", "a_hntt_xa", ""),
        ("a_ioc", "Serving", "u_lanh_dao", ""),
        ("a_bao_cao_tinh", "Flow", "a_httt_bao_cao_qg", ""),
        ("a_mot_cua_dien_tu", "Flow", "i_lgsp_tinh", ""),
        ("a_chuyen_nganh", "Access", "d_csdl_chuyen_nganh", ""),
        ("i_lgsp_tinh", "Access", "d_kho_du_lieu_dung_chung", ""),
        ("i_lgsp_tinh", "Flow", "i_ndxp", ""),
        ("i_ndxp", "Access", "d_csdlqg_dan_cu", ""),
        ("e_he_thong_ngoai", "Flow", "i_lgsp_tinh", ""),
        ("h_tslcd", "Association", "h_ttdl_tinh", ""),
        ("s_mo_hinh_4_lop", "Association", "s_soc", ""),
        ("s_soc", "Association", "s_giam_sat_quoc_gia", "Chia sẻ thông tin giám sát"),
        ("s_soc", "Association", "h_ttdl_tinh", ""),
        ("g_kien_truc", "Association", "g_bcd", ""),
        ("g_bcd", "Association", "g_so_tttt", ""),
    ]
    hosting = [("h_ttdl_tinh", "Serving", k) for k in (
        "c_cong_dvc_tinh", "c_cong_ttdt_tinh", "c_trang_ttdt_don_vi", "a_mot_cua_dien_tu",
        "a_qlvb_dh", "a_thu_dien_tu", "a_bao_cao_tinh", "a_ioc", "a_chuyen_nganh",
        "a_hntt_tinh", "i_lgsp_tinh")] + [("h_tslcd", "Serving", k) for k in (
            "a_hntt_huyen", "a_hntt_xa", "c_cong_dvcqg", "a_httt_bao_cao_qg", "i_ndxp",
            "i_truc_lien_thong_vb")]
    title = "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0"
    agency = "Ủy ban nhân dân tỉnh Gia Lai"
    prepared = "Sở Thông tin và Truyền thông tỉnh Gia Lai"
    return Spec(
        name="provincial-2020", prefix="provincial", title=title,
        title_en="Gia Lai Province e-Government Architecture, version 2.0",
        bands=bands, relations=relations, hosting=hosting,
        properties=[("architecture_level", "province"), ("dossier:title", title),
                    ("dossier:agency", agency), ("dossier:version", "2.0"),
                    ("dossier:issuer", "Sở Thông tin và Truyền thông"),
                    ("dossier:place", "Gia Lai"), ("dossier:prepared_by", prepared),
                    ("framework", "QĐ 2323/QĐ-BTTTT ngày 31/12/2019")],
        metadata={"title": title, "creator": prepared, "publisher": agency, "language": "vi"},
        documentation="Mẫu lưu trữ: Kiến trúc CQĐT tỉnh Gia Lai phiên bản 2.0 (QĐ 796/QĐ-UBND "
                      "ngày 31/12/2020), trước khi hợp nhất tỉnh Gia Lai và tỉnh Bình Định "
                      "(01/7/2025) và trước Khung kiến trúc số tỉnh (QĐ 3388/QĐ-UBND ngày "
                      "31/12/2025). Dùng để đọc, chuyển đổi các mô hình 2.0; mô hình mới dùng "
                      "mẫu provincial-2026.",
        view_name="Sơ đồ tổng thể Kiến trúc Chính quyền điện tử tỉnh",
        view_name_en="Overall diagram of the provincial e-Government architecture",
    )


def empty_spec() -> Spec:
    """One view with only the layer bands, ready for the palette."""
    return Spec(name="empty", title="Kiến trúc Chính quyền điện tử",
                title_en="e-Government Architecture", bands={}, view_name="Sơ đồ khái quát",
                view_name_en="Overview diagram")


SPECS = {"provincial-2026": provincial_2026_spec, "national-2025": national_2025_spec,
         "empty-2025": empty_2025_spec, "provincial-2020": provincial_spec,
         "national-2019": national_spec, "empty": empty_spec}
#: The names the 2.0 templates had before the 2025 ones came.
ALIASES = {"provincial": "provincial-2020", "national": "national-2019"}


def build(name: str, catalog: Catalog | None = None) -> Model:
    """Build the template ``name`` as a model (not yet saved)."""
    spec = SPECS[ALIASES.get(name, name)]()
    builder = Builder(spec, catalog or load_builtin_profile(spec.profile))
    if spec.elements:
        builder.add_element_specs()
        builder.relate_groups()
        builder.spec_views()
        return builder.model
    builder.add_elements()
    builder.overview_view("overview", spec.bands, spec.relations, spec.view_name,
                          spec.view_name_en)
    hosting_view(builder, spec)
    return builder.model


def write(name: str, folder: Path = HERE) -> Path:
    """Build, validate (no errors, no warnings) and save the template ``name``."""
    from egov_modeler.model.validation import validate_model as validate
    from egov_modeler.storage.native import save

    model = build(name)
    problems = validate(model)
    if problems:
        raise SystemExit(f"template {name} does not validate clean:\n"
                         + "\n".join(str(p) for p in problems))
    path = folder / f"{name}.egov"
    save(model, path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rebuild the shipped .egov templates.")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"templates to build (default: all of {', '.join(SPECS)})")
    parser.add_argument("-o", "--output", type=Path, default=HERE)
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in SPECS]
    if unknown:
        parser.error(f"unknown template {unknown[0]!r}; choose from {', '.join(SPECS)}")
    for name in args.names or list(SPECS):
        path = write(name, args.output)
        sys.stdout.write(f"{path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
