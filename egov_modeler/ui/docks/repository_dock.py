"""The Repository dock: the model's versions and sharing them with other units.

Shows where the open model stands (its version, whether it has uncommitted changes, how many
versions wait to be sent or received), records a version with a message, lists the history
(who, when, why, and what changed in model terms, worked out beside the window by
:mod:`.history_worker` and filled in as each is ready), compares any two
versions (or one with the model as it is now), restores one, and pulls and pushes, with the
conflict panel (:mod:`..dialogs.conflicts`) when a merge needs decisions. Bundles carry the
versions on a USB stick for units without a network.

The dock never edits the open model. The window tells it which file is open
(:meth:`RepositoryDock.set_document`) and how to save unsaved edits first (``prepare``);
when a pull or restore changes the file on disk the dock emits :attr:`modelReplaced` and the
window reloads it; :attr:`highlightRequested` asks the window to select ids on a view.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.errors import ModelError
from ...repository import bundles, remote
from ...repository.errors import RepositoryError
from ...repository.model_diff import ModelDiff
from ...repository.pull import PullResult, PullState
from ...repository.snapshot import CONNECTION, ELEMENT, NODE, RELATIONSHIP, VIEW
from ...repository.store import Author, ModelRepository, Version
from ...repository.wording import change_line, summary
from ..dialogs.conflicts import ConflictDialog
from ..dialogs.file_actions import Dialogs
from ..long_work import run_long
from .history_worker import HistorySummaries

log = logging.getLogger(__name__)

__all__ = ["RepositoryDock"]

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
BUNDLE_FILTER = "Git bundle (*.bundle)"
_HISTORY_LIMIT = 200


class RepositoryDock(QDockWidget):
    """Status, commit, history with compare and restore, pull and push (see the module
    docstring)."""

    #: The model file on disk was replaced (pull, restore): reload it. Carries its path.
    modelReplaced = Signal(str)
    #: Select these ids on the view (``""``: wherever the window shows them).
    highlightRequested = Signal(str, tuple)
    #: A one-line report for the status bar.
    statusMessage = Signal(str)

    def __init__(self, parent: QWidget | None = None, dialogs: Dialogs | None = None) -> None:
        super().__init__(self.tr("Repository"), parent)
        self.setObjectName("repository_dock")
        self.dialogs = dialogs or Dialogs(self)
        #: Called before anything reads the file on disk: the window saves unsaved edits
        #: there and returns False when the user cancels.
        self.prepare: Callable[[], bool] = lambda: True
        #: Makes the conflict panel; tests give their own.
        self.conflict_dialog: Callable[..., ConflictDialog] = ConflictDialog
        self.repository: ModelRepository | None = None
        self.path: str | None = None
        self.last_changes: ModelDiff | None = None
        self._summaries: dict[str, str] = {}
        #: The rows still showing "…", by version id, newest first.
        self._pending_rows: dict[str, QTreeWidgetItem] = {}
        self._filling = False
        self._worker = HistorySummaries(self)
        self._worker.ready.connect(self._summary_ready, Qt.ConnectionType.QueuedConnection)
        self._worker.finished.connect(self._summaries_finished,
                                      Qt.ConnectionType.QueuedConnection)
        #: The window: its closing stops the worker (see :meth:`eventFilter`).
        self._host = parent.window() if parent is not None else None
        if self._host is not None:
            self._host.installEventFilter(self)
        self._build()
        self.set_document(None)

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        body = QWidget(self)
        self.status_label = QLabel(body)
        self.status_label.setObjectName("repository_status")
        self.status_label.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create a model &repository for this file…"),
                                         body)
        self.message = QLineEdit(body)
        self.message.setObjectName("commit_message")
        self.message.setPlaceholderText(self.tr("What changed, in a sentence"))
        self.commit_button = QPushButton(self.tr("&Commit"), body)
        self.commit_button.setToolTip(self.tr("Record the saved model as a new version"))
        self.pull_button = QPushButton(self.tr("&Pull"), body)
        self.pull_button.setToolTip(self.tr("Bring in the shared repository's versions, "
                                            "merging the model"))
        self.push_button = QPushButton(self.tr("P&ush"), body)
        self.push_button.setToolTip(self.tr("Send your versions to the shared repository"))
        self.bundle_write_button = QPushButton(self.tr("Write a &bundle…"), body)
        self.bundle_write_button.setToolTip(self.tr("Every version in one file, for a USB "
                                                    "stick"))
        self.bundle_pull_button = QPushButton(self.tr("Pull from a bu&ndle…"), body)

        self.history = QTreeWidget(body)
        self.history.setObjectName("repository_history")
        self.history.setColumnCount(4)
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Message"),
                                      self.tr("What changed")])
        self.history.setRootIsDecorated(False)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.history.setColumnWidth(0, 120)
        self.history.setColumnWidth(1, 160)
        self.history.setColumnWidth(2, 220)
        self.compare_button = QPushButton(self.tr("Co&mpare"), body)
        self.compare_button.setToolTip(self.tr("One version selected: with the model as it "
                                               "is now. Two: with each other."))
        self.restore_button = QPushButton(self.tr("R&estore this version"), body)
        self.changes = QTreeWidget(body)
        self.changes.setObjectName("repository_changes")
        self.changes.setHeaderLabels([self.tr("Changes")])
        self.changes.setRootIsDecorated(False)

        actions = QHBoxLayout()
        for button in (self.commit_button, self.pull_button, self.push_button):
            actions.addWidget(button)
        bundle_row = QHBoxLayout()
        bundle_row.addWidget(self.bundle_write_button)
        bundle_row.addWidget(self.bundle_pull_button)
        history_row = QHBoxLayout()
        history_row.addWidget(self.compare_button)
        history_row.addWidget(self.restore_button)
        history_row.addStretch(1)
        lower = QWidget(body)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history, 2)
        lower_layout.addLayout(history_row)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.addWidget(lower)
        splitter.addWidget(self.changes)
        layout = QVBoxLayout(body)
        layout.addWidget(self.status_label)
        layout.addWidget(self.create_button)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addLayout(bundle_row)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self.create_button.clicked.connect(self.create_repository)
        self.commit_button.clicked.connect(self.commit)
        self.message.returnPressed.connect(self.commit)
        self.message.textChanged.connect(lambda _text: self._update_buttons())
        self.pull_button.clicked.connect(self.pull)
        self.push_button.clicked.connect(self.push)
        self.bundle_write_button.clicked.connect(self.write_bundle)
        self.bundle_pull_button.clicked.connect(self.pull_bundle)
        self.compare_button.clicked.connect(self.compare)
        self.restore_button.clicked.connect(self.restore)
        self.history.itemSelectionChanged.connect(self._update_buttons)
        self.changes.itemActivated.connect(self._change_activated)
        self.changes.itemClicked.connect(self._change_activated)

    # ------------------------------------------------------------------ the document
    def set_document(self, path: str | None) -> None:
        """Follow the file the window shows (``None`` for an unsaved model)."""
        if self.repository is not None:
            self.repository.close()
        self.path = path
        self.repository = None
        if path is not None:
            try:
                self.repository = ModelRepository.discover(path)
            except (RepositoryError, OSError) as exc:
                log.warning("cannot open the repository of %s: %s", path, exc)
        self._summaries.clear()
        self.changes.clear()
        self.refresh()

    def showEvent(self, event) -> None:
        """Closing the dock closed its repository (and its files): shown again, it opens
        it again, or its buttons would act on nothing."""
        super().showEvent(event)
        if self.repository is None and self.path is not None:
            self.set_document(self.path)

    def closeEvent(self, event) -> None:
        self._stop_summaries()
        if self.repository is not None:
            self.repository.close()
            self.repository = None
        super().closeEvent(event)

    def refresh(self) -> None:
        """Read the status and the history again."""
        self._stop_summaries(wait=False)
        self.history.clear()
        self._pending_rows = {}
        repo = self.repository
        if repo is None:
            self.status_label.setText(
                self.tr("Save the model to a file to keep its versions.") if self.path is None
                else self.tr("This model is not in a repository yet."))
            self.create_button.setVisible(self.path is not None)
            self._update_buttons()
            return
        self.create_button.setVisible(False)
        try:
            status = repo.status()
            versions = repo.history(_HISTORY_LIMIT)
        except (RepositoryError, OSError) as exc:
            self.status_label.setText(str(exc))
            self._update_buttons()
            return
        lines = [self.tr("Version {id} on branch {branch}").format(
            id=(status.head or "-")[:8], branch=status.branch)]
        lines.append(self.tr("The model has changes that are not committed") if status.modified
                     else self.tr("The model is as in the last version"))
        if status.remote_url:
            lines.append(self.tr("{ahead} to send, {behind} to receive · {url}").format(
                ahead=status.ahead, behind=status.behind, url=status.remote_url))
        else:
            lines.append(self.tr("No shared repository yet"))
        self.status_label.setText("\n".join(lines))
        for version in versions:
            row = QTreeWidgetItem([version.when.strftime("%d/%m/%Y %H:%M"), version.author,
                                   version.message, self._summaries.get(version.id, "…")])
            row.setData(0, VERSION_ROLE, version.id)
            row.setToolTip(1, version.email)
            row.setToolTip(2, version.message)
            self.history.addTopLevelItem(row)
            if version.id not in self._summaries:
                self._pending_rows[version.id] = row
        self._start_summaries()
        self._update_buttons()

    def _start_summaries(self) -> None:
        """Have the worker write the rows still showing "…", newest first."""
        if not self._pending_rows or self.repository is None:
            return
        self._filling = True
        self._worker.start(str(self.repository.model_file), list(self._pending_rows))

    def _stop_summaries(self, wait: bool = True) -> None:
        """The worker stops (and, with ``wait``, has stopped); what it still sends is
        ignored."""
        self._worker.stop(wait)
        self._filling = False

    def _summary_ready(self, run: int, version_id: str, text: str) -> None:
        """A text from the worker, on the GUI thread: into its row, unless the history
        was read again since the worker started (then the row is another history's)."""
        if run != self._worker.run:
            return
        self._summaries[version_id] = text
        row = self._pending_rows.pop(version_id, None)
        if row is not None:
            row.setText(3, text)
            row.setToolTip(3, text)

    def _summaries_finished(self, run: int) -> None:
        """The worker is done; a row it left without a text (it failed: the log says
        why) says so rather than wait forever."""
        if run != self._worker.run:
            return
        self._filling = False
        for row in self._pending_rows.values():
            row.setText(3, self.tr("not worked out: see the program's log"))
        self._pending_rows = {}

    def summaries_done(self) -> bool:
        """No row waits for the worker (every text is in, or the worker stopped)."""
        return not self._pending_rows or not self._filling

    def summaries_running(self) -> bool:
        """The worker thread is alive (a stopped one may still finish its step)."""
        return self._worker.running()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window closing (hidden, not minimised) stops the worker, which would
        otherwise keep the program alive until the whole column is written; shown
        again, it goes on with the rows left."""
        if watched is self._host and not event.spontaneous():
            if event.type() == QEvent.Type.Hide:
                self._stop_summaries()
            elif event.type() == QEvent.Type.Show and not self._filling:
                self._start_summaries()
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        has_repo = self.repository is not None
        selected = len(self.history.selectedItems())
        self.message.setEnabled(has_repo)
        self.commit_button.setEnabled(has_repo and bool(self.message.text().strip()))
        for button in (self.pull_button, self.push_button, self.bundle_write_button,
                       self.bundle_pull_button):
            button.setEnabled(has_repo)
        self.compare_button.setEnabled(has_repo and selected in (1, 2))
        self.restore_button.setEnabled(has_repo and selected == 1)

    # ------------------------------------------------------------------ helpers
    def _ready(self) -> ModelRepository | None:
        """The repository, once the window has saved the model to it."""
        if self.repository is None or not self.prepare():
            return None
        return self.repository

    def _fail(self, title: str, exc: Exception) -> bool:
        self.dialogs.error(title, str(exc))
        self.statusMessage.emit(str(exc))
        self.refresh()
        return False

    def _author(self, repo: ModelRepository) -> Author | None:
        author = repo.author()
        if author is not None:
            return author
        text = self.dialogs.ask_text(self.tr("Who are you?"), self.tr(
            "Your name and e-mail, recorded with each version (Name <e-mail>):"))
        if not text:
            return None
        author = Author.parse(text)
        repo.set_author(author)
        return author

    def _remote(self, repo: ModelRepository) -> str | None:
        """The shared repository's address: the configured one, or asked once."""
        if repo.remote_url() is not None:
            return None  # the configured one
        address = self.dialogs.ask_text(self.tr("Shared repository"), self.tr(
            "Address of the shared repository (a shared folder, ssh://… or https://…):"))
        return address or ""

    # ------------------------------------------------------------------ actions
    def create_repository(self) -> bool:
        """Make the open file's folder a model repository (first version committed)."""
        if self.path is None or not self.prepare():
            return False
        text = self.dialogs.ask_text(self.tr("Who are you?"), self.tr(
            "Your name and e-mail, recorded with each version (Name <e-mail>):"))
        if not text:
            return False
        path, author = self.path, Author.parse(text)
        try:
            self.repository = run_long(self, self.tr("Recording the first version…"),
                                       lambda: ModelRepository.init(path, author))
        except (RepositoryError, ModelError, OSError) as exc:
            return self._fail(self.tr("Cannot create the repository"), exc)
        self.statusMessage.emit(self.tr("Model repository created"))
        self.refresh()
        return True

    def commit(self) -> bool:
        repo = self._ready()
        message = self.message.text().strip()
        if repo is None or not message:
            return False
        try:
            author = self._author(repo)
            if author is None:
                return False

            def record() -> tuple[ModelDiff | None, Version]:
                """Off the GUI thread: both read the whole model file (seconds at
                national scale)."""
                changes = repo.diff("HEAD") if repo.head() is not None else None
                return changes, repo.commit(message, author)

            changes, version = run_long(self, self.tr("Recording the version…"), record)
        except (RepositoryError, ModelError, OSError) as exc:
            return self._fail(self.tr("Cannot commit"), exc)
        self.message.clear()
        if changes is not None:
            self._summaries[version.id] = summary(changes)
        self.statusMessage.emit(self.tr("Version {id} recorded").format(id=version.short))
        self.refresh()
        return True

    def pull(self) -> bool:
        """Pull from the shared repository (asked for once when there is none)."""
        repo = self._ready()
        address = self._remote(repo) if repo is not None else ""
        if repo is None or address == "":
            return False
        return self._pull(self.tr("Cannot pull"),
                          lambda author: remote.pull(repo, address, author))

    def pull_bundle(self) -> bool:
        """Pull from a bundle file (a USB stick)."""
        repo = self._ready()
        path = self.dialogs.open_path(self.tr("Pull from a bundle"), BUNDLE_FILTER) \
            if repo is not None else None
        if repo is None or not path:
            return False
        return self._pull(self.tr("Cannot pull from the bundle"),
                          lambda author: bundles.pull_bundle(repo, path, author))

    def _pull(self, failure: str, fetch: Callable[[Author], PullResult]) -> bool:
        assert self.repository is not None
        try:
            author = self._author(self.repository)
            if author is None:
                return False
            with _busy():
                result = fetch(author)
        except (RepositoryError, ModelError, OSError) as exc:
            return self._fail(failure, exc)
        return self._finish_pull(result)

    def _finish_pull(self, result: PullResult) -> bool:
        assert self.repository is not None
        if result.state is PullState.CONFLICTS:
            pending = result.pending
            assert pending is not None
            dialog = self.conflict_dialog(pending.texts(), result.source, self)
            dialog.highlightRequested.connect(lambda ids: self.highlightRequested.emit("", ids))
            if not self.dialogs.run_dialog(dialog):
                pending.abandon()
                self.statusMessage.emit(self.tr("Merge abandoned: your model and the "
                                                "repository are as they were"))
                self.refresh()
                return False
            try:
                with _busy():
                    result = pending.complete(dialog.decisions())
            except (RepositoryError, ModelError, OSError) as exc:
                return self._fail(self.tr("Cannot finish the merge"), exc)
        if result.state is PullState.UP_TO_DATE:
            self.statusMessage.emit(self.tr("Already up to date"))
            self.refresh()
            return True
        self.modelReplaced.emit(str(self.repository.model_file))
        if result.changes is not None:
            self.show_changes(result.changes)
        message = (self.tr("Merged the versions of {source}") if result.state is
                   PullState.MERGED else self.tr("Brought in the versions of {source}"))
        self.statusMessage.emit(message.format(source=result.source))
        self.refresh()
        return True

    def push(self) -> bool:
        repo = self._ready()
        if repo is None:
            return False
        address = self._remote(repo)
        if address == "":
            return False
        try:
            with _busy():
                where = remote.push(repo, address)
        except (RepositoryError, OSError) as exc:
            return self._fail(self.tr("Cannot push"), exc)
        self.statusMessage.emit(self.tr("Sent to {address}").format(address=where))
        self.refresh()
        return True

    def write_bundle(self) -> bool:
        repo = self._ready()
        if repo is None:
            return False
        path = self.dialogs.save_path(self.tr("Write a bundle"), BUNDLE_FILTER,
                                      repo.model_file.stem + bundles.BUNDLE_SUFFIX)
        if not path:
            return False
        try:
            count = bundles.write_model_bundle(repo, path)
        except (RepositoryError, OSError) as exc:
            return self._fail(self.tr("Cannot write the bundle"), exc)
        self.statusMessage.emit(self.tr("{path} written with {count} versions").format(
            path=path, count=count))
        return True

    def selected_versions(self) -> list[str]:
        """The selected versions, oldest first."""
        rows = sorted(self.history.selectedItems(),
                      key=lambda row: -self.history.indexOfTopLevelItem(row))
        return [row.data(0, VERSION_ROLE) for row in rows]

    def compare(self) -> ModelDiff | None:
        """Compare the selected version with the model now, or two selected versions."""
        repo = self._ready()
        selected = self.selected_versions()
        if repo is None or len(selected) not in (1, 2):
            return None
        old, new = selected[0], selected[1] if len(selected) == 2 else None
        try:
            diff = run_long(self, self.tr("Comparing the versions…"),
                            lambda: repo.diff(old, new))
        except (RepositoryError, OSError) as exc:
            self._fail(self.tr("Cannot compare"), exc)
            return None
        self.show_changes(diff)
        return diff

    def restore(self) -> bool:
        """Put the selected version back in the model file; the window reloads it. The
        history keeps every version, so nothing is lost; commit to make it the newest."""
        repo = self._ready()
        selected = self.selected_versions()
        if repo is None or len(selected) != 1:
            return False
        try:
            if repo.is_modified():
                raise RepositoryError(self.tr("The model has changes that are not committed: "
                                              "commit them first, so they stay in the "
                                              "history"))
            version = repo.restore(selected[0])
        except (RepositoryError, ModelError, OSError) as exc:
            return self._fail(self.tr("Cannot restore"), exc)
        self.modelReplaced.emit(str(repo.model_file))
        self.message.setText(self.tr("Restore the version of {when}").format(
            when=version.when.strftime("%d/%m/%Y %H:%M")))
        self.statusMessage.emit(self.tr("Version {id} is back; commit it to keep it")
                                .format(id=version.short))
        self.refresh()
        return True

    # ------------------------------------------------------------------ changes
    def show_changes(self, diff: ModelDiff) -> None:
        """List ``diff``; a click on a line selects what it names on the diagram."""
        self.last_changes = diff
        self.changes.clear()
        head = QTreeWidgetItem([summary(diff)])
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        self.changes.addTopLevelItem(head)
        for view_id in diff.changed_views():
            ids = tuple(diff.highlight(view_id))
            if ids:
                head.setData(0, TARGET_ROLE, (view_id, ids))
                break
        for change in diff.changes:
            row = QTreeWidgetItem([change_line(diff, change)])
            row.setToolTip(0, row.text(0))
            row.setData(0, TARGET_ROLE, _target(diff, change.kind, change.key, change.view_id))
            self.changes.addTopLevelItem(row)

    def _change_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, TARGET_ROLE)
        if target:
            view_id, ids = target
            self.highlightRequested.emit(view_id, tuple(ids))


def _target(diff: ModelDiff, kind: str, key: str, view_id: str | None) -> tuple[str, tuple]:
    """Where a change shows: ``(view id or "", ids to select)``."""
    if kind in (NODE, CONNECTION) and view_id:
        return view_id, (key,)
    if kind == VIEW:
        return key, tuple(diff.highlight(key))
    if kind in (ELEMENT, RELATIONSHIP):
        return "", (key,)
    return "", ()


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while the repository works (a merge of a large model takes a
    second or two; a network remote longer)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
