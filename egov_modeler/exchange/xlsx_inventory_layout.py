"""The inventory workbook's layout, shared by its writer and its reader (they never import
each other): the four sheets, their columns with Vietnamese and English headers and the
other spellings a reader accepts, and what each cell holds for a row of the model.

The sheets follow the tables reported for the Ministry's guidance (Mẫu 03: DM_DOITUONG,
QH_KETNOI, ANHXA, HOANTHIEN_NV; the official column names were not available, see
``docs/inventory-workbook.md``): objects, connections, mapping to the national framework,
and the gap-to-task plan. A cell shows what the tables in the window show
(:class:`~egov_modeler.model.inventory.rows.Inventory`), so a workbook read back unchanged
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from ..model.concepts import Element, Relationship
from ..model.inventory.rows import Inventory
from ..model.inventory.schema import MULTI_SEPARATOR, OBJECTS, WORK, FieldSpec, fold
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES

OBJECTS_SHEET, CONNECTIONS_SHEET, MAPPING_SHEET, TASKS_SHEET = (
    "objects", "connections", "mapping", "tasks")
#: The hidden sheet holding the drop-down lists (a list with commas cannot be inline).
LISTS_SHEET = "_DANHMUC"
#: A workbook this program wrote says so in its properties (not required on import).
CREATOR = "egov-modeler"

Getter = Callable[[Inventory, Any, str], Any]


@dataclass(frozen=True)
class Column:
    """One column: its key, headers, width (characters), the spellings a reader accepts,
    the inventory field it shows (if any), and how a row's cell is made."""

    key: str
    header_vi: str
    header_en: str
    width: int
    get: Getter
    aliases: tuple[str, ...] = ()
    spec: FieldSpec | None = None
    read_only: bool = False

    def header(self, language: str) -> str:
        return self.header_en if language == "en" else self.header_vi

    def spellings(self) -> set[str]:
        names = {self.header_vi, self.header_en, self.key, *self.aliases}
        if self.spec is not None:
            names.update({self.spec.property, self.spec.field.label_vi,
                          self.spec.field.label_en, self.spec.id})
        return {fold(n) for n in names if n}


@dataclass(frozen=True)
class Sheet:
    key: str
    name_vi: str
    name_en: str
    aliases: tuple[str, ...]
    columns: tuple[Column, ...] = field(default_factory=tuple)

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_vi

    def spellings(self) -> set[str]:
        return {fold(n) for n in (self.key, self.name_vi, self.name_en, *self.aliases)}

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


# ------------------------------------------------------------------ cell values
def type_label(type_name: str, language: str) -> str:
    """An element or relationship type as a cell shows it (its Vietnamese term, or the
    English label)."""
    kind = ELEMENT_TYPES.get(type_name) or RELATIONSHIP_TYPES.get(type_name)
    if kind is None:
        return type_name
    return kind.label_en if language == "en" else kind.label_vi


def type_from_label(text: str, allowed: tuple[str, ...]) -> str | None:
    """The type a cell names among ``allowed``: by exchange name or either label."""
    wanted = fold(text)
    for name in allowed:
        kind = ELEMENT_TYPES.get(name) or RELATIONSHIP_TYPES.get(name)
        spellings = {name, kind.label_en, kind.label_vi} if kind else {name}
        if wanted in {fold(s) for s in spellings} or wanted == fold(name.replace(" ", "")):
            return name
    return None


def layer_label(inventory: Inventory, layer_id: str | None, language: str) -> str:
    catalog = inventory.schema.catalog
    if layer_id and catalog is not None and catalog.has_layer(layer_id):
        return catalog.layer(layer_id).name(language)
    return layer_id or ""


def _name(_inv: Inventory, concept: Any, language: str) -> Any:
    return concept.name or None


def _name_en(_inv: Inventory, concept: Any, language: str) -> Any:
    return concept.names.get("en") or None


def _documentation(_inv: Inventory, concept: Any, language: str) -> Any:
    return concept.documentation or None


def _id(_inv: Inventory, concept: Any, language: str) -> Any:
    return concept.id


def _type(_inv: Inventory, concept: Any, language: str) -> Any:
    return type_label(concept.type, language)


def _layer(inv: Inventory, concept: Element, language: str) -> Any:
    return layer_label(inv, concept.layer, language) or None


