"""Save a model in the format its file name asks for: ``.egov`` (the program's own),
``.archimate`` (Archi's model) or ``.xml`` (ArchiMate exchange). For the window's Save As,
which offers all three; each writer writes atomically.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..i18n import tr
from ..model.errors import ModelError
from ..model.model import Model
from ..storage.native import save
from .archi_writer import write_archi
from .oef_writer import write_exchange

#: What Save As offers, in the order of its file type list.
SAVE_SUFFIXES = (".egov", ".archimate", ".xml")


def write_any(model: Model, path: str | os.PathLike[str]) -> list[str]:
    """Write ``model`` to ``path`` in the format of its suffix; returns what the format
    could not take (translated lines, empty for ``.egov`` and exchange XML). Raises
    :class:`~egov_modeler.model.errors.ModelError` for a suffix none of them has, and
    ``OSError`` when the file cannot be written."""
    suffix = Path(path).suffix.lower()
    if suffix == ".egov":
        save(model, path)
        return []
    if suffix == ".archimate":
        return write_archi(model, path)
    if suffix == ".xml":
        write_exchange(model, path)
        return []
    raise ModelError(tr("{path}: save as .egov, .archimate (Archi) or .xml (exchange)",
                        path=path))
