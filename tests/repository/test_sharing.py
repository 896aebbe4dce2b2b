"""Two units share a model through a shared folder or a USB stick: push, pull, clone,
bundles, and a merge with conflicts that waits for decisions or is abandoned."""

from __future__ import annotations

import pytest

from egov_modeler.model.commands import (
    DeleteElementCommand,
    MoveNodeCommand,
    RenameElementCommand,
)
from egov_modeler.repository import bundles, remote
from egov_modeler.repository.conflicts import OURS, THEIRS, ConflictKind
from egov_modeler.repository.errors import RepositoryError
from egov_modeler.repository.pull import PullState
from egov_modeler.storage import native
from tests.helpers.repository import (
    GIT,
    UNIT_A,
    UNIT_B,
    VIEW,
    edit_file,
    git,
    new_repository,
)

needs_git = pytest.mark.skipif(GIT is None, reason="the git program is not installed")


@pytest.fixture
def units(tmp_path):
    """Unit A's repository, pushed to a shared folder, and unit B's clone of it."""
    a = new_repository(tmp_path / "a")
    (tmp_path / "chung").mkdir()  # the shared drive
    remote.push(a, str(tmp_path / "chung" / "kien-truc.git"))
    b = remote.clone(str(tmp_path / "chung" / "kien-truc.git"), tmp_path / "b", UNIT_B)
    yield a, b
    a.close()
    b.close()


def rename(element_id, name):
    return lambda m: m.execute(RenameElementCommand(element_id, name))


def snapshot(repo):
    """What must not change when a merge is abandoned: file, branch, index."""
    return (repo.model_file.read_bytes(), repo.head(),
            (repo.root / ".git" / "index").read_bytes())


def test_a_clone_holds_the_same_model_and_history(units):
    a, b = units
    assert b.model_file.read_bytes() == a.model_file.read_bytes()
    assert [v.id for v in b.history()] == [v.id for v in a.history()]
    assert b.author() == UNIT_B
    status = b.status()
    assert (status.modified, status.ahead, status.behind) == (False, 0, 0)
    assert status.remote_url == a.remote_url()


def test_pull_brings_in_their_versions_when_only_they_changed(units):
    a, b = units
    edit_file(a, rename("id-portal", "Cổng DVC Gia Lai"))
    a.commit("Đổi tên cổng")
    assert a.status().ahead == 1
    remote.push(a)
    result = remote.pull(b)
    assert result.state is PullState.FAST_FORWARD
    assert native.load(b.model_file).element("id-portal").name == "Cổng DVC Gia Lai"
    assert b.head() == a.head() and not b.status().modified
    assert remote.pull(b).state is PullState.UP_TO_DATE


def test_divergent_edits_merge_into_a_version_with_both_parents(units):
    a, b = units
    edit_file(a, rename("id-portal", "Cổng DVC Gia Lai"))
    a.commit("A: đổi tên cổng")
    remote.push(a)
    edit_file(b, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 640, 100)))
    b.commit("B: dời CSDL")
    with pytest.raises(RepositoryError, match="nhận về trước"):
        remote.push(b)
    result = remote.pull(b)
    assert result.state is PullState.MERGED
    assert result.version is not None and len(result.version.parents) == 2
    merged = native.load(b.model_file)
    assert merged.element("id-portal").name == "Cổng DVC Gia Lai"
    assert merged.node(VIEW, "id-n-db").x == 640
    assert not b.status().modified
    remote.push(b)
    assert remote.pull(a).state is PullState.FAST_FORWARD
    assert a.model_file.read_bytes() == b.model_file.read_bytes()


@needs_git
def test_command_line_git_finds_the_merged_repository_sound(units, tmp_path):
    a, b = units
    edit_file(a, rename("id-portal", "Cổng A"))
    a.commit("A")
    remote.push(a)
    edit_file(b, rename("id-lgsp", "LGSP B"))
    b.commit("B")
    remote.pull(b)
    git(tmp_path / "b", "fsck", "--strict")
    assert git(tmp_path / "b", "status", "--porcelain").stdout == ""
    assert git(tmp_path / "b", "log", "--format=%p", "-1").stdout.count(" ") == 1


def test_pull_refuses_while_the_model_has_uncommitted_changes(units):
    a, b = units
    edit_file(a, rename("id-portal", "Cổng A"))
    a.commit("A")
    remote.push(a)
    edit_file(b, rename("id-lgsp", "chưa ghi"))
    before = snapshot(b)
    with pytest.raises(RepositoryError, match="chưa được ghi phiên bản"):
        remote.pull(b)
    assert snapshot(b) == before


