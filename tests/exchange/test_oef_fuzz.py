"""The exchange fuzzer (issue 11): mutated real files never give a traceback, never hang,
and whatever imports saves to .egov, loads and exports again.

A short run is part of every test run. A long one, documented in the README:

    EGOV_FUZZ_ITERATIONS=20000 .venv/bin/python -m pytest -q tests/exchange/test_oef_fuzz.py

``EGOV_FUZZ_SEED`` picks another series (default 2026); a failure names the case index,
and ``EGOV_FUZZ_CASE=<index>`` replays that one case alone. ``EGOV_FUZZ_KEEP=<folder>``
writes the failing files there.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from tests.helpers.exchange import rich_model
from tests.helpers.exchange_fuzz import Fuzzer, check
from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "exchange"
#: Seeds small enough that a case takes milliseconds; the long run may add the others.
SEED_LIMIT = 120_000
#: The hostile cases of issue 11, as seeds for the mutations.
A = "http://www.opengroup.org/xsd/archimate/3.0/"
HOSTILE = [f"""<model xmlns="{A}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  identifier="id-m"><name>m</name><elements>
  <element identifier="id-a" xsi:type="BusinessActor"><name>a</name></element>
  <element identifier="id-b" xsi:type="BusinessRole"><name>b</name></element></elements>
  <relationships><relationship identifier="id-r" xsi:type="Assignment" source="id-a"
  target="id-b"/></relationships><views><diagrams><view identifier="id-v" xsi:type="Diagram">
  <name>v</name>{body}</view></diagrams></views></model>""".encode() for body in (
    '<node xsi:type="Element" elementRef="id-a" x="0" y="0" w="9" h="9"><node '
    'identifier="id-in" xsi:type="Label" x="1" y="1" w="2" h="2"/></node>',
    '<node identifier="id-n" xsi:type="Element" elementRef="id-a" x="0" y="0" w="0" h="-1">'
    '<style lineWidth="0"><fillColor r="300" g="0" b="0"/><font size="NaN"/></style></node>',
    '<node identifier="id-n" xsi:type="Element" elementRef="id-a" x="1000000000" y="0" '
    'w="1e300" h="9"/>',
    '<node identifier="id-n1" xsi:type="Element" elementRef="id-a" x="0" y="0" w="9" h="9"/>'
    '<node identifier="id-n2" xsi:type="Element" elementRef="id-b" x="20" y="0" w="9" h="9"/>'
    '<connection identifier="id-c2" xsi:type="Line" source="id-n1" target="id-c3"/>'
    '<connection identifier="id-c3" xsi:type="Relationship" relationshipRef="id-r" '
    'source="id-n1" target="id-n2"/>',
)]


def _seeds() -> list[bytes]:
    files = sorted(p for p in DATA.glob("*.xml")
                   if p.stat().st_size <= SEED_LIMIT or os.environ.get("EGOV_FUZZ_ALL_SEEDS"))
    from egov_modeler.exchange.oef_writer import exchange_bytes

    return [p.read_bytes() for p in files] + HOSTILE + [exchange_bytes(rich_model())]


def test_mutated_exchange_files_never_crash_hang_or_import_what_cannot_be_reopened():
    seed = int(os.environ.get("EGOV_FUZZ_SEED", "2026"))
    iterations = int(os.environ.get("EGOV_FUZZ_ITERATIONS", "120"))
    only = os.environ.get("EGOV_FUZZ_CASE")
    keep = os.environ.get("EGOV_FUZZ_KEEP")
    fuzzer = Fuzzer(_seeds(), seed)
    indexes = [int(only)] if only else range(iterations)
    outcomes: Counter[str] = Counter()
    problems = []
    for index in indexes:
        data = fuzzer.case(index)
        outcome = check(data)
        outcomes[outcome.kind] += 1
        if outcome.kind not in ("model", "refused"):
            replay = f"EGOV_FUZZ_SEED={seed} EGOV_FUZZ_CASE={index}" + (
                " EGOV_FUZZ_ALL_SEEDS=1" if os.environ.get("EGOV_FUZZ_ALL_SEEDS") else "")
            problems.append(f"case {index} ({replay}): {outcome.kind}\n{outcome.detail}")
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                (Path(keep) / f"fuzz-{seed}-{index}.xml").write_bytes(data)
    assert problems == [], f"{len(problems)} of {sum(outcomes.values())}:\n" + "\n".join(
        problems[:5])
    # the run exercised both ways out, or it tested nothing
    assert only or (outcomes["model"] > 0 and outcomes["refused"] > 0), outcomes
