"""Gap analysis between two plateaus (hiện trạng → chuyển tiếp → mục tiêu) and the task
rows it becomes.

A plateau holds the elements of its state by Aggregation or Composition (as the
``provincial-2026`` template draws it). Between a current and a later plateau an object is:

- **added**: only in the later one (handling option: its own, else "Bổ sung mới");
- **removed**: only in the earlier one (its own option, else "Thay thế, kết thúc sử dụng");
- **changed**: in both, with an option other than "Tiếp tục sử dụng" (standardise,
  upgrade...);
- **merged**: several earlier objects of one function (the two former provinces' LGSPs,
  see :mod:`.duplicates`), or one marked "Hợp nhất, tổ chức lại", that go while an object of
  the same function stays or comes: they merge into it.

Each difference becomes one task row: a Work Package named after the option and the
objects, carrying the option, the owner as lead unit and "Chưa bắt đầu"; it realizes the
object that remains and is associated with those that go and with one Gap between the two
plateaus. All of it is one command, one undo step; a difference that a task already covers
(a work package linked to the same objects) is not made twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...i18n import tr
from ..commands import AddElementCommand, Command, CompoundCommand, RelateCommand
from ..concepts import Element, Relationship
from ..ids import new_id
from ..model import Model
from ..rules import can_relate
from .duplicates import function_key
from .rows import TASK_LINKS, Inventory, plateau_members
from .schema import fold

ADDED, REMOVED, CHANGED, MERGED = "added", "removed", "changed", "merged"
KINDS = (ADDED, REMOVED, CHANGED, MERGED)
#: Handling options by id, as the 2025 profile names them (used when a profile has none).
HANDLING = {
    "tiep_tuc": ("Tiếp tục sử dụng", "Keep using"),
    "chuan_hoa_ket_noi": ("Chuẩn hóa, kết nối/tích hợp", "Standardise, connect/integrate"),
    "nang_cap_mo_rong": ("Nâng cấp, mở rộng", "Upgrade, extend"),
    "hop_nhat_to_chuc_lai": ("Hợp nhất, tổ chức lại", "Merge, reorganise"),
    "thay_the_ket_thuc": ("Thay thế, kết thúc sử dụng", "Replace, retire"),
    "bo_sung_moi": ("Bổ sung mới", "Add new"),
}
_DEFAULT_OPTION = {ADDED: "bo_sung_moi", REMOVED: "thay_the_ket_thuc",
                   MERGED: "hop_nhat_to_chuc_lai"}


@dataclass
class Difference:
    """One thing that differs between two plateaus, and the option that handles it.

    ``element_ids``: the object added or changed, or the objects removed or merged;
    ``successor_id``: the object merged ones become (``None`` when none was found)."""

    kind: str
    element_ids: list[str]
    handling: str
    handling_en: str
    successor_id: str | None = None

    def concerned(self) -> list[str]:
        return [*self.element_ids, *([self.successor_id] if self.successor_id else [])]

    def task_names(self, model: Model) -> tuple[str, str]:
        """The task's name in Vietnamese and English: the option, then the objects."""
        def names(language: str) -> str:
            old = ", ".join(model.element(i).name_in(language) for i in self.element_ids)
            if self.successor_id:
                return f"{old} → {model.element(self.successor_id).name_in(language)}"
            return old
        return f"{self.handling}: {names('vi')}", f"{self.handling_en}: {names('en')}"


@dataclass
class GapAnalysis:
    """What differs between ``source_id`` (earlier) and ``target_id`` (later)."""

    source_id: str
    target_id: str
    differences: list[Difference] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Difference]:
        return [d for d in self.differences if d.kind == kind]


def _option(inventory: Inventory, element: Element | None, kind: str) -> tuple[str, str]:
    """The handling option (vi, en): the element's own when set, else the kind's."""
    spec = inventory.schema.field("handling_option")
    if element is not None and spec is not None:
        own = inventory.value(element, spec)
        found = spec.choice(own) if own else None
        if found is not None and (kind != MERGED or found.id == "hop_nhat_to_chuc_lai"):
            return found.vi, found.en
    choice_id = _DEFAULT_OPTION.get(kind, "nang_cap_mo_rong")
    if spec is not None and (found := spec.choice(choice_id)) is not None:
        return found.vi, found.en
    return HANDLING[choice_id]


