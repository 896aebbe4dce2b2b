"""Build ``relationship_table.json`` from Archi's ``relationships.xml``.

Run once, by hand, when the ArchiMate table changes (a new ArchiMate version)::

    python tools/build_relationship_table.py \\
        ../shared/archimate/relationships.xml

It is a build tool, never imported at runtime: the program reads only the JSON it writes,
so an installed copy needs neither Archi's file nor this script. ``relationships-keys.xml``
is read from the same folder as the input to map Archi's letters to relationship names.
The output format is described in egov_modeler/resources/archimate/README.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

log = logging.getLogger("build_relationship_table")

FORMAT = "egov-modeler/archimate-relationship-table"
FORMAT_VERSION = 1
OUTPUT = (Path(__file__).resolve().parents[1] / "egov_modeler" / "resources" / "archimate"
          / "relationship_table.json")

# Used only when relationships-keys.xml is missing; these are Archi's letters.
FALLBACK_LETTERS = {
    "a": "Access", "c": "Composition", "f": "Flow", "g": "Aggregation", "i": "Assignment",
    "n": "Influence", "o": "Association", "r": "Realization", "s": "Specialization",
    "t": "Triggering", "v": "Serving",
}


def _parse(path: Path) -> ET.Element:
    """Parse a small trusted XML file, refusing a DOCTYPE (no entity tricks, ever)."""
    text = path.read_text(encoding="utf-8")
    if "<!DOCTYPE" in text.upper():
        raise ValueError(f"{path}: DOCTYPE is not accepted")
    return ET.fromstring(text)


def read_letters(keys_file: Path) -> dict[str, str]:
    """Archi's letter -> exchange-format relationship name ("v" -> "Serving")."""
    if not keys_file.is_file():
        log.warning("%s not found; using the built-in letters", keys_file)
        return dict(FALLBACK_LETTERS)
    letters = {}
    for key in _parse(keys_file).iter("key"):
        letters[key.get("char")] = key.get("relationship").removesuffix("Relationship")
    return letters


def build(relationships_file: Path) -> dict:
    """The table as a JSON-ready dict: source -> relationship -> sorted targets."""
    root = _parse(relationships_file)
    letters = read_letters(relationships_file.with_name("relationships-keys.xml"))
    table: dict[str, dict[str, list[str]]] = {}
    for source in root.iter("source"):
        by_relationship: dict[str, list[str]] = {}
        for target in source.iter("target"):
            for letter in target.get("relations", ""):
                by_relationship.setdefault(letters[letter], []).append(target.get("concept"))
        table[source.get("concept")] = {
            rel: sorted(targets) for rel, targets in sorted(by_relationship.items())
        }
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "archimate_version": root.get("version", ""),
        "source": "ArchiMate 3.2 Appendix B (Relationship Tables) as enforced by Archi: "
        "com.archimatetool.model/model/relationships.xml, github.com/archimatetool/archi",
        "table": dict(sorted(table.items())),
    }


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("relationships_xml", type=Path, help="Archi's relationships.xml")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build(args.relationships_xml)
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    args.output.write_text(text, encoding="utf-8")
    triples = sum(len(t) for rels in data["table"].values() for t in rels.values())
    log.info("wrote %s: %d sources, %d allowed triples", args.output, len(data["table"]), triples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
