"""Real exchange files from other tools come back unchanged in meaning.

Every exchange file in ``../shared/archimate/samples`` (read there at test time) and the
real files copied into ``tests/data/exchange`` (sources and licences in its README) goes
import -> export, and import -> save (.egov) -> load -> export; the two XML trees are
compared by :mod:`tests.helpers.exchange_compare`, which keeps everything that carries
meaning (texts with their languages, properties with their definitions, geometry and the
drawing order of nodes, connections on connections, bendpoints, styles, folders,
metadata). Files that are invalid on purpose are refused with a message that says why.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest

from egov_modeler.exchange.oef_reader import ExchangeImportError, read_exchange
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model.model import Model
from egov_modeler.storage.native import load, save
from tests.helpers.exchange_compare import NOT_CARRIED, canonical, differences, parse
from tests.helpers.paths import REPO, SHARED

DATA = REPO / "tests" / "data" / "exchange"
SAMPLES = SHARED / "archimate" / "samples"

#: Files invalid on purpose, and a word the refusal must contain (in English).
REFUSED = {
    "ardoq__opengroupArchisurance-oef21.xml": "2.1",
    "pair__legacy-mmorga-archisurance-archi311-oef21.xml": "2.1",
    "pair__arktect-archi46-migration-guide.xml": "Description",
    "pyarchimate-viewpoint_sample_opengroup.dangling-propdef.xml": "propid-1",
    "pyarchimate-test_multiple_images.not-oef-root.xml": "ArchimateModel",
}


def _files() -> list[Path]:
    found = sorted(DATA.glob("*.xml"))
    if SAMPLES.is_dir():
        found += sorted(SAMPLES.glob("*.xml")) + sorted((SAMPLES / "invalid").glob("*.xml"))
    return found


VALID = [p for p in _files() if p.name not in REFUSED]
INVALID = [p for p in _files() if p.name in REFUSED]


@cache
def _canonical_source(source: Path) -> tuple[dict, dict[str, int]]:
    return canonical(parse(source.read_bytes()))


def _assert_same_meaning(source: Path, model: Model, exported: bytes) -> None:
    before, stripped = _canonical_source(source)
    after, _ = canonical(parse(exported))
    found = differences(before, after)
    assert found == [], f"{len(found)} differences, first: " + "\n".join(found[:15])
    for construct, count in stripped.items():  # what is not carried is said, not lost
        assert any(NOT_CARRIED[construct] in line for line in model.load_report), (
            f"{count} {construct} left out without a line in the import report")


@pytest.mark.parametrize("source", VALID, ids=lambda p: p.name)
def test_import_then_export_keeps_the_meaning(source):
    model = _imported(source)
    _assert_same_meaning(source, model, exchange_bytes(model))


@cache
def _imported(source: Path) -> Model:
    """The file imported once for every test that reads it (none of them changes it)."""
    return read_exchange(source)


@cache
def _through_egov(source: Path) -> tuple[Model, bytes]:
    """The imported model, and its export after a save to .egov and a load."""
    model = _imported(source)
    with tempfile.TemporaryDirectory() as folder:
        save(model, Path(folder) / "m.egov")
        return model, exchange_bytes(load(Path(folder) / "m.egov"))


@pytest.mark.parametrize("source", VALID, ids=lambda p: p.name)
def test_import_save_load_export_keeps_the_meaning(source):
    _assert_same_meaning(source, *_through_egov(source))


@pytest.mark.parametrize("source", INVALID, ids=lambda p: p.name)
def test_files_invalid_on_purpose_are_refused_saying_why(source):
    from egov_modeler.i18n import set_language

    set_language("en")
    with pytest.raises(ExchangeImportError) as info:
        read_exchange(source)
    assert REFUSED[source.name] in str(info.value)
    assert source.name in str(info.value)
