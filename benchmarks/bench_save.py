"""How long File > Save holds the window (offscreen Qt), 1k-20k elements (issue 19).

Usage: python benchmarks/bench_save.py [--sizes 1000,5000,10000,20000] [--runs 3]

For each size N it opens the model of ``tests/helpers/national_view_model.py`` (N
elements, 2N relationships, a 2,000-node view) in a window, renames an element (so the
crash journal has an edit and Save must note it) and presses Save, ``--runs`` times, and
prints the medians of:

- GUI-thread CPU: ``time.thread_time`` of the GUI thread from Save to the window having
  handled its events (work behind the progress window runs in another thread);
- longest pause: the longest time the GUI thread ran no timer while saving, from a 5 ms
  timer's ticks (how long the window did not answer: ``run_long`` waits up to its
  ``QUICK`` seconds for the worker before it shows the progress window);
- until saved: wall-clock seconds until Save returned;
- of which serialising: ``model_bytes`` alone (headless), what the worker spends most on.

The floor, timed side by side in the same run: writing the file's bytes atomically with
``fsync`` on the GUI thread (what a save must at least do; the ratio of the GUI-thread
CPU to it says how much of Save's work stays on the window's thread).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from egov_modeler.model.commands import RenameElementCommand  # noqa: E402
from egov_modeler.storage.atomic import write_atomically  # noqa: E402
from egov_modeler.storage.native import model_bytes, save  # noqa: E402
from egov_modeler.ui.undo import run_command  # noqa: E402
from tests.helpers.national_view_model import build_national_model  # noqa: E402

SIZES = (1_000, 5_000, 10_000, 20_000)
TICK_MS = 5


class Pulse:
    """A timer ticking every :data:`TICK_MS` on the GUI thread; the longest gap between
    ticks (or from :meth:`start` to the first, or the last to :meth:`stop`)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.timer.stop()
        return self.longest


def measure(size: int, runs: int, folder: Path) -> dict[str, float]:
    """The medians for one size (seconds)."""
    from egov_modeler.ui import open_window
    from tests.helpers.ui import FakeDialogs

    app = QApplication.instance()
    model = build_national_model(size, 2_000)
    path = folder / f"national-{size}.egov"
    save(model, path)
    window = open_window(settings=QSettings(str(folder / "settings.ini"),
                                            QSettings.Format.IniFormat),
                         dialogs=FakeDialogs())
    window.show()
    window.files.open_path(str(path), ask_to_save=False)
    app.processEvents()
    window._validate_timer.setInterval(3_600_000)  # re-validation is not Save's
    document = window.document
    element = document.model.elements[0].id
    pulse = Pulse()
    gui, pause, wall, serialise, floor = [], [], [], [], []
    for run in range(runs):
        run_command(document.undo_stack, document.model,
                    RenameElementCommand(element, f"Hệ thống {run}"))
        app.processEvents()
        pulse.start()
        started, on_gui = time.perf_counter(), time.thread_time()
        assert window.files.save()
        app.processEvents()
        gui.append(time.thread_time() - on_gui)
        wall.append(time.perf_counter() - started)
        pause.append(pulse.stop())
        started = time.perf_counter()
        data = model_bytes(document.model)
        serialise.append(time.perf_counter() - started)
        started = time.perf_counter()
        write_atomically(folder / "floor.egov", data)
        floor.append(time.perf_counter() - started)
    document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    app.processEvents()
    return {"gui": statistics.median(gui), "pause": statistics.median(pause),
            "wall": statistics.median(wall), "serialise": statistics.median(serialise),
            "floor": statistics.median(floor)}


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    QApplication.instance() or QApplication([])
    found = {}
    with tempfile.TemporaryDirectory() as folder:
        os.environ["EGOV_MODELER_JOURNAL_DIR"] = str(Path(folder) / "journals")
        for size in sizes:
            found[size] = measure(size, args.runs, Path(folder))
    print(f"File > Save in the window, median of {args.runs} runs "
          "(ratio to the floor: writing the bytes with fsync on the GUI thread):")
    print("| figure | " + " | ".join(f"{s // 1000}k" for s in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    figures = [("Save: GUI-thread CPU", "gui", True), ("Save: longest pause", "pause", False),
               ("Save: until saved (wall)", "wall", False),
               ("  of which serialising (headless)", "serialise", False),
               ("floor: write + fsync the bytes", "floor", False)]
    for label, key, ratio in figures:
        cells = []
        for size in sizes:
            value = found[size][key]
            text = _ms(value)
            if ratio and found[size]["floor"]:
                text += f" ({value / found[size]['floor']:.1f}×)"
            cells.append(text)
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
