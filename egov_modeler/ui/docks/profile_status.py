"""The model's framework profile, shown in the window's status bar.

A :class:`ProfileStatusLabel` says which framework the open model follows ("Khung kiến trúc
số 2025 (KTTTQGS) 1.0.0") and, for a superseded one, says so in its text and explains in its
tooltip (what replaced it and when); a model of a profile that is not loaded says that.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...model.catalog import CatalogError, catalog_for, profile_id_of, profile_version_of

__all__ = ["ProfileStatusLabel"]


class ProfileStatusLabel(QLabel):
    """Status-bar label naming the open model's framework profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_status")

    def show_model(self, model) -> None:
        """Show ``model``'s profile (call it whenever the window shows another model)."""
        try:
            profile = catalog_for(model).profile
        except CatalogError as exc:
            self.setText(self.tr("Profile {id} not loaded").format(id=profile_id_of(model)))
            self.setToolTip(str(exc))
            return
        if profile is None:
            self.clear()
            return
        version = profile_version_of(model) or profile.version
        text = self.tr("Framework: {title} {version}").format(title=profile.short_title(),
                                                             version=version)
        if profile.status == "superseded":
            text += " " + self.tr("(superseded)")
        self.setText(text)
        tip = profile.title()
        if profile.status_note():
            tip += "\n" + profile.status_note()
        self.setToolTip(tip)
