"""The dossier's cover, laid out as a Vietnamese administrative document.

Why this shape: the dossier goes to a People's Committee, whose officials read documents
presented per Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I. So the top of the
cover has two columns. Left: the superior body in upper case (``dossier:agency``) and
under it the issuing body in bold upper case (``dossier:issuer``), with a short rule below.
Right: the national title "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (bold) and the motto "Độc lập
- Tự do - Hạnh phúc" (bold, a rule of its width under it), then the place-and-date line in
italics ("Gia Lai, ngày 27 tháng 11 năm 2026"). Then the document kind and the title, bold,
upper case, centred; version and preparer; the table of contents.

An English dossier (``--lang en``) gets the same layout with "SOCIALIST REPUBLIC OF VIET
NAM / Independence - Freedom - Happiness" and "Gia Lai, 27 November 2026".
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from reportlab.lib.units import mm

from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...diagram.text_layout import layout_lines, line_height
from ...i18n import current_language, tr
from .blocks import draw_text

__all__ = ["date_line", "draw_cover", "parse_date", "upper_vi"]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
# "27/11/2026", "27-11-2026", "27.11.2026" (day first, as Vietnamese write it) or ISO
_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def upper_vi(text: str) -> str:
    """Upper case that keeps Vietnamese diacritics, in NFC ("Ủy ban" -> "ỦY BAN"); text
    typed with combining marks comes out precomposed like the rest."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).upper())


def parse_date(text: str) -> _dt.date | None:
    """The date a ``dossier:date`` value means: "27/11/2026" (day first; also with "-" or
    ".") or "2026-11-27"; ``None`` for anything else (then it is printed as typed)."""
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DAY_FIRST.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def date_line(place: str, date_text: str, lang: str | None = None) -> str:
    """The place-and-date line in the current (or given) language.

    Vietnamese follows NĐ 30/2020: "Gia Lai, ngày 05 tháng 02 năm 2026" — a day below 10 and
    the months 1 and 2 get a leading zero, other months do not ("tháng 11", "tháng 3").
    English: "Gia Lai, 5 February 2026". Without a place the line is the date alone; a date
    that cannot be read is printed as typed after the place.
    """
    lang = lang or current_language()
    date = parse_date(date_text)
    if date is None:
        text = date_text.strip()
        return f"{place}, {text}" if place and text else (place or text)
    if lang == "vi":
        day = f"{date.day:02d}"
        month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    else:
        day, month = str(date.day), _MONTHS_EN[date.month - 1]
    if place:
        return tr("{place}, {day} {month} {year}", lang, place=place, day=day, month=month,
                  year=date.year)
    return tr("{day} {month} {year}", lang, day=day, month=month, year=date.year)


def _centred(canvas, x: float, top: float, w: float, h: float, text: str, size: float,
             bold: bool = False, italic: bool = False) -> tuple[float, float]:
    """Draw ``text`` centred in the column (wrapped, shrunk if it must); returns the y just
    below the last line's descenders (where a rule can go) and the widest line's width."""
    size, placed = layout_lines(text, (0.0, 0.0, w, h), size, bold, "center", "top")
    if not placed:
        return top, 0.0
    font = reportlab_font_name(bold, italic)
    canvas.setFont(font, size)
    widest = 0.0
    for _lx, baseline, line in placed:
        line_w = canvas.stringWidth(line, font, size)
        widest = max(widest, line_w)
        canvas.drawString(x + (w - line_w) / 2, top - baseline, line)
    last_baseline = top - placed[-1][1]
    return min(top - len(placed) * line_height(size), last_baseline - 0.6 * size), widest


def _rule(canvas, centre: float, y: float, length: float) -> None:
    canvas.setLineWidth(0.7)
    canvas.line(centre - length / 2, y, centre + length / 2, y)


