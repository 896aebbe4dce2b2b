"""The one bundled Vietnamese-capable font, shared by the canvas and the PDF.

Why one font: text is wrapped by measuring it (see :mod:`egov_modeler.diagram.text_layout`);
when the canvas and the PDF measure with the same TrueType file they break lines at the
same places, so what fits on screen fits on paper. Be Vietnam Pro comes from the PyPI
package ``fontpkg-be-vietnam-pro`` (SIL Open Font License 1.1, licence file shipped in the
package) and covers every Vietnamese letter with its diacritics.

The Qt interface registers the same files with ``QFontDatabase`` itself; this module only
knows paths and reportlab (reportlab is imported lazily, so the paths are usable anywhere).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = [
    "FONT_FAMILY",
    "FONT_WEIGHTS",
    "REPORTLAB_FONT_NAMES",
    "font_path",
    "licence_path",
    "register_reportlab_fonts",
    "reportlab_font_name",
]

#: The family name Qt sees after registering the files.
FONT_FAMILY = "Be Vietnam Pro"

#: weight key -> file name inside the package's ``files`` folder.
FONT_WEIGHTS: dict[str, str] = {
    "regular": "BeVietnamPro-Regular.ttf",
    "bold": "BeVietnamPro-Bold.ttf",
    "italic": "BeVietnamPro-Italic.ttf",
    "bolditalic": "BeVietnamPro-BoldItalic.ttf",
}

#: weight key -> the name the font is registered under with reportlab.
REPORTLAB_FONT_NAMES: dict[str, str] = {
    "regular": "BeVietnamPro",
    "bold": "BeVietnamPro-Bold",
    "italic": "BeVietnamPro-Italic",
    "bolditalic": "BeVietnamPro-BoldItalic",
}

_registered = False


def _package_root() -> Path:
    import fontpkg_be_vietnam_pro

    return Path(fontpkg_be_vietnam_pro.__file__).resolve().parent


def font_path(weight: str = "regular") -> Path:
    """Path of the TrueType file for ``weight`` ("regular", "bold", "italic", "bolditalic")."""
    try:
        file_name = FONT_WEIGHTS[weight]
    except KeyError:
        raise ValueError(
            f"unknown font weight {weight!r}; use one of {sorted(FONT_WEIGHTS)}"
        ) from None
    return _package_root() / "files" / file_name


def licence_path() -> Path:
    """Path of the font's licence (SIL OFL 1.1), to ship and show in About."""
    return _package_root() / "LICENSE"


def reportlab_font_name(bold: bool = False, italic: bool = False) -> str:
    """The reportlab font name for a style; call :func:`register_reportlab_fonts` first."""
    key = ("bold" if bold else "") + ("italic" if italic else "")
    return REPORTLAB_FONT_NAMES[key or "regular"]


def register_reportlab_fonts() -> str:
    """Register the TTFs with reportlab once (embedded, subset) and return the regular name.

    Also registers the family so that ``<b>``/``<i>`` in reportlab paragraphs pick the right
    file.
    """
    global _registered
    regular = REPORTLAB_FONT_NAMES["regular"]
    if _registered:
        return regular
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for weight, name in REPORTLAB_FONT_NAMES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_path(weight))))
    pdfmetrics.registerFontFamily(
        regular,
        normal=regular,
        bold=REPORTLAB_FONT_NAMES["bold"],
        italic=REPORTLAB_FONT_NAMES["italic"],
        boldItalic=REPORTLAB_FONT_NAMES["bolditalic"],
    )
    _registered = True
    log.debug("registered %s with reportlab", FONT_FAMILY)
    return regular


#: Stand-ins for characters people type in names that the bundled font does not draw
#: (reportlab would leave a blank where the glyph is missing, without a warning).
_STAND_INS = {"→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "⇐": "<=", "⇔": "<=>",
              "✓": "v", "✔": "v", "№": "No."}


@cache
def _drawn_characters() -> frozenset[int]:
    """The code points the bundled regular face has glyphs for."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(register_reportlab_fonts()).face
    return frozenset(face.charToGlyph)


@cache
def _drawn_text() -> frozenset[str]:
    """The characters the bundled regular face draws, and the line breaks and tabs."""
    return frozenset(map(chr, _drawn_characters())) | {"\n", "\t"}


def printable(text: str) -> str:
    """``text`` as the bundled font can draw it: a character it has no glyph for becomes
    its stand-in (``→`` is drawn ``->``) or ``?``, so a PDF never shows a blank gap."""
    if _drawn_text().issuperset(text):  # the usual case, checked in C
        return text
    drawn = _drawn_characters()
    return "".join(char if ord(char) in drawn or char in "\n\t"
                   else _STAND_INS.get(char, "?") for char in text)
