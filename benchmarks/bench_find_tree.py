"""Find next, the model tree's filter and an early reveal in the tree, per user action,
on national-size models (offscreen Qt), each against floors timed in the same run.

Usage: python benchmarks/bench_find_tree.py [--sizes 1000,5000,20000] [--profile NAME]

For each size it builds ``tests/helpers/national_model.py``'s model in an offscreen
window with the 2,000-node overview open, lets the window's idle work finish, and prints
CPU seconds (``time.process_time``, events handled after each action) of:

- one F3 ("Find next") on "Hệ thống" (which matches thousands of fields): the medians of
  the first and the last 20 of 60 presses, the slowest, and the median of the press alone
  (the match picked and selected on the diagram and in the model tree) before the events
  that repaint them;
- one key typed in the model tree's filter box, for "hệ thống 1" and "ha noi" typed a
  letter at a time: the median and the slowest key;
- revealing a relationship in the tree (selecting its line on the diagram) right after
  the model was listed (nothing sorted yet), and after the window's idle sort, with the
  selection alone (before the events that repaint) beside each.

Beside each figure, its ratio to two floors timed in the same run: ``scan``, a lower-case
``in`` over every element's and relationship's name (the plainest look at the whole model:
a per-action figure that grows with it is above this), and ``tick``, moving the Find
list's current row with its signals blocked and handling the events (the least a press
shows). Targets: a press a few ms whatever the size, a key well under 30 ms at 20k, the
early reveal near the later one.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.helpers.national_model import BIG_VIEW, build_national_model  # noqa: E402

_PROFILE: str = ""
#: F3 presses in a row (a press that cost more the more presses came before shows in the
#: last ones' median).
PRESSES = 60


def _pump() -> None:
    QApplication.processEvents()


def _idle(window, at_most: float = 30.0) -> None:
    """Let the window's idle work (the tree's sort) finish, as a user looking would."""
    end = time.monotonic() + at_most
    warm_up = window.model_dock.source_model.warm_up
    while time.monotonic() < end and warm_up.running():
        _pump()
        time.sleep(0.002)
    _pump()


def _cpu(action: Callable[[], object], label: str = "") -> float:
    """CPU seconds of ``action`` and the events it leaves (profiled when asked)."""
    profiler = cProfile.Profile() if _PROFILE and _PROFILE in label else None
    start = time.process_time()
    if profiler is not None:
        profiler.enable()
    action()
    _pump()
    if profiler is not None:
        profiler.disable()
    took = time.process_time() - start
    if profiler is not None:
        print(f"--- profile of {label}")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return took


def _floors(window) -> tuple[float, float]:
    model = window.current_model()
    names = [*(e.name for e in model.elements), *(r.name for r in model.relationships)]

    def scan() -> int:
        return sum(1 for name in names if "xyz" in name.lower())

    scans = []
    for _ in range(5):
        start = time.process_time()
        scan()
        scans.append(time.process_time() - start)
    dock = window.finds.dock
    dock.find_text.setText("Hệ thống")
    dock.search()
    _pump()
    ticks = []
    for row in range(20):
        item = dock.results.topLevelItem(row)

        def tick(item=item) -> None:
            dock.results.blockSignals(True)
            dock.results.setCurrentItem(item)
            dock.results.blockSignals(False)
        ticks.append(_cpu(tick))
    return statistics.median(scans), statistics.median(ticks)


def _find_next(window) -> tuple[list[float], list[float]]:
    """:data:`PRESSES` presses: the CPU seconds of each until its events are handled (the diagram
    and the tree repainted), and of the press itself (the match picked and selected)."""
    finds = window.finds
    finds.open_find()
    finds.dock.find_text.setText("Hệ thống")
    finds.dock.search()
    finds.dock.results.setCurrentItem(None)
    _pump()
    selecting: list[float] = []

    def press() -> None:
        start = time.process_time()
        finds.find_next()
        selecting.append(time.process_time() - start)
    return [_cpu(press, f"find next {i}") for i in range(PRESSES)], selecting


def _typed(window, text: str) -> list[float]:
    box = window.model_dock.search
    box.clear()
    _pump()
    times = [_cpu(lambda end=end: box.setText(text[:end]), f"key {text[:end]}")
             for end in range(1, len(text) + 1)]
    box.clear()
    _pump()
    return times


def _reveal(window, pause: bool) -> tuple[float, float]:
    """The CPU seconds of selecting a line on the diagram until the events are handled,
    and of the selection alone (the tree's row made, selected and scrolled to)."""
    window.views.open_view(BIG_VIEW)
    scene = window.current_canvas().diagram()
    scene.select_ids([])
    window.model_dock.search.clear()
    window.model_dock.tree.collapseAll()
    window.model_dock.source_model.rebuild()  # as just opened: nothing sorted yet
    if pause:
        _idle(window)
    view = window.current_model().view(BIG_VIEW)
    lines = [c.id for c in view.connections.values() if c.relationship_id]
    line = lines[len(lines) // 2]
    alone: list[float] = []

    def select() -> None:
        start = time.process_time()
        scene.select_ids([line])
        alone.append(time.process_time() - start)
    took = _cpu(select, "reveal " + ("late" if pause else "early"))
    _idle(window)
    return took, alone[0]


def _line(label: str, seconds: float, scan: float, tick: float) -> None:
    print(f"  {label:<56} {seconds * 1000:8.1f} ms  ({seconds / scan:6.2f} x scan, "
          f"{seconds / tick:7.1f} x tick)", flush=True)


def run(sizes: list[int]) -> dict[str, dict[int, float]]:
    from egov_modeler.ui import open_window
    from tests.helpers.ui import FakeDialogs

    QApplication.instance() or QApplication([])
    table: dict[str, dict[int, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        os.environ["EGOV_MODELER_JOURNAL_DIR"] = str(Path(folder) / "journals")
        for size in sizes:
            window = open_window(settings=QSettings(str(Path(folder) / "s.ini"),
                                                    QSettings.Format.IniFormat),
                                 dialogs=FakeDialogs())
            window.resize(1600, 1000)
            window.show()
            window.document.replace(build_national_model(size), None)
            _pump()
            window.views.open_view(BIG_VIEW)
            window.validate_now()
            window._validate_timer.setInterval(3_600_000)
            _idle(window)
            scan, tick = _floors(window)
            model = window.current_model()
            print(f"{len(model.elements)} elements, {len(model.relationships)} "
                  f"relationships; floors: scan {scan * 1000:.1f} ms, tick "
                  f"{tick * 1000:.2f} ms", flush=True)
            figures: dict[str, float] = {}
            presses, selecting = _find_next(window)
            figures["Find next, median of presses 1-20"] = statistics.median(presses[:20])
            figures[f"Find next, median of presses {PRESSES - 19}-{PRESSES}"] = \
                statistics.median(presses[-20:])
            figures["Find next, slowest press"] = max(presses)
            figures["Find next, median press before painting"] = statistics.median(selecting)
            _idle(window)
            for text in ("hệ thống 1", "ha noi"):
                keys = _typed(window, text)
                figures[f"filter '{text}', median key"] = statistics.median(keys)
                figures[f"filter '{text}', slowest key"] = max(keys)
                _idle(window)
            for pause, when in ((False, "just opened"), (True, "after idle sort")):
                took, alone = _reveal(window, pause)
                figures[f"reveal a relationship, {when}"] = took
                figures[f"reveal a relationship, {when}, before painting"] = alone
            for label, seconds in figures.items():
                _line(label, seconds, scan, tick)
                table.setdefault(label, {})[size] = seconds
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()
            _pump()
    return table


def main() -> int:
    global _PROFILE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--profile", default="",
                        help="profile the actions whose label contains this text")
    args = parser.parse_args()
    _PROFILE = args.profile
    sizes = [int(s) for s in args.sizes.split(",")]
    table = run(sizes)
    print()
    print("| action | " + " | ".join(f"{s // 1000}k" for s in sizes) + " |")
    for label, by_size in table.items():
        print(f"| {label} | " + " | ".join(
            f"{by_size[s] * 1000:.1f} ms" if s in by_size else "—" for s in sizes) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
