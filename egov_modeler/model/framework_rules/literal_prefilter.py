"""A quick "cannot match" for name patterns that are plain words.

Why: two 2025 rules search every element's name with case-insensitive patterns such as
``(?i)\\bhuyện\\b`` or ``(?i)cổng dịch vụ công``; at 20,000 elements that search was a
tenth of a full validation (issue 19), and nearly every name matches none of them. When
each pattern is a word or phrase without any regular-expression syntax (a ``\\b`` at
either end allowed), a name that holds none of the phrases in lower case cannot match,
and ``phrase in name.lower()`` is many times faster than the search. Names that hold one
are still searched, so the answer is always the expression's own.

Safe only where ``str.lower`` finds whatever ``re.IGNORECASE`` finds. The engine also
folds dotless ı with i, long ſ with s, and ``İ`` with i (whose ``str.lower`` is i and a
combining dot): the lowered text has those made plain before the phrases are looked for.
Letters it folds with others beyond that (µ and μ, Greek, ṡ and ẛ, the long-s ligatures)
and ı or ſ in a pattern itself make the pattern ineligible.
"""

from __future__ import annotations

from collections.abc import Callable

_SYNTAX = frozenset(".^$*+?{}[]\\|()")
#: Letters (in lower case) that IGNORECASE matches with other letters than their cases,
#: and which the text's look-alikes are not made plain for.
_FOLDED_ALIKE = frozenset("ıſµṡẛﬅﬆ")
_BOUNDARY = "\\b"


def _phrase(pattern: str) -> str | None:
    """The lower-case phrase a ``(?i)`` pattern of plain words stands for, else ``None``."""
    if not pattern.startswith("(?i)"):
        return None
    body = pattern[4:]
    if body.startswith(_BOUNDARY):
        body = body[2:]
    if body.endswith(_BOUNDARY):
        body = body[:-2]
    if not body or any(c in _SYNTAX for c in body):
        return None
    lowered = body.lower()
    for char in lowered:
        if char == " ":
            continue
        if (not char.isalpha() or char in _FOLDED_ALIKE or len(char.upper()) != 1
                or "\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff"):
            return None
    return lowered if len(lowered) == len(body) else None


def prefiltered(patterns: tuple[str, ...], search: Callable[[str], bool]
                ) -> Callable[[str], bool]:
    """``search`` (the test of "any of ``patterns`` is found"), asked only of texts that
    hold one of the patterns' phrases when every pattern is eligible (module docstring);
    ``search`` itself otherwise."""
    phrases = [_phrase(p) for p in patterns]
    if not phrases or any(p is None for p in phrases):
        return search
    wanted = tuple(dict.fromkeys(p for p in phrases if p))

    def test(text: str) -> bool:
        lowered = text.lower()
        if not lowered.isascii():
            if "ı" in lowered:
                lowered = lowered.replace("ı", "i")
            if "ſ" in lowered:
                lowered = lowered.replace("ſ", "s")
            if "\u0307" in lowered:  # İ lowered: i and a combining dot above
                lowered = lowered.replace("\u0307", "")
        return any(p in lowered for p in wanted) and search(text)

    return test

