"""Where catalogs come from: the built-in framework profiles, the user's profiles and the
user's catalogs.

* A **profile** is one framework (``vn-egov-2.0``, ``vn-digital-2025`` built in; a user
  file with a ``profile`` block adds another, or replaces a built-in one with the same id,
  e.g. the official annex typed in). A profile file may ``extend`` another profile: it is
  then that profile plus its own layers, components and rules, under its own id.
* A **user catalog** (a file without ``profile``) adds components to the profiles it names
  in ``for_profiles`` (``vn-egov-2.0`` when it names none: the catalogs written before the
  profiles existed are 2.0 catalogs).

:func:`profile_catalog` is a profile with its user catalogs merged in; what a *model* uses
is :func:`~.model_profile.catalog_for`. :func:`active_catalog` is the profile the window's
palette shows (:func:`set_active_profile`). Reading a user file never half-applies it: a
broken file, or one that no longer fits a profile it extends, raises
:class:`~.types.CatalogError` and changes nothing.
"""

from __future__ import annotations

import logging
import os
from functools import cache
from importlib import resources
from pathlib import Path

from ...i18n import tr
from .catalog import Catalog
from .profile import ProfileData
from .reader import decode_catalog_json, parse_catalog
from .types import CatalogError

log = logging.getLogger(__name__)

#: The profiles shipped in ``resources/framework`` (file ``<id>.json``), oldest first.
BUILTIN_PROFILES = ("vn-egov-2.0", "vn-digital-2025")
#: The profile of a model that names none: every ``.egov`` file written before profiles.
LEGACY_PROFILE = "vn-egov-2.0"
#: The profile a new model gets unless the user chooses another.
CURRENT_PROFILE = "vn-digital-2025"
#: Old names of profiles, still accepted ("builtin" was the 2.0 catalog's id).
PROFILE_ALIASES = {"builtin": LEGACY_PROFILE}


class UnknownProfileError(CatalogError):
    """A profile id that is neither built in nor loaded from a file."""


def canonical_profile_id(profile_id: str) -> str:
    """``profile_id`` with the old aliases resolved (``builtin`` → ``vn-egov-2.0``)."""
    return PROFILE_ALIASES.get(profile_id, profile_id)


def load_builtin_profile(profile_id: str) -> Catalog:
    """A profile shipped in the package (read once, through importlib.resources so that it
    works from an installed wheel too)."""
    profile_id = canonical_profile_id(profile_id)
    if profile_id not in BUILTIN_PROFILES:
        raise UnknownProfileError(_unknown_message(profile_id))
    return _read_builtin(profile_id)


@cache
def _read_builtin(profile_id: str) -> Catalog:
    name = f"{profile_id}.json"
    resource = resources.files("egov_modeler") / "resources" / "framework" / name
    text = resource.read_text(encoding="utf-8")
    return parse_catalog(decode_catalog_json(text, name), name, text)


def load_builtin_catalog() -> Catalog:
    """The built-in 2.0 profile (the catalog of every model that names no profile)."""
    return load_builtin_profile(LEGACY_PROFILE)


def _read_text(path: str | os.PathLike[str], what: str) -> tuple[str, str]:
    source = Path(path)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise CatalogError(tr("{file}: cannot read the {what}: {reason}", file=str(source),
                              what=what, reason=exc.strerror or str(exc))) from None
    try:
        return source.name, raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CatalogError(tr("{file}, line {line}: the file is not UTF-8 text",
                              file=source.name, line=line)) from None


def load_catalog_file(path: str | os.PathLike[str], known: Catalog | None = None) -> Catalog:
    """Read a user catalog file; it may use the layers and components of ``known`` (by
    default the built-in 2.0 profile).

    Raises :class:`CatalogError` naming the file and the field or JSON line.
    """
    name, text = _read_text(path, tr("catalog"))
    base = known if known is not None else load_builtin_catalog()
    return parse_catalog(decode_catalog_json(text, name), name, text, known=base)


def load_profile_file(path: str | os.PathLike[str]) -> Catalog:
    """Read a profile file (a catalog with a ``profile`` block) without registering it.

    A profile that ``extends`` another is read against it and returned merged with it.
    """
    name, text = _read_text(path, tr("profile"))
    data = decode_catalog_json(text, name)
    if not isinstance(data, dict) or not isinstance(data.get("profile"), dict):
        raise CatalogError(tr("{file}: not a profile: the 'profile' block is missing (a file "
                              "without it is a component catalog: load it with --catalog)",
                              file=name))
    extends = data["profile"].get("extends")
    base = None
    if isinstance(extends, str) and extends:
        try:
            base = base_profile(extends)
        except UnknownProfileError:
            raise CatalogError(tr("{file}: profile: 'extends' names unknown profile '{id}'",
                                  file=name, id=extends)) from None
    catalog = parse_catalog(data, name, text, known=base)
    if base is None:
        return catalog
    own = catalog.data
    merged_data = ProfileData(
        profile=own.profile,
        scope_levels=own.scope_levels or base.scope_levels,
        terminology=own.terminology or base.terminology,
        inventory_fields=own.inventory_fields or base.inventory_fields,
        inventory_groups=(own.inventory_groups if own.inventory_fields
                          else base.data.inventory_groups),
        mapping_from=own.mapping_from or base.mapping_from,
    )
    merged = base.merged(catalog)
    return Catalog(merged.layers, merged.components, merged.relationships, merged.rules,
                   catalog.title_vi or base.title_vi, catalog.title_en or base.title_en,
                   id=catalog.id, data=merged_data)


