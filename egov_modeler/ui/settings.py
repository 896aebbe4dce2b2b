"""The user's preferences kept in ``QSettings`` and read when the program starts.

Today one preference: the interface language. It is applied at start, not live, because
menus, docks, the palette and the catalog texts are built once in the chosen language;
switching them in place would leave half the window in the other one. Precedence, highest
first: ``--lang`` on the command line, the ``EGOV_LANG`` environment variable, the choice
made in Preferences, Vietnamese.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QSettings

from ..i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

#: Where Preferences keeps the language ("vi" or "en").
LANGUAGE_KEY = "interface/language"
#: The environment variable that overrides the preference (and is overridden by --lang).
LANGUAGE_ENVIRONMENT = "EGOV_LANG"


def preferred_language(settings: QSettings) -> str | None:
    """The language chosen in Preferences, or ``None`` when none (or a value this version
    does not know) is stored."""
    value = settings.value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value in SUPPORTED_LANGUAGES else None


def set_preferred_language(settings: QSettings, language: str) -> None:
    """Keep ``language`` for the next start."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {SUPPORTED_LANGUAGES}")
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def environment_language(environ: Mapping[str, str]) -> str | None:
    """``EGOV_LANG`` when it names a supported language, else ``None``."""
    value = environ.get(LANGUAGE_ENVIRONMENT, "")
    return value if value in SUPPORTED_LANGUAGES else None


def startup_language(command_line: str | None, environ: Mapping[str, str],
                     settings: QSettings) -> str:
    """The language the window starts in: ``--lang`` > ``EGOV_LANG`` > Preferences > vi."""
    for candidate in (command_line, environment_language(environ),
                      preferred_language(settings)):
        if candidate in SUPPORTED_LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE
