"""Git bundles: a repository in one file, for units without a network (a USB stick).

A bundle holds this copy's branch with all its versions. The other unit pulls from it as
from a shared repository (:func:`pull_bundle`: fast-forward, merge or conflicts) or starts
its copy from it (:func:`clone_bundle`). Command-line git reads the same files
(``git bundle verify``, ``git clone x.bundle``).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from dulwich.bundle import create_bundle_from_repo, read_bundle, write_bundle
from dulwich.objects import ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from ..i18n import tr
from ..storage.atomic import write_atomically
from .errors import RepositoryError
from .pull import PullResult, merge_version
from .remote import open_cloned
from .store import Author, ModelRepository

BUNDLE_REMOTE = "bundle"
BUNDLE_SUFFIX = ".bundle"


def write_model_bundle(repo: ModelRepository, path: str | os.PathLike[str]) -> int:
    """Write the branch with every version to ``path`` (atomically: a stick pulled out
    mid-write leaves the old bundle or none). Returns the number of versions."""
    head = repo.head()
    if head is None:
        raise RepositoryError(tr("Nothing to put in a bundle: commit a first version"))
    bundle = create_bundle_from_repo(repo.repo, refs=[repo.branch_ref])
    buffer = io.BytesIO()
    try:
        write_bundle(buffer, bundle)
    finally:
        bundle.close()
    try:
        write_atomically(path, buffer.getvalue())
    except OSError as exc:
        raise RepositoryError(tr("Cannot write {path}: {reason}", path=str(path),
                                 reason=exc.strerror or str(exc))) from None
    return repo.count_between(head, None)


def _unbundle(repo: Repo, path: str | os.PathLike[str]) -> dict[Ref, ObjectID]:
    """Store a bundle's versions in ``repo``; returns its refs."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise RepositoryError(tr("Cannot read {path}: {reason}", path=str(path),
                                 reason=exc.strerror or str(exc))) from None
    try:
        bundle = read_bundle(io.BytesIO(raw))
    except (AssertionError, ValueError, KeyError) as exc:
        raise RepositoryError(tr("{path} is not a git bundle: {reason}", path=str(path),
                                 reason=str(exc))) from None
    try:
        missing = [sha for sha, _ in bundle.prerequisites if sha not in repo.object_store]
        if missing:
            raise RepositoryError(tr("{path} needs versions this copy does not have; ask for "
                                     "a full bundle", path=str(path)))
        bundle.store_objects(repo.object_store)
        return dict(bundle.references)
    except (ValueError, TypeError, KeyError) as exc:
        raise RepositoryError(tr("{path} is damaged: {reason}", path=str(path),
                                 reason=str(exc))) from None
    finally:
        bundle.close()


def _branch_of(refs: dict[Ref, ObjectID], branch_ref: Ref) -> tuple[Ref, ObjectID] | None:
    if branch_ref in refs:
        return branch_ref, refs[branch_ref]
    heads = sorted((r, s) for r, s in refs.items() if r.startswith(b"refs/heads/"))
    return heads[0] if heads else None


def pull_bundle(repo: ModelRepository, path: str | os.PathLike[str],
                author: Author | None = None) -> PullResult:
    """Bring a bundle's version in, as a pull does."""
    if repo.head() is not None and repo.is_modified():
        raise RepositoryError(tr("The model has changes that are not committed yet: commit "
                                 "them first, then pull"))
    found = _branch_of(_unbundle(repo.repo, path), repo.branch_ref)
    if found is None:
        raise RepositoryError(tr("{path} holds no branch", path=str(path)))
    theirs = found[1]
    repo.repo.refs[repo.tracking_ref(BUNDLE_REMOTE)] = theirs
    return merge_version(repo, theirs, str(path), author)


def clone_bundle(path: str | os.PathLike[str], target: str | os.PathLike[str],
                 author: Author | None = None,
                 model_name: str | None = None) -> ModelRepository:
    """Start a copy in the folder ``target`` from a bundle."""
    target_path = Path(target)
    if target_path.exists() and any(target_path.iterdir()):
        raise RepositoryError(tr("{path} already exists and is not empty", path=str(target)))
    target_path.mkdir(parents=True, exist_ok=True)
    repo = Repo.init(str(target_path))
    try:
        found = _branch_of(_unbundle(repo, path), Ref(b"refs/heads/master"))
        if found is None:
            raise RepositoryError(tr("{path} holds no branch", path=str(path)))
        branch_ref, commit_id = found
        repo.refs[branch_ref] = commit_id
        repo.refs.set_symbolic_ref(Ref(b"HEAD"), branch_ref)
        repo.get_worktree().reset_index()
    except BaseException:
        repo.close()
        raise
    return open_cloned(repo, author, model_name)