def _header(canvas, x: float, top: float, inner_w: float, fields: dict[str, str]) -> float:
    """The two NĐ 30 columns; returns the y below the lower of them."""
    left_w = inner_w * 0.45
    right_x, right_w = x + left_w + 6, inner_w - left_w - 6
    # 12.5 pt as on a landscape sheet; a portrait A4 column is narrower, so a smaller size
    # keeps "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" on one line as officials are used to seeing it
    size = 12.5 if inner_w >= 560 else 10.5
    # left: superior (regular) over issuer (bold); with one of them only, it is the issuer
    superior, issuer = fields.get("agency", ""), fields.get("issuer", "")
    if not issuer:
        superior, issuer = "", superior
    y = top
    if superior:
        y, _ = _centred(canvas, x, y, left_w - 6, 48, upper_vi(superior), size)
    if issuer:
        y, widest = _centred(canvas, x, y - 2, left_w - 6, 48, upper_vi(issuer), size,
                             True)
        _rule(canvas, x + (left_w - 6) / 2, y, max(widest / 3, 30 * mm))
    left_bottom = y
    # right: national title and motto, the motto underlined by a rule of its own width
    y, _ = _centred(canvas, right_x, top, right_w, 40,
                    tr("SOCIALIST REPUBLIC OF VIET NAM"), size, True)
    y, widest = _centred(canvas, right_x, y - 2, right_w, 40,
                         tr("Independence - Freedom - Happiness"), size + 1, True)
    _rule(canvas, right_x + right_w / 2, y, widest)
    line = date_line(fields.get("place", ""), fields.get("date", ""))
    if line:
        y, _ = _centred(canvas, right_x, y - 16, right_w, 36, line, size, italic=True)
    return min(left_bottom, y)


def draw_cover(canvas, width: float, height: float, fields: dict[str, str],
               contents: list[tuple[str, int]]) -> None:
    """The cover page: the NĐ 30 header (bodies, national title and motto, place and
    date), the dossier's kind and title, version, who prepared it, and a short table of
    contents ``[(entry, first page), ...]``."""
    register_reportlab_fonts()
    margin = 20 * mm
    inner_w = width - 2 * margin
    canvas.saveState()
    canvas.setLineWidth(1.2)
    canvas.rect(margin / 2, margin / 2, width - margin, height - margin)
    canvas.setStrokeColorRGB(0, 0, 0)
    below_header = _header(canvas, margin, height - margin, inner_w, fields)
    middle = min(height * 0.62, below_header - 60)
    y, _ = _centred(canvas, margin, middle + 34, inner_w, 24, tr("APPROVAL DOSSIER"), 14,
                    True)
    y, _ = _centred(canvas, margin + inner_w * 0.08, y - 6, inner_w * 0.84, 110,
                    upper_vi(fields.get("title", "")), 24, True)
    lines = []
    if fields.get("version"):
        lines.append(tr("Version: {version}", version=fields["version"]))
    if fields.get("prepared_by"):
        lines.append(tr("Prepared by: {name}", name=fields["prepared_by"]))
    y -= 24
    for line in lines:
        draw_text(canvas, margin, y, inner_w, 18, line, 12, False, "center")
        y -= 20
    if contents:
        y -= 20
        col_x = width / 2 - 80 * mm
        col_w = 160 * mm
        draw_text(canvas, col_x, y, col_w, 16, tr("Contents"), 11, True)
        y -= 18
        room = int((y - margin) // 14)
        shown = contents if len(contents) <= room else contents[: max(0, room - 1)]
        for entry, page in shown:
            draw_text(canvas, col_x, y, col_w - 20 * mm, 14, entry, 9.5)
            canvas.setFont(reportlab_font_name(False), 9.5)
            canvas.drawRightString(col_x + col_w, y - 11, str(page))
            y -= 14
        if len(shown) < len(contents):
            draw_text(canvas, col_x, y, col_w, 14, "…", 9.5)
    canvas.restoreState()
