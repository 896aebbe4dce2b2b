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
from ..model.catalog import (
    CURRENT_PROFILE,
    PROFILE_KEY,
    Catalog,
    base_profile,
    canonical_profile_id,
    profile_catalog,
    profile_properties,
)
from ..model.commands import CreateViewCommand, PlaceNodeCommand
from ..model.errors import ModelError
from ..model.ids import new_id
from ..model.model import Model
from ..model.views import Node, View
from .native import loads

__all__ = ["TEMPLATE_ALIASES", "TEMPLATE_NAMES", "TemplateError", "TemplateInfo",
           "blank_model", "canonical_template", "load_template", "new_model",
           "template_description", "template_info", "templates_for_profile"]


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


# Geometry of a blank model's bands (as the shipped empty templates lay them out).
_MARGIN, _MAIN_W, _SIDE_W, _BAND_H, _GAP = 40, 1640, 250, 90, 12


def blank_model(catalog: Catalog) -> Model:
    """A new model of ``catalog``'s profile with one overview view of its bands only: what
    ``new`` gives for a profile that ships no template (a user's own profile)."""
    model = Model()
    model.properties = profile_properties(catalog)
    view = View(id=new_id(), name="Sơ đồ tổng thể", names={"en": "Overall diagram"})
    model.execute(CreateViewCommand(view))
    bands = [layer for layer in catalog.layers if layer.kind in ("overview", "external")]
    main = [b for b in bands if b.kind == "overview" and not b.cross_cutting]
    left = [b for b in bands if b.kind == "external"]
    right = [b for b in bands if b.cross_cutting]
    main_x = _MARGIN + (_SIDE_W + _GAP if left else 0)
    height = max(_BAND_H, len(main) * (_BAND_H + _GAP) - _GAP)
    boxes = [(layer, main_x, _MARGIN + i * (_BAND_H + _GAP), _MAIN_W, _BAND_H)
             for i, layer in enumerate(main)]
    boxes += [(layer, main_x + _MAIN_W + _GAP + i * (_SIDE_W + _GAP), _MARGIN, _SIDE_W, height)
              for i, layer in enumerate(right)]
    boxes += [(layer, _MARGIN, _MARGIN, _SIDE_W, height) for layer in left[:1]]
    for layer, x, y, w, h in boxes:
        model.execute(PlaceNodeCommand(view.id, Node(
            id=new_id(), x=x, y=y, w=w, h=h, kind="container", label=layer.name_vi,
            labels={"en": layer.name_en}, layer=layer.id)))
    return model


def new_model(profile: str | None = None, template: str | None = None) -> tuple[Model, str]:
    """A new model of ``profile`` from ``template`` (what ``new`` and the New dialog make),
    with the name of the template used.

    With no template, the profile's empty template (or a blank model of a profile that
    ships none); with no profile, the template's (else the current framework). A template
    of a built-in profile may serve a user's profile that ``extends`` it. A profile and a
    template that do not belong together are refused with the profile's templates named.
    """
    profile_id = canonical_profile_id(profile) if profile else None
    if template is None:
        profile_id = profile_id or CURRENT_PROFILE
        catalog = profile_catalog(profile_id)
        empty = [n for n in templates_for_profile(profile_id) if template_info(n).kind == "empty"]
        if not empty:
            return blank_model(catalog), ""
        template = empty[0]
    info = template_info(template)
    if profile_id is None or profile_id == info.profile:
        return load_template(info.name), info.name
    catalog = profile_catalog(profile_id)
    extends = catalog.profile.extends if catalog.profile else None
    if extends is None or canonical_profile_id(extends) != info.profile:
        names = templates_for_profile(profile_id) or [tr("(none: an empty model is made)")]
        raise TemplateError(tr("The template ‘{template}’ belongs to the profile {owner}, not "
                               "{profile}; templates of {profile}: {names}",
                               template=info.name, owner=info.profile, profile=profile_id,
                               names=", ".join(names)))
    model = load_template(info.name)
    model.properties = profile_properties(catalog) + [
        (k, v) for k, v in model.properties if k not in (PROFILE_KEY, "profile_version")]
    base_profile(profile_id)  # the profile is loaded: a user's file
    return model, info.name
