"""Typed reading of the fields of a decoded JSON object, with the shared limits.

Why: valid JSON can still hold ``"name": 5``, ``"font_size": "big"``, a colour
``#zzzzzz`` or a node 10^9 wide; loaded as they are, they crash or hang the window, the
PDF or the exchange export later, far from the file that caused it. Every ``*_from_dict``
of :mod:`.serialization` reads through a :class:`FieldReader`, so each field is checked
once, here, against :mod:`.limits`.

Two modes:

- *lenient* (a ``report`` list is given: the ``.egov`` reader): a wrong optional field
  gets its default, a number out of range is clamped, a text too long is cut, and each
  repair is one translated line in the report. A problem that leaves no sensible object
  (a missing id or end) raises :class:`FieldProblem`, and the caller skips that object.
- *strict* (no report: the journal, the clipboard, a command's dict form): the first
  problem of any kind raises :class:`FieldProblem`. Those texts are written by this
  program; anything odd in them means damage, and nothing is guessed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ..i18n import tr
from . import limits
from .ids import is_valid_id
from .safe_json import scrub_text


class FieldProblem(ValueError):
    """A field that cannot be read; the message (translated) says where and why."""


class Lazy:
    """A text worked out only when a message needs it: "where" a field is ("Relationship
    id-..."), translated, is wanted for the rare field that is wrong, not for each of the
    100,000 objects of a large file that are right."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[], str]) -> None:
        self._make = make

    def __str__(self) -> str:
        return self._make()

    def __format__(self, spec: str) -> str:
        return format(self._make(), spec)


#: Where a field is, as messages name it: a text, or one worked out when needed.
Place = str | Lazy


def _shown(value: Any) -> str:
    """A short form of a bad value for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def short_id(value: Any) -> str:
    """An object's id as messages name it: at most 60 characters of its text."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    return {bool: "true/false", int: tr("a number"), float: tr("a number"), str: tr("a text"),
            list: tr("a list"), dict: tr("an object")}.get(type(value), type(value).__name__)


