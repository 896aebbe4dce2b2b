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

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, count
from operator import add

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


def _phrases(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    """The phrases of ``patterns`` when every one is eligible (module docstring)."""
    phrases = [_phrase(p) for p in patterns]
    if not phrases or any(p is None for p in phrases):
        return None
    return tuple(dict.fromkeys(p for p in phrases if p))


def prefiltered(patterns: tuple[str, ...], search: Callable[[str], bool]
                ) -> Callable[[str], bool]:
    """``search`` (the test of "any of ``patterns`` is found"), asked only of texts that
    hold one of the patterns' phrases when every pattern is eligible (module docstring);
    ``search`` itself otherwise."""
    wanted = _phrases(patterns)
    if wanted is None:
        return search

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



def prefiltered_many(patterns: tuple[str, ...], search: Callable[[str], bool]
                     ) -> Callable[[list[str]], list[bool]]:
    """:func:`prefiltered` for many texts at once: the answer for each of them.

    Why: validation asks it of every name of a 20,000-element model, and lowering each
    name and looking for each phrase in it is a tenth of a millisecond per hundred names
    (issue 19). The texts are joined by ``\\x00`` (which no phrase holds, so a phrase
    found lies within one text), lowered and searched at once, and each place a phrase
    is found tells whose text it is; only those texts are searched. When lowering
    changes the length (``İ``, whose lower case is two characters), the places would not
    tell: each text is then tested on its own."""
    wanted = _phrases(patterns)
    one = prefiltered(patterns, search)

    def test_many(texts: list[str]) -> list[bool]:
        if wanted is None:
            return [search(text) for text in texts]
        joined = "\x00".join(texts)
        lowered = joined.lower()
        if len(lowered) != len(joined) or "\u0307" in lowered:
            return [one(text) for text in texts]
        if "ı" in lowered:
            lowered = lowered.replace("ı", "i")
        if "ſ" in lowered:
            lowered = lowered.replace("ſ", "s")
        # where each text starts: the lengths before it, and one \x00 after each
        starts = list(map(add, accumulate(map(len, texts), initial=0), count()))
        holding: set[int] = set()
        for phrase in wanted:
            at = lowered.find(phrase)
            while at != -1:
                holding.add(bisect_right(starts, at) - 1)
                at = lowered.find(phrase, at + 1)
        found = [False] * len(texts)
        for k in holding:
            found[k] = search(texts[k])
        return found

    return test_many
