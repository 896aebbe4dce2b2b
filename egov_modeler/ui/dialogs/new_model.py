"""File > New: which framework profile, and which of its templates.

The dialog lists every profile the program knows (built in, and the user's loaded with
File > Load profile or ``--profile``), the current framework first, a superseded one marked
and explained (its status note shows under the list); for the chosen profile, its templates
with what each holds, the 2.0-era archives marked. It changes nothing: the caller reads
:meth:`NewModelDialog.create_model` on accept and shows the new model.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import current_language
from ...model.catalog import CURRENT_PROFILE, profile_catalog, profile_ids
from ...model.model import Model
from ...storage.templates import (
    new_model,
    template_description,
    template_info,
    templates_for_profile,
)

__all__ = ["NewModelDialog"]

_NAME_ROLE = Qt.ItemDataRole.UserRole


class NewModelDialog(QDialog):
    """Profile and template of a new model."""

    def __init__(self, parent: QWidget | None = None, profile: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_model_dialog")
        self.setWindowTitle(self.tr("New model"))
        self.profiles = QComboBox(self)
        self.profiles.setObjectName("profile")
        self.status = QLabel(self)
        self.status.setObjectName("profile_status")
        self.status.setWordWrap(True)
        self.templates = QListWidget(self)
        self.templates.setObjectName("templates")
        self.templates.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Framework profile:"), self.profiles)
        form.addRow("", self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.templates.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Template:"), self))
        layout.addWidget(self.templates)
        layout.addWidget(buttons)
        self._fill_profiles()
        self.profiles.currentIndexChanged.connect(self._profile_changed)
        wanted = profile or CURRENT_PROFILE
        index = self.profiles.findData(wanted)
        self.profiles.setCurrentIndex(index if index >= 0 else 0)
        self._profile_changed()
        self.resize(620, 420)

    def _fill_profiles(self) -> None:
        lang = current_language()
        order = sorted(profile_ids(), key=lambda p: (p != CURRENT_PROFILE,))
        for profile_id in order:
            catalog = profile_catalog(profile_id)
            profile = catalog.profile
            if profile is None:
                continue
            label = f"{profile.short_title(lang)} ({profile.id} {profile.version})"
            if profile.status == "superseded":
                label += " " + self.tr("[superseded]")
            elif profile.status == "draft":
                label += " " + self.tr("[draft]")
            self.profiles.addItem(label, profile.id)

    def _profile_changed(self, *_args: object) -> None:
        profile_id = self.chosen_profile()
        catalog = profile_catalog(profile_id)
        profile = catalog.profile
        note = profile.status_note() if profile is not None else ""
        title = profile.title() if profile is not None else profile_id
        self.status.setText(f"{title}\n{note}" if note else title)
        self.templates.clear()
        names = templates_for_profile(profile_id)
        if not names and profile is not None and profile.extends:
            names = templates_for_profile(profile.extends)  # a user's profile on a built-in
        for name in names:
            info = template_info(name)
            text = template_description(name)  # the template's name is for the command line
            if info.archived:
                text += " " + self.tr("(archive of the 2.0 era)")
            item = QListWidgetItem(text, self.templates)
            item.setData(_NAME_ROLE, name)
            item.setToolTip(self.tr("Template {name} (on the command line: --template "
                                    "{name})").format(name=name))
        if not names:
            item = QListWidgetItem(self.tr("Empty model with the profile's layer bands"),
                                   self.templates)
            item.setData(_NAME_ROLE, None)
        empty = next((i for i in range(self.templates.count())
                      if self.templates.item(i).data(_NAME_ROLE)
                      and template_info(self.templates.item(i).data(_NAME_ROLE)).kind == "empty"),
                     0)
        self.templates.setCurrentRow(empty)

    def chosen_profile(self) -> str:
        """The profile id chosen."""
        return str(self.profiles.currentData())

    def chosen_template(self) -> str | None:
        """The template chosen (``None``: an empty model of a profile with no template)."""
        item = self.templates.currentItem()
        return item.data(_NAME_ROLE) if item is not None else None

    def create_model(self) -> Model:
        """The new model: the chosen template under the chosen profile."""
        model, _name = new_model(self.chosen_profile(), self.chosen_template())
        return model
