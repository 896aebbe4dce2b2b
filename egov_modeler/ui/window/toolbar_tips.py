"""Toolbar tooltips that name the keyboard shortcut ("Lưu (Ctrl+S)").

Why: a toolbar button's tooltip is the only place a mouse user learns its shortcut; Qt's
default tooltip repeats the button's label and leaves the shortcut out.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar


def with_shortcut(text: str, action: QAction) -> str:
    """``text`` followed by the action's shortcut in brackets, when it has one."""
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shortcut})" if shortcut else text


def name_shortcuts(bar: QToolBar) -> None:
    """Give every button of ``bar`` whose tooltip only repeats its label the label and
    the shortcut; tooltips that explain more are left as they are."""
    for action in bar.actions():
        label = action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        tip = action.toolTip()
        if tip in (label, label.removesuffix("…"), label.removesuffix("...")):
            action.setToolTip(with_shortcut(tip, action))
