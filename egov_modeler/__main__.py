"""``python -m egov_modeler`` is the same as the ``egov-modeler`` command."""

import sys

from .cli import main

sys.exit(main())
