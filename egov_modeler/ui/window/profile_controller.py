"""The framework profile of the open model: the palette, the status-bar label and the
active profile follow it; Tools > Migrate moves an old framework's model to its successor
(one undo step) and is offered once when such a model is opened; File > Load profile
adds a user's profile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from ...model import events as ev
from ...model.catalog import CatalogError, add_user_profile, catalog_for, set_active_profile
from ...model.catalog.model_profile import profile_id_of
from ...model.problems import Problem
from ..dialogs.file_actions import Dialogs
from ..dialogs.migration import (
    MigrateDialog,
    MigrationOffer,
    MigrationReportDialog,
    migration_target,
    run_migration,
)
from ..docks.palette_dock import PaletteDock
from ..docks.profile_status import ProfileStatusLabel
from ..document import Document
from ..model_listener import ModelListener
from .actions import make_action
from .file_controller import FileController


class ProfileController(QObject):
    """Tools > Migrate, File > Load profile, and the window following the model's
    profile."""

    def __init__(self, document: Document, files: FileController, dialogs: Dialogs,
                 palette: PaletteDock, show_status: Callable[..., None],
                 show_problems: Callable[[list[Problem]], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.dialogs = dialogs
        self.palette = palette
        self.show_status = show_status
        self.show_problems = show_problems
        self.label = ProfileStatusLabel(parent)
        self._parent_widget = parent
        self._offer = MigrationOffer()
        self._listener = ModelListener()
        self.act_migrate = make_action(
            self, self.tr("&Migrate to the successor framework…"), self.migrate,
            tip=self.tr("Map every component of an old framework's model to its successor "
                        "(one step you can undo)"))
        self.act_load_profile = make_action(
            self, self.tr("Load framework &profile…"), self.load_profile,
            tip=self.tr("A province's own framework, or an official annex typed in"))
        document.replaced.connect(self._replaced)
        files.fileOpened.connect(self._opened)

    def fill_tools_menu(self, menu: QMenu) -> None:
        menu.addAction(self.act_migrate)

    # ------------------------------------------------------------------ following
    def _replaced(self) -> None:
        self._listener.follow(self.document.model, self._on_event)
        self.follow()

    def _on_event(self, event: ev.ModelEvent) -> None:
        if isinstance(event, ev.ModelPropertiesChanged):  # migrated, or the undo of it
            self.follow()

    def follow(self) -> None:
        """Make the model's profile the active one: the palette offers its components,
        the label names it, Migrate is offered when it has a successor."""
        model = self.document.model
        try:
            set_active_profile(profile_id_of(model))
            self.palette.show_catalog(catalog_for(model))
        except CatalogError as exc:
            self.show_status(str(exc))
        self.label.show_model(model)
        self.act_migrate.setEnabled(migration_target(model) is not None)

    # ------------------------------------------------------------------ migration
    def _opened(self, path: str) -> None:
        model = self.document.model
        if self._offer.should_offer(model, path) and self.dialogs.ask_migrate(model):
            self.migrate()

    def migrate(self) -> bool:
        """Tools > Migrate: the dialog, the migration as one undo step, its report."""
        model = self.document.model
        dialog = MigrateDialog(model, self._parent_widget)
        try:
            if not self.dialogs.run_dialog(dialog) or dialog.target is None:
                return False
            try:
                report = run_migration(self.document.undo_stack, model, dialog.target,
                                       dialog.architecture_date())
            except (CatalogError, ValueError) as exc:
                self.dialogs.error(self.tr("Cannot migrate"), str(exc))
                return False
        finally:
            dialog.deleteLater()
        self.show_problems(report.problems())
        report_dialog = MigrationReportDialog(report, self._parent_widget)
        try:
            self.dialogs.run_dialog(report_dialog)
        finally:
            report_dialog.deleteLater()
        self.show_status(self.tr("Migrated: {changes} changes, {decisions} items to decide")
                         .format(changes=len(report.changes), decisions=len(report.decisions)))
        return True

    # ------------------------------------------------------------------ user profiles
    def load_profile(self, path: str | None = None) -> bool:
        """File > Load profile: a profile file joins the built-in ones (or replaces one)."""
        path = path or self.dialogs.open_path(self.tr("Load framework profile"),
                                              "JSON (*.json)")
        if not path:
            return False
        try:
            catalog = add_user_profile(path)
        except (CatalogError, OSError) as exc:
            self.dialogs.error(self.tr("The profile was not loaded"), str(exc))
            return False
        self.follow()
        profile = catalog.profile
        self.show_status(self.tr("Profile {title} loaded").format(
            title=profile.short_title() if profile else path))
        return True
