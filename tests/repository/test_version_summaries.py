"""The history's "What changed" texts worked out in one pass: the same words as
``summary(repo.changes_in(version))`` for every kind of version, including a merge, one
without the model file and one whose model is broken."""

from __future__ import annotations

import gc
import weakref

from egov_modeler.model import serialization as ser
from egov_modeler.model.commands import MoveNodeCommand, RenameElementCommand
from egov_modeler.model.commands.element import DeleteElementCommand
from egov_modeler.repository import remote
from egov_modeler.repository.errors import RepositoryError
from egov_modeler.repository.snapshot import flatten
from egov_modeler.repository.store import ModelRepository
from egov_modeler.repository.version_summaries import summaries
from egov_modeler.repository.wording import summary
from tests.helpers.repository import (
    UNIT_A,
    UNIT_B,
    VIEW,
    edit_file,
    new_repository,
    small_model,
)


def expected(repo: ModelRepository, version_id: str) -> str:
    """What the dock showed before: the summary, or the reason it could not be made."""
    try:
        return summary(repo.changes_in(version_id))
    except RepositoryError as exc:
        return str(exc)


def varied_history(repo: ModelRepository) -> None:
    """Renames, a move, additions, a deletion, a version without the model file, one with
    a broken model, and the model back."""
    edit_file(repo, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng DVC tỉnh")))
    repo.commit("Đổi tên cổng")
    edit_file(repo, lambda m: m.execute(MoveNodeCommand(VIEW, "id-n-db", 640, 100)))
    repo.commit("Dời CSDL")
    edit_file(repo, lambda m: (m.add_element("DataObject", "Dữ liệu hộ tịch", id="id-ht"),
                               m.relate("id-lgsp", "Access", "id-ht", id="id-lgsp-ht")))
    repo.commit("Thêm dữ liệu hộ tịch")
    edit_file(repo, lambda m: m.execute(DeleteElementCommand("id-onestop")))
    repo.commit("Bỏ hệ thống một cửa")
    kept = repo.model_file.read_bytes()
    head = repo.head()
    assert head is not None
    without = repo.write_commit({"GHI-CHU.md": b"tam thoi\n"}, [head], "Tạm bỏ mô hình",
                                UNIT_A, remove=(repo.model_path,))
    broken = repo.write_commit({repo.model_path: b"{not json"}, [without], "Hỏng", UNIT_A)
    back = repo.write_commit({repo.model_path: kept}, [broken], "Trả lại mô hình", UNIT_A)
    repo.repo.refs.set_if_equals(repo.branch_ref, head, back)


def test_every_version_says_what_the_version_by_version_diff_says(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        varied_history(repo)
        versions = repo.history()
        ids = [v.id for v in versions]
        texts = list(summaries(repo, ids))
        assert texts == [(v, expected(repo, v)) for v in ids]
    by_message = {v.message: text for v, (_id, text) in zip(versions, texts, strict=True)}
    assert by_message["Đổi tên cổng"] == "đổi tên 1 phần tử"
    assert "không phải mô hình đọc được" in by_message["Trả lại mô hình"]  # parent broken
    assert by_message["Tạm bỏ mô hình"].startswith("xóa 4 phần tử; xóa 3 quan hệ")


def test_a_merge_says_what_it_brought_against_its_first_parent(tmp_path):
    (tmp_path / "chung").mkdir()
    address = str(tmp_path / "chung" / "kien-truc.git")
    with new_repository(tmp_path / "a") as a:
        remote.push(a, address)
        with remote.clone(address, tmp_path / "b", UNIT_B) as b:
            edit_file(a, lambda m: m.execute(RenameElementCommand("id-portal", "Cổng A")))
            a.commit("A")
            remote.push(a)
            edit_file(b, lambda m: m.execute(RenameElementCommand("id-lgsp", "LGSP B")))
            b.commit("B")
            remote.pull(b)
            versions = b.history()
            assert versions[0].is_merge
            ids = [v.id for v in versions]
            assert list(summaries(b, ids)) == [(v, expected(b, v)) for v in ids]
            assert dict(summaries(b, ids))[ids[0]] == "đổi tên 1 phần tử"


def test_it_stops_when_told_and_reads_nothing_more(tmp_path):
    with new_repository(tmp_path / "a") as repo:
        varied_history(repo)
        ids = [v.id for v in repo.history()]
        seen: list[str] = []
        for version_id, _text in summaries(repo, ids, lambda: len(seen) >= 2):
            seen.append(version_id)
        assert seen == ids[:2]


def test_a_models_snapshot_goes_as_soon_as_it_is_dropped():
    """The worker runs with the cycle collector paused: a snapshot kept alive by a cycle
    would stay in memory, a whole model per version, and make the next collection walk
    it (0.6 s at 20,000 elements, in the worker, holding the interpreter)."""
    model = ser.model_to_dict(small_model())
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        snap = flatten(model)
        gone = weakref.ref(snap)
        del snap
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()
