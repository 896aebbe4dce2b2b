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
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ...i18n import current_language, tr
from ..catalog import FrameworkRule
from ..concepts import Element
from ..metamodel import ELEMENT_TYPES
from ..problems import Problem
from .context import CheckContext, element_name, finding, property_value
from .literal_prefilter import prefiltered, prefiltered_many

if TYPE_CHECKING:
    from .reachability import Reach, ViaReach


def _judged_type(element: Element, layers: Iterable[str] | None) -> bool:
    """Whether the element's ArchiMate layer is among ``layers`` (all when ``None``)."""
    if not layers:
        return True
    layer = _ARCHIMATE_LAYER.get(element.type)
    return layer is not None and layer in layers


#: Each element type's ArchiMate layer, by name ("business", "application", ...).
_ARCHIMATE_LAYER = {name: t.layer.value for name, t in ELEMENT_TYPES.items()}


def _of_judged_types(elements: list[Element], layers: list[str] | None) -> list[Element]:
    """The ``elements`` :func:`_judged_type` accepts, in their order."""
    if not layers:
        return elements
    types = _types_of_layers(tuple(layers))
    return [e for e in elements if e.type in types]


@lru_cache(maxsize=64)
def _types_of_layers(layers: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name for name, layer in _ARCHIMATE_LAYER.items() if layer in layers)


