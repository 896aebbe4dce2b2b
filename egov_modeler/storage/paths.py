"""Paths as the program shows them, whatever bytes the file system holds.

Why: folders of old Vietnamese archives are often named in TCVN3 or VNI, bytes that are
not UTF-8. Python carries such bytes as lone surrogates in a ``str`` path, which opens and
saves fine but cannot be encoded to UTF-8: a message, a window title or a JSON journal
header holding it raises ``UnicodeEncodeError``. :func:`display_path` gives a text that
can always be shown (the undecodable bytes as U+FFFD); :func:`path_key` gives bytes that
name the path exactly (for hashing it into a journal's name).
"""

from __future__ import annotations

import os


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` as a text that can always be shown and encoded (bad bytes become �)."""
    return os.fsencode(os.fspath(path)).decode("utf-8", "replace")


def path_key(path: str | os.PathLike[str]) -> bytes:
    """The exact bytes of ``path`` made absolute (stable across runs, never raises)."""
    return os.fsencode(os.path.abspath(os.fspath(path)))


__all__ = ["display_path", "path_key"]
