"""The dossier's cover and contents, laid out as a Vietnamese administrative document.

Why this shape: the dossier goes to a People's Committee, whose officials read documents
presented per Nghị định 30/2020/NĐ-CP (công tác văn thư), Phụ lục I "Thể thức, kỹ thuật
trình bày văn bản hành chính". The facts used here, with where the decree states them:

- I.3 font: a Vietnamese Unicode font (TCVN 6909:2001), black — the bundled Be Vietnam Pro;
- I.4 margins: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm (``TEXT_MARGINS``);
- II.1 Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": upper case, 12-13 pt, upright, bold;
  Tiêu ngữ "Độc lập - Tự do - Hạnh phúc": 13-14 pt, upright, bold, under the Quốc hiệu,
  with a solid rule under it as long as the line;
- II.2 the issuing body's name: its superior body (cơ quan chủ quản) upper case 12-13 pt
  upright; the issuing body under it upper case 12-13 pt upright bold, with a solid rule
  under it 1/3 to 1/2 of the line's length, centred;
- II.4 place and date: 13-14 pt, italic, centred under the Tiêu ngữ; "ngày 05 tháng 02"
  (a zero before days under 10 and months 1 and 2);
- II.5 the document kind (tên loại): upper case, 13-14 pt, upright, bold, centred.

These are the decree's Phụ lục I as published (Công báo); the text was not at hand on the
machine this was written on, so they were checked against the published decree from
memory, not against a file in the repository. The sizes are absolute points, the same on
every paper from A4 to A0: the header is as large as the decree says on A0 too, and on a
portrait A4 nothing is shrunk below it (a long agency name takes two lines instead).

So the top of the cover has two columns. Left: the superior body (``dossier:agency``) and
under it the issuing body (``dossier:issuer``). Right: Quốc hiệu, Tiêu ngữ, the place and
date. Then the document kind and the title, centred; the line "(Ban hành kèm theo Quyết
định số …)" when ``dossier:decision`` is set; version and preparer; the contents, which
go on over as many further pages as the views need.

An English dossier (``--lang en``) gets the same layout with "SOCIALIST REPUBLIC OF VIET
NAM / Independence - Freedom - Happiness" and "Gia Lai, 27 November 2026".
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import unicodedata

from reportlab.lib.units import mm

from ...diagram.fonts import register_reportlab_fonts, reportlab_font_name
from ...diagram.text_layout import font_ascent, line_height, text_width, wrap_text
from ...i18n import current_language, tr
from .blocks import draw_field, draw_text
from .pages import TEXT_MARGINS

__all__ = [
    "continuation_rows",
    "cover_contents_room",
    "date_line",
    "draw_contents_page",
    "draw_cover",
    "header_sizes",
    "parse_date",
    "text_area",
    "upper_vi",
]

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



#: Sizes from the ranges of NĐ 30/2020 Phụ lục I (see the module's docstring).
NATIONAL_TITLE_SIZES = (13.0, 12.5, 12.0)  # Quốc hiệu, and the agency names beside it
MOTTO_EXTRA = 1.0  # Tiêu ngữ and the date line: 13-14 pt, one above the Quốc hiệu
KIND_SIZE = 14.0  # tên loại
CONTENTS_SIZE = 13.0  # body text of NĐ 30 (13-14 pt)
CONTENTS_STEP = CONTENTS_SIZE * 1.35
COLUMN_GAP = 12.0


def _lines_at(text: str, size: float, width: float, bold: bool) -> list[str]:
    """``text`` wrapped at exactly ``size`` (a decree size is never shrunk)."""
    return wrap_text(text, size, width, bold) if text else []


def _centred(canvas, x: float, top: float, w: float, text: str, size: float,
             bold: bool = False, italic: bool = False) -> tuple[float, float]:
    """Draw ``text`` centred in the column at exactly ``size`` (wrapped between words when
    it must); returns the y just below the last line's descenders (where a rule can go)
    and the widest line's width."""
    lines = _lines_at(text, size, w, bold)
    if not lines:
        return top, 0.0
    font = reportlab_font_name(bold, italic)
    canvas.setFont(font, size)
    widest = 0.0
    step = line_height(size)
    ascent = font_ascent(size, bold)
    baseline = top
    for i, line in enumerate(lines):
        line_w = canvas.stringWidth(line, font, size)
        widest = max(widest, line_w)
        baseline = top - i * step - (step - size) / 2 - ascent
        canvas.drawString(x + (w - line_w) / 2, baseline, line)
    return min(top - len(lines) * step, baseline - 0.6 * size), widest


