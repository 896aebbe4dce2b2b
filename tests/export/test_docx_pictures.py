"""The Word dossier's pictures (`export/docx_pictures.py`): the document is byte for byte
what python-docx's ``add_picture`` writes for different pictures, and adding one hashes no
picture added before (python-docx hashed them all again for each new one)."""

from __future__ import annotations

import io
import threading
import zipfile

import pytest
from docx import Document
from docx.parts.image import ImagePart
from docx.shared import Emu
from PIL import Image

from egov_modeler.export.docx_pictures import Pictures

WIDTH = Emu(5_000_000)


def png(colour: str, size: tuple[int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG", dpi=(300, 300))
    return buffer.getvalue()


PICTURES = [png("red", (300, 200)), png("blue", (120, 400)), png("green", (640, 480))]


def written(document) -> dict[str, bytes]:
    handle = io.BytesIO()
    document.save(handle)
    with zipfile.ZipFile(handle) as package:
        return {name: package.read(name) for name in package.namelist()}


def with_text_between(add) -> dict[str, bytes]:
    document = Document()
    document.add_heading("Kiến trúc mục tiêu", level=1)
    for number, data in enumerate(PICTURES, start=1):
        add(document, document.add_paragraph().add_run(), data)
        document.add_paragraph(f"Hình {number}. Sơ đồ tổng thể")
    return written(document)


def test_the_document_is_what_add_picture_writes():
    def by_python_docx(document, run, data):
        run.add_picture(io.BytesIO(data), width=WIDTH)

    adders: dict[int, Pictures] = {}

    def by_ours(document, run, data):
        adders.setdefault(id(document), Pictures(document)).add(run, data, WIDTH)

    ours = with_text_between(by_ours)
    assert ours == with_text_between(by_python_docx)
    assert sorted(name for name in ours if name.startswith("word/media/")) == [
        "word/media/image1.png", "word/media/image2.png", "word/media/image3.png"]


def test_each_picture_reads_back_at_its_width_and_proportions():
    document = Document()
    pictures = Pictures(document)
    for data in PICTURES:
        pictures.add(document.add_paragraph().add_run(), data, WIDTH)
    again = Document(io.BytesIO(_saved(document)))
    shapes = again.inline_shapes
    assert len(shapes) == 3
    for shape, data in zip(shapes, PICTURES, strict=True):
        width, height = Image.open(io.BytesIO(data)).size
        assert shape.width == WIDTH
        assert abs(shape.height - WIDTH * height / width) <= 1
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        assert again.part.related_parts[blip].blob == data


def _saved(document) -> bytes:
    handle = io.BytesIO()
    document.save(handle)
    return handle.getvalue()


def test_adding_a_picture_hashes_none_added_before(monkeypatch):
    hashed = []
    original = ImagePart.sha1
    monkeypatch.setattr(ImagePart, "sha1", property(
        lambda part: hashed.append(part) or original.fget(part)))
    document = Document()
    pictures = Pictures(document)
    for number in range(12):
        pictures.add(document.add_paragraph().add_run(),
                     png(f"#{number * 20:02x}4080", (50 + number, 40)), WIDTH)
    assert hashed == []
    assert len(Document(io.BytesIO(_saved(document))).inline_shapes) == 12


def test_images_are_encoded_beside_and_added_in_their_order(monkeypatch):
    """More pictures than may wait at once: each still lands in its own run, in order,
    encoded by the second thread."""
    from egov_modeler.export import docx_pictures

    threads = []
    encode = docx_pictures._png
    monkeypatch.setattr(docx_pictures, "_png", lambda image, dpi: threads.append(
        threading.current_thread()) or encode(image, dpi))
    colours = ["red", "orange", "yellow", "green", "blue", "indigo", "violet"]
    document = Document()
    with Pictures(document) as pictures:
        for number, colour in enumerate(colours):
            document.add_paragraph(f"Hình {number + 1}")
            pictures.add_image(document.add_paragraph().add_run(),
                               Image.new("RGB", (40 + number, 30), colour), WIDTH, 300)
    assert len(colours) > docx_pictures.MAX_WAITING
    assert threads and all(t is not threading.main_thread() for t in threads)
    again = Document(io.BytesIO(_saved(document)))
    shown = [Image.open(io.BytesIO(again.part.related_parts[
        shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob))
        for shape in again.inline_shapes]
    assert [image.size[0] for image in shown] == [40 + n for n in range(len(colours))]
    assert [image.getpixel((0, 0)) for image in shown] == [
        Image.new("RGB", (1, 1), colour).getpixel((0, 0)) for colour in colours]
    assert shown[0].info["dpi"] == pytest.approx((300, 300), abs=0.01)


def test_a_stop_drops_the_waiting_pictures_and_their_thread():
    document = Document()
    with pytest.raises(KeyboardInterrupt), Pictures(document) as pictures:
        pictures.add_image(document.add_paragraph().add_run(),
                           Image.new("RGB", (40, 30), "red"), WIDTH, 300)
        raise KeyboardInterrupt
    assert len(document.inline_shapes) == 0
    assert not [t for t in threading.enumerate() if t.name.startswith("docx-pictures")]
