"""Probe the window's actions one by one on national-scale models (offscreen Qt).

Usage: python benchmarks/probe_window_actions.py [--sizes 2000,8000] [--only NAME,...]
                                                  [--skip NAME,...] [--profile]

It builds ``tests/helpers/national_model.py``'s model of each size in an offscreen window.
Each probe prepares (untimed), then times one user action as CPU seconds
(``time.process_time``, every thread) until Qt has handled its events, and beside it the
GUI thread's own share (``time.thread_time``: work behind a progress window runs in another
thread and leaves the window answering), then cleans up (untimed, usually an undo). The
re-validation the window starts 300 ms after an edit is kept out (its own figure is in
``python -m benchmarks``). Prints one line per probe and size, then a table with the ratio
between the last and first size: an action that grows faster than the model (ratio well
above the sizes' ratio) or that takes more than ~0.3 s at 20k is worth a look.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
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

Probe = Callable[[object, dict], tuple[Callable[[], object], Callable[[], object] | None]]
PROBES: dict[str, Probe] = {}


def probe(name: str) -> Callable[[Probe], Probe]:
    def register(fn: Probe) -> Probe:
        PROBES[name] = fn
        return fn
    return register


def _pump() -> None:
    QApplication.processEvents()


def _undo(window) -> Callable[[], None]:
    def undo() -> None:
        window.document.undo_stack.undo()
        _pump()
    return undo


def _type_in(box, text: str) -> None:
    """Type ``text`` into a line edit a letter at a time, events handled after each."""
    for end in range(1, len(text) + 1):
        box.setText(text[:end])
        _pump()


def _elements(window) -> list[str]:
    return [e.id for e in window.current_model().elements]


def _view_nodes(window, count: int) -> list[str]:
    view = window.current_model().view(BIG_VIEW)
    ids = [n.id for n in view.nodes.values() if n.element_id]
    step = max(1, len(ids) // count)
    return ids[::step][:count]


def _select_nodes(window, ids: list[str]) -> None:
    window.views.open_view(BIG_VIEW)
    window.current_canvas().diagram().select_ids(ids)
    _pump()


# ----------------------------------------------------------------------------- probes
@probe("rename in Properties")
def _rename_props(window, state):
    _select_nodes(window, _view_nodes(window, 1))
    props = window.properties

    def act():
        props.name.setText(props.name.text() + " x")
        props.name.editingFinished.emit()
    return act, _undo(window)


@probe("rename in tree")
def _rename_tree(window, state):
    eid = _elements(window)[len(_elements(window)) // 2]

    def act():
        window.tree.rename_row("element", eid, "Tên mới")
    return act, _undo(window)


@probe("20 renames then 20 undos")
def _undo_burst(window, state):
    ids = _elements(window)[:20]
    for i, eid in enumerate(ids):
        window.tree.rename_row("element", eid, f"Tên mới {i}")
    _pump()
    stack = window.document.undo_stack

    def act():
        for _ in range(20):
            stack.undo()
            _pump()
    return act, None


@probe("20 redos")
def _redo_burst(window, state):
    stack = window.document.undo_stack
    ids = _elements(window)[:20]
    for i, eid in enumerate(ids):
        window.tree.rename_row("element", eid, f"Tên mới {i}")
    for _ in range(20):
        stack.undo()
    _pump()

    def act():
        for _ in range(20):
            stack.redo()
            _pump()

    def after():
        for _ in range(20):
            stack.undo()
        _pump()
    return act, after


@probe("Find 'Hệ thống'")
def _find(window, state):
    window.finds.open_find()
    dock = window.finds.dock
    dock.find_text.clear()
    _pump()

    def act():
        dock.find_text.setText("Hệ thống")
        dock.search()
        _pump()
    return act, None


@probe("Find 'a' (matches most fields)")
def _find_letter(window, state):
    window.finds.open_find()
    dock = window.finds.dock
    dock.find_text.clear()
    dock.search()
    _pump()

    def act():
        dock.find_text.setText("a")
        dock.search()
        _pump()

    def after():
        dock.find_text.clear()
        dock.search()
        _pump()
    return act, after


@probe("Find next x20")
def _find_next(window, state):
    window.finds.open_find()
    dock = window.finds.dock
    dock.find_text.setText("Hệ thống")
    dock.search()
    _pump()

    def act():
        for _ in range(20):
            window.finds.find_next()
            _pump()
    return act, None


@probe("Replace all 'quản lý'")
def _replace_all(window, state):
    window.finds.open_find()
    dock = window.finds.dock
    dock.find_text.setText("quản lý")
    dock.replace_text.setText("điều hành")
    dock.search()
    _pump()

    def act():
        dock.replace_all_button.click()
        _pump()
    return act, _undo(window)


@probe("model tree filter 'số 1'")
def _tree_filter(window, state):
    dock = window.model_dock
    dock.search.clear()
    _pump()

    def act():
        dock.search.setText("số 1")
        _pump()

    def after():
        dock.search.clear()
        _pump()
    return act, after


@probe("model tree filter typed 'hệ thống 1'")
def _tree_filter_typed(window, state):
    dock = window.model_dock
    dock.search.clear()
    _pump()

    def act():
        _type_in(dock.search, "hệ thống 1")

    def after():
        dock.search.clear()
        _pump()
    return act, after


@probe("model tree filter cleared")
def _tree_filter_clear(window, state):
    dock = window.model_dock
    dock.search.setText("số 1")
    _pump()

    def act():
        dock.search.clear()
        _pump()
    return act, None


@probe("add a property")
def _add_property(window, state):
    _select_nodes(window, _view_nodes(window, 1))
    table = window.properties.table

    def act():
        table.add_row()
        _pump()
    return act, _undo(window)


@probe("change type")
def _change_type(window, state):
    model = window.current_model()
    from egov_modeler.model.retype import retype_options
    eid = next(e.id for e in model.elements if e.type == "ApplicationComponent")
    options = retype_options(model, eid)

    def act():
        window.tree.change_type(eid, options[0])
        _pump()
    return act, _undo(window)


@probe("re-layout view")
def _relayout(window, state):
    window.views.open_view(BIG_VIEW)
    _pump()

    def act():
        window.inventory.relayout()
        _pump()
    return act, _undo(window)


for _op in ("align_left", "distribute_h", "same_size"):
    def _make(op: str) -> Probe:
        def _arrange(window, state):
            _select_nodes(window, _view_nodes(window, 300))

            def act():
                window.edits.arrange(op)
                _pump()
            return act, _undo(window)
        return _arrange
    probe(f"arrange {_op} (300)")(_make(_op))


@probe("select 300 nodes")
def _select300(window, state):
    window.views.open_view(BIG_VIEW)
    ids = _view_nodes(window, 300)
    scene = window.current_canvas().diagram()
    scene.select_ids([])
    _pump()

    def act():
        scene.select_ids(ids)
        _pump()
    return act, None


@probe("copy 300 / paste in small view")
def _copy_paste(window, state):
    _select_nodes(window, _view_nodes(window, 300))
    window.edits.copy_selection()
    small = next(v.id for v in window.current_model().views if v.id != BIG_VIEW)
    window.views.open_view(small)
    _pump()

    def act():
        window.edits.paste()
        _pump()
    return act, _undo(window)


@probe("new view")
def _new_view(window, state):
    window.dialogs.text_answer = "Sơ đồ mới"

    def act():
        window.views.new_view()
        _pump()
    return act, _undo(window)


@probe("select in tree (300)")
def _select_in_tree(window, state):
    _select_nodes(window, _view_nodes(window, 300))

    def act():
        window.tree.select_in_tree()
        _pump()
    return act, None


def _idle(seconds: float) -> None:
    """Let the window sit idle (what it does while the user looks at it)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        _pump()
        time.sleep(0.002)


