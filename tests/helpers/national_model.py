"""A national-scale model built in code: N elements, about 2N relationships, a 2,000-node view.

Used by the complexity tests of validation and the model's indexes, and by ``python -m
benchmarks`` (issue 19 measures 1k, 5k, 10k and 20k elements). The model follows the 2025
profile the way a province that imports its whole inventory does:

* national platforms and databases once (Cổng DVC quốc gia, NDOP, NDXP, CSDL tổng hợp
  quốc gia, national databases, the document axis, national security monitoring);
* one unit (a province's LDOP hub, its one-stop system, document management, SOC, data
  centre, master-data store and portal) per 4,000 elements, so an LDOP hub carries a
  thousand or more relationships: the case that made the reachability checks quadratic;
* the bulk: line-of-business systems (each flowing to its unit's hub, hosted by an
  infrastructure node, realising a service, accessing data; one in ten a sector's one-stop
  system that must reach the national portal through the hub), services, data (one store
  in forty of master data that must reach the national CSDL through NDOP), processes,
  actors, infrastructure, interfaces and requirements, with a small share of what the rules
  flag (a system reading a national database directly, an unhosted system, a district-level
  name, master data no platform carries, a relationship ArchiMate forbids), so validation
  has findings to report;
* views: "Sơ đồ tổng thể" with min(2,000, N) element nodes in layer bands and the lines
  between them, and one small view per 250 elements (a system and its neighbours).

Everything is deterministic: the same N gives the same ids, names and order.
"""

from __future__ import annotations

from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node, View

PROFILE = "vn-digital-2025"
#: Elements per unit (a province or ministry with its own LDOP hub).
PER_UNIT = 4000
#: Element nodes on the big view.
VIEW_NODES = 2000
#: Elements per small view.
PER_SMALL_VIEW = 250
BIG_VIEW = "id-nat-view-overview"

#: The bands of the big view, top to bottom: (band layer, title).
BANDS = (
    ("nguoi_su_dung_kttqgs", "Người sử dụng"),
    ("l4_kenh_do_luong", "Kênh tương tác"),
    ("l3_ung_dung_nghiep_vu", "Ứng dụng nghiệp vụ"),
    ("l2_du_lieu_nen_tang", "Dữ liệu và nền tảng"),
    ("l1_ha_tang_so_anm", "Hạ tầng số, an toàn thông tin"),
    ("", "Khác"),
)

_NATIONAL = (
    ("dvcqg", "l4_cong_dvcqg", "ApplicationComponent", "Cổng Dịch vụ công quốc gia"),
    ("ndop", "l2_ndop", "ApplicationComponent", "Nền tảng điều phối dữ liệu quốc gia (NDOP)"),
    ("ndxp", "l2_ndxp", "ApplicationComponent", "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia"),
    ("tonghop", "l2_csdl_tong_hop_qg", "DataObject", "Cơ sở dữ liệu tổng hợp quốc gia"),
    ("dancu", "l2_csdlqg_dan_cu", "DataObject", "Cơ sở dữ liệu quốc gia về dân cư"),
    ("datdai", "l2_csdlqg_dat_dai", "DataObject", "Cơ sở dữ liệu quốc gia về đất đai"),
    ("truc", "l3_truc_lien_thong_vb", "ApplicationComponent", "Trục liên thông văn bản quốc gia"),
    ("giamsat", "l1_giam_sat_quoc_gia", "ApplicationComponent",
     "Hệ thống giám sát an toàn không gian mạng quốc gia"),
    ("mohinh", "l1_mo_hinh_4_lop", "Principle", "Mô hình bảo đảm an toàn thông tin 4 lớp"),
    ("lucluong", "l1_luc_luong_tai_cho", "BusinessRole", "Lực lượng tại chỗ"),
    ("kiemtra", "l1_kiem_tra_doc_lap", "BusinessService", "Kiểm tra, đánh giá độc lập"),
    ("ttdlqg", "l1_ttdlqg", "Node", "Trung tâm Dữ liệu quốc gia"),
)

_UNIT = (
    ("hub", "l2_ldop_tinh", "ApplicationComponent", "Nền tảng tích hợp, chia sẻ dữ liệu (LDOP)"),
    ("gq", "l3_httt_gq_tthc", "ApplicationComponent", "Hệ thống thông tin giải quyết TTHC"),
    ("qlvb", "l3_qlvb_dh", "ApplicationComponent", "Hệ thống quản lý văn bản và điều hành"),
    ("soc", "l1_soc", "ApplicationComponent", "Trung tâm giám sát an toàn, an ninh mạng (SOC)"),
    ("ttdl", "l1_ttdl_bo_tinh", "Node", "Trung tâm dữ liệu"),
    ("master", "l2_csdl_dung_chung", "DataObject", "Kho dữ liệu dùng chung"),
    ("portal", "l4_cong_ttdt_tinh", "ApplicationComponent", "Cổng thông tin điện tử"),
)

