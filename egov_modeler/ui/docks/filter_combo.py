"""The drop-down lists that filter a dock's list (Find's type and layer, Problems' rule
and view): refilled as the model changes, without losing the user's choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def refill_combo(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    """Make ``combo`` list ``entries`` (label, value); the chosen value stays chosen while
    it is still listed, else the first entry (the "all" one) is."""
    have = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if have == entries:
        return
    chosen = combo.currentData()
    combo.clear()
    for label, value in entries:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
