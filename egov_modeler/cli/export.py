"""``egov-modeler export FILE.egov --format archimate|archi|csv|pdf|docx|png|svg -o OUT``.

One subcommand for every output format: ``archimate`` is ArchiMate exchange XML,
``archi`` is Archi's own ``.archimate`` model file, ``csv`` is Archi's three CSV files
in the folder ``OUT``. The command line turns its arguments into each
writer's typed options (:class:`~egov_modeler.export.pdf.dossier.DossierOptions`, a view):
the writers never see argparse, and it knows nothing of XML or PDF.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..i18n import current_language, tr

if TYPE_CHECKING:
    from ..model.model import Model

#: The output formats; each one's writer lives in ``exchange/`` or ``export/``.
FORMATS = ("archimate", "archi", "csv", "pdf", "docx", "png", "svg")
#: ``--delimiter`` words for Archi's CSV delimiters.
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}
PAPER_SIZES = ("A4", "A3", "A2", "A1", "A0")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help=tr("write the model as ArchiMate exchange XML, an Archi model, Archi "
                          "CSV, a PDF or Word dossier, PNG or SVG"))
    parser.add_argument("file", help=tr("the .egov file to export"))
    parser.add_argument("--format", required=True, choices=FORMATS,
                        help=tr("output format: archimate (exchange XML), archi (Archi's "
                                ".archimate), csv (Archi's CSV files), pdf, png, svg"))
    parser.add_argument("-o", "--output", required=True,
                        help=tr("output file (a folder for csv)"))
    parser.add_argument("--prefix", default="",
                        help=tr("csv: text put before elements.csv, relations.csv and "
                                "properties.csv"))
    parser.add_argument("--delimiter", default="comma", choices=tuple(DELIMITERS),
                        help=tr("csv: the delimiter (default: comma)"))
    parser.add_argument("--view", default=None,
                        help=tr("name of the view to export (default: all views for PDF, "
                                "the first view for images)"))
    parser.add_argument("--paper", default="A3", choices=PAPER_SIZES, type=str.upper,
                        help=tr("paper size for PDF (default: A3)"))
    parser.add_argument("--orientation", default="landscape",
                        choices=("portrait", "landscape"), help=tr("page orientation"))
    parser.add_argument("--tile", action="store_true",
                        help=tr("print diagrams at full size across several pages"))
    parser.add_argument("--min-text", type=float, default=None, metavar="PT",
                        help=tr("smallest text size on diagram pages in points (default: 6; "
                                "a view that would print smaller gets an overview page and "
                                "detail pages; 0: fit every view on one page)"))
    parser.add_argument("--no-pdfa", action="store_true",
                        help=tr("write a plain PDF: no PDF/A-2b, no signature fields"))
    parser.add_argument("--text-as-paths", action="store_true",
                        help=tr("SVG: draw the text as outlines instead of embedding the "
                                "font"))
    # Also accepted after the subcommand ("export F --format pdf --lang en"); SUPPRESS keeps
    # the global "--lang" when this one is not given.
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help=tr("language of the document (default: vi)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.errors import ModelError
    from .common import EXIT_OK, fail, read_model_or_exit

    if args.format == "archimate" and str(args.output).lower().endswith(".archimate"):
        fail(tr("{path} is named as an Archi model file, but --format archimate writes "
                "ArchiMate exchange XML, which Archi opens only through File > Import: "
                "use --format archi for Archi's own file, or name the output .xml",
                path=args.output))
    model = read_model_or_exit(args.file)
    try:
        _write(model, args)
    except ModelError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(tr("Cannot write {path}: {reason}", path=args.output,
                reason=exc.strerror or exc))
    return EXIT_OK


def _write(model: Model, args: argparse.Namespace) -> None:
    """Call the writer of ``args.format`` with typed options made from ``args``."""
    if args.format == "archimate":
        from ..exchange.oef_writer import write_exchange

        write_exchange(model, args.output)
    elif args.format == "archi":
        from ..exchange.archi_writer import write_archi

        for line in write_archi(model, args.output):
            print(tr("warning: {message}", message=line), file=sys.stderr)
    elif args.format == "csv":
        from ..exchange.archi_csv_export import CsvOptions, write_archi_csv

        csv_options = CsvOptions(prefix=args.prefix, delimiter=DELIMITERS[args.delimiter])
        for path in write_archi_csv(model, args.output, csv_options):
            print(path)
    elif args.format in ("pdf", "docx"):
        from ..export.pdf.dossier import DossierOptions, plan_dossier, write_dossier
        from ..export.pdf.plan import DEFAULT_MIN_TEXT

        options = DossierOptions(paper=args.paper, orientation=args.orientation,
                                 tile=args.tile, lang=getattr(args, "lang", None)
                                 or current_language(),
                                 views=[args.view] if args.view else None,
                                 min_text=DEFAULT_MIN_TEXT if args.min_text is None
                                 else max(0.0, args.min_text),
                                 pdfa=not args.no_pdfa, signature_fields=not args.no_pdfa)
        if args.format == "docx":
            from ..export.docx_dossier import write_docx

            write_docx(model, args.output, options)
        else:
            write_dossier(model, args.output, options)
            _report_readability(plan_dossier(model, options))
        _write_workbook(model, args, options.lang or current_language())
    else:
        from ..export.images import resolve_view, write_png, write_svg

        view = resolve_view(model, args.view)
        if args.format == "png":
            write_png(model, view, args.output)
        else:
            write_svg(model, view, args.output, text_as_paths=args.text_as_paths)


def _write_workbook(model: Model, args: argparse.Namespace, language: str) -> None:
    """The inventory workbook travels with the dossier (beside it; in a plain PDF too)."""
    from ..exchange.xlsx_inventory_companion import write_companion_workbook

    path = write_companion_workbook(model, args.output, language,
                                    attach=args.format == "pdf" and args.no_pdfa)
    if path is not None:
        print(tr("Inventory workbook: {path}", path=path), file=sys.stderr)


def _report_readability(summary) -> None:
    """Say on stderr which views were split into details and which paper would fit."""
    import sys

    if not summary.detailed_views:
        return
    print(tr("{count} view(s) printed as an overview page and readable detail pages: "
             "{views}", count=len(summary.detailed_views),
             views="; ".join(summary.detailed_views)), file=sys.stderr)
    if summary.fitting_paper is not None:
        paper, orientation = summary.fitting_paper
        print(tr("On {paper} {orientation} every view fits one page: --paper {paper} "
                 "--orientation {orientation}", paper=paper, orientation=orientation),
              file=sys.stderr)
