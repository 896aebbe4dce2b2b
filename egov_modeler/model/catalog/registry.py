"""Where catalogs come from: the built-in one in the package, and the user's files.

A province or ministry can add its own components with a *user catalog* of the same format
(``--catalog FILE`` or later from the GUI); :func:`active_catalog` is the built-in catalog
merged with every user catalog added, so the palette, the rules and the suggestions see the
user's components too. Reading a user file never half-applies it: a broken file raises
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
from .reader import decode_catalog_json, parse_catalog
from .types import CatalogError

log = logging.getLogger(__name__)


@cache
def load_builtin_catalog() -> Catalog:
    """The framework catalog shipped in the package (read once, through importlib.resources
    so that it works from an installed wheel too)."""
    resource = resources.files("egov_modeler") / "resources" / "framework" / "catalog.json"
    text = resource.read_text(encoding="utf-8")
    return parse_catalog(decode_catalog_json(text, "catalog.json"), "catalog.json", text)


def load_catalog_file(path: str | os.PathLike[str], known: Catalog | None = None) -> Catalog:
    """Read a user catalog file; it may use the built-in layers and components.

    Raises :class:`CatalogError` naming the file and the field or JSON line.
    """
    source = Path(path)
    name = source.name
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise CatalogError(tr("{file}: cannot read the catalog: {reason}", file=str(source),
                              reason=exc.strerror or str(exc))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CatalogError(tr("{file}, line {line}: the file is not UTF-8 text",
                              file=name, line=line)) from None
    base = known if known is not None else load_builtin_catalog()
    return parse_catalog(decode_catalog_json(text, name), name, text, known=base)


_user_catalogs: dict[str, Catalog] = {}
_active: list[Catalog] = []


def add_user_catalog(path: str | os.PathLike[str]) -> Catalog:
    """Add a user catalog to :func:`active_catalog`; adding the same file again reloads it.

    Nothing changes when the file is broken (the :class:`CatalogError` says why).
    """
    key = str(Path(path).resolve())
    others = {k: v for k, v in _user_catalogs.items() if k != key}
    base = load_builtin_catalog()
    for catalog in others.values():
        base = base.merged(catalog)
    catalog = load_catalog_file(path, known=base)
    merged = base.merged(catalog)
    _user_catalogs.clear()
    _user_catalogs.update(others)
    _user_catalogs[key] = catalog
    _active[:] = [merged]
    log.info("user catalog %s added: %d components", key, len(catalog.components))
    return catalog


def clear_user_catalogs() -> None:
    """Forget every user catalog (tests; "remove catalog" in the GUI)."""
    _user_catalogs.clear()
    _active.clear()


def user_catalog_paths() -> list[str]:
    """The files added with :func:`add_user_catalog`, in order."""
    return list(_user_catalogs)


def active_catalog() -> Catalog:
    """The built-in catalog plus every user catalog added (what the palette shows)."""
    return _active[0] if _active else load_builtin_catalog()
