"""``egov-modeler migrate F.egov --to vn-digital-2025 -o G.egov``: a model moved to the
successor framework profile, with a report of every change and of what is left to decide."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate", help=tr("move a model to the successor framework profile (2.0 → 2025)"))
    parser.add_argument("file", help=tr("the .egov file to migrate (it is not changed)"))
    parser.add_argument("--to", dest="target", default=None, metavar="PROFILE",
                        help=tr("the profile to migrate to (default: the one that succeeds "
                                "the model's)"))
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help=tr("the .egov file to write"))
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                        help=tr("record this architecture date (the date the rules are "
                                "judged on)"))
    parser.add_argument("--report", default=None, metavar="FILE",
                        help=tr("also write the report to this file"))
    parser.add_argument("--force", action="store_true",
                        help=tr("overwrite the output file when it exists"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.catalog import CatalogError, catalog_for
    from ..model.errors import ModelError
    from ..model.migration import migrate
    from ..storage.native import save
    from .common import egov_output_or_exit, fail, read_model_or_exit

    output = egov_output_or_exit(args.output, args.force)
    day = None
    if args.date:
        try:
            day = dt.date.fromisoformat(args.date)
        except ValueError:
            fail(tr("--date must be written YYYY-MM-DD: {value}", value=args.date))
    model = read_model_or_exit(args.file)
    try:
        target = args.target or _successor(catalog_for(model))
        report = migrate(model, target, architecture_date=day)
        save(model, output)
        if args.report:
            Path(args.report).write_text(report.as_text(), encoding="utf-8")
    except (ModelError, CatalogError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(tr("cannot write {path}: {reason}", path=str(exc.filename or output),
                reason=exc.strerror or str(exc)))
    print(report.as_text(), end="")
    print(tr("{path} written: {changes} changes, {decisions} items to decide",
             path=str(output), changes=len(report.changes), decisions=len(report.decisions)))
    return 0


def _successor(catalog) -> str:
    from ..model.errors import ModelError

    profile = catalog.profile
    if profile is None or not profile.superseded_by:
        raise ModelError(tr("The model's profile has no successor: give --to PROFILE"))
    return profile.superseded_by
