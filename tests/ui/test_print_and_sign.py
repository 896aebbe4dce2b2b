"""Print preview, Sign dialog, Qt's own words in Vietnamese, SVG in Qt's renderer: the
widgets on their own, without the main window."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from egov_modeler.export.pdf.dossier import DossierOptions, count_pages, dossier_bytes
from egov_modeler.export.sign import signature_fields_of
from egov_modeler.storage.templates import load_template
from egov_modeler.ui.dialogs.print_preview import PrintPreviewDialog
from egov_modeler.ui.dialogs.sign import SignDialog
from egov_modeler.ui.qt_translations import install_qt_translations, qt_translation_file
from tests.helpers.certs import make_certificate


@pytest.fixture(scope="module")
def model():
    return load_template("provincial")


def _render(pdf: bytes, index: int, width: int = 300):
    import pypdfium2
    from PIL import Image

    document = pypdfium2.PdfDocument(pdf)
    page = document[index]
    # rendered large then reduced, so hairlines weigh what they weigh on paper
    image = page.render(scale=1.5, rev_byteorder=True).to_pil().convert("L")
    document.close()
    return image.resize((width, round(width * image.height / image.width)),
                        Image.Resampling.LANCZOS)


def _difference(a, b) -> float:
    from PIL import ImageChops

    b = b.resize(a.size)
    histogram = ImageChops.difference(a, b).histogram()
    return sum(i * n for i, n in enumerate(histogram)) / (a.size[0] * a.size[1])


# --- print preview -----------------------------------------------------------------------

def test_preview_shows_the_dossiers_pages(qtbot, model):
    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    expected = count_pages(model, DossierOptions(lang="vi"))
    assert dialog.page_count() == expected
    assert dialog.page_range() == (1, expected)
    assert dialog.preview.pageCount() == expected
    dialog.paper.setCurrentIndex(dialog.paper.findData("A1"))
    a1 = count_pages(model, DossierOptions(lang="vi", paper="A1"))
    assert dialog.page_count() == a1 < expected  # A1 fits each view on one page
    dialog.first_page.setValue(2)
    dialog.last_page.setValue(3)
    assert dialog.preview.pageCount() == 2
    assert "2" in dialog.status.text()


def test_a_long_dossier_previews_its_first_pages_and_prints_them_all(qtbot, model,
                                                                      monkeypatch, tmp_path):
    """A national dossier has thousands of pages; the preview paints the first
    ``PREVIEW_PAGES`` of the range and says so, Print sends the whole range."""
    from PySide6.QtPrintSupport import QPrinter

    from egov_modeler.ui.dialogs import print_preview

    monkeypatch.setattr(print_preview, "PREVIEW_PAGES", 3)
    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    pages = dialog.page_count()
    assert pages > 3
    assert dialog.preview.pageCount() == 3
    assert dialog.tr("The preview shows the first {shown}; Print prints all {count}.")\
        .format(shown=3, count=pages) in dialog.status.text()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "all.pdf"))
    assert dialog.print_to(printer) == pages


def test_printing_asks_after_each_page_whether_to_go_on(qtbot, model, tmp_path):
    """Each page is painted at the printer's resolution (seconds for a long dossier):
    after each, the caller keeps the window answering and may stop there."""
    from PySide6.QtPrintSupport import QPrinter

    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    assert dialog.page_count() > 2
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    asked: list[int] = []

    def go_on(painted: int) -> bool:
        asked.append(painted)
        return painted < 2

    assert dialog.print_to(printer, go_on) == 2
    assert asked == [1, 2]
    import pikepdf

    with pikepdf.open(tmp_path / "two.pdf") as printed:
        assert len(printed.pages) == 2


def test_a_typed_page_number_makes_the_preview_once_beside_the_window(qtbot, model,
                                                                     monkeypatch):
    """Each new range makes up to 40 preview pages (a second): typing "12" makes them
    when the number is entered, not at "1" and again at "12", and in a worker thread,
    not on the window's."""
    from egov_modeler.ui.dialogs import print_preview

    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 12
    made: list[tuple[int, int, str]] = []
    images = print_preview.page_images

    def counted(pdf, first, last, dpi):
        made.append((first, last, threading.current_thread().name))
        return images(pdf, first, last, dpi)

    monkeypatch.setattr(print_preview, "page_images", counted)
    dialog.last_page.selectAll()
    qtbot.keyClicks(dialog.last_page, "12")
    assert made == []
    qtbot.keyClick(dialog.last_page, Qt.Key.Key_Return)
    assert dialog.page_range() == (1, 12)
    assert [(first, last) for first, last, _thread in made] == [(1, 12)]
    assert made[0][2] != threading.main_thread().name
    assert dialog.preview.pageCount() == 12