#: The kinds of the bulk, in the order they repeat: (kind, type, catalog_ref, layer).
_BULK = (
    ("system", "ApplicationComponent", "l3_chuyen_nganh", "l3_ung_dung_nghiep_vu"),
    ("service", "ApplicationService", None, "l3_ung_dung_nghiep_vu"),
    ("system", "ApplicationComponent", "l3_chuyen_nganh", "l3_ung_dung_nghiep_vu"),
    ("data", "DataObject", "l2_csdl_chuyen_nganh", "l2_du_lieu_nen_tang"),
    ("process", "BusinessProcess", None, None),
    ("system", "ApplicationComponent", "l3_chuyen_nganh", "l3_ung_dung_nghiep_vu"),
    ("actor", "BusinessActor", "nsd_cbccvc", "nguoi_su_dung_kttqgs"),
    ("infra", "Node", "l1_ttdl_bo_tinh", "l1_ha_tang_so_anm"),
    ("interface", "ApplicationInterface", "l4_web", "l4_kenh_do_luong"),
    ("requirement", "Requirement", None, None),
)

_NAMES = {
    "system": "Hệ thống thông tin chuyên ngành",
    "service": "Dịch vụ ứng dụng",
    "data": "Cơ sở dữ liệu chuyên ngành",
    "process": "Quy trình nghiệp vụ",
    "actor": "Cán bộ, công chức",
    "infra": "Máy chủ ảo hoá",
    "interface": "Giao diện web",
    "requirement": "Yêu cầu an toàn thông tin",
}


def national_eid(key: str) -> str:
    return f"id-nat-{key}"


def unit_eid(unit: int, key: str) -> str:
    return f"id-nat-u{unit:02d}-{key}"


def bulk_eid(i: int) -> str:
    return f"id-nat-e{i:06d}"


