"""The Repository dock's "What changed" column for a national model's history.

Usage: python benchmarks/bench_history.py [--elements N] [--versions V] [--runs R] [--dock]

``EGOV_CHECKOUT=/work/main python benchmarks/bench_history.py`` times another checkout's
code (an A/B in the same conditions); a checkout without the module below times the first
part only.

Builds the model of ``tests/helpers/national_model.py`` (20,000 elements by default),
commits it, then V-1 more versions, each a few edits apart (two renames, a node moved, an
element added). Then it times, newest version first as the dock fills its rows:

- ``changes_in + summary`` one version at a time, as the dock did on the GUI thread
  (each version's model and its parent's read, parsed and diffed), split into reading the
  blob, the JSON parse, taking the dicts apart (``flatten``), the diff and the wording;
- the whole column through :mod:`egov_modeler.repository.version_summaries` (when this
  checkout has it), with the cycle collector paused as the dock's worker runs it: each
  model read, parsed and taken apart once, the parent's kept for the next row.

With ``--dock``, the Repository dock itself (offscreen) fills the column of the same
history, and a 10 ms timer on the GUI thread measures what the user feels: the longest
time the event loop went without turning while the column filled, and how long it took.

The floor, timed in the same run, is one ``json.loads`` of the newest version's bytes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(os.environ.get("EGOV_CHECKOUT") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(REPO))

from egov_modeler.model.collector import collection_paused  # noqa: E402
from egov_modeler.model.commands import MoveNodeCommand, RenameElementCommand  # noqa: E402
from egov_modeler.repository.model_diff import diff_snapshots  # noqa: E402
from egov_modeler.repository.snapshot import flatten  # noqa: E402
from egov_modeler.repository.store import Author, ModelRepository, parse_model  # noqa: E402
from egov_modeler.repository.wording import summary  # noqa: E402
from egov_modeler.storage import native  # noqa: E402
from tests.helpers.national_model import BIG_VIEW, build_national_model, bulk_eid  # noqa: E402

AUTHOR = Author("Sở Khoa học và Công nghệ", "skhcn@gialai.gov.vn")


def build_history(folder: Path, elements: int, versions: int) -> ModelRepository:
    model = build_national_model(elements)
    path = folder / "kien-truc.egov"
    native.save(model, path)
    repo = ModelRepository.init(path, AUTHOR)
    node = list(model.view(BIG_VIEW).nodes.values())[-1]
    for i in range(1, versions):
        model.execute(RenameElementCommand(bulk_eid(10 * i), f"Hệ thống đổi tên {i}"))
        model.execute(RenameElementCommand(bulk_eid(10 * i + 3), f"Dịch vụ đổi tên {i}"))
        model.execute(MoveNodeCommand(BIG_VIEW, node.id, node.x + 10 * i, node.y))
        model.add_element("ApplicationComponent", f"Hệ thống mới {i}")
        native.save(model, path)
        repo.commit(f"Phiên bản {i}")
    return repo


def old_way(repo: ModelRepository, ids: list[str]) -> tuple[list[str], dict[str, float]]:
    """What the dock did: changes_in then summary per version, with the parts timed on
    a fresh repository object (no cached models), as after opening the file."""
    parts = dict.fromkeys(("blob", "parse", "flatten", "diff", "summary"), 0.0)
    texts = []
    for version_id in ids:
        commit = repo.commit_object(version_id.encode())
        dicts = []
        for commit_id in ([commit.parents[0]] if commit.parents else []) + [commit.id]:
            start = time.perf_counter()
            data = repo.model_bytes(commit_id)
            parts["blob"] += time.perf_counter() - start
            start = time.perf_counter()
            dicts.append(parse_model(data, "x"))
            parts["parse"] += time.perf_counter() - start
        if len(dicts) == 1:
            dicts.insert(0, {})
        start = time.perf_counter()
        old, new = flatten(dicts[0]), flatten(dicts[1])
        parts["flatten"] += time.perf_counter() - start
        start = time.perf_counter()
        diff = diff_snapshots(old, new)
        parts["diff"] += time.perf_counter() - start
        start = time.perf_counter()
        texts.append(summary(diff))
        parts["summary"] += time.perf_counter() - start
    return texts, parts


def dock_fill(model_file: Path) -> tuple[float, float, float]:
    """(seconds the dock took to list the history, longest event-loop pause after that
    while the column filled, seconds until every row had its text)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import gc
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from egov_modeler.ui.docks.repository_dock import RepositoryDock

    collections: list[tuple[float, int, str]] = []
    began: dict[str, float] = {}

    def watch(phase: str, info: dict) -> None:
        name = threading.current_thread().name
        if phase == "start":
            began[name] = time.perf_counter()
        else:
            collections.append((time.perf_counter() - began.get(name, 0.0),
                                info["generation"], name))

    gc.callbacks.append(watch)
    app = QApplication.instance() or QApplication([])
    dock = RepositoryDock()
    dock.show()
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    dock.set_document(str(model_file))
    listed = time.perf_counter()
    ticks.append(listed)
    while not dock.summaries_done():
        app.processEvents()
        time.sleep(0.001)
    took = time.perf_counter() - start
    timer.stop()
    ticks.append(time.perf_counter())
    dock.close()
    gc.callbacks.remove(watch)
    if collections:
        seconds, generation, thread = max(collections)
        print(f"  (longest cycle collection while filling: {seconds * 1000:.0f} ms, "
              f"generation {generation}, in {thread})")
    pause = max(b - a for a, b in zip(ticks, ticks[1:], strict=False))
    return listed - start, pause, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=20000)
    parser.add_argument("--versions", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dock", action="store_true")
    args = parser.parse_args()
    import egov_modeler
    print(f"code of {Path(egov_modeler.__file__).parent}")
    with tempfile.TemporaryDirectory() as tmp:
        repo = build_history(Path(tmp), args.elements, args.versions)
        ids = [v.id for v in repo.history()]
        newest = repo.model_bytes(ids[0].encode())
        floors, dock_path, olds, news = [], [], [], []
        parts_seen: dict[str, float] = {}
        expected: list[str] = []
        for _ in range(args.runs):
            start = time.perf_counter()
            parse_model(newest, "x")
            floors.append(time.perf_counter() - start)
            with ModelRepository.discover(repo.model_file) as fresh:  # type: ignore[union-attr]
                start = time.perf_counter()
                expected = [summary(fresh.changes_in(v)) for v in ids]
                dock_path.append(time.perf_counter() - start)
            with ModelRepository.discover(repo.model_file) as fresh:  # type: ignore[union-attr]
                start = time.perf_counter()
                texts, parts_seen = old_way(fresh, ids)
                olds.append(time.perf_counter() - start)
            assert texts == expected
            try:
                from egov_modeler.repository.version_summaries import summaries
            except ImportError:
                continue
            with ModelRepository.discover(repo.model_file) as fresh:  # type: ignore[union-attr]
                start = time.perf_counter()
                with collection_paused():  # as the dock's worker runs it
                    texts = [text for _id, text in summaries(fresh, ids)]
                news.append(time.perf_counter() - start)
            assert texts == expected, (texts, expected)
        pauses: list[tuple[float, float, float]] = []
        if args.dock:
            pauses = [dock_fill(repo.model_file) for _ in range(args.runs)]
            for listed_s, pause_s, took_s in pauses:
                print(f"  (dock run: listed {listed_s * 1000:.0f} ms, longest pause "
                      f"{pause_s * 1000:.0f} ms, filled in {took_s * 1000:.0f} ms)")
        repo.close()
    floor = statistics.median(floors)
    n = len(ids)
    print(f"model: {args.elements} elements, {n} versions, file {len(newest) / 1e6:.1f} MB")
    print(f"{'floor (json.loads of one version)':<44} {floor * 1000:8.1f} ms")
    row = statistics.median(dock_path)
    print(f"{'summary(changes_in(v)) for every version':<44} {row * 1000:8.1f} ms  "
          f"{row / n * 1000:7.1f} ms a version  {row / n / floor:5.1f}x floor")
    print(f"{'  of which, parts (last run):':<44}")
    for name, seconds in parts_seen.items():
        print(f"{'    ' + name:<44} {seconds * 1000:8.1f} ms  {seconds / n / floor:5.1f}x floor"
              " a version")
    if news:
        new = statistics.median(news)
        print(f"{'version_summaries.summaries, every version':<44} {new * 1000:8.1f} ms  "
              f"{new / n * 1000:7.1f} ms a version  {new / n / floor:5.1f}x floor")
        print(f"{'ratio before/after':<44} {row / new:8.2f}")
    if pauses:
        listed = statistics.median(p[0] for p in pauses)
        pause = statistics.median(p[1] for p in pauses)
        took = statistics.median(p[2] for p in pauses)
        print(f"{'dock: history listed (set_document)':<44} {listed * 1000:8.1f} ms")
        print(f"{'dock: then longest event-loop pause':<44} {pause * 1000:8.1f} ms  "
              f"{pause / floor:5.1f}x floor")
        print(f"{'dock: column filled in':<44} {took * 1000:8.1f} ms")
    for version_id, text in zip(ids, expected, strict=True):
        print(f"  {version_id[:8]} {text}")


if __name__ == "__main__":
    main()
