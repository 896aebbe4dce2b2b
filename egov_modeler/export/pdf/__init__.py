"""PDF approval dossier: diagrams as vectors, title blocks, legends, appendix tables.

- :mod:`.draw` turns one view into a backend-neutral scene and a reportlab ``Drawing``;
- :mod:`.pages` knows paper sizes, page layout, fitting and tiling;
- :mod:`.dossier` assembles the whole document and is the CLI's ``--format pdf``.
"""
