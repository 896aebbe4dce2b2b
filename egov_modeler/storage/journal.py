"""The crash-recovery journal: every edit of an open document, one JSON line each.

Why: an architect who loses an afternoon of diagram work to a crash or a power cut will
not trust the tool again. The window appends every executed, undone and redone command
(their dict forms, :meth:`Command.to_dict`) to a journal beside nothing the user owns (a
per-user data folder). After a crash the journal is replayed on its *base* and the user
gets the edits back; the saved file is only ever read, never written.

File format (UTF-8, one JSON object per line)::

    {"journal": "egov-modeler", "version": 1, "document": "/abs/path.egov" | null,
     "base": {"path": ..., "sha256": ..., "copy": "<name>.base"} | {"model": {...}},
     "carried": 0, "created": "...", "pid": 123, "host": "...", "boot": "..."}
    {"op": "do" | "undo" | "redo", "time": "...", "command": {...}}
    {"op": "snapshot", "time": "...", "model": {...}}
    {"op": "saved", "time": "...", "sha256": "..."}

The base is either the saved file or a whole model dict (an untitled model, e.g. a fresh
template, or a recovered one). For a saved file the journal keeps **its own copy** of the
bytes the edits were made on (``<journal>.base``, written with the header), so recovery
works after the file was changed, replaced or removed by another program; the recovery
report then says so, for the user to save under another name. The file itself is used only
when the copy is missing and its SHA-256 still matches.

A ``snapshot`` line is a new base in the middle of the journal: the window writes one when
the user undoes past the point where the journal began (e.g. undo after Save), which no
command line can say. ``carried`` counts the unsaved edits a recovered model base already
holds. A ``saved`` line is written just before Save replaces the file
(:meth:`Journal.mark_saving`): if the program dies between that replace and the journal's
restart, the file on disk has that hash and the journal is known to hold nothing unsaved,
instead of raising a false "cannot recover".

The header is written with ASCII escapes, so a path with bytes that are not UTF-8 (an old
TCVN3 folder name) comes back exactly; the edit lines are UTF-8 with unpaired surrogates
replaced, so an odd character in a name never stops journaling. Journals, their base
copies and the folder are private to the user (0600 / 0700): they hold the whole model.

Writing is cheap: each line is flushed to the operating system at once (a crash of the
program loses nothing) and ``fsync``-ed at most every ``fsync_interval`` seconds (a power
cut loses at most that much); :meth:`Journal.sync` lets an idle timer finish the job.
Reading goes through :mod:`egov_modeler.model.safe_json` and checks the header's types,
so no file in the journal folder can stop the program from starting.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import socket
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..model import serialization as ser
from ..model.commands import Command, command_from_dict
from ..model.errors import ModelError
from ..model.model import Model
from ..model.safe_json import UnsafeJSONError, dumps
from ..model.safe_json import loads as safe_loads
from .atomic import STALE_TEMP_SECONDS, write_atomically
from .disk_state import file_sha256
from .paths import display_path, path_key
from .processes import boot_id, process_alive

log = logging.getLogger(__name__)

JOURNAL_SUFFIX = ".journal"
BASE_SUFFIX = ".base"  # the journal's own copy of the saved file it starts from
FAILED_SUFFIX = ".failed"  # a journal that could not be recovered, kept for a look
FORMAT_NAME = "egov-modeler"
FORMAT_VERSION = 1
OPS = ("do", "undo", "redo")
DEFAULT_FSYNC_INTERVAL = 1.0  # seconds: what a power cut may cost at most
#: Journals nobody recovered (answered "later") and ``.failed`` ones go after this long.
DEFAULT_KEEP_DAYS = 30

__all__ = [
    "FileBase", "Journal", "JournalError", "JournalInfo", "discard_journal", "file_base",
    "find_journals", "journal_path_for", "model_base", "prune_journals", "read_info",
    "recover", "set_aside",
]


class JournalError(ModelError):
    """A journal that cannot be recovered at all; the message says why."""


# ---------------------------------------------------------------------------- bases
class FileBase(dict[str, Any]):
    """A base naming a saved file (``path`` and ``sha256``, what the header holds) that
    also carries the file's bytes, for the journal's own copy."""

    def __init__(self, path: str, raw: bytes) -> None:
        super().__init__(path=path, sha256=hashlib.sha256(raw).hexdigest())
        self.raw = raw


def file_base(path: str | os.PathLike[str], raw: bytes | None = None) -> FileBase:
    """A base naming the saved file ``path``: the bytes ``raw`` the model was read from
    (best: what was really loaded), or the file as it is now on disk."""
    absolute = os.path.abspath(path)
    if raw is None:
        raw = Path(absolute).read_bytes()
    return FileBase(absolute, raw)


def model_base(model: Model) -> dict[str, Any]:
    """A base holding the whole model as it is now (untitled or recovered documents)."""
    return {"model": ser.model_to_dict(model)}


def journal_path_for(folder: str | os.PathLike[str], document: str | None,
                     untitled_id: str = "") -> Path:
    """Where the journal of ``document`` (a file path) or of an untitled model lives.

    A saved document is named from a hash of its absolute path (its exact bytes, so a
    folder name that is not UTF-8 works too), so reopening the file finds its journal; an
    untitled one from an id the window chooses (``untitled-<id>``).
    """
    if document:
        key = hashlib.sha256(path_key(document)).hexdigest()[:16]
        name = f"doc-{key}"
    else:
        name = f"untitled-{untitled_id or os.getpid()}"
    return Path(folder) / (name + JOURNAL_SUFFIX)


def _base_copy_path(journal: Path) -> Path:
    return journal.with_name(journal.name + BASE_SUFFIX)


# ---------------------------------------------------------------------------- writing
def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _line(data: dict[str, Any]) -> bytes:
    """An edit line: UTF-8, unpaired surrogates replaced (never fails on odd text)."""
    return (dumps(data, separators=(",", ":")) + "\n").encode("utf-8")


def _header_line(data: dict[str, Any]) -> bytes:
    """The header: ASCII escapes keep a path's undecodable bytes (as surrogates) exact."""
    return (json.dumps(data, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
            + "\n").encode("ascii")


def _make_private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


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
        """Write the base copy and the header now (each replaces an older file of the
        same name atomically, so a crash in between leaves the old journal or the new
        one), both private to the user."""
        if self._handle is not None:
            return
        _make_private_folder(self.path.parent)
        base = dict(self.base)
        if isinstance(self.base, FileBase):
            copy = _base_copy_path(self.path)
            write_atomically(copy, self.base.raw, private=True)
            base["copy"] = copy.name
        header = {
            "journal": FORMAT_NAME, "version": FORMAT_VERSION, "document": self.document,
            "base": base, "carried": self.carried, "created": _now(), "pid": os.getpid(),
            "host": socket.gethostname(), "boot": boot_id(),
        }
        write_atomically(self.path, _header_line(header), private=True)
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

    def mark_saving(self, sha256: str) -> None:
        """Save is about to replace the file with bytes of this hash (see the module
        docstring); synced at once. Nothing is written to a journal not yet started:
        without edits there is nothing a crash could lose."""
        if self._handle is None:
            return
        self._write({"op": "saved", "time": _now(), "sha256": sha256}, count=False)
        self.sync()

    def _write(self, entry: dict[str, Any], count: bool = True) -> None:
        self.start()
        self._handle.write(_line(entry))
        self._handle.flush()  # in the OS now: survives a crash of the program
        if count:
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
            discard_journal(self.path)


def discard_journal(path: str | os.PathLike[str]) -> None:
    """Remove a journal and its base copy (missing files are fine)."""
    path = Path(path)
    for target in (path, _base_copy_path(path)):
        with contextlib.suppress(FileNotFoundError):
            target.unlink()


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename a journal that could not be recovered to ``*.failed`` (its base copy goes
    along), to be looked at; :func:`prune_journals` removes it after a while. Returns the
    new name."""
    path = Path(path)
    kept = path.with_suffix(FAILED_SUFFIX)
    path.replace(kept)
    copy = _base_copy_path(path)
    if copy.exists():
        copy.replace(_base_copy_path(kept))
    return kept


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
    """The header, every field of it typed; :class:`JournalError` otherwise."""
    shown = display_path(path)
    try:
        header = safe_loads(raw_first_line, keep_surrogates=True)
    except UnsafeJSONError:
        header = None
    if not isinstance(header, dict) or header.get("journal") != FORMAT_NAME:
        raise JournalError(tr("{path} is not an egov-modeler journal", path=shown))
    version = header.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise JournalError(tr("{path} has journal version {version}; this program reads "
                              "version {supported}", path=shown, version=str(version)[:20],
                              supported=FORMAT_VERSION))
    base = header.get("base")
    valid_base = isinstance(base, dict) and (
        isinstance(base.get("model"), dict)
        or (isinstance(base.get("path"), str) and isinstance(base.get("sha256"), str)))
    if not valid_base:
        raise JournalError(tr("{path} does not say which model its edits apply to",
                              path=shown))
    document = header.get("document")
    header["document"] = document if isinstance(document, str) and document else None
    for key in ("pid", "carried"):
        if not isinstance(header.get(key), int) or isinstance(header.get(key), bool):
            header[key] = 0
    for key in ("host", "boot", "created"):
        if not isinstance(header.get(key), str):
            header[key] = ""
    return header


def _split(path: Path) -> tuple[dict[str, Any], list[bytes]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise JournalError(tr("Cannot read {path}: {reason}", path=display_path(path),
                              reason=exc.strerror or exc)) from None
    lines = raw.split(b"\n")
    header = _read_header(lines[0], path)
    while lines and not lines[-1].strip():
        lines.pop()
    return header, lines[1:]


def _is_live(header: dict[str, Any]) -> bool:
    """True when another program that is still running writes this journal. Our own
    process counts as not live: one process shows one document per window, and a window
    that finds its own process's journal is a window that replaced a crashed one."""
    pid = header["pid"]
    if pid == os.getpid():
        return False
    if header["host"] != socket.gethostname():
        return False
    if header["boot"] and header["boot"] != boot_id():
        return False
    return process_alive(pid)


def _document_name(header: dict[str, Any]) -> str:
    document = header["document"]
    if document:
        return display_path(Path(document).name)
    model = header["base"].get("model") or {}
    name = model.get("name") if isinstance(model, dict) else None
    return str(name)[:200] if isinstance(name, str) and name else tr("Untitled")


def _entry(line: bytes) -> dict[str, Any] | None:
    """One journal line, or ``None`` when it cannot be read."""
    try:
        entry = safe_loads(line)
    except UnsafeJSONError:
        return None
    return entry if isinstance(entry, dict) else None


@dataclasses.dataclass(frozen=True)
class _Summary:
    """What :func:`read_info` needs of one journal, kept small: its header holds the
    whole base model."""

    header: dict[str, Any]  # the typed header without its base
    name: str
    edits: int
    last: datetime | None
    saved_sha256: object  # the last line's hash when it is a ``saved`` line, else None


#: Journals already read, by path, with the size and modification time they had then.
_SUMMARIES: dict[Path, tuple[tuple[int, int], _Summary]] = {}


def _summary(path: Path) -> _Summary:
    """The summary of ``path``, read again only when the file changed since.

    Why: every File > Open looks through the journal folder for a journal of the file
    opened, and each journal's first line is a whole model: with a few national models'
    journals left by crashes (or "Later"), each Open parsed tens of megabytes of JSON,
    seconds on the GUI thread."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise JournalError(tr("Cannot read {path}: {reason}", path=display_path(path),
                              reason=exc.strerror or exc)) from None
    key = (stat.st_size, stat.st_mtime_ns)
    known = _SUMMARIES.get(path)
    if known is not None and known[0] == key:
        return known[1]
    header, lines = _split(path)
    edits = max(header["carried"], 0)
    last: datetime | None = None
    with contextlib.suppress(ValueError):
        last = datetime.fromisoformat(header["created"]) if header["created"] else None
    final: dict[str, Any] | None = None
    for line in lines:
        entry = _entry(line)
        if entry is None:
            break  # a line cut short by the crash: the edits before it count
        final = entry
        if entry.get("op") != "saved":
            edits += 1
        with contextlib.suppress(TypeError, ValueError):
            last = datetime.fromisoformat(entry.get("time"))  # type: ignore[arg-type]
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=UTC)
    saved = final.get("sha256") if final is not None and final.get("op") == "saved" else None
    summary = _Summary({k: v for k, v in header.items() if k != "base"},
                       _document_name(header), edits, last, saved)
    if len(_SUMMARIES) > 256:  # journals come and go; forget the oldest reads
        _SUMMARIES.clear()
    _SUMMARIES[path] = (key, summary)
    return summary


def read_info(path: str | os.PathLike[str]) -> JournalInfo:
    """Summarise a journal for the recovery question; :class:`JournalError` if unreadable."""
    path = Path(path)
    summary = _summary(path)
    header = summary.header
    edits = summary.edits
    if summary.saved_sha256 is not None and header["document"]:
        # Save completed and every edit here is in the file (its hash, read now)
        with contextlib.suppress(OSError):
            if file_sha256(header["document"]) == summary.saved_sha256:
                edits = 0
    return JournalInfo(path=path, document=header["document"], name=summary.name,
                       edits=edits, last_edit=summary.last, live=_is_live(header))


def find_journals(folder: str | os.PathLike[str],
                  skip: str | os.PathLike[str] | None = None) -> list[JournalInfo]:
    """The journals in ``folder`` that can be offered for recovery, newest edit first;
    ``skip``: the journal this program writes (not even read).

    Journals still written by another running program, those without any edit (or whose
    edits were saved) and unreadable files are left out (the latter are logged, never
    raised: no file here may stop the program from starting)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    try:
        paths = sorted(folder.glob("*" + JOURNAL_SUFFIX))
    except OSError as exc:
        log.warning("journal folder unreadable: %s", exc)
        return []
    skipped = Path(skip) if skip is not None else None
    for path in paths:
        if path == skipped:
            continue
        try:
            info = read_info(path)
        except (JournalError, OSError) as exc:
            log.warning("journal skipped: %s", exc)
            continue
        if not info.live and info.edits:
            found.append(info)
    oldest = datetime.min.replace(tzinfo=UTC)
    found.sort(key=lambda i: i.last_edit or oldest, reverse=True)
    return found


def prune_journals(folder: str | os.PathLike[str],
                   keep_days: float = DEFAULT_KEEP_DAYS) -> list[Path]:
    """Remove what the journal folder no longer needs; returns what went. Never raises.

    Goes: ``*.failed`` journals and journals nobody recovered (not live) last written
    more than ``keep_days`` ago, journals whose edits were all saved (a crash between
    Save and the journal's restart), base copies without their journal, and temporary
    files of interrupted writes."""
    folder = Path(folder)
    removed: list[Path] = []
    limit = time.time() - keep_days * 86400
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        try:
            name = path.name
            if name.endswith(JOURNAL_SUFFIX):
                try:
                    info = read_info(path)
                except JournalError:
                    info = None
                if info is not None and info.live:
                    continue
                saved = info is not None and not info.edits
                if saved or path.stat().st_mtime < limit:
                    discard_journal(path)
                    removed.append(path)
            elif name.endswith(FAILED_SUFFIX) and path.stat().st_mtime < limit:
                path.unlink()
                with contextlib.suppress(FileNotFoundError):
                    _base_copy_path(path).unlink()
                removed.append(path)
            elif name.startswith(".") and name.endswith(".tmp"):
                if path.stat().st_mtime < time.time() - STALE_TEMP_SECONDS:
                    path.unlink()  # left by a write interrupted by a kill
                    removed.append(path)
            elif name.endswith(JOURNAL_SUFFIX + BASE_SUFFIX):
                owner = path.with_name(name[: -len(BASE_SUFFIX)])
                if not owner.exists():
                    path.unlink()
                    removed.append(path)
        except OSError as exc:
            log.debug("not pruned %s: %s", path, exc)
    if removed:
        log.info("journal folder: removed %d old files", len(removed))
    return removed


# ---------------------------------------------------------------------------- recovery
def _model_from_dict(data: Any, name: str, texts_checked: bool = False) -> Model:
    from .native import model_from_dict

    return model_from_dict(data, name, texts_checked=texts_checked)


def _load_base(base: dict[str, Any], journal: Path, report: list[str]) -> Model:
    """The model the journal's edits start from: its model dict, its own copy of the
    saved file, or the saved file if it is unchanged. Adds to ``report`` when the file
    on disk is no longer what the edits were made on."""
    from .native import NativeFileError, loads

    if isinstance(base.get("model"), dict):
        try:
            return _model_from_dict(base["model"], display_path(journal))
        except NativeFileError as exc:
            raise JournalError(tr("The model {path} starts from is damaged: {reason}",
                                  path=display_path(journal), reason=exc)) from None

    path = Path(base["path"])
    shown = display_path(path)
    try:
        current: bytes | None = path.read_bytes()
    except OSError:
        current = None
    raw = current if current is not None and _sha(current) == base["sha256"] else None
    if raw is None:
        copy_name = base.get("copy")
        if isinstance(copy_name, str) and "/" not in copy_name and "\\" not in copy_name:
            with contextlib.suppress(OSError):
                copy = (journal.parent / copy_name).read_bytes()
                if _sha(copy) == base["sha256"]:
                    raw = copy
        if raw is not None:
            report.append(tr(
                "‘{path}’ was changed by another program after these edits were "
                "made; they were recovered on the version they were made on. Saving replaces "
                "the file as it is now: use Save as to keep both.", path=shown)
                if current is not None else tr(
                "‘{path}’ was removed or renamed after these edits were made; they were "
                "recovered on the version they were made on. Save them again.", path=shown))
    if raw is None:
        if current is None:
            raise JournalError(tr(
                "The unsaved edits of ‘{path}’ cannot be recovered: the file cannot be read "
                "and the journal has no copy of it", path=shown))
        raise JournalError(tr(
            "The unsaved edits of ‘{path}’ cannot be recovered: the file was changed after "
            "they were made, so they would be replayed on a different model. The file was "
            "left as it is.", path=shown))
    try:
        return loads(raw, shown)
    except NativeFileError as exc:
        raise JournalError(str(exc)) from None


def _sha(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _describe(raw: Any) -> str:
    try:
        return command_from_dict(raw).describe()
    except Exception:
        return str(raw.get("command") if isinstance(raw, dict) else raw)[:80]


def recover(journal_path: str | os.PathLike[str]) -> tuple[Model, list[str]]:
    """Replay a journal on its base: the model the edits produced, and what was lost.

    Replaying stops at the first line that cannot be used (damaged, or a command that
    fails on the model): everything before it is recovered and the report (translated,
    one sentence per problem) says what was lost, and whether the saved file changed since.
    Raises :class:`JournalError` only when nothing can be recovered: not a journal, or
    neither the journal's copy nor the saved file holds the base. The saved file is only
    read.
    """
    path = Path(journal_path)
    header, lines = _split(path)
    report: list[str] = []
    model = _load_base(header["base"], path, report)
    done: list[Command] = []
    undone: list[Command] = []
    for index, line in enumerate(lines):
        line_no = index + 2  # the header is line 1
        remaining = len(lines) - index - 1
        entry = _entry(line)
        if entry is None:
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
                             what=_describe(entry.get("command")), reason=str(exc)[:200],
                             count=remaining))
            break
    return model, report


def _replay(model: Model, entry: dict[str, Any], done: list[Command],
            undone: list[Command]) -> Model:
    """Apply one journal line; returns the model (a snapshot replaces it)."""
    op = entry.get("op")
    if op == "saved":
        return model
    if op == "snapshot":
        done.clear()
        undone.clear()
        return _model_from_dict(entry.get("model"), "snapshot", texts_checked=True)
    if op == "do":
        command = command_from_dict(entry.get("command"))
        command.apply(model)
        done.append(command)
        undone.clear()
    elif op in ("undo", "redo"):
        source, target = (done, undone) if op == "undo" else (undone, done)
        raw = entry.get("command")
        kind = raw.get("command") if isinstance(raw, dict) else None
        if not source or source[-1].kind != kind:
            raise JournalError(tr("the journal undoes or redoes an edit it does not hold"))
        command = source.pop()
        if op == "undo":
            command.revert(model)
        else:
            command.apply(model)
        target.append(command)
    else:
        raise JournalError(tr("unknown journal operation {op}", op=str(op)[:40]))
    return model
