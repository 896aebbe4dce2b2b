"""``egov-modeler validate FILE``: one problem a line; exit 0, 1 (errors), 2 (unreadable)
or 3 (a rule provider crashed, so the verdict is incomplete)."""

from __future__ import annotations

import argparse
import sys

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate", help=tr("check a model against the ArchiMate and framework rules"))
    parser.add_argument("file", help=tr("the .egov file to check"))
    parser.add_argument("--verbose", action="store_true",
                        help=tr("also say which profile and date the model is judged by, and "
                                "which rules were not in force"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.accepted import split_accepted
    from ..model.problems import Severity
    from ..model.rules import PROVIDER_FAILED_RULE
    from ..model.validation import validate_model as validate
    from .common import EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_PROBLEMS, read_model_or_exit

    model = read_model_or_exit(args.file)
    for line in model.load_report:
        print(tr("skipped: {what}", what=line))
    if getattr(args, "verbose", False):
        _explain(model)
    problems, accepted = split_accepted(model, validate(model))
    for problem in problems:
        print(problem)
    for problem, reason in accepted:  # listed after, so a script's first lines are open
        print(tr("accepted: {problem} (reason: {reason})", problem=problem, reason=reason))
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    if accepted:
        print(tr("{errors} errors, {warnings} warnings, {accepted} accepted warnings",
                 errors=errors, warnings=warnings, accepted=len(accepted)), file=sys.stderr)
    else:
        print(tr("{errors} errors, {warnings} warnings", errors=errors, warnings=warnings),
              file=sys.stderr)
    if any(p.rule == PROVIDER_FAILED_RULE for p in problems):
        print(tr("error: some rules could not be checked; the model was not fully "
                 "validated"), file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    return EXIT_PROBLEMS if errors else EXIT_OK


def _explain(model) -> None:
    """The profile, the model date and the rules skipped on it (``--verbose``)."""
    from ..model.catalog import CatalogError, catalog_for, model_date
    from ..model.framework_rules import rules_in_force

    try:
        catalog = catalog_for(model)
    except CatalogError as exc:
        print(str(exc), file=sys.stderr)
        return
    profile = catalog.profile
    day = model_date(model, catalog)
    if profile is not None:
        print(tr("profile: {id} {version} ({title}), {status}", id=profile.id,
                 version=profile.version, title=profile.title(), status=profile.status),
              file=sys.stderr)
        if profile.status_note():
            print(profile.status_note(), file=sys.stderr)
    print(tr("judged as of {date}", date=day.isoformat()), file=sys.stderr)
    _active, skipped = rules_in_force(model, catalog, day)
    for rule, reason in skipped:
        print(tr("rule {id} not in force: {reason}", id=rule.id, reason=reason),
              file=sys.stderr)
