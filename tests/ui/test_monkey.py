"""The GUI monkey (tests/ui/monkey.py) on a short walk, and the undo burst that once
crashed the window.

The walk runs in a subprocess: a crash of Qt fails this test with the seed and the last
steps instead of ending the whole run. A long run is documented in README and in the
monkey's docstring (``python -m tests.ui.monkey --seeds 1-50 --steps 2000``)."""

from __future__ import annotations

import os
import subprocess
import sys

from egov_modeler.model.commands import SetNodeBoundsCommand
from egov_modeler.model.serialization import model_to_dict
from tests.helpers import paths
from tests.helpers.ui import drop, node_of

#: Seeds and steps of the walk CI runs (a few seconds); EGOV_MONKEY_STEPS makes it longer.
SEEDS = "1-3"
STEPS = int(os.environ.get("EGOV_MONKEY_STEPS", "120"))


def test_a_short_random_walk_keeps_every_invariant_and_undoes_to_the_start(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(paths.REPO),
           "EGOV_MODELER_JOURNAL_DIR": str(tmp_path / "journals")}
    done = subprocess.run([sys.executable, "-m", "tests.ui.monkey", "--seeds", SEEDS,
                           "--steps", str(STEPS)], cwd=paths.REPO, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    report = done.stdout + done.stderr[-3000:]
    assert done.returncode == 0, report
    assert report.count("steps, ok") == 3, report


def test_a_burst_of_undos_without_the_event_loop_then_painting(window, qtbot):
    """51 steps including moves into a Grouping, then 51 Ctrl+Z with no event processing
    in between (key repeat does this), then the window paints: it must not crash, and the
    model is back where it started."""
    from PySide6.QtWidgets import QApplication

    window.files.new_from_template("empty")
    QApplication.processEvents()
    start = model_to_dict(window.current_model())
    (group,) = drop(window, "type:Grouping", 300, 300)
    canvas = window.current_canvas()
    view_id = canvas.view_id
    box = node_of(window, group.id)
    window.document.editor.run(SetNodeBoundsCommand(view_id, box.id, box.x, box.y, 500, 300))
    elements = []
    for i, component in enumerate(["k_web", "c_cong_dvc_tinh", "a_httt_gq_tthc", "a_qlvb_dh",
                                   "i_lgsp_tinh", "u_nguoi_dan"] * 3):
        elements += drop(window, component, 100 + 60 * (i % 8), 100 + 90 * (i // 8))
    select = canvas.tools["select"]
    for i, element in enumerate(elements[:12]):  # into the Grouping
        node, box = node_of(window, element.id), node_of(window, group.id)
        select.commit_move(round(box.x + 40 + (i % 5) * 80 - node.x),
                           round(box.y + 40 + (i % 3) * 80 - node.y), [node.id])
    connect = canvas.tools["connect"]
    for a, b in zip(elements, elements[1:], strict=False):
        source, target = node_of(window, a.id).id, node_of(window, b.id).id
        allowed = [t for t, why in connect.offered_types(source, target) if why is None]
        if allowed:
            connect.connect(source, target, allowed[0])
    stack = window.document.undo_stack
    steps = stack.count()
    assert steps >= 45
    window.grab()
    for _ in range(steps):
        stack.undo()
    QApplication.processEvents()
    window.grab()
    assert model_to_dict(window.current_model()) == start
    for _ in range(steps):
        stack.redo()
    for _ in range(steps):
        stack.undo()
    QApplication.processEvents()
    window.grab()
    assert model_to_dict(window.current_model()) == start
