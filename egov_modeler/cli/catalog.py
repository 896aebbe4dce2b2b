"""``egov-modeler catalog [--lang] [--details]``: the palette the window would show.

Printed section by section, indented by the reference-model hierarchy; user catalogs given
with the global ``--catalog FILE`` join it."""

from __future__ import annotations

import argparse

from ..i18n import current_language, set_language, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "catalog", help=tr("print the framework palette (built-in and user catalogs)"))
    parser.add_argument("--lang", dest="catalog_lang", choices=("vi", "en"), default=None,
                        help=tr("language of the names (default: the global --lang, else vi)"))
    parser.add_argument("--details", action="store_true",
                        help=tr("also print id, ArchiMate type and whether inferred"))
    parser.add_argument("--profile", dest="catalog_profile", default=None, metavar="ID",
                        help=tr("the framework profile to print (default: vn-egov-2.0)"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.catalog import CatalogError, active_catalog, profile_catalog
    from .common import fail

    if args.catalog_lang:
        set_language(args.catalog_lang)
    lang = current_language()
    try:
        catalog = (profile_catalog(args.catalog_profile) if getattr(args, "catalog_profile", None)
                   else active_catalog())
    except CatalogError as exc:
        fail(str(exc))
    for section in catalog.sections():
        print(f"== {section.title(lang)}")
        for entry in section.entries:
            component = entry.component
            line = "  " * (entry.depth + 1) + component.name(lang)
            if getattr(args, "details", False):
                marks = [component.id, component.archimate_type]
                if component.inferred:
                    marks.append(tr("inferred"))
                if component.origin != f"{catalog.id}.json":
                    marks.append(component.origin)
                line += f"  [{', '.join(marks)}]"
            print(line)
    return 0
