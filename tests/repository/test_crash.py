"""A merge interrupted by a crash leaves the repository and the model file intact.

A separate Python process pulls (a merge without conflicts) and is killed with SIGKILL at
one of the steps: while merging, once the merge commit is stored, once the journal is
written, once the model file is written, once the branch has moved, in the middle of
writing the model file. Reopening the repository then finds the file and the branch in
agreement (the old version or the merged one, never a mix or half a file), git finds the
repository sound, and pulling again ends with both units' edits. An exception instead of a
crash puts the old file back.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import pytest

from egov_modeler.model.commands import MoveNodeCommand, RenameElementCommand
from egov_modeler.repository import remote
from egov_modeler.repository.pull import PullState
from egov_modeler.repository.store import ModelRepository
from egov_modeler.storage import native
from tests.helpers.repository import GIT, UNIT_B, VIEW, edit_file, git, new_repository

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

CRASHING_PULL = textwrap.dedent("""
    import os, signal, sys
    from dulwich.refs import DiskRefsContainer
    from egov_modeler.repository import remote, three_way
    from egov_modeler.repository.store import ModelRepository

    model_file, point = sys.argv[1], sys.argv[2]

    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    if point == "merging":
        three_way.ModelMerge.result = die
    elif point == "commit-stored":
        ModelRepository.move_head = die
    elif point == "journal-written":
        ModelRepository._write_paths = die
    elif point == "file-written":
        DiskRefsContainer.set_if_equals = die
    elif point == "branch-moved":
        ModelRepository.stage = die
    elif point == "writing-the-file":
        real_replace = os.replace
        def replace(source, target):
            if str(target).endswith("kien-truc.egov"):
                die()
            real_replace(source, target)
        os.replace = replace
    with ModelRepository.open(model_file) as repo:
        remote.pull(repo)
    print("not killed")
""")

POINTS = ("merging", "commit-stored", "journal-written", "file-written", "branch-moved",
          "writing-the-file")


@pytest.fixture
def diverged(tmp_path):
    """Unit B with a committed edit, unit A's different edit in the shared folder."""
    (tmp_path / "chung").mkdir()
    with new_repository(tmp_path / "a") as a:
        remote.push(a, str(tmp_path / "chung" / "kien-truc.git"))
        b = remote.clone(str(tmp_path / "chung" / "kien-truc.git"), tmp_path / "b", UNIT_B)
        edit_file(a, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng DVC tỉnh")))
        a.commit("A: đổi tên cổng")
        remote.push(a)
    edit_file(b, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 640, 100)))
    b.commit("B: dời CSDL")
    old_head = b.head()
    b.close()
    return tmp_path / "b" / "kien-truc.egov", old_head


def assert_whole(model_file, old_head) -> bytes:
    """The repository reopened: file and branch agree, git finds it sound."""
    with ModelRepository.open(model_file) as repo:
        head = repo.head()
        assert head == old_head or repo.commit_object(head).parents[0] == old_head
        assert not repo.status().modified  # the file is exactly the branch's version
        assert native.load(model_file).load_report == []
        assert not (repo.root / ".git" / "egov-modeler-update.json").exists()
        if GIT is not None:
            git(repo.root, "fsck", "--strict")
            assert git(repo.root, "status", "--porcelain").stdout == ""
        return head


@pytest.mark.parametrize("point", POINTS)
def test_a_pull_killed_at_any_step_leaves_the_repository_and_file_whole(diverged, point):
    model_file, old_head = diverged
    crashed = subprocess.run([sys.executable, "-c", CRASHING_PULL, str(model_file), point],
                             capture_output=True, text=True, timeout=120)
    assert crashed.returncode == -signal.SIGKILL, crashed.stdout + crashed.stderr
    assert_whole(model_file, old_head)
    with ModelRepository.open(model_file) as repo:
        state = remote.pull(repo).state
        assert state in (PullState.MERGED, PullState.UP_TO_DATE)
    model = native.load(model_file)
    assert model.element("id-portal").name == "Cổng DVC tỉnh"
    assert model.node(VIEW, "id-n-db").x == 640


def test_an_error_before_the_branch_moves_puts_the_old_file_back(diverged, monkeypatch):
    model_file, old_head = diverged
    before = model_file.read_bytes()
    from dulwich.refs import DiskRefsContainer

    def refuse(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(DiskRefsContainer, "set_if_equals", refuse)
    with ModelRepository.open(model_file) as repo, pytest.raises(OSError, match="disk full"):
        remote.pull(repo)
    monkeypatch.undo()
    assert model_file.read_bytes() == before
    assert assert_whole(model_file, old_head) == old_head


def test_a_damaged_journal_is_dropped_without_touching_anything(diverged):
    model_file, old_head = diverged
    journal = model_file.parent / ".git" / "egov-modeler-update.json"
    journal.write_text("{not json", encoding="utf-8")
    before = model_file.read_bytes()
    assert assert_whole(model_file, old_head) == old_head
    assert model_file.read_bytes() == before


def test_the_journal_of_a_vanished_version_is_dropped(diverged):
    model_file, old_head = diverged
    journal = model_file.parent / ".git" / "egov-modeler-update.json"
    journal.write_text(json.dumps({"old": old_head.decode(), "new": "0" * 40,
                                   "paths": ["kien-truc.egov"]}), encoding="utf-8")
    assert assert_whole(model_file, old_head) == old_head
