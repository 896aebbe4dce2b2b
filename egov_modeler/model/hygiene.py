"""Checks of a model's upkeep, whatever its framework: elements no view shows, and
elements of one type that carry the same name.

Both are warnings, never errors: an element kept off the diagrams on purpose (an
inventory row) or two systems with one name in two districts can be right, and the
architect accepts such a warning with a reason (:mod:`egov_modeler.model.accepted`).

Why they matter in a dossier: an element on no view is printed only in the catalog
appendix, which a reviewer reads as a leftover; two "Cổng Dịch vụ công" ApplicationComponents
are usually one system entered twice (once typed with, once without diacritics), and the
relationships split between them.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from ..i18n import tr
from .concepts import Element
from .framework_rules.work import WORK
from .metamodel import ELEMENT_TYPES
from .model import Model
from .problems import Problem, Severity
from .text_fold import name_keys

UNUSED_ELEMENT_RULE = "unused-element"
DUPLICATE_NAME_RULE = "duplicate-name"
#: Types never reported as unused: a junction is only ever a point of a diagram's lines.
_NOT_REPORTED_UNUSED = {"AndJunction", "OrJunction"}
_ID = attrgetter("id")


def unused_elements(model: Model) -> list[Problem]:
    """One warning per element that no view shows, in the order of the elements' ids
    (the order validation lists them in: :func:`.validation.validate` then places the
    whole block among the other problems instead of sorting 17,500 warnings again,
    issue 19). A model without views (a CSV or inventory import) is not a diagram model
    yet: nothing is reported."""
    views = model.views
    if not views:
        return []
    shown = {n.element_id for v in views for n in v.nodes.values() if n.element_id}
    elements = model.elements
    WORK.add(sum(len(v.nodes) for v in views) + len(elements))
    # an inventory imported into a model with views leaves most elements on none (17,000
    # of 20,000, issue 19): the message's words are looked up once, not per element
    message = tr("‘{name}’ is on no view")  # as unused_problem words it
    warning = Severity.WARNING
    unused = [e for e in elements if e.id not in shown and e.type not in _NOT_REPORTED_UNUSED]
    unused.sort(key=_ID)  # the ids themselves: compared faster than the problems' keys
    before, field, after = message.partition("{name}")
    if field and not any(brace in before + after for brace in "{}"):
        # the words around the name, joined to it: what format gives, at a third the cost
        return [Problem(warning, UNUSED_ELEMENT_RULE, f"{before}{e.name or e.id}{after}",
                        (e.id,)) for e in unused]
    return [Problem(warning, UNUSED_ELEMENT_RULE, message.format(name=e.name or e.id), (e.id,))
            for e in unused]


def can_be_unused(element: Element) -> bool:
    """Whether ``element`` is reported when no view shows it (a junction never is)."""
    return element.type not in _NOT_REPORTED_UNUSED


def unused_problem(element: Element) -> Problem:
    """The warning for ``element``, which no view shows."""
    return Problem(Severity.WARNING, UNUSED_ELEMENT_RULE,
                   tr("‘{name}’ is on no view", name=element.name or element.id),
                   (element.id,))


def duplicate_names(model: Model) -> list[Problem]:
    """One warning per group of elements of the same type whose names are the same but
    for case, diacritics and spacing.

    Each element's (type, name key) is counted at C speed first: in a large model few or
    none are shared (issue 19), and only the elements of a shared one are grouped."""
    elements = model.elements
    WORK.add(len(elements))
    typed = list(zip([e.type for e in elements], name_keys([e.name for e in elements]),
                     strict=True))
    counts = Counter(typed)
    if len(counts) == len(typed):
        return []  # no two elements share a type and a name key
    shared = {pair for pair, count in counts.items() if count > 1 and pair[1]}
    if not shared:
        return []  # only unnamed elements
    # each group listed where its first member is in the model, its members in order
    groups: dict[tuple[str, str], list[Element]] = {}
    for element, pair in zip(elements, typed, strict=True):
        if pair in shared:
            groups.setdefault(pair, []).append(element)
    WORK.add(len(counts) + sum(len(members) for members in groups.values()))
    return [duplicate_problem(members) for members in groups.values()]


def duplicate_problem(members: list[Element]) -> Problem:
    """The warning for ``members``, elements of one type with one name (in the model's
    order: the first one's name is quoted)."""
    first = members[0]
    etype = ELEMENT_TYPES.get(first.type)
    return Problem(
        Severity.WARNING, DUPLICATE_NAME_RULE,
        tr("{count} elements of type {type} are named ‘{name}’", count=len(members),
           type=etype.label if etype else first.type, name=first.name),
        tuple(e.id for e in members))


def hygiene_problems(model: Model) -> list[Problem]:
    """Every upkeep warning of the model."""
    return unused_elements(model) + duplicate_names(model)
