"""Find across a large model, next to the plainest search of the same texts.

Usage: python benchmarks/bench_find.py [--elements N] [--runs R]

Builds the repository tests' provincial model of N elements (default 5,000: names,
documentation and a property each, as many relationships, 10 views). Prints the median of
R runs (default 5) of: a lower-case ``in`` over every name, documentation and property
value (the floor: no diacritics folding, no positions), then ``find`` (diacritics-folded,
every occurrence with its span) for a word in every name, a word in one name and a word
in none, each with its ratio to the floor. Find runs as the user types (after a 150 ms
pause); the target is under 0.15 s for 5,000 elements.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.timing import median_seconds  # noqa: E402
from egov_modeler.model.find import FindOptions, find  # noqa: E402
from tests.helpers.large_model import build_large_model  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    model = build_large_model(args.elements)
    objects = [*model.elements, *model.relationships, *model.views]

    def floor() -> int:
        return sum(1 for o in objects
                   for text in (o.name, o.documentation, *(v for _, v in o.properties))
                   if "xyz" in text.lower())

    base = median_seconds(floor, args.runs)
    print(f"{len(model.elements)} elements, {len(model.relationships)} relationships, "
          f"{len(model.views)} views; median of {args.runs} runs")
    print(f"  {'lower-case in (floor)':<34} {base:7.3f} s")
    for label, text in (("find, in every name", "he thong"),
                        ("find, in one name", f"so {args.elements - 1} "),
                        ("find, in nothing", "khong co")):
        seconds = median_seconds(lambda text=text: find(model, FindOptions(text)), args.runs)
        print(f"  {label:<34} {seconds:7.3f} s  ({seconds / base:5.1f} x the floor)")
    print("  target: under 0.15 s for 5,000 elements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
