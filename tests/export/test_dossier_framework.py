"""The dossier says which framework the architecture follows: the model's own profile."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.storage.templates import load_template

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext")


def cover_text(path) -> str:
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
                         capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


@needs_poppler
def test_a_2025_model_names_the_national_digital_framework(tmp_path):
    path = tmp_path / "ho-so.pdf"
    write_dossier(load_template("provincial-2026"), path, DossierOptions(appendix=False))
    text = cover_text(path)
    assert "Khung kiến trúc:" in text and "3090/QĐ-BKHCN" in text
    assert "lưu để tra cứu" not in text


@needs_poppler
def test_a_2_0_model_says_its_framework_was_superseded(tmp_path):
    path = tmp_path / "ho-so.pdf"
    write_dossier(load_template("provincial-2020"), path,
                  DossierOptions(appendix=False, lang="en"))
    text = cover_text(path)
    assert "Framework: Vietnamese e-Government Architecture Framework" in text
    assert "superseded: kept as an archive" in text