class _Builder:
    def __init__(self, elements: int, view_nodes: int) -> None:
        self.model = Model("Kiến trúc số quốc gia (mô hình lớn)")
        self.model.properties = [("profile", PROFILE), ("architecture_level", "province"),
                                 ("architecture_date", "2026-01-15")]
        self.target = elements
        self.view_nodes = view_nodes
        self.units = max(1, elements // PER_UNIT)
        self.rel_count = 0
        self.kind: dict[str, str] = {}
        self.layer: dict[str, str | None] = {}
        self.bulk: list[str] = []
        self.neighbours: dict[str, list[str]] = {}

    def element(self, element_id: str, type_name: str, name: str, ref: str | None,
                layer: str | None, kind: str, properties: list[tuple[str, str]]) -> None:
        self.model.load_element(Element(element_id, type_name, name, catalog_ref=ref,
                                        layer=layer, properties=properties))
        self.kind[element_id] = kind
        self.layer[element_id] = layer

    def relate(self, source: str, rel_type: str, target: str) -> None:
        self.rel_count += 1
        rel_id = f"id-nat-r{self.rel_count:06d}"
        access = "Write" if rel_type == "Access" else None
        self.model.load_relationship(Relationship(rel_id, rel_type, source, target,
                                                  access_type=access))
        self.neighbours.setdefault(source, []).append(rel_id)
        self.neighbours.setdefault(target, []).append(rel_id)

    def build(self) -> Model:
        self._national()
        for unit in range(self.units):
            self._unit(unit)
        remaining = max(0, self.target - len(self.kind))
        for i in range(remaining):
            kind, type_name, ref, layer = _BULK[i % len(_BULK)]
            unit = (i // len(_BULK)) % self.units
            name = f"{_NAMES[kind]} số {i} của đơn vị {unit + 1}"
            if kind == "system" and i % 101 == 5:
                name = f"Hệ thống quản lý cấp huyện số {i}"
            properties = [("Đơn vị chủ quản", f"Sở {i % 19 + 1}")]
            if kind in ("system", "data"):
                properties.append(("Phạm vi", "tỉnh"))
            if kind == "system" and i % 30 == 0:  # a sector's one-stop system
                ref, name = "l3_httt_gq_tthc", f"Hệ thống giải quyết TTHC ngành số {i}"
            if kind == "data" and i % 40 == 3:  # master data, synced through NDOP
                ref = "l2_csdl_dung_chung"
                properties.append(("Lớp dữ liệu", "Dữ liệu chủ"))
                name = f"Kho dữ liệu chủ số {i}"
            self.element(bulk_eid(i), type_name, name, ref, layer, kind, properties)
            self.bulk.append(bulk_eid(i))
        self._bulk_relationships()
        self._views()
        return self.model

    def _national(self) -> None:
        for key, ref, type_name, name in _NATIONAL:
            props = [("Phạm vi", "quốc gia")] if type_name == "DataObject" else []
            self.element(national_eid(key), type_name, name, ref, None, key, props)
        n = national_eid
        self.relate(n("ndop"), "Access", n("tonghop"))
        self.relate(n("ndxp"), "Flow", n("dvcqg"))
        self.relate(n("ndop"), "Flow", n("ndxp"))
        self.relate(n("ttdlqg"), "Serving", n("ndop"))
        self.relate(n("ttdlqg"), "Serving", n("ndxp"))
        self.relate(n("ttdlqg"), "Serving", n("dvcqg"))
        self.relate(n("ttdlqg"), "Serving", n("truc"))
        self.relate(n("ttdlqg"), "Serving", n("giamsat"))

    def _unit(self, unit: int) -> None:
        for key, ref, type_name, name in _UNIT:
            props = [("Phạm vi", "tỉnh")]
            if key == "master":
                props.append(("Lớp dữ liệu", "Dữ liệu chủ"))
            self.element(unit_eid(unit, key), type_name, f"{name} (đơn vị {unit + 1})", ref,
                         None, key, props)
        u = lambda key: unit_eid(unit, key)  # noqa: E731
        n = national_eid
        self.relate(u("hub"), "Flow", n("ndop"))
        self.relate(u("hub"), "Flow", n("ndxp"))
        self.relate(u("gq"), "Flow", u("hub"))
        self.relate(u("qlvb"), "Flow", u("hub"))
        self.relate(u("hub"), "Flow", n("truc"))
        self.relate(u("hub"), "Access", u("master"))
        self.relate(u("soc"), "Flow", n("giamsat"))
        for key in ("hub", "gq", "qlvb", "soc", "portal"):
            self.relate(u("ttdl"), "Serving", u(key))

    def _bulk_relationships(self) -> None:
        systems = [e for e in self.bulk if self.kind[e] == "system"]
        infra = [e for e in self.bulk if self.kind[e] == "infra"] or [unit_eid(0, "ttdl")]
        by_kind: dict[str, list[str]] = {}
        for e in self.bulk:
            by_kind.setdefault(self.kind[e], []).append(e)
        n = national_eid
        for k, system in enumerate(systems):
            unit = k % self.units
            self.relate(system, "Flow", unit_eid(unit, "hub"))
            if k % 89 != 3:  # a few systems nobody hosts: FW26-HOSTED warns
                self.relate(infra[k % len(infra)], "Serving", system)
            if k + 1 < len(systems):
                self.relate(system, "Flow", systems[k + 1])
            if k % 97 == 7:  # reads a national database directly: FW26-NDOP-ROUTE
                self.relate(system, "Access", n("dancu"))
        for k, service in enumerate(by_kind.get("service", [])):
            self.relate(systems[k % len(systems)], "Realization", service)
            processes = by_kind.get("process") or [service]
            self.relate(service, "Serving", processes[k % len(processes)])
        datas = by_kind.get("data", [])
        for k, data in enumerate(datas):
            self.relate(systems[(k * 3 + 1) % len(systems)], "Access", data)
            if self.model.element(data).catalog_ref == "l2_csdl_dung_chung" and k % 7:
                self.relate(unit_eid(k % self.units, "hub"), "Access", data)
            if k + 1 < len(datas):
                self.relate(data, "Composition", datas[k + 1])
        for k, process in enumerate(by_kind.get("process", [])):
            if datas:
                self.relate(process, "Access", datas[k % len(datas)])
            actors = by_kind.get("actor", [])
            if actors:
                self.relate(actors[k % len(actors)], "Assignment", process)
            following = by_kind["process"][(k + 1) % len(by_kind["process"])]
            if following != process:
                self.relate(process, "Triggering", following)
        for k, node in enumerate(by_kind.get("infra", [])):
            self.relate(node, "Association", unit_eid(k % self.units, "ttdl"))
        for k, interface in enumerate(by_kind.get("interface", [])):
            self.relate(systems[k % len(systems)], "Composition", interface)
            actors = by_kind.get("actor") or [interface]
            self.relate(interface, "Serving", actors[k % len(actors)])
        for k, requirement in enumerate(by_kind.get("requirement", [])):
            rel_type = "Serving" if k % 113 == 0 else "Association"  # ArchiMate forbids it
            self.relate(requirement, rel_type, systems[k % len(systems)])

    def _views(self) -> None:
        self._big_view()
        small = len(self.kind) // PER_SMALL_VIEW
        systems = [e for e in self.bulk if self.kind[e] == "system"]
        for v in range(small):
            if not systems:
                break
            self._small_view(v, systems[(v * 7) % len(systems)])

    def _big_view(self) -> None:
        view = View(BIG_VIEW, "Sơ đồ tổng thể kiến trúc số")
        self.model.load_view(view)
        placed = (list(self.kind)[:self.view_nodes])
        columns = 40
        by_band: dict[str, list[str]] = {layer: [] for layer, _ in BANDS}
        for k, element_id in enumerate(placed):
            layer = self.layer[element_id] or ""
            element = self.model.element(element_id)
            if not layer and element.catalog_ref:
                layer = _catalog_layer(element.catalog_ref)
            if k % 151 == 150 and layer:  # placed in the wrong band: FW26-BAND-LAYER warns
                layer = BANDS[(BANDS.index(next(b for b in BANDS if b[0] == layer)) + 1)
                              % (len(BANDS) - 1)][0]
            by_band.setdefault(layer if layer in by_band else "", []).append(element_id)
        top = 0
        node_of: dict[str, str] = {}
        for b, (layer, title) in enumerate(BANDS):
            members = by_band[layer]
            rows = max(1, (len(members) + columns - 1) // columns)
            band_id = f"id-nat-band-{b}"
            self.model.load_node(view.id, Node(band_id, 0, top, columns * 150 + 40,
                                               40 + rows * 80, kind=NODE_CONTAINER,
                                               label=title, layer=layer or None))
            for k, element_id in enumerate(members):
                row, col = divmod(k, columns)
                node_id = f"id-nat-n-{element_id[7:]}"
                self.model.load_node(view.id, Node(node_id, 20 + col * 150, top + 30 + row * 80,
                                                   120, 55, element_id=element_id,
                                                   parent=band_id))
                node_of[element_id] = node_id
            top += 40 + rows * 80 + 20
        self._lines(view, node_of)

    def _small_view(self, v: int, centre: str) -> None:
        view = View(f"id-nat-view-{v:04d}", f"Sơ đồ hệ thống {v + 1}")
        self.model.load_view(view)
        members = [centre]
        for element_id in members:
            for rel_id in self.neighbours.get(element_id, [])[:8]:
                rel = self.model.relationship(rel_id)
                other = rel.target if rel.source == element_id else rel.source
                if other not in members and len(members) < 30:
                    members.append(other)
            if len(members) >= 30:
                break
        node_of: dict[str, str] = {}
        for k, element_id in enumerate(members):
            row, col = divmod(k, 6)
            node_id = f"id-nat-v{v:04d}-n{k:02d}"
            self.model.load_node(view.id, Node(node_id, 20 + col * 160, 20 + row * 90, 120, 55,
                                               element_id=element_id))
            node_of[element_id] = node_id
        self._lines(view, node_of)

    def _lines(self, view: View, node_of: dict[str, str]) -> None:
        seen: set[str] = set()
        for element_id in node_of:
            for rel_id in self.neighbours.get(element_id, []):
                if rel_id in seen:
                    continue
                seen.add(rel_id)
                rel = self.model.relationship(rel_id)
                if rel.source in node_of and rel.target in node_of:
                    self.model.load_connection(view.id, Connection(
                        f"{view.id}-c-{rel_id[8:]}", node_of[rel.source], node_of[rel.target],
                        relationship_id=rel_id))


def _catalog_layer(ref: str) -> str:
    from egov_modeler.model.catalog import profile_catalog

    component = profile_catalog(PROFILE).find_component(ref)
    return component.layer if component else ""


def build_national_model(elements: int = 20000, view_nodes: int = VIEW_NODES) -> Model:
    """The model described in the module docstring, with ``elements`` elements."""
    return _Builder(elements, min(view_nodes, elements)).build()


def with_uuid_ids(model: Model) -> tuple[Model, dict[str, str]]:
    """The same model with every id a uuid, as a real model's ids are, and the new id of
    each old one. The generator's ids sort in the order they were made, which hides the
    cost of sorting problems by id (a full sort of 17,500 took 28 ms with uuids and 5 ms
    with these; issue 19's re-validation target is 20 ms)."""
    import json
    import uuid

    from egov_modeler.storage.native import loads, model_bytes

    mapping: dict[str, str] = {}

    def new(old: object) -> object:
        if isinstance(old, str) and old.startswith("id-nat-"):
            return mapping.setdefault(old, f"id-{uuid.uuid5(uuid.NAMESPACE_URL, old)}")
        return old

    def walk(value: object) -> object:
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return new(value)

    data = walk(json.loads(model_bytes(model)))
    return loads(json.dumps(data, ensure_ascii=False).encode()), mapping
