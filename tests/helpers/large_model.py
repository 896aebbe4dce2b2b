"""A 5,000-element provincial model built in code, and two units' divergent edits of it.

Used by the repository tests and by ``benchmarks/bench_repository.py``. The model: 5,000
elements of the framework's usual types, about 5,000 relationships the ArchiMate rules
allow, 10 views of 300 placed elements each in 6 layer bands, with a line for every
relationship whose two ends are on the view.

The edits (:func:`edit_as_unit_a`, :func:`edit_as_unit_b`) are what two units do in a week:
13 edits that do not touch each other, one rename clash (both units rename the portal), and
two deletions the other unit still uses (unit A deletes an element unit B relates; unit B
deletes one unit A relates). A correct merge keeps all 13 and reports exactly 3 conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from egov_modeler.model import Model
from egov_modeler.model.commands import (
    AddElementCommand,
    CreateViewCommand,
    DeleteElementCommand,
    MoveNodeCommand,
    PlaceNodeCommand,
    RenameElementCommand,
    ResizeNodeCommand,
    SetElementFieldsCommand,
    SetNodeFieldsCommand,
    SetPropertyCommand,
    UnrelateCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.rules import allowed_relationship_types
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node, Style, View

TYPES = ("BusinessActor", "BusinessProcess", "ApplicationComponent", "ApplicationService",
         "DataObject", "ApplicationInterface", "Node", "TechnologyService")
ELEMENTS = 5000
VIEWS = 10
PER_VIEW = 300
BANDS = 6
COLUMNS = 10


def eid(i: int) -> str:
    return f"id-big-e{i:05d}"


def rid(i: int) -> str:
    return f"id-big-r{i:05d}"


def nid(view: int, i: int) -> str:
    return f"id-big-v{view:02d}-n{i:05d}"


def vid(view: int) -> str:
    return f"id-big-v{view:02d}"


def _relationship_type(source: str, target: str) -> str:
    allowed = [t for t in allowed_relationship_types(source, target)
               if t not in ("Specialization",)]
    return allowed[0] if allowed else "Association"


def build_large_model(elements: int = ELEMENTS) -> Model:
    """The model (see the module docstring); the same ids every time."""
    model = Model("Kiến trúc số tỉnh Gia Lai (mô hình lớn)")
    model.properties = [("architecture_level", "province")]
    types = [TYPES[i % len(TYPES)] for i in range(elements)]
    for i in range(elements):
        model.load_element(Element(
            eid(i), types[i], f"Hệ thống thông tin số {i} của tỉnh",
            documentation=f"Thành phần {i} của kiến trúc số cấp tỉnh.",
            properties=[("Đơn vị chủ quản", f"Sở {i % 20}")]))
    for i in range(elements):
        j = (i + 1) % elements
        model.load_relationship(Relationship(rid(i), _relationship_type(types[i], types[j]),
                                             eid(i), eid(j)))
    rows = PER_VIEW // BANDS // COLUMNS + 1
    band_height = 40 + rows * 80
    for v in range(VIEWS):
        view = View(vid(v), f"Sơ đồ khái quát {v + 1}" if v else "Sơ đồ tổng thể")
        model.load_view(view)
        for b in range(BANDS):
            model.load_node(view.id, Node(f"{vid(v)}-band{b}", 0, b * (band_height + 10),
                                          COLUMNS * 150 + 40, band_height,
                                          kind=NODE_CONTAINER, label=f"Lớp {b + 1}"))
        first = (v * PER_VIEW) % elements
        placed = []
        for k in range(PER_VIEW):
            i = (first + k) % elements
            band, slot = divmod(k, PER_VIEW // BANDS)
            row, col = divmod(slot, COLUMNS)
            model.load_node(view.id, Node(
                nid(v, i), 20 + col * 150, band * (band_height + 10) + 30 + row * 80, 120, 55,
                element_id=eid(i), parent=f"{vid(v)}-band{band}"))
            placed.append(i)
        on_view = set(placed)
        for i in placed:
            if (i + 1) % elements in on_view:
                model.load_connection(view.id, Connection(
                    f"{vid(v)}-c{i:05d}", nid(v, i), nid(v, (i + 1) % elements),
                    relationship_id=rid(i)))
    return model


@dataclass
class Expected:
    """What a merge of the two units' edits must hold."""

    names: dict[str, str] = field(default_factory=dict)
    elements: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    relationships_gone: list[str] = field(default_factory=list)
    positions: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    sizes: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    fills: dict[tuple[str, str], str] = field(default_factory=dict)
    properties: dict[str, tuple[str, str]] = field(default_factory=dict)
    english: dict[str, str] = field(default_factory=dict)
    documentation: dict[str, str] = field(default_factory=dict)
    views: list[str] = field(default_factory=list)
    edits: int = 0


