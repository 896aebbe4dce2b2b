"""``egov-modeler export FILE.egov --format archimate|pdf|png|svg -o OUT``.

One subcommand for every output format; each format's writer lives in ``export/`` and is
looked up here by name, so the command line knows nothing of XML or PDF.
"""

from __future__ import annotations

import argparse
import importlib

from ..i18n import tr

#: format name -> (module, function). The function is called as
#: ``function(model, output_path, args)`` and returns the number of pages/files written.
EXPORTERS = {
    "archimate": ("egov_modeler.exchange.oef_writer", "cli_export"),
    "pdf": ("egov_modeler.export.pdf.dossier", "cli_export"),
    "png": ("egov_modeler.export.images", "cli_export_png"),
    "svg": ("egov_modeler.export.images", "cli_export_svg"),
}
PAPER_SIZES = ("A4", "A3", "A2", "A1", "A0")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help=tr("write the model as ArchiMate exchange XML, PDF, PNG or SVG"))
    parser.add_argument("file", help=tr("the .egov file to export"))
    parser.add_argument("--format", required=True, choices=sorted(EXPORTERS),
                        help=tr("output format"))
    parser.add_argument("-o", "--output", required=True, help=tr("output file"))
    parser.add_argument("--view", default=None,
                        help=tr("name of the view to export (default: all views for PDF, "
                                "the first view for images)"))
    parser.add_argument("--paper", default="A3", choices=PAPER_SIZES, type=str.upper,
                        help=tr("paper size for PDF (default: A3)"))
    parser.add_argument("--orientation", default="landscape",
                        choices=("portrait", "landscape"), help=tr("page orientation"))
    parser.add_argument("--tile", action="store_true",
                        help=tr("print diagrams at full size across several pages"))
    # Also accepted after the subcommand ("export F --format pdf --lang en"); SUPPRESS keeps
    # the global "--lang" when this one is not given.
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help=tr("language of the document (default: vi)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.errors import ModelError
    from .common import EXIT_OK, fail, read_model_or_exit

    model = read_model_or_exit(args.file)
    module_name, function_name = EXPORTERS[args.format]
    try:
        exporter = getattr(importlib.import_module(module_name), function_name)
    except (ImportError, AttributeError):
        fail(tr("the {format} format is not available in this build", format=args.format))
    try:
        exporter(model, args.output, args)
    except ModelError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(tr("Cannot write {path}: {reason}", path=args.output,
                reason=exc.strerror or exc))
    return EXIT_OK
