"""``egov-modeler new --template NAME -o FILE.egov``: a model file from a template."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help=tr("create a model file from a template"))
    parser.add_argument("--template", default="empty", metavar="NAME",
                        help=tr("national, provincial or empty (default: empty)"))
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help=tr("the .egov file to write"))
    parser.add_argument("--force", action="store_true",
                        help=tr("overwrite the file when it exists"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.errors import ModelError
    from ..storage.native import save
    from ..storage.templates import load_template
    from .common import fail

    output = Path(args.output)
    if output.suffix.lower() != ".egov":
        fail(tr("the output file must end in .egov: {path}", path=str(output)))
    if output.exists() and not args.force:
        fail(tr("{path} already exists (use --force to overwrite it)", path=str(output)))
    try:
        model = load_template(args.template)
        save(model, output)
    except ModelError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(tr("cannot write {path}: {reason}", path=str(output),
                reason=exc.strerror or str(exc)))
    print(tr("{path} created from the template ‘{name}’", path=str(output), name=args.template))
    return 0