def _field_getter(spec: FieldSpec) -> Getter:
    def get(inv: Inventory, concept: Any, language: str) -> Any:
        if not spec.applies(concept.type):
            return None
        return spec.cell_value(inv.value(concept, spec), language)
    return get


def _end(which: str, by_id: bool) -> Getter:
    def get(inv: Inventory, rel: Relationship, language: str) -> Any:
        end = getattr(rel, which)
        return end if by_id else inv.name_of(end)
    return get


def _component(inv: Inventory, element: Element, language: str) -> Any:
    catalog = inv.schema.catalog
    component = catalog.find_component(element.catalog_ref) if catalog else None
    if component is None:
        return element.catalog_ref or None
    return component.name(language)


def _component_id(_inv: Inventory, element: Element, language: str) -> Any:
    return element.catalog_ref or None


def _component_group(inv: Inventory, element: Element, language: str) -> Any:
    catalog = inv.schema.catalog
    component = catalog.find_component(element.catalog_ref) if catalog else None
    parent = catalog.find_component(component.parent) if catalog and component else None
    return parent.name(language) if parent else None


def _component_layer(inv: Inventory, element: Element, language: str) -> Any:
    catalog = inv.schema.catalog
    component = catalog.find_component(element.catalog_ref) if catalog else None
    return layer_label(inv, component.layer, language) if component else None


def _gaps(inv: Inventory, task: Element, language: str) -> Any:
    names = [g.name for g in inv.task_gaps(task)]
    return MULTI_SEPARATOR.join(names) or None


def _task_objects(inv: Inventory, task: Element, language: str) -> Any:
    names = [o.name for o in inv.task_objects(task)]
    return MULTI_SEPARATOR.join(names) or None


def _columns(*columns: Column) -> tuple[Column, ...]:
    return columns


def _field_columns(fields: list[FieldSpec], skip: set[str] = frozenset()  # type: ignore[assignment]
                   ) -> list[Column]:
    return [Column("field:" + f.id, f.field.label_vi, f.field.label_en,
                   _width(f), _field_getter(f), spec=f)
            for f in fields if f.id not in skip]


#: The plan's columns in the order the guidance reports them (gap, option, task, lead unit,
#: quarter, verification, evidence, progress), then the money, then the rest.
TASK_ORDER = ("lead_unit", "cooperating_units", "start", "deadline", "verification",
              "evidence", "progress", "completed_on", "budget", "funding_source")


def _task_order(spec: FieldSpec) -> int:
    return TASK_ORDER.index(spec.id) if spec.id in TASK_ORDER else len(TASK_ORDER)


def _width(spec: FieldSpec) -> int:
    if spec.multiline:
        return 40
    if spec.type in ("integer", "date"):
        return 14
    if spec.type == "money":
        return 18
    if spec.type == "choice":
        return max([14, *(min(36, len(c.vi) + 2) for c in spec.choices)])
    return 24


ID = Column("id", "ID", "ID", 40, _id, aliases=("Mã định danh", "Identifier"), read_only=True)
NAME_EN = Column("name_en", "Tên tiếng Anh", "English name", 36, _name_en,
                 aliases=("Tên (tiếng Anh)", "Name (English)"))
DESCRIPTION = Column("documentation", "Mô tả", "Description", 50, _documentation,
                     aliases=("Ghi chú", "Documentation", "Notes"))


