"""Write a file so that a crash, a full disk or a failing writer leaves the old file or
the new one, never half of one.

Why one module: the native file, the exchange XML, the images and the PDF dossier all
overwrite files a user cares about (often the only copy of a model, or a dossier already
sent for approval). The recipe is easy to get subtly wrong, so it lives here once:

1. write into a temporary file in the SAME folder (a rename is atomic only within one
   file system), named ``.<name>.<random>.tmp`` so it is hidden and never clashes;
2. flush and ``fsync`` it, so the data is on disk before the name points at it;
3. ``os.replace`` it over the target (atomic on POSIX and on Windows);
4. ``fsync`` the folder where the platform allows it, so the rename itself survives a
   power cut (POSIX only; Windows has no directory handles for this);
5. on ANY failure before the rename (including KeyboardInterrupt) remove the temporary
   file and re-raise: the old file is untouched and no debris is left behind.

And what a shared folder needs:

- a symlink is followed: the file it points to is replaced (on the shared drive), not
  the link;
- a read-only file (no write permission bit, or not writable by this user) is refused
  with ``PermissionError``, never silently replaced;
- the new file gets the old one's mode and group, so colleagues keep their access;
- the temporary file stays private (0600) until it is complete: one left behind by a
  kill holds nothing others may read, and such leftovers older than
  :data:`STALE_TEMP_SECONDS` are removed by the next write of the same file;
- ``private=True`` (journals) keeps the result 0600.

And what Windows needs: a file another program holds open (Word with the dossier, a PDF
reader, a sync client, an antivirus scan) cannot be replaced there (``os.replace`` fails
with a sharing violation or "access denied"). A scan or a sync lets go within a second, so
the replace is tried again a few times; a file still held after that is refused with
:class:`TargetInUseError`, whose message names the file and says what to do, where
Windows' own message names the temporary file. The temporary file is removed and the old
file is untouched, as for any failure.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..i18n import tr
from .paths import display_path

log = logging.getLogger(__name__)

__all__ = ["STALE_TEMP_SECONDS", "ReadOnlyTargetError", "TargetInUseError", "atomic_file",
           "real_target", "write_atomically"]

#: A temporary file of ours older than this is debris of a killed write (a save takes
#: seconds even on a slow shared drive).
STALE_TEMP_SECONDS = 15 * 60
_TEMP_SUFFIX = ".tmp"
#: Windows' errors for a file another program holds open: ERROR_ACCESS_DENIED (open
#: without delete sharing), ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
_HELD_OPEN = frozenset((5, 32, 33))
#: Seconds to wait before each new try of a replace refused for a file held open (about
#: 1.5 s in all: an antivirus scan or a sync client lets go within that).
REPLACE_RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


class ReadOnlyTargetError(PermissionError):
    """The file to replace is read-only; it was left as it is."""


class TargetInUseError(PermissionError):
    """The file to replace is held open by another program (Windows); it was left as it
    is. ``str()`` is the message for the user."""

    def __init__(self, target: Path) -> None:
        super().__init__(errno.EACCES, tr(
            "‘{name}’ could not be replaced: another program has it open (Word, a PDF "
            "reader, a sync or antivirus program), or you may not change it. Close it "
            "there and try again.", name=display_path(target.name)), str(target))

    def __str__(self) -> str:
        return str(self.strerror)


def real_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must replace: symlinks followed to their end."""
    return Path(os.path.realpath(path))


def _refuse_read_only(target: Path) -> os.stat_result | None:
    """The target's stat (``None`` if it does not exist); ``PermissionError`` if it is
    read-only. Root may write anything, so the mode's write bits decide too."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
            target, os.W_OK):
        raise ReadOnlyTargetError(errno.EACCES, os.strerror(errno.EACCES) + " (read-only)",
                                  str(target))
    return info


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str], *, private: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into; it replaces ``path`` only when
    the ``with`` block ends without an exception (for writers that stream: Pillow,
    reportlab). Leaving the block with an exception leaves the old file as it was.
    ``private`` makes the result readable by its owner only (journals)."""
    target = real_target(path)
    folder = target.parent
    old = _refuse_read_only(target)
    remove_stale_temp_files(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TEMP_SUFFIX,
                                    dir=folder)  # 0600 until complete
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if not private:
                _give_usual_permissions(handle.fileno(), old)
        _replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _sync_folder(folder)


def _replace(source: str, target: Path) -> None:
    """``os.replace``, tried again while another program holds ``target`` open (see the
    module docstring)."""
    for delay in (*REPLACE_RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if getattr(exc, "winerror", None) not in _HELD_OPEN:
                raise
            if delay is None:
                raise TargetInUseError(target) from exc
            log.info("%s is held open by another program; trying again", target.name)
            time.sleep(delay)


def write_atomically(path: str | os.PathLike[str], data: bytes, *,
                     private: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring)."""
    with atomic_file(path, private=private) as handle:
        handle.write(data)


def remove_stale_temp_files(target: Path, older_than: float = STALE_TEMP_SECONDS) -> int:
    """Remove ``.<name>.*.tmp`` files of ``target`` left by a killed write more than
    ``older_than`` seconds ago (only this user's). Returns how many went; never raises."""
    prefix = f".{target.name}."
    removed = 0
    now = time.time()
    try:
        candidates = [p for p in target.parent.iterdir()
                      if p.name.startswith(prefix) and p.name.endswith(_TEMP_SUFFIX)]
    except OSError:
        return 0
    for candidate in candidates:
        try:
            info = candidate.lstat()
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISREG(info.st_mode) and mine and now - info.st_mtime > older_than:
                candidate.unlink()
                removed += 1
                log.info("removed %s, left by an interrupted save", candidate.name)
        except OSError:
            continue
    return removed


def _give_usual_permissions(fd: int, old: os.stat_result | None) -> None:
    """``mkstemp`` makes an owner-only file (0600); a saved model or dossier must keep the
    mode and group of the file it replaces, or get what any program's new file gets (0666
    less the umask), so colleagues on a shared folder can still open it."""
    if not hasattr(os, "fchmod"):  # Windows: permissions come from the folder's ACL
        return
    if old is not None:
        mode = old.st_mode & 0o7777
        if hasattr(os, "fchown") and old.st_gid != os.fstat(fd).st_gid:
            try:
                os.fchown(fd, -1, old.st_gid)
            except OSError as exc:  # not a member of that group: keep ours
                log.warning("cannot keep the group of the replaced file: %s", exc)
                mode &= ~stat.S_ISGID
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable: fsync the folder (POSIX). Best effort: the new file is
    already complete and in place, so a failure here is logged, not raised."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        log.debug("cannot open %s to sync it: %s", folder, exc)
        return
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        log.debug("cannot sync %s: %s", folder, exc)
    finally:
        os.close(dir_fd)
