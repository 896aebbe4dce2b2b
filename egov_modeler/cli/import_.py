"""``egov-modeler import IN.xml -o FILE.egov``: ArchiMate Open Exchange XML to a model file.

Export goes the other way through ``egov-modeler export FILE.egov --format archimate``.
What could not be imported is printed, one line each, so nothing is lost silently; an
invalid file ends with exit code 2 and the reason (problem and line) on stderr.
"""

from __future__ import annotations

import argparse
import sys

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=tr("read an ArchiMate Open Exchange XML file into a .egov model file"))
    parser.add_argument("file", help=tr("the exchange XML file to import"))
    parser.add_argument("-o", "--output", required=True, help=tr("the .egov file to write"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..exchange.oef_reader import ExchangeImportError, read_exchange
    from ..storage.native import save
    from .common import EXIT_OK, fail

    try:
        model = read_exchange(args.file)
    except ExchangeImportError as exc:
        fail(str(exc))
    try:
        save(model, args.output)
    except OSError as exc:
        fail(tr("Cannot write {path}: {reason}", path=args.output, reason=exc.strerror or exc))
    if model.load_report:
        print(tr("Not imported ({count}):", count=len(model.load_report)))
        for line in model.load_report:
            print(f"  - {line}")
    print(tr("Imported {elements} elements, {relationships} relationships and {views} views "
             "into {path}", elements=len(model.elements),
             relationships=len(model.relationships), views=len(model.views),
             path=args.output), file=sys.stderr)
    return EXIT_OK
