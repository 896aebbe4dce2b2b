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


def read_model_or_exit(path: str) -> Model:
    """Load a ``.egov`` file, or exit 2 with the reason."""
    from ..storage.native import load

    try:
        return load(path)
    except ModelError as exc:
        fail(str(exc))