def conflicting_edits(a, b):
    edit_file(a, rename("id-portal", "Cổng A"))
    a.commit("A: đổi tên cổng")
    remote.push(a)
    edit_file(b, rename("id-portal", "Cổng B"))
    b.commit("B: đổi tên cổng")


def test_conflicts_wait_for_a_decision_and_abandoning_changes_nothing(units):
    a, b = units
    conflicting_edits(a, b)
    before = snapshot(b)
    result = remote.pull(b)
    assert result.state is PullState.CONFLICTS and result.pending is not None
    [(conflict, text)] = result.pending.texts()
    assert conflict.kind is ConflictKind.BOTH_CHANGED
    assert (text.ours, text.theirs) == ("‘Cổng B’", "‘Cổng A’")
    assert snapshot(b) == before  # nothing is written while the user decides
    result.pending.abandon()
    assert snapshot(b) == before
    assert b.status().behind == 1  # their version is known, not taken
    with pytest.raises(RepositoryError):
        result.pending.complete({conflict.id: OURS})


def test_a_decided_merge_is_committed_and_shared(units):
    a, b = units
    conflicting_edits(a, b)
    pending = remote.pull(b).pending
    assert pending is not None
    done = pending.complete({pending.conflicts[0].id: THEIRS})
    assert done.state is PullState.MERGED
    assert native.load(b.model_file).element("id-portal").name == "Cổng A"
    remote.push(b)
    remote.pull(a)
    assert a.model_file.read_bytes() == b.model_file.read_bytes()


def test_a_merge_decided_after_the_file_changed_is_refused(units):
    a, b = units
    conflicting_edits(a, b)
    pending = remote.pull(b).pending
    assert pending is not None
    edit_file(b, rename("id-db", "sửa trong lúc quyết định"))
    edited = b.model_file.read_bytes()
    with pytest.raises(RepositoryError, match="nhận về lại"):
        pending.complete({pending.conflicts[0].id: OURS})
    assert b.model_file.read_bytes() == edited


def test_a_bundle_carries_the_versions_on_a_usb_stick(units, tmp_path):
    a, b = units
    edit_file(a, rename("id-portal", "Cổng A"))
    a.commit("A")
    stick = tmp_path / "usb" / "kien-truc.bundle"
    stick.parent.mkdir()
    assert bundles.write_model_bundle(a, stick) == 2
    edit_file(b, lambda m: m.execute(DeleteElementCommand("id-onestop")))
    b.commit("B: bỏ hệ thống một cửa cũ")
    result = bundles.pull_bundle(b, stick)
    assert result.state is PullState.MERGED
    merged = native.load(b.model_file)
    assert merged.element("id-portal").name == "Cổng A"
    assert not merged.has_element("id-onestop")
    c = bundles.clone_bundle(stick, tmp_path / "c", UNIT_A)
    with c:
        assert native.load(c.model_file).element("id-portal").name == "Cổng A"
        assert len(c.history()) == 2 and not c.status().modified


@needs_git
def test_git_reads_the_bundles_the_program_writes(units, tmp_path):
    a, _b = units
    stick = tmp_path / "kien-truc.bundle"
    bundles.write_model_bundle(a, stick)
    git(tmp_path / "a", "bundle", "verify", str(stick))
    git(tmp_path, "clone", "-q", str(stick), "from-git")
    assert (tmp_path / "from-git" / "kien-truc.egov").read_bytes() == a.model_file.read_bytes()


def test_a_file_that_is_not_a_bundle_is_refused_and_nothing_changes(units, tmp_path):
    _a, b = units
    fake = tmp_path / "not.bundle"
    fake.write_bytes(b"PK\x03\x04 a zip, not a bundle")
    before = snapshot(b)
    with pytest.raises(RepositoryError, match="không phải tệp gói git"):
        bundles.pull_bundle(b, fake)
    assert snapshot(b) == before


def test_two_separate_repositories_are_not_merged(tmp_path):
    with new_repository(tmp_path / "a") as a, new_repository(tmp_path / "x", author=UNIT_B) as x:
        edit_file(x, rename("id-portal", "khác"))
        x.commit("X")
        with pytest.raises(RepositoryError, match="không có phiên bản chung"):
            remote.pull(a, str(x.root))


def test_a_missing_shared_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(RepositoryError, match="Không sao chép được"):
        remote.clone(str(tmp_path / "khong-co.git"), tmp_path / "b", UNIT_B)
    assert not (tmp_path / "b").exists()
    with new_repository(tmp_path / "a") as a, pytest.raises(RepositoryError,
                                                            match="ổ dùng chung"):
        remote.push(a, str(tmp_path / "o-chua-cam" / "kien-truc.git"))
