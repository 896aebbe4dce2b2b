"""Signing a dossier: the approval boxes' fields, a valid signature by poppler's and by
pyHanko's checks, the file still PDF/A-2b, clear refusals."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from egov_modeler.cli import main as cli_main
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.export.sign import (
    SIGNATURE_ROLES,
    SignatureError,
    SignOptions,
    sign_dossier,
    signature_fields_of,
)
from egov_modeler.storage.native import save
from egov_modeler.storage.templates import load_template
from tests.helpers.certs import make_certificate
from tests.helpers.pdfa import pdfa_violations

needs_pdfsig = pytest.mark.skipif(not shutil.which("pdfsig"),
                                  reason="pdfsig (poppler-utils) not installed")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_certificate(tmp_path_factory.mktemp("cert"))


@pytest.fixture
def dossier(tmp_path):
    out = tmp_path / "dossier.pdf"
    write_dossier(load_template("provincial"), out, DossierOptions(lang="vi", appendix=False))
    return out


def _pyhanko_status(path, certificate):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(certificate.ca_pem))])
    with open(path, "rb") as handle:
        reader = PdfFileReader(handle)
        return [(sig.field_name, validate_pdf_signature(sig, context))
                for sig in reader.embedded_signatures]


def _pdfsig(path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_the_dossier_has_an_empty_signature_field_per_approval_box(dossier):
    assert SIGNATURE_ROLES == ("preparer", "checker", "approver")
    assert signature_fields_of(dossier) == {role: False for role in SIGNATURE_ROLES}


def test_no_signature_fields_in_a_plain_pdf(tmp_path):
    out = tmp_path / "plain.pdf"
    write_dossier(load_template("provincial"), out,
                  DossierOptions(pdfa=False, signature_fields=False, appendix=False))
    assert signature_fields_of(out) == {}


@needs_pdfsig
def test_sign_from_the_command_line_is_valid_and_stays_pdfa(dossier, certificate, tmp_path,
                                                            capsys):
    password = tmp_path / "password.txt"
    password.write_text(certificate.password.decode() + "\n", encoding="utf-8")
    signed = tmp_path / "signed.pdf"
    code = cli_main(["--lang", "vi", "sign", str(dossier), "--field", "approver",
                     "--p12", str(certificate.p12), "--password-file", str(password),
                     "-o", str(signed)])
    assert code == 0
    assert "Nguyễn Văn Phê Duyệt" in capsys.readouterr().out
    assert signature_fields_of(signed) == {"preparer": False, "checker": False,
                                           "approver": True}
    report = _pdfsig(signed)
    assert "Signature is Valid." in report
    assert "Nguyễn Văn Phê Duyệt" in report and "Total document signed" in report
    [(field, status)] = _pyhanko_status(signed, certificate)
    assert field == "approver"
    assert status.intact and status.valid and status.trusted
    assert pdfa_violations(signed) == []
    # the original was left as it was
    assert signature_fields_of(dossier)["approver"] is False


@needs_pdfsig
def test_a_second_signature_keeps_the_first_valid(dossier, certificate, tmp_path):
    once = tmp_path / "once.pdf"
    twice = tmp_path / "twice.pdf"
    sign_dossier(dossier, once, certificate.p12, certificate.password,
                 SignOptions(field="preparer"))
    sign_dossier(once, twice, certificate.p12, certificate.password,
                 SignOptions(field="approver", lang="en"))
    statuses = dict(_pyhanko_status(twice, certificate))
    assert set(statuses) == {"preparer", "approver"}
    assert all(s.intact and s.valid for s in statuses.values())
    assert _pdfsig(twice).count("Signature is Valid.") == 2
    assert pdfa_violations(twice) == []


def test_the_stamp_is_written_in_vietnamese_with_the_bundled_font(dossier, certificate,
                                                                  tmp_path):
    import pdfplumber

    signed = tmp_path / "signed.pdf"
    sign_dossier(dossier, signed, certificate.p12, certificate.password,
                 SignOptions(field="checker", lang="vi"))
    with pdfplumber.open(signed) as pdf:
        page = pdf.pages[1]  # the first diagram page carries the fields
        annots = [a for a in page.annots if a.get("data", {}).get("T") in (b"checker",
                                                                          "checker")]
        assert annots
    import pikepdf

    with pikepdf.open(signed) as pdf:
        widget = next(a for a in pdf.pages[1].Annots if str(a.get("/T")) == "checker")
        appearance = widget.AP.N
        fonts = []

        def collect(xobject):
            resources = xobject.get("/Resources") or {}
            for _, font in (resources.get("/Font") or {}).items():
                fonts.append(str(font.get("/BaseFont")))
            for _, inner in (resources.get("/XObject") or {}).items():
                collect(inner)

        collect(appearance)
    assert fonts and all("BeVietnamPro" in f for f in fonts), fonts
    text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(signed), "-"],
                          capture_output=True, text=True).stdout if shutil.which(
        "pdftotext") else ""
    if text:
        assert "Ký số bởi" in text and "Người kiểm tra" in text


def test_refusals_are_clear(dossier, certificate, tmp_path):
    with pytest.raises(SignatureError, match="sai mật khẩu|wrong password"):
        sign_dossier(dossier, tmp_path / "x.pdf", certificate.p12, b"wrong")
    with pytest.raises(SignatureError, match="approver"):
        sign_dossier(dossier, tmp_path / "x.pdf", certificate.p12, certificate.password,
                     SignOptions(field="mayor"))
    signed = tmp_path / "signed.pdf"
    sign_dossier(dossier, signed, certificate.p12, certificate.password)
    with pytest.raises(SignatureError, match="approver"):
        sign_dossier(signed, tmp_path / "again.pdf", certificate.p12, certificate.password)
    not_pdf = tmp_path / "model.egov"
    save(load_template("empty"), not_pdf)
    with pytest.raises(SignatureError):
        sign_dossier(not_pdf, tmp_path / "y.pdf", certificate.p12, certificate.password)
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "y.pdf").exists()


def test_cli_reports_a_wrong_password_without_a_traceback(dossier, certificate, tmp_path,
                                                         capsys):
    password = tmp_path / "bad.txt"
    password.write_text("wrong\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["--lang", "vi", "sign", str(dossier), "--p12", str(certificate.p12),
                  "--password-file", str(password)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "sai mật khẩu" in err and "Traceback" not in err
