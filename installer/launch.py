"""Entry script of the frozen program (PyInstaller's ``Analysis`` starts here).

The package's ``__main__`` uses a relative import, which a frozen entry script cannot; this
file imports the same ``main`` by its absolute name.
"""

import sys

from egov_modeler.cli import main

if __name__ == "__main__":
    sys.exit(main())