def _is_option(inventory: Inventory, element: Element, choice_id: str) -> bool:
    spec = inventory.schema.field("handling_option")
    if spec is None:
        return False
    value = inventory.value(element, spec)
    found = spec.choice(value) if value else None
    return found is not None and found.id == choice_id


def _key(inventory: Inventory, element: Element) -> str:
    spec = inventory.schema.field("former_admin_unit")
    unit = (inventory.value(element, spec) if spec else None) or ""
    return function_key(element, unit)


def analyse_gap(model: Model, source_id: str, target_id: str,
                inventory: Inventory | None = None) -> GapAnalysis:
    """The differences between two plateaus (ids of Plateau elements), objects only."""
    inventory = inventory or Inventory(model)
    before = [i for i in plateau_members(model, source_id) if inventory.is_object(i)]
    after = [i for i in plateau_members(model, target_id) if inventory.is_object(i)]
    before_set, after_set = set(before), set(after)
    removed = [model.element(i) for i in before if i not in after_set]
    added = [model.element(i) for i in after if i not in before_set]
    analysis = GapAnalysis(source_id, target_id)

    groups: dict[str, list[Element]] = {}
    for element in removed:
        groups.setdefault(_key(inventory, element), []).append(element)
    successors = {_key(inventory, model.element(i)): model.element(i) for i in after}
    merged_into: set[str] = set()
    going: set[str] = set()
    for key, members in groups.items():
        if len(members) < 2 and not _is_option(inventory, members[0], "hop_nhat_to_chuc_lai"):
            continue
        successor = successors.get(key)
        vi, en = _option(inventory, members[0], MERGED)
        analysis.differences.append(Difference(MERGED, [m.id for m in members], vi, en,
                                               successor.id if successor else None))
        going.update(m.id for m in members)
        if successor is not None:
            merged_into.add(successor.id)
    for element in removed:
        if element.id not in going:
            vi, en = _option(inventory, element, REMOVED)
            analysis.differences.append(Difference(REMOVED, [element.id], vi, en))
    for element in added:
        if element.id not in merged_into:
            vi, en = _option(inventory, element, ADDED)
            analysis.differences.append(Difference(ADDED, [element.id], vi, en))
    for element_id in before:
        element = model.element(element_id)
        if element_id in after_set and element_id not in merged_into \
                and not _is_option(inventory, element, "tiep_tuc") \
                and any(_is_option(inventory, element, c) for c in HANDLING):
            vi, en = _option(inventory, element, CHANGED)
            analysis.differences.append(Difference(CHANGED, [element_id], vi, en))
    order = {kind: n for n, kind in enumerate((MERGED, REMOVED, CHANGED, ADDED))}
    analysis.differences.sort(key=lambda d: order[d.kind])
    return analysis


def covered(inventory: Inventory, difference: Difference) -> bool:
    """True when a work package already handles the difference: it is linked to the object
    that remains (the successor, the added or changed object), or, when none remains, to
    every object that goes."""
    wanted = {difference.successor_id} if difference.successor_id else (
        {difference.element_ids[0]} if difference.kind in (ADDED, CHANGED)
        else set(difference.element_ids))
    return any(wanted <= {o.id for o in inventory.task_objects(task)}
               for task in inventory.tasks())


def _link(model: Model, source: Element, target_id: str, preferred: str) -> Relationship:
    target_type = model.element(target_id).type
    kind = preferred if can_relate(source.type, preferred, target_type) else "Association"
    return Relationship(new_id(), kind, source.id, target_id)


def _gap_element(model: Model, analysis: GapAnalysis) -> tuple[Element, list[Command]]:
    """A Gap associated with both plateaus: the one that exists, else a new one."""
    for element in model.elements:
        if element.type != "Gap":
            continue
        ends = {r.target if r.source == element.id else r.source
                for r in model.relationships_of(element.id) if r.type == "Association"}
        if {analysis.source_id, analysis.target_id} <= ends:
            return element, []
    source, target = model.element(analysis.source_id), model.element(analysis.target_id)
    gap = Element(new_id(), "Gap", f"Khoảng trống: {source.name} → {target.name}",
                  names={"en": f"Gap: {source.name_in('en')} → {target.name_in('en')}"})
    commands: list[Command] = [AddElementCommand(gap)]
    for plateau in (source, target):
        commands.append(RelateCommand(Relationship(new_id(), "Association", gap.id,
                                                   plateau.id)))
    return gap, commands


