"""The shipped templates: the national overview, a provincial architecture, an empty start.

Templates are ordinary ``.egov`` files in ``resources/templates/`` (rebuilt by
``python -m tools.templates.build_templates``), so what a user opens is
exactly what the file says. A template opens as a new, untitled model: element, view and
node ids stay as in the file (they are only unique inside one model anyway), but the model
gets a fresh model id so two models started from one template are never mistaken for the
same model.

``empty`` is one view, "Sơ đồ khái quát", holding only the framework's layer bands (users,
channels, portals, applications and databases, integration platforms, infrastructure; the
security and governance bands at the side; external systems): the layout most architects
start from, ready for the palette.
"""

from __future__ import annotations

from importlib import resources

from ..i18n import tr
from ..model.errors import ModelError
from ..model.ids import new_id
from ..model.model import Model
from .native import loads

__all__ = ["TEMPLATE_NAMES", "TemplateError", "load_template", "template_description"]

TEMPLATE_NAMES = ("national", "provincial", "empty")

_DESCRIPTIONS = {
    "national": "Overview diagram of Vietnam's e-Government (framework 2.0): every layer as a "
                "band, the national systems and databases related",
    "provincial": "Provincial e-Government architecture 2.0 in the manner of Gia Lai's: "
                  "one-stop, document management, portals, LGSP, data centre, security",
    "empty": "One overview view with the framework's layer bands only",
}


class TemplateError(ModelError):
    """An unknown template name, or a template file that cannot be read (a packaging bug)."""


def template_description(name: str, lang: str | None = None) -> str:
    """One line saying what the template contains, in ``lang`` (default: current)."""
    if name not in _DESCRIPTIONS:
        raise TemplateError(_unknown(name))
    return tr(_DESCRIPTIONS[name], language=lang)


def _unknown(name: str) -> str:
    return tr("Unknown template ‘{name}’; choose one of: {names}", name=name,
              names=", ".join(TEMPLATE_NAMES))


def load_template(name: str) -> Model:
    """A new untitled model made from the template ``name`` (see the module docstring)."""
    if name not in TEMPLATE_NAMES:
        raise TemplateError(_unknown(name))
    resource = resources.files("egov_modeler") / "resources" / "templates" / f"{name}.egov"
    try:
        raw = resource.read_bytes()
    except OSError as exc:
        raise TemplateError(tr("Template ‘{name}’ is missing from the installation: {reason}",
                               name=name, reason=str(exc))) from None
    model = loads(raw, f"{name}.egov")
    model.id = new_id()
    return model
