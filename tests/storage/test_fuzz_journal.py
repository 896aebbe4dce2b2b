"""Fuzzing the journal (issue 11, point 7): a damaged or hostile journal never raises
anything but JournalError, never hangs, never stops find_journals, and what it recovers
can be saved and loaded again. Long run: EGOV_FUZZ_ITERATIONS=20000."""

from __future__ import annotations

import json
import random

import pytest

from egov_modeler.model import History
from egov_modeler.model.commands import (
    AddBendpointCommand,
    DeleteElementCommand,
    MoveNodeCommand,
    RenameElementCommand,
    SetNodeFieldsCommand,
    SetPropertyCommand,
)
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Style
from egov_modeler.storage.journal import (
    Journal,
    JournalError,
    find_journals,
    model_base,
    prune_journals,
    read_info,
    recover,
)
from egov_modeler.storage.native import loads, model_bytes
from egov_modeler.storage.templates import load_template
from tests.helpers.fuzz import mutate_bytes, mutate_json, seeds, watchdog


@pytest.fixture(scope="module")
def journal_bytes(tmp_path_factory) -> bytes:
    """A real journal: a template and a day's kinds of edits, undos and redos."""
    model = load_template("provincial")
    path = tmp_path_factory.mktemp("j") / "real.journal"
    journal = Journal(path, model_base(model))
    history = History(model)
    view = model.views[0]
    node = next(n for n in view.nodes.values() if n.element_id)
    conn = next(iter(view.connections.values()))
    element = model.element(node.element_id)
    steps = [RenameElementCommand(element.id, "Cổng DVC tỉnh"),
             MoveNodeCommand(view.id, node.id, node.x + 20, node.y + 10),
             SetNodeFieldsCommand(view.id, node.id, {"style": Style(fill="#ffcc00",
                                                                    font_size=11)}),
             AddBendpointCommand(view.id, conn.id, 0, 100, 100),
             SetPropertyCommand(model.id, "dossier:agency", "UBND tỉnh"),
             DeleteElementCommand(element.id)]
    for step in steps:
        history.do(step)
        journal.append("do", step)
    journal.append("undo", history.undo())
    journal.append("redo", history.redo())
    journal.append_snapshot(model)
    journal.close(delete=False)
    return path.read_bytes()


def mutated_journal(raw: bytes, seed: int) -> bytes:
    rng = random.Random(seed)
    lines = raw.split(b"\n")
    if rng.random() < 0.3:
        return mutate_bytes(raw, rng)
    index = rng.randrange(len(lines) - 1)
    entry = json.loads(lines[index])
    lines[index] = json.dumps(mutate_json(entry, rng, rng.randrange(1, 4)),
                              ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


def check(folder, raw: bytes, what: str) -> None:
    path = folder / "case.journal"
    path.write_bytes(raw)
    with watchdog(60, what):
        find_journals(folder)
        try:
            read_info(path)
            model, _report = recover(path)
        except JournalError:
            return
        finally:
            prune_journals(folder, keep_days=365)
        again = loads(model_bytes(model), "again.egov")
        assert again.load_report == [], what
        assert model_to_dict(again) == model_to_dict(model), what


def test_the_real_journal_recovers_whole(journal_bytes, tmp_path):
    path = tmp_path / "real.journal"
    path.write_bytes(journal_bytes)
    _model, report = recover(path)
    assert report == []


def test_mutated_journals(journal_bytes, tmp_path):
    for seed in seeds(40, base=100_000):
        check(tmp_path, mutated_journal(journal_bytes, seed), f"EGOV_FUZZ_SEED={seed}")
