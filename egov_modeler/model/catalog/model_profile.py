"""Which profile a model is written under, and the catalog that follows from it.

A model records its profile as two model properties, ``profile`` (the id) and
``profile_version`` (the version of the profile data it was made or migrated with). A model
without them is a 2.0 model: every ``.egov`` file written before profiles existed is, and
it keeps reading and saving exactly as before (the file format does not change; the
properties are ordinary model properties, which the exchange XML carries too).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .catalog import Catalog
from .registry import LEGACY_PROFILE, canonical_profile_id, profile_catalog

#: Model property holding the profile id.
PROFILE_KEY = "profile"
#: Model property holding the version of the profile data.
PROFILE_VERSION_KEY = "profile_version"
#: Model property holding the date the architecture speaks of (ISO ``YYYY-MM-DD``).
ARCHITECTURE_DATE_KEY = "architecture_date"


def _property(model: Any, key: str) -> str | None:
    for k, value in getattr(model, "properties", []):
        if k == key and str(value).strip():
            return str(value).strip()
    return None


def profile_id_of(model: Any) -> str:
    """The model's profile id (``vn-egov-2.0`` when it names none)."""
    return canonical_profile_id(_property(model, PROFILE_KEY) or LEGACY_PROFILE)


def profile_version_of(model: Any) -> str | None:
    """The version of the profile data the model was made or migrated with, if recorded."""
    return _property(model, PROFILE_VERSION_KEY)


def catalog_for(model: Any) -> Catalog:
    """The catalog the model is judged and edited with: its profile plus the user catalogs
    for it. Raises :class:`~.registry.UnknownProfileError` for a profile not loaded."""
    return profile_catalog(profile_id_of(model))


def profile_properties(catalog: Catalog) -> list[tuple[str, str]]:
    """The model properties that record ``catalog``'s profile."""
    profile = catalog.profile
    if profile is None:
        return []
    return [(PROFILE_KEY, profile.id), (PROFILE_VERSION_KEY, profile.version)]


def parse_model_date(text: str | None) -> dt.date | None:
    """A date as architects type it: ``2025-12-31``, ``31/12/2025`` or ``31-12-2025``."""
    if not text:
        return None
    text = text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def model_date(model: Any, catalog: Catalog, today: dt.date | None = None) -> dt.date:
    """The day the model's rules are judged on.

    The first of the profile's ``model_date_properties`` (``architecture_date``, then
    ``dossier:date``) that the model has; else today, except that a model of a superseded
    profile is judged as the day before the profile's ``valid_until`` (an undated 2.0 model
    is judged as the 2.0 world was on 28/12/2023, so its rules whose basis was repealed
    later still apply to it).
    """
    profile = catalog.profile
    keys = profile.model_date_properties if profile else (ARCHITECTURE_DATE_KEY,
                                                           "dossier:date")
    for key in keys:
        found = parse_model_date(_property(model, key))
        if found is not None:
            return found
    day = today or dt.date.today()
    if profile is not None and profile.valid_until is not None and day >= profile.valid_until:
        return profile.valid_until - dt.timedelta(days=1)
    return day
