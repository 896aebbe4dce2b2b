"""egov-modeler: ArchiMate modelling for Vietnamese e-Government architectures.

The scripting API::

    import egov_modeler
    model = egov_modeler.load("gia-lai.egov")
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công cấp tỉnh")
    lgsp = model.add_element("ApplicationComponent", "LGSP tỉnh")
    model.relate(portal.id, "Flow", lgsp.id)
    for problem in egov_modeler.validate(model):
        print(problem)
    egov_modeler.save(model, "gia-lai.egov")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .version import __version__

if TYPE_CHECKING:
    import os

    from .model.model import Model
    from .model.problems import Problem

__all__ = ["Model", "Problem", "__version__", "load", "save", "validate"]


def load(path: str | os.PathLike[str]) -> Model:
    """Read a ``.egov`` file. Skipped objects are listed in ``model.load_report``."""
    from .storage.native import load as _load

    return _load(path)


def save(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to a ``.egov`` file atomically."""
    from .storage.native import save as _save

    _save(model, path)


def validate(model: Model) -> list[Problem]:
    """Every ArchiMate and framework problem of ``model``, errors first."""
    from .model.validation import validate_model

    return validate_model(model)


def __getattr__(name: str) -> object:
    if name == "Model":
        from .model.model import Model

        return Model
    if name == "Problem":
        from .model.problems import Problem

        return Problem
    raise AttributeError(name)
