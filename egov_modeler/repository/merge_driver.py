"""The model merge as a git merge driver, so command-line git merges ``.egov`` files as the
program does instead of line by line.

Set up by ``egov-modeler repo init`` (or by hand, see the README)::

    .gitattributes:  *.egov merge=egov
    .git/config:     [merge "egov"] driver = egov-modeler repo merge-driver %O %A %B %P

Git calls the driver with the ancestor's, our and their versions in temporary files; the
merged model replaces ours (``%A``). Without conflicts the driver exits 0 and git carries
on. With conflicts the file gets the proposed choice for each (it is a whole, valid model)
and the driver exits 1, so git stops and marks the file as conflicted; the conflicts are
printed in words, and the user checks the model in the program before ``git add``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import tr
from ..storage.atomic import write_atomically
from .conflicts import Conflict
from .errors import RepositoryError
from .store import merged_model_bytes, parse_model
from .three_way import merge_models
from .wording import ConflictText, Namer, describe_conflict, repair_line


@dataclass
class DriverOutcome:
    """What the driver did: the conflicts (given their proposed choice) and repairs."""

    conflicts: list[tuple[Conflict, ConflictText]] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.conflicts else 0


def _read(path: str | os.PathLike[str], name: str) -> dict[str, Any]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RepositoryError(tr("Cannot read {path}: {reason}", path=str(path),
                                 reason=exc.strerror or str(exc))) from None
    if not data.strip():  # git gives an empty ancestor when both sides added the file
        return {}
    return parse_model(data, name)


def merge_files(base: str | os.PathLike[str], ours: str | os.PathLike[str],
                theirs: str | os.PathLike[str], name: str = "") -> DriverOutcome:
    """Merge the three files; write the result over ``ours``. A file that is not a model
    raises :class:`RepositoryError` and ``ours`` is left as it was."""
    label = name or str(ours)
    merge = merge_models(_read(base, tr("the common ancestor of {name}", name=label)),
                         _read(ours, label), _read(theirs, tr("their {name}", name=label)))
    merged = merge.result()
    scratch = Path(ours).resolve().parent
    write_atomically(ours, merged_model_bytes(merged.model, scratch))
    namer = Namer(merge.base, merge.ours, merge.theirs)
    return DriverOutcome(
        conflicts=[(c, describe_conflict(merge, c)) for c in merge.conflicts],
        repairs=[repair_line(namer, r) for r in merged.repairs])