def workbook_layout(inventory: Inventory) -> tuple[Sheet, ...]:
    """The four sheets of the profile's inventory, with their columns in order."""
    schema = inventory.schema
    code = schema.field("code")
    object_fields = schema.group_fields(OBJECTS)
    task_fields = schema.group_fields(WORK)
    connection_fields = schema.group_fields("connections")
    code_columns = _field_columns([code]) if code else []
    objects = Sheet(OBJECTS_SHEET, "DM_DOITUONG", "Objects",
                    ("Đối tượng", "Danh mục đối tượng", "Object catalogue", "Inventory"),
                    _columns(
                        ID, *code_columns,
                        Column("name", "Tên", "Name", 44, _name,
                               aliases=("Tên đối tượng", "Tên hệ thống", "Object name")),
                        NAME_EN,
                        Column("type", "Loại phần tử ArchiMate", "ArchiMate type", 26, _type,
                               aliases=("Loại ArchiMate", "Kiểu", "Type")),
                        Column("layer", "Lớp", "Layer", 34, _layer,
                               aliases=("Lớp khung", "Lớp (1–4)", "Framework layer")),
                        *_field_columns(object_fields, {"code"}),
                        DESCRIPTION))
    connections = Sheet(CONNECTIONS_SHEET, "QH_KETNOI", "Connections",
                        ("Kết nối", "Quan hệ kết nối", "Connection list"),
                        _columns(
                            ID,
                            Column("source", "Nguồn", "Source", 40, _end("source", False),
                                   aliases=("Hệ thống nguồn", "Từ", "From")),
                            Column("type", "Loại quan hệ", "Relationship", 16, _type,
                                   aliases=("Quan hệ", "Relationship type", "Type")),
                            Column("target", "Đích", "Target", 40, _end("target", False),
                                   aliases=("Hệ thống đích", "Đến", "To")),
                            Column("source_id", "ID nguồn", "Source ID", 40,
                                   _end("source", True), aliases=("Mã nguồn",)),
                            Column("target_id", "ID đích", "Target ID", 40,
                                   _end("target", True), aliases=("Mã đích",)),
                            Column("name", "Tên kết nối", "Connection name", 30, _name,
                                   aliases=("Tên", "Name")),
                            *_field_columns(connection_fields),
                            DESCRIPTION))
    mapping = Sheet(MAPPING_SHEET, "ANHXA", "Framework mapping",
                    ("Ánh xạ", "Ánh xạ khung", "Mapping", "Ánh xạ khung kiến trúc"),
                    _columns(
                        ID, *[replace(c, read_only=True) for c in code_columns],
                        Column("name", "Tên", "Name", 44, _name, aliases=("Tên đối tượng",),
                               read_only=True),
                        Column("type", "Loại phần tử ArchiMate", "ArchiMate type", 26, _type,
                               aliases=("Loại ArchiMate", "Type"), read_only=True),
                        Column("component", "Thành phần khung quốc gia",
                               "National framework component", 44, _component,
                               aliases=("Thành phần khung", "Framework component",
                                        "Thành phần tham chiếu")),
                        Column("component_id", "Mã thành phần khung", "Component id", 24,
                               _component_id, aliases=("ID thành phần khung",)),
                        Column("component_group", "Thuộc nhóm", "Part of", 36,
                               _component_group, aliases=("Nhóm", "Group"), read_only=True),
                        Column("component_layer", "Lớp của thành phần", "Component's layer",
                               34, _component_layer, read_only=True)))
    tasks = Sheet(TASKS_SHEET, "HOANTHIEN_NV", "Gap-to-task plan",
                  ("Nhiệm vụ", "Kế hoạch nhiệm vụ", "Tasks", "Plan", "Lộ trình"),
                  _columns(
                      ID, *code_columns,
                      Column("gap", "Khoảng trống", "Gap", 36, _gaps,
                             aliases=("Khoảng trống (gap)", "Vấn đề")),
                      *_field_columns([f for f in task_fields if f.id == "handling_option"]),
                      Column("name", "Nhiệm vụ", "Task", 44, _name,
                             aliases=("Tên nhiệm vụ", "Tên", "Name", "Task name")),
                      NAME_EN,
                      Column("type", "Loại phần tử ArchiMate", "ArchiMate type", 22, _type,
                             aliases=("Loại ArchiMate", "Type")),
                      Column("objects", "Đối tượng liên quan", "Objects concerned", 44,
                             _task_objects, aliases=("Hệ thống liên quan", "Objects")),
                      *_field_columns(sorted(task_fields, key=_task_order),
                                      {"code", "handling_option"}),
                      DESCRIPTION))
    return objects, connections, mapping, tasks


def sheet_rows(inventory: Inventory, sheet: Sheet) -> list[Any]:
    """The model's rows of ``sheet`` (elements or relationships), in model order."""
    if sheet.key == CONNECTIONS_SHEET:
        return list(inventory.connections())
    if sheet.key == TASKS_SHEET:
        return inventory.tasks()
    return inventory.objects()


def allowed_types(inventory: Inventory, sheet: Sheet) -> tuple[str, ...]:
    """The ArchiMate types a row of ``sheet`` may have."""
    group = {OBJECTS_SHEET: OBJECTS, MAPPING_SHEET: OBJECTS, TASKS_SHEET: WORK,
             CONNECTIONS_SHEET: "connections"}[sheet.key]
    return inventory.schema.groups.get(group, ())