def gap_tasks_command(model: Model, analysis: GapAnalysis,
                      inventory: Inventory | None = None) -> CompoundCommand | None:
    """The command that adds a task row (work package) for each difference not yet
    covered, tied to a Gap between the two plateaus; ``None`` when every one is."""
    inventory = inventory or Inventory(model)
    todo = [d for d in analysis.differences if not covered(inventory, d)]
    if not todo:
        return None
    gap, commands = _gap_element(model, analysis)
    schema = inventory.schema
    owner = schema.field("owner")
    fields = {f: schema.field(f) for f in ("handling_option", "lead_unit", "progress")}
    progress = fields["progress"].choice("chua_bat_dau") if fields["progress"] else None
    for difference in todo:
        vi, en = difference.task_names(model)
        properties: list[tuple[str, str]] = []
        if fields["handling_option"] is not None:
            properties.append((fields["handling_option"].property, difference.handling))
        main = model.element(difference.successor_id or difference.element_ids[0])
        lead = inventory.value(main, owner) if owner else None
        if lead and fields["lead_unit"] is not None:
            properties.append((fields["lead_unit"].property, lead))
        if progress is not None and fields["progress"] is not None:
            properties.append((fields["progress"].property, progress.vi))
        task = Element(new_id(), "WorkPackage", vi, names={"en": en}, properties=properties)
        commands.append(AddElementCommand(task))
        commands.append(RelateCommand(Relationship(new_id(), "Association", task.id, gap.id)))
        realized = difference.successor_id or (
            difference.element_ids[0] if difference.kind in (ADDED, CHANGED) else None)
        if realized is not None:
            commands.append(RelateCommand(_link(model, task, realized, "Realization")))
        for element_id in difference.element_ids:
            if element_id != realized:
                commands.append(RelateCommand(_link(model, task, element_id, "Association")))
    source = model.element(analysis.source_id).name
    target = model.element(analysis.target_id).name
    return CompoundCommand(tr("Tasks from the gap analysis {source} → {target}",
                              source=source, target=target), commands)


#: The three plateaus of a provincial architecture and the "Trạng thái" values each holds.
STANDARD_PLATEAUS = (
    ("Hiện trạng", "Current state", ("hien_trang", "hien_trang_va_muc_tieu")),
    ("Chuyển tiếp", "Transition state", ()),
    ("Mục tiêu", "Target state", ("muc_tieu", "hien_trang_va_muc_tieu")),
)


def plateaus_from_states_command(model: Model, inventory: Inventory | None = None
                                 ) -> CompoundCommand | None:
    """The plateaus "Hiện trạng", "Chuyển tiếp" and "Mục tiêu" (those missing are added,
    one triggering the next) holding the objects whose "current / target" field says so;
    ``None`` when nothing is missing."""
    inventory = inventory or Inventory(model)
    spec = inventory.schema.field("state")
    commands: list[Command] = []
    previous: Element | None = None
    for vi, en, states in STANDARD_PLATEAUS:
        plateau = find_plateau(model, vi)
        if plateau is None:
            plateau = Element(new_id(), "Plateau", vi, names={"en": en})
            commands.append(AddElementCommand(plateau))
            if previous is not None:
                commands.append(RelateCommand(Relationship(new_id(), "Triggering",
                                                           previous.id, plateau.id)))
        members = set(plateau_members(model, plateau.id))
        for element in inventory.objects() if spec is not None else []:
            value = inventory.value(element, spec) if spec else None
            choice = spec.choice(value) if spec and value else None
            if choice is not None and choice.id in states and element.id not in members:
                commands.append(RelateCommand(Relationship(new_id(), "Aggregation",
                                                           plateau.id, element.id)))
        previous = plateau
    if not commands:
        return None
    return CompoundCommand(tr("Plateaus from the current/target column"), commands)


def plateau_label(element: Element) -> str:
    """How a plateau is named in a list (its name, else its id)."""
    return element.name or element.id


def find_plateau(model: Model, text: str) -> Element | None:
    """The plateau with id or (folded) name ``text``."""
    for element in model.elements:
        if element.type == "Plateau" and (element.id == text or fold(element.name) == fold(
                text) or fold(element.name_in("en")) == fold(text)):
            return element
    return None


__all__ = ["ADDED", "CHANGED", "KINDS", "MERGED", "REMOVED", "TASK_LINKS", "Difference",
           "GapAnalysis", "analyse_gap", "covered", "find_plateau", "gap_tasks_command",
           "plateaus_from_states_command"]
