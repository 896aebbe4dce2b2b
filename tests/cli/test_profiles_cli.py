"""``egov-modeler profiles``, ``new --profile --template``, ``migrate``, ``validate --verbose``,
``catalog --profile`` and the global ``--profile FILE``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import egov_modeler
from egov_modeler.cli import main
from egov_modeler.model.catalog import clear_user_catalogs


@pytest.fixture(autouse=True)
def _no_user_files():
    clear_user_catalogs()
    yield
    clear_user_catalogs()


def test_profiles_lists_both_built_in_profiles_with_status_and_sources(capsys):
    assert main(["profiles", "--details"]) == 0
    out = capsys.readouterr().out
    assert "vn-egov-2.0  2.0.1  đã được thay thế" in out
    assert "vn-digital-2025" in out and "hiện hành" in out
    assert "QĐ 3090/QĐ-BKHCN  2025-10-08" in out
    assert ("QĐ 1425/QĐ-TTg  2026-07-29  Khung kiến trúc tổng thể quốc gia số, phiên bản 1.0"
            "  (suy luận)") in out  # reported by secondary sources only


def test_new_with_profile_and_template(tmp_path, capsys):
    output = tmp_path / "gia-lai-2026.egov"
    assert main(["new", "--profile", "vn-digital-2025", "--template", "provincial-2026",
                 "-o", str(output)]) == 0
    model = egov_modeler.load(output)
    assert model.name == "Khung kiến trúc số tỉnh Gia Lai"
    assert dict(model.properties)["profile"] == "vn-digital-2025"
    assert egov_modeler.validate(model) == []


def test_new_refuses_a_template_of_another_profile(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["new", "--profile", "vn-digital-2025", "--template", "provincial-2020",
              "-o", str(tmp_path / "x.egov")])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "vn-egov-2.0" in err and "provincial-2026, national-2025, empty-2025" in err
    assert not (tmp_path / "x.egov").exists()


def test_new_with_only_a_profile_takes_its_empty_template(tmp_path):
    output = tmp_path / "x.egov"
    assert main(["new", "--profile", "vn-egov-2.0", "-o", str(output)]) == 0
    model = egov_modeler.load(output)
    assert dict(model.properties)["profile"] == "vn-egov-2.0" and model.elements == []
    assert {n.layer for n in model.views[0].nodes.values()} >= {"nguoi_su_dung",
                                                               "an_toan_thong_tin"}


def test_migrate_writes_the_new_file_and_reports_every_change(tmp_path, capsys):
    old, new, report = tmp_path / "cu.egov", tmp_path / "moi.egov", tmp_path / "bao-cao.md"
    assert main(["new", "--template", "provincial", "-o", str(old)]) == 0
    before = old.read_bytes()
    assert main(["migrate", str(old), "--to", "vn-digital-2025", "-o", str(new),
                 "--date", "2026-01-15", "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert old.read_bytes() == before  # the 2.0 file is left as it was
    model = egov_modeler.load(new)
    properties = dict(model.properties)
    assert properties["profile"] == "vn-digital-2025"
    assert properties["architecture_date"] == "2026-01-15"
    assert properties["dossier:prepared_by"] == "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    assert "Bộ phận Một cửa cấp huyện" in out and "Cần quyết định" in out
    assert report.read_text(encoding="utf-8") in out
    assert "mục cần quyết định" in out


def test_migrate_without_to_takes_the_successor(tmp_path, capsys):
    old, new = tmp_path / "cu.egov", tmp_path / "moi.egov"
    main(["new", "--template", "national", "-o", str(old)])
    assert main(["migrate", str(old), "-o", str(new)]) == 0
    assert dict(egov_modeler.load(new).properties)["profile"] == "vn-digital-2025"


def test_migrate_refuses_a_model_already_under_the_profile(tmp_path, capsys):
    old = tmp_path / "moi.egov"
    main(["new", "--template", "provincial-2026", "-o", str(old)])
    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(["migrate", str(old), "--to", "vn-digital-2025", "-o", str(tmp_path / "y.egov")])
    assert caught.value.code == 2
    assert "vn-digital-2025" in capsys.readouterr().err
    assert not (tmp_path / "y.egov").exists()


def test_validate_verbose_names_the_profile_the_date_and_the_rules_not_in_force(tmp_path,
                                                                               capsys):
    old = tmp_path / "cu.egov"
    main(["new", "--template", "provincial", "-o", str(old)])
    capsys.readouterr()
    assert main(["validate", "--verbose", str(old)]) == 0
    err = capsys.readouterr().err
    assert "vn-egov-2.0 2.0.1" in err and "hết hiệu lực từ 29/12/2023" in err
    assert "2023-12-28" in err  # an undated 2.0 model: as the 2.0 world was


def _profile_file(tmp_path: Path) -> Path:
    """A province's own profile extending the 2025 one with its LGSP."""
    data = {
        "format": "egov-modeler-catalog", "format_version": 1, "id": "gia-lai-kts",
        "profile": {"id": "gia-lai-kts", "version": "0.1",
                    "title_vi": "Khung kiến trúc số tỉnh Gia Lai",
                    "title_en": "Gia Lai digital architecture framework", "status": "draft",
                    "decisions": [{"number": "QĐ 3388/QĐ-UBND", "date": "2025-12-31",
                                   "role": "framework", "sources": [], "inferred": False}],
                    "valid_from": "2025-12-31", "valid_until": None,
                    "extends": "vn-digital-2025"},
        "components": [{"id": "gl_ldop", "name_vi": "LGSP/LDOP Gia Lai", "name_en": "Gia Lai LDOP",
                        "layer": "l2_du_lieu_nen_tang", "archimate_type": "ApplicationComponent",
                        "parent": "l2_ldop_tinh", "description_vi": "Nền tảng của tỉnh.",
                        "description_en": "The province's platform.", "sources": [],
                        "inferred": False, "scope": "tỉnh"}],
    }
    path = tmp_path / "gia-lai-kts.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_profile_file_given_globally_joins_the_profiles_and_the_catalog(tmp_path, capsys):
    path = _profile_file(tmp_path)
    assert main(["--profile", str(path), "profiles"]) == 0
    assert "gia-lai-kts  0.1  dự thảo  Khung kiến trúc số tỉnh Gia Lai" in capsys.readouterr().out
    clear_user_catalogs()
    assert main(["--profile", str(path), "catalog", "--profile", "gia-lai-kts"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out.index("  Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP/LDOP)") < out.index(
        "    LGSP/LDOP Gia Lai")


def test_new_model_of_a_users_profile_from_the_template_it_extends(tmp_path):
    path, output = _profile_file(tmp_path), tmp_path / "gl.egov"
    assert main(["--profile", str(path), "new", "--profile", "gia-lai-kts", "--template",
                 "provincial-2026", "-o", str(output)]) == 0
    model = egov_modeler.load(output)
    assert dict(model.properties)["profile"] == "gia-lai-kts"
    assert egov_modeler.validate(model) == []  # judged by the user's profile, which has it


def test_a_broken_profile_file_is_refused_with_the_field(tmp_path, capsys):
    path = tmp_path / "hong.json"
    data = json.loads(_profile_file(tmp_path).read_text(encoding="utf-8"))
    data["profile"]["status"] = "cũ"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["--profile", str(path), "profiles"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("hong.json") and "'status'" in err


def test_the_exchange_xml_of_a_2025_model_names_its_layer_folders(tmp_path):
    model_file, xml = tmp_path / "gl.egov", tmp_path / "gl.xml"
    main(["new", "--template", "provincial-2026", "-o", str(model_file)])
    assert main(["export", str(model_file), "--format", "archimate", "-o", str(xml)]) == 0
    text = xml.read_text(encoding="utf-8")
    assert "Dữ liệu và nền tảng cốt lõi" in text  # the folder's name, not the layer id
    assert egov_modeler.load(model_file).elements  # and it still reads back
