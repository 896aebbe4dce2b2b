"""The model's problems in their list order, kept from one validation to the next.

Why: the incremental validator answers after every edit with every problem of the model,
in :func:`~.validation.problem_order`. A national model has 17,500 of them (mostly
"element on no view"), and sorting them all again took 28 ms when ids are uuids (as a
real model's are), more than the 20 ms an edit's re-validation may take (issue 19). An
edit changes a few problems; the others are the very same objects as last time. So the
last order is kept: the problems still there keep their places (found by identity, which
is safe because the last list keeps its objects alive), and only the new ones are put in
place by a binary search on the kept keys.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from .problems import Problem
from .validation import problem_order

__all__ = ["ProblemOrder"]

#: More new problems than this (a first validation, a change of language or profile),
#: and all are sorted afresh: placing each costs a move of the list.
PLACE_UP_TO = 500


class ProblemOrder:
    """Sorts the problems a validator gathers, reusing the order of its last answer."""

    def __init__(self) -> None:
        self._problems: list[Problem] = []
        self._keys: list[Any] = []

    def sort(self, problems: list[Problem]) -> list[Problem]:
        """``problems`` in :func:`~.validation.problem_order`, as ``sorted`` gives them;
        the list is the caller's to keep (it is not changed later)."""
        present = {id(p) for p in problems}
        kept, keys = [], []
        for problem, key in zip(self._problems, self._keys, strict=True):
            if id(problem) in present:
                kept.append(problem)
                keys.append(key)
        old = {id(p) for p in kept}
        new = [p for p in problems if id(p) not in old]
        if (len(new) > PLACE_UP_TO or not kept or len(present) != len(problems)
                or len(kept) + len(new) != len(problems)):  # (an object listed twice)
            ordered = sorted(problems, key=problem_order)
            self._problems, self._keys = ordered, [problem_order(p) for p in ordered]
            return list(ordered)
        for problem in new:
            key = problem_order(problem)
            at = bisect_right(keys, key)  # after equal keys, as a stable sort puts it
            keys.insert(at, key)
            kept.insert(at, problem)
        self._problems, self._keys = kept, keys
        return list(kept)
