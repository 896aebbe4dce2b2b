"""A reportlab canvas that writes "page n of m" once the total is known.

Why: the title block of every diagram page and the footer of the appendix say "page n of
m", but m is only known when the last page is done. Pages are held back until ``save`` and
then finished with their numbers (the usual reportlab recipe), at the places the page
registered with :meth:`NumberedCanvas.page_number_slot`. A page held back keeps its
drawing operators compressed in a spooled temporary file (on disk past a few megabytes):
the 20,000-element dossier has thousands of pages, and kept as text they held most of a
gigabyte (issue 19).
"""

from __future__ import annotations

import tempfile
import zlib
from collections.abc import Callable

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

#: Held-back pages stay in memory up to this many bytes (compressed), then go to disk.
SPOOL_IN_MEMORY = 8 * 1024 * 1024

__all__ = ["NumberedCanvas"]


def _deflate_now(page) -> None:
    """Compress the content of a page reportlab has just taken, rather than when it writes
    the file: it holds every page's operators as text until then, which for a dossier of
    thousands of pages was the larger part of the peak memory (issue 19)."""
    if page.Contents or not isinstance(page.stream, str) or not page.compression:
        return
    contents = PDFStream(content=zlib.compress(page.stream.encode("utf-8")))
    contents.dictionary["Filter"] = PDFName("FlateDecode")  # so reportlab adds none
    contents.__Comment__ = "page stream"
    page.Contents, page.stream = contents, None


class NumberedCanvas(Canvas):
    """Canvas that defers page output to fill in page numbers."""

    #: ``(page, total) -> text``; set by the dossier before building.
    page_label: Callable[[int, int], str] = staticmethod(lambda n, m: f"{n} / {m}")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pending: list[dict] = []
        self._spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
        self._slots: list[tuple[float, float, str, float, str, float]] = []
        self._marks: list[tuple[str, dict]] = []
        self.total_pages = 0

    def bookmarkPage(self, key: str, **kwargs) -> None:
        """Deferred too: a bookmark must point at the page object written at ``save``, not
        at whatever page the document counter shows while pages are held back."""
        self._marks.append((key, kwargs))

    def page_number_slot(self, x: float, y: float, font: str, size: float,
                         align: str = "center", max_width: float = 0.0) -> None:
        """Write this page's "page n of m" at ``(x, y)`` (baseline) when the total is known;
        with ``max_width`` it is made smaller if it would be wider than that."""
        self._slots.append((x, y, font, size, align, max_width))

    def showPage(self) -> None:
        state = dict(self.__dict__)
        code = zlib.compress("\n".join(state.pop("_code")).encode("utf-8", "surrogatepass"), 1)
        state["_code_at"] = (self._spool.tell(), len(code))
        self._spool.write(code)
        self._pending.append(state)
        self._slots = []
        self._marks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pending)
        self.total_pages = total
        pending, self._pending = self._pending, []
        pending.reverse()  # taken from the end, each page's state let go once written
        for number in range(1, total + 1):
            state = pending.pop()
            at, size = state.pop("_code_at")
            self._spool.seek(at)
            code = zlib.decompress(self._spool.read(size))
            self.__dict__.update(state)
            self._code = [code.decode("utf-8", "surrogatepass")]
            del code
            for key, kwargs in state["_marks"]:
                Canvas.bookmarkPage(self, key, **kwargs)
            for x, y, font, size, align, max_width in state["_slots"]:
                text = self.page_label(number, total)
                width = self.stringWidth(text, font, size)
                if max_width and width > max_width:
                    size = size * max_width / width
                self.setFont(font, size)
                self.setFillColorRGB(0, 0, 0)
                if align == "center":
                    self.drawCentredString(x, y, text)
                elif align == "right":
                    self.drawRightString(x, y, text)
                else:
                    self.drawString(x, y, text)
            super().showPage()
            _deflate_now(self._doc.Pages.pages[-1])
        self.total_pages = total
        self._spool.close()
        # Other streams (fonts) only deflated, not also ASCII85-encoded: a quarter smaller,
        # and the pure Python encoder took a tenth of a large dossier's time. reportlab
        # reads the setting when it writes the streams, here.
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            super().save()
        finally:
            rl_config.useA85 = a85
