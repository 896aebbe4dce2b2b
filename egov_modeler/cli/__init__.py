"""The command line: ``egov-modeler [FILE]`` opens the window; subcommands work headless.

Each subcommand lives in its own module with ``register(subparsers)``; the window is
imported lazily, only when it is opened, so headless commands never load Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..i18n import set_language, tr

#: Modules that each add one or more subcommands.
SUBCOMMAND_MODULES = ("validate", "templates", "exchange", "export")

def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="egov-modeler",
        description=tr("Model a Vietnamese e-Government architecture in ArchiMate."),
    )
    parser.add_argument("--version", action="version", version=f"egov-modeler {__version__}")
    parser.add_argument("--lang", choices=("vi", "en"), default=None,
                        help=tr("language of messages and documents (default: vi)"))
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help=tr("an extra catalog file whose components join the palette"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ImportError:
            logging.getLogger(__name__).debug("subcommand module %s not available", name)
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``egov-modeler`` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    raw = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    known_commands = set(parser._subparsers._group_actions[0].choices) if (  # noqa: SLF001
        parser._subparsers) else set()
    # "egov-modeler FILE.egov" opens a file; anything that is not a subcommand is a path.
    positional = _positionals(raw)
    if not positional or positional[0] not in known_commands:
        return _open_window(parser, raw)
    args = parser.parse_args(raw)
    if args.lang:
        set_language(args.lang)
    _load_user_catalogs(args.catalog)
    return int(args.run(args) or 0)


#: Global options that take a value: their value is not a subcommand or a file to open.
_VALUE_OPTIONS = ("--lang", "--catalog")


def _positionals(raw: list[str]) -> list[str]:
    """The arguments that are neither options nor the values of global options, so that
    ``egov-modeler --catalog my.json catalog`` finds the subcommand ``catalog``."""
    found: list[str] = []
    skip = False
    for arg in raw:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            found.append(arg)
    return found


def _load_user_catalogs(paths: list[str]) -> None:
    if not paths:
        return
    from ..model.catalog import CatalogError, add_user_catalog

    for path in paths:
        try:
            add_user_catalog(path)
        except CatalogError as exc:
            print(str(exc), file=sys.stderr)
            raise SystemExit(2) from None


def _open_window(parser: argparse.ArgumentParser, raw: list[str]) -> int:
    parser_open = argparse.ArgumentParser(prog="egov-modeler", parents=[], add_help=True)
    parser_open.add_argument("--version", action="version", version=f"egov-modeler {__version__}")
    parser_open.add_argument("--lang", choices=("vi", "en"), default=None)
    parser_open.add_argument("--catalog", action="append", default=[], metavar="FILE")
    parser_open.add_argument("file", nargs="?", help=tr("a .egov file to open"))
    args = parser_open.parse_args(raw)
    if args.lang:
        set_language(args.lang)
    _load_user_catalogs(args.catalog)
    from ..ui.app import run_app

    return run_app(args.file)


if __name__ == "__main__":
    sys.exit(main())
