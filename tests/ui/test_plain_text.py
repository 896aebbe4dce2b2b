"""Model text is shown as text everywhere: a model whose every text field holds HTML
(an image from another host among it) is opened, every element and relationship shown
in Properties, and every label and tooltip the window then holds is rendered the way Qt
would; nothing asks for a resource."""

from __future__ import annotations

from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeWidget

from egov_modeler.model import Model
from egov_modeler.model.commands import SetPropertyCommand
from tests.helpers import connect, place

HOSTILE = '<img src="file:///tmp/egov-fetched.png"><b>X</b>'


class RecordingDocument(QTextDocument):
    """A rich-text document that notes every resource it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind, url):
        self.asked.append(url.toString())
        return None


def fetched_by(text: str) -> list[str]:
    """What Qt would fetch to show ``text`` in a label or tooltip left to guess its format."""
    if not text or not Qt.mightBeRichText(text):
        return []
    document = RecordingDocument()
    document.setHtml(text)
    document.documentLayout()  # lay it out: images are loaded here
    document.size()
    return document.asked


def hostile_model() -> Model:
    model = Model(f"Mô hình {HOSTILE}")
    model.documentation = HOSTILE
    view = model.add_view(f"Sơ đồ {HOSTILE}")
    first = model.add_element("ApplicationComponent", f"Hệ thống {HOSTILE}",
                              documentation=HOSTILE, names={"en": HOSTILE})
    second = model.add_element("ApplicationComponent", HOSTILE)
    rel = model.relate(first.id, "Serving", second.id, name=HOSTILE)
    model.execute(SetPropertyCommand(first.id, HOSTILE, HOSTILE))
    a = place(model, view.id, first.id, 40, 40)
    b = place(model, view.id, second.id, 300, 40)
    connect(model, view.id, rel.id, a.id, b.id)
    return model


def test_html_in_every_text_field_fetches_nothing(window):
    model = hostile_model()
    window.document.replace(model, None)
    canvas = window.current_canvas()
    scene = canvas.diagram()
    texts: list[str] = []
    for selection in ([n] for n in scene.node_items) or []:
        scene.select_ids(selection)
        texts += _labels(window)
    for connection_id in scene.connection_items:
        scene.select_ids([connection_id])
        texts += _labels(window)
    window.grab()  # the diagram paints the names too
    texts += _tooltips(window)
    assert any("egov-fetched" in t or "&lt;img" in t for t in texts)  # the texts were seen
    fetching = [text for text in texts if fetched_by(text)]
    assert fetching == []


def _labels(window) -> list[str]:
    """The texts of every label that shows them as rich text if they look like HTML."""
    return [label.text() for label in window.findChildren(QLabel)
            if label.textFormat() != Qt.TextFormat.PlainText]


def _tooltips(window) -> list[str]:
    found = []
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            for column in range(model.columnCount(index.parent())):
                cell = index.siblingAtColumn(column)
                tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str):
                    found.append(tip)
            stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    for tree in window.findChildren(QTreeWidget):
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            found += [item.toolTip(c) for c in range(tree.columnCount())]
    return found


def test_the_check_sees_an_image_left_as_html():
    """Guard against a check that can never fail."""
    assert set(fetched_by(HOSTILE)) == {"file:///tmp/egov-fetched.png"}
