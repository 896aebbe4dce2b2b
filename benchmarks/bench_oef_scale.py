"""How exchange import and export grow with the size of a file, next to lxml alone.

Usage: python benchmarks/bench_oef_scale.py [--nodes N ...] [--attributes N ...] [--runs N]

Generates, in memory, a view of N nodes (each showing its own element; default 10,000,
30,000 and 100,000) and a model whose one element carries N extra attributes (default
20,000, 60,000 and 200,000: another tool's extension data, or a hostile file). For each it
prints the median time of lxml parsing the bytes and serialising the tree (the floor: no
reader can be faster than parsing), then of our import (safe parse, identifier and
reference checks, limits, model building; without the XSD, as in an installed build) and
our export, with the ratio to the floor. Linear code keeps each ratio about constant as N
grows; a ratio that grows with N is a quadratic spot (issue 11 found two: the attribute
scan of the reference check and, before that, an import that never finished).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.timing import median_seconds  # noqa: E402
from egov_modeler.exchange import oef_reader  # noqa: E402
from egov_modeler.exchange.oef_reader import read_exchange_bytes  # noqa: E402
from egov_modeler.exchange.oef_writer import exchange_bytes  # noqa: E402

A = "http://www.opengroup.org/xsd/archimate/3.0/"
HEAD = (f'<model xmlns="{A}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'identifier="id-m"><name>bench</name>')


def view_of(nodes: int) -> bytes:
    """A model with ``nodes`` elements, all placed on one view, a grid of 1,000 a row."""
    parts = [HEAD, "<elements>"]
    parts += [f'<element identifier="id-e{i}" xsi:type="ApplicationComponent">'
              f"<name>Hệ thống {i}</name></element>" for i in range(nodes)]
    parts.append('</elements><views><diagrams><view identifier="id-v" xsi:type="Diagram">'
                 "<name>v</name>")
    parts += [f'<node identifier="id-n{i}" xsi:type="Element" elementRef="id-e{i}" '
              f'x="{(i % 1000) * 130}" y="{(i // 1000) * 70}" w="120" h="55"/>'
              for i in range(nodes)]
    parts.append("</view></diagrams></views></model>")
    return "".join(parts).encode()


def element_with_attributes(count: int) -> bytes:
    """A model whose one element carries ``count`` attributes nobody defined."""
    attributes = " ".join(f'ext{i}="v{i}"' for i in range(count))
    return (f'{HEAD}<elements><element identifier="id-e" xsi:type="Goal" {attributes}>'
            "<name>g</name></element></elements></model>").encode()


def measure(label: str, data: bytes, runs: int) -> None:
    parser = etree.XMLParser(huge_tree=True)
    tree = etree.fromstring(data, parser)
    model = read_exchange_bytes(data, "bench.xml")
    parse = median_seconds(lambda: etree.fromstring(data, parser), runs)
    serialise = median_seconds(lambda: etree.tostring(tree), runs)
    imported = median_seconds(lambda: read_exchange_bytes(data, "bench.xml"), runs)
    exported = median_seconds(lambda: exchange_bytes(model), runs)
    print(f"  {label:<26} {len(data) / 1e6:6.1f} MB   lxml parse {parse:7.3f} s   import "
          f"{imported:7.3f} s (x{imported / parse:5.1f})   lxml serialise {serialise:7.3f} s"
          f"   export {exported:7.3f} s (x{exported / serialise:5.1f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="*", default=[10_000, 30_000, 100_000])
    parser.add_argument("--attributes", type=int, nargs="*",
                        default=[20_000, 60_000, 200_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    oef_reader.exchange_schema = lambda: None  # as installed: no XSD (and no XSD cost)
    print(f"median of {args.runs} runs; ratios are to lxml alone in the same run")
    for nodes in args.nodes:
        measure(f"view of {nodes:,} nodes", view_of(nodes), args.runs)
    for count in args.attributes:
        measure(f"{count:,} attributes", element_with_attributes(count), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
