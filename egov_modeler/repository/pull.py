"""Bringing another copy's versions into this one: fast-forward, or a model merge.

:func:`merge_version` compares this copy's version with theirs. When one contains the
other, the branch simply moves. Otherwise the model file is merged three ways against their
common ancestor (:mod:`.three_way`); other files of the repository are merged the simple way
(the side that changed a file wins; a file both changed keeps ours and is reported). Without
conflicts the merge is committed at once; with conflicts a :class:`PendingMerge` waits for a
person's decisions, and until :meth:`PendingMerge.complete` nothing in the repository or the
working file has changed, so abandoning it leaves everything as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from dulwich.graph import find_merge_base
from dulwich.object_store import iter_tree_contents
from dulwich.objects import Blob, ObjectID

from ..i18n import tr
from .conflicts import Conflict
from .errors import RepositoryError
from .integrity import Repair
from .model_diff import ModelDiff, diff_models
from .store import (
    Author,
    ModelRepository,
    Version,
    merged_model_bytes,
    paused_gc,
    version_of,
)
from .three_way import MergedModel, ModelMerge, merge_models
from .wording import ConflictText, describe_conflict

log = logging.getLogger(__name__)


class PullState(StrEnum):
    UP_TO_DATE = "up-to-date"      # nothing new on their side
    FAST_FORWARD = "fast-forward"  # only they had new versions: this copy now has them
    MERGED = "merged"              # both had new versions, merged without conflicts
    CONFLICTS = "conflicts"        # a person must decide (see PullResult.pending)


@dataclass
class PullResult:
    """What a pull did: its state, the version this copy is now at, what changed in the
    model, what the integrity pass removed, and the pending merge when there are
    conflicts."""

    state: PullState
    source: str
    version: Version | None = None
    changes: ModelDiff | None = None
    repairs: list[Repair] = field(default_factory=list)
    pending: PendingMerge | None = None
    #: Files other than the model changed on both sides; ours were kept.
    kept_files: list[str] = field(default_factory=list)


class PendingMerge:
    """A merge waiting for decisions. Nothing is written until :meth:`complete`."""

    def __init__(self, repository: ModelRepository, merge: ModelMerge, ours: ObjectID,
                 theirs: ObjectID, source: str, author: Author) -> None:
        self.repository = repository
        self.merge = merge
        self.ours = ours
        self.theirs = theirs
        self.source = source
        self.author = author
        self.finished = False

    @property
    def conflicts(self) -> list[Conflict]:
        return self.merge.conflicts

    def texts(self) -> list[tuple[Conflict, ConflictText]]:
        """Every conflict with its words, in the merge's stable order."""
        return [(c, describe_conflict(self.merge, c)) for c in self.merge.conflicts]

    def preview(self, decisions: Mapping[str, str]) -> MergedModel:
        """The merged model these decisions would give (nothing is written)."""
        return self.merge.result(decisions)

    def complete(self, decisions: Mapping[str, str]) -> PullResult:
        """Commit the merge with these decisions (every conflict must have one)."""
        if self.finished:
            raise RepositoryError(tr("This merge is already finished"))
        repo = self.repository
        if repo.head() != self.ours or repo.is_modified():
            raise RepositoryError(tr("The model or the repository changed while the "
                                     "conflicts were being decided; pull again"))
        with paused_gc():
            result = _commit_merge(repo, self.merge.result(decisions), self.ours,
                                   self.theirs, self.source, self.author)
        self.finished = True
        return result

    def abandon(self) -> None:
        """Give the merge up: the working file and the repository stay as they were."""
        self.finished = True