def _rule(canvas, centre: float, y: float, length: float) -> None:
    canvas.setLineWidth(0.7)
    canvas.line(centre - length / 2, y, centre + length / 2, y)


def header_sizes(inner_w: float, fields: dict[str, str]) -> tuple[float, float]:
    """``(Quốc hiệu size, left column width)``: the largest decree size (13, 12.5, 12)
    at which the Quốc hiệu fits its column on one line and the issuing body keeps as
    much room as it can; the right column is as wide as the Quốc hiệu needs."""
    issuer = upper_vi(fields.get("issuer") or fields.get("agency") or "")

    def right_width(size: float) -> float:
        return max(text_width(tr("SOCIALIST REPUBLIC OF VIET NAM"), size, True),
                   text_width(tr("Independence - Freedom - Happiness"), size + MOTTO_EXTRA,
                              True)) + 8

    for size in NATIONAL_TITLE_SIZES:
        left_w = inner_w - right_width(size) - COLUMN_GAP
        if not issuer or text_width(issuer, size, True) <= left_w:
            return size, max(left_w, inner_w * 0.35)
    size = NATIONAL_TITLE_SIZES[-1]
    return size, max(inner_w - right_width(size) - COLUMN_GAP, inner_w * 0.35)


def _header(canvas, x: float, top: float, inner_w: float, fields: dict[str, str]) -> float:
    """The two NĐ 30 columns; returns the y below the lower of them."""
    size, left_w = header_sizes(inner_w, fields)
    right_x = x + left_w + COLUMN_GAP
    right_w = inner_w - left_w - COLUMN_GAP
    # left: superior (regular) over issuer (bold); with one of them only, it is the issuer
    superior, issuer = fields.get("agency", ""), fields.get("issuer", "")
    if not issuer:
        superior, issuer = "", superior
    y = top
    if superior:
        y, _ = _centred(canvas, x, y, left_w, upper_vi(superior), size)
    if issuer:
        y, widest = _centred(canvas, x, y, left_w, upper_vi(issuer), size, True)
        # II.2: a rule 1/3 to 1/2 as long as the line above it
        _rule(canvas, x + left_w / 2, y, widest * 0.4)
    left_bottom = y
    # right: national title and motto, the motto underlined by a rule of its own width
    y, _ = _centred(canvas, right_x, top, right_w, tr("SOCIALIST REPUBLIC OF VIET NAM"),
                    size, True)
    y, widest = _centred(canvas, right_x, y, right_w,
                         tr("Independence - Freedom - Happiness"), size + MOTTO_EXTRA, True)
    _rule(canvas, right_x + right_w / 2, y, widest)
    line = date_line(fields.get("place", ""), fields.get("date", ""))
    if line:
        y, _ = _centred(canvas, right_x, y - 14, right_w, line, size + MOTTO_EXTRA,
                        italic=True)
    return min(left_bottom, y)


def text_area(width: float, height: float) -> tuple[float, float, float, float]:
    """``(left, bottom, inner width, top)`` of a text page within the NĐ 30 margins."""
    left = TEXT_MARGINS["left"]
    inner_w = width - left - TEXT_MARGINS["right"]
    return left, TEXT_MARGINS["bottom"], inner_w, height - TEXT_MARGINS["top"]


def _frame(canvas, width: float, height: float) -> None:
    """A thin frame just outside the text area (a cover, not a letter)."""
    left, bottom, inner_w, top = text_area(width, height)
    pad = 6 * mm
    canvas.setLineWidth(1.2)
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.rect(left - pad, bottom - pad, inner_w + 2 * pad, top - bottom + 2 * pad)


