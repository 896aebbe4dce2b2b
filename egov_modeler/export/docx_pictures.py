"""Pictures added to a Word document: encoded beside the document's making, and added in
time linear in their number.

Why: the Word dossier of a 20,000-element model has 81 diagrams, up to 6 MB each.
- Encoding them as PNG was a third of the dossier's time. Pillow lets go of the
  interpreter while it encodes, so a second thread encodes each picture while the next
  view is drawn and the document goes on (a few pictures wait at most, so memory stays
  bounded); they are added to the document in order, as they would be one by one.
- python-docx's ``Run.add_picture`` looks for an identical picture already in the
  document by hashing every picture added before (again, for each new one), and finds the
  next drawing id by searching the whole document's XML: a tenth of the time, growing
  with the square of the number of views. The dossier's pictures are all different (one
  per view), so each is added as a new picture, and the ids are counted from the largest
  one in the document when the first picture is added. The file is byte for byte what
  ``add_picture`` writes.
"""

from __future__ import annotations

import io
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

__all__ = ["Pictures"]

#: Pictures encoded or waiting to be, at most, before the document waits for the oldest.
MAX_WAITING = 3


def _png(image: Any, dpi: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


class Pictures:
    """Adds pictures to one python-docx ``Document``; nothing else may add pictures or
    drawing ids to it meanwhile. A context manager: leaving it adds the pictures still
    waiting (or, after an exception, drops them)."""

    def __init__(self, document: Any) -> None:
        self._part = document.part
        self._next_id: int | None = None
        self._next_number: int | None = None
        self._encoder = ThreadPoolExecutor(max_workers=1,
                                           thread_name_prefix="docx-pictures")
        self._waiting: deque[tuple[Any, Future[bytes], int]] = deque()

    def __enter__(self) -> Pictures:
        return self

    def __exit__(self, kind: Any, value: Any, traceback: Any) -> None:
        try:
            if kind is None:
                self.finish()
        finally:
            self._encoder.shutdown(wait=True, cancel_futures=True)

    def add_image(self, run: Any, image: Any, width_emu: int, dpi: int) -> None:
        """Put the Pillow ``image`` at the end of ``run`` as a PNG of ``dpi`` dots per
        inch, ``width_emu`` wide: encoded in the second thread, added in order."""
        self._waiting.append((run, self._encoder.submit(_png, image, dpi), width_emu))
        while len(self._waiting) > MAX_WAITING:
            self._add_oldest()

    def finish(self) -> None:
        """Add every picture still waiting."""
        while self._waiting:
            self._add_oldest()

    def _add_oldest(self) -> None:
        run, encoded, width_emu = self._waiting.popleft()
        self.add(run, encoded.result(), width_emu)

    def add(self, run: Any, png: bytes, width_emu: int) -> None:
        """Put the picture ``png`` at the end of ``run``, ``width_emu`` wide (its height
        keeps the picture's proportions), as ``run.add_picture`` would."""
        from docx.image.image import Image
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.oxml.shape import CT_Inline
        from docx.parts.image import ImagePart

        images = self._part.package.image_parts
        if self._next_number is None:  # once: the numbers of pictures already there
            self._next_number = 1 + max((part.partname.idx or 0 for part in images),
                                        default=0)
            self._next_id = self._part.next_id
        assert self._next_id is not None
        image = Image.from_blob(png)
        partname = PackURI(f"/word/media/image{self._next_number}.{image.ext}")
        part = ImagePart.from_image(image, partname)
        images.append(part)
        relationship = self._part.relate_to(part, RELATIONSHIP_TYPE.IMAGE)
        width, height = image.scaled_dimensions(width_emu, None)
        run._r.add_drawing(CT_Inline.new_pic_inline(self._next_id, relationship,
                                                    image.filename, width, height))
        self._next_number += 1
        self._next_id += 1