# ------------------------------------------------------------------ the user's files
_user_profiles: dict[str, tuple[str, Catalog]] = {}   # profile id -> (path, catalog)
_user_catalogs: dict[str, Catalog] = {}               # resolved path -> catalog (unmerged)
_catalog_targets: dict[str, tuple[str, ...]] = {}     # resolved path -> profile ids
_merged: dict[str, Catalog] = {}                      # profile id -> with user catalogs
_active: list[str] = []


def base_profile(profile_id: str) -> Catalog:
    """A profile without the user catalogs: the user's file for that id, else built in."""
    profile_id = canonical_profile_id(profile_id)
    if profile_id in _user_profiles:
        return _user_profiles[profile_id][1]
    return load_builtin_profile(profile_id)


def profile_ids() -> list[str]:
    """Every profile the program knows: built in first, then the user's, in load order."""
    return [*BUILTIN_PROFILES, *(p for p in _user_profiles if p not in BUILTIN_PROFILES)]


def profile_catalog(profile_id: str) -> Catalog:
    """The profile ``profile_id`` with the user catalogs for it merged in."""
    profile_id = canonical_profile_id(profile_id)
    if profile_id in _merged:
        return _merged[profile_id]
    return base_profile(profile_id)


def _merge_user_catalogs(profile_id: str, base: Catalog,
                         catalogs: dict[str, Catalog]) -> Catalog:
    merged = base
    for path, catalog in catalogs.items():
        if profile_id in _catalog_targets.get(path, ()):
            merged = merged.merged(catalog)
    return merged


def add_user_profile(path: str | os.PathLike[str]) -> Catalog:
    """Load a profile file and make it available (replacing a built-in or earlier one with
    the same id); loading the same file again reloads it.

    Nothing changes when the file is broken, or when a user catalog already added for that
    profile does not fit the new one (the :class:`CatalogError` says why).
    """
    catalog = load_profile_file(path)
    assert catalog.profile is not None
    profile_id = catalog.profile.id
    reparsed = {key: load_catalog_file(key, known=catalog) for key in _user_catalogs
                if profile_id in _catalog_targets.get(key, ())}
    merged = _merge_user_catalogs(profile_id, catalog, reparsed)
    _user_profiles[profile_id] = (str(Path(path).resolve()), catalog)
    _user_catalogs.update(reparsed)
    if reparsed:
        _merged[profile_id] = merged
    else:
        _merged.pop(profile_id, None)
    log.info("profile %s loaded from %s: %d components", profile_id, path,
             len(catalog.components))
    return catalog


def user_profile_paths() -> dict[str, str]:
    """``{profile id: file}`` of the profiles loaded with :func:`add_user_profile`."""
    return {profile_id: path for profile_id, (path, _) in _user_profiles.items()}


def add_user_catalog(path: str | os.PathLike[str]) -> Catalog:
    """Add a user catalog to the profiles it names in ``for_profiles`` (2.0 by default);
    adding the same file again reloads it.

    Nothing changes when the file is broken (the :class:`CatalogError` says why).
    """
    key = str(Path(path).resolve())
    name, text = _read_text(path, tr("catalog"))
    data = decode_catalog_json(text, name)
    targets = data.get("for_profiles") if isinstance(data, dict) else None
    if not isinstance(targets, list) or not targets or not all(
            isinstance(t, str) for t in targets):
        targets = [LEGACY_PROFILE]
    targets = [canonical_profile_id(t) for t in targets]
    others = {k: v for k, v in _user_catalogs.items() if k != key}
    new_merged: dict[str, Catalog] = {}
    parsed: Catalog | None = None
    for profile_id in targets:
        try:
            base = base_profile(profile_id)
        except UnknownProfileError:
            raise CatalogError(tr("{file}: 'for_profiles' names unknown profile '{id}'",
                                  file=name, id=profile_id)) from None
        with_others = _merge_user_catalogs(profile_id, base, others)
        parsed = parse_catalog(data, name, text, known=with_others)
        new_merged[profile_id] = with_others.merged(parsed)
    assert parsed is not None
    _user_catalogs.clear()
    _user_catalogs.update(others)
    _user_catalogs[key] = parsed
    _catalog_targets[key] = tuple(targets)
    _merged.update(new_merged)
    log.info("user catalog %s added to %s: %d components", key, ", ".join(targets),
             len(parsed.components))
    return parsed


def clear_user_catalogs() -> None:
    """Forget every user catalog and user profile (tests; "remove" in the GUI)."""
    _user_catalogs.clear()
    _catalog_targets.clear()
    _user_profiles.clear()
    _merged.clear()
    _active.clear()


def user_catalog_paths() -> list[str]:
    """The files added with :func:`add_user_catalog`, in order."""
    return list(_user_catalogs)


def set_active_profile(profile_id: str) -> Catalog:
    """Make ``profile_id`` the one :func:`active_catalog` answers (the window calls this
    when it shows a model of that profile); raises :class:`UnknownProfileError`."""
    catalog = profile_catalog(profile_id)
    _active[:] = [canonical_profile_id(profile_id)]
    return catalog


def active_profile_id() -> str:
    """The profile :func:`active_catalog` answers (2.0 until another is set)."""
    return _active[0] if _active else LEGACY_PROFILE


def active_catalog() -> Catalog:
    """The active profile plus the user catalogs for it (what the palette shows)."""
    try:
        return profile_catalog(active_profile_id())
    except UnknownProfileError:
        return profile_catalog(LEGACY_PROFILE)


def _unknown_message(profile_id: str) -> str:
    return tr("Unknown framework profile ‘{id}’ (known: {known}); load it with --profile FILE",
              id=profile_id, known=", ".join(profile_ids()))
