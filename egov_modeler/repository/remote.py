"""Sharing versions with a remote repository: a shared folder, SSH or HTTP(S).

A remote is named in this copy's config (``origin``, set by :func:`clone` or by the first
push or pull to an address) or given as an address: a folder path (a shared folder such as
``/mnt/chung/kien-truc.git``), ``ssh://user@host/path`` or ``https://host/path``. dulwich
speaks all of them; see the README for which were tested.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
from pathlib import Path

from dulwich import porcelain
from dulwich.client import get_transport_and_path
from dulwich.errors import GitProtocolError, HangupException, NotGitRepository
from dulwich.objects import ObjectID
from dulwich.refs import Ref
from dulwich.repo import Repo

from ..i18n import tr
from .errors import RepositoryError
from .pull import PullResult, merge_version
from .store import DEFAULT_REMOTE, Author, ModelRepository

log = logging.getLogger(__name__)

_NETWORK_ERRORS = (GitProtocolError, HangupException, NotGitRepository, OSError)


def _is_local_path(address: str) -> bool:
    return "://" not in address and not (":" in address.split("/")[0]
                                         and not Path(address).drive)


def resolve_remote(repo: ModelRepository, remote: str | None) -> tuple[str, str | None]:
    """``(address, name)``: the address of a named remote, or the address given with the
    name it is tracked under (``origin`` when this copy has no remote yet, which it then
    remembers)."""
    remote = remote or DEFAULT_REMOTE
    url = repo.remote_url(remote)
    if url is not None:
        return url, remote
    if remote == DEFAULT_REMOTE:
        raise RepositoryError(tr("This copy has no shared repository yet: give its address "
                                 "(a folder, ssh://… or https://…)"))
    address = str(Path(remote).resolve()) if _is_local_path(remote) else remote
    if repo.remote_url(DEFAULT_REMOTE) is None:
        repo.set_remote(address)
        return address, DEFAULT_REMOTE
    return address, DEFAULT_REMOTE if repo.remote_url(DEFAULT_REMOTE) == address else None


def fetch(repo: ModelRepository, remote: str | None = None) -> ObjectID | None:
    """Fetch the remote's versions; returns the id of its version of our branch (``None``
    when it has none yet) and remembers it as ``refs/remotes/<name>/<branch>``."""
    address, name = resolve_remote(repo, remote)
    try:
        client, path = get_transport_and_path(address)
        result = client.fetch(path, repo.repo)
    except _NETWORK_ERRORS as exc:
        raise RepositoryError(tr("Cannot reach the shared repository {address}: {reason}",
                                 address=address, reason=str(exc) or type(exc).__name__)) \
            from None
    refs = result.refs
    theirs = refs.get(repo.branch_ref) or refs.get(Ref(b"HEAD"))
    if theirs is not None and name is not None:
        repo.repo.refs[repo.tracking_ref(name)] = theirs
    return theirs


def pull(repo: ModelRepository, remote: str | None = None,
         author: Author | None = None) -> PullResult:
    """Fetch, then bring the remote's version in (fast-forward, merge or conflicts)."""
    address, _name = resolve_remote(repo, remote)
    if repo.head() is not None and repo.is_modified():
        raise RepositoryError(tr("The model has changes that are not committed yet: commit "
                                 "them first, then pull"))
    theirs = fetch(repo, remote)
    return merge_version(repo, theirs, address, author)


def push(repo: ModelRepository, remote: str | None = None) -> str:
    """Send this copy's versions to the remote. A folder path that does not exist yet
    becomes a new shared repository. Refuses when the remote has versions this copy lacks
    (pull first). Returns the address pushed to."""
    head = repo.head()
    if head is None:
        raise RepositoryError(tr("Nothing to send: commit a first version"))
    address, name = resolve_remote(repo, remote)
    if _is_local_path(address) and not Path(address).exists():
        if not Path(address).parent.is_dir():
            raise RepositoryError(tr("The folder {path} does not exist (is the shared drive "
                                     "connected?)", path=str(Path(address).parent)))
        bare = Repo.init_bare(address, mkdir=True)
        bare.refs.set_symbolic_ref(Ref(b"HEAD"), repo.branch_ref)
        bare.close()
        log.info("created the shared repository %s", address)
    out = io.BytesIO()
    try:
        porcelain.push(repo.repo, address, [repo.branch_ref], outstream=out, errstream=out)
    except porcelain.DivergedBranches:
        raise RepositoryError(tr("The shared repository has versions this copy does not have "
                                 "yet: pull first, then push")) from None
    except _NETWORK_ERRORS as exc:
        raise RepositoryError(tr("Cannot send to the shared repository {address}: {reason}",
                                 address=address, reason=str(exc) or type(exc).__name__)) \
            from None
    if name is not None:
        repo.repo.refs[repo.tracking_ref(name)] = head
    return address


def clone(source: str, target: str | os.PathLike[str], author: Author | None = None,
          model_name: str | None = None) -> ModelRepository:
    """Copy a shared repository (a folder, ssh://…, https://…) into the folder ``target``
    and open its model (the only ``.egov`` file, or ``model_name``)."""
    target_path = Path(target)
    if target_path.exists() and any(target_path.iterdir()):
        raise RepositoryError(tr("{path} already exists and is not empty", path=str(target)))
    address = str(Path(source).resolve()) if _is_local_path(source) else source
    made = not target_path.exists()
    try:
        cloned = porcelain.clone(address, str(target_path), checkout=True,
                                 errstream=io.BytesIO())
    except _NETWORK_ERRORS as exc:
        if made:  # leave no half-made copy behind
            shutil.rmtree(target_path, ignore_errors=True)
        raise RepositoryError(tr("Cannot copy the shared repository {address}: {reason}",
                                 address=address, reason=str(exc) or type(exc).__name__)) \
            from None
    return open_cloned(cloned, author, model_name)


def open_cloned(cloned: Repo, author: Author | None, model_name: str | None) -> ModelRepository:
    """The model repository of a fresh clone, with its author and the model merge set."""
    root = Path(cloned.path)
    models = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.egov")
                    if ".git" not in p.relative_to(root).parts)
    cloned.close()
    if model_name is not None:
        models = [m for m in models if m == model_name or Path(m).name == model_name]
    if len(models) != 1:
        raise RepositoryError(tr("The repository holds {count} model files; name the one "
                                 "to use", count=len(models)))
    repo = ModelRepository.open(root / models[0])
    if author is not None:
        repo.set_author(author)
    repo.install_merge_driver()
    return repo
