"""``egov-modeler sign DOSSIER.pdf --field approver --p12 CERT.p12 [--password-file F]``.

Signs one approval box of a dossier written by ``export --format pdf`` (its signature
fields are ``preparer``, ``checker`` and ``approver``) with the key and certificate of a
PKCS#12 file, in an incremental update, so the file stays PDF/A-2b and earlier signatures
stay valid. The password is read from ``--password-file`` (first line), else asked for
without echo when a terminal is attached, else the file is taken as unprotected.
A USB token is used through PKCS#11 with pyHanko's own command (see the README).
"""

from __future__ import annotations

import argparse
import sys

from ..i18n import tr

#: The dossier's signature fields (``export.sign.SIGNATURE_ROLES``; named here so that
#: ``--help`` does not load the PDF libraries).
SIGNATURE_ROLES = ("preparer", "checker", "approver")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sign", help=tr("sign an approval box of a PDF dossier with a certificate"))
    parser.add_argument("file", help=tr("the PDF dossier to sign"))
    parser.add_argument("--field", default="approver", choices=SIGNATURE_ROLES,
                        help=tr("the approval box to sign (default: approver)"))
    parser.add_argument("--p12", required=True, metavar="CERT.p12",
                        help=tr("the PKCS#12 file (.p12, .pfx) with the key and certificate"))
    parser.add_argument("--password-file", metavar="FILE", default=None,
                        help=tr("a file whose first line is the PKCS#12 password"))
    parser.add_argument("-o", "--output", default=None,
                        help=tr("the signed file (default: sign the file in place)"))
    parser.add_argument("--reason", default="", help=tr("the reason written in the signature"))
    parser.add_argument("--location", default="",
                        help=tr("the place written in the signature"))
    parser.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS,
                        help=tr("language of the visible stamp (default: vi)"))
    parser.set_defaults(run=run)


def _password(args: argparse.Namespace) -> bytes | None:
    from .common import fail

    if args.password_file:
        try:
            with open(args.password_file, encoding="utf-8") as handle:
                line = handle.readline().rstrip("\r\n")
        except OSError as exc:
            fail(tr("Cannot read {path}: {reason}", path=args.password_file,
                    reason=exc.strerror or exc))
        return line.encode("utf-8")
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        typed = getpass.getpass(tr("Password of {path}: ", path=args.p12))
        return typed.encode("utf-8") if typed else None
    return None


def run(args: argparse.Namespace) -> int:
    from ..export.sign import SignOptions, sign_dossier
    from ..i18n import current_language
    from ..model.errors import ModelError
    from .common import EXIT_OK, fail

    options = SignOptions(field=args.field, reason=args.reason, location=args.location,
                          lang=getattr(args, "lang", None) or current_language())
    target = args.output or args.file
    try:
        name = sign_dossier(args.file, target, args.p12, _password(args), options)
    except ModelError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(tr("Cannot sign {path}: {reason}", path=args.file, reason=exc.strerror or exc))
    print(tr("Signed {path} in the field {field} as {name}", path=target, field=args.field,
             name=name))
    return EXIT_OK
