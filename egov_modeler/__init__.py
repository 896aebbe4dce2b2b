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

__version__ = "0.1.0"

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os

    from .model.model import Model
    from .model.problems import Problem

__all__ = ["Model", "Problem", "__version__", "load", "save", "validate"]


def load(path: str | os.PathLike[str]) -> Model:
    """Read a ``.egov`` file. Skipped objects are listed in ``model.load_report``."""
    from .export.native import load as _load

    return _load(path)


def save(model: Model, path: str | os.PathLike[str]) -> None:
    """Write ``model`` to a ``.egov`` file atomically."""
    from .export.native import save as _save

    _save(model, path)


def validate(model: Model) -> list[Problem]:
    """Every ArchiMate and framework problem of ``model``, errors first."""
    from .model.framework_rules import ensure_framework_rules
    from .model.validation import validate as _validate

    ensure_framework_rules()
    return _validate(model)


def __getattr__(name: str) -> object:
    if name == "Model":
        from .model.model import Model

        return Model
    if name == "Problem":
        from .model.problems import Problem

        return Problem
    raise AttributeError(name)
