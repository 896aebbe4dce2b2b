"""The checks of ``egov-modeler self-test``, one function each.

Why real paths: a frozen or packaged build fails where a file did not make it into the
bundle (a table, a template, the font, a translation, a licence) or where a library part is
missing (reportlab's font embedding, Pillow's PNG writer, Qt's platform plugin). Each
check does what the program does for the user, on the shipped data, and raises with the
reason when something is wrong; it returns one line saying what it saw. The table and the
exit code are :mod:`egov_modeler.cli.self_test`'s.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..i18n import SUPPORTED_LANGUAGES, tr

#: Files every installation must carry, relative to ``egov_modeler/resources``.
REQUIRED_DATA = (
    "archimate/relationship_table.json",
    "framework/vn-egov-2.0.json",
    "framework/vn-digital-2025.json",
    "framework/catalog.schema.json",
    "icons/egov-modeler.svg",
    "licenses/licenses.json",
)


@dataclass(frozen=True)
class Check:
    """One line of the table: what is checked (shown to the user) and how."""

    title: str
    run: Callable[[], str]


def _resources():
    return resources.files("egov_modeler") / "resources"


def check_data_files() -> str:
    """The tables, catalog, icon and every licence file the index names are present; the
    relationship table gives the answers ArchiMate gives."""
    from ..model.catalog import load_builtin_catalog
    from ..model.rules import can_relate
    from ..storage.licenses import missing_license_files

    missing = [name for name in REQUIRED_DATA if not (_resources() / name).is_file()]
    missing += [f"licenses/{name}" for name in missing_license_files()]
    if missing:
        raise AssertionError(tr("missing: {files}", files=", ".join(missing)))
    if not can_relate("ApplicationComponent", "Serving", "BusinessActor") or can_relate(
            "DataObject", "Serving", "BusinessActor"):
        raise AssertionError(tr("the ArchiMate relationship table gives wrong answers"))
    catalog = load_builtin_catalog()
    return tr("framework catalog: {layers} layers, {components} components, {rules} rules",
              layers=len(catalog.layers), components=len(catalog.components),
              rules=len(catalog.rules))


def check_font() -> str:
    """Every weight of the bundled font and its licence are there, and reportlab loads them
    (the PDF check then proves one is embedded)."""
    from ..diagram.fonts import FONT_FAMILY, FONT_WEIGHTS, font_path, licence_path
    from ..diagram.fonts import register_reportlab_fonts as register

    missing = [font_path(weight).name for weight in FONT_WEIGHTS
               if not font_path(weight).is_file()]
    if missing:
        raise AssertionError(tr("the bundled font is missing") + f": {', '.join(missing)}")
    if not licence_path().is_file():
        raise AssertionError(tr("the font's licence is missing"))
    register()
    return tr("{font}: {count} weights", font=FONT_FAMILY, count=len(FONT_WEIGHTS))


def check_translations() -> str:
    """Every Vietnamese table parses (the program skips a broken one silently, so only this
    check would tell) and translates; English, the source language, stays as written."""
    from ..i18n import translation_table

    folder = _resources() / "translations" / "vi"
    files = sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    if not files:
        raise AssertionError(tr("no Vietnamese translation tables"))
    for name in files:
        try:
            table = json.loads((folder / name).read_text(encoding="utf-8"))
        except ValueError as exc:
            raise AssertionError(tr("translation table {file} is broken: {reason}",
                                    file=name, reason=exc)) from None
        if not isinstance(table, dict) or not table:
            raise AssertionError(tr("translation table {file} is empty", file=name))
    sample = "translations"
    if tr(sample, language="vi") == sample or tr(sample, language="en") != sample:
        raise AssertionError(tr("the translation tables are not used"))
    return tr("{languages}: {count} Vietnamese strings in {files} files",
              languages=", ".join(SUPPORTED_LANGUAGES), count=len(translation_table("vi")),
              files=len(files))


def check_templates() -> str:
    from ..model.validation import validate_model as validate
    from ..storage.templates import TEMPLATE_NAMES, load_template

    for name in TEMPLATE_NAMES:
        problems = validate(load_template(name))
        if problems:
            raise AssertionError(tr("template {name}: {problem}", name=name,
                                    problem=problems[0]))
    return tr("templates {names} validate clean", names=", ".join(TEMPLATE_NAMES))


def check_native_and_exchange(folder: Path) -> str:
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


def check_pdf(folder: Path) -> str:
    from ..diagram.fonts import FONT_FAMILY
    from ..export.pdf.dossier import DossierOptions, write_dossier
    from ..storage.templates import load_template

    target = folder / "self-test.pdf"
    pages = write_dossier(load_template("provincial"), target, DossierOptions())
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or b"BeVietnamPro" not in data:
        raise AssertionError(tr("the PDF does not embed the bundled font"))
    return tr("PDF dossier with {font}: {pages} pages", font=FONT_FAMILY, pages=pages)


def check_png(folder: Path) -> str:
    """The first view of the provincial template as PNG, read back with Pillow."""
    from PIL import Image

    from ..export.images import write_png
    from ..storage.templates import load_template

    model = load_template("provincial")
    target = folder / "self-test.png"
    width, height = write_png(model, model.views[0], target, scale=0.5)  # small is enough
    with Image.open(target) as image:
        if image.format != "PNG" or image.size != (width, height):
            raise AssertionError(tr("the PNG image is not what was written"))
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    if colours is not None and len(colours) < 3:
        raise AssertionError(tr("the PNG image is blank"))
    return tr("PNG image {width} x {height} px", width=width, height=height)


def check_svg(folder: Path) -> str:
    """The same view as SVG in Vietnamese, holding the elements' names (with their
    diacritics) as text."""
    from xml.sax.saxutils import escape

    from ..export.images import write_svg
    from ..storage.templates import load_template

    model = load_template("provincial")
    view = model.views[0]
    target = folder / "self-test.svg"
    write_svg(model, view, target, lang="vi")
    text = target.read_text(encoding="utf-8")
    names = [model.element(node.element_id).name for node in view.nodes.values()
             if node.element_id and model.has_element(node.element_id)]
    shown = [name for name in names if escape(name) in text]
    if "<svg" not in text or not shown:
        raise AssertionError(tr("the SVG image holds no element names"))
    return tr("SVG image, {count} element names as text", count=len(shown))


def check_gui() -> str:
    """The window on the national template offscreen, the Qt translator and the icon."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as qt_version
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QGraphicsView

    from ..ui import open_window

    app = QApplication.instance() or QApplication([])
    window = open_window()
    try:
        if window.findChild(QGraphicsView, "canvas") is None:
            raise AssertionError(tr("the window has no diagram"))
        if window.windowIcon().isNull():
            raise AssertionError(tr("the application icon is missing"))
        sample = "&File"
        expected = tr(sample)
        if QCoreApplication.translate("MainWindow", sample) != expected:
            raise AssertionError(tr("the window is not translated"))
    finally:
        window.document.undo_stack.setClean()
        window.close()
        app.processEvents()
    return tr("Qt interface (PySide6 {version}, {platform})", version=qt_version,
              platform=QApplication.platformName())


def all_checks(folder: Path, gui: bool) -> list[Check]:
    """The checks in the order the table shows them; ``folder`` takes the files written."""
    checks = [
        Check(tr("data files"), check_data_files),
        Check(tr("font"), check_font),
        Check(tr("translations"), check_translations),
        Check(tr("templates"), check_templates),
        Check(tr("exchange round trip"), lambda: check_native_and_exchange(folder)),
        Check(tr("PDF"), lambda: check_pdf(folder)),
        Check(tr("PNG"), lambda: check_png(folder)),
        Check(tr("SVG"), lambda: check_svg(folder)),
    ]
    if gui:
        checks.append(Check(tr("window (Qt)"), check_gui))
    return checks
