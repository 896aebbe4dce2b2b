"""Versions of one model file: init, commit, history in model terms, compare, restore."""

from __future__ import annotations

import pytest

from egov_modeler.i18n import set_language
from egov_modeler.model.commands import MoveNodeCommand, RenameElementCommand
from egov_modeler.repository.errors import RepositoryError
from egov_modeler.repository.store import ATTRIBUTE_LINE, Author, ModelRepository
from egov_modeler.repository.wording import change_lines, summary
from egov_modeler.storage import native
from tests.helpers.repository import (
    GIT,
    UNIT_A,
    UNIT_B,
    VIEW,
    edit_file,
    git,
    new_repository,
    small_model,
)

needs_git = pytest.mark.skipif(GIT is None, reason="the git program is not installed")


def two_added_one_renamed(model):
    model.add_element("ApplicationComponent", "Hệ thống quản lý văn bản", id="id-qlvb")
    model.add_element("ApplicationComponent", "Hệ thống thư điện tử", id="id-mail")
    model.execute(RenameElementCommand("id-lgsp", "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh"))


def test_init_commits_the_model_as_its_first_version(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        [first] = repo.history()
        assert (first.author, first.email) == (UNIT_A.name, UNIT_A.email)
        assert not repo.status().modified
        assert ATTRIBUTE_LINE in (repo.root / ".gitattributes").read_text(encoding="utf-8")
        config = (repo.root / ".git" / "config").read_text(encoding="utf-8")
        assert "repo merge-driver %O %A %B %P" in config


@needs_git
def test_command_line_git_sees_the_same_clean_repository(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        edit_file(repo, two_added_one_renamed)
        repo.commit("Thêm hệ thống quản lý văn bản")
    assert git(tmp_path / "a", "status", "--porcelain").stdout == ""
    log = git(tmp_path / "a", "log", "--format=%an|%s").stdout.splitlines()
    assert log == [f"{UNIT_A.name}|Thêm hệ thống quản lý văn bản",
                   f"{UNIT_A.name}|Phiên bản đầu tiên của mô hình"]
    git(tmp_path / "a", "fsck", "--strict")


def test_history_says_who_when_and_what_changed_in_model_terms(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        edit_file(repo, two_added_one_renamed)
        edit_file(repo, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 600, 90)))
        repo.commit("Cập nhật ứng dụng", UNIT_B)
        newest, first = repo.history()
        assert (newest.author, newest.message) == (UNIT_B.name, "Cập nhật ứng dụng")
        assert newest.when >= first.when
        set_language("en")
        assert summary(repo.changes_in(newest)) == (
            "2 elements added, 1 renamed; view ‘Sơ đồ tổng thể’ changed")
        set_language("vi")
        assert summary(repo.changes_in(newest)) == (
            "thêm 2 phần tử, đổi tên 1; sơ đồ ‘Sơ đồ tổng thể’ thay đổi")


def test_compare_any_two_versions_lists_the_changes_and_what_to_highlight(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        first = repo.history()[0].id
        edit_file(repo, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 600, 90)))
        repo.commit("Dời CSDL")
        edit_file(repo, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng DVC")))
        repo.commit("Đổi tên cổng")
        set_language("en")
        diff = repo.diff(first, "HEAD")
        assert change_lines(diff) == [
            "Renamed: Application Component ‘Cổng DVC’ (was ‘Cổng dịch vụ công’)",
            "Moved: ‘CSDL quốc gia về dân cư’ on view ‘Sơ đồ tổng thể’",
        ]
        assert set(diff.highlight(VIEW)) == {"id-n-portal", "id-n-db"}
        assert repo.diff("HEAD").is_empty  # the working file is the last version


def test_a_commit_needs_a_message_a_change_and_a_readable_model(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        head = repo.head()
        with pytest.raises(RepositoryError, match="Không có gì"):
            repo.commit("Không đổi gì")
        edit_file(repo, two_added_one_renamed)
        with pytest.raises(RepositoryError):
            repo.commit("   ")
        repo.model_file.write_text('{"format_version": 1, "elements": [', encoding="utf-8")
        with pytest.raises(native.NativeFileError):
            repo.commit("Tệp hỏng")
        assert repo.head() == head


def test_a_commit_needs_to_know_who_makes_it(tmp_path):
    path = tmp_path / "a" / "kien-truc.egov"
    path.parent.mkdir()
    native.save(small_model(), path)
    with pytest.raises(RepositoryError, match="Tên <thư điện tử>"):
        ModelRepository.init(path)
    assert not (tmp_path / "a" / ".git").exists()


def test_an_author_is_a_name_and_an_address():
    assert Author.parse("Nguyễn Văn An <an@gialai.gov.vn>") == Author("Nguyễn Văn An",
                                                                      "an@gialai.gov.vn")
    assert Author.parse("Nguyễn Văn An") == Author("Nguyễn Văn An", "")
    with pytest.raises(RepositoryError):
        Author.parse("<an@gialai.gov.vn>")


def test_restore_puts_an_earlier_version_back_and_keeps_the_history(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        first_bytes = repo.model_file.read_bytes()
        first = repo.history()[0]
        edit_file(repo, two_added_one_renamed)
        repo.commit("Thêm")
        restored = repo.restore(first.short)
        assert restored.id == first.id
        assert repo.model_file.read_bytes() == first_bytes
        assert repo.status().modified and len(repo.history()) == 2
        with pytest.raises(RepositoryError, match="abc123"):
            repo.restore("abc123")


def test_the_repository_of_a_file_is_found_from_the_file(tmp_path):
    new_repository(tmp_path / "a").close()
    with ModelRepository.open(tmp_path / "a" / "kien-truc.egov") as repo:
        assert repo.model_path == "kien-truc.egov"
    assert ModelRepository.discover(tmp_path / "elsewhere.egov") is None
