"""Characters the bundled font cannot draw are printed as stand-ins, never as blanks."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from egov_modeler.diagram.fonts import printable
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.model import Model
from tests.helpers import place


def test_an_arrow_becomes_a_stand_in_and_vietnamese_stays():
    assert printable("Hiện trạng → mục tiêu") == "Hiện trạng -> mục tiêu"
    assert printable("Sở Khoa học và Công nghệ – “Gia Lai”") == \
        "Sở Khoa học và Công nghệ – “Gia Lai”"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")
def test_the_dossier_prints_an_arrow_typed_in_a_name(tmp_path):
    model = Model("Lộ trình → 2030")
    view = model.add_view("Hiện trạng → mục tiêu")
    element = model.add_element("ApplicationComponent", "LGSP → LDOP")
    place(model, view.id, element.id, 40, 40)
    path = tmp_path / "ho-so.pdf"
    write_dossier(model, path, DossierOptions())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "LGSP -> LDOP" in text and "Hiện trạng -> mục tiêu" in text
