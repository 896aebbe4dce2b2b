"""Checks of the 2025 rules: a path through a platform, no local copy of a national
platform, no district level after the two-tier reform.

* ``linked_via`` -- every subject reaches a target through a given platform (NĐ 278/2025:
  master and shared data of ministries and provinces sync with the CSDL tổng hợp quốc gia
  through NDOP);
* ``no_duplicate`` -- a local element that repeats the function of a national shared
  platform ("Trung ương đã làm thì địa phương không làm lại");
* ``abolished_scope`` -- an element of an administrative level that no longer exists (the
  district level ended on 1/7/2025).

Scopes are read with :meth:`CheckContext.effective_scope`; which components, levels and
names count lives in the rule's parameters.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Mapping
from typing import Any

from ...i18n import current_language, tr
from ..catalog import FrameworkRule
from ..concepts import Element
from ..metamodel import ELEMENT_TYPES
from ..problems import Problem
from .context import CheckContext, element_name, finding, property_value

_LINK = ("Flow", "Triggering", "Serving", "Access", "Association", "Realization")


def _judged_type(element: Element, layers: Iterable[str] | None) -> bool:
    """Whether the element's ArchiMate layer is among ``layers`` (all when ``None``)."""
    if not layers:
        return True
    element_type = ELEMENT_TYPES.get(element.type)
    return element_type is not None and element_type.layer.value in set(layers)


def _matches(patterns: Iterable[str], text: str) -> bool:
    return any(re.search(pattern, text) for pattern in patterns)


def check_patterns(params: dict[str, Any]) -> str | None:
    """A message for a rule whose ``name_patterns`` (anywhere in it) do not compile."""
    entries = [params, *params.get("platforms", [])] if isinstance(
        params.get("platforms"), list) else [params]
    for entry in entries:
        if not isinstance(entry, dict):
            return tr("each entry of ‘platforms’ must be an object")
        for pattern in entry.get("name_patterns", []):
            try:
                re.compile(pattern)
            except (re.error, TypeError) as exc:
                return tr("‘name_patterns’: {pattern} is not a valid regular expression: "
                          "{reason}", pattern=pattern, reason=str(exc))
    return None


# ------------------------------------------------------------------------- linked_via
def _subjects(ctx: CheckContext, p: Mapping[str, Any]) -> list[Element]:
    found = []
    by_property = p.get("from_property") or {}
    wanted = set(by_property.get("any_of", []))
    scopes = p.get("from_scopes")
    for element in ctx.model.elements:
        hit = ctx.is_a(element, p["from"])
        if not hit and by_property:
            raw = property_value(element, by_property.get("property", "")) or ""
            hit = bool({v.strip() for v in raw.split(";")} & wanted)
        if hit and (not scopes or ctx.effective_scope(element) in scopes):
            found.append(element)
    return found


def _reaches_via(ctx: CheckContext, start: Element, p: Mapping[str, Any]) -> bool:
    """Breadth-first over (element, passed the ``via`` platform yet): a target counts only
    when the path to it went through ``via``; only platforms are walked through."""
    types = set(p.get("relationship_types") or _LINK)
    directed = bool(p.get("directed", False))
    passable = set(p.get("platforms", [])) | set(p["via"])
    seen = {(start.id, False)}
    queue = deque(seen)
    while queue:
        current, via_seen = queue.popleft()
        for other_id in ctx.neighbours(current, types, directed):
            other = ctx.element(other_id)
            if other is None:
                continue
            if ctx.is_a(other, p["to"]):
                if via_seen:
                    return True
                continue
            if not ctx.is_a(other, passable):
                continue
            state = (other_id, via_seen or ctx.is_a(other, p["via"]))
            if state not in seen:
                seen.add(state)
                queue.append(state)
    return False


def linked_via(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    if p.get("provincial_only") and not ctx.provincial():
        return []
    if p.get("when_target_absent", "report") == "skip" and not ctx.elements_of(p["to"]):
        return []
    lang = current_language()
    targets = ", ".join(ctx.catalog.component(t).name(lang) for t in p["to"]
                        if ctx.catalog.has_component(t))
    return [finding(rule, (e.id,), element=element_name(e), target=targets)
            for e in _subjects(ctx, p) if not _reaches_via(ctx, e, p)]


# ----------------------------------------------------------------------- no_duplicate
def no_duplicate(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    lang = current_language()
    problems: list[Problem] = []
    for element in ctx.model.elements:
        if not _judged_type(element, p.get("archimate_layers")):
            continue
        if ctx.effective_scope(element) not in p["local_scopes"]:
            continue
        for entry in p["platforms"]:
            if ctx.is_a(element, entry.get("exempt", [])):
                continue
            if not (ctx.is_a(element, entry["national"])
                    or _matches(entry.get("name_patterns", []), element.name)):
                continue
            national = ctx.catalog.find_component(entry["national"][0])
            problems.append(finding(
                rule, (element.id,), element=element_name(element),
                platform=national.name(lang) if national else entry["national"][0],
                function=entry.get("function_en" if lang == "en" else "function_vi", "")))
            break
    return problems


# -------------------------------------------------------------------- abolished_scope
def abolished_scope(ctx: CheckContext, rule: FrameworkRule) -> list[Problem]:
    p = rule.params
    exempt = set(p.get("exempt_handling", []))
    handling = p.get("handling_property", "")
    problems: list[Problem] = []
    for element in ctx.model.elements:
        if not _judged_type(element, p.get("archimate_layers")):
            continue
        if handling and property_value(element, handling) in exempt:
            continue
        if (ctx.effective_scope(element) in p["scopes"]
                or _matches(p.get("name_patterns", []), element.name)):
            problems.append(finding(rule, (element.id,), element=element_name(element)))
    return problems
