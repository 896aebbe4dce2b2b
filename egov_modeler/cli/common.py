"""Helpers shared by the subcommands: reading a model with a clean error and exit code.

Exit codes, the same for every subcommand (README, "Command line"):

- 0: done, and (``validate``) the model has no errors;
- 1: the model has errors (``validate``);
- 2: the input cannot be read (a missing, damaged or hostile file) or the command line is
  wrong;
- 3: the program failed (an unexpected error, a rule provider that crashed): the answer
  is not to be trusted, whatever was printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

from ..i18n import tr
from ..model.errors import ModelError
from ..model.model import Model

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL_ERROR = 3


def fail(message: str, code: int = EXIT_UNREADABLE) -> NoReturn:
    """Print ``message`` on stderr and leave with ``code`` — no traceback for the user."""
    print(tr("error: {message}", message=message), file=sys.stderr)
    raise SystemExit(code)


def egov_output_or_exit(path: str, force: bool) -> Path:
    """The ``.egov`` file a command is to write, or exit 2: it must end in ``.egov`` and
    not exist unless ``force``."""
    output = Path(path)
    if output.suffix.lower() != ".egov":
        fail(tr("the output file must end in .egov: {path}", path=str(output)))
    if output.exists() and not force:
        fail(tr("{path} already exists (use --force to overwrite it)", path=str(output)))
    return output


def read_model_or_exit(path: str) -> Model:
    """Load a ``.egov`` file, or exit 2 with the reason. The model's framework profile
    becomes the active one (what the exchange XML names its layer folders after)."""
    from ..model.catalog import CatalogError, profile_id_of, set_active_profile
    from ..storage.native import load

    try:
        model = load(path)
    except ModelError as exc:
        fail(str(exc))
    try:
        set_active_profile(profile_id_of(model))
    except CatalogError:
        pass  # a profile not loaded: validation says so; other commands go on
    return model
