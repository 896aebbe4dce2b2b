"""Fuzzing the other JSON readers (issue 11, point 7): a user catalog, a clipboard
fragment and the exchange file's view-extras JSON. Each raises only its own error, never
hangs, and a fragment that is accepted pastes into a model that can be saved and loaded
again. Long run: EGOV_FUZZ_ITERATIONS=20000."""

from __future__ import annotations

import json
import random
from importlib import resources

import pytest

from egov_modeler.model import safe_json
from egov_modeler.model.catalog import load_builtin_catalog
from egov_modeler.model.catalog.reader import decode_catalog_json, parse_catalog
from egov_modeler.model.catalog.types import CatalogError
from egov_modeler.model.errors import ModelError
from egov_modeler.model.paste import (
    copy_fragment,
    fragment_from_json,
    fragment_to_json,
    paste_fragment,
)
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.storage.native import loads, model_bytes
from egov_modeler.storage.templates import load_template
from tests.helpers.fuzz import mutated, seeds, watchdog


@pytest.fixture(scope="module")
def user_catalog() -> dict:
    """A catalog as a province writes it (README's example), plus a rule."""
    return {
        "format": "egov-modeler-catalog", "format_version": 1, "id": "gia-lai",
        "title_vi": "Hệ thống thông tin của tỉnh Gia Lai",
        "components": [{
            "id": "gl_lgsp", "name_vi": "LGSP Gia Lai", "name_en": "Gia Lai LGSP",
            "layer": "nen_tang_tich_hop", "archimate_type": "ApplicationComponent",
            "parent": "i_lgsp_tinh", "scope": "tỉnh", "description_vi": "LGSP của tỉnh.",
            "description_en": "The province's LGSP.", "sources": ["QĐ 796"],
            "inferred": False}],
        "relationships": [{"source": "gl_lgsp", "type": "Flow", "target": "i_ndxp",
                           "sources": [], "inferred": False}],
    }


def test_mutated_user_catalogs(user_catalog):
    known = load_builtin_catalog()
    text = json.dumps(user_catalog, ensure_ascii=False)
    parse_catalog(decode_catalog_json(text, "gl.json"), "gl.json", text, known)  # valid
    for seed in seeds(150, base=200_000):
        raw = mutated(user_catalog, seed).decode("utf-8", "replace")
        with watchdog(60, f"EGOV_FUZZ_SEED={seed}"):
            try:
                parse_catalog(decode_catalog_json(raw, "gl.json"), "gl.json", raw, known)
            except CatalogError:
                pass


@pytest.mark.parametrize("profile", ["vn-egov-2.0", "vn-digital-2025"])
def test_the_builtin_profiles_mutated_are_refused_or_read(profile):
    raw_catalog = json.loads((resources.files("egov_modeler") / "resources" / "framework"
                              / f"{profile}.json").read_text(encoding="utf-8"))
    for seed in seeds(30, base=250_000):
        raw = mutated(raw_catalog, seed).decode("utf-8", "replace")
        with watchdog(60, f"EGOV_FUZZ_SEED={seed}"):
            try:
                parse_catalog(decode_catalog_json(raw, "c.json"), "c.json", raw)
            except CatalogError:
                pass


def test_mutated_clipboard_fragments():
    source = load_template("provincial")
    view = source.views[0]
    fragment = copy_fragment(source, view.id, list(view.nodes)[:12])
    original = json.loads(fragment_to_json(fragment))
    for seed in seeds(80, base=300_000):
        raw = mutated(original, seed).decode("utf-8", "replace")
        target = load_template("empty")
        with watchdog(60, f"EGOV_FUZZ_SEED={seed}"):
            try:
                parsed = fragment_from_json(raw)
                result = paste_fragment(target, target.views[0].id, parsed,
                                        as_copy=random.Random(seed).random() < 0.5)
                target.execute(result.command)
            except ModelError:
                continue
            again = loads(model_bytes(target), "pasted.egov")
            assert again.load_report == [], seed
            assert model_to_dict(again) == model_to_dict(target), seed


def test_mutated_view_extras_json():
    extras = {"origin": [10, 20], "nodes": {"id-n": {"style": {"font_size": 9.5}, "w": 3}},
              "connections": {"id-c": {"style": {"line_color": "#000000"}}}}
    for seed in seeds(300, base=400_000):
        raw = mutated(extras, seed)
        with watchdog(60, f"EGOV_FUZZ_SEED={seed}"):
            try:
                safe_json.loads(raw)
            except safe_json.UnsafeJSONError:
                pass
