"""Print preview: the dossier's own pages, on paper, before they go to the printer.

Why the PDF's pages: what is printed must be what is archived and signed. The dialog
builds the dossier with :func:`~egov_modeler.export.pdf.dossier.dossier_bytes` (the same
code as File > Export > PDF, so the minimum text size, overview and detail pages, cover
and title blocks are the same) and paints each page with pdfium (pypdfium2) at the
printer's resolution, the page filling the sheet (the PDF's own margins are the page's).
Qt's ``QPrintPreviewWidget`` shows them; paper, orientation, fit or tile and the page
range are chosen beside it and rebuild the pages. The printer's own dialog (Qt's, in the
interface's language once :mod:`..qt_translations` is installed) comes with Print.

Printing is raster: a page is painted at the printer's resolution, at most
:data:`MAX_DPI` and :data:`MAX_PIXELS` pixels (an A0 sheet at 1200 dpi would need
gigabytes), which keeps 6 pt text sharp.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...export.pdf.dossier import DossierOptions, dossier_bytes
from ...export.pdf.pages import PAPER_SIZES
from ...i18n import current_language
from ...model.cancel import Cancelled, CancelToken
from ...model.errors import ModelError
from ..long_work import run_long
from .screen_fit import fit_to_screen

log = logging.getLogger(__name__)

__all__ = ["PrintPreviewDialog", "paint_pdf_pages"]

MAX_DPI = 300
MAX_PIXELS = 80_000_000
#: Pages the preview paints at most (from the first of the range): each is painted at the
#: screen's resolution into the preview, and a national model's dossier has 4,000.
PREVIEW_PAGES = 40
_PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3,
               "A2": QPageSize.PageSizeId.A2, "A1": QPageSize.PageSizeId.A1,
               "A0": QPageSize.PageSizeId.A0}


def _page_image(page, dpi: float) -> QImage:
    width, height = page.get_size()
    scale = min(dpi / 72.0, (MAX_PIXELS / max(1.0, width * height)) ** 0.5)
    bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) byte order for Qt
    image = bitmap.to_pil().convert("RGB")
    data = image.tobytes("raw", "RGB")
    qimage = QImage(data, image.width, image.height, image.width * 3,
                    QImage.Format.Format_RGB888)
    return qimage.copy()  # own the pixels: ``data`` goes away


def paint_pdf_pages(printer: QPrinter, pdf: bytes, first: int, last: int,
                    go_on: Callable[[int], bool] | None = None) -> int:
    """Paint pages ``first``..``last`` (1-based) of ``pdf`` on ``printer``, each filling
    its sheet; returns how many were painted. ``go_on(painted)`` is asked after each page
    but the last: False stops there. Each page is made as it is painted (a long range
    is thousands of pages)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return _paint_sheets(printer, _images(document, first, last,
                                              float(printer.resolution())), go_on)
    finally:
        document.close()


