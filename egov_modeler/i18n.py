"""Translation helper for the parts of the program that do not use Qt.

Source strings are English; the interface is Vietnamese first. Every text a user reads
(CLI output, validation messages, PDF captions) goes through :func:`tr`. The Vietnamese
tables live in ``resources/translations/vi/*.json`` (one file per area so that separate
pieces of work never edit the same file); each maps an English source string to its
Vietnamese form. The Qt interface reads the same tables through a ``QTranslator``, so a
string is translated once for both worlds.
"""

from __future__ import annotations

import json
import logging
import os
from functools import cache
from importlib import resources

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_language = os.environ.get("EGOV_LANG", DEFAULT_LANGUAGE)
if _language not in SUPPORTED_LANGUAGES:
    _language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Choose the language of every later :func:`tr` call ("vi" or "en")."""
    global _language
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {SUPPORTED_LANGUAGES}")
    _language = language


def current_language() -> str:
    """The language :func:`tr` translates into."""
    return _language


@cache
def translation_table(language: str) -> dict[str, str]:
    """All English-to-``language`` entries, merged from the per-area JSON files."""
    table: dict[str, str] = {}
    if language == "en":
        return table
    folder = resources.files("egov_modeler") / "resources" / "translations" / language
    if not folder.is_dir():
        return table
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        try:
            table.update(json.loads(entry.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:  # a broken table must not stop the program
            log.warning("translation table %s unreadable: %s", entry.name, exc)
    return table


def tr(text: str, language: str | None = None, **fields: object) -> str:
    """Translate an English source string, then fill ``{name}`` fields.

    An untranslated string falls back to English rather than failing: a missing
    translation is a cosmetic defect, not a reason to lose the user's work.
    """
    translated = translation_table(language or _language).get(text, text)
    return translated.format(**fields) if fields else translated


#: The operating-system failures a user meets opening, importing and saving files, in
#: words: Python's ``strerror`` is the C library's English text ("No such file or
#: directory"), even on a Vietnamese Windows.
_OS_REASONS = {
    "ENOENT": "the file or folder does not exist",
    "EISDIR": "it is a folder, not a file",
    "ENOTDIR": "a part of the path is not a folder",
    "EACCES": "permission denied (the file or folder is protected or open elsewhere)",
    "EPERM": "permission denied (the file or folder is protected or open elsewhere)",
    "ENOSPC": "the disk is full",
    "EROFS": "the disk is read-only",
    "ENAMETOOLONG": "the file name or path is too long",
    "EINVAL": "the file name is not valid",
    "EEXIST": "a file of that name already exists",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in the interface's language: the system's
    own English text translated, else what the error says (a reason the program wrote
    itself is already translated)."""
    import errno

    code = exc.errno
    name = errno.errorcode.get(code) if code is not None else None
    if name in _OS_REASONS and exc.strerror == os.strerror(code or 0):
        return tr(_OS_REASONS[name])
    return exc.strerror or str(exc)
