"""The roadmap: the task rows by quarter, grouped by lead unit, with the budget totals by
year and funding source.

A task's quarters come from its "Bắt đầu" and "Thời hạn" fields (``Quý II/2026``, or a
year alone: from its first quarter, to its last); without a start it sits in its deadline's
quarter, without either it is listed as undated. A task's budget counts in its deadline's
year (else its start's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..concepts import Element
from .rows import Inventory
from .schema import MULTI_SEPARATOR

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUARTER = re.compile(r"^\s*(?:(?:Quý|Q)\s*(I{1,3}|IV|[1-4])\s*[/ ]\s*)?(\d{4})\s*$",
                      re.IGNORECASE)
#: The lead unit of a task that names none.
NO_UNIT = ""


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    def label(self, language: str = "vi") -> str:
        roman = ("I", "II", "III", "IV")[self.quarter - 1]
        return f"Quý {roman}/{self.year}" if language == "vi" else f"Q{self.quarter} {self.year}"

    def next(self) -> Quarter:
        return Quarter(self.year + self.quarter // 4, self.quarter % 4 + 1)


def parse_quarter(text: str | None, end: bool = False) -> Quarter | None:
    """``Quý IV/2026`` (or ``Q4 2026``) as a quarter; a year alone is its first quarter, or
    its last with ``end``; ``None`` for anything else."""
    if not text:
        return None
    match = _QUARTER.match(text)
    if not match:
        return None
    roman, year = match.groups()
    if roman is None:
        return Quarter(int(year), 4 if end else 1)
    number = int(roman) if roman.isdigit() else _ROMAN[roman.upper()]
    return Quarter(int(year), number)


@dataclass
class RoadmapTask:
    element: Element
    lead_unit: str
    start: Quarter | None
    end: Quarter | None
    budget: int | None
    funding: str
    progress: str
    handling: str

    @property
    def year(self) -> int | None:
        when = self.end or self.start
        return when.year if when else None


@dataclass
class Roadmap:
    """Tasks by lead unit (in order of their first quarter), the quarters they span, and
    the budget by (year, funding source)."""

    units: list[tuple[str, list[RoadmapTask]]] = field(default_factory=list)
    quarters: list[Quarter] = field(default_factory=list)
    totals: dict[tuple[int | None, str], int] = field(default_factory=dict)

    @property
    def tasks(self) -> list[RoadmapTask]:
        return [task for _unit, tasks in self.units for task in tasks]

    def years(self) -> list[int | None]:
        found = sorted({year for year, _ in self.totals if year is not None})
        return [*found, *([None] if any(y is None for y, _ in self.totals) else [])]

    def fundings(self) -> list[str]:
        return sorted({source for _, source in self.totals}, key=lambda s: (s == "", s))

    def total(self, year: int | None = None, funding: str | None = None) -> int:
        return sum(amount for (y, f), amount in self.totals.items()
                   if (year is None or y == year) and (funding is None or f == funding))


def _value(inventory: Inventory, task: Element, field_id: str) -> str:
    spec = inventory.schema.field(field_id)
    return (inventory.value(task, spec) if spec else None) or ""


def build_roadmap(inventory: Inventory) -> Roadmap:
    """The roadmap of the model's work packages and deliverables."""
    rows: list[RoadmapTask] = []
    for task in inventory.tasks():
        start = parse_quarter(_value(inventory, task, "start"))
        end = parse_quarter(_value(inventory, task, "deadline"), end=True)
        if start is None:
            start = end
        if end is None or (start is not None and end < start):
            end = start
        budget_text = _value(inventory, task, "budget")
        budget = int(budget_text) if budget_text.isdigit() else None
        lead = _value(inventory, task, "lead_unit").split(MULTI_SEPARATOR)[0].strip()
        rows.append(RoadmapTask(task, lead, start, end, budget,
                                _value(inventory, task, "funding_source"),
                                _value(inventory, task, "progress"),
                                _value(inventory, task, "handling_option")))
    never = Quarter(9999, 4)
    rows.sort(key=lambda r: (r.start or never, r.end or never, r.element.name.casefold()))
    roadmap = Roadmap()
    by_unit: dict[str, list[RoadmapTask]] = {}
    for row in rows:
        by_unit.setdefault(row.lead_unit, []).append(row)
        if row.budget:
            key = (row.year, row.funding)
            roadmap.totals[key] = roadmap.totals.get(key, 0) + row.budget
    roadmap.units = sorted(by_unit.items(), key=lambda item: (item[0] == NO_UNIT,
                                                             item[1][0].start or never,
                                                             item[0].casefold()))
    dated = [q for r in rows for q in (r.start, r.end) if q is not None]
    if dated:
        current, last = min(dated), max(dated)
        while current <= last:
            roadmap.quarters.append(current)
            current = current.next()
    return roadmap


def format_money(amount: int, language: str = "vi") -> str:
    """``1500000000`` as ``1.500.000.000`` (vi) or ``1,500,000,000`` (en)."""
    text = f"{amount:,}"
    return text.replace(",", ".") if language == "vi" else text