def _line_of_a_relationship(window) -> str:
    view = window.current_model().view(BIG_VIEW)
    lines = [c.id for c in view.connections.values() if c.relationship_id]
    return lines[len(lines) // 2]


def _reveal_line(window, pause: float):
    window.views.open_view(BIG_VIEW)
    window.current_canvas().diagram().select_ids([])
    window.model_dock.search.clear()
    window.model_dock.tree.collapseAll()  # an open folder is put in order as it opens
    window.model_dock.source_model.rebuild()  # as just opened: nothing sorted yet
    _idle(pause)
    line = _line_of_a_relationship(window)

    def act():
        window.current_canvas().diagram().select_ids([line])
        _pump()
    return act, None


@probe("tree: reveal a relationship, at once")
def _reveal_at_once(window, state):
    return _reveal_line(window, 0)


@probe("tree: reveal a relationship, after a pause")
def _reveal_after_pause(window, state):
    return _reveal_line(window, 3)


@probe("show in views menu")
def _show_in_views(window, state):
    _select_nodes(window, _view_nodes(window, 1))

    def act():
        window.tree._fill_canvas_show_in_views()
        window.tree._fill_canvas_change_type()
        _pump()
    return act, None


@probe("delete 300 from model")
def _delete_model(window, state):
    _select_nodes(window, _view_nodes(window, 300))
    window.dialogs.confirm_answer = True

    def act():
        window.edits.delete_from_model()
        _pump()
    return act, _undo(window)


@probe("problems: filter by rule")
def _problems_rule(window, state):
    window.validate_now()
    dock = window.problems
    combo = dock.rule_filter

    def act():
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
        _pump()

    def after():
        combo.setCurrentIndex(0)
        combo.activated.emit(0)
        _pump()
    return act, after


@probe("problems: current view filter")
def _problems_view(window, state):
    window.validate_now()
    window.views.open_view(BIG_VIEW)
    dock = window.problems
    combo = dock.view_filter
    index = combo.findData("\x00current") if combo.findData("\x00current") >= 0 else 1

    def act():
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
        _pump()

    def after():
        combo.setCurrentIndex(0)
        combo.activated.emit(0)
        _pump()
    return act, after


@probe("problems: activate a problem")
def _problems_activate(window, state):
    window.validate_now()
    dock = window.problems

    def act():
        dock.list.activated.emit(dock.row_index(0))
        _pump()
    return act, None


@probe("problems: accept a warning")
def _problems_accept(window, state):
    from egov_modeler.model.problems import Severity
    window.validate_now()
    dock = window.problems
    problem = next(p for p in dock.problems if p.severity == Severity.WARNING)
    window.dialogs.text_answer = "Không áp dụng"

    def act():
        window.problem_filters.accept(problem)
        _pump()

    def after():
        window.document.undo_stack.undo()
        window.validate_now()
        _pump()
    return act, after


@probe("problems: accept 20 warnings")
def _problems_accept20(window, state):
    from egov_modeler.model.problems import Severity
    window.validate_now()
    dock = window.problems
    problems = [p for p in dock.problems if p.severity == Severity.WARNING][:20]
    window.dialogs.text_answer = "Không áp dụng"

    def act():
        for problem in problems:
            window.problem_filters.accept(problem)
            _pump()

    def after():
        for _ in problems:
            window.document.undo_stack.undo()
        window.validate_now()
        _pump()
    return act, after


def _inventory(window):
    dock = window.inventory.dock
    dock.show()
    dock.raise_()
    _pump()
    return dock


@probe("inventory: first shown")
def _inventory_shown(window, state):
    dock = window.inventory.dock
    window.problems.raise_()
    _pump()
    window.inventory.dock.show_model(window.document.editor)
    _pump()

    def act():
        dock.show()
        dock.raise_()
        _pump()

    def after():
        window.problems.raise_()
        _pump()
    return act, after


@probe("inventory: sort by name")
def _inventory_sort(window, state):
    dock = _inventory(window)
    table = dock.current_table()

    def act():
        table.sortByColumn(1, table.horizontalHeader().sortIndicatorOrder())
        _pump()

    def after():
        table.sortByColumn(-1, table.horizontalHeader().sortIndicatorOrder())
        window.problems.raise_()
        _pump()
    return act, after


@probe("inventory: filter 'số 1'")
def _inventory_filter(window, state):
    dock = _inventory(window)

    def act():
        dock.filter.setText("số 1")
        _pump()

    def after():
        dock.filter.clear()
        window.problems.raise_()
        _pump()
    return act, after


@probe("inventory: filter typed 'hệ thống 1' (10 keys)")
def _inventory_filter_typed(window, state):
    dock = _inventory(window)
    _idle(5)  # the dock was just shown: the window sits idle a moment

    def act():
        _type_in(dock.filter, "hệ thống 1")

    def after():
        dock.filter.clear()
        window.problems.raise_()
        _pump()
    return act, after


@probe("inventory: edit on screen (rename)")
def _inventory_edit(window, state):
    _inventory(window)
    eid = _elements(window)[5]

    def act():
        window.tree.rename_row("element", eid, "Tên khác")
        _pump()

    def after():
        window.document.undo_stack.undo()
        window.problems.raise_()
        _pump()
    return act, after


@probe("open 20 small views")
def _open_views(window, state):
    views = [v.id for v in window.current_model().views if v.id != BIG_VIEW][:20]
    tabs = window.views.tabs

    def act():
        for v in views:
            window.views.open_view(v)
            _pump()

    def after():
        while tabs.count() > 1:
            window.views.close_tab(tabs.count() - 1)
        _pump()
    return act, after


@probe("close 20 views")
def _close_views(window, state):
    views = [v.id for v in window.current_model().views if v.id != BIG_VIEW][:20]
    tabs = window.views.tabs
    for v in views:
        window.views.open_view(v)
    _pump()

    def act():
        while tabs.count() > 1:
            window.views.close_tab(tabs.count() - 1)
            _pump()
    return act, None


@probe("zoom in/out x10")
def _zoom(window, state):
    window.views.open_view(BIG_VIEW)
    canvas = window.current_canvas()
    canvas.viewport().repaint()

    def act():
        for factor in (1.25, 0.8) * 5:
            window.views._zoom(factor)
            _pump()
            canvas.viewport().repaint()
    return act, None


@probe("navigator shown")
def _navigator(window, state):
    window.views.open_view(BIG_VIEW)
    nav = window.large_views.navigator
    nav.hide()
    _pump()

    def act():
        nav.show()
        _pump()
        nav.map.render_now()

    def after():
        nav.hide()
        _pump()
    return act, after


@probe("save")
def _save(window, state):
    path = Path(state["folder"]) / "probe.egov"
    window.dialogs.save_answer = str(path)

    def act():
        window.files.save_as()
        _pump()
    return act, None


@probe("generate overview")
def _overview(window, state):
    def act():
        window.inventory.generate_overview()
        _pump()
    return act, _undo(window)


@probe("export workbook")
def _export_workbook(window, state):
    path = Path(state["folder"]) / "probe.xlsx"
    window.dialogs.save_answer = str(path)

    def act():
        window.inventory.export_workbook()
        _pump()
    return act, None


@probe("import workbook")
def _import_workbook(window, state):
    path = Path(state["folder"]) / "probe.xlsx"
    window.dialogs.save_answer = str(path)
    window.inventory.export_workbook()
    window.dialogs.open_answer = str(path)
    _pump()

    def act():
        window.inventory.import_workbook(str(path))
        _pump()

    def after():
        if window.document.undo_stack.canUndo():
            window.document.undo_stack.undo()
        _pump()
    return act, after


def _saved_in_new_folder(window, state) -> None:
    path = Path(state["folder"]) / f"repo-{time.monotonic_ns()}" / "model.egov"
    path.parent.mkdir()
    window.dialogs.save_answer = str(path)
    window.files.save_as()
    window.dialogs.text_answer = "Người thử <thu@example.vn>"
    window.dialogs.confirm_answer = True


@probe("repository: create")
def _repo_create(window, state):
    _saved_in_new_folder(window, state)
    dock = window.repository.dock
    _pump()

    def act():
        dock.create_repository()
        _pump()
    return act, None


@probe("repository: commit an edit")
def _repo_commit(window, state):
    _saved_in_new_folder(window, state)
    dock = window.repository.dock
    dock.create_repository()
    window.tree.rename_row("element", _elements(window)[0], "Đổi")
    window.files.save()
    dock.message.setText("Đổi tên")
    _pump()

    def act():
        assert dock.commit()
        _pump()
    return act, None


@probe("repository: compare two versions")
def _repo_compare(window, state):
    _saved_in_new_folder(window, state)
    dock = window.repository.dock
    dock.create_repository()
    window.tree.rename_row("element", _elements(window)[0], "Đổi")
    window.files.save()
    dock.message.setText("Đổi tên")
    dock.commit()
    dock.show()
    dock.refresh()
    _pump()

    def act():
        dock.history.selectAll()
        assert dock.compare() is not None
        _pump()
    return act, None


# ----------------------------------------------------------------------------- runner
def run(sizes: list[int], only: list[str] | None,
        skip: list[str] | None = None, profile: bool = False) -> dict[str, dict[int, float]]:
    from egov_modeler.ui import open_window
    from tests.helpers.ui import FakeDialogs

    QApplication.instance() or QApplication([])
    results: dict[str, dict[int, float]] = {}
    gui: dict[tuple[str, int], float] = {}
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
            window.current_canvas().viewport().repaint()
            _pump()
            window.validate_now()
            window._validate_timer.setInterval(3_600_000)
            state = {"folder": folder}
            for name, fn in PROBES.items():
                if only and not any(o.lower() in name.lower() for o in only):
                    continue
                if skip and any(o.lower() in name.lower() for o in skip):
                    continue
                try:
                    act, after = fn(window, state)
                    _pump()
                    profiler = cProfile.Profile() if profile else None
                    gui_start = time.thread_time()
                    start = time.process_time()
                    if profiler is not None:
                        profiler.enable()
                    act()
                    _pump()
                    took = time.process_time() - start
                    on_gui = time.thread_time() - gui_start
                    if profiler is not None:
                        profiler.disable()
                        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
                    if after is not None:
                        after()
                except Exception as exc:  # a probe that breaks says so and the rest run
                    print(f"{name:40s} {size:6d}  FAILED: {exc!r}", flush=True)
                    continue
                results.setdefault(name, {})[size] = took
                gui[name, size] = on_gui
                print(f"{name:40s} {size:6d}  {took * 1000:8.0f} ms  (GUI thread "
                      f"{on_gui * 1000:.0f} ms)", flush=True)
            window.document.undo_stack.setClean()
            window.close()
            window.deleteLater()
            _pump()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--only", default="", help="comma-separated parts of probe names")
    parser.add_argument("--profile", action="store_true",
                        help="print each probe's profile (its time then includes the profiler)")
    parser.add_argument("--skip", default="", help="comma-separated parts of probe names")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    only = [o for o in args.only.split(",") if o] or None
    skip = [o for o in args.skip.split(",") if o] or None
    results = run(sizes, only, skip, args.profile)
    print()
    head = " | ".join(f"{s // 1000}k" for s in sizes)
    print(f"| action | {head} | ratio |")
    for name, by_size in results.items():
        cells = " | ".join(f"{by_size[s] * 1000:.0f} ms" if s in by_size else "—"
                           for s in sizes)
        first, last = by_size.get(sizes[0]), by_size.get(sizes[-1])
        ratio = f"{last / first:.1f}" if first and last and len(sizes) > 1 else ""
        print(f"| {name} | {cells} | {ratio} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