@lru_cache(maxsize=256)
def _pattern(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """One test for "any of ``patterns`` is found in the text", compiled once: the patterns
    joined into one expression when they can be (one leading ``(?i)`` shared by all, or
    each made a scoped ``(?i:...)``), else each compiled on its own."""
    if not patterns:
        return lambda text: False
    return prefiltered(patterns, _search(patterns))


@lru_cache(maxsize=256)
def _pattern_many(patterns: tuple[str, ...]) -> Callable[[list[str]], list[bool]]:
    """:func:`_pattern` for many texts at once (whole-model validation asks it of every
    name): the answer for each."""
    if not patterns:
        return lambda texts: [False] * len(texts)
    return prefiltered_many(patterns, _search(patterns))


def _search(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """The regular-expression search of :func:`_pattern` (see its docstring)."""
    compiled = [re.compile(pattern) for pattern in patterns]
    if len(compiled) == 1 or any(c.groups or "(?P" in c.pattern for c in compiled):
        # one pattern, or groups whose numbers or names joining would change
        return lambda text: any(c.search(text) for c in compiled)
    leading = [re.match(r"\(\?([imsx]+)\)", pattern) for pattern in patterns]
    flags = {m.group(1) if m else "" for m in leading}
    if len(flags) == 1:  # one global flag for all (the usual "(?i)"): fastest to search
        common = flags.pop()
        joined_text = (f"(?{common})" if common else "") + "|".join(
            f"(?:{pattern[m.end() if m else 0:]})"
            for pattern, m in zip(patterns, leading, strict=True))
    else:
        joined_text = "|".join(f"(?{m.group(1)}:{pattern[m.end():]})" if m else f"(?:{pattern})"
                               for pattern, m in zip(patterns, leading, strict=True))
    try:
        joined = re.compile(joined_text)
    except re.error:
        return lambda text: any(c.search(text) for c in compiled)
    return lambda text: joined.search(text) is not None


def _matches(patterns: list[str], text: str) -> bool:
    """Whether any of ``patterns`` (a rule's parameter list) is found in ``text``."""
    return _matcher(patterns)(text)


def _matcher(patterns: list[str]) -> Callable[[str], bool]:
    """The test of :func:`_matches` for ``patterns``, made once per list."""
    found = _MATCHERS.get(id(patterns))
    if found is None or found[0] is not patterns:
        found = _MATCHERS[id(patterns)] = (patterns, _pattern(tuple(patterns)))
    return found[1]


#: id of a rule's pattern list -> (the list, its test): rules live as long as their
#: catalog, and the list itself is kept to tell a reused id from the same list.
_MATCHERS: dict[int, tuple[list[str], Callable[[str], bool]]] = {}


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
def linked_via_subject(ctx: CheckContext, rule: FrameworkRule, element: Element) -> bool:
    """What the rule judges: elements of ``from`` or with one of the property values, of
    the rule's scopes."""
    p = rule.params
    hit = ctx.is_a(element, p["from"])
    by_property = p.get("from_property") or {}
    if not hit and by_property:
        raw = property_value(element, by_property.get("property", ""))
        hit = bool(raw and {v.strip() for v in raw.split(";")}
                   & set(by_property.get("any_of", [])))
    scopes = p.get("from_scopes")
    return hit and (not scopes or ctx.effective_scope(element) in scopes)


def linked_via_candidates(ctx: CheckContext, rule: FrameworkRule,
                          elements: list[Element]) -> list[Element]:
    """The elements :func:`linked_via_subject` can accept: of ``from``, or carrying the
    rule's property."""
    p = rule.params
    of_components = ctx.elements_of(p["from"])
    key = (p.get("from_property") or {}).get("property")
    if not key:
        return of_components
    wanted = {e.id for e in of_components}
    return [e for e in elements if e.id in wanted
            or (e.properties and property_value(e, key) is not None)]


def linked_via_reach(ctx: CheckContext, rule: FrameworkRule) -> list[Reach | ViaReach]:
    return [ctx.reach_via(rule.params)]


def linked_via(ctx: CheckContext, rule: FrameworkRule, element: Element) -> list[Problem]:
    """An element the rule judges with no path to ``to`` through ``via`` (a breadth-first
    walk over (element, passed ``via`` yet), through platforms only)."""
    p = rule.params
    if not linked_via_subject(ctx, rule, element) or ctx.reach_via(p).reaches(element):
        return []
    lang = current_language()
    targets = ", ".join(ctx.catalog.component(t).name(lang) for t in p["to"]
                        if ctx.catalog.has_component(t))
    return [finding(rule, (element.id,), element=element_name(element), target=targets)]


def linked_via_gate(ctx: CheckContext, rule: FrameworkRule, findings: list[Problem],
                    subjects: int) -> list[Problem]:
    """Nothing to say outside a provincial model for a provincial-only rule, nor when the
    model has no target and the rule says to skip then."""
    p = rule.params
    if p.get("provincial_only") and not ctx.provincial():
        return []
    if p.get("when_target_absent", "report") == "skip" and not ctx.has_elements_of(p["to"]):
        return []
    return findings


# ----------------------------------------------------------------------- no_duplicate
def no_duplicate(ctx: CheckContext, rule: FrameworkRule, element: Element) -> list[Problem]:
    """A local element that repeats the function of a national shared platform."""
    p = rule.params
    if not _judged_type(element, p.get("archimate_layers")):
        return []
    nationals, any_pattern = _platforms(p["platforms"])
    if not ctx.is_a(element, nationals) and not any_pattern(element.name):
        return []  # no entry can speak of it (the question each entry asks first)
    if ctx.effective_scope(element) not in p["local_scopes"]:
        return []
    lang = current_language()
    for entry in p["platforms"]:
        if ctx.is_a(element, entry.get("exempt", [])):
            continue
        if not (ctx.is_a(element, entry["national"])
                or _matches(entry.get("name_patterns", []), element.name)):
            continue
        national = ctx.catalog.find_component(entry["national"][0])
        return [finding(
            rule, (element.id,), element=element_name(element),
            platform=national.name(lang) if national else entry["national"][0],
            function=entry.get("function_en" if lang == "en" else "function_vi", ""))]
    return []


def no_duplicate_candidates(ctx: CheckContext, rule: FrameworkRule,
                            elements: list[Element]) -> list[Element]:
    """The elements :func:`no_duplicate` can report: of a judged type, and of a national
    platform's component or named like one (the question it asks first; every name at
    once, issue 19)."""
    p = rule.params
    nationals, _ = _platforms(p["platforms"])
    national = {e.id for e in ctx.elements_of(nationals)}
    judged = _of_judged_types(elements, p.get("archimate_layers"))
    named = _pattern_many(tuple(pattern for entry in p["platforms"]
                                for pattern in entry.get("name_patterns", [])))
    return [e for e, like in zip(judged, named([e.name for e in judged]), strict=True)
            if like or e.id in national]


def _platforms(entries: list[dict[str, Any]]) -> tuple[frozenset[str], Callable[[str], bool]]:
    """Every entry's national components, and one test for any entry's name patterns."""
    key = id(entries)
    found = _PLATFORMS.get(key)
    if found is None or found[0] is not entries:
        nationals = frozenset(c for entry in entries for c in entry["national"])
        patterns = tuple(p for entry in entries for p in entry.get("name_patterns", []))
        found = _PLATFORMS[key] = (entries, nationals, _pattern(patterns))
    return found[1], found[2]


_PLATFORMS: dict[int, tuple[list[dict[str, Any]], frozenset[str], Callable[[str], bool]]] = {}


# -------------------------------------------------------------------- abolished_scope
def abolished_scope(ctx: CheckContext, rule: FrameworkRule, element: Element) -> list[Problem]:
    """An element of an administrative level that no longer exists."""
    p = rule.params
    if not _judged_type(element, p.get("archimate_layers")):
        return []
    handling = p.get("handling_property", "")
    if handling and property_value(element, handling) in p.get("exempt_handling", []):
        return []
    if (ctx.effective_scope(element) in p["scopes"]
            or _matches(p.get("name_patterns", []), element.name)):
        return [finding(rule, (element.id,), element=element_name(element))]
    return []


def abolished_scope_candidates(ctx: CheckContext, rule: FrameworkRule,
                               elements: list[Element]) -> list[Element]:
    """The elements :func:`abolished_scope` can report: of a judged type, and of an
    abolished scope or named after one (the handling property is left to the check;
    every scope and name at once, issue 19)."""
    p = rule.params
    scopes = p["scopes"]
    judged = _of_judged_types(elements, p.get("archimate_layers"))
    named = _pattern_many(tuple(p.get("name_patterns", [])))([e.name for e in judged])
    return [e for e, scope, like in zip(judged, ctx.effective_scopes(judged), named,
                                        strict=True)
            if like or scope in scopes]
