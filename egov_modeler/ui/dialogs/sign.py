"""Sign a dossier PDF in one of its approval boxes (File > Sign dossier…).

The window-side twin of ``egov-modeler sign``: the PDF, the box (only the empty
signature fields the file has are offered), the PKCS#12 certificate and its password,
reason and place, and where to write the signed file (by default beside the original,
"<name>-signed.pdf", so the unsigned dossier stays). Signing itself is
:func:`~egov_modeler.export.sign.sign_dossier`; errors (wrong password, a field already
signed, not a PDF) are shown in the dialog in the interface's language and nothing is
written. A USB token is used with pyHanko's PKCS#11 support (see the README).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...export.sign import SignOptions, sign_dossier, signature_fields_of
from ...i18n import current_language
from ...model.errors import ModelError

log = logging.getLogger(__name__)

__all__ = ["SignDialog"]

#: The path fields' width: 150 px showed a dozen letters of "C:\\Users\\…\\ho-so.pdf".
PATH_MIN_WIDTH = 420


class SignDialog(QDialog):
    """Choose the PDF, the approval box and the certificate; Sign writes the signed
    file."""

    def __init__(self, pdf_path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign dossier"))
        self.signed_path: str | None = None
        self.signer_name: str | None = None

        self.pdf_edit = QLineEdit(pdf_path or "")
        self.field = QComboBox()
        self.certificate_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason_edit = QLineEdit()
        self.location_edit = QLineEdit()
        self.output_edit = QLineEdit()
        self.message = QLabel()
        self.message.setObjectName("signMessage")
        self.message.setWordWrap(True)

        captions = {"preparer": self.tr("Prepared by"), "checker": self.tr("Checked by"),
                    "approver": self.tr("Approved by")}
        self._captions = captions

        def with_browse(edit: QLineEdit, handler) -> QHBoxLayout:
            row = QHBoxLayout()
            edit.setMinimumWidth(PATH_MIN_WIDTH)  # a folder and a file name, readable
            row.addWidget(edit, 1)
            button = QPushButton(self.tr("Browse…"))
            button.clicked.connect(handler)
            row.addWidget(button)
            return row

        form = QFormLayout()
        form.addRow(self.tr("Dossier (PDF):"), with_browse(self.pdf_edit, self._browse_pdf))
        form.addRow(self.tr("Approval box:"), self.field)
        form.addRow(self.tr("Certificate (.p12, .pfx):"),
                    with_browse(self.certificate_edit, self._browse_certificate))
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow(self.tr("Place:"), self.location_edit)
        form.addRow(self.tr("Signed file:"), with_browse(self.output_edit, self._browse_output))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(self.tr("Sign"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.clicked.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        main = QVBoxLayout(self)
        main.addLayout(form)
        main.addWidget(self.message)
        main.addWidget(self.buttons)
        self.pdf_edit.editingFinished.connect(self.load_fields)
        self.load_fields()

    # -- choosing files -------------------------------------------------------------------
    def _browse_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Dossier to sign"),
                                              self.pdf_edit.text(), self.tr("PDF (*.pdf)"))
        if path:
            self.pdf_edit.setText(path)
            self.load_fields()

    def _browse_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate"), self.certificate_edit.text(),
            self.tr("PKCS#12 certificates (*.p12 *.pfx)"))
        if path:
            self.certificate_edit.setText(path)

    def _browse_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Signed file"),
                                              self.output_edit.text(), self.tr("PDF (*.pdf)"))
        if path:
            self.output_edit.setText(path)

    def load_fields(self) -> None:
        """Offer the empty signature fields of the chosen PDF."""
        self.field.clear()
        path = self.pdf_edit.text().strip()
        if not path:
            self.sign_button.setEnabled(False)
            return
        try:
            fields = signature_fields_of(path)
        except (OSError, ModelError) as exc:
            self.message.setText(str(exc))
            self.sign_button.setEnabled(False)
            return
        for name, signed in fields.items():
            if not signed:
                self.field.addItem(self._captions.get(name, name), name)
        if not self.output_edit.text().strip():
            source = Path(path)
            self.output_edit.setText(str(source.with_name(f"{source.stem}-signed.pdf")))
        if self.field.count():
            self.message.clear()
        else:
            self.message.setText(self.tr("This PDF has no empty signature field."))
        self.sign_button.setEnabled(self.field.count() > 0)

    # -- signing ----------------------------------------------------------------------------
    def sign(self) -> bool:
        """Sign with the choices made; on success the dialog closes and
        :attr:`signed_path` names the file written."""
        field = self.field.currentData()
        certificate = self.certificate_edit.text().strip()
        if not field or not certificate:
            self.message.setText(self.tr("Choose an approval box and a certificate."))
            return False
        password = self.password_edit.text()
        output = self.output_edit.text().strip() or self.pdf_edit.text().strip()
        options = SignOptions(field=field, reason=self.reason_edit.text().strip(),
                              location=self.location_edit.text().strip(),
                              lang=current_language())
        try:
            name = sign_dossier(self.pdf_edit.text().strip(), output, certificate,
                                password.encode("utf-8") if password else None, options)
        except ModelError as exc:
            self.message.setText(str(exc))
            return False
        except OSError as exc:
            self.message.setText(self.tr("Cannot sign: {reason}").format(
                reason=exc.strerror or exc))
            return False
        self.signed_path, self.signer_name = output, name
        self.message.setText(self.tr("Signed by {name}").format(name=name))
        self.accept()
        return True
