"""A national-scale model built in code: up to 20,000 elements, twice as many
relationships, and one large overview of up to 2,000 placed elements.

Used by the window's complexity tests (at small sizes) and by
``benchmarks/bench_window.py`` (1k to 20k elements). The elements are of the framework's
usual types, spread over its layers (so the model tree groups them as a real
ministry's inventory would), with Vietnamese names; the relationships are ones the
ArchiMate rules allow. The large view has one band per framework layer, its elements in
a grid inside the bands, and a line for every relationship whose two ends it shows;
two small views follow it. The same ids every time, so a test can name what it drags.
"""

from __future__ import annotations

from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.rules import allowed_relationship_types
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node, View

#: (ArchiMate type, framework layer) pairs the elements cycle through.
KINDS = (
    ("BusinessActor", "nguoi_su_dung"),
    ("ApplicationInterface", "kenh_giao_tiep"),
    ("ApplicationComponent", "cong_dich_vu"),
    ("ApplicationComponent", "ung_dung_csdl"),
    ("DataObject", "ung_dung_csdl"),
    ("ApplicationService", "nen_tang_tich_hop"),
    ("Node", "ha_tang_ky_thuat"),
    ("TechnologyService", "ha_tang_ky_thuat"),
    ("ApplicationComponent", "an_toan_thong_tin"),
    ("BusinessProcess", None),
)
#: The bands' names (the framework 2.0 layers' Vietnamese names), by layer id.
BAND_NAMES = {
    "nguoi_su_dung": "Người sử dụng",
    "kenh_giao_tiep": "Kênh giao tiếp (kênh truy cập)",
    "cong_dich_vu": "Cổng và dịch vụ cổng (dịch vụ công trực tuyến)",
    "ung_dung_csdl": "Ứng dụng và cơ sở dữ liệu",
    "nen_tang_tich_hop": "Nền tảng tích hợp, chia sẻ dữ liệu",
    "ha_tang_ky_thuat": "Hạ tầng kỹ thuật",
    "an_toan_thong_tin": "An toàn thông tin",
    "khac": "Quy trình nghiệp vụ",
}
COLUMNS = 25
NODE_W, NODE_H, STEP_X, STEP_Y = 120, 55, 150, 80
BAND_GAP, BAND_HEADER = 20, 40

#: The id of the large view.
LARGE_VIEW = "id-nat-view-large"


def element_id(i: int) -> str:
    return f"id-nat-e{i:05d}"


def relationship_id(i: int) -> str:
    return f"id-nat-r{i:05d}"


def node_id(i: int) -> str:
    """The large view's node of element ``i`` (elements 0 .. view_nodes-1 are on it)."""
    return f"id-nat-n{i:05d}"


def band_id(layer: str) -> str:
    return f"id-nat-band-{layer}"


_allowed: dict[tuple[str, str], str] = {}


def _relationship_type(source: str, target: str) -> str:
    key = (source, target)
    if key not in _allowed:
        allowed = [t for t in allowed_relationship_types(source, target)
                   if t not in ("Specialization", "Composition", "Aggregation")]
        _allowed[key] = allowed[0] if allowed else "Association"
    return _allowed[key]


def build_national_model(elements: int = 20_000, view_nodes: int = 2_000) -> Model:
    """``elements`` elements, ``2 * elements`` relationships and the large view of the
    first ``view_nodes`` elements. On the view, each element relates to its right-hand
    and its lower neighbour in its band, and the view draws those lines (they run along
    rows and down columns, as an architect draws them); otherwise an element relates
    to the next element and the one ``COLUMNS`` further on."""
    model = Model("Kiến trúc số quốc gia (mô hình lớn)")
    view_nodes = min(view_nodes, elements)
    kinds = [KINDS[i % len(KINDS)] for i in range(elements)]
    for i, (etype, layer) in enumerate(kinds):
        model.load_element(Element(
            element_id(i), etype, f"Hệ thống thông tin số {i} của Bộ, ngành",
            documentation=f"Thành phần {i} của kiến trúc số quốc gia.", layer=layer,
            properties=[("Đơn vị chủ quản", f"Cục {i % 40}")]))
    bands = _bands(kinds, view_nodes)
    #: relationship number -> (source, target) for the lines the large view draws
    lines: dict[int, tuple[int, int]] = {}
    for members in bands.values():
        for slot, i in enumerate(members):
            if (slot + 1) % COLUMNS and slot + 1 < len(members):
                lines[2 * i] = (i, members[slot + 1])
            if slot + COLUMNS < len(members):
                lines[2 * i + 1] = (i, members[slot + COLUMNS])
    for i in range(elements):
        for k, step in enumerate((1, COLUMNS)):
            _, j = lines.get(2 * i + k, (i, (i + step) % elements))
            model.load_relationship(Relationship(
                relationship_id(2 * i + k), _relationship_type(kinds[i][0], kinds[j][0]),
                element_id(i), element_id(j)))
    _large_view(model, bands, lines)
    for v, name in enumerate(("Sơ đồ kết nối LGSP", "Sơ đồ hạ tầng")):
        view = View(f"id-nat-view-{v}", name)
        model.load_view(view)
        for k in range(min(12, elements)):
            i = (v * 500 + k) % elements
            model.load_node(view.id, Node(f"id-nat-v{v}-n{k}", 20 + (k % 4) * STEP_X,
                                          20 + (k // 4) * STEP_Y, NODE_W, NODE_H,
                                          element_id=element_id(i)))
    return model


def _bands(kinds, view_nodes: int) -> dict[str, list[int]]:
    """The large view's elements by the band (framework layer) they sit in."""
    by_layer: dict[str, list[int]] = {}
    for i in range(view_nodes):
        by_layer.setdefault(kinds[i][1] or "khac", []).append(i)
    return by_layer


def _large_view(model: Model, bands: dict[str, list[int]],
                lines: dict[int, tuple[int, int]]) -> None:
    view = View(LARGE_VIEW, "Sơ đồ tổng thể kiến trúc số quốc gia")
    model.load_view(view)
    top = 0
    for layer, members in bands.items():
        rows = (len(members) + COLUMNS - 1) // COLUMNS
        height = BAND_HEADER + rows * STEP_Y
        label = BAND_NAMES[layer]
        band = Node(band_id(layer), 0, top, COLUMNS * STEP_X + 20, height,
                    kind=NODE_CONTAINER, label=label,
                    layer=layer if layer != "khac" else None)
        model.load_node(view.id, band)
        for slot, i in enumerate(members):
            row, col = divmod(slot, COLUMNS)
            model.load_node(view.id, Node(
                node_id(i), 20 + col * STEP_X, top + BAND_HEADER + row * STEP_Y, NODE_W,
                NODE_H, element_id=element_id(i), parent=band.id))
        top += height + BAND_GAP
    for number, (i, j) in lines.items():
        model.load_connection(view.id, Connection(
            f"id-nat-c{number:05d}", node_id(i), node_id(j),
            relationship_id=relationship_id(number)))
