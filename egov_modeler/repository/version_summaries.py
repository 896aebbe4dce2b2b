"""What each version of a history changed, in one line each, for the Repository dock's
"What changed" column.

The words are those of ``summary(repo.changes_in(version))``; the work is less. A history
is listed newest first and each version's first parent is usually the next one listed, so
the model a row reads as its parent is the one the next row reads as its own: it is read,
parsed and taken apart (:func:`~.snapshot.flatten`) once and kept for that next row, and
only that one model is kept (not the repository's cache of six, which at 20,000 elements
is several hundred megabytes). Models are parsed in small steps
(:func:`~.json_steps.loads_in_steps`), so that a thread beside the window never holds the
interpreter for a whole parse. :func:`summaries` is pure library code and runs anywhere;
the dock runs it in a worker thread (:mod:`egov_modeler.ui.docks.history_worker`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dulwich.objects import ObjectID

from ..model.safe_json import nests_within
from .errors import RepositoryError
from .json_steps import loads_in_steps
from .model_diff import diff_snapshots
from .snapshot import Snapshot, flatten
from .store import ModelRepository, parse_model
from .wording import summary

__all__ = ["summaries"]


def _never() -> bool:
    return False


def parse_in_steps(data: bytes, name: str) -> dict[str, Any]:
    """:func:`~.store.parse_model`, in small steps; what is not a model, or not JSON the
    safe reader takes (nested too deep, ``NaN``), gets its words from it."""
    if not nests_within(data):
        return parse_model(data, name)
    try:
        value = loads_in_steps(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, IndexError):
        return parse_model(data, name)  # raises, saying what is wrong as it always has
    if not isinstance(value, dict) or "format_version" not in value:
        return parse_model(data, name)
    return value


def summaries(repo: ModelRepository, version_ids: Iterable[str],
              stopped: Callable[[], bool] = _never) -> Iterator[tuple[str, str]]:
    """``(version id, what it changed)`` for each version in turn; a version that cannot be
    read gets the reason instead, as the dock showed it. ``stopped`` is asked between the
    steps of a version (reading, taking apart, comparing): once it says yes, nothing more
    is read or yielded."""
    kept: tuple[ObjectID, Snapshot] | None = None

    def snapshot(commit_id: ObjectID) -> Snapshot:
        if kept is not None and kept[0] == commit_id:
            return kept[1]
        return flatten(repo.model_dict(commit_id, keep=False, parse=parse_in_steps))

    for version_id in version_ids:
        if stopped():
            return
        try:
            commit_id = repo.resolve(version_id)
            parents = repo.commit_object(commit_id).parents
            new = snapshot(commit_id)
            if stopped():
                return
            old = snapshot(parents[0]) if parents else flatten({})
            if stopped():
                return
            text = summary(diff_snapshots(old, new))
            kept = (parents[0], old) if parents else None
        except (RepositoryError, OSError) as exc:
            text = str(exc)
        yield version_id, text
