"""``egov-modeler repo …``: two units working from the command line."""

from __future__ import annotations

import pytest

from egov_modeler.cli import main
from egov_modeler.model.commands import RenameElementCommand
from egov_modeler.storage import native
from tests.helpers.repository import small_model

A = "Sở Khoa học và Công nghệ <skhcn@gialai.gov.vn>"
B = "Trung tâm dữ liệu <ttdl@gialai.gov.vn>"


def rename(path, element_id, name):
    model = native.load(path)
    model.execute(RenameElementCommand(element_id, name))
    native.save(model, path)


@pytest.fixture
def unit_a(tmp_path, capsys):
    path = tmp_path / "a" / "kien-truc.egov"
    path.parent.mkdir()
    native.save(small_model(), path)
    assert main(["repo", "init", str(path), "--author", A]) == 0
    assert "Kho mô hình đã sẵn sàng" in capsys.readouterr().out
    return path


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_commit_log_diff_and_restore(unit_a, capsys, monkeypatch):
    monkeypatch.chdir(unit_a.parent)  # the model is found from the current folder
    code, out, _ = run(capsys, "repo", "status")
    assert code == 0 and "Mô hình giống phiên bản gần nhất" in out
    rename(unit_a, "id-portal", "Cổng DVC Gia Lai")
    code, out, _ = run(capsys, "repo", "status")
    assert "Mô hình có thay đổi chưa được ghi phiên bản" in out
    code, out, _ = run(capsys, "repo", "commit", "-m", "Đổi tên cổng")
    assert code == 0 and "Đã ghi phiên bản" in out and "đổi tên 1 phần tử" in out
    code, out, _ = run(capsys, "repo", "log")
    assert code == 0
    assert out.count("Sở Khoa học và Công nghệ") == 2 and "Đổi tên cổng" in out
    code, out, _ = run(capsys, "repo", "diff", "HEAD~1", "HEAD")
    assert "Đã đổi tên: Thành phần ứng dụng ‘Cổng DVC Gia Lai’ (trước là ‘Cổng dịch vụ công’)" \
        in out
    code, out, _ = run(capsys, "repo", "restore", "HEAD~1")
    assert code == 0
    assert native.load(unit_a).element("id-portal").name == "Cổng dịch vụ công"


def test_two_units_share_through_a_folder_and_decide_a_conflict(unit_a, tmp_path, capsys):
    shared = tmp_path / "chung" / "kien-truc.git"
    shared.parent.mkdir()
    assert run(capsys, "repo", "push", "-f", str(unit_a), str(shared))[0] == 0
    code, out, _ = run(capsys, "repo", "clone", str(shared), str(tmp_path / "b"),
                       "--author", B)
    assert code == 0
    copy_b = tmp_path / "b" / "kien-truc.egov"
    rename(unit_a, "id-portal", "Cổng A")
    run(capsys, "repo", "commit", "-f", str(unit_a), "-m", "A")
    assert run(capsys, "repo", "push", "-f", str(unit_a))[0] == 0
    rename(copy_b, "id-portal", "Cổng B")
    run(capsys, "repo", "commit", "-f", str(copy_b), "-m", "B")
    before = copy_b.read_bytes()

    code, out, err = run(capsys, "repo", "pull", "-f", str(copy_b))
    assert code == 1
    assert "1 xung đột" in out and "của bạn: ‘Cổng B’" in out and "của bên kia: ‘Cổng A’" in out
    assert "Chưa có gì bị thay đổi" in err
    assert copy_b.read_bytes() == before

    code, out, _ = run(capsys, "repo", "pull", "-f", str(copy_b), "--decide", "1=theirs")
    assert code == 0 and "Đã hợp nhất" in out
    assert native.load(copy_b).element("id-portal").name == "Cổng A"
    assert run(capsys, "repo", "push", "-f", str(copy_b))[0] == 0
    code, out, _ = run(capsys, "repo", "pull", "-f", str(unit_a))
    assert code == 0 and "Đã nhận các phiên bản" in out


def test_a_usb_stick_bundle_from_the_command_line(unit_a, tmp_path, capsys):
    stick = tmp_path / "usb.bundle"
    code, out, _ = run(capsys, "repo", "bundle", "create", "-f", str(unit_a), str(stick))
    assert code == 0 and "1 phiên bản" in out
    code, _, _ = run(capsys, "repo", "clone", str(stick), str(tmp_path / "c"), "--author", B)
    assert code == 0
    copy_c = tmp_path / "c" / "kien-truc.egov"
    rename(copy_c, "id-lgsp", "LGSP C")
    run(capsys, "repo", "commit", "-f", str(copy_c), "-m", "C")
    back = tmp_path / "back.bundle"
    run(capsys, "repo", "bundle", "create", "-f", str(copy_c), str(back))
    code, out, _ = run(capsys, "repo", "bundle", "pull", "-f", str(unit_a), str(back))
    assert code == 0
    assert native.load(unit_a).element("id-lgsp").name == "LGSP C"


def test_the_merge_driver_from_the_command_line(tmp_path, capsys):
    files = []
    for name, new_name in (("base", None), ("ours", "Cổng A"), ("theirs", "Cổng B")):
        model = small_model()
        model.id = "id-model"
        if new_name:
            model.execute(RenameElementCommand("id-portal", new_name))
        path = tmp_path / f"{name}.egov"
        native.save(model, path)
        files.append(str(path))
    code, _, err = run(capsys, "repo", "merge-driver", *files, "kien-truc.egov")
    assert code == 1
    assert "‘Cổng A’" in err and "‘Cổng B’" in err and "git add" in err


def test_outside_a_repository_the_message_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "repo", "log")
    assert code == 2 and "--file" in err
    code, _, err = run(capsys, "repo", "commit", "-f", str(tmp_path / "x.egov"), "-m", "x")
    assert code == 2 and "repo init" in err
