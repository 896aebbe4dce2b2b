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
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

__all__ = ["atomic_file", "write_atomically"]


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into; it replaces ``path`` only when
    the ``with`` block ends without an exception (for writers that stream: Pillow,
    reportlab). Leaving the block with an exception leaves the old file as it was."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        _give_usual_permissions(fd, target)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _sync_folder(folder)


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (see the module docstring)."""
    with atomic_file(path) as handle:
        handle.write(data)


def _give_usual_permissions(fd: int, target: Path) -> None:
    """``mkstemp`` makes an owner-only file (0600); a saved model or dossier must get the
    permissions any program's new file gets (0666 less the umask), or keep those of the
    file it replaces, so colleagues on a shared folder can still open it."""
    if not hasattr(os, "fchmod"):  # Windows: permissions come from the folder's ACL
        return
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
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
