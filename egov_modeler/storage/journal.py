"""The crash-recovery journal: every edit of an open document, one JSON line each.

Why: an architect who loses an afternoon of diagram work to a crash or a power cut will
not trust the tool again. The window appends every executed, undone and redone command
(their dict forms, :meth:`Command.to_dict`) to a journal beside nothing the user owns (a
per-user data folder). After a crash the journal is replayed on its *base* and the user
gets the edits back; the saved file is only ever read, never written.

File format (UTF-8, one JSON object per line)::

    {"journal": "egov-modeler", "version": 1, "document": "/abs/path.egov" | null,
     "base": {"path": ..., "sha256": ...} | {"model": {...model_to_dict...}},
     "carried": 0, "created": "...", "pid": 123, "host": "...", "boot": "..."}
    {"op": "do" | "undo" | "redo", "time": "...", "command": {...}}
    {"op": "snapshot", "time": "...", "model": {...}}

The base is either the saved file (its path and the SHA-256 of its bytes, so a file
changed since is refused rather than replayed on the wrong content) or a whole model dict
(an untitled model, e.g. a fresh template, or a recovered one). A ``snapshot`` line is a
new base in the middle of the journal: the window writes one when the user undoes past
the point where the journal began (e.g. undo after Save), which no command line can say.
``carried`` counts the unsaved edits a recovered model base already holds, so a journal
restarted right after a recovery is still offered (and says how much it holds) if the
program stops again before the next edit.

Writing is cheap: each line is flushed to the operating system at once (a crash of the
program loses nothing) and ``fsync``-ed at most every ``fsync_interval`` seconds (a power
cut loses at most that much); :meth:`Journal.sync` lets an idle timer finish the job.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import socket
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..model import serialization as ser
from ..model.commands import Command, command_from_dict
from ..model.errors import ModelError
from ..model.model import Model
from .atomic import write_atomically

log = logging.getLogger(__name__)

JOURNAL_SUFFIX = ".journal"
FORMAT_NAME = "egov-modeler"
FORMAT_VERSION = 1
OPS = ("do", "undo", "redo")
DEFAULT_FSYNC_INTERVAL = 1.0  # seconds: what a power cut may cost at most

__all__ = [
    "Journal", "JournalError", "JournalInfo", "file_base", "find_journals",
    "journal_path_for", "model_base", "read_info", "recover",
]


class JournalError(ModelError):
    """A journal that cannot be recovered at all; the message says why."""


# ---------------------------------------------------------------------------- bases
def file_sha256(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a file's bytes (how a journal recognises its saved file)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_base(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A base naming the saved file ``path`` as it is now on disk."""
    absolute = os.path.abspath(path)
    return {"path": absolute, "sha256": file_sha256(absolute)}


def model_base(model: Model) -> dict[str, Any]:
    """A base holding the whole model as it is now (untitled or recovered documents)."""
    return {"model": ser.model_to_dict(model)}


def journal_path_for(folder: str | os.PathLike[str], document: str | None,
                     untitled_id: str = "") -> Path:
    """Where the journal of ``document`` (a file path) or of an untitled model lives.

    A saved document is named from a hash of its absolute path, so reopening the file finds
    its journal; an untitled one from an id the window chooses (``untitled-<id>``).
    """
    if document:
        key = hashlib.sha256(os.path.abspath(document).encode("utf-8")).hexdigest()[:16]
        name = f"doc-{key}"
    else:
        name = f"untitled-{untitled_id or os.getpid()}"
    return Path(folder) / (name + JOURNAL_SUFFIX)