class FieldReader:
    """Reads fields of JSON objects, collecting repairs in ``report`` (see module doc)."""

    def __init__(self, report: list[str] | None = None, *, scrub: bool = True) -> None:
        self.report = report
        #: False when every text already went through :func:`safe_json.loads` (which
        #: replaced unpaired surrogates), to spare a search per field.
        self.scrub = scrub

    @property
    def strict(self) -> bool:
        return self.report is None

    # ------------------------------------------------------------ outcomes
    def fail(self, where: Place, problem: str) -> FieldProblem:
        """The error for a problem that leaves no object (the caller raises it)."""
        return FieldProblem(f"{where}: {problem}")

    def note(self, where: Place, problem: str) -> None:
        """A repaired problem: reported (lenient) or raised (strict)."""
        if self.report is None:
            raise self.fail(where, problem)
        self.report.append(f"{where}: {problem}")

    def wrong_type(self, where: Place, key: str, value: Any, expected: str) -> None:
        """Report that ``key`` held ``value`` instead of ``expected`` (default used)."""
        self.note(where, tr("‘{field}’ should be {expected}, not {found} {value}; its default "
                            "was used", field=key, expected=expected, found=_kind(value),
                            value=_shown(value)))

    # ------------------------------------------------------------ objects and lists
    def obj(self, raw: Any, where: Place) -> dict[str, Any]:
        """``raw`` itself when it is an object; :class:`FieldProblem` otherwise."""
        if not isinstance(raw, dict):
            raise self.fail(where, tr("should be an object, not {found}", found=_kind(raw)))
        return raw

    def objects(self, raw: dict[str, Any], key: str, where: Place) -> list[Any]:
        """The list under ``key`` (empty when absent); the items are checked by the caller."""
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.wrong_type(where, key, value, tr("a list"))
            return []
        return value

    # ------------------------------------------------------------ texts
    def _cut(self, text: str, where: Place, key: str, max_length: int) -> str:
        replaced = 0
        if self.scrub:
            text, replaced = scrub_text(text)
        if replaced:
            self.note(where, tr("‘{field}’ held {count} invalid characters (unpaired "
                                "surrogates); they were replaced by �", field=key,
                                count=replaced))
        if len(text) > max_length:
            self.note(where, tr("‘{field}’ is longer than {count} characters; the rest was "
                                "cut", field=key, count=max_length))
            text = text[:max_length]
        return text

    def text(self, raw: dict[str, Any], key: str, where: Place, default: str = "",
             max_length: int = limits.MAX_TEXT_LENGTH) -> str:
        value = raw.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            self.wrong_type(where, key, value, tr("a text"))
            return default
        return self._cut(value, where, key, max_length)

    def name(self, raw: dict[str, Any], key: str, where: Place, default: str = "") -> str:
        return self.text(raw, key, where, default, limits.MAX_NAME_LENGTH)

    def optional_text(self, raw: dict[str, Any], key: str, where: Place,
                      max_length: int = limits.MAX_NAME_LENGTH) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(where, key, value, tr("a text"))
            return None
        return self._cut(value, where, key, max_length) or None

    def lang_map(self, raw: dict[str, Any], key: str, where: Place,
                 max_length: int = limits.MAX_TEXT_LENGTH) -> dict[str, str]:
        """A ``{language: text}`` (or any ``{text: text}``) object."""
        value = raw.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.wrong_type(where, key, value, tr("an object"))
            return {}
        out: dict[str, str] = {}
        for lang, text in value.items():
            if not isinstance(text, str):
                self.wrong_type(where, f"{key}.{lang}", text, tr("a text"))
                continue
            lang = self._cut(lang, where, key, limits.MAX_NAME_LENGTH)
            out[lang] = self._cut(text, where, f"{key}.{lang}", max_length)
        return out

    def properties(self, raw: dict[str, Any], key: str, where: Place) -> list[tuple[str, str]]:
        """``[[key, value], ...]`` pairs of texts, in order."""
        out: list[tuple[str, str]] = []
        names, texts = limits.MAX_NAME_LENGTH, limits.MAX_TEXT_LENGTH
        for index, pair in enumerate(self.objects(raw, key, where)):
            if (not self.scrub and type(pair) is list and len(pair) == 2  # the usual case
                    and type(pair[0]) is str and type(pair[1]) is str
                    and len(pair[0]) <= names and len(pair[1]) <= texts):
                out.append((pair[0], pair[1]))
                continue
            if (not isinstance(pair, list) or len(pair) != 2
                    or not all(isinstance(p, str) for p in pair)):
                self.note(where, tr("property #{n} should be a [name, value] pair of texts; it "
                                    "was left out", n=index + 1))
                continue
            out.append((self._cut(pair[0], where, key, limits.MAX_NAME_LENGTH),
                        self._cut(pair[1], where, key, limits.MAX_TEXT_LENGTH)))
        return out

    def texts(self, raw: dict[str, Any], key: str, where: Place) -> list[str]:
        """A list of texts (ids in a folder); what is not a text is left out."""
        out: list[str] = []
        for value in self.objects(raw, key, where):
            if isinstance(value, str):
                out.append(value)
            else:
                self.wrong_type(where, key, value, tr("a text"))
        return out

    # ------------------------------------------------------------ ids and references
    def identifier(self, raw: dict[str, Any], key: str, where: Place) -> str:
        """A required id: :class:`FieldProblem` when missing or not a valid id."""
        value = raw.get(key)
        if not is_valid_id(value):
            raise self.fail(where, tr("‘{field}’ is missing or not a valid id: {value}",
                                      field=key, value=_shown(value)))
        return str(value)

    def reference(self, raw: dict[str, Any], key: str, where: Place,
                  required: bool = False) -> str | None:
        """An id naming another object (its existence is checked by the caller)."""
        value = raw.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value:
            if required:
                raise self.fail(where, tr("‘{field}’ is missing or not an id: {value}",
                                          field=key, value=_shown(value)))
            self.wrong_type(where, key, value, tr("an id"))
            return None
        return value

    # ------------------------------------------------------------ flags and choices
    def boolean(self, raw: dict[str, Any], key: str, where: Place, default: bool = False) -> bool:
        value = raw.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.wrong_type(where, key, value, "true/false")
            return default
        return value

    def choice(self, raw: dict[str, Any], key: str, where: Place,
               allowed: tuple[str, ...]) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if value not in allowed:
            self.note(where, tr("‘{field}’ = {value} is not one of {allowed}; it was left out",
                                field=key, value=_shown(value), allowed=", ".join(allowed)))
            return None
        return value

    # ------------------------------------------------------------ numbers
    def _number(self, raw: dict[str, Any], key: str, where: Place) -> float | None:
        value = raw.get(key)
        if value is None:
            return None
        if not limits.is_finite_number(value):
            self.wrong_type(where, key, value, tr("a finite number"))
            return None
        return value

    def integer(self, raw: dict[str, Any], key: str, where: Place, low: int, high: int,
                default: int | None = None) -> int | None:
        """A whole number in ``[low, high]``: a fraction is rounded, the rest clamped."""
        value = self._number(raw, key, where)
        if value is None:
            return default
        number = round(value)
        if not low <= number <= high:
            fixed = int(limits.clamp(number, low, high))
            self.note(where, tr("‘{field}’ = {value} is outside {low}..{high}; {fixed} was "
                                "used", field=key, value=_shown(value), low=low, high=high,
                                fixed=fixed))
            return fixed
        return number

    def coordinate(self, raw: dict[str, Any], key: str, where: Place) -> int:
        value = self.integer(raw, key, where, -limits.MAX_COORDINATE, limits.MAX_COORDINATE)
        return 0 if value is None else value

    def size(self, raw: dict[str, Any], key: str, where: Place, default: int) -> int:
        """A width or height: missing, zero or negative gets ``default`` (reported)."""
        value = self._number(raw, key, where)
        if value is None or value < limits.MIN_NODE_SIZE:
            if value is not None or key not in raw:
                self.note(where, tr("‘{field}’ = {value} is not a positive size; {fixed} was "
                                    "used", field=key, value=_shown(raw.get(key)),
                                    fixed=default))
            return default
        if value > limits.MAX_NODE_SIZE:
            self.note(where, tr("‘{field}’ = {value} is outside {low}..{high}; {fixed} was "
                                "used", field=key, value=_shown(value),
                                low=limits.MIN_NODE_SIZE, high=limits.MAX_NODE_SIZE,
                                fixed=limits.MAX_NODE_SIZE))
            return limits.MAX_NODE_SIZE
        return max(limits.MIN_NODE_SIZE, round(value))

    def font_size(self, raw: dict[str, Any], key: str, where: Place) -> float | None:
        value = self._number(raw, key, where)
        if value is None:
            return None
        if limits.MIN_FONT_SIZE <= value <= limits.MAX_FONT_SIZE:
            return value  # as written (9 stays 9, so files come back byte for byte)
        size = limits.clamp_font_size(float(value))
        if size != value:
            self.note(where, tr("‘{field}’ = {value} is outside {low}..{high}; {fixed} was "
                                "used", field=key, value=_shown(value),
                                low=limits.MIN_FONT_SIZE, high=limits.MAX_FONT_SIZE,
                                fixed=size))
        return size

    def points(self, raw: dict[str, Any], key: str, where: Place) -> list[tuple[int, int]]:
        """``[[x, y], ...]`` bendpoints, clamped to the coordinate bounds."""
        out: list[tuple[int, int]] = []
        items = self.objects(raw, key, where)
        if len(items) > limits.MAX_BENDPOINTS:
            self.note(where, tr("more than {count} bendpoints; the rest were left out",
                                count=limits.MAX_BENDPOINTS))
            items = items[:limits.MAX_BENDPOINTS]
        for point in items:
            if (not isinstance(point, list) or len(point) != 2
                    or not all(limits.is_finite_number(v) for v in point)):
                self.note(where, tr("a bendpoint {value} is not a pair of numbers; it was left "
                                    "out", value=_shown(point)))
                continue
            pair = {"x": point[0], "y": point[1]}
            out.append((self.coordinate(pair, "x", where), self.coordinate(pair, "y", where)))
        return out

    def colour(self, raw: dict[str, Any], key: str, where: Place) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not limits.is_colour(value):
            self.note(where, tr("‘{field}’ = {value} is not a #rrggbb colour; the default is "
                                "drawn", field=key, value=_shown(value)))
            return None
        return str(value)

    def font_style(self, raw: dict[str, Any], key: str, where: Place) -> str | None:
        value = raw.get(key)
        if value is None:
            return None
        if not limits.is_font_style(value):
            self.note(where, tr("‘{field}’ = {value} is not a font style ({allowed}); it was "
                                "left out", field=key, value=_shown(value),
                                allowed=", ".join(limits.FONT_STYLE_WORDS)))
            return None
        return " ".join(str(value).split())


def finite_or_none(value: float | None) -> float | None:
    """``value`` unless it is NaN or infinite (what a writer leaves out)."""
    return value if value is None or math.isfinite(value) else None


__all__ = ["FieldProblem", "FieldReader", "Lazy", "Place", "finite_or_none", "short_id"]
