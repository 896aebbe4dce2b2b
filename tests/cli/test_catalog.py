"""``egov-modeler templates``, ``new --template``, ``catalog`` and the global ``--catalog``."""

from __future__ import annotations

import json

import pytest

import egov_modeler
from egov_modeler.cli import main
from egov_modeler.model.catalog import clear_user_catalogs


@pytest.fixture(autouse=True)
def _no_user_catalogs():
    clear_user_catalogs()
    yield
    clear_user_catalogs()


def test_templates_lists_each_template_with_its_profile(capsys):
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [
        "provincial-2026", "national-2025", "empty-2025", "provincial-2020", "national-2019",
        "empty"]
    assert "[vn-digital-2025]" in lines[0] and "Gia Lai" in lines[0]
    assert "[vn-egov-2.0, lưu trữ]" in lines[3]  # the 2.0 era's archives say so


def test_new_writes_a_clean_model_from_a_template(tmp_path, capsys):
    output = tmp_path / "gia-lai.egov"
    assert main(["new", "--template", "provincial", "-o", str(output)]) == 0
    assert str(output) in capsys.readouterr().out
    model = egov_modeler.load(output)
    assert model.name == "Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0"
    assert egov_modeler.validate(model) == []


def test_new_defaults_to_the_empty_template_of_the_current_framework(tmp_path):
    output = tmp_path / "moi.egov"
    assert main(["new", "-o", str(output)]) == 0
    model = egov_modeler.load(output)
    assert model.elements == [] and len(model.views) == 1
    assert dict(model.properties)["profile"] == "vn-digital-2025"


def test_new_does_not_overwrite_without_force(tmp_path, capsys):
    output = tmp_path / "co-san.egov"
    output.write_text("giữ nguyên", encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["new", "--template", "national", "-o", str(output)])
    assert caught.value.code == 2
    assert "--force" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "giữ nguyên"
    assert main(["new", "--template", "national", "-o", str(output), "--force"]) == 0
    assert egov_modeler.load(output).views


def test_new_refuses_an_unknown_template(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["new", "--template", "thu-do", "-o", str(tmp_path / "x.egov")])
    assert caught.value.code == 2
    assert "provincial-2026, national-2025, empty-2025" in capsys.readouterr().err
    assert not (tmp_path / "x.egov").exists()


def test_catalog_prints_the_palette_by_section_in_vietnamese(capsys):
    assert main(["catalog"]) == 0
    out = capsys.readouterr().out.splitlines()
    sections = [line[3:] for line in out if line.startswith("== ")]
    assert sections[0] == "Người sử dụng"
    assert sections[-1] == "Mô hình tham chiếu an toàn thông tin (SRM)"
    assert "  Cổng Dịch vụ công quốc gia" in out


def test_catalog_in_english_is_indented_by_hierarchy(capsys):
    assert main(["catalog", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "== Users" in out
    root = out.index("  Data Reference Model (root)")
    domain = out.index("    DRM001 Economic-sector data")
    leaf = out.index("      DRM001.001 Support to enterprises and economic sectors")
    assert root < domain < leaf


def _province_file(tmp_path, layer="nen_tang_tich_hop"):
    path = tmp_path / "gia-lai.json"
    path.write_text(json.dumps({
        "format": "egov-modeler-catalog", "format_version": 1,
        "components": [{
            "id": "gl_lgsp", "name_vi": "LGSP tỉnh Gia Lai", "name_en": "Gia Lai LGSP",
            "layer": layer, "archimate_type": "ApplicationComponent", "parent": "i_lgsp_tinh",
            "description_vi": "Nền tảng tích hợp của tỉnh Gia Lai.",
            "description_en": "Gia Lai's integration platform.", "inferred": False}],
    }, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_user_catalog_given_with_the_global_option_joins_the_palette(tmp_path, capsys):
    path = _province_file(tmp_path)
    assert main(["--catalog", str(path), "catalog", "--details"]) == 0
    out = capsys.readouterr().out.splitlines()
    section = out.index("== Nền tảng tích hợp, chia sẻ dữ liệu")
    row = next(i for i, line in enumerate(out) if "LGSP tỉnh Gia Lai" in line)
    assert section < row and "gia-lai.json" in out[row]
    assert out[row].startswith("    ")  # a child of the built-in provincial LGSP


def test_a_broken_user_catalog_stops_with_the_file_and_field(tmp_path, capsys):
    path = _province_file(tmp_path, layer="khong_co")
    with pytest.raises(SystemExit) as caught:
        main(["--catalog", str(path), "catalog"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "gia-lai.json" in err and "'layer'" in err and "khong_co" in err