def test_the_preview_shows_nothing_once_a_layout_fails(qtbot, model, monkeypatch):
    """Pages of the layout before are not left on show when the next one fails (they
    were: the preview kept what it had when nothing was painted)."""
    from egov_modeler.ui.dialogs import print_preview

    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    assert dialog.preview.pageCount() > 0

    def failing(*_args, **_kwargs):
        raise print_preview.ModelError("hỏng")

    monkeypatch.setattr(print_preview, "run_long", failing)
    dialog.paper.setCurrentIndex(dialog.paper.findData("A1"))
    assert dialog.status.text() == "hỏng" and not dialog.print_button.isEnabled()
    assert dialog.preview.pageCount() == 1  # a blank sheet beside the reason


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _painting_waits(monkeypatch, released: threading.Event, threads: list[str]) -> None:
    """Each page waits for ``released`` before it is painted, and says on which thread."""
    from egov_modeler.ui.dialogs import print_preview

    paint_page = print_preview._page_image

    def waiting(page, dpi):
        threads.append(threading.current_thread().name)
        released.wait(timeout=10)
        return paint_page(page, dpi)

    monkeypatch.setattr(print_preview, "_page_image", waiting)


def _working_dialogs():
    from PySide6.QtWidgets import QApplication

    from egov_modeler.ui.long_work import WorkingDialog

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, WorkingDialog) and w.isVisible()]


def test_printing_paints_beside_the_window_saying_which_page(qtbot, model, tmp_path,
                                                            monkeypatch):
    """A page at 300 dpi takes half a second: the pages are painted in a worker while
    the window answers, and the progress window says which page it is at."""
    import pikepdf

    from egov_modeler.ui.long_work import QUICK

    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    dialog.first_page.setValue(2)
    dialog.last_page.setValue(4)
    released, threads = threading.Event(), []
    _painting_waits(monkeypatch, released, threads)
    seen: dict[str, object] = {}

    def look() -> None:
        [working] = _working_dialogs()
        seen["label"] = working.labelText()
        released.set()

    QTimer.singleShot(int(QUICK * 1000) + 300, look)
    assert dialog.print_beside_window(_pdf_printer(tmp_path / "beside.pdf")) == 3
    assert threads and threading.main_thread().name not in threads
    assert dialog.tr("page {page} of {total}").format(page=1, total=3) in seen["label"]
    with pikepdf.open(tmp_path / "beside.pdf") as printed:
        assert len(printed.pages) == 3


def test_stop_while_printing_sends_the_pages_painted(qtbot, model, tmp_path, monkeypatch):
    import pikepdf
    from PySide6.QtWidgets import QPushButton

    from egov_modeler.ui.long_work import QUICK

    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    assert dialog.page_count() > 2
    released, threads = threading.Event(), []
    _painting_waits(monkeypatch, released, threads)

    def stop() -> None:
        [working] = _working_dialogs()
        qtbot.mouseClick(working.findChild(QPushButton), Qt.MouseButton.LeftButton)
        released.set()  # the first page is painted, then the work hears Stop

    QTimer.singleShot(int(QUICK * 1000) + 300, stop)
    assert dialog.print_beside_window(_pdf_printer(tmp_path / "stopped.pdf")) == 1
    with pikepdf.open(tmp_path / "stopped.pdf") as printed:
        assert len(printed.pages) == 1


def test_stopping_the_layout_leaves_nothing_to_print(qtbot, model, monkeypatch):
    from egov_modeler.model.cancel import Cancelled
    from egov_modeler.ui.dialogs import print_preview

    def stopped(*_args, **_kwargs):
        raise Cancelled("stopped")

    monkeypatch.setattr(print_preview, "run_long", stopped)
    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 0 and not dialog.print_button.isEnabled()
    assert dialog.status.text() == dialog.tr("Stopped: the pages were not laid out")


def test_printing_sends_the_same_pages_as_the_pdf(qtbot, model, tmp_path):
    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("landscape"))
    dialog.first_page.setValue(2)
    dialog.last_page.setValue(4)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == 3
    printed = out.read_bytes()
    import pypdfium2

    document = pypdfium2.PdfDocument(printed)
    assert len(document) == 3
    width, height = document[0].get_size()
    assert abs(width - 1190.55) < 2 and abs(height - 841.89) < 2  # A3 landscape
    document.close()
    reference, _ = dossier_bytes(model, DossierOptions(lang="vi"))
    for printed_index, dossier_index in ((0, 1), (1, 2), (2, 3)):
        same = _difference(_render(reference, dossier_index), _render(printed, printed_index))
        other = _difference(_render(reference, 0), _render(printed, printed_index))
        assert same < 3 < other, (same, other)


