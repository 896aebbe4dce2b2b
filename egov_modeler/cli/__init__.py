"""The command line: ``egov-modeler [FILE]`` opens the window; subcommands work headless.

Each subcommand lives in its own module with ``register(subparsers)``; the window is
imported lazily, only when it is opened, so headless commands never load Qt.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from ..i18n import set_language, tr
from ..version import __version__

#: One module per subcommand, named after it (``import_`` because ``import`` is a keyword).
SUBCOMMAND_MODULES = ("validate", "templates", "new", "catalog", "import_", "export", "sign",
                      "self_test", "repo", "profiles", "migrate", "inventory")

def _global_options() -> argparse.ArgumentParser:
    """Options that apply to the window and to every subcommand alike."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--version", action="version", version=f"egov-modeler {__version__}")
    parser.add_argument("--lang", choices=("vi", "en"), default=None,
                        help=tr("language of messages and documents (default: vi)"))
    parser.add_argument("--catalog", action="append", default=[], metavar="FILE",
                        help=tr("an extra catalog file whose components join the palette"))
    parser.add_argument("--profile", dest="profile_files", action="append", default=[],
                        metavar="FILE",
                        help=tr("an extra or replacement framework profile file"))
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The full command line: the window's ``[FILE]`` form and every subcommand."""
    import importlib

    parser = argparse.ArgumentParser(
        prog="egov-modeler",
        usage=tr("%(prog)s [options] [FILE.egov]   (opens the window)\n"
                 "       %(prog)s [options] COMMAND ..."),
        description=tr("Model a Vietnamese e-Government architecture in ArchiMate."),
        parents=[_global_options()],
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND",
                                       prog="egov-modeler [options]")
    for name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``egov-modeler`` console script. An unexpected error exits 3
    (never 1, which means "the model has errors"); see :mod:`.common` for the codes."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    try:
        return _main(argv)
    except Exception as exc:  # a bug or a failure of the machine: say so, exit 3
        from .common import EXIT_INTERNAL_ERROR

        logging.getLogger(__name__).debug("internal error", exc_info=True)
        import traceback

        traceback.print_exc(file=sys.stderr)
        print(tr("internal error: {error}", error=f"{type(exc).__name__}: {exc}"[:500]),
              file=sys.stderr)
        return EXIT_INTERNAL_ERROR


def _main(argv: Sequence[str] | None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    early, _ = _global_options().parse_known_args(raw)
    if early.lang:  # before any help text is built, so --help speaks the chosen language
        set_language(early.lang)
    parser = build_parser()
    commands = subcommand_names(parser)
    positional = _positionals(raw)
    try:
        if positional and positional[0] in commands:
            args = parser.parse_args(raw)
            _load_user_files(args.profile_files, args.catalog)
            return int(args.run(args) or 0)
        if "-h" in raw or "--help" in raw:
            parser.print_help()
            return 0
        return _open_window(raw)
    except BrokenPipeError:  # "egov-modeler catalog | head" closed the pipe: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def subcommand_names(parser: argparse.ArgumentParser) -> set[str]:
    """The subcommands ``parser`` knows (``validate``, ``export``, ...)."""
    return {name for action in parser._actions
            if isinstance(action, argparse._SubParsersAction) for name in action.choices}


#: Global options that take a value: their value is not a subcommand or a file to open.
_VALUE_OPTIONS = ("--lang", "--catalog", "--profile")


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


def _load_user_files(profiles: list[str], catalogs: list[str]) -> None:
    """Load the ``--profile`` files, then the ``--catalog`` files (which may extend them)."""
    if not profiles and not catalogs:
        return
    from ..model.catalog import CatalogError, add_user_catalog, add_user_profile

    for loader, paths in ((add_user_profile, profiles), (add_user_catalog, catalogs)):
        for path in paths:
            try:
                loader(path)
            except CatalogError as exc:
                print(str(exc), file=sys.stderr)
                raise SystemExit(2) from None


def _open_window(raw: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="egov-modeler", parents=[_global_options()])
    parser.add_argument("file", nargs="?", help=tr("a .egov file to open"))
    args = parser.parse_args(raw)
    _load_user_files(args.profile_files, args.catalog)
    from ..ui.app import run_app

    return run_app(args.file, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
