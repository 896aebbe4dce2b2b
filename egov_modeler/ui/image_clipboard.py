"""A diagram as a picture on the clipboard, to paste into Word, LibreOffice or an e-mail.

The picture is the same display list the PDF, PNG and SVG exports draw
(:mod:`egov_modeler.export.images`), so what is pasted matches the dossier. The clipboard
gets it in the forms office programs read:

- ``image/png`` and Qt's image (on Windows Qt offers it as a bitmap and as "PNG", which
  Word pastes), at 2 pixels per point with its resolution (144 dpi) recorded, so Word and
  LibreOffice paste it at the diagram's size and it prints sharp;
- ``image/svg+xml``, vector, with the bundled font inside: LibreOffice (and Office 365 on
  Windows, which reads the clipboard format of that name) pastes it as a drawing that
  scales without blur.

No file URL is offered: Word and LibreOffice would paste a link or an embedded file
object instead of the picture.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage

from ..diagram.display_list import build_scene
from ..export.images import png_image, svg_bytes
from ..model.model import Model
from ..model.views import View

PNG_MIME = "image/png"
SVG_MIME = "image/svg+xml"
#: The name under which Windows programs (Office 365) look for SVG on the clipboard.
WINDOWS_SVG_MIME = 'application/x-qt-windows-mime;value="image/svg+xml"'
#: Pixels per point of the pasted PNG (144 dpi: sharp on paper, the diagram's size).
PNG_SCALE = 2.0


def diagram_png_and_svg(model: Model, view: View, language: str) -> tuple[bytes, bytes]:
    """The view as PNG and SVG bytes, drawn as on the canvas (names in ``language``)."""
    scene = build_scene(model, view, language)
    image = png_image(scene, PNG_SCALE)
    buffer = io.BytesIO()
    dpi = round(72 * PNG_SCALE)
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    svg = svg_bytes(scene, view.names.get(language) or view.name,
                    view.documentations.get(language) or view.documentation)
    return buffer.getvalue(), svg


def diagram_mime(model: Model, view: View, language: str) -> QMimeData:
    """Clipboard data holding the view as PNG (with Qt's image) and as SVG."""
    png, svg = diagram_png_and_svg(model, view, language)
    mime = QMimeData()
    mime.setImageData(QImage.fromData(png))
    mime.setData(PNG_MIME, png)
    mime.setData(SVG_MIME, svg)
    mime.setData(WINDOWS_SVG_MIME, svg)
    return mime
