"""Which relationships the model accepts: the ArchiMate table plus pluggable framework rules.

One set of functions, two callers (DESIGN.md, "The rules"): the command layer calls
:func:`check_relate` / :func:`check_relationship`, which raise a typed error with a translated
reason; the canvas calls :func:`can_relate` and :func:`allowed_relationship_types` to offer
only valid relationship types and to dim invalid targets while a connection is dragged. The
canvas asks thousands of times per drag, so the table is loaded once into a dict of frozensets.

ArchiMate validity comes from ``resources/archimate/relationship_table.json`` (ArchiMate 3.2
Appendix B as Archi enforces it; format in the README next to it). Framework rules (the
Vietnamese e-Government Architecture Framework's layering, LGSP/NGSP, ...) are data-driven and
live elsewhere; they plug in here as :class:`RuleProvider` objects so this module does not
depend on the framework catalog, nor on the Model class (``model`` is duck-typed to avoid an
import cycle).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

from egov_modeler.i18n import tr
from egov_modeler.model.errors import (
    ModelError,
    RelationshipNotAllowed,
    UnknownIdError,
    UnknownTypeError,
)
from egov_modeler.model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES, element_type
from egov_modeler.model.problems import Problem, Severity

__all__ = [
    "ARCHIMATE_RULE",
    "JUNCTION_CONCEPT",
    "RELATIONSHIP_CONCEPT",
    "TABLE_FORMAT_VERSION",
    "RuleProvider",
    "allowed_relationship_types",
    "can_relate",
    "check_junction_types",
    "check_relate",
    "check_relationship",
    "concept_of",
    "invalid_junction_paths",
    "PROVIDER_FAILED_RULE",
    "provider_findings",
    "provider_model_findings",
    "register_rule_provider",
    "relationship_table",
    "rule_providers",
    "unregister_rule_provider",
]

log = logging.getLogger(__name__)

#: Rule id of refusals that come from the ArchiMate table (framework rules have their own ids).
ARCHIMATE_RULE = "archimate"
#: Pseudo-concept for a relationship used as the source or target of another relationship.
RELATIONSHIP_CONCEPT = "Relationship"
#: The table's name for both junction kinds; ``AndJunction``/``OrJunction`` map to it.
JUNCTION_CONCEPT = "Junction"
#: The ``format_version`` of relationship_table.json this code reads.
TABLE_FORMAT_VERSION = 1

_NOTHING: frozenset[str] = frozenset()


# --- The ArchiMate table -------------------------------------------------------------------

@cache
def relationship_table() -> dict[tuple[str, str], frozenset[str]]:
    """``{(source concept, target concept): allowed relationship names}``, loaded once.

    Keyed by pair rather than by triple so that :func:`allowed_relationship_types` is one
    look-up too. A broken or missing table is a packaging bug, not a user error: it raises
    :class:`ModelError` loudly rather than silently allowing or refusing everything.
    """
    resource = (
        resources.files("egov_modeler") / "resources" / "archimate" / "relationship_table.json"
    )
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"ArchiMate relationship table unreadable: {exc}") from exc
    if data.get("format_version") != TABLE_FORMAT_VERSION:
        raise ModelError(
            f"ArchiMate relationship table has format_version {data.get('format_version')!r},"
            f" expected {TABLE_FORMAT_VERSION}"
        )
    pairs: dict[tuple[str, str], set[str]] = {}
    for source, by_relationship in data["table"].items():
        for relationship, targets in by_relationship.items():
            for target in targets:
                pairs.setdefault((source, target), set()).add(relationship)
    known = set(_concepts().values())
    unknown = {c for pair in pairs for c in pair} - known
    if unknown:
        log.warning("relationship table names unknown concepts: %s", sorted(unknown))
    return {pair: frozenset(rels) for pair, rels in pairs.items()}


@cache
def _concepts() -> dict[str, str]:
    """Every accepted type name -> the concept name the table uses for it."""
    concepts = {
        name: JUNCTION_CONCEPT if t.is_junction else name for name, t in ELEMENT_TYPES.items()
    }
    concepts[JUNCTION_CONCEPT] = JUNCTION_CONCEPT
    concepts[RELATIONSHIP_CONCEPT] = RELATIONSHIP_CONCEPT
    return concepts


def can_relate(source_type: str, relationship_type: str, target_type: str) -> bool:
    """True when ArchiMate allows ``relationship_type`` from ``source_type`` to ``target_type``.

    Types are exchange-format names; ``AndJunction``/``OrJunction`` (or ``"Junction"``) and
    :data:`RELATIONSHIP_CONCEPT` are accepted too. The boolean twin of :func:`check_relate`
    for the canvas: an unknown name is simply not allowed (False), never an exception.
    """
    concepts = _concepts()
    source = concepts.get(source_type)
    target = concepts.get(target_type)
    if source is None or target is None:
        return False
    return relationship_type in relationship_table().get((source, target), _NOTHING)


def allowed_relationship_types(source_type: str, target_type: str) -> list[str]:
    """The relationship types ArchiMate allows from source to target, most specific first.

    The order is that of :data:`~egov_modeler.model.metamodel.RELATIONSHIP_TYPES`: structural
    (Composition, Aggregation, Assignment, Realization), dependency (Serving, Access,
    Influence), dynamic (Triggering, Flow), Specialization, and Association, the catch-all,
    last; so a menu's first entry is the strongest statement the user can make. Unknown types
    give an empty list.
    """
    concepts = _concepts()
    source = concepts.get(source_type)
    target = concepts.get(target_type)
    if source is None or target is None:
        return []
    allowed = relationship_table().get((source, target), _NOTHING)
    return [name for name in RELATIONSHIP_TYPES if name in allowed]


def _concept_label(type_name: str) -> str:
    if type_name == RELATIONSHIP_CONCEPT:
        return tr("Relationship")
    if type_name == JUNCTION_CONCEPT:
        return tr("Junction")
    return element_type(type_name).label


def check_relate(source_type: str, relationship_type: str, target_type: str) -> None:
    """Raise unless ArchiMate allows the relationship; the reason names the types.

    :class:`UnknownTypeError` for a name the metamodel does not know (a different problem
    from a forbidden combination, so a different message), :class:`RelationshipNotAllowed`
    with ``rule="archimate"`` for a combination the table forbids.
    """
    for name in (source_type, target_type):
        if name not in _concepts():
            raise UnknownTypeError(tr("Unknown ArchiMate element type: {name}", name=name))
    if relationship_type not in RELATIONSHIP_TYPES:
        raise UnknownTypeError(
            tr("Unknown ArchiMate relationship type: {name}", name=relationship_type)
        )
    if not can_relate(source_type, relationship_type, target_type):
        raise RelationshipNotAllowed(
            tr(
                "ArchiMate does not allow {relationship} from {source} to {target}",
                relationship=RELATIONSHIP_TYPES[relationship_type].label,
                source=_concept_label(source_type),
                target=_concept_label(target_type),
            ),
            rule=ARCHIMATE_RULE,
        )


# --- Junctions -----------------------------------------------------------------------------

def check_junction_types(relationship_types_through_junction: Iterable[str]) -> bool:
    """True when every relationship attached to one junction has the same type.

    ArchiMate lets a junction join relationships of one type only (a junction is a shorthand
    for several relationships of that type); the pair table cannot say this, because each
    relationship is checked on its own. This is what Archi's Validator ``JunctionsChecker``
    reports. Pass the types of all relationships whose source or target is the junction; no
    or one relationship is trivially fine.
    """
    return len(set(relationship_types_through_junction)) <= 1


def invalid_junction_paths(
    relationship_type: str, source_types: Iterable[str], target_types: Iterable[str]
) -> list[tuple[str, str]]:
    """The (source, target) element-type pairs that a junction of one type joins wrongly.

    Each incoming source and each outgoing target of a junction together stand for a direct
    ``relationship_type`` relationship, which must itself be allowed. Junctions on either side
    are skipped: the caller resolves chains of junctions to the elements at their ends. This
    goes beyond Archi's JunctionsChecker (which only compares types); it is offered for the
    validator to use as a warning.
    """
    targets = [t for t in target_types if _concepts().get(t) != JUNCTION_CONCEPT]
    return [
        (source, target)
        for source in source_types
        if _concepts().get(source) != JUNCTION_CONCEPT
        for target in targets
        if not can_relate(source, relationship_type, target)
    ]


# --- Framework rule providers --------------------------------------------------------------

@runtime_checkable
class RuleProvider(Protocol):
    """A source of extra rules, such as the framework catalog's rules.

    ``relationship_findings`` is called at drawing time, before a relationship is created:
    a finding with :attr:`Severity.ERROR` refuses it, a warning is returned to the caller (and
    shown). ``model_findings`` is called by validation over the whole model. ``model`` is the
    live model (duck-typed: ``has_element``, ``has_relationship``, ``element(id).type``...).
    Providers must not edit the model.
    """

    def relationship_findings(
        self, model: Any, source_id: str, relationship_type: str, target_id: str
    ) -> list[Problem]:
        """Findings about a relationship that is about to be created."""
        ...

    def model_findings(self, model: Any) -> list[Problem]:
        """Findings about the model as a whole (for the Problems panel and ``validate``)."""
        ...


_providers: list[RuleProvider] = []


def register_rule_provider(provider: RuleProvider) -> None:
    """Add a provider; registering the same object twice keeps one registration."""
    if not any(p is provider for p in _providers):
        _providers.append(provider)


def unregister_rule_provider(provider: RuleProvider) -> None:
    """Remove a provider; removing one that is not registered does nothing (easy teardown)."""
    _providers[:] = [p for p in _providers if p is not provider]


def rule_providers() -> tuple[RuleProvider, ...]:
    """The registered providers, in registration order (a snapshot, safe to iterate)."""
    return tuple(_providers)


def concept_of(model: Any, item_id: str) -> str:
    """The table concept of an id: its element type, or :data:`RELATIONSHIP_CONCEPT`."""
    if model.has_element(item_id):
        return model.element(item_id).type
    if model.has_relationship(item_id):
        return RELATIONSHIP_CONCEPT
    raise UnknownIdError(tr("No element or relationship with id {id}", id=item_id))


def check_relationship(
    model: Any, source_id: str, relationship_type: str, target_id: str
) -> list[Problem]:
    """Check a relationship about to be drawn between two model items, by their ids.

    Runs :func:`check_relate` on the items' types, then every registered provider. Raises
    :class:`RelationshipNotAllowed` (with the finding's rule id) for the first ERROR finding;
    returns the WARNING findings, for the caller to show. A provider that crashes is logged
    and skipped: a bug in one framework rule must not stop the user from drawing.
    """
    check_relate(concept_of(model, source_id), relationship_type, concept_of(model, target_id))
    warnings: list[Problem] = []
    for provider in rule_providers():
        try:
            findings = list(
                provider.relationship_findings(model, source_id, relationship_type, target_id)
            )
        except Exception:
            log.exception("rule provider %r failed; its rules were skipped", provider)
            continue
        for finding in findings:
            if finding.severity == Severity.ERROR:
                raise RelationshipNotAllowed(finding.message, rule=finding.rule)
            warnings.append(finding)
    return warnings


#: Rule id of the error that stands for a provider that crashed during validation.
PROVIDER_FAILED_RULE = "rule-provider-failed"


def provider_model_findings(model: Any) -> list[Problem]:
    """Every registered provider's ``model_findings``, in registration order (for validation).

    A provider that crashes is logged and reported as an ERROR with the rule
    :data:`PROVIDER_FAILED_RULE`: its rules were not checked, so "no problems" would be a
    false verdict (``egov-modeler validate`` exits 3 on it).
    """
    problems: list[Problem] = []
    for provider in rule_providers():
        problems.extend(provider_findings(provider, model))
    return problems


def provider_findings(provider: RuleProvider, model: Any,
                      findings: Callable[[], list[Problem]] | None = None) -> list[Problem]:
    """One provider's ``model_findings`` (or what ``findings`` returns for it), or the
    :data:`PROVIDER_FAILED_RULE` error when it crashes."""
    try:
        return list(findings() if findings is not None else provider.model_findings(model))
    except Exception as exc:
        log.exception("rule provider %r failed; its rules were skipped", provider)
        return [Problem(
            Severity.ERROR, PROVIDER_FAILED_RULE,
            tr("The rules of {provider} could not be checked: {error}",
               provider=type(provider).__name__, error=f"{type(exc).__name__}: {exc}"[:300]))]
