"""What an edit, an undo and the first filter keystroke cost with the Inventory dock shown,
on national-scale models (offscreen Qt), against floors timed in the same run.

Usage: python benchmarks/probe_inventory_edits.py [--sizes 1000,5000,20000] [--runs 3]
                                                  [--profile NAME]

For each size it builds ``tests/helpers/national_model.py``'s model in an offscreen window
and times, as CPU seconds (``time.process_time``) until the dock shows the change (the
events handled, and the dock's own timer, if it has one pending, run out), the median of
``--runs`` runs of:

- rename of an inventory object (in the model tree), and its undo, with the dock shown
  (its tables in the model's order and unfiltered, then sorted by name and filtered);
  floor: the same rename and undo with the dock a tab behind Problems (what the edit costs
  the rest of the window);
- deleting 100 objects (and their relationships) as one step, and its undo, the dock
  shown sorted and filtered; floor: the same with the dock behind Problems;
- the first keystroke in the filter box right after the dock is shown (the dock shown,
  the events handled, then "h" typed at once); floor: a keystroke in the filter box after
  the window sat idle for two seconds (what the later keys cost).

Prints one line per figure with the ratio to its floor, and how many rows the dock worked
out (cells, search texts) per action. Tests never assert a time; this script only prints.
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

from egov_modeler.model.inventory.rows import Inventory  # noqa: E402
from tests.helpers.national_model import build_national_model  # noqa: E402


def _pump() -> None:
    QApplication.processEvents()


def _settle(dock) -> None:
    """Handle events until the dock has shown what changed (a pending timer run out)."""
    _pump()
    timer = getattr(dock, "_timer", None)
    while timer is not None and timer.isActive():
        time.sleep(0.001)
        _pump()
    _pump()


def _idle(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _pump()
        time.sleep(0.002)


def _made(dock) -> int:
    return sum(m.rows_made + m.search_texts_made for m in dock.models.values())


def cpu(action: Callable[[], object], profile: bool = False) -> float:
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    if profiler is not None:
        profiler.enable()
    action()
    took = time.process_time() - start
    if profiler is not None:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return took


def show(window, shown: bool) -> None:
    dock = window.inventory.dock
    if shown:
        dock.show()
        dock.raise_()
    else:
        window.problems.raise_()
    _pump()
    _settle(dock)


def edit_and_undo(window, eid: str, runs: int, profile: str) -> tuple[list[float], list[float],
                                                                      int]:
    dock = window.inventory.dock
    renames, undos = [], []
    made = 0
    for n in range(runs):
        before = _made(dock)
        renames.append(cpu(lambda n=n: (window.tree.rename_row("element", eid, f"Đổi tên {n}"),
                                        _settle(dock)), profile == "rename"))
        undos.append(cpu(lambda: (window.document.undo_stack.undo(), _settle(dock)),
                         profile == "undo"))
        _idle(0.8)  # what the dock works out afterwards while idle counts too
        made = max(made, _made(dock) - before)
    return renames, undos, made


def delete_and_undo(window, ids: list[str], runs: int, profile: str
                    ) -> tuple[list[float], list[float], int]:
    """Delete ``ids`` from the model as one step (their relationships go too), then undo."""
    from egov_modeler.model.commands import DeleteElementCommand

    dock = window.inventory.dock
    deletes, undos = [], []
    made = 0
    for _ in range(runs):
        before = _made(dock)
        deletes.append(cpu(lambda: (window.document.editor.run_many(
            "delete", [DeleteElementCommand(i) for i in ids]), _settle(dock)),
            profile == "delete"))
        undos.append(cpu(lambda: (window.document.undo_stack.undo(), _settle(dock))))
        _idle(0.8)
        made = max(made, _made(dock) - before)
    return deletes, undos, made


def sort_and_filter(dock) -> None:
    """The objects table sorted by name and filtered to "hệ thống" (the edited object's
    row leaves the filter when renamed and comes back on undo)."""
    table = dock.current_table()
    table.sortByColumn(dock.column_of("objects", "name"), table.horizontalHeader()
                       .sortIndicatorOrder())
    dock.filter.setText("hệ thống")
    _idle(1.0)


def first_key(window, runs: int, profile: str) -> tuple[list[float], list[float], int]:
    dock = window.inventory.dock
    firsts, laters = [], []
    made = 0
    for _ in range(runs):
        show(window, False)
        window.inventory.dock.show_model(window.document.editor)  # read again when shown
        show(window, True)
        before = _made(dock)
        firsts.append(cpu(lambda: (dock.filter.setText("h"), _pump()), profile == "first"))
        made = max(made, _made(dock) - before)
        dock.filter.clear()
        _idle(2.0)
        laters.append(cpu(lambda: (dock.filter.setText("h"), _pump())))
        dock.filter.clear()
        _pump()
    return firsts, laters, made


def line(name: str, size: int, measured: list[float], floor: list[float],
         extra: str = "") -> None:
    m, f = statistics.median(measured), statistics.median(floor)
    print(f"{name:<38} {size:6d}  cpu {m * 1000:7.1f} ms  floor {f * 1000:7.1f} ms  "
          f"ratio {m / max(f, 1e-9):5.1f}  {extra}", flush=True)


def run(sizes: list[int], runs: int, profile: str) -> None:
    from egov_modeler.ui import open_window
    from tests.helpers.ui import FakeDialogs

    QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        os.environ["EGOV_MODELER_JOURNAL_DIR"] = str(Path(folder) / "journals")
        for size in sizes:
            model = build_national_model(size)
            window = open_window(settings=QSettings(str(Path(folder) / "s.ini"),
                                                    QSettings.Format.IniFormat),
                                 dialogs=FakeDialogs())
            window.resize(1600, 1000)
            window.show()
            window.document.replace(model, None)
            _pump()
            window.validate_now()
            window._validate_timer.setInterval(3_600_000)
            inventory = Inventory(model)
            eid = inventory.objects()[len(inventory.objects()) // 2].id
            rows = len(inventory.objects()) + len(inventory.connections()) + len(
                inventory.tasks())
            print(f"{size} elements: {rows} inventory rows", flush=True)
            show(window, False)
            hidden_renames, hidden_undos, _ = edit_and_undo(window, eid, runs, "")
            show(window, True)
            _idle(1.0)
            renames, undos, made = edit_and_undo(window, eid, runs, profile)
            line("rename, dock shown", size, renames, hidden_renames,
                 f"rows worked out per rename+undo (and idle after): {made}")
            line("undo, dock shown", size, undos, hidden_undos)
            sort_and_filter(window.inventory.dock)
            renames, undos, made = edit_and_undo(window, eid, runs, profile)
            line("rename, shown sorted+filtered", size, renames, hidden_renames,
                 f"rows worked out per rename+undo (and idle after): {made}")
            line("undo, shown sorted+filtered", size, undos, hidden_undos)
            victims = [o.id for o in inventory.objects()[::max(1, len(
                inventory.objects()) // 100)]][:100]
            show(window, False)
            hidden_deletes, hidden_undos, _ = delete_and_undo(window, victims, runs, "")
            show(window, True)
            _idle(1.0)
            deletes, undos, made = delete_and_undo(window, victims, runs, profile)
            touched = len(victims) + sum(len(model.relationships_of(i)) for i in victims)
            line("delete 100 objects, sorted+filtered", size, deletes, hidden_deletes,
                 f"rows worked out per delete+undo: {made} ({touched} concepts touched)")
            line("its undo", size, undos, hidden_undos)
            dock = window.inventory.dock
            dock.filter.clear()
            dock.current_table().sortByColumn(-1, dock.current_table().horizontalHeader()
                                              .sortIndicatorOrder())
            _idle(1.0)
            firsts, laters, made = first_key(window, runs, profile)
            line("first filter key after shown", size, firsts, laters,
                 f"rows worked out by the key: {made}")
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()
            _pump()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", default="", choices=("", "rename", "undo", "delete", "first"),
                        help="print that action's profile (its time then includes the "
                             "profiler)")
    args = parser.parse_args()
    run([int(s) for s in args.sizes.split(",")], args.runs, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
