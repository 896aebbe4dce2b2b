"""The program's version, written once: the package metadata, ``--version``, the About box and
the files the program writes all read it from here."""

__version__ = "0.1.0"
