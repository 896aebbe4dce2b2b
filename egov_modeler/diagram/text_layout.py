"""Measure and wrap text with the bundled font, identically on the canvas and in the PDF.

Why here and not in Qt: if the canvas wrapped names with ``QFontMetrics`` and the PDF with
reportlab, the two would break lines in different places and a name that fits on screen
could overflow its box on paper. Both therefore call :func:`wrap_text`/:func:`fit_text`,
which measure with the advance widths stored in the TrueType file itself (read through
reportlab's ``TTFont`` metrics). Units are points; in our geometry 1 scene pixel = 1 point.

Text is normalised to NFC first, so a name typed with combining diacritics (decomposed)
measures and prints the same as its precomposed form.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .fonts import printable, register_reportlab_fonts, reportlab_font_name

__all__ = [
    "DEFAULT_FONT_SIZE",
    "ELLIPSIS",
    "LINE_HEIGHT_FACTOR",
    "MIN_FONT_SIZE",
    "font_ascent",
    "fit_text",
    "layout_lines",
    "line_height",
    "text_width",
    "wrap_text",
]

#: Font size (points) of element names on the canvas and in the PDF.
DEFAULT_FONT_SIZE = 9.0
#: Smallest size :func:`fit_text` shrinks to before it cuts the text.
MIN_FONT_SIZE = 6.0
#: Distance between baselines as a multiple of the font size.
LINE_HEIGHT_FACTOR = 1.25
#: Appended to the last visible line when the text has to be cut.
ELLIPSIS = "…"
_SHRINK_STEP = 0.5


def line_height(font_size: float) -> float:
    """Baseline-to-baseline distance for ``font_size``."""
    return font_size * LINE_HEIGHT_FACTOR


def font_ascent(font_size: float, bold: bool = False) -> float:
    """Height above the baseline of the tallest letters (with Vietnamese stacked marks).

    A renderer places the first baseline at ``top + (line_height - size)/2 + ascent`` so
    the glyphs sit inside their line box.
    """
    from reportlab.pdfbase import pdfmetrics

    register_reportlab_fonts()
    face = pdfmetrics.getFont(reportlab_font_name(bold)).face
    return face.ascent * font_size / 1000.0


@lru_cache(maxsize=65536)
def _width(text: str, font_size: float, bold: bool) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, reportlab_font_name(bold), font_size)


def text_width(text: str, font_size: float, bold: bool = False) -> float:
    """Advance width of one line of ``text`` at ``font_size`` points."""
    register_reportlab_fonts()
    return _width(unicodedata.normalize("NFC", text), float(font_size), bool(bold))


def _break_word(word: str, font_size: float, max_width: float, bold: bool) -> list[str]:
    """Cut a word wider than ``max_width`` into pieces that fit, never splitting a letter
    from a following combining mark."""
    pieces: list[str] = []
    current = ""
    for char in word:
        candidate = current + char
        if (current and not unicodedata.combining(char)
                and _width(candidate, font_size, bold) > max_width):
            pieces.append(current)
            current = char
        else:
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def wrap_text(text: str, font_size: float, max_width: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` points.

    Explicit newlines are kept; spaces are the break opportunities; a word longer than a
    whole line is broken inside. Returns ``[]`` for empty text or a box with no width.
    """
    register_reportlab_fonts()
    text = printable(text)
    size = float(font_size)
    bold = bool(bold)
    text = unicodedata.normalize("NFC", text or "")
    if not text.strip() or max_width <= 0:
        return []
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if _width(candidate, size, bold) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
            if _width(word, size, bold) <= max_width:
                current = word
            else:
                pieces = _break_word(word, size, max_width, bold)
                lines.extend(pieces[:-1])
                current = pieces[-1]
        lines.append(current)
    # Trailing blank lines add height without showing anything.
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _ellipsize(line: str, font_size: float, max_width: float, bold: bool) -> str:
    """``line`` cut so that it plus :data:`ELLIPSIS` fits ``max_width``."""
    cut = line.rstrip()
    while cut and _width(cut + ELLIPSIS, font_size, bold) > max_width:
        cut = cut[:-1].rstrip()
    candidate = cut + ELLIPSIS
    return candidate if _width(candidate, font_size, bold) <= max_width else ""


def fit_text(
    text: str,
    font_size: float,
    max_width: float,
    max_height: float,
    min_size: float = MIN_FONT_SIZE,
    bold: bool = False,
) -> tuple[float, list[str]]:
    """Largest size from ``font_size`` down to ``min_size`` at which the wrapped text fits
    the box, with its lines.

    The result never overflows the box: when even ``min_size`` is too big, the lines that
    fit are kept and the last one ends with an ellipsis (or nothing is returned when not a
    single line fits), so a diagram stays readable rather than overprinted.
    """
    size = float(font_size)
    floor = min(float(min_size), size)
    while True:
        lines = wrap_text(text, size, max_width, bold)
        if len(lines) * line_height(size) <= max_height + 1e-6:
            return size, lines
        if size - _SHRINK_STEP < floor - 1e-9:
            break
        size -= _SHRINK_STEP
    size = floor
    lines = wrap_text(text, size, max_width, bold)
    fitting = int((max_height + 1e-6) // line_height(size))
    if fitting <= 0:
        return size, []
    kept = lines[:fitting]
    kept[-1] = _ellipsize(kept[-1], size, max_width, bold)
    if not kept[-1]:
        kept.pop()
    return size, kept


def layout_lines(
    text: str,
    box: tuple[float, float, float, float],
    font_size: float = DEFAULT_FONT_SIZE,
    bold: bool = False,
    align: str = "center",
    valign: str = "top",
) -> tuple[float, list[tuple[float, float, str]]]:
    """Fit ``text`` in ``box`` (x, y, w, h; y down) and place each line.

    Returns ``(size, [(x, baseline, line), ...])`` with ``x`` the left end of the line;
    ``align`` is "center", "left" or "right", ``valign`` "top", "middle" or "bottom". The
    baseline of line i is
    ``top + i*line_height + (line_height - size)/2 + ascent``, the rule the canvas uses too.
    """
    x, y, w, h = box
    if not text or w <= 0 or h <= 0:
        return float(font_size), []
    size, lines = fit_text(text, font_size, w, h, bold=bold)
    step = line_height(size)
    ascent = font_ascent(size, bold)
    top = y
    if valign == "middle":
        top = y + max(0.0, (h - step * len(lines)) / 2)
    elif valign == "bottom":
        top = y + max(0.0, h - step * len(lines))
    placed = []
    for i, line in enumerate(lines):
        baseline = top + i * step + (step - size) / 2 + ascent
        if align == "center":
            left = x + (w - text_width(line, size, bold)) / 2
        elif align == "right":
            left = x + w - text_width(line, size, bold)
        else:
            left = x
        placed.append((left, baseline, line))
    return size, placed
