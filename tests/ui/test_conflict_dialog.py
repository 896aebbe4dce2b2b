"""The conflict panel: grouped, in words, proposals to confirm, merge only when all are
decided, abandon changes nothing."""

from __future__ import annotations

import pytest

from egov_modeler.model.commands import (
    DeleteElementCommand,
    MoveNodeCommand,
    RenameElementCommand,
)
from egov_modeler.repository.conflicts import OURS, THEIRS
from egov_modeler.repository.wording import describe_conflict
from egov_modeler.ui.dialogs.conflicts import (
    COLUMN_OURS,
    COLUMN_THEIRS,
    CONFLICT_ROLE,
    ConflictDialog,
)
from tests.helpers.repository import VIEW, load_merged, merge_edits, small_model


def ours(m):
    m.execute(RenameElementCommand("id-portal", "Cổng A"))
    m.execute(MoveNodeCommand(VIEW, "id-n-lgsp", 300, 90))
    m.execute(DeleteElementCommand("id-db"))


def theirs(m):
    m.execute(RenameElementCommand("id-portal", "Cổng B"))
    m.execute(MoveNodeCommand(VIEW, "id-n-lgsp", 260, 150))
    m.relate("id-onestop", "Flow", "id-db", id="id-onestop-db")


@pytest.fixture
def merge():
    return merge_edits(small_model(), ours, theirs)


@pytest.fixture
def dialog(qtbot, merge):
    from egov_modeler.ui.app import prepare_application

    prepare_application()
    dlg = ConflictDialog([(c, describe_conflict(merge, c)) for c in merge.conflicts],
                         "/mnt/chung/kien-truc.git")
    qtbot.addWidget(dlg)
    return dlg


def rows(dialog):
    tree = dialog.tree
    return [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())]


def test_conflicts_are_grouped_by_view_and_element_in_words(dialog, merge):
    groups = [dialog.tree.topLevelItem(i).text(0)
              for i in range(dialog.tree.topLevelItemCount())]
    assert sorted(groups) == sorted(["Phần tử ‘Cổng dịch vụ công’",
                                     "Phần tử ‘CSDL quốc gia về dân cư’",
                                     "Sơ đồ ‘Sơ đồ tổng thể’"])
    texts = {row.text(COLUMN_OURS): row.text(COLUMN_THEIRS) for row in rows(dialog)}
    assert texts["‘Cổng A’"] == "‘Cổng B’"
    assert texts["tại (300, 90)"] == "tại (260, 150)"
    assert any(o.startswith("Đã xóa") and t.startswith("Giữ lại và đã thêm quan hệ Luồng")
               for o, t in texts.items())
    for row in rows(dialog):
        for column in (COLUMN_OURS, COLUMN_THEIRS):
            assert not any(c in row.text(column) for c in "{}[]\"")  # never raw JSON


def test_merge_is_possible_only_when_every_conflict_is_decided(dialog, merge):
    assert not dialog.merge_button.isEnabled()
    assert dialog.decisions() == {}
    dialog.tree.setCurrentItem(rows(dialog)[0])
    dialog.confirm_selected()
    assert len(dialog.decisions()) == 1 and not dialog.merge_button.isEnabled()
    dialog.accept()  # Enter while undecided does not slip through
    assert dialog.result() == 0
    rename = next(c for c in merge.conflicts if c.field == "name")
    dialog.choose(rename.id, THEIRS)
    dialog.confirm_all()
    assert dialog.merge_button.isEnabled()
    decisions = dialog.decisions()
    assert decisions[rename.id] == THEIRS
    assert set(decisions) == {c.id for c in merge.conflicts}
    dialog.merge_button.click()
    assert dialog.result() == 1
    model = load_merged(merge.result(decisions))
    assert model.element("id-portal").name == "Cổng B"
    assert model.has_element("id-db")  # the proposal: keep what the other side still uses


def test_the_proposal_is_shown_selected_and_the_other_side_offered(dialog, merge):
    deletion = next(c for c in merge.conflicts if c.is_deletion)
    chooser = dialog._choosers[deletion.id]
    assert chooser.currentText() == "Giữ lại"
    assert [chooser.itemText(i) for i in range(chooser.count())] == ["Xóa", "Giữ lại"]
    assert deletion.deleted_by == OURS


def test_abandoning_returns_no_decision(dialog):
    dialog.confirm_all()
    dialog.abandon_button.click()
    assert dialog.result() == 0


def test_selecting_a_conflict_asks_to_show_it_on_the_diagram(dialog, merge, qtbot):
    deletion = next(c for c in merge.conflicts if c.is_deletion)
    row = next(r for r in rows(dialog) if r.data(0, CONFLICT_ROLE) == deletion.id)
    other = next(r for r in rows(dialog) if r is not row)
    dialog.tree.setCurrentItem(other)
    with qtbot.waitSignal(dialog.highlightRequested) as signal:
        dialog.tree.setCurrentItem(row)
    assert signal.args[0] == (deletion.key, "id-onestop-db")
    details = dialog.details.toPlainText()
    assert "Đề xuất: giữ lại" in details and "Cổng" not in details.split("\n")[0]
