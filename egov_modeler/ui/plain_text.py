"""Model text shown as text, never as rich text.

Names, documentation and property values can come from another organisation's file. Qt
renders a label's or tooltip's text as HTML when it "might be rich text" (it starts with a
tag), and HTML fetches images: a name such as ``<img src="\\\\host\\share\\x.png">`` would
make the window open that file (on Windows, authenticate to that host). Every place that
shows model text either sets the widget to plain text (:func:`plain_label`) or passes the
text through :func:`tooltip` or :func:`menu_text`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel


def tooltip(text: str) -> str:
    """``text`` for a tooltip: as it is when Qt would show it as plain text, else escaped
    into HTML that shows exactly these characters (line breaks kept)."""
    if not text or not QtGui.mightBeRichText(text):
        return text
    return QtGui.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as typed, whatever it contains."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def menu_text(text: str) -> str:
    """``text`` for a menu entry or a tab: ``&`` shown, not taken as a shortcut mark."""
    return text.replace("&", "&&")