#: The ids of what the conflicting edits touch.
CLASH = eid(10)                  # renamed by both
DELETED_BY_A = eid(60)           # A deletes it, B relates it
DELETED_BY_B = eid(90)           # B deletes it, A relates it
USE_BY_B = "id-big-b-uses-deleted"
USE_BY_A = "id-big-a-uses-deleted"
RENAME_A = "Cổng dịch vụ công tỉnh Gia Lai"
RENAME_B = "Cổng DVC Gia Lai"


def edit_as_unit_a(model: Model, expected: Expected) -> None:
    """The Department of Science and Technology: 7 edits, the rename clash, a deletion."""
    model.execute(RenameElementCommand(CLASH, RENAME_A))
    soc = model.add_element("ApplicationComponent", "Hệ thống giám sát an toàn thông tin",
                            id="id-big-a-soc")
    model.relate(soc.id, "Serving", eid(22), id="id-big-a-soc-serves")
    expected.elements.append(soc.id)
    expected.relationships.append("id-big-a-soc-serves")
    model.execute(MoveNodeCommand(vid(0), nid(0, 30), 25, 47))
    expected.positions[(vid(0), nid(0, 30))] = (25, 47)
    model.execute(SetPropertyCommand(eid(40), "Đơn vị vận hành", "Sở KH&CN"))
    expected.properties[eid(40)] = ("Đơn vị vận hành", "Sở KH&CN")
    model.execute(SetElementFieldsCommand(eid(50), {"documentation": "Đã nâng cấp năm 2025."}))
    expected.documentation[eid(50)] = "Đã nâng cấp năm 2025."
    model.execute(DeleteElementCommand(DELETED_BY_A))
    model.relate(eid(70), "Association", eid(80), id="id-big-a-70-80")
    expected.relationships.append("id-big-a-70-80")
    model.relate(DELETED_BY_B, "Association", eid(91), id=USE_BY_A)
    model.execute(CreateViewCommand(View("id-big-a-view", "Sơ đồ kết nối LGSP")))
    for k, i in enumerate((20, 21, 22)):
        model.execute(PlaceNodeCommand("id-big-a-view", Node(
            f"id-big-a-view-n{k}", 40 + 160 * k, 40, 120, 55, element_id=eid(i))))
    expected.views.append("id-big-a-view")
    model.execute(UnrelateCommand(rid(200)))
    expected.relationships_gone.append(rid(200))
    expected.edits += 7


def edit_as_unit_b(model: Model, expected: Expected) -> None:
    """The data centre: 6 edits, the rename clash, a deletion."""
    model.execute(RenameElementCommand(CLASH, RENAME_B))
    model.relate(DELETED_BY_A, "Association", eid(61), id=USE_BY_B)
    model.execute(MoveNodeCommand(vid(0), nid(0, 31), 185, 47))
    expected.positions[(vid(0), nid(0, 31))] = (185, 47)
    model.execute(SetElementFieldsCommand(eid(40), {"names": {"en": "Provincial system 40"}}))
    expected.english[eid(40)] = "Provincial system 40"
    model.execute(RenameElementCommand(eid(100), "Cơ sở dữ liệu đất đai tỉnh"))
    expected.names[eid(100)] = "Cơ sở dữ liệu đất đai tỉnh"
    model.execute(AddElementCommand(Element("id-big-b-dc", "Node", "Trung tâm dữ liệu tỉnh")))
    model.execute(PlaceNodeCommand(vid(1), Node("id-big-b-dc-n", 20, 1000, 120, 55,
                                                element_id="id-big-b-dc",
                                                parent=f"{vid(1)}-band0")))
    expected.elements.append("id-big-b-dc")
    model.execute(DeleteElementCommand(DELETED_BY_B))
    model.execute(ResizeNodeCommand(vid(0), nid(0, 32), 140, 70))
    expected.sizes[(vid(0), nid(0, 32))] = (140, 70)
    model.execute(SetNodeFieldsCommand(vid(0), nid(0, 33), {"style": Style(fill="#ffd966")}))
    expected.fills[(vid(0), nid(0, 33))] = "#ffd966"
    expected.edits += 6
