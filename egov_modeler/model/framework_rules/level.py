"""What a model says of its administrative level (``architecture_level``).

Read by the provincial checks (:mod:`.provincial`) and by the context every check works
with, so it sits below both.
"""

from __future__ import annotations

from typing import Any

PROVINCE_LEVELS = ("province", "provincial", "tỉnh", "cấp tỉnh")
OTHER_LEVELS = ("national", "ministry", "quốc gia", "bộ", "cấp bộ")
LEVEL_KEY = "architecture_level"


def level_text(model: Any) -> str | None:
    """The model's ``architecture_level`` property (or metadata key), as written."""
    for key, value in getattr(model, "properties", []):
        if key == LEVEL_KEY:
            return str(value).strip().lower()
    value = getattr(model, "metadata", {}).get(LEVEL_KEY)
    return str(value).strip().lower() if value else None


def model_level(model: Any) -> bool | None:
    """What the model's ``architecture_level`` says: provincial (True), not (False), or
    nothing (``None``: its elements decide)."""
    level = level_text(model)
    if level in PROVINCE_LEVELS:
        return True
    if level in OTHER_LEVELS:
        return False
    return None
