"""Command-line git merges ``.egov`` files with the model merge (the merge driver)."""

from __future__ import annotations

import pytest

from egov_modeler.model import serialization as ser
from egov_modeler.model.commands import DeleteElementCommand, RenameElementCommand
from egov_modeler.repository.errors import RepositoryError
from egov_modeler.repository.merge_driver import merge_files
from egov_modeler.storage import native
from tests.helpers.repository import (
    GIT,
    copy_model,
    edit_file,
    git,
    new_repository,
    small_model,
)

needs_git = pytest.mark.skipif(GIT is None, reason="the git program is not installed")


def three_files(tmp_path, ours_edit, theirs_edit):
    base = small_model()
    ours, theirs = copy_model(base), copy_model(base)
    ours_edit(ours)
    theirs_edit(theirs)
    paths = []
    for name, model in (("base", base), ("ours", ours), ("theirs", theirs)):
        path = tmp_path / f"{name}.egov"
        native.save(model, path)
        paths.append(path)
    return paths


def test_the_driver_writes_the_merge_over_ours(tmp_path):
    base, ours, theirs = three_files(
        tmp_path, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")),
        lambda m: m.execute(DeleteElementCommand("id-onestop")))
    outcome = merge_files(base, ours, theirs, "kien-truc.egov")
    assert outcome.exit_code == 0 and outcome.conflicts == []
    merged = native.load(ours)
    assert merged.element("id-portal").name == "Cổng A"
    assert not merged.has_element("id-onestop")


def test_with_conflicts_the_driver_writes_the_proposals_and_says_so(tmp_path):
    base, ours, theirs = three_files(
        tmp_path, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")),
        lambda m: m.execute(RenameElementCommand("id-portal", "Cổng B")))
    outcome = merge_files(base, ours, theirs)
    assert outcome.exit_code == 1
    [(_conflict, text)] = outcome.conflicts
    assert (text.ours, text.theirs) == ("‘Cổng A’", "‘Cổng B’")
    assert native.load(ours).element("id-portal").name == "Cổng A"


def test_a_broken_side_is_refused_and_ours_is_left_alone(tmp_path):
    base, ours, theirs = three_files(tmp_path, lambda m: None, lambda m: None)
    theirs.write_text("<<<<<<< not a model", encoding="utf-8")
    before = ours.read_bytes()
    with pytest.raises(RepositoryError):
        merge_files(base, ours, theirs)
    assert ours.read_bytes() == before


def test_an_empty_ancestor_means_both_sides_added_the_file(tmp_path):
    base, ours, theirs = three_files(tmp_path, lambda m: None, lambda m: None)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    outcome = merge_files(empty, ours, theirs)
    assert outcome.exit_code == 0  # the same model added on both sides
    assert ser.model_to_dict(native.load(ours)) == ser.model_to_dict(native.load(base))


def branches(tmp_path, master_edit, other_edit):
    """A model repository with two git branches edited differently."""
    repo = new_repository(tmp_path / "a")
    folder = repo.root
    git(folder, "checkout", "-q", "-b", "other")
    edit_file(repo, other_edit)
    git(folder, "commit", "-qam", "other")
    git(folder, "checkout", "-q", "master")
    edit_file(repo, master_edit)
    git(folder, "commit", "-qam", "master")
    repo.close()
    return folder


@needs_git
def test_git_merge_combines_edits_the_line_merge_would_garble(tmp_path):
    folder = branches(
        tmp_path, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")),
        lambda m: m.execute(RenameElementCommand("id-lgsp", "LGSP B")))
    done = git(folder, "merge", "-q", "--no-edit", "other", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    merged = native.load(folder / "kien-truc.egov")
    assert merged.load_report == []
    assert (merged.element("id-portal").name, merged.element("id-lgsp").name) == (
        "Cổng A", "LGSP B")
    assert git(folder, "status", "--porcelain").stdout == ""


@needs_git
def test_git_merge_stops_on_model_conflicts_with_a_loadable_file(tmp_path):
    folder = branches(
        tmp_path, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")),
        lambda m: m.execute(RenameElementCommand("id-portal", "Cổng B")))
    done = git(folder, "merge", "--no-edit", "other", check=False)
    assert done.returncode != 0
    assert "‘Cổng B’" in done.stderr + done.stdout
    merged = native.load(folder / "kien-truc.egov")  # no <<<<<<< markers: a whole model
    assert merged.element("id-portal").name == "Cổng A"
    assert git(folder, "status", "--porcelain").stdout.startswith("UU kien-truc.egov")
    git(folder, "merge", "--abort")
    assert native.load(folder / "kien-truc.egov").element("id-portal").name == "Cổng A"
