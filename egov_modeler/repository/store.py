"""A model's versions in a git repository, through dulwich (no git program needed).

The repository is the folder of the ``.egov`` file (or any folder above it that is already a
git repository). The model stays one file; each commit records who, when and why, and the
model diff between two commits says what changed in model terms. Only the model file and
``.gitattributes`` (which names the model merge for command-line git) are written by the
program; other files in the repository are left to git.

Moving the branch to a new version (a pull, a merge) writes the working file and the branch
in two steps. A small journal in ``.git`` names both versions first, so a crash between the
steps is finished on the next open: the repository and the file always end up agreeing, and
the file is never half-written (:func:`~egov_modeler.storage.atomic.write_atomically`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shlex
import sys
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from dulwich.errors import NotGitRepository
from dulwich.index import commit_tree
from dulwich.object_store import iter_tree_contents
from dulwich.objects import Blob, Commit, ObjectID, Tree
from dulwich.objectspec import parse_commit
from dulwich.refs import Ref
from dulwich.repo import Repo

from ..i18n import tr
from ..model import safe_json
from ..model.collector import collection_paused
from ..model.model import Model
from ..storage import native
from ..storage.atomic import write_atomically
from .errors import RepositoryError
from .model_diff import ModelDiff, diff_models

log = logging.getLogger(__name__)

GITATTRIBUTES = ".gitattributes"
ATTRIBUTE_LINE = "*.egov merge=egov"
MERGE_DRIVER = "egov"
FILE_MODE = 0o100644
DEFAULT_REMOTE = "origin"
JOURNAL = "egov-modeler-update.json"
_CACHED_MODELS = 6


@dataclass(frozen=True)
class Author:
    """Who made a version: a name (Vietnamese welcome) and an e-mail address."""

    name: str
    email: str = ""

    @classmethod
    def parse(cls, text: str) -> Author:
        """``"Nguyễn Văn A <a@stttt.gialai.gov.vn>"`` or just a name."""
        match = re.fullmatch(r"\s*(.*?)\s*<([^<>]*)>\s*", text)
        name, email = (match.group(1), match.group(2)) if match else (text.strip(), "")
        if not name or any(c in name for c in "<>\n"):
            raise RepositoryError(tr("Write the author as ‘Name <e-mail>’: {value}", value=text))
        return cls(name, email.strip())

    def ident(self) -> bytes:
        return f"{self.name} <{self.email}>".encode()

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


@dataclass(frozen=True)
class Version:
    """One commit: its id, who made it and when, its message and its parents."""

    id: str
    author: str
    email: str
    when: datetime
    message: str
    parents: tuple[str, ...]

    @property
    def short(self) -> str:
        return self.id[:8]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1


@dataclass(frozen=True)
class RepoStatus:
    """What the dock shows: the branch, whether the file differs from the last version,
    and how many versions this copy and the shared repository have that the other lacks
    (as of the last pull or push)."""

    branch: str
    head: str | None
    modified: bool
    ahead: int
    behind: int
    remote_url: str | None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a merge builds tens of thousands of small
    dicts: each of its full passes walks every object of three loaded models, which made a
    5,000-element pull several times slower. Nothing made meanwhile forms a cycle; reference
    counting still frees everything. The shared pause, so that a merge that ends while the
    history's worker runs does not switch the collector back on under it."""
    with collection_paused():
        yield


def _local_offset() -> int:
    local = time.localtime()
    return -(time.altzone if local.tm_isdst > 0 else time.timezone)


def version_of(commit: Commit) -> Version:
    author = commit.author.decode("utf-8", "replace")
    match = re.fullmatch(r"(.*?)\s*<([^<>]*)>", author)
    name, email = (match.group(1), match.group(2)) if match else (author, "")
    zone = timezone(timedelta(seconds=commit.author_timezone))
    return Version(
        id=commit.id.decode(), author=name, email=email,
        when=datetime.fromtimestamp(commit.author_time, zone),
        message=commit.message.decode("utf-8", "replace").strip(),
        parents=tuple(p.decode() for p in commit.parents),
    )


