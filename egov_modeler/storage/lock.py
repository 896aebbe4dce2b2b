"""A lock file beside an open document, so two windows (two colleagues on a shared drive)
never silently overwrite each other's saved edits.

Why not an OS lock (``fcntl``/``msvcrt``): those do not hold across SMB and NFS shares
reliably, vanish with the process that would have to explain who holds the file, and say
nothing a colleague can read. A small JSON file ``.<name>.lock`` beside the document says
who holds it (user, host, process, since when); the first window to open the file creates
it with ``O_CREAT | O_EXCL`` (atomic, also on shares), the others find it and can open the
document read-only.

A lock whose holder is gone is taken over:

- on the same host, when the process is dead (or the machine rebooted since);
- from another host, where the process cannot be asked, when the lock was not refreshed
  for :data:`STALE_AFTER_SECONDS`; the holder refreshes it every
  :data:`REFRESH_SECONDS` (:meth:`DocumentLock.refresh`, on a timer of the window).

Headless API for the window: :func:`read_lock` (who holds it, and whether that holder is
gone), :func:`acquire_lock` (raises :class:`DocumentLockedError` naming the holder;
``force=True`` takes it over after the user said so), :meth:`DocumentLock.release`, and
:func:`can_write` (whether Save could replace the file at all).
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import logging
import os
import socket
import stat
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..model.errors import ModelError
from ..model.safe_json import UnsafeJSONError, dumps
from ..model.safe_json import loads as safe_loads
from .atomic import real_target
from .paths import display_path
from .processes import boot_id, process_alive

log = logging.getLogger(__name__)

LOCK_FORMAT = "egov-modeler-lock"
#: How often the holder should touch its lock (seconds).
REFRESH_SECONDS = 5 * 60
#: A lock from another host not refreshed for this long is taken as abandoned.
STALE_AFTER_SECONDS = 30 * 60

__all__ = [
    "REFRESH_SECONDS", "STALE_AFTER_SECONDS", "DocumentLock", "DocumentLockedError",
    "LockHolder", "acquire_lock", "can_write", "lock_path_for", "read_lock",
]


@dataclass(frozen=True)
class LockHolder:
    """Who holds a document's lock, as its lock file says."""

    user: str
    host: str
    pid: int
    since: datetime | None
    refreshed: float  # the lock file's modification time (epoch seconds)
    boot: str = ""

    @property
    def is_this_process(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def is_gone(self) -> bool:
        """True when the holder certainly or very probably no longer runs."""
        if self.host == socket.gethostname():
            if self.boot and self.boot != boot_id():
                return True
            return not process_alive(self.pid)
        return time.time() - self.refreshed > STALE_AFTER_SECONDS

    def describe(self) -> str:
        """"nguyenvan on PC-SO-TTTT since 14:05 27/11/2026" in local time."""
        when = self.since.astimezone().strftime("%H:%M %d/%m/%Y") if self.since else "?"
        return tr("{user} on {host} since {time}", user=self.user or "?",
                  host=self.host or "?", time=when)


class DocumentLockedError(ModelError):
    """The document is open in another window; ``holder`` says whose."""

    def __init__(self, path: Path, holder: LockHolder) -> None:
        super().__init__(tr("‘{path}’ is open in another window: {holder}. Open it read-only, "
                            "or wait until it is closed.", path=display_path(path),
                            holder=holder.describe()))
        self.path = path
        self.holder = holder


def lock_path_for(document: str | os.PathLike[str]) -> Path:
    """The lock file of ``document`` (beside the real file, symlinks followed)."""
    target = real_target(document)
    return target.with_name(f".{target.name}.lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name at all (a service account without one)
        return ""


def read_lock(document: str | os.PathLike[str]) -> LockHolder | None:
    """Who holds ``document``'s lock, or ``None`` when nobody does. A lock file that cannot
    be read (damaged, from another program) counts as held by an unknown holder, gone
    when it is older than :data:`STALE_AFTER_SECONDS`."""
    path = lock_path_for(document)
    try:
        info = path.stat()
        raw = path.read_bytes()[:4096]
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("lock %s unreadable: %s", path, exc)
        return LockHolder("", "", 0, None, time.time())
    try:
        data: Any = safe_loads(raw)
    except UnsafeJSONError:
        data = None
    if not isinstance(data, dict) or data.get("lock") != LOCK_FORMAT:
        return LockHolder("", "?", 0, None, info.st_mtime)
    since = None
    with contextlib.suppress(TypeError, ValueError):
        since = datetime.fromisoformat(data.get("since"))  # type: ignore[arg-type]
    pid = data.get("pid")
    return LockHolder(
        user=str(data.get("user", ""))[:100], host=str(data.get("host", ""))[:255],
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else 0,
        since=since, refreshed=info.st_mtime, boot=str(data.get("boot", ""))[:100])


class DocumentLock:
    """A lock this process holds on a document; :meth:`release` when the document closes."""

    def __init__(self, document: Path, path: Path) -> None:
        self.document = document
        self.path = path
        self.held = True

    def refresh(self) -> None:
        """Show other hosts that the holder still runs (touch the file); never raises."""
        if self.held:
            try:
                os.utime(self.path)
            except OSError as exc:
                log.warning("lock %s not refreshed: %s", self.path, exc)

    def release(self) -> None:
        """Remove the lock, if it is still ours; never raises."""
        if not self.held:
            return
        self.held = False
        holder = read_lock(self.document)
        if holder is not None and holder.is_this_process:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> DocumentLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _create(path: Path) -> None:
    content = dumps({
        "lock": LOCK_FORMAT, "user": _user(), "host": socket.gethostname(),
        "pid": os.getpid(), "since": datetime.now(UTC).isoformat(timespec="seconds"),
        "boot": boot_id(),
    }).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 0o644)
    try:
        os.write(fd, content)
    finally:
        os.close(fd)
    if _WINDOWS:
        _hide(path)


#: Windows shows a file whose name starts with a dot; Office hides its owner files
#: (``~$name.docx``) with the "hidden" attribute, and so does this lock.
_WINDOWS = os.name == "nt"
_FILE_ATTRIBUTE_HIDDEN = 0x2


def _hide(path: Path) -> None:
    """Give ``path`` Windows' "hidden" attribute; best effort (a share may refuse it, and
    the lock works all the same)."""
    try:
        import ctypes

        set_attributes = ctypes.windll.kernel32.SetFileAttributesW  # type: ignore[attr-defined]
        if not set_attributes(str(path), _FILE_ATTRIBUTE_HIDDEN):
            log.debug("lock %s not hidden (error %s)", path, ctypes.GetLastError())  # type: ignore[attr-defined]
    except (AttributeError, OSError) as exc:
        log.debug("lock %s not hidden: %s", path, exc)


def acquire_lock(document: str | os.PathLike[str], *, force: bool = False) -> DocumentLock:
    """Lock ``document`` for this process. A lock whose holder is gone is taken over; a
    live one raises :class:`DocumentLockedError` unless ``force`` (the user chose to
    open it anyway). ``OSError`` when the folder refuses a lock file (a read-only share:
    the window may then open the document read-only)."""
    target = real_target(document)
    path = lock_path_for(target)
    for _attempt in range(3):
        try:
            _create(path)
            return DocumentLock(target, path)
        except FileExistsError:
            holder = read_lock(target)
            if holder is None:
                continue  # released in between: try again
            if holder.is_this_process:  # this process already holds it (another window)
                if not force:
                    raise DocumentLockedError(target, holder) from None
            elif not (force or holder.is_gone):
                raise DocumentLockedError(target, holder) from None
            log.info("taking over the lock of %s from %s", display_path(target),
                     holder.describe())
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # two takers: only one O_EXCL create wins the next round
    raise OSError(errno.EBUSY, tr("The lock of ‘{path}’ keeps changing",
                                  path=display_path(target)))


def can_write(document: str | os.PathLike[str]) -> bool:
    """Whether Save could replace ``document``: the file (if it exists) is not read-only
    and its folder accepts new files. For the window to offer read-only up front."""
    target = real_target(document)
    try:
        info = target.stat()
        if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            return False
        if not os.access(target, os.W_OK):
            return False
    except FileNotFoundError:
        pass
    except OSError:
        return False
    return os.access(target.parent, os.W_OK | os.X_OK)
