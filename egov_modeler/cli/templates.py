"""``egov-modeler templates``: the shipped templates, one line each, with their profile."""

from __future__ import annotations

import argparse

from ..i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("templates", help=tr("list the model templates"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..storage.templates import TEMPLATE_NAMES, template_description, template_info

    width = max(len(name) for name in TEMPLATE_NAMES)
    for name in TEMPLATE_NAMES:
        info = template_info(name)
        mark = tr("archive") if info.archived else ""
        tag = f"[{info.profile}{', ' + mark if mark else ''}]"
        print(f"{name.ljust(width)}  {tag}  {template_description(name)}")
    return 0