# ---------------------------------------------------------------------------- writing
def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _boot_id() -> str:
    """Changes at every boot (Linux): a journal from before a power cut is never "live"."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _line(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class Journal:
    """The journal of one open document.

    The file is created by the first :meth:`append` (or :meth:`start`), so opening and
    closing a document without editing it writes nothing.
    """

    def __init__(self, path: str | os.PathLike[str], base: dict[str, Any], *,
                 document: str | None = None, carried: int = 0,
                 fsync_interval: float = DEFAULT_FSYNC_INTERVAL) -> None:
        self.path = Path(path)
        self.carried = carried  # unsaved edits already in the base (a recovered model)
        self.base = base
        self.document = os.path.abspath(document) if document else None
        self.fsync_interval = fsync_interval
        self.entries = 0
        self._handle: Any = None
        self._last_sync = 0.0
        self._dirty = False

    @property
    def started(self) -> bool:
        """True once the file exists (something was written)."""
        return self._handle is not None

    def start(self) -> None:
        """Write the header now (it replaces an older journal of the same name atomically,
        so a crash in between leaves the old journal or the new one)."""
        if self._handle is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        header = {
            "journal": FORMAT_NAME, "version": FORMAT_VERSION, "document": self.document,
            "base": self.base, "carried": self.carried, "created": _now(), "pid": os.getpid(),
            "host": socket.gethostname(), "boot": _boot_id(),
        }
        write_atomically(self.path, _line(header))
        self._handle = open(self.path, "ab")
        self._last_sync = time.monotonic()

    def append(self, op: str, command: Command) -> None:
        """Record that ``command`` was done, undone or redone (``op``)."""
        if op not in OPS:
            raise ValueError(f"unknown journal operation {op!r}")
        self._write({"op": op, "time": _now(), "command": command.to_dict()})

    def append_snapshot(self, model: Model) -> None:
        """Record the whole model: a new base for the lines that follow."""
        self._write({"op": "snapshot", "time": _now(), "model": ser.model_to_dict(model)})

    def _write(self, entry: dict[str, Any]) -> None:
        self.start()
        self._handle.write(_line(entry))
        self._handle.flush()  # in the OS now: survives a crash of the program
        self.entries += 1
        self._dirty = True
        if time.monotonic() - self._last_sync >= self.fsync_interval:
            self.sync()

    def sync(self) -> None:
        """Make what was written survive a power cut (``fsync``); cheap when nothing is new."""
        if self._handle is None or not self._dirty:
            return
        os.fsync(self._handle.fileno())
        self._dirty = False
        self._last_sync = time.monotonic()

    def close(self, delete: bool = True) -> None:
        """Stop journaling; ``delete`` removes the file (the document was closed cleanly)."""
        written = self._handle is not None
        if written:
            with contextlib.suppress(OSError):
                self.sync()
            self._handle.close()
            self._handle = None
        if delete and written:  # a journal that wrote nothing never deletes another's file
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


# ---------------------------------------------------------------------------- reading
@dataclasses.dataclass
class JournalInfo:
    """What the recovery question tells the user about one journal."""

    path: Path
    document: str | None  # the saved file, or None for an untitled model
    name: str  # the document's name for messages
    edits: int  # lines after the header (do, undo, redo, snapshots) and carried edits
    last_edit: datetime | None  # when the last readable line was written (UTC)
    live: bool  # another running program still writes it: not to be recovered


def _read_header(raw_first_line: bytes, path: Path) -> dict[str, Any]:
    try:
        header = json.loads(raw_first_line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        header = None
    if not isinstance(header, dict) or header.get("journal") != FORMAT_NAME:
        raise JournalError(tr("{path} is not an egov-modeler journal", path=path))
    if header.get("version") != FORMAT_VERSION:
        raise JournalError(tr("{path} has journal version {version}; this program reads "
                              "version {supported}", path=path, version=header.get("version"),
                              supported=FORMAT_VERSION))
    base = header.get("base")
    if not isinstance(base, dict) or not (isinstance(base.get("model"), dict)
                                          or isinstance(base.get("path"), str)):
        raise JournalError(tr("{path} does not say which model its edits apply to",
                              path=path))
    return header


def _split(path: Path) -> tuple[dict[str, Any], list[bytes]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise JournalError(tr("Cannot read {path}: {reason}", path=path,
                              reason=exc.strerror or exc)) from None
    lines = raw.split(b"\n")
    header = _read_header(lines[0], path)
    return header, lines[1:]


def _process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (best effort; False when unsure)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _is_live(header: dict[str, Any]) -> bool:
    """True when another program that is still running writes this journal. Our own
    process counts as not live: one process shows one document per window, and a window
    that finds its own process's journal is a window that replaced a crashed one."""
    pid = header.get("pid")
    if not isinstance(pid, int) or pid == os.getpid():
        return False
    if header.get("host") != socket.gethostname():
        return False
    if header.get("boot") and header.get("boot") != _boot_id():
        return False
    return _process_alive(pid)


def _document_name(header: dict[str, Any]) -> str:
    document = header.get("document")
    if document:
        return Path(document).name
    model = header.get("base", {}).get("model") or {}
    return str(model.get("name") or tr("Untitled"))


def read_info(path: str | os.PathLike[str]) -> JournalInfo:
    """Summarise a journal for the recovery question; :class:`JournalError` if unreadable."""
    path = Path(path)
    header, lines = _split(path)
    carried = header.get("carried")
    edits = carried if isinstance(carried, int) and carried > 0 else 0
    last: datetime | None = None
    created = header.get("created")
    with contextlib.suppress(ValueError):
        last = datetime.fromisoformat(created) if isinstance(created, str) else None
    for line in lines:
        if not line.strip():
            continue
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            break  # a line cut short by the crash: the edits before it count
        edits += 1
        with contextlib.suppress(TypeError, ValueError, AttributeError):
            last = datetime.fromisoformat(entry.get("time"))
    document = header.get("document")
    return JournalInfo(path=path, document=document if isinstance(document, str) else None,
                       name=_document_name(header), edits=edits, last_edit=last,
                       live=_is_live(header))


