"""``egov-modeler new [--profile ID] [--template NAME] -o FILE.egov``: a model file of a
framework profile, from one of its templates."""

from __future__ import annotations

import argparse

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("new", help=tr("create a model file from a template"))
    parser.add_argument("--profile", dest="new_profile", default=None, metavar="ID",
                        help=tr("the framework profile of the new model (default: the "
                                "template's, else vn-digital-2025); see 'egov-modeler "
                                "profiles'"))
    parser.add_argument("--template", default=None, metavar="NAME",
                        help=tr("a template of that profile (default: its empty one); see "
                                "'egov-modeler templates'"))
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help=tr("the .egov file to write"))
    parser.add_argument("--force", action="store_true",
                        help=tr("overwrite the file when it exists"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.catalog import CatalogError
    from ..model.errors import ModelError
    from ..storage.native import save
    from ..storage.templates import new_model
    from .common import egov_output_or_exit, fail

    output = egov_output_or_exit(args.output, args.force)
    try:
        model, template = new_model(args.new_profile, args.template)
        save(model, output)
    except (ModelError, CatalogError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(tr("cannot write {path}: {reason}", path=str(output),
                reason=exc.strerror or str(exc)))
    print(tr("{path} created from the template ‘{name}’ (profile {profile})", path=str(output),
             name=template, profile=dict(model.properties).get("profile", "")))
    return 0
