"""The shipped templates, by framework profile.

Profile ``vn-digital-2025`` (the current framework): ``provincial-2026`` ("Khung kiến trúc
số tỉnh Gia Lai" after the merger with Bình Định, two-tier local government),
``national-2025`` (the overview of QĐ 3090/QĐ-BKHCN with the QĐ 2439/QĐ-TTg data
architecture) and ``empty-2025`` (the 2025 bands only). Profile ``vn-egov-2.0`` (superseded,
kept as archives of the 2.0 era): ``provincial-2020``, ``national-2019`` and ``empty``; the
names they had before, ``provincial`` and ``national``, still work.

Templates are ordinary ``.egov`` files in ``resources/templates/`` (rebuilt by
``python -m tools.templates.build_templates``), so what a user opens is exactly what the
file says; each records its profile in its model properties. A template opens as a new,
untitled model: element, view and node ids stay as in the file (they are only unique inside
one model anyway), but the model gets a fresh model id so two models started from one
template are never mistaken for the same model.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from ..i18n import tr
from ..model.errors import ModelError
from ..model.ids import new_id
from ..model.model import Model
from .native import loads

__all__ = ["TEMPLATE_ALIASES", "TEMPLATE_NAMES", "TemplateError", "TemplateInfo",
           "canonical_template", "load_template", "template_description", "template_info",
           "templates_for_profile"]


@dataclass(frozen=True)
class TemplateInfo:
    """One shipped template: its profile, what it holds (an English text, translated when
    shown) and whether it is an archive of a superseded framework."""

    name: str
    profile: str
    description: str
    archived: bool = False
    kind: str = "overview"  # "provincial", "national" or "empty"


_TEMPLATES = (
    TemplateInfo("provincial-2026", "vn-digital-2025",
                 "Provincial digital architecture framework (Khung kiến trúc số tỉnh) of Gia Lai "
                 "after its merger with Bình Định: two-tier local government, NDOP, VNeID, the "
                 "consolidation of the two former provinces' systems and a roadmap",
                 kind="provincial"),
    TemplateInfo("national-2025", "vn-digital-2025",
                 "National digital architecture framework (QĐ 3090/QĐ-BKHCN): the four layers, "
                 "the national platforms and databases, the national data architecture "
                 "(QĐ 2439/QĐ-TTg)", kind="national"),
    TemplateInfo("empty-2025", "vn-digital-2025",
                 "One overview view with the bands of the 2025 framework only", kind="empty"),
    TemplateInfo("provincial-2020", "vn-egov-2.0",
                 "Archive of the 2.0 era: Gia Lai's provincial e-Government architecture 2.0 "
                 "(2020, before the 2025 merger): one-stop, document management, portals, LGSP, "
                 "data centre, security", archived=True, kind="provincial"),
    TemplateInfo("national-2019", "vn-egov-2.0",
                 "Archive of the 2.0 era: overview diagram of Vietnam's e-Government (framework "
                 "2.0, 2019): every layer as a band, the national systems and databases related",
                 archived=True, kind="national"),
    TemplateInfo("empty", "vn-egov-2.0",
                 "One overview view with the bands of framework 2.0 only", kind="empty"),
)
_BY_NAME = {info.name: info for info in _TEMPLATES}
#: Every shipped template, current framework first.
TEMPLATE_NAMES = tuple(info.name for info in _TEMPLATES)
#: The names the 2.0 templates had before the 2025 ones came; they keep working.
TEMPLATE_ALIASES = {"provincial": "provincial-2020", "national": "national-2019"}


class TemplateError(ModelError):
    """An unknown template name, or a template file that cannot be read (a packaging bug)."""


def canonical_template(name: str) -> str:
    """``name`` with the old names resolved; :class:`TemplateError` when unknown."""
    name = TEMPLATE_ALIASES.get(name, name)
    if name not in _BY_NAME:
        raise TemplateError(_unknown(name))
    return name


def template_info(name: str) -> TemplateInfo:
    """What the template ``name`` (or an old name of it) is."""
    return _BY_NAME[canonical_template(name)]


def templates_for_profile(profile_id: str) -> list[str]:
    """The shipped templates written under ``profile_id`` (none for a user's profile)."""
    return [info.name for info in _TEMPLATES if info.profile == profile_id]


def template_description(name: str, lang: str | None = None) -> str:
    """One line saying what the template contains, in ``lang`` (default: current)."""
    return tr(template_info(name).description, language=lang)


def _unknown(name: str) -> str:
    return tr("Unknown template ‘{name}’; choose one of: {names}", name=name,
              names=", ".join(TEMPLATE_NAMES))


def load_template(name: str) -> Model:
    """A new untitled model made from the template ``name`` (see the module docstring)."""
    name = canonical_template(name)
    resource = resources.files("egov_modeler") / "resources" / "templates" / f"{name}.egov"
    try:
        raw = resource.read_bytes()
    except OSError as exc:
        raise TemplateError(tr("Template ‘{name}’ is missing from the installation: {reason}",
                               name=name, reason=str(exc))) from None
    model = loads(raw, f"{name}.egov")
    model.id = new_id()
    return model