def find_journals(folder: str | os.PathLike[str]) -> list[JournalInfo]:
    """The journals in ``folder`` that can be offered for recovery, newest edit first.

    Journals still written by another running program, those without any edit and
    unreadable files are left out (the latter are logged, never raised)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*" + JOURNAL_SUFFIX):
        try:
            info = read_info(path)
        except JournalError as exc:
            log.warning("journal skipped: %s", exc)
            continue
        if not info.live and info.edits:
            found.append(info)
    oldest = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda i: i.last_edit or oldest, reverse=True)
    return found


# ---------------------------------------------------------------------------- recovery
def _model_from_dict(data: dict[str, Any], name: str) -> Model:
    from .native import loads

    return loads(json.dumps(data, ensure_ascii=False).encode("utf-8"), name)


def _load_base(base: dict[str, Any], journal: Path) -> Model:
    from .native import NativeFileError, loads

    if isinstance(base.get("model"), dict):
        try:
            return _model_from_dict(base["model"], str(journal))
        except NativeFileError as exc:
            raise JournalError(tr("The model {path} starts from is damaged: {reason}",
                                  path=journal, reason=exc)) from None

    path = Path(base["path"])
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise JournalError(tr(
            "The unsaved edits of ‘{path}’ cannot be recovered: the file cannot be read "
            "({reason})", path=path, reason=exc.strerror or exc)) from None
    if hashlib.sha256(raw).hexdigest() != base.get("sha256"):
        raise JournalError(tr(
            "The unsaved edits of ‘{path}’ cannot be recovered: the file was changed after "
            "they were made, so they would be replayed on a different model. The file was "
            "left as it is.", path=path))
    return loads(raw, str(path))


def _describe(raw: Any) -> str:
    try:
        return command_from_dict(raw).describe()
    except Exception:
        return str(raw.get("command") if isinstance(raw, dict) else raw)


def recover(journal_path: str | os.PathLike[str]) -> tuple[Model, list[str]]:
    """Replay a journal on its base: the model the edits produced, and what was lost.

    Replaying stops at the first line that cannot be used (damaged, or a command that
    fails on the model): everything before it is recovered and the report (translated,
    one sentence per problem) says what was lost. Raises :class:`JournalError` only when
    nothing can be recovered: not a journal, or the saved file it starts from is gone or
    was changed since. The saved file is only read.
    """
    path = Path(journal_path)
    header, lines = _split(path)
    model = _load_base(header["base"], path)
    while lines and not lines[-1].strip():
        lines.pop()
    report: list[str] = []
    done: list[Command] = []
    undone: list[Command] = []
    for index, line in enumerate(lines):
        line_no = index + 2  # the header is line 1
        remaining = len(lines) - index - 1
        try:
            entry = json.loads(line.decode("utf-8"))
            if not isinstance(entry, dict):
                raise ValueError("not an object")
        except (UnicodeDecodeError, ValueError):
            if remaining == 0:
                report.append(tr("The last edit was being written when the program stopped "
                                 "and was lost."))
            else:
                report.append(tr("Line {line} of the journal is damaged: it and the "
                                 "{count} edits after it were lost.", line=line_no,
                                 count=remaining))
            break
        try:
            model = _replay(model, entry, done, undone)
        except Exception as exc:
            log.warning("journal %s line %d not replayed", path, line_no, exc_info=True)
            report.append(tr("Edit {number} ({what}) could not be replayed ({reason}): it and "
                             "the {count} edits after it were lost.", number=index + 1,
                             what=_describe(entry.get("command")), reason=exc,
                             count=remaining))
            break
    return model, report


def _replay(model: Model, entry: dict[str, Any], done: list[Command],
            undone: list[Command]) -> Model:
    """Apply one journal line; returns the model (a snapshot replaces it)."""
    op = entry.get("op")
    if op == "snapshot":
        done.clear()
        undone.clear()
        return _model_from_dict(entry["model"], "snapshot")
    if op == "do":
        command = command_from_dict(entry["command"])
        command.apply(model)
        done.append(command)
        undone.clear()
    elif op in ("undo", "redo"):
        source, target = (done, undone) if op == "undo" else (undone, done)
        kind = (entry.get("command") or {}).get("command")
        if not source or source[-1].kind != kind:
            raise JournalError(tr("the journal undoes or redoes an edit it does not hold"))
        command = source.pop()
        if op == "undo":
            command.revert(model)
        else:
            command.apply(model)
        target.append(command)
    else:
        raise JournalError(tr("unknown journal operation {op}", op=op))
    return model