def model_file_bytes(model: Model, scratch: Path) -> bytes:
    """The bytes :func:`egov_modeler.storage.native.save` writes for ``model``: written to a
    scratch file and read back, so the repository always commits exactly what the program
    saves, whatever order the writer gives to lists."""
    scratch.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix="egov-", suffix=".egov", dir=scratch)
    os.close(fd)
    try:
        native.save(model, name)
        return Path(name).read_bytes()
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


def merged_model_bytes(merged: dict[str, Any], scratch: Path) -> bytes:
    """The file of a merged model dict, as the program writes it. The merged model must
    load with nothing skipped; anything else is a fault of the merge and is never
    written."""
    model = native.loads(json.dumps(merged, ensure_ascii=False).encode("utf-8"),
                         tr("the merged model"))
    if model.load_report:
        raise RepositoryError(tr("The merged model is not whole ({problems}); nothing was "
                                 "changed", problems="; ".join(model.load_report[:5])))
    return model_file_bytes(model, scratch)


def parse_model(data: bytes, name: str) -> dict[str, Any]:
    """A version's bytes as a model dict; a clear error when they are not a model."""
    try:  # a version may come from anyone who can push: read as a file is read
        value = safe_json.loads(data)
    except safe_json.UnsafeJSONError as exc:
        raise RepositoryError(tr("{name} is not a readable model: {reason}", name=name,
                                 reason=str(exc))) from None
    if not isinstance(value, dict) or "format_version" not in value:
        raise RepositoryError(tr("{name} is not an egov-modeler model", name=name))
    return value


