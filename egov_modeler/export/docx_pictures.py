"""Pictures added to a Word document in time linear in their number.

Why: python-docx's ``Run.add_picture`` looks for an identical picture already in the
document by hashing every picture added before (again, for each new one), and finds the
next drawing id by searching the whole document's XML. The dossier of a 20,000-element
model has 81 diagrams, up to 6 MB each: those two searches took a tenth of its time, and
grew with the square of the number of views. The dossier's pictures are all different
(one per view), so each is added as a new picture, and the ids are counted from the
largest one in the document when the first picture is added.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Pictures"]


class Pictures:
    """Adds pictures to one python-docx ``Document``; nothing else may add pictures or
    drawing ids to it meanwhile."""

    def __init__(self, document: Any) -> None:
        self._part = document.part
        self._next_id: int | None = None
        self._next_number: int | None = None

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
