"""The File menu's exchange entries: import an ArchiMate exchange file or Archi CSV, load a
component catalog, export (exchange XML, Archi CSV, the PDF and Word dossiers, PNG/SVG of
the current view), sign a dossier, and print with a preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ...exchange.oef_reader import read_exchange
from ...exchange.oef_writer import write_exchange
from ...exchange.xlsx_inventory_companion import write_companion_workbook
from ...export import images
from ...export.pdf.dossier import DossierOptions, write_dossier
from ...i18n import current_language
from ...model.cancel import Cancelled, CancelToken
from ...model.catalog import CatalogError, add_user_catalog
from ...model.commands import Command
from ...model.errors import ModelError
from ..dialogs.file_actions import Dialogs
from ..dialogs.pdf_export import PdfExportDialog
from ..document import Document
from ..long_work import run_long
from .actions import make_action
from .file_controller import FileController
from .view_controller import ViewController

EXCHANGE_FILTER = "ArchiMate Open Exchange (*.xml)"


class ExportController(QObject):
    """File > Import, Load catalog, Export, Print."""

    #: A user catalog joined the palette: the palette shows it.
    catalogLoaded = Signal()

    def __init__(self, document: Document, files: FileController, views: ViewController,
                 dialogs: Dialogs, show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.files = files
        self.views = views
        self.dialogs = dialogs
        self.show_status = show_status
        self._dialog_parent = parent
        self._build_actions()
        views.currentChanged.connect(self.update_actions)

    # ================================================================ actions and menus
    def _build_actions(self) -> None:
        S = QKeySequence.StandardKey
        self.act_import = make_action(self, self.tr("&Import ArchiMate exchange file…"),
                                      self.import_exchange, QKeySequence("Ctrl+I"))
        self.act_catalog = make_action(self, self.tr("Load component &catalog…"),
                                       lambda: self.load_catalog())
        self.act_export_oef = make_action(self, self.tr("ArchiMate exchange file (XML)…"),
                                          self.export_exchange)
        self.act_export_pdf = make_action(self, self.tr("PDF…"), self.export_pdf,
                                          QKeySequence("Ctrl+Shift+P"))
        self.act_print = make_action(self, self.tr("&Print…"), self.print_dossier, S.Print,
                                     self.tr("Print the dossier's pages, with a preview"))
        self.act_import_csv = make_action(self, self.tr("Archi CSV (merge into this model)…"),
                                          self.import_csv)
        self.act_export_csv = make_action(self, self.tr("Archi CSV…"), self.export_csv)
        self.act_export_docx = make_action(self, self.tr("Word document (DOCX)…"),
                                           self.export_docx, QKeySequence("Ctrl+Shift+W"))
        self.act_sign = make_action(self, self.tr("&Sign a dossier…"), self.sign_dossier,
                                    tip=self.tr("Sign a PDF dossier with a digital "
                                                "certificate"))
        #: The last PDF dossier written here, offered to the Sign dialog.
        self.last_pdf: str | None = None
        self.act_export_png = make_action(self, self.tr("Current view as PNG…"),
                                          lambda: self.export_image("png"))
        self.act_export_svg = make_action(self, self.tr("Current view as SVG…"),
                                          lambda: self.export_image("svg"))

    def fill_file_menu(self, menu: QMenu) -> None:
        """Import, Load catalog, the Export submenu, Sign, Print."""
        menu.addAction(self.act_import)
        import_menu = menu.addMenu(self.tr("Import into this &model"))
        import_menu.addAction(self.act_import_csv)
        menu.addAction(self.act_catalog)
        export_menu = menu.addMenu(self.tr("&Export"))
        for action in (self.act_export_oef, self.act_export_csv, self.act_export_pdf,
                       self.act_export_docx, self.act_export_png, self.act_export_svg):
            export_menu.addAction(action)
        menu.addAction(self.act_sign)
        menu.addAction(self.act_print)

    def update_actions(self) -> None:
        has_view = self.views.current_canvas() is not None
        for action in (self.act_export_png, self.act_export_svg):
            action.setEnabled(has_view)

    # ================================================================ import
    def import_exchange(self) -> bool:
        """File > Import: an ArchiMate Open Exchange file becomes the open model."""
        path = self.dialogs.open_path(self.tr("Import ArchiMate exchange file"),
                                      EXCHANGE_FILTER)
        if not path or not self.files.maybe_save():
            return False
        try:
            model = run_long(self._dialog_parent, self.tr("Reading the exchange file…"),
                             lambda: read_exchange(path), keep=True)
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot import"),
                               self.tr("‘{path}’ could not be imported.").format(path=path),
                               str(exc))
            return False
        self.document.replace(model, None)
        if model.load_report:
            self.dialogs.info(
                self.tr("Import finished with omissions"),
                self.tr("Not imported: %n item(s) of the file.", "", len(model.load_report)),
                "\n".join(model.load_report))
        else:
            self.show_status(self.tr("Imported {path}").format(path=path))
        return True

    def load_catalog(self, path: str | None = None) -> bool:
        """File > Load catalog: a province's own systems join the palette."""
        path = path or self.dialogs.open_path(self.tr("Load a component catalog"),
                                              "JSON (*.json)")
        if not path:
            return False
        try:
            add_user_catalog(path)
        except (CatalogError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot load the catalog"), str(exc))
            return False
        self.catalogLoaded.emit()
        self.show_status(self.tr("Catalog {path} added to the palette").format(path=path))
        return True

    # ================================================================ export
    def export_exchange(self) -> bool:
        path = self.dialogs.save_path(self.tr("Export as ArchiMate exchange file"),
                                      EXCHANGE_FILTER, self._suggest(".xml"))
        if not path:
            return False
        try:
            model = self.document.model
            run_long(self._dialog_parent, self.tr("Writing the exchange file…"),
                     lambda: write_exchange(model, path))
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}").format(path=path))
        return True

    def export_pdf(self) -> bool:
        """File > Export > PDF: the options dialog, then the dossier."""
        options = self._pdf_options()
        if options is None:
            return False
        path = self.dialogs.save_path(self.tr("Export PDF"), "PDF (*.pdf)",
                                      self._suggest(".pdf"))
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        cancel = CancelToken()
        try:
            pages = run_long(self._dialog_parent, self.tr("Writing the PDF dossier…"),
                             lambda: self._write_pdf(path, options, cancel), cancel=cancel)
        except Cancelled:
            self.show_status(self.tr("PDF export stopped: nothing was written"))
            return False
        except (ModelError, OSError, ValueError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.last_pdf = path
        self.show_status(self.tr("Exported {path} ({pages} pages)").format(
            path=path, pages=pages))
        return True

    def _write_pdf(self, path: str, options: DossierOptions, cancel: CancelToken) -> int:
        """The dossier and its companion workbook (the inventory travels along); runs off
        the GUI thread (a national model takes seconds)."""
        model = self.document.model
        pages = write_dossier(model, path, options, cancel)
        write_companion_workbook(model, path, options.lang or current_language(),
                                 attach=not options.pdfa)
        return pages

    def _pdf_options(self, title: str | None = None, word: bool = False
                     ) -> DossierOptions | None:
        """The dossier options from the PDF dialog (titled ``title`` when it asks for
        another format; ``word``: only the options the Word document has); the dossier
        fields typed there (agency, approver...) are stored in the model as one undo
        step."""
        editor = self.document.editor
        label = self.tr("Edit dossier fields")

        def apply_commands(commands: list[Command]) -> None:
            editor.run_many(label, list(commands))

        dialog = PdfExportDialog(self.document.model, self._dialog_parent,
                                 self.views.current_view_id(), apply_commands=apply_commands,
                                 word=word)
        if title:
            dialog.setWindowTitle(title)
        try:
            if not self.dialogs.run_dialog(dialog):
                return None
            return dialog.options()
        finally:
            dialog.deleteLater()

    def print_dossier(self) -> bool:
        """File > Print: the dossier's pages in a preview (paper, orientation, fit or tile,
        page range), printed as the PDF prints them."""
        from ..dialogs.print_preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(self.document.model,
                                    DossierOptions(lang=current_language()),
                                    self._dialog_parent)
        try:
            return self.dialogs.run_dialog(dialog)
        finally:
            dialog.deleteLater()

    def export_docx(self) -> bool:
        """File > Export > Word: the same options and dossier fields as the PDF, then an
        editable Word dossier."""
        from ...export.docx_dossier import write_docx

        options = self._pdf_options(self.tr("Export Word document"), word=True)
        if options is None:
            return False
        path = self.dialogs.save_path(self.tr("Export Word document"), "Word (*.docx)",
                                      self._suggest(".docx"))
        if not path:
            return False
        if not path.lower().endswith(".docx"):
            path += ".docx"
        cancel = CancelToken()
        try:
            model = self.document.model
            figures = run_long(self._dialog_parent, self.tr("Writing the Word document…"),
                               lambda: write_docx(model, path, options, cancel),
                               cancel=cancel)
        except Cancelled:
            self.show_status(self.tr("Word export stopped: nothing was written"))
            return False
        except (ModelError, OSError, ValueError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path} ({figures} figures)").format(
            path=path, figures=figures))
        return True

    def sign_dossier(self) -> bool:
        """File > Sign: a PDF dossier signed in one of its approval boxes."""
        from ..dialogs.sign import SignDialog

        dialog = SignDialog(self.last_pdf, self._dialog_parent)
        try:
            if not self.dialogs.run_dialog(dialog) or not dialog.signed_path:
                return False
            self.show_status(self.tr("Signed by {name}: {path}").format(
                name=dialog.signer_name or "?", path=dialog.signed_path))
            return True
        finally:
            dialog.deleteLater()

    def import_csv(self) -> bool:
        """File > Import into this model > Archi CSV: rows merge into the open model as one
        undo step; when any row is refused, nothing is applied and every refusal is named."""
        from ...exchange.archi_csv_import import CsvImportError, plan_csv_import

        path = self.dialogs.open_path(self.tr("Import Archi CSV"), "CSV (*.csv)")
        if not path:
            return False
        model = self.document.model
        try:
            plan = run_long(self._dialog_parent, self.tr("Reading the CSV files…"),
                            lambda: plan_csv_import(model, path))
        except CsvImportError as exc:
            self.dialogs.error(self.tr("Nothing was imported"),
                               self.tr("{count} rows were refused; fix them and import "
                                       "again.").format(count=len(exc.problems)),
                               "\n".join(exc.problems))
            return False
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot import"), str(exc))
            return False
        if not self.document.editor.run(plan.command):
            return False
        self.show_status(self.tr("Imported from CSV: {created} new, {updated} changed, "
                                 "{properties} properties").format(
            created=plan.created, updated=plan.updated, properties=plan.properties))
        if plan.notes:
            self.dialogs.info(self.tr("CSV import"), self.tr("The import is done; notes:"),
                              "\n".join(plan.notes))
        return True

    def export_csv(self) -> bool:
        """File > Export > Archi CSV: elements, relations and properties files."""
        from ...exchange.archi_csv_export import write_archi_csv
        from ..dialogs.archi_csv_export import CsvExportDialog

        folder = str(Path(self.document.path).parent) if self.document.path else ""
        dialog = CsvExportDialog(folder, self._dialog_parent)
        try:
            if not self.dialogs.run_dialog(dialog):
                return False
            target, options = dialog.folder(), dialog.options()
        finally:
            dialog.deleteLater()
        if not target:
            return False
        try:
            written = write_archi_csv(self.document.model, target, options)
        except (ModelError, OSError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {count} CSV files to {folder}").format(
            count=len(written), folder=target))
        return True

    def export_image(self, kind: str) -> bool:
        """Export the current view as PNG or SVG."""
        view_id = self.views.current_view_id()
        if view_id is None:
            return False
        writer = images.write_png if kind == "png" else images.write_svg
        path = self.dialogs.save_path(self.tr("Export image"), f"{kind.upper()} (*.{kind})",
                                      self._suggest(f".{kind}"))
        if not path:
            return False
        model = self.document.model
        try:  # a PNG of a 2,000-node view takes seconds
            run_long(self._dialog_parent, self.tr("Writing the image…"),
                     lambda: writer(model, model.view(view_id), path))
        except (ModelError, OSError, TypeError) as exc:
            self.dialogs.error(self.tr("Cannot export"), str(exc))
            return False
        self.show_status(self.tr("Exported {path}").format(path=path))
        return True

    def _suggest(self, suffix: str) -> str:
        base = self.document.path or (self.document.model.name or "model")
        return str(Path(base).with_suffix(suffix))
