"""``egov-modeler import IN -o FILE.egov``: an exchange file, an Archi model or Archi CSV
files to a model file; ``import DIR/elements.csv --into F.egov -o G.egov`` merges CSV into
an existing model.

The reader is chosen by the file's content (:func:`~egov_modeler.exchange.open_any.read_any`),
not its name. Export goes the other way through ``egov-modeler export``. What could not be
imported is printed, one line each, so nothing is lost silently; an invalid file ends with
exit code 2 and the reason (problem and line) on stderr.
"""

from __future__ import annotations

import argparse
import sys

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help=tr("read an exchange XML file, an Archi model (.archimate) or Archi "
                          "CSV files into a .egov model file"))
    parser.add_argument("file", help=tr("the file to import: exchange XML, .archimate, or "
                                        "an Archi elements.csv (or its folder)"))
    parser.add_argument("-o", "--output", required=True, help=tr("the .egov file to write"))
    parser.add_argument("--into", default=None, metavar="FILE.egov",
                        help=tr("merge Archi CSV files into this model instead of starting "
                                "a new one"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.errors import ModelError
    from ..storage.native import save
    from .common import EXIT_OK, fail, read_model_or_exit

    if args.into:
        from pathlib import Path

        from ..exchange.archi_csv_import import import_archi_csv
        from ..exchange.open_any import is_csv_name

        source = Path(args.file)
        if not (source.is_dir() or is_csv_name(source)):
            fail(tr("--into merges Archi CSV files (elements.csv, relations.csv, "
                    "properties.csv) only; {path} is not one", path=args.file))
        model = read_model_or_exit(args.into)
        try:
            result = import_archi_csv(model, source)
        except ModelError as exc:
            fail(tr("nothing was imported:\n{problems}", problems=str(exc)))
        for note in result.notes:
            print(f"  - {note}")
        summary = tr("Created {created} concepts, updated {updated} and set {properties} "
                     "properties; wrote {path}", created=result.created,
                     updated=result.updated, properties=result.properties, path=args.output)
    else:
        from ..exchange.open_any import read_any

        try:
            model = read_any(args.file)
        except ModelError as exc:
            fail(str(exc))
        if model.load_report:
            print(tr("Not imported ({count}):", count=len(model.load_report)))
            for line in model.load_report:
                print(f"  - {line}")
        summary = tr("Imported {elements} elements, {relationships} relationships and "
                     "{views} views into {path}", elements=len(model.elements),
                     relationships=len(model.relationships), views=len(model.views),
                     path=args.output)
    try:
        save(model, args.output)
    except OSError as exc:
        fail(tr("Cannot write {path}: {reason}", path=args.output, reason=exc.strerror or exc))
    print(summary, file=sys.stderr)
    return EXIT_OK
