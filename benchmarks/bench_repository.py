"""Commit, and pull with a model merge, of a 5,000-element model (target: under 2 s each).

Usage: python benchmarks/bench_repository.py [--runs R] [--elements N]

Builds the model of ``tests/helpers/large_model.py`` (5,000 elements, ~5,000 relationships,
10 views of 300 placed elements with their lines), shares it through a bare repository in a
temporary folder, and times, as the median of R runs (default 3):

- commit: one unit edits and records a version (the model file read, checked, hashed and
  stored, the branch moved);
- pull with merge: the other unit, with its own divergent edits committed, pulls: fetch from
  the shared folder, three-way model merge (13 edits and 3 conflicts, decided as proposed),
  integrity pass, merged file written and committed.

The floor, timed in the same run, is one ``json.dumps`` and ``json.loads`` of the model's
dict: what any tool must at least do to read and write the file once. Wall-clock and CPU
time are both printed: on a shared machine the wall clock also counts waiting for a core.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from egov_modeler.model import serialization as ser  # noqa: E402
from egov_modeler.repository import remote  # noqa: E402
from egov_modeler.repository.pull import PullState  # noqa: E402
from egov_modeler.repository.store import Author, ModelRepository  # noqa: E402
from egov_modeler.storage import native  # noqa: E402
from tests.helpers.large_model import (  # noqa: E402
    Expected,
    build_large_model,
    edit_as_unit_a,
    edit_as_unit_b,
)

UNIT_A = Author("Sở Khoa học và Công nghệ", "skhcn@gialai.gov.vn")
UNIT_B = Author("Trung tâm dữ liệu tỉnh", "ttdl@gialai.gov.vn")


class Clock:
    """Wall-clock and CPU seconds of a block."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def floor(model_dict: dict) -> Clock:
    with Clock() as clock:
        json.loads(json.dumps(model_dict, ensure_ascii=False, indent=1))
    return clock


def one_run(folder: Path, elements: int) -> tuple[Clock, Clock, int]:
    model = build_large_model(elements)
    first = folder / "a" / "kien-truc.egov"
    first.parent.mkdir()
    native.save(model, first)
    with ModelRepository.init(first, UNIT_A) as repo_a:
        remote.push(repo_a, str(folder / "shared.git"))
        repo_b = remote.clone(str(folder / "shared.git"), folder / "b", UNIT_B)
        expected = Expected()
        edited = native.load(repo_a.model_file)
        edit_as_unit_a(edited, expected)
        native.save(edited, repo_a.model_file)
        with Clock() as commit_time:
            repo_a.commit("Sở KH&CN: cập nhật tuần 12")
        remote.push(repo_a)
    with repo_b:
        edited = native.load(repo_b.model_file)
        edit_as_unit_b(edited, expected)
        native.save(edited, repo_b.model_file)
        repo_b.commit("Trung tâm dữ liệu: cập nhật tuần 12")
        with Clock() as pull_time:
            result = remote.pull(repo_b)
            assert result.state is PullState.CONFLICTS and result.pending is not None
            conflicts = len(result.pending.conflicts)
            done = result.pending.complete(result.pending.merge.proposed_decisions())
        assert done.state is PullState.MERGED
    return commit_time, pull_time, conflicts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--elements", type=int, default=5000)
    args = parser.parse_args()
    model_dict = ser.model_to_dict(build_large_model(args.elements))
    size = len(json.dumps(model_dict, ensure_ascii=False, indent=1).encode()) / 1e6
    floors: list[Clock] = []
    commits: list[Clock] = []
    pulls: list[Clock] = []
    conflicts = 0
    for _ in range(args.runs):
        floors.append(floor(model_dict))
        with tempfile.TemporaryDirectory() as tmp:
            commit_time, pull_time, conflicts = one_run(Path(tmp), args.elements)
        commits.append(commit_time)
        pulls.append(pull_time)
    wall_floor = statistics.median(c.wall for c in floors)
    cpu_floor = statistics.median(c.cpu for c in floors)
    print(f"model: {args.elements} elements, {len(model_dict['relationships'])} relationships, "
          f"{sum(len(v['nodes']) for v in model_dict['views'])} nodes, file {size:.1f} MB")
    print(f"{'floor (json dumps+loads of the model)':<38} wall {wall_floor * 1000:7.1f} ms   "
          f"cpu {cpu_floor * 1000:7.1f} ms")
    for label, clocks in (("commit", commits),
                          (f"pull with merge ({conflicts} conflicts)", pulls)):
        wall = statistics.median(c.wall for c in clocks)
        cpu = statistics.median(c.cpu for c in clocks)
        print(f"{label:<38} wall {wall * 1000:7.1f} ms   cpu {cpu * 1000:7.1f} ms   "
              f"{wall / wall_floor:5.1f} x floor   target < 2000 ms: "
              f"{'yes' if wall < 2 else 'NO'}")


if __name__ == "__main__":
    main()
