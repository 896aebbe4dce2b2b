"""What a file on disk was when it was read, to tell before Save whether another program
(a sync client, a colleague on the shared drive, ``git pull``) changed or removed it since.

Size and modification time decide quickly; when they differ the content hash decides, so a
file that was only touched (same bytes) is not reported as changed.
"""

from __future__ import annotations

import enum
import hashlib
import os
from dataclasses import dataclass

__all__ = ["DiskChange", "DiskState", "disk_change", "disk_state", "file_sha256",
           "state_of_bytes"]


@dataclass(frozen=True)
class DiskState:
    """A file's size, modification time (ns) and SHA-256 when it was read or written."""

    size: int
    mtime_ns: int
    sha256: str


class DiskChange(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # other bytes than those read or written
    DELETED = "deleted"  # the file is gone


def state_of_bytes(raw: bytes, stat: os.stat_result) -> DiskState:
    """The state of a file whose bytes ``raw`` were read through a handle with ``stat``."""
    return DiskState(len(raw), stat.st_mtime_ns, hashlib.sha256(raw).hexdigest())


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def disk_state(path: str | os.PathLike[str]) -> DiskState | None:
    """The state of ``path`` now; ``None`` when it does not exist."""
    try:
        stat = os.stat(path)
        return DiskState(stat.st_size, stat.st_mtime_ns, file_sha256(path))
    except FileNotFoundError:
        return None


def disk_change(path: str | os.PathLike[str], expected: DiskState) -> DiskChange:
    """Whether ``path`` still holds what ``expected`` describes."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return DiskChange.DELETED
    if stat.st_size == expected.size and stat.st_mtime_ns == expected.mtime_ns:
        return DiskChange.UNCHANGED
    if stat.st_size != expected.size:
        return DiskChange.CHANGED
    try:
        same = file_sha256(path) == expected.sha256
    except FileNotFoundError:
        return DiskChange.DELETED
    return DiskChange.UNCHANGED if same else DiskChange.CHANGED
