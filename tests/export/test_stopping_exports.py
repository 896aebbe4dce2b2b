"""A dossier export stopped half way (the Stop button of the progress window) raises
``Cancelled`` and leaves the file that was there as it was: nothing half-written."""

from __future__ import annotations

import pytest

from egov_modeler.export.docx_dossier import write_docx
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.model.cancel import Cancelled, CancelToken
from egov_modeler.storage.templates import load_template


class _StopAt(CancelToken):
    """Stopped at the work's ``n``-th safe point: where a user's click lands, every run."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.n = n
        self.checks = 0

    def check(self) -> None:
        self.checks += 1
        if self.checks >= self.n:
            self.cancel()
        super().check()


@pytest.fixture(scope="module")
def model():
    return load_template("provincial-2026")


@pytest.mark.parametrize("write, name", [
    (lambda m, p, t: write_dossier(m, p, DossierOptions(pdfa=False), t), "ho-so.pdf"),
    (lambda m, p, t: write_docx(m, p, DossierOptions(), t), "ho-so.docx"),
])
def test_a_stopped_export_leaves_the_old_file_as_it_was(model, tmp_path, write, name):
    path = tmp_path / name
    path.write_bytes(b"the dossier handed in last week")
    token = _StopAt(3)
    with pytest.raises(Cancelled):
        write(model, path, token)
    assert token.checks == 3  # stopped at the first safe point after the click
    assert path.read_bytes() == b"the dossier handed in last week"
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


@pytest.mark.parametrize("write, name", [
    (lambda m, p, t: write_dossier(m, p, DossierOptions(pdfa=False), t), "ho-so.pdf"),
    (lambda m, p, t: write_docx(m, p, DossierOptions(), t), "ho-so.docx"),
])
def test_an_export_never_stopped_checks_as_it_goes_and_writes(model, tmp_path, write, name):
    token = _StopAt(10**9)
    write(model, tmp_path / name, token)
    assert token.checks > 3 and (tmp_path / name).stat().st_size > 10_000
