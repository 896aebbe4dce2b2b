"""Long appendix tables laid out a page at a time and drawn straight on the canvas.

Why: as one reportlab ``Table`` of ``Paragraph`` cells, a 40,000-row appendix was split
again at every page break, each split measuring every row left (quadratic), and every
cell's paragraph was built and parsed as markup before anything was written. Appendix
cells are plain text (a name, a type, a description), so here each row is wrapped once,
breaking lines where reportlab's paragraphs broke them (widths measured once per word),
a page takes the rows that fit where it stands, and its rows are drawn with one text
object and one path for the grid. Each row is measured exactly once whatever the number of pages
(:attr:`TableLayout.measured` counts it; a test holds it to the number of rows), and only
the rows of the page being placed are held as lines.

The look is the one reportlab table's it replaces: 8 pt text on 10 pt leading, 3 pt
padding, the bold header repeated on each page on its grey-blue band, rows shaded every
other one (counting on across pages), a 0.4 pt grey grid.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from ...diagram.fonts import printable, reportlab_font_name

__all__ = ["PagedTable", "TableLayout", "TablePage"]

FONT_SIZE = 8.0
LEADING = 10.0
PADDING = 3.0
GRID_WIDTH = 0.4
GRID = colors.HexColor("#808080")
HEADER_FILL = colors.HexColor("#e8ecf0")
SHADE = colors.HexColor("#f7f9fb")

#: A row: each cell's lines.
Lines = list[list[str]]


class _Squeezed(str):
    """A line a little wider than its column (its spaces may shrink, as in a reportlab
    paragraph): ``word_space`` is what each space gives up (negative), drawn as word
    spacing so that the line ends at the column's edge as the paragraph's did."""

    word_space: float = 0.0


def _line(words: list[str], width: float, max_width: float) -> str:
    text = " ".join(words)
    if width <= max_width or len(words) < 2:
        return text
    line = _Squeezed(text)
    line.word_space = (max_width - width) / (len(words) - 1)
    return line


class _Wrapper:
    """Greedy line breaking of cell text as a reportlab paragraph breaks it (spaces may
    shrink a little, a word wider than the column is cut after filling the line), with
    the width of each word measured once: a line's width is its words' plus its spaces' (reportlab
    does not kern), and an appendix repeats the same words thousands of times."""

    def __init__(self, bold: bool) -> None:
        self.font = reportlab_font_name(bold)
        self.bold = bold
        self.space = pdfmetrics.stringWidth(" ", self.font, FONT_SIZE)
        self.shrink = rl_config.spaceShrinkage * self.space
        self.words: dict[str, float] = {}
        self.cells: dict[tuple[str, float], list[str]] = {}

    def width(self, word: str) -> float:
        width = self.words.get(word)
        if width is None:
            width = self.words[word] = pdfmetrics.stringWidth(word, self.font, FONT_SIZE)
        return width

    def lines(self, text: str, max_width: float) -> list[str]:
        """``text`` broken into lines no wider than ``max_width``; a text met again in
        the same column (a type, a layer, a source) is broken once."""
        key = (text, max_width)
        lines = self.cells.get(key)
        if lines is None:
            if len(self.cells) > _Encoder.LIMIT:
                self.cells.clear()
            lines = self.cells[key] = self._break(text, max_width)
        return lines

    def _cut(self, word: str, room: float, max_width: float) -> list[str | None]:
        """``word`` in pieces: the first fills ``room``, the others ``max_width``; ``None``
        between them marks a line break. A letter is never parted from a combining mark
        after it."""
        pieces: list[str | None] = []
        current = ""
        for char in word:
            candidate = current + char
            if (current and not unicodedata.combining(char)
                    and pdfmetrics.stringWidth(candidate, self.font, FONT_SIZE) > room):
                pieces += [current, None]
                current, room = char, max_width
            elif not current and pdfmetrics.stringWidth(char, self.font, FONT_SIZE) > room \
                    and room < max_width:
                pieces.append(None)  # not even one letter fits on this line
                current, room = char, max_width
            else:
                current = candidate
        if current:
            pieces.append(current)
        return pieces

    def _break(self, text: str, max_width: float) -> list[str]:
        text = unicodedata.normalize("NFC", printable(text))
        lines: list[str] = []
        for paragraph in text.split("\n"):
            words = paragraph.split()
            if not words:
                lines.append("")
                continue
            line: list[str] = []
            used = -self.space  # no space before the first word
            for word in words:
                width = self.width(word)
                # as in a paragraph, each space may give up a twentieth of its width
                if used + self.space + width <= max_width + self.shrink * len(line):
                    line.append(word)
                    used += self.space + width
                    continue
                if width <= max_width:  # the next line
                    lines.append(_line(line, used, max_width))
                    line, used = [word], width
                    continue
                # a word wider than the column (an address): as reportlab's paragraphs
                # cut it, the rest of this line first, then whole lines
                room = max_width - (used + self.space if line else 0.0)
                for piece in self._cut(word, room, max_width):
                    if piece is None:  # the line is full
                        lines.append(_line(line, used, max_width))
                        line, used = [], -self.space
                        continue
                    line.append(piece)
                    used += self.space + self.width(piece)
            lines.append(_line(line, used, max_width))
        while lines and not lines[-1]:
            lines.pop()
        return lines or [""]


class _Encoder:
    """PDF text-showing operators for lines in one bundled TrueType font, as reportlab's
    text object writes them (the font's subsets, each chunk escaped), with each distinct
    line encoded once per table: the type, layer and source columns repeat the same few
    lines on every row. The subset assignment is the document's, so the encoded chunks
    stay valid for the whole file; the cache is dropped when it grows large."""

    LIMIT = 50_000

    def __init__(self, bold: bool) -> None:
        self.font = pdfmetrics.getFont(reportlab_font_name(bold))
        self.chunks: dict[str, list[tuple[int, str]]] = {}
        self.words: dict[str, list[tuple[int, bytes]]] = {}
        self.subset = -1  # the subset selected last in the current text object
        self.doc: object = None

    def _encode(self, line: str) -> list[tuple[int, str]]:
        """The line's chunks, subset by subset, made of its words' (each split into
        subsets once): a space is code 32 in every subset reportlab makes, so words stay
        in the subset they are in rather than switching back to the first for each space
        as reportlab's own text object does."""
        runs: list[tuple[int, bytearray]] = []
        for k, word in enumerate(line.split(" ")):
            if k:
                if runs:
                    runs[-1][1].append(32)
                else:
                    runs.append((0, bytearray(b" ")))
            chunks = self.words.get(word)
            if chunks is None:
                chunks = self.words[word] = self.font.splitString(word, self.doc)
            for subset, chunk in chunks:
                if runs and runs[-1][0] == subset:
                    runs[-1][1].extend(chunk)
                else:
                    runs.append((subset, bytearray(chunk)))
        return [(subset, escapePDF(bytes(chunk))) for subset, chunk in runs]

    def start(self, canvas) -> None:
        """Lines follow in a text object where no subset of this font is selected."""
        doc = canvas._doc  # the document the subsets belong to
        if doc is not self.doc:
            self.doc = doc
            self.chunks.clear()
            self.words.clear()
        self.subset = -1

    def show(self, line: str, ops: list[str]) -> None:
        chunks = self.chunks.get(line)
        if chunks is None:
            if len(self.chunks) > self.LIMIT:
                self.chunks.clear()
            if len(self.words) > self.LIMIT:
                self.words.clear()
            chunks = self.chunks[line] = self._encode(line)
        for subset, escaped in chunks:
            if subset != self.subset:
                name = self.font.getSubsetInternalName(subset, self.doc)
                ops.append(f"{name} {fp_str(FONT_SIZE)} Tf")
                self.subset = subset
            ops.append(f"({escaped}) Tj")


def _wrap(cells: list[str], widths: list[float], wrapper: _Wrapper) -> Lines:
    return [wrapper.lines(str(cell), width - 2 * PADDING)
            for cell, width in zip(cells, widths, strict=True)]


def _height(row: Lines) -> float:
    return max(len(lines) for lines in row) * LEADING + 2 * PADDING


@dataclass
class TableLayout:
    """The table's text and column widths, and the rows measured but not yet placed.

    ``measured`` counts the rows wrapped so far; ``pages`` the pages placed."""

    header: list[str]
    rows: list[list[str]]
    widths: list[float]
    measured: int = 0
    pages: int = 0
    _header: Lines = field(default_factory=list)
    _wrappers: tuple[_Wrapper, _Wrapper] | None = None
    _encoders: tuple[_Encoder, _Encoder] | None = None
    _ready: dict[int, Lines] = field(default_factory=dict)  # row index -> its lines

    def _wrapper(self, bold: bool) -> _Wrapper:
        if self._wrappers is None:
            self._wrappers = (_Wrapper(False), _Wrapper(True))
        return self._wrappers[bold]

    def encoders(self) -> tuple[_Encoder, _Encoder]:
        """The text encoders of the regular and the bold font (one set per table)."""
        if self._encoders is None:
            self._encoders = (_Encoder(False), _Encoder(True))
        return self._encoders

    def header_lines(self) -> Lines:
        if not self._header:
            self._header = _wrap(self.header, self.widths, self._wrapper(True))
        return self._header

    def row_lines(self, index: int) -> Lines:
        lines = self._ready.get(index)
        if lines is None:
            lines = self._ready[index] = _wrap(self.rows[index], self.widths,
                                               self._wrapper(False))
            self.measured += 1
        return lines

    def forget(self, index: int) -> None:
        """Row ``index`` is placed: its lines live on in its page only."""
        self._ready.pop(index, None)


class PagedTable(Flowable):
    """The rows from ``first`` on, still to be placed; always split, a page at a time."""

    def __init__(self, layout: TableLayout, first: int = 0,
                 rest: Lines | None = None) -> None:
        super().__init__()
        self.layout, self.first = layout, first
        self.rest = rest  # what is left of row ``first`` when it ran over a whole page

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, available_height + 1  # never "fits": it is always split

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        layout = self.layout
        if self.first >= len(layout.rows):
            return []
        header = layout.header_lines()
        room = available_height - _height(header)
        index, used = self.first, 0.0
        rows: list[Lines] = []
        while index < len(layout.rows):
            row = self.rest if index == self.first and self.rest is not None \
                else layout.row_lines(index)
            height = _height(row)
            if used + height > room:
                break
            rows.append(row)
            layout.forget(index)
            used += height
            index += 1
        rest: Lines | None = None
        if not rows:
            frame = getattr(getattr(getattr(self, "canv", None), "_doctemplate", None),
                            "frame", None)
            if frame is None or not getattr(frame, "_atTop", False):
                return []  # not even one row here: the next page
            # a row taller than a whole page: its first lines here, the rest on the next
            row = self.rest if self.rest is not None else layout.row_lines(index)
            layout.forget(index)
            fit = max(1, int((room - 2 * PADDING) // LEADING))
            rows = [[lines[:fit] for lines in row]]
            rest = [lines[fit:] or [""] for lines in row]
        layout.pages += 1
        placed: list[Flowable] = [TablePage(layout, header, rows, self.first)]
        if rest is not None:
            placed.append(PagedTable(layout, index, rest))
        elif index < len(layout.rows):
            placed.append(PagedTable(layout, index))
        return placed

    def draw(self) -> None:  # pragma: no cover - always split before it is drawn
        pass


class TablePage(Flowable):
    """One page of a table: the header and the rows placed there, as lines of text."""

    def __init__(self, layout: TableLayout, header: Lines, rows: list[Lines],
                 first: int) -> None:
        super().__init__()
        self.widths, self.encoders = layout.widths, layout.encoders()
        self.header, self.rows, self.first = header, rows, first
        self.heights = [_height(header)] + [_height(row) for row in rows]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = sum(self.heights)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        width, height = sum(self.widths), sum(self.heights)
        tops = [height]
        for h in self.heights:
            tops.append(tops[-1] - h)
        canvas.saveState()
        # bands: the header, then every other row shaded, counting on from earlier pages
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, tops[1], width, self.heights[0], stroke=0, fill=1)
        canvas.setFillColor(SHADE)
        for n in range(len(self.rows)):
            if (self.first + n) % 2:
                canvas.rect(0, tops[n + 2], width, self.heights[n + 1], stroke=0, fill=1)
        lefts = [0.0]
        for w in self.widths:
            lefts.append(lefts[-1] + w)
        ops = ["BT", "0 g", f"{fp_str(LEADING)} TL"]
        current = None
        for n, row in enumerate([self.header, *self.rows]):
            encoder = self.encoders[n == 0]
            if encoder is not current:  # the other font was selected meanwhile
                encoder.start(canvas)
                current = encoder
            baseline = tops[n] - PADDING - FONT_SIZE
            for left, lines in zip(lefts, row, strict=False):
                if any(lines):
                    ops.append(f"1 0 0 1 {fp_str(left + PADDING, baseline)} Tm")
                    for k, line in enumerate(lines):
                        if k:
                            ops.append("T*")
                        if isinstance(line, _Squeezed):
                            ops.append(f"{fp_str(line.word_space)} Tw")
                            encoder.show(line, ops)
                            ops.append("0 Tw")
                        else:
                            encoder.show(line, ops)
        ops.append("ET")
        canvas.addLiteral("\n".join(ops))
        grid = canvas.beginPath()
        for y in tops:
            grid.moveTo(0, y)
            grid.lineTo(width, y)
        for x in lefts:
            grid.moveTo(x, 0)
            grid.lineTo(x, height)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(GRID_WIDTH)
        canvas.drawPath(grid, stroke=1, fill=0)
        canvas.restoreState()