def contents_rows(top: float, bottom: float) -> int:
    """How many contents entries fit between ``top`` and ``bottom``."""
    return max(0, int((top - bottom) // CONTENTS_STEP))


def _contents(canvas, x: float, y: float, w: float, bottom: float,
              entries: list[tuple[str, int]], title: str) -> int:
    """Draw a contents heading and as many ``(entry, page)`` rows as fit above
    ``bottom``; returns how many were drawn. An entry too long for its line is fitted
    like a title-block value (smaller, then two lines), never cut."""
    draw_text(canvas, x, y, w, 20, title, CONTENTS_SIZE, True)
    y -= CONTENTS_STEP + 4
    room = contents_rows(y, bottom)
    shown = entries[:room]
    number_w = text_width("0000", CONTENTS_SIZE) + 6
    for entry, page in shown:
        draw_field(canvas, x, y, w - number_w, CONTENTS_STEP, entry, CONTENTS_SIZE,
                   valign="middle")
        canvas.setFont(reportlab_font_name(False), CONTENTS_SIZE)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawRightString(x + w, y - CONTENTS_STEP / 2 - CONTENTS_SIZE / 3, str(page))
        y -= CONTENTS_STEP
    return len(shown)


def _cover_body(canvas, width: float, height: float, fields: dict[str, str]) -> float:
    """Header, kind, title, decision line, version and preparer; returns the y below."""
    left, _, inner_w, top = text_area(width, height)
    below_header = _header(canvas, left, top, inner_w, fields)
    middle = min(height * 0.66, below_header - 50)
    y, _ = _centred(canvas, left, middle, inner_w, tr("APPROVAL DOSSIER"), KIND_SIZE, True)
    y, _ = _centred(canvas, left + inner_w * 0.05, y - 6, inner_w * 0.9,
                    upper_vi(fields.get("title", "")), 20 if width < 700 else 24, True)
    if fields.get("decision"):
        y, _ = _centred(canvas, left, y - 4, inner_w,
                        tr("(Issued with Decision {decision})", decision=fields["decision"]),
                        CONTENTS_SIZE, italic=True)
    lines = []
    if fields.get("version"):
        lines.append(tr("Version: {version}", version=fields["version"]))
    if fields.get("prepared_by"):
        lines.append(tr("Prepared by: {name}", name=fields["prepared_by"]))
    if fields.get("framework"):
        lines.append(tr("Framework: {framework}", framework=fields["framework"]))
    y -= 16
    for line in lines:
        y, _ = _centred(canvas, left, y, inner_w, line, CONTENTS_SIZE)
        y -= 2
    return y


def _contents_column(width: float, inner_w: float, left: float) -> tuple[float, float]:
    w = min(inner_w, 170 * mm)
    return left + (inner_w - w) / 2, w


def cover_contents_room(width: float, height: float, fields: dict[str, str]) -> int:
    """How many contents entries the cover holds (the rest go on continuation pages);
    measured by laying the cover out on a scratch canvas, so it cannot disagree with
    :func:`draw_cover`."""
    from reportlab.pdfgen.canvas import Canvas

    scratch = Canvas(io.BytesIO(), pagesize=(width, height))
    register_reportlab_fonts()
    y = _cover_body(scratch, width, height, fields)
    _, bottom, _, _ = text_area(width, height)
    return contents_rows(y - 24 - CONTENTS_STEP - 4, bottom)


def continuation_rows(width: float, height: float) -> int:
    """How many contents entries a continuation page holds."""
    _, bottom, _, top = text_area(width, height)
    return contents_rows(top - CONTENTS_STEP - 4, bottom)


def draw_cover(canvas, width: float, height: float, fields: dict[str, str],
               contents: list[tuple[str, int]]) -> int:
    """The cover page: the NĐ 30 header (bodies, national title and motto, place and
    date), the dossier's kind and title, version, who prepared it, and the start of the
    contents ``[(entry, first page), ...]``; returns how many entries it drew."""
    register_reportlab_fonts()
    canvas.saveState()
    _frame(canvas, width, height)
    y = _cover_body(canvas, width, height, fields)
    left, bottom, inner_w, _ = text_area(width, height)
    drawn = 0
    if contents:
        x, w = _contents_column(width, inner_w, left)
        drawn = _contents(canvas, x, y - 24, w, bottom, contents, tr("Contents"))
    canvas.restoreState()
    return drawn


def draw_contents_page(canvas, width: float, height: float,
                       contents: list[tuple[str, int]]) -> int:
    """A continuation page of the contents; returns how many entries it drew."""
    register_reportlab_fonts()
    left, bottom, inner_w, top = text_area(width, height)
    x, w = _contents_column(width, inner_w, left)
    canvas.saveState()
    drawn = _contents(canvas, x, top, w, bottom, contents, tr("Contents (continued)"))
    canvas.restoreState()
    return drawn
