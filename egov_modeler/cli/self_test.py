"""``egov-modeler self-test``: check that this installation can do its job.

Meant for the person who installed the program (and for packaged builds): each check
exercises a real path — the bundled data loads, the templates validate, the Vietnamese
font reaches the PDF, an exchange round trip is lossless — and prints one line. Exit 0
when every check passes, 1 otherwise. ``--gui`` also starts Qt offscreen.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..i18n import tr

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "self-test", help=tr("check that this installation works (data, font, files, PDF)"))
    parser.add_argument("--gui", action="store_true",
                        help=tr("also start the Qt interface offscreen"))
    parser.set_defaults(run=run)


def _check_rules() -> str:
    from ..model.rules import can_relate

    if not can_relate("ApplicationComponent", "Serving", "BusinessActor") or can_relate(
            "DataObject", "Serving", "BusinessActor"):
        raise AssertionError(tr("the ArchiMate relationship table gives wrong answers"))
    return tr("ArchiMate relationship table")


def _check_catalog() -> str:
    from ..model.catalog import BUILTIN_PROFILES, load_builtin_profile

    parts = []
    for profile_id in BUILTIN_PROFILES:
        catalog = load_builtin_profile(profile_id)
        parts.append(tr("{profile}: {layers} layers, {components} components, {rules} rules",
                        profile=profile_id, layers=len(catalog.layers),
                        components=len(catalog.components), rules=len(catalog.rules)))
    return tr("framework profiles: {profiles}", profiles="; ".join(parts))


def _check_templates() -> str:
    from ..model.validation import validate_model as validate
    from ..storage.templates import TEMPLATE_NAMES, load_template

    for name in TEMPLATE_NAMES:
        problems = validate(load_template(name))
        if problems:
            raise AssertionError(tr("template {name}: {problem}", name=name,
                                    problem=problems[0]))
    return tr("templates {names} validate clean", names=", ".join(TEMPLATE_NAMES))


def _check_native_and_exchange(folder: Path) -> str:
    from ..exchange.oef_reader import read_exchange
    from ..exchange.oef_writer import write_exchange
    from ..model.serialization import model_to_dict
    from ..storage.native import load, save
    from ..storage.templates import load_template

    model = load_template("provincial")
    save(model, folder / "self-test.egov")
    write_exchange(load(folder / "self-test.egov"), folder / "self-test.xml")
    if model_to_dict(read_exchange(folder / "self-test.xml")) != model_to_dict(model):
        raise AssertionError(tr("the exchange round trip changed the model"))
    return tr(".egov file and ArchiMate exchange round trip")


def _check_pdf(folder: Path) -> str:
    from ..diagram.fonts import FONT_FAMILY, font_path
    from ..export.pdf.dossier import DossierOptions, write_dossier
    from ..storage.templates import load_template

    if not font_path("regular").is_file():
        raise AssertionError(tr("the bundled font is missing"))
    target = folder / "self-test.pdf"
    pages = write_dossier(load_template("provincial"), target, DossierOptions())
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or b"BeVietnamPro" not in data:
        raise AssertionError(tr("the PDF does not embed the bundled font"))
    return tr("PDF dossier with {font}: {pages} pages", font=FONT_FAMILY, pages=pages)


def _check_gui() -> str:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as qt_version
    from PySide6.QtWidgets import QApplication, QGraphicsView

    from ..ui import open_window

    app = QApplication.instance() or QApplication([])
    window = open_window()
    if window.findChild(QGraphicsView, "canvas") is None:
        raise AssertionError(tr("the window has no diagram"))
    window.undo_stack.setClean()
    window.close()
    app.processEvents()
    return tr("Qt interface (PySide6 {version})", version=qt_version)


def run(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="egov-self-test-") as tmp:
        folder = Path(tmp)
        checks: list[Callable[[], str]] = [
            _check_rules, _check_catalog, _check_templates,
            lambda: _check_native_and_exchange(folder), lambda: _check_pdf(folder),
        ]
        if args.gui:
            checks.append(_check_gui)
        failed = 0
        for check in checks:
            try:
                print(tr("ok      {what}", what=check()))
            except Exception as exc:  # a self-test reports every failure, whatever it is
                failed += 1
                log.debug("self-test check failed", exc_info=True)
                print(tr("FAILED  {reason}", reason=f"{type(exc).__name__}: {exc}"))
    return 1 if failed else 0
