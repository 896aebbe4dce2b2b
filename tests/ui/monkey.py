"""A GUI monkey: random user actions through the real window, seeded and replayable.

Drops palette components, connects, moves and nests, deletes from the view and from the
model, copies and pastes, undoes and redoes in bursts without letting the event loop run
(as key repeat does), saves, reopens and exports. After every step the model's invariants
hold and the diagram shows exactly the view's nodes and lines; at the end (and before each
reopen) undoing everything gives back the model the history started from.

Run long, by hand (a crash is a non-zero exit; the log names the seed and the steps)::

    QT_QPA_PLATFORM=offscreen python -m tests.ui.monkey --seed 7 --steps 5000
    QT_QPA_PLATFORM=offscreen python -m tests.ui.monkey --seeds 1-50 --steps 2000

``tests/ui/test_monkey.py`` runs a short walk of a few seeds in a subprocess, so that a
segmentation fault fails one test instead of the whole run.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QSettings
from PySide6.QtWidgets import QApplication

from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import NODE_CONTAINER

#: Palette components the monkey drops (every overview layer, a Grouping among them).
COMPONENTS = ("u_nguoi_dan", "u_doanh_nghiep", "k_web", "c_cong_dvc_tinh", "a_httt_gq_tthc",
              "a_qlvb_dh", "i_lgsp_tinh", "h_ttdl_bo_tinh", "s_giam_sat_bao_ve", "g_so_tttt",
              "type:Grouping", "type:Location", "type:ApplicationComponent")


class MonkeyFailure(AssertionError):
    """An invariant broke; the message names the step."""


class Monkey:
    """One seeded walk through one window."""

    def __init__(self, seed: int, folder: Path, log: Callable[[str], None] = print) -> None:
        from egov_modeler.ui import open_window
        from tests.helpers.ui import FakeDialogs, overview_model

        self.rng = random.Random(seed)
        self.seed = seed
        self.folder = folder
        self.log = log
        self.steps: list[str] = []
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.window = open_window(settings=settings, dialogs=FakeDialogs())
        self.window.resize(1200, 800)
        self.window.show()
        model, _view, _bands = overview_model()
        self.window.document.replace(model, None)
        QApplication.processEvents()
        self.baseline = model_to_dict(model)
        self.components = [c for c in COMPONENTS if self._component_ok(c)]

    # ------------------------------------------------------------------ helpers
    def _component_ok(self, component_id: str) -> bool:
        return self.window.palette_dock.find_payload(component_id).isValid()

    @property
    def document(self):
        return self.window.document

    def canvas(self):
        return self.window.current_canvas()

    def view(self):
        canvas = self.canvas()
        return canvas.diagram().view() if canvas is not None else None

    def element_nodes(self) -> list:
        view = self.view()
        return [n for n in view.nodes.values() if n.element_id] if view else []

    def pick_nodes(self, most: int = 3) -> list[str]:
        nodes = self.element_nodes()
        if not nodes:
            return []
        return [n.id for n in self.rng.sample(nodes, self.rng.randint(1, min(most, len(nodes))))]

    def select(self, node_ids: list[str]) -> None:
        self.canvas().diagram().select_ids(node_ids)

    def point(self) -> tuple[int, int]:
        return self.rng.randint(20, 960), self.rng.randint(20, 300)

    # ------------------------------------------------------------------ actions
    def drop(self) -> str:
        from tests.helpers.ui import drop

        component = self.rng.choice(self.components)
        x, y = self.point()
        drop(self.window, component, x, y)
        return f"drop {component} at ({x}, {y})"

    def group(self) -> str:
        """A Grouping element placed as a container, for nesting."""
        from egov_modeler.model.commands import AddElementCommand, PlaceNodeCommand
        from egov_modeler.model.concepts import Element
        from egov_modeler.model.ids import new_id
        from egov_modeler.model.views import Node

        x, y = self.point()
        element = Element(new_id(), "Grouping", "Nhóm")
        node = Node(new_id(), x, y, 260, 160, element_id=element.id, kind=NODE_CONTAINER)
        self.document.editor.run_many("group", [AddElementCommand(element),
                                                PlaceNodeCommand(self.view().id, node)])
        return f"group at ({x}, {y})"

    def connect(self) -> str:
        nodes = self.element_nodes()
        if len(nodes) < 2:
            return "connect (skipped)"
        source, target = self.rng.sample(nodes, 2)
        tool = self.canvas().tools["connect"]
        offered = [t for t, why in tool.offered_types(source.id, target.id) if why is None]
        if not offered:
            return "connect (nothing allowed)"
        chosen = self.rng.choice(offered)
        tool.connect(source.id, target.id, chosen)
        return f"connect {chosen}"

    def move(self) -> str:
        roots = self.pick_nodes()
        if not roots:
            return "move (skipped)"
        view = self.view()
        roots = [r for r in roots if not any(a.id in roots for a in _ancestors(view, r))]
        dx, dy = self.rng.randint(-200, 200), self.rng.randint(-120, 120)
        self.canvas().tools["select"].commit_move(dx, dy, roots)
        return f"move {len(roots)} by ({dx}, {dy})"

    def nest(self) -> str:
        """Move one element onto the centre of a group (or another element)."""
        view = self.view()
        # Groups drawn as containers, and elements (a Grouping or Location dropped from
        # the palette is an element node): both take nested nodes.
        model = self.document.model
        containers = [n for n in view.nodes.values() if n.element_id and (
            n.kind == NODE_CONTAINER
            or model.element(n.element_id).type in ("Grouping", "Location"))]
        nodes = [n for n in self.element_nodes() if n.kind != NODE_CONTAINER]
        if not containers or not nodes:
            return "nest (skipped)"
        target = self.rng.choice(containers)
        node = self.rng.choice([n for n in nodes if n.id != target.id] or nodes)
        if node.id == target.id or target.id in {a.id for a in _ancestors(view, node.id)}:
            return "nest (skipped)"
        dx = round(target.x + target.w / 2 - (node.x + node.w / 2))
        dy = round(target.y + target.h / 2 - (node.y + node.h / 2))
        self.canvas().tools["select"].commit_move(dx, dy, [node.id])
        return "nest into a group"

    def delete_from_view(self) -> str:
        ids = self.pick_nodes()
        if not ids:
            return "delete from view (skipped)"
        self.select(ids)
        self.window.edits.delete_selection()
        return f"delete {len(ids)} from view"

    def delete_from_model(self) -> str:
        ids = self.pick_nodes(2)
        if not ids:
            return "delete from model (skipped)"
        self.select(ids)
        self.window.edits.delete_from_model()
        return f"delete {len(ids)} from model"

    def undo_burst(self) -> str:
        count = self.rng.randint(1, 30)
        stack = self.document.undo_stack
        for _ in range(count):  # no event processing in between: key repeat
            stack.undo()
        return f"undo x{count}"

    def redo_burst(self) -> str:
        count = self.rng.randint(1, 30)
        stack = self.document.undo_stack
        for _ in range(count):
            stack.redo()
        return f"redo x{count}"

    def copy_paste(self) -> str:
        ids = self.pick_nodes()
        if not ids:
            return "paste (skipped)"
        self.select(ids)
        self.window.edits.copy_selection()
        as_copy = self.rng.random() < 0.5
        x, y = self.point()
        self.window.edits.paste(as_copy=as_copy, at=QPointF(x, y))
        return f"copy {len(ids)} and paste{' as copy' if as_copy else ''}"

    def save_and_reopen(self) -> str:
        self.check_undo_to_start()  # the history is about to start afresh
        path = self.folder / f"monkey-{self.seed}.egov"
        before = model_to_dict(self.document.model)
        if not self.window.files.save_to(str(path)):
            raise MonkeyFailure(f"save failed: {self.window.dialogs.errors[-1:]}")
        if not self.window.files.open_path(str(path), ask_to_save=False):
            raise MonkeyFailure(f"reopen failed: {self.window.dialogs.errors[-1:]}")
        after = model_to_dict(self.document.model)
        if after != before:
            raise MonkeyFailure("save and reopen changed the model")
        self.baseline = after
        return "save and reopen"

    def export(self) -> str:
        kind = self.rng.choice(["xml", "png", "svg"])
        path = self.folder / f"monkey-{self.seed}.{kind}"
        self.window.dialogs.save_answer = str(path)
        done = (self.window.exports.export_exchange() if kind == "xml"
                else self.window.exports.export_image(kind))
        if done and not path.exists():
            raise MonkeyFailure(f"export to {kind} said done but wrote nothing")
        return f"export {kind}"

    def process_events(self) -> str:
        QApplication.processEvents()
        self.window.grab()  # paint every item the scene still holds
        return "paint"

    ACTIONS = (("drop", 6), ("group", 1), ("connect", 4), ("move", 4), ("nest", 2),
               ("delete_from_view", 2), ("delete_from_model", 1), ("undo_burst", 3),
               ("redo_burst", 2), ("copy_paste", 2), ("save_and_reopen", 1), ("export", 1),
               ("process_events", 3))

    # ------------------------------------------------------------------ checks
    def check(self) -> None:
        """The model holds together, and the diagram shows exactly the view."""
        model = self.document.model
        for view in model.views:
            for node in view.nodes.values():
                if node.element_id and not model.has_element(node.element_id):
                    raise MonkeyFailure(f"node {node.id} shows a missing element")
                if node.parent is not None and node.parent not in view.nodes:
                    raise MonkeyFailure(f"node {node.id} has a missing parent")
            for conn in view.connections.values():
                for end in (conn.source, conn.target):
                    if end not in view.nodes and end not in view.connections:
                        raise MonkeyFailure(f"connection {conn.id} has a missing end")
                if conn.relationship_id and not model.has_relationship(conn.relationship_id):
                    raise MonkeyFailure(f"connection {conn.id} shows a missing relationship")
        for rel in model.relationships:
            for end in (rel.source, rel.target):
                if not model.has_concept(end):
                    raise MonkeyFailure(f"relationship {rel.id} has a missing end")
        canvas = self.canvas()
        if canvas is not None:
            scene, view = canvas.diagram(), canvas.diagram().view()
            if set(scene.node_items) != set(view.nodes):
                raise MonkeyFailure("the diagram's boxes differ from the view's nodes")
            if set(scene.connection_items) != set(view.connections):
                raise MonkeyFailure("the diagram's lines differ from the view's connections")
            live = set(scene.items())
            for item in [*scene.node_items.values(), *scene.connection_items.values()]:
                if item not in live:
                    raise MonkeyFailure("an item of the view is not in the scene")

    def check_undo_to_start(self) -> None:
        stack = self.document.undo_stack
        while stack.canUndo():
            stack.undo()
        QApplication.processEvents()
        if model_to_dict(self.document.model) != self.baseline:
            raise MonkeyFailure("undoing everything did not give the first model back")
        while stack.canRedo():  # and forward again, to go on from where the walk was
            stack.redo()

    # ------------------------------------------------------------------ the walk
    def run(self, steps: int) -> None:
        names = [name for name, weight in self.ACTIONS for _ in range(weight)]
        for number in range(1, steps + 1):
            name = self.rng.choice(names)
            try:
                said = getattr(self, name)()
                self.steps.append(said)
                self.check()
            except MonkeyFailure as exc:
                raise MonkeyFailure(f"seed {self.seed}, step {number} ({name}): {exc}\n"
                                    + "\n".join(self.steps[-15:])) from None
        self.check_undo_to_start()
        self.window.document.undo_stack.setClean()
        self.window.close()


def _ancestors(view, node_id: str) -> list:
    found = []
    parent = view.nodes[node_id].parent
    while parent is not None and parent in view.nodes:
        found.append(view.nodes[parent])
        parent = view.nodes[parent].parent
    return found


def walk(seeds: list[int], steps: int) -> int:
    """Run each seed; the number of failed walks (each one printed)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from egov_modeler.ui.app import prepare_application

    prepare_application(app)
    failed = 0
    for seed in seeds:
        with tempfile.TemporaryDirectory(prefix=f"monkey-{seed}-") as tmp:
            os.environ["EGOV_MODELER_JOURNAL_DIR"] = str(Path(tmp) / "journals")
            try:
                Monkey(seed, Path(tmp)).run(steps)
                print(f"seed {seed}: {steps} steps, ok", flush=True)
            except Exception:
                failed += 1
                print(f"seed {seed}: FAILED\n{traceback.format_exc()}", flush=True)
    # Offscreen Qt crashes at interpreter exit while tearing down a clipboard that still
    # holds our data (see tests/conftest.py): leave it empty.
    app.clipboard().clear()
    app.processEvents()
    return failed


def _seeds(text: str) -> list[int]:
    if "-" in text:
        first, last = text.split("-")
        return list(range(int(first), int(last) + 1))
    return [int(s) for s in text.split(",")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.ui.monkey")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--seeds", default="1-3", help="e.g. 1-50 or 3,8,13")
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args(argv)
    seeds = [args.seed] if args.seed is not None else _seeds(args.seeds)
    return 1 if walk(seeds, args.steps) else 0


if __name__ == "__main__":
    sys.exit(main())
