"""Exchange import and export stay linear (issue 19): counted, never timed — the Python
lines run for a model twice as big are about twice as many (a scan per object would make
them four times). `python -m benchmarks` prints the times."""

from __future__ import annotations

from collections.abc import Callable

from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from tests.storage.test_linear_time import lines_run, model_of


def growth(make: Callable[[int], Callable[[], object]]) -> float:
    """Lines run for 600 over lines run for 300, each after a first run (the first export
    loads the framework catalog once)."""
    small, big = make(300), make(600)
    small()
    big()
    return lines_run(big) / lines_run(small)


def exporting(size: int) -> Callable[[], object]:
    model = model_of(size)
    return lambda: exchange_bytes(model)


def importing(size: int) -> Callable[[], object]:
    data = exchange_bytes(model_of(size))
    return lambda: read_exchange_bytes(data, "linear.xml")


def test_export_is_linear():
    assert 1.7 < growth(exporting) < 2.3


def test_import_is_linear():
    assert 1.7 < growth(importing) < 2.3


def test_import_keeps_what_export_wrote():
    model = model_of(60)
    again = read_exchange_bytes(exchange_bytes(model), "linear.xml")
    assert again.load_report == []
    assert [v.id for v in again.views] == [v.id for v in model.views]
    assert list(again.views[0].connections) == list(model.views[0].connections)
    assert {r.id for r in again.relationships} == {r.id for r in model.relationships}
    assert again.element("id-many").properties == model.element("id-many").properties
