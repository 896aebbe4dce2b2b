"""The dossier's validation appendix lists an accepted warning as accepted, with the
architect's reason, and says how many are (read back with poppler's pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from tests.exchange.test_accepted_warnings import accepted_model

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"),
                                reason="poppler-utils (pdftotext) not installed")


def test_the_appendix_lists_accepted_warnings_with_their_reason(tmp_path):
    model = accepted_model()
    model.add_element("ApplicationComponent", "Hệ thống chưa vẽ", id="id-open")  # not accepted
    out = tmp_path / "dossier.pdf"
    write_dossier(model, out, DossierOptions(cover=False, pdfa=False, signature_fields=False))
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout
    text = re.sub(r"\s+", " ", text)
    assert "0 lỗi, 3 cảnh báo" in text
    assert "2 cảnh báo trong số đó đã được chấp nhận" in text
    assert text.count("Cảnh báo đã chấp nhận") == 2
    assert "Lý do chấp nhận: Hai cổng của hai huyện" in text
    assert "Hệ thống chưa vẽ" in text  # the open warning is still listed as a warning