def _other_files(repo: ModelRepository, base: ObjectID, ours: ObjectID,
                 theirs: ObjectID) -> tuple[dict[str, bytes], list[str], list[str]]:
    """Files other than the model: those to take from theirs, the paths taken, and the
    paths both sides changed (ours kept)."""
    store = repo.repo.object_store

    def listing(commit_id: ObjectID) -> dict[str, ObjectID]:
        tree = repo.commit_object(commit_id).tree
        return {e.path.decode(): e.sha for e in iter_tree_contents(store, tree)
                if e.path is not None and e.sha is not None}

    b, o, t = listing(base), listing(ours), listing(theirs)
    take: dict[str, bytes] = {}
    removed: list[str] = []
    kept: list[str] = []
    for path in sorted(o.keys() | t.keys() | b.keys()):
        if path == repo.model_path:
            continue
        bv, ov, tv = b.get(path), o.get(path), t.get(path)
        if ov == tv or tv == bv:
            continue
        if ov == bv:
            if tv is None:
                removed.append(path)
            else:
                blob = repo.repo[tv]
                assert isinstance(blob, Blob)
                take[path] = blob.as_raw_string()
        else:
            kept.append(path)
    return take, removed, kept


def _commit_merge(repo: ModelRepository, merged: MergedModel, ours: ObjectID,
                  theirs: ObjectID, source: str, author: Author) -> PullResult:
    data = merged_model_bytes(merged.model, repo.scratch_folder())
    base = _merge_base(repo, ours, theirs)
    take, removed, kept = _other_files(repo, base, ours, theirs)
    files = {repo.model_path: data, **take}
    commit_id = repo.write_commit(files, [ours, theirs],
                                  tr("Merge versions from {source}", source=source), author,
                                  remove=tuple(removed))
    old_model = repo.model_dict(ours)
    repo.move_head(commit_id, ours, [repo.model_path, *take, *removed])
    return PullResult(PullState.MERGED, source, version_of(repo.commit_object(commit_id)),
                      diff_models(old_model, merged.model), merged.repairs, kept_files=kept)


def _merge_base(repo: ModelRepository, ours: ObjectID, theirs: ObjectID) -> ObjectID:
    bases = find_merge_base(repo.repo, [ours, theirs])
    if not bases:
        raise RepositoryError(tr("The two copies have no version in common: clone the shared "
                                 "repository instead of creating a second one"))
    return bases[0]


def merge_version(repo: ModelRepository, theirs: ObjectID | None, source: str,
                  author: Author | None = None) -> PullResult:
    """Bring version ``theirs`` into this copy (see the module docstring). The working file
    must hold no uncommitted change."""
    if theirs is None:
        return PullResult(PullState.UP_TO_DATE, source)
    ours = repo.head()
    if ours is not None and repo.is_modified():
        raise RepositoryError(tr("The model has changes that are not committed yet: commit "
                                 "them first, then pull"))
    if ours == theirs:
        return PullResult(PullState.UP_TO_DATE, source)
    if ours is None:
        repo.move_head(theirs, None, _paths_of(repo, theirs))
        return PullResult(PullState.FAST_FORWARD, source, version_of(repo.commit_object(theirs)))
    base = _merge_base(repo, ours, theirs)
    if base == theirs:
        return PullResult(PullState.UP_TO_DATE, source)
    if base == ours:
        old_model = repo.model_dict(ours)
        paths = sorted(set(_paths_of(repo, ours)) | set(_paths_of(repo, theirs)))
        repo.move_head(theirs, ours, paths)
        return PullResult(PullState.FAST_FORWARD, source, version_of(repo.commit_object(theirs)),
                          diff_models(old_model, repo.model_dict(theirs)))
    who = repo.require_author(author)
    with paused_gc():
        merge = merge_models(repo.model_dict(base), repo.model_dict(ours),
                             repo.model_dict(theirs))
    pending = PendingMerge(repo, merge, ours, theirs, source, who)
    if merge.conflicts:
        return PullResult(PullState.CONFLICTS, source, pending=pending)
    return pending.complete({})


def _paths_of(repo: ModelRepository, commit_id: ObjectID) -> list[str]:
    tree = repo.commit_object(commit_id).tree
    return [e.path.decode() for e in iter_tree_contents(repo.repo.object_store, tree)
            if e.path is not None]
