"""The Word dossier's pictures (`export/docx_pictures.py`): the document is byte for byte
what python-docx's ``add_picture`` writes for different pictures, and adding one hashes no
picture added before (python-docx hashed them all again for each new one)."""

from __future__ import annotations

import io
import zipfile

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
