"""Import and export speed of the ArchiMate exchange format, next to lxml alone.

Usage: python benchmarks/bench_oef.py [FILE.xml] [--runs N]

Default file: ../shared/archimate/samples/pyarchimate-tests-synthetic_large.xml (3.8 MB,
1,250 elements, 6,318 relationships, 195 views). Prints the median of N runs (default 5)
of: lxml parsing the bytes, lxml serialising the parsed tree, our import (safe parse, id
and reference checks, XSD validation, model building) and our export (model to bytes).
The target is under 2 s for each of import and export on a developer machine.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.timing import median_seconds  # noqa: E402
from egov_modeler.exchange.oef_reader import exchange_schema, read_exchange_bytes  # noqa: E402
from egov_modeler.exchange.oef_writer import exchange_bytes  # noqa: E402

DEFAULT = REPO.parent / "shared" / "archimate" / "samples" / "pyarchimate-tests-synthetic_large.xml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    data = Path(args.file).read_bytes()
    lxml_parser = etree.XMLParser(huge_tree=True)
    tree = etree.fromstring(data, lxml_parser)
    model = read_exchange_bytes(data, Path(args.file).name)

    rows = [
        ("lxml parse", median_seconds(lambda: etree.fromstring(data, lxml_parser), args.runs)),
        ("lxml serialise", median_seconds(lambda: etree.tostring(tree), args.runs)),
        ("import (read_exchange_bytes)",
         median_seconds(lambda: read_exchange_bytes(data, "bench.xml"), args.runs)),
        ("export (exchange_bytes)", median_seconds(lambda: exchange_bytes(model), args.runs)),
    ]
    print(f"{Path(args.file).name}: {len(data) / 1e6:.1f} MB, {len(model.elements)} elements, "
          f"{len(model.relationships)} relationships, {len(model.views)} views; "
          f"median of {args.runs} runs; XSD validation "
          f"{'on' if exchange_schema() is not None else 'off (schema files not found)'}")
    for label, seconds in rows:
        print(f"  {label:<30} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