def test_tile_mode_prints_full_size_sheets(qtbot, model):
    dialog = PrintPreviewDialog(model, DossierOptions(lang="vi"))
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("tile"))
    assert dialog.options().tile
    assert dialog.page_count() == count_pages(model, DossierOptions(lang="vi", tile=True))


# --- sign dialog ---------------------------------------------------------------------------

@pytest.fixture
def dossier(tmp_path, model):
    data, _ = dossier_bytes(model, DossierOptions(lang="vi", appendix=False))
    path = tmp_path / "dossier.pdf"
    path.write_bytes(data)
    return path


def test_sign_dialog_signs_the_chosen_box(qtbot, tmp_path, dossier):
    certificate = make_certificate(tmp_path)
    dialog = SignDialog(str(dossier))
    qtbot.addWidget(dialog)
    offered = [dialog.field.itemData(i) for i in range(dialog.field.count())]
    assert offered == ["preparer", "checker", "approver"]
    assert dialog.field.itemText(2) in ("Người phê duyệt", "Approved by")
    dialog.field.setCurrentIndex(2)
    dialog.certificate_edit.setText(str(certificate.p12))
    dialog.password_edit.setText("wrong")
    assert dialog.sign() is False
    assert "sai mật khẩu" in dialog.message.text()
    assert not (tmp_path / "dossier-signed.pdf").exists()
    dialog.password_edit.setText(certificate.password.decode())
    assert dialog.sign() is True
    assert dialog.signed_path == str(tmp_path / "dossier-signed.pdf")
    assert signature_fields_of(dialog.signed_path)["approver"] is True
    assert signature_fields_of(dossier)["approver"] is False  # the original stays
    again = SignDialog(dialog.signed_path)
    qtbot.addWidget(again)
    assert [again.field.itemData(i) for i in range(again.field.count())] == [
        "preparer", "checker"]


def test_sign_dialog_on_a_file_without_fields(qtbot, tmp_path):
    path = tmp_path / "plain.pdf"
    data, _ = dossier_bytes(load_template("empty"), DossierOptions(
        pdfa=False, signature_fields=False, appendix=False))
    path.write_bytes(data)
    dialog = SignDialog(str(path))
    qtbot.addWidget(dialog)
    assert dialog.field.count() == 0 and not dialog.sign_button.isEnabled()
    assert dialog.message.text()


# --- Qt's own words ------------------------------------------------------------------------

def test_qt_buttons_and_context_menus_speak_vietnamese(qtbot):
    assert qt_translation_file("vi") is None  # PySide6-Essentials ships none: our table
    try:
        installed = install_qt_translations("vi")
        assert installed
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
        edit = QLineEdit("chữ")
        qtbot.addWidget(edit)
        menu = edit.createStandardContextMenu()
        texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
        assert "&Sao chép" in texts and "Chọn tất cả" in texts, texts
        assert not {"&Copy", "Select All", "&Paste"} & set(texts)
        assert QCoreApplication.translate("QPrintPreviewDialog", "Fit width") == \
            "Vừa chiều rộng"
    finally:
        install_qt_translations("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") in ("Cancel", "Hủy")


# --- SVG in Qt's renderer --------------------------------------------------------------------

def test_qt_draws_the_svg_without_black_slabs(qtbot, tmp_path, model):
    from PySide6.QtSvg import QSvgRenderer

    from egov_modeler.export.images import write_png, write_svg

    view = model.views[0]
    for as_paths in (False, True):
        svg = tmp_path / f"view-{as_paths}.svg"
        write_svg(model, view, svg, text_as_paths=as_paths)
        renderer = QSvgRenderer(str(svg))
        assert renderer.isValid()
        image = QImage(800, 448, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        dark = sum(1 for x in range(0, 800, 4) for y in range(0, 448, 4)
                   if QColor(image.pixel(x, y)).lightness() < 40)
        assert dark / (200 * 112) < 0.02, dark  # lines and letters only, no slabs
    png = tmp_path / "view.png"
    write_png(model, view, png, scale=800 / 2446)


def test_qts_table_agrees_with_the_programs_own():
    """A Qt string the program's tables also translate means the same in both (the
    program's translator answers every context, Qt's table only Qt's)."""
    import json
    from importlib import resources

    from egov_modeler.i18n import translation_table

    table = json.loads((resources.files("egov_modeler") / "resources" / "translations"
                        / "qt" / "vi.json").read_text(encoding="utf-8"))
    program = translation_table("vi")
    clashes = [(context, source) for context, strings in table.items()
               if isinstance(strings, dict) for source, target in strings.items()
               if source in program and program[source] != target
               and (context, source) != ("QPrintSettingsOutput", "None")]
    assert clashes == []
