"""What a three-way merge could not decide alone: the conflicts, and the two sides.

A conflict is data: which object, which field, the values on each side, what the other
side did with an object one side deleted. The words a user reads are made from it by
:mod:`.wording`; the window and the command line show the same words.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..i18n import tr
from .errors import RepositoryError

OURS = "ours"
THEIRS = "theirs"
SIDES = (OURS, THEIRS)


def other_side(side: str) -> str:
    return THEIRS if side == OURS else OURS


class ConflictKind(StrEnum):
    #: The same field (a name, a property, a colour) changed two ways.
    BOTH_CHANGED = "both-changed"
    #: The same node moved, or resized, two ways.
    MOVED_BOTH = "moved-both"
    #: Deleted on one side while the other side changed it (or something deleted with it).
    DELETED_CHANGED = "deleted-changed"
    #: Deleted on one side while the other side made something new that uses it.
    DELETED_USED = "deleted-used"
    #: The type of an element changed on one side, and the other side related it in a way
    #: the ArchiMate rules do not allow for that type.
    RETYPED_USED = "retyped-used"


#: How the other side touched an object that one side deleted.
USE_CHANGED = "changed"      # it changed the deleted object itself (or one deleted with it)
USE_ADDED = "added"          # it added an object that refers to the deleted one
USE_REFERS = "refers"        # it changed an object so that it now refers to the deleted one


@dataclass(frozen=True)
class Use:
    """One thing the other side did that needs a deleted object: ``key`` is the object it
    added or changed, ``how`` one of ``changed``, ``added``, ``refers``."""

    key: str
    how: str


@dataclass
class Conflict:
    """One decision for a person. ``proposed`` is the side the program suggests; the
    decision is the side whose version wins (for a deletion: the deleting side means
    "delete", the other side means "keep")."""

    id: str
    kind: ConflictKind
    key: str
    object_kind: str
    field: str | None = None
    base: Any = None
    ours: Any = None
    theirs: Any = None
    deleted_by: str | None = None
    uses: tuple[Use, ...] = ()
    #: Relationships that go when a side wins (a type change the rules do not allow).
    drops: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    proposed: str = OURS

    @property
    def is_deletion(self) -> bool:
        return self.deleted_by is not None


class MergeError(RepositoryError):
    """A merge that cannot be done (an input that is not a model, a bad decision)."""


class UndecidedConflicts(MergeError):
    """Asked for the merged model while some conflicts have no decision yet."""

    def __init__(self, undecided: list[str]) -> None:
        super().__init__(tr("{count} conflicts are not decided yet", count=len(undecided)))
        self.undecided = undecided