class ModelRepository:
    """One model file in one git repository. Use :meth:`open`, :meth:`discover` or
    :meth:`init`; close it (or use ``with``) when done."""

    def __init__(self, repo: Repo, model_path: str) -> None:
        self.repo = repo
        self.root = Path(repo.path).resolve()
        self.model_path = PurePosixPath(model_path).as_posix()
        self.model_file = self.root / Path(*PurePosixPath(model_path).parts)
        self._models: OrderedDict[bytes, dict[str, Any]] = OrderedDict()
        self._recover()

    # ------------------------------------------------------------------ opening
    @classmethod
    def discover(cls, model_file: str | os.PathLike[str]) -> ModelRepository | None:
        """The repository holding ``model_file``, or ``None`` when it is in none."""
        path = Path(model_file).resolve()
        try:
            repo = Repo.discover(str(path.parent))
        except NotGitRepository:
            return None
        if repo.bare:
            repo.close()
            return None
        root = Path(repo.path).resolve()
        try:
            relative = path.relative_to(root)
        except ValueError:
            repo.close()
            return None
        return cls(repo, relative.as_posix())

    @classmethod
    def open(cls, model_file: str | os.PathLike[str]) -> ModelRepository:
        found = cls.discover(model_file)
        if found is None:
            raise RepositoryError(tr("{path} is not in a model repository (create one with "
                                     "‘egov-modeler repo init’)", path=str(model_file)))
        return found

    @classmethod
    def in_folder(cls, folder: str | os.PathLike[str]) -> ModelRepository:
        """The model repository around ``folder``, when it holds exactly one model file."""
        try:
            git = Repo.discover(str(folder))
        except NotGitRepository:
            raise RepositoryError(tr("The current folder is not in a model repository: give "
                                     "the model with --file")) from None
        root = Path(git.path)
        git.close()
        models = [p for p in root.rglob("*.egov") if ".git" not in p.relative_to(root).parts]
        if len(models) != 1:
            raise RepositoryError(tr("The repository holds {count} model files; name the one "
                                     "to use", count=len(models)))
        return cls.open(models[0])

    @classmethod
    def init(cls, model_file: str | os.PathLike[str], author: Author | None = None,
             message: str | None = None) -> ModelRepository:
        """Make the folder of ``model_file`` a model repository (or use the repository it is
        already in), set up the model merge for command-line git, and commit the file as the
        first version."""
        path = Path(model_file)
        if not path.is_file():
            raise RepositoryError(tr("{path} does not exist", path=str(path)))
        native.load(path)  # refuse to version something that is not a model
        found = cls.discover(path)
        if found is None:
            if author is None:  # nothing to read it from yet: refuse before creating
                raise RepositoryError(tr("Say who you are: give an author as ‘Name "
                                         "<e-mail>’"))
            Repo.init(str(path.resolve().parent)).close()
            found = cls.discover(path)
            assert found is not None
        if author is not None:
            found.set_author(author)
        found.install_merge_driver()
        if found.head() is None or found.status().modified or not found._tracked():
            found.commit(message or tr("First version of the model"), author)
        return found

    def close(self) -> None:
        self.repo.close()

    def __enter__(self) -> ModelRepository:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ settings
    def author(self) -> Author | None:
        """The author this copy commits as (``user.name``/``user.email`` of its config)."""
        config = self.repo.get_config()
        try:
            name = config.get((b"user",), b"name").decode()
        except KeyError:
            return None
        try:
            email = config.get((b"user",), b"email").decode()
        except KeyError:
            email = ""
        return Author(name, email)

    def set_author(self, author: Author) -> None:
        config = self.repo.get_config()
        config.set((b"user",), b"name", author.name.encode())
        config.set((b"user",), b"email", author.email.encode())
        config.write_to_path()

    def install_merge_driver(self) -> None:
        """``.gitattributes`` names the model merge for ``*.egov`` and this copy's config
        says how to run it, so ``git merge`` and ``git pull`` merge models as the program
        does (a clone made with plain git needs the config line: see the README)."""
        attributes = self.root / GITATTRIBUTES
        lines = attributes.read_text(encoding="utf-8").splitlines() if attributes.exists() \
            else []
        if ATTRIBUTE_LINE not in (line.strip() for line in lines):
            lines.append(ATTRIBUTE_LINE)
            write_atomically(attributes, ("\n".join(lines) + "\n").encode("utf-8"))
        config = self.repo.get_config()
        command = (f"{shlex.quote(sys.executable)} -m egov_modeler repo merge-driver "
                   "%O %A %B %P")
        config.set((b"merge", MERGE_DRIVER.encode()), b"name", b"egov-modeler model merge")
        config.set((b"merge", MERGE_DRIVER.encode()), b"driver", command.encode())
        config.write_to_path()

    def remote_url(self, name: str = DEFAULT_REMOTE) -> str | None:
        try:
            return self.repo.get_config().get((b"remote", name.encode()), b"url").decode()
        except KeyError:
            return None

    def set_remote(self, url: str, name: str = DEFAULT_REMOTE) -> None:
        config = self.repo.get_config()
        section = (b"remote", name.encode())
        config.set(section, b"url", url.encode())
        config.set(section, b"fetch", f"+refs/heads/*:refs/remotes/{name}/*".encode())
        config.write_to_path()

    # ------------------------------------------------------------------ refs and contents
    @property
    def branch_ref(self) -> Ref:
        """The branch HEAD points at (``refs/heads/master`` in a new repository)."""
        symrefs = self.repo.refs.get_symrefs()
        return Ref(symrefs.get(Ref(b"HEAD"), b"refs/heads/master"))

    @property
    def branch(self) -> str:
        return self.branch_ref.decode().removeprefix("refs/heads/")

    def head(self) -> ObjectID | None:
        try:
            return self.repo.refs[self.branch_ref]
        except KeyError:
            return None

    def resolve(self, rev: str) -> ObjectID:
        """A commit id from ``rev`` (``HEAD``, ``HEAD~2``, ``HEAD^2``, a branch, a full or
        short id)."""
        match = re.fullmatch(r"(.+?)((?:[~^]\d*)*)", rev.strip())
        try:
            if match is None:
                raise KeyError(rev)
            commit = parse_commit(self.repo, match.group(1).encode())
            for step, count in re.findall(r"([~^])(\d*)", match.group(2)):
                n = int(count) if count else 1
                if step == "^":  # the n-th parent
                    commit = self.commit_object(commit.parents[n - 1]) if n else commit
                else:  # n first-parents back
                    for _ in range(n):
                        commit = self.commit_object(commit.parents[0])
            return commit.id
        except (KeyError, ValueError, IndexError):
            raise RepositoryError(tr("No version {rev} in this repository", rev=rev)) from None

    def commit_object(self, commit_id: ObjectID) -> Commit:
        commit = self.repo[commit_id]
        assert isinstance(commit, Commit)
        return commit

    def _blob_id(self, commit_id: ObjectID, path: str | None = None) -> ObjectID | None:
        tree_id = self.commit_object(commit_id).tree
        try:
            tree = self.repo[tree_id]
            assert isinstance(tree, Tree)
            _mode, blob_id = tree.lookup_path(self.repo.__getitem__,
                                              (path or self.model_path).encode())
        except KeyError:
            return None
        return blob_id

    def model_bytes(self, commit_id: ObjectID) -> bytes:
        """The model file as it was in ``commit_id``."""
        blob_id = self._blob_id(commit_id)
        if blob_id is None:
            raise RepositoryError(tr("Version {rev} does not hold {path}",
                                     rev=commit_id.decode()[:8], path=self.model_path))
        blob = self.repo[blob_id]
        assert isinstance(blob, Blob)
        return blob.as_raw_string()

    def model_dict(self, commit_id: ObjectID | None, keep: bool = True,
                   parse: Callable[[bytes, str], dict[str, Any]] = parse_model,
                   ) -> dict[str, Any]:
        """The model of ``commit_id`` as a dict (the working file for ``None``); the last few
        are kept, as history and compare ask for the same versions again (``keep=False``:
        not this one, for a reader that keeps what it needs itself, which may also
        ``parse`` the bytes its own way)."""
        if commit_id is None:
            data = self.working_bytes()
            key = Blob.from_string(data).id
        else:
            found = self._blob_id(commit_id)
            if found is None:
                return {}  # a version before the model was added: nothing yet
            key, data = found, b""
        if key in self._models:
            self._models.move_to_end(key)
            return self._models[key]
        if not data:
            data = self.model_bytes(commit_id) if commit_id is not None else data
        name = commit_id.decode()[:8] if commit_id is not None else str(self.model_file)
        value = parse(data, name)
        if not keep:
            return value
        self._models[key] = value
        while len(self._models) > _CACHED_MODELS:
            self._models.popitem(last=False)
        return value

    def working_bytes(self) -> bytes:
        try:
            return self.model_file.read_bytes()
        except OSError as exc:
            raise RepositoryError(tr("Cannot read {path}: {reason}", path=str(self.model_file),
                                     reason=exc.strerror or str(exc))) from None

    def _tracked(self) -> bool:
        head = self.head()
        return head is not None and self._blob_id(head) is not None

    def is_modified(self) -> bool:
        """True when the working file differs from the last committed version."""
        head = self.head()
        if head is None:
            return True
        return Blob.from_string(self.working_bytes()).id != self._blob_id(head)

    # ------------------------------------------------------------------ status
    def tracking_ref(self, remote: str = DEFAULT_REMOTE) -> Ref:
        return Ref(f"refs/remotes/{remote}/{self.branch}".encode())

    def count_between(self, include: ObjectID, exclude: ObjectID | None) -> int:
        """Versions reachable from ``include`` and not from ``exclude``."""
        walker = self.repo.get_walker(include=[include], exclude=[exclude] if exclude else [])
        return sum(1 for _ in walker)

    def status(self, remote: str = DEFAULT_REMOTE) -> RepoStatus:
        head = self.head()
        try:
            theirs: ObjectID | None = self.repo.refs[self.tracking_ref(remote)]
        except KeyError:
            theirs = None
        ahead = behind = 0
        if head is not None and theirs is not None and head != theirs:
            ahead = self.count_between(head, theirs)
            behind = self.count_between(theirs, head)
        elif head is not None and theirs is None and self.remote_url(remote):
            ahead = self.count_between(head, None)
        return RepoStatus(branch=self.branch, head=head.decode() if head else None,
                          modified=self.is_modified(), ahead=ahead, behind=behind,
                          remote_url=self.remote_url(remote))

    # ------------------------------------------------------------------ commit and history
    def require_author(self, author: Author | None) -> Author:
        author = author or self.author()
        if author is None:
            raise RepositoryError(tr("Say who you are: give an author as ‘Name <e-mail>’"))
        return author

    def commit(self, message: str, author: Author | None = None) -> Version:
        """Record the working file as a new version. Refuses an empty message and a file
        that is not a model (a broken file is never committed)."""
        if not message.strip():
            raise RepositoryError(tr("Write a message that says what changed"))
        who = self.require_author(author)
        data = self.working_bytes()
        native.loads(data, str(self.model_file))
        head = self.head()
        if head is not None and not self.is_modified() and self._attributes_committed(head):
            raise RepositoryError(tr("Nothing to commit: the model is as in the last version"))
        files = {self.model_path: data}
        attributes = self.root / GITATTRIBUTES
        if attributes.exists():
            files[GITATTRIBUTES] = attributes.read_bytes()
        commit_id = self.write_commit(files, [head] if head else [], message, who)
        self.repo.refs.set_if_equals(self.branch_ref, head, commit_id)
        self.stage(list(files))
        return version_of(self.commit_object(commit_id))

    def _attributes_committed(self, head: ObjectID) -> bool:
        attributes = self.root / GITATTRIBUTES
        if not attributes.exists():
            return True
        return Blob.from_string(attributes.read_bytes()).id == self._blob_id(head, GITATTRIBUTES)

    def write_commit(self, files: dict[str, bytes], parents: list[ObjectID], message: str,
                     author: Author, tree_of: ObjectID | None = None,
                     remove: tuple[str, ...] = ()) -> ObjectID:
        """Store a commit whose tree is ``tree_of``'s (the first parent's by default) with
        ``files`` replaced and ``remove`` left out. Nothing points at it yet."""
        store = self.repo.object_store
        entries: dict[bytes, tuple[ObjectID, int]] = {}
        base = tree_of or (parents[0] if parents else None)
        if base is not None:
            for entry in iter_tree_contents(store, self.commit_object(base).tree):
                assert entry.path is not None and entry.sha is not None
                assert entry.mode is not None
                entries[entry.path] = (entry.sha, entry.mode)
        for path in remove:
            entries.pop(path.encode(), None)
        for path, data in files.items():
            blob = Blob.from_string(data)
            store.add_object(blob)
            entries[path.encode()] = (blob.id, FILE_MODE)
        tree_id = commit_tree(store, [(p, sha, mode) for p, (sha, mode) in entries.items()])
        commit = Commit()
        commit.tree = tree_id
        commit.parents = list(parents)
        commit.author = commit.committer = author.ident()
        commit.author_time = commit.commit_time = int(time.time())
        commit.author_timezone = commit.commit_timezone = _local_offset()
        commit.message = (message.strip() + "\n").encode("utf-8")
        store.add_object(commit)
        return commit.id

    def stage(self, paths: list[str]) -> None:
        """Make the index agree with the working files (so ``git status`` is clean)."""
        self.repo.get_worktree().stage([os.path.join(*PurePosixPath(p).parts) for p in paths])

    def history(self, limit: int | None = None) -> list[Version]:
        """The versions of the branch, newest first."""
        head = self.head()
        if head is None:
            return []
        walker = self.repo.get_walker(include=[head], max_entries=limit)
        return [version_of(entry.commit) for entry in walker]

    def changes_in(self, version: Version | str) -> ModelDiff:
        """What a version changed in the model, against its first parent."""
        commit_id = self.resolve(version.id if isinstance(version, Version) else version)
        parents = self.commit_object(commit_id).parents
        old = self.model_dict(parents[0]) if parents else {}
        return diff_models(old, self.model_dict(commit_id))

    def diff(self, old: str, new: str | None = None) -> ModelDiff:
        """The model diff from version ``old`` to version ``new`` (the working file when
        ``new`` is ``None``)."""
        old_dict = self.model_dict(self.resolve(old))
        new_dict = self.model_dict(self.resolve(new) if new is not None else None)
        return diff_models(old_dict, new_dict)

    def restore(self, rev: str) -> Version:
        """Put version ``rev`` back in the working file (the history is kept: commit it to
        make it the newest version). Returns the version restored."""
        commit_id = self.resolve(rev)
        data = self.model_bytes(commit_id)
        native.loads(data, rev)
        write_atomically(self.model_file, data)
        return version_of(self.commit_object(commit_id))

    # ------------------------------------------------------------------ moving the branch
    def _journal(self) -> Path:
        return Path(self.repo.controldir()) / JOURNAL

    def move_head(self, new_id: ObjectID, old_id: ObjectID | None,
                  paths: list[str]) -> None:
        """Make ``new_id`` the branch's version and write its ``paths`` to the working
        folder. A journal first names both versions, so a crash at any point is finished on
        the next open; an error before the branch moves puts the old files back."""
        journal = self._journal()
        record = {"old": old_id.decode() if old_id else None, "new": new_id.decode(),
                  "paths": paths}
        write_atomically(journal, json.dumps(record).encode())
        try:
            self._write_paths(new_id, paths)
            if not self.repo.refs.set_if_equals(self.branch_ref, old_id, new_id):
                raise RepositoryError(tr("The repository changed meanwhile; try again"))
        except BaseException:
            with contextlib.suppress(Exception):
                if old_id is not None and self.head() == old_id:
                    self._write_paths(old_id, paths)
                    journal.unlink()
            raise
        self.stage(paths)
        journal.unlink()

    def _write_paths(self, commit_id: ObjectID, paths: list[str]) -> None:
        for path in paths:
            blob_id = self._blob_id(commit_id, path)
            target = self.root / Path(*PurePosixPath(path).parts)
            if blob_id is None:
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
                continue
            blob = self.repo[blob_id]
            assert isinstance(blob, Blob)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, blob.as_raw_string())

    def _recover(self) -> None:
        """Finish a move of the branch that a crash interrupted (see :meth:`move_head`)."""
        journal = self._journal()
        if not journal.exists():
            return
        try:
            record = json.loads(journal.read_text(encoding="utf-8"))
            new_id = ObjectID(record["new"].encode())
            old_id = ObjectID(record["old"].encode()) if record.get("old") else None
            paths = [str(p) for p in record["paths"]]
            self.commit_object(new_id)  # the new version must be complete in the store
        except (OSError, ValueError, KeyError, TypeError, AssertionError) as exc:
            log.warning("unusable update journal %s dropped: %s", journal, exc)
            journal.unlink()
            return
        for path in paths:  # what a crash in the middle of an atomic write leaves
            target = self.root / Path(*PurePosixPath(path).parts)
            for debris in target.parent.glob(f".{target.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    debris.unlink()
        head = self.head()
        if head == old_id:
            log.warning("finishing an update a crash interrupted: %s", record)
            self._write_paths(new_id, paths)
            self.repo.refs.set_if_equals(self.branch_ref, old_id, new_id)
        if self.head() == new_id:
            self.stage(paths)
        journal.unlink()

    def scratch_folder(self) -> Path:
        """A folder inside ``.git`` for the temporary files of a merge."""
        return Path(self.repo.controldir()) / "egov-modeler-tmp"