def page_images(pdf: bytes, first: int, last: int, dpi: float) -> list[QImage]:
    """Pages ``first``..``last`` (1-based) of ``pdf`` as images at ``dpi`` (at most
    :data:`MAX_DPI`). Qt lets a worker thread make images: the preview's pages are made
    there, and only painted on the window's thread."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return list(_images(document, first, last, dpi))
    finally:
        document.close()


def _images(document, first: int, last: int, dpi: float) -> Iterator[QImage]:
    """Pages ``first``..``last`` (1-based) of an open pdfium ``document``, each made as
    it is asked for, at ``dpi`` (at most :data:`MAX_DPI`)."""
    for index in range(first - 1, min(last, len(document))):
        yield _page_image(document[index], min(dpi, MAX_DPI))


def _paint_sheets(printer: QPrinter, pages: Iterable[QImage],
                  go_on: Callable[[int], bool] | None = None) -> int:
    """Paint each of ``pages`` on a sheet of its own, filling it (see
    :func:`paint_pdf_pages` for ``go_on``); returns how many were painted."""
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("the printer could not be started")
        return 0
    painted = 0
    try:
        for image in pages:
            if painted:
                if go_on is not None and not go_on(painted):
                    break
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            painter.drawImage(target, image)
            painted += 1
    finally:
        painter.end()
    return painted


class PrintPreviewDialog(QDialog):
    """Paper, orientation, fit or tile and page range beside the preview of the dossier's
    pages; Print opens the printer's dialog."""

    def __init__(self, model, options: DossierOptions | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print preview"))
        self._model = model
        self._base = options or DossierOptions(lang=current_language())
        self._pdf: bytes = b""
        self._pages = 0
        self._cache: dict[tuple, tuple[bytes, int]] = {}
        #: The preview's pages as images, made beside the window, and what they show.
        self._preview_images: list[QImage] = []
        self._preview_shows: tuple = ()

        self.paper = QComboBox()
        for name in PAPER_SIZES:
            self.paper.addItem(name, name)
        self.paper.setCurrentIndex(self.paper.findData(self._base.paper.upper()))
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.setCurrentIndex(self.orientation.findData(self._base.orientation))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Fit (overview and readable details)"), "fit")
        self.mode.addItem(self.tr("Tile at full size"), "tile")
        self.mode.setCurrentIndex(1 if self._base.tile else 0)
        self.first_page = QSpinBox()
        self.last_page = QSpinBox()
        for box in (self.first_page, self.last_page):
            box.setMinimum(1)
            # a new range repaints up to 40 preview pages (a second): once the number is
            # typed (Enter, or leaving the box), not at each of its digits
            box.setKeyboardTracking(False)
        self.status = QLabel()
        self.status.setObjectName("printStatus")

        self.preview_printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.preview = QPrintPreviewWidget(self.preview_printer, self)
        self.preview.paintRequested.connect(self._paint_preview)

        form = QFormLayout()
        form.addRow(self.tr("Paper size:"), self.paper)
        form.addRow(self.tr("Orientation:"), self.orientation)
        form.addRow(self.tr("Diagrams:"), self.mode)
        pages = QHBoxLayout()
        pages.addWidget(self.first_page)
        pages.addWidget(QLabel(self.tr("to")))
        pages.addWidget(self.last_page)
        form.addRow(self.tr("Pages:"), pages)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.status)
        side.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = self.buttons.addButton(self.tr("Print…"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.buttons.rejected.connect(self.reject)
        side.addWidget(self.buttons)
        main = QHBoxLayout(self)
        main.addLayout(side)
        main.addWidget(self.preview, 1)
        fit_to_screen(self, 1100, 760)

        for combo in (self.paper, self.orientation, self.mode):
            combo.currentIndexChanged.connect(self.rebuild)
        self.first_page.valueChanged.connect(self._range_changed)
        self.last_page.valueChanged.connect(self._range_changed)
        self.rebuild()

    # -- what is printed ------------------------------------------------------------------
    def options(self) -> DossierOptions:
        """The dossier options the pages are built with."""
        base = self._base
        return DossierOptions(paper=self.paper.currentData(),
                              orientation=self.orientation.currentData(),
                              tile=self.mode.currentData() == "tile", lang=base.lang,
                              views=base.views, cover=base.cover, appendix=base.appendix,
                              min_text=base.min_text, pdfa=base.pdfa,
                              signature_fields=base.signature_fields)

    def page_count(self) -> int:
        """Pages of the dossier with the current options."""
        return self._pages

    def page_range(self) -> tuple[int, int]:
        """The pages to print, 1-based and inclusive."""
        return self.first_page.value(), self.last_page.value()

    def pdf(self) -> bytes:
        """The dossier PDF whose pages are shown and printed."""
        return self._pdf

    def _page_layout(self) -> QPageLayout:
        orientation = (QPageLayout.Orientation.Landscape
                       if self.orientation.currentData() == "landscape"
                       else QPageLayout.Orientation.Portrait)
        return QPageLayout(QPageSize(_PAGE_SIZES[self.paper.currentData()]), orientation,
                           QMarginsF(0, 0, 0, 0))

    def prepare_printer(self, printer: QPrinter) -> None:
        """Paper, orientation, no margins and the page range on ``printer``."""
        printer.setFullPage(True)
        printer.setPageLayout(self._page_layout())
        first, last = self.page_range()
        printer.setFromTo(first, last)

    # -- behaviour ------------------------------------------------------------------------
    def rebuild(self, *_args: object) -> None:
        """Build the dossier with the chosen options and show its pages."""
        options = self.options()
        key = (options.paper, options.orientation, options.tile)
        cancel = CancelToken()
        try:
            if key not in self._cache:  # seconds for a national model: beside the window
                self._cache[key] = run_long(
                    self, self.tr("Laying out the dossier…"),
                    lambda: dossier_bytes(self._model, options, cancel), cancel=cancel)
            self._pdf, self._pages = self._cache[key]
        except Cancelled:
            self._show_nothing(self.tr("Stopped: the pages were not laid out"))
            return
        except ModelError as exc:
            self._show_nothing(str(exc))
            return
        for box in (self.first_page, self.last_page):
            box.blockSignals(True)
            box.setMaximum(self._pages)
        self.first_page.setValue(1)
        self.last_page.setValue(self._pages)
        for box in (self.first_page, self.last_page):
            box.blockSignals(False)
        self.print_button.setEnabled(self._pages > 0)
        self._range_changed()

    def _show_nothing(self, reason: str) -> None:
        """No pages (the layout was stopped or failed): say why, print nothing."""
        self._pdf, self._pages = b"", 0
        self._preview_images, self._preview_shows = [], ()
        self.status.setText(reason)
        self.print_button.setEnabled(False)
        self.preview.updatePreview()

    def _range_changed(self, *_args: object) -> None:
        if self.first_page.value() > self.last_page.value():
            self.last_page.setValue(self.first_page.value())
        first, last = self.page_range()
        count = last - first + 1 if self._pages else 0
        text = self.tr("{count} of {total} pages").format(count=count, total=self._pages)
        if count > PREVIEW_PAGES:
            text += "\n" + self.tr("The preview shows the first {shown}; Print prints all "
                                   "{count}.").format(shown=PREVIEW_PAGES, count=count)
        self.status.setText(text)
        self.prepare_printer(self.preview_printer)
        self._make_preview_images()
        self.preview.updatePreview()

    def _make_preview_images(self) -> None:
        """The pages the preview shows, made beside the window (40 pages took the
        window's thread a second at every new range) unless they are made already."""
        first, last = self.page_range()
        last = min(last, first + PREVIEW_PAGES - 1)
        dpi = float(self.preview_printer.resolution())
        shows = (id(self._pdf), first, last, dpi)  # the bytes live in the cache: the id names them
        if shows == self._preview_shows:
            return
        pdf = self._pdf
        self._preview_images = [] if not pdf else run_long(
            self, self.tr("Preparing the preview…"),
            lambda: page_images(pdf, first, last, dpi))
        self._preview_shows = shows

    def _paint_preview(self, printer: QPrinter) -> None:
        _paint_sheets(printer, self._preview_images)  # none: a blank sheet, not the last

    def print_to(self, printer: QPrinter, go_on: Callable[[int], bool] | None = None) -> int:
        """Print the chosen pages on ``printer`` (set up here: paper, orientation, range);
        returns how many pages were sent (``go_on`` as for :func:`paint_pdf_pages`)."""
        if not self._pdf:
            return 0
        self.prepare_printer(printer)
        first, last = self.page_range()
        return paint_pdf_pages(printer, self._pdf, first, last, go_on)

    def print_beside_window(self, printer: QPrinter) -> int:
        """:meth:`print_to` in a worker thread (Qt paints on a printer from any thread):
        a page takes half a second at 300 dpi, and a long range painted on the GUI thread
        froze the window that long at every page. The progress window says which page is
        being painted; Stop stops after it, and the pages painted so far are sent."""
        if not self._pdf:
            return 0
        self.prepare_printer(printer)  # the dialog's widgets are read here, not there
        first, last = self.page_range()
        pdf, total = self._pdf, last - first + 1
        cancel = CancelToken()
        painted = [0]

        def go_on(count: int) -> bool:
            painted[0] = count
            return not cancel.cancelled

        return run_long(
            self, self.tr("Printing…"),
            lambda: paint_pdf_pages(printer, pdf, first, last, go_on), cancel=cancel,
            detail=lambda: self.tr("page {page} of {total}").format(
                page=min(painted[0] + 1, total), total=total))

    def print_with_dialog(self) -> None:
        """The printer's dialog, then the chosen pages to that printer."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            self.first_page.setValue(max(1, printer.fromPage()))
            self.last_page.setValue(min(self._pages, printer.toPage() or self._pages))
        sent = self.print_beside_window(printer)
        self.status.setText(self.tr("{count} pages sent to the printer").format(count=sent))
        if sent:
            self.accept()
