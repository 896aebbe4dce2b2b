"""Copy, cut, paste and duplicate on the diagram, through the system clipboard.

The clipboard carries a diagram fragment (:mod:`egov_modeler.model.paste`) as JSON under
:data:`FRAGMENT_MIME`, and the copied elements' names as plain text for other programs (a
name list pasted into a Word report of the dossier). Because the fragment holds the
elements themselves, a paste in another window, or after another file was opened, still
works: elements the target model lacks are pasted as copies.

What a paste *means* (same elements or copies, offsets, nesting) is decided headless in
:func:`~egov_modeler.model.paste.paste_fragment`; this module only talks to Qt's clipboard
and the canvas, and runs the result as one undo step.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF
from PySide6.QtGui import QClipboard, QGuiApplication

from ...model.errors import ModelError
from ...model.paste import (
    Fragment,
    copy_fragment,
    fragment_from_json,
    fragment_to_json,
    paste_fragment,
)

if TYPE_CHECKING:
    from .view import DiagramView

log = logging.getLogger(__name__)

#: The clipboard format of a diagram fragment (JSON text, UTF-8).
FRAGMENT_MIME = "application/x-egov-diagram-fragment+json"


def _t(text: str, **fields: object) -> str:
    out = QCoreApplication.translate("Clipboard", text)
    return out.format(**fields) if fields else out


def _clipboard(clipboard: QClipboard | None) -> QClipboard:
    return clipboard if clipboard is not None else QGuiApplication.clipboard()


def put_fragment(fragment: Fragment, clipboard: QClipboard | None = None) -> None:
    """Put ``fragment`` on the clipboard (and the names as plain text)."""
    mime = QMimeData()
    mime.setData(FRAGMENT_MIME, fragment_to_json(fragment).encode("utf-8"))
    mime.setText("\n".join(fragment.names()))
    _clipboard(clipboard).setMimeData(mime)


def has_fragment(clipboard: QClipboard | None = None) -> bool:
    """True when the clipboard holds a diagram fragment (Paste is then enabled)."""
    mime = _clipboard(clipboard).mimeData()
    return mime is not None and mime.hasFormat(FRAGMENT_MIME)


def clipboard_fragment(clipboard: QClipboard | None = None) -> Fragment | None:
    """The fragment on the clipboard; None when it holds something else. A damaged
    fragment raises :class:`ModelError` saying what is wrong."""
    if not has_fragment(clipboard):
        return None
    data = bytes(_clipboard(clipboard).mimeData().data(FRAGMENT_MIME).data())
    return fragment_from_json(data.decode("utf-8", errors="replace"))


def selection_fragment(canvas: DiagramView) -> Fragment | None:
    """The selected nodes of ``canvas`` (with nested nodes and the lines among them)."""
    scene = canvas.diagram()
    node_ids = scene.selected_node_ids()
    if not node_ids:
        return None
    return copy_fragment(scene.model, scene.view_id, node_ids)


def copy_selection(canvas: DiagramView, clipboard: QClipboard | None = None) -> Fragment | None:
    """Copy: the selection's fragment onto the clipboard. Returns it (None: nothing
    selected, the clipboard is left alone)."""
    fragment = selection_fragment(canvas)
    if fragment is None:
        canvas.editor.status.emit(_t("Select the elements to copy first"))
        return None
    put_fragment(fragment, clipboard)
    canvas.editor.status.emit(_t("Copied {count} element(s)", count=len(fragment.elements)))
    return fragment


def paste_into(canvas: DiagramView, fragment: Fragment, *, as_copy: bool = False,
               at: QPointF | None = None, label: str | None = None) -> list[str] | None:
    """Paste ``fragment`` into ``canvas``'s view as one undo step and select what was
    pasted. ``at`` (a scene point) centres it there. Returns the new top-level node ids,
    or None when refused (the status bar says why; the model is unchanged)."""
    scene = canvas.diagram()
    model = scene.model

    def container_at(x: float, y: float) -> str | None:
        return scene.container_at(QPointF(x, y))

    try:
        result = paste_fragment(model, scene.view_id, fragment, as_copy=as_copy,
                                at=(at.x(), at.y()) if at is not None else None,
                                container_at=container_at, label=label)
    except ModelError as exc:
        canvas.editor.status.emit(str(exc))
        return None
    if not canvas.editor.run(result.command):
        return None
    scene.select_ids(result.root_node_ids)
    if result.root_node_ids:
        item = scene.node_items.get(result.root_node_ids[0])
        if item is not None:
            canvas.ensureVisible(item, 20, 20)
    copies = len(result.new_element_ids)
    shown = len(fragment.elements) - copies
    if as_copy:
        message = _t("Pasted {count} new element(s) as copies", count=copies)
    elif copies and not shown:
        message = _t("The copied elements are not in this model: pasted {count} copies",
                     count=copies)
    elif copies:
        message = _t("Pasted {shown} element(s) again and {count} copies of elements no "
                     "longer in the model", shown=shown, count=copies)
    else:
        message = _t("Pasted {count} element(s): the same elements, shown once more",
                     count=shown)
    canvas.editor.status.emit(message)
    return result.root_node_ids


def paste_clipboard(canvas: DiagramView, *, as_copy: bool = False, at: QPointF | None = None,
                    clipboard: QClipboard | None = None) -> list[str] | None:
    """Paste what the clipboard holds into ``canvas`` (see :func:`paste_into`)."""
    try:
        fragment = clipboard_fragment(clipboard)
    except ModelError as exc:
        canvas.editor.status.emit(str(exc))
        return None
    if fragment is None or fragment.is_empty():
        canvas.editor.status.emit(_t("The clipboard holds no diagram elements to paste"))
        return None
    return paste_into(canvas, fragment, as_copy=as_copy, at=at)


def duplicate_selection(canvas: DiagramView) -> list[str] | None:
    """Duplicate: new copies of the selected elements beside them (the clipboard keeps
    what it held)."""
    fragment = selection_fragment(canvas)
    if fragment is None:
        canvas.editor.status.emit(_t("Select the elements to duplicate first"))
        return None
    return paste_into(canvas, fragment, as_copy=True, label=_t("Duplicate"))


__all__ = [
    "FRAGMENT_MIME", "clipboard_fragment", "copy_selection", "duplicate_selection",
    "has_fragment", "paste_clipboard", "paste_into", "put_fragment", "selection_fragment",
]
