"""``egov-modeler templates``, ``new --template NAME -o FILE`` and ``catalog [--lang]``.

``catalog`` prints the palette the window would show, section by section, indented by the
reference-model hierarchy; user catalogs given with the global ``--catalog FILE`` join it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import current_language, set_language, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("templates", help=tr("list the model templates"))
    parser.set_defaults(run=run_templates)

    parser = subparsers.add_parser("new", help=tr("create a model file from a template"))
    parser.add_argument("--template", default="empty", metavar="NAME",
                        help=tr("national, provincial or empty (default: empty)"))
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help=tr("the .egov file to write"))
    parser.add_argument("--force", action="store_true",
                        help=tr("overwrite the file when it exists"))
    parser.set_defaults(run=run_new)

    parser = subparsers.add_parser(
        "catalog", help=tr("print the framework palette (built-in and user catalogs)"))
    parser.add_argument("--lang", dest="catalog_lang", choices=("vi", "en"), default=None,
                        help=tr("language of the names (default: the global --lang, else vi)"))
    parser.add_argument("--details", action="store_true",
                        help=tr("also print id, ArchiMate type and whether inferred"))
    parser.set_defaults(run=run_catalog)


def run_templates(args: argparse.Namespace) -> int:
    from ..storage.templates import TEMPLATE_NAMES, template_description

    width = max(len(name) for name in TEMPLATE_NAMES)
    for name in TEMPLATE_NAMES:
        print(f"{name.ljust(width)}  {template_description(name)}")
    return 0


def run_new(args: argparse.Namespace) -> int:
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


def run_catalog(args: argparse.Namespace) -> int:
    from ..model.catalog import active_catalog

    if args.catalog_lang:
        set_language(args.catalog_lang)
    lang = current_language()
    catalog = active_catalog()
    for section in catalog.sections():
        print(f"== {section.title(lang)}")
        for entry in section.entries:
            component = entry.component
            line = "  " * (entry.depth + 1) + component.name(lang)
            if getattr(args, "details", False):
                marks = [component.id, component.archimate_type]
                if component.inferred:
                    marks.append(tr("inferred"))
                if component.origin != "catalog.json":
                    marks.append(component.origin)
                line += f"  [{', '.join(marks)}]"
            print(line)
    return 0
