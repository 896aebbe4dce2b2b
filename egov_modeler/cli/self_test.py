"""``egov-modeler self-test``: check that this installation can do its job.

Meant for the person who installed the program and for every packaged build (the build
scripts run it on the frozen program and fail on any failed check): each check exercises a
real path — the bundled data and licences, the font, both languages, the templates, an
exchange round trip, PDF, PNG and SVG (:mod:`.self_test_checks`) — and the result is a
table, one row a check. Exit 0 when every check passes, 1 otherwise. ``--gui`` also opens
the window offscreen. On Windows the windowed ``egov-modeler.exe`` has no console; its
twin ``egov-modeler-cli.exe`` prints the table.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..i18n import tr
from .common import EXIT_INTERNAL_ERROR
from .self_test_checks import Check, all_checks

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "self-test", help=tr("check that this installation works (data, font, translations, "
                             "templates, files, PDF, PNG, SVG)"))
    parser.add_argument("--gui", action="store_true",
                        help=tr("also open the window offscreen"))
    parser.set_defaults(run=run)


@dataclass(frozen=True)
class Result:
    """One row of the table."""

    title: str
    passed: bool
    detail: str


def run_checks(checks: list[Check]) -> list[Result]:
    """Run every check, whatever the others did; a failure becomes its reason."""
    results = []
    for check in checks:
        try:
            results.append(Result(check.title, True, check.run()))
        except Exception as exc:  # a self-test reports every failure, whatever it is
            log.debug("self-test check %s failed", check.title, exc_info=True)
            results.append(Result(check.title, False, f"{type(exc).__name__}: {exc}"))
    return results


def format_table(results: list[Result]) -> list[str]:
    """The pass/fail table: header, one row a check, and a closing count."""
    status = {True: tr("passed"), False: tr("FAILED")}
    header = (tr("check"), tr("result"), tr("details"))
    rows = [(r.title, status[r.passed], r.detail) for r in results]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in (0, 1)]
    lines = [f"{header[0]:<{widths[0]}}  {header[1]:<{widths[1]}}  {header[2]}",
             f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * len(header[2])}"]
    lines += [f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c}" for a, b, c in rows]
    passed = sum(r.passed for r in results)
    lines.append(tr("{passed} of {total} checks passed", passed=passed, total=len(results)))
    return lines


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="egov-self-test-") as tmp:
        results = run_checks(all_checks(Path(tmp), gui=args.gui))
    for line in format_table(results):
        print(line)
    # A failed check means a broken installation, not a model with errors (exit 1).
    return 0 if all(r.passed for r in results) else EXIT_INTERNAL_ERROR
