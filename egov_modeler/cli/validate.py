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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.problems import Severity
    from ..model.rules import PROVIDER_FAILED_RULE
    from ..model.validation import validate_model as validate
    from .common import EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_PROBLEMS, read_model_or_exit

    model = read_model_or_exit(args.file)
    for line in model.load_report:
        print(tr("skipped: {what}", what=line))
    problems = validate(model)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    print(tr("{errors} errors, {warnings} warnings", errors=errors, warnings=warnings),
          file=sys.stderr)
    if any(p.rule == PROVIDER_FAILED_RULE for p in problems):
        print(tr("error: some rules could not be checked; the model was not fully "
                 "validated"), file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    return EXIT_PROBLEMS if errors else EXIT_OK
