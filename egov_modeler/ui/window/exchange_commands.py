"""Import and export commands of the main window: ArchiMate exchange files, component
catalogs, the PDF dossier, PNG/SVG images and printing.

Each exporter is imported when used, so a build without one still opens the editor and
says what is missing. Part of :class:`~egov_modeler.ui.window.main_window.MainWindow` (a mixin).
"""

from __future__ import annotations

from pathlib import Path

from ...model.errors import ModelError

EXCHANGE_FILTER = "ArchiMate Open Exchange (*.xml)"


class ExchangeCommandsMixin:
    """File > Import, Load catalog, Export, Print."""

    def import_exchange(self) -> bool:
        """File > Import: an ArchiMate Open Exchange file becomes the open model."""
        path = self.dialogs.open_path(self.tr("Import ArchiMate exchange file"),
                                      EXCHANGE_FILTER)
        if not path or not self.maybe_save():
            return False
        try:
            from ...exchange.oef_reader import read_exchange

            model = read_exchange(path)
        except ImportError:
            self.dialogs.error(self.tr("Import"), self.tr(
                "ArchiMate import is not available in this build"))
            return False
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot import"),
                               self.tr("‘{path}’ could not be imported.").format(path=path),
                               str(exc))
            return False
        self.set_model(model, None)
        if model.load_report:
            self.dialogs.info(
                self.tr("Import finished with omissions"),
                self.tr("{count} things in the file were not imported.").format(
                    count=len(model.load_report)), "\n".join(model.load_report))
        else:
            self.show_status(self.tr("Imported {path}").format(path=path))
        return True

    def load_catalog(self, path: str | None = None) -> bool:
        """File > Load catalog: a province's own systems join the palette."""
        path = path or self.dialogs.open_path(self.tr("Load a component catalog"),
                                              "JSON (*.json)")
        if not path:
            return False
        from ...model.catalog import CatalogError, add_user_catalog

        try:
            add_user_catalog(path)
        except (CatalogError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot load the catalog"), str(exc))
            return False
        self.palette.reload()
        self.show_status(self.tr("Catalog {path} added to the palette").format(path=path))
        return True

    def export_exchange(self) -> bool:
        path = self.dialogs.save_path(self.tr("Export as ArchiMate exchange file"),
                                      EXCHANGE_FILTER, self._suggest(".xml"))
        if not path:
            return False
        try:
            from ...exchange.oef_writer import write_exchange

            write_exchange(self.model, path)
        except ImportError:
            self.show_status(self.tr("ArchiMate export is not available in this build"))
            return False
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}").format(path=path))
        return True

    def export_pdf(self) -> bool:
        """File > Export > PDF: the options dialog (when available), then the dossier."""
        try:
            from ...export.pdf.dossier import DossierOptions, write_dossier
        except ImportError:
            self.show_status(self.tr("PDF export is not available in this build yet"))
            return False
        options = self._pdf_options(DossierOptions)
        if options is None:
            return False
        path = self.dialogs.save_path(self.tr("Export PDF"), "PDF (*.pdf)",
                                      self._suggest(".pdf"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            pages = write_dossier(self.model, path, options)
        except (ModelError, OSError, ValueError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path} ({pages} pages)").format(
            path=path, pages=pages))
        return True

    def _pdf_options(self, default_options):
        """The dossier options from the PDF dialog; the dossier fields typed there (agency,
        approver...) are stored in the model as one undo step."""
        try:
            from ..dialogs.pdf_export import PdfExportDialog
        except ImportError:
            return default_options()
        dialog = PdfExportDialog(
            self.model, self, self.current_view_id(),
            apply_commands=lambda commands: self.editor.run_many(
                self.tr("Edit dossier fields"), list(commands)))
        try:
            if not self.dialogs.run_dialog(dialog):
                return None
            return dialog.options()
        finally:
            dialog.deleteLater()

    def print_view(self, printer=None) -> bool:
        """File > Print: the current view, fitted to the page, as vectors."""
        canvas = self.current_canvas()
        if canvas is None:
            return False
        printer = printer or self.dialogs.ask_printer()
        if printer is None:
            return False
        from PySide6.QtGui import QPainter

        scene = canvas.diagram()
        selected = scene.selectedItems()
        for item in selected:  # print the diagram, not the selection handles
            item.setSelected(False)
        source = scene.content_rect().adjusted(-10, -10, 10, 10)
        painter = QPainter()
        if not painter.begin(printer):
            self.dialogs.error(self.tr("Cannot print"), self.tr("The printer is not ready."))
            return False
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            scene.render(painter, page.toRectF(), source)
        finally:
            painter.end()
            for item in selected:
                item.setSelected(True)
        self.show_status(self.tr("Sent ‘{name}’ to the printer").format(
            name=scene.view().name))
        return True

    def export_image(self, kind: str) -> bool:
        """Export the current view as PNG or SVG."""
        view_id = self.current_view_id()
        if view_id is None:
            return False
        try:
            from ...export import images
        except ImportError:
            self.show_status(self.tr("Image export is not available in this build yet"))
            return False
        writer = getattr(images, f"write_{kind}", None)
        if writer is None:
            self.show_status(self.tr("Image export is not available in this build yet"))
            return False
        path = self.dialogs.save_path(self.tr("Export image"), f"{kind.upper()} (*.{kind})",
                                      self._suggest(f".{kind}"))
        if not path:
            return False
        try:
            writer(self.model, self.model.view(view_id), path)
        except (ModelError, OSError, TypeError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}").format(path=path))
        return True

    def _suggest(self, suffix: str) -> str:
        base = self.path or (self.model.name or "model")
        return str(Path(base).with_suffix(suffix))

