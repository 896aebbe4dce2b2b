"""Fuzzing the .egov reader (issue 11, point 7): mutated real files and the hostile cases
never raise anything but NativeFileError, never hang, and whatever loads can be saved,
drawn, and loaded again unchanged. Long run: EGOV_FUZZ_ITERATIONS=20000; one case:
EGOV_FUZZ_SEED=<seed>."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from egov_modeler.diagram.display_list import build_scene
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import NativeFileError, loads, model_bytes
from tests.helpers.fuzz import mutated, seeds, watchdog

HOSTILE_FILES = [
    b'{"format_version": 1, "elements": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"format_version": 1, "id": ' + b"1" * 5000 + b"}",
    b'{"format_version": 1, "views": [{"id": "id-v", "nodes": [{"id": "id-n", "x": 0, '
    b'"y": 0, "w": 10, "h": 10, "style": {"font_size": Infinity}}]}]}',
    b'{"format_version": 1, "views": [{"id": "id-v", "nodes": [{"id": "id-n", "x": 0, '
    b'"y": 0, "w": 1e11, "h": 10, "kind": "label", "label": "x", "style": {"font_size": 1e11}}]}]}',
    b'{"format_version": 1, "views": [{"id": "id-v", "nodes": [{"id": "id-n", "x": 1e300, '
    b'"y": 0, "w": 0, "h": -4, "kind": "label", "label": "x"}]}]}',
    b'{"format_version": 1, "name": 5, "elements": [{"id": "id-e", "type": '
    b'"ApplicationComponent", "name": "\\ud800"}]}',
    b'{"format_version": 1, "folders": [' + b'{"label": "a", "folders": [' * 90 + b"]}" * 90
    + b"]}",
]


def template(name: str) -> dict:
    path = resources.files("egov_modeler") / "resources" / "templates" / f"{name}.egov"
    return json.loads(path.read_text(encoding="utf-8"))


ORIGINALS = [template("provincial-2020"), template("provincial-2026"), template("national-2025")]


def check(raw: bytes, what: str) -> None:
    """The reader's promise for one input."""
    with watchdog(60, what):
        try:
            model = loads(raw, "fuzz.egov")
        except NativeFileError:
            return
        again = loads(model_bytes(model), "again.egov")
        assert again.load_report == [], what
        assert model_to_dict(again) == model_to_dict(model), what
        for view in model.views[:3]:
            build_scene(model, view, "vi")


@pytest.mark.parametrize("index", range(len(HOSTILE_FILES)))
def test_the_hostile_files_of_issue_11(index):
    check(HOSTILE_FILES[index], f"hostile file {index}")


def test_mutated_real_files():
    for seed in seeds(60):
        raw = mutated(ORIGINALS[seed % len(ORIGINALS)], seed)
        check(raw, f"EGOV_FUZZ_SEED={seed}")
