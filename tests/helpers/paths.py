"""Where things are, for every test: the checkout, the package, and ../shared beside it."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "egov_modeler"
TEMPLATES = PACKAGE / "resources" / "templates"
#: Reference data from the Open Group and Archi, read at test time, never copied in.
SHARED = REPO.parent / "shared"
