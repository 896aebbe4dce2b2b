"""PDF/A-2b checks, rule by rule, with pikepdf.

Why not a validator: no PDF/A validator that works offline installs from PyPI (veraPDF is a
Java program distributed outside PyPI). So the rules of ISO 19005-2 level B that a file
written by reportlab and signed by pyHanko could break are checked one by one; each
violation is reported with the clause it breaks. Used on every dossier the tests write
and on signed files.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pikepdf


def _fonts_of(resources, seen: set, found: list) -> None:
    if resources is None or "/Font" not in resources and "/XObject" not in resources:
        return
    for _, font in (resources.get("/Font") or {}).items():
        if font.objgen in seen:
            continue
        seen.add(font.objgen)
        found.append(font)
    for _, xobject in (resources.get("/XObject") or {}).items():
        if xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        _fonts_of(xobject.get("/Resources"), seen, found)


def _all_fonts(pdf: pikepdf.Pdf) -> list:
    seen: set = set()
    found: list = []
    for page in pdf.pages:
        _fonts_of(page.obj.get("/Resources"), seen, found)
        for annot in page.obj.get("/Annots") or []:
            ap = annot.get("/AP")
            if ap is not None and "/N" in ap:
                normal = ap["/N"]
                if isinstance(normal, pikepdf.Stream):
                    _fonts_of(normal.get("/Resources"), seen, found)
    return found


def _descendant_fonts(font) -> list:
    if font.get("/Subtype") == "/Type0":
        return list(font.get("/DescendantFonts") or [])
    return [font]


def _info_date(text: str) -> dt.datetime | None:
    """A PDF date ("D:20261129064438+07'00'") as an aware datetime (UTC when no zone)."""
    match = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
                     r"(Z|[+-]\d{2}'?\d{2}'?)?", text)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    tz = dt.UTC
    if zone and zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace("'", "")
        tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
    return dt.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0),
                       int(minute or 0), int(second or 0), tzinfo=tz)


def _xmp_date(value) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _text(value) -> str:
    return str(value) if value is not None else ""


def pdfa_violations(path: str | Path) -> list[str]:
    """Every PDF/A-2b rule ``path`` breaks (empty when it conforms to those checked)."""
    problems: list[str] = []
    data = Path(path).read_bytes()
    # 6.1.2 file header: "%PDF-1.n" then a comment of at least four bytes above 127
    header = data[:64].split(b"\n")
    if not header[0].startswith(b"%PDF-1."):
        problems.append("6.1.2: the header is not %PDF-1.n")
    elif len(header) < 2 or not header[1].startswith(b"%") or sum(
            1 for b in header[1][1:5] if b > 127) < 4:
        problems.append("6.1.2: no binary comment line after the header")
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        # 6.1.3 no encryption; the trailer has an ID
        if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
            problems.append("6.1.3: encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("6.1.3: the trailer has no /ID")
        # 6.2.2 output intent with an ICC profile (GTS_PDFA1)
        intents = root.get("/OutputIntents") or []
        pdfa_intents = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
        if not pdfa_intents:
            problems.append("6.2.2: no GTS_PDFA1 output intent")
        for intent in pdfa_intents:
            profile = intent.get("/DestOutputProfile")
            if profile is None:
                problems.append("6.2.2: the output intent has no DestOutputProfile")
                continue
            icc = profile.read_bytes()
            if icc[36:40] != b"acsp" or icc[16:20] != b"RGB ":
                problems.append("6.2.2: the output profile is not an RGB ICC profile")
            if int(profile.get("/N", 0)) != 3:
                problems.append("6.2.2: the output profile's /N is not 3")
        # 6.6.2 XMP metadata: present, unfiltered, pdfaid part 2 conformance B
        if "/Metadata" not in root:
            problems.append("6.6.2: no XMP metadata in the catalog")
        else:
            stream = root.Metadata
            if "/Filter" in stream:
                problems.append("6.6.2: the metadata stream is filtered")
            # 6.6.3 the document information agrees with the XMP
            with pdf.open_metadata() as meta:
                if str(meta.get("pdfaid:part")) != "2":
                    problems.append("6.6.4: XMP pdfaid:part is not 2")
                if str(meta.get("pdfaid:conformance")) != "B":
                    problems.append("6.6.4: XMP pdfaid:conformance is not B")
                pairs = (("/Title", "dc:title"), ("/Author", "dc:creator"),
                         ("/Subject", "dc:description"), ("/Creator", "xmp:CreatorTool"),
                         ("/Producer", "pdf:Producer"))
                for info_key, xmp_key in pairs:
                    if info_key not in pdf.docinfo:
                        continue
                    info_value = _text(pdf.docinfo[info_key])
                    xmp_value = meta.get(xmp_key)
                    if isinstance(xmp_value, list):
                        xmp_value = ", ".join(xmp_value)
                    if info_value and info_value != _text(xmp_value):
                        problems.append(f"6.6.3: Info {info_key} {info_value!r} differs from "
                                        f"XMP {xmp_key} {xmp_value!r}")
                for info_key, xmp_key in (("/CreationDate", "xmp:CreateDate"),
                                          ("/ModDate", "xmp:ModifyDate")):
                    if info_key not in pdf.docinfo:
                        continue
                    info_date = _info_date(_text(pdf.docinfo[info_key]))
                    xmp_date = _xmp_date(meta.get(xmp_key))
                    if info_date != xmp_date:
                        problems.append(f"6.6.3: Info {info_key} {info_date} differs from "
                                        f"XMP {xmp_key} {xmp_date}")
            if "/Trapped" in pdf.docinfo and pdf.docinfo.Trapped not in (
                    pikepdf.Name.True_, pikepdf.Name.False_):
                problems.append("6.6.3: /Trapped is neither True nor False")
        # 6.1.x no JavaScript, no launch actions, no additional actions on the document
        names = root.get("/Names") or {}
        if "/JavaScript" in names:
            problems.append("6.5.1: the document has JavaScript")
        if "/AA" in root:
            problems.append("6.5.2: the catalog has additional actions")
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") in (
                    "/JavaScript", "/Launch", "/ImportData", "/ResetForm", "/Sound",
                    "/Movie"):
                problems.append(f"6.5.1: forbidden action {obj.get('/S')}")
            if isinstance(obj, pikepdf.Stream):
                filters = obj.get("/Filter")
                filters = [filters] if isinstance(filters, pikepdf.Name) else (filters or [])
                if "/LZWDecode" in [str(f) for f in filters]:
                    problems.append("6.1.7: LZW-compressed stream")
                if obj.get("/Subtype") == "/Image" and obj.get("/Interpolate") is True:
                    problems.append("6.2.8: an image asks for interpolation")
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/ExtGState":
                if "/TR" in obj or "/TR2" in obj and obj.TR2 != "/Default":
                    problems.append("6.2.5: a transfer function in a graphics state")
                bm = obj.get("/BM")
                if bm is not None and str(bm) not in (
                        "/Normal", "/Compatible", "/Multiply", "/Screen", "/Overlay",
                        "/Darken", "/Lighten", "/ColorDodge", "/ColorBurn", "/HardLight",
                        "/SoftLight", "/Difference", "/Exclusion", "/Hue", "/Saturation",
                        "/Color", "/Luminosity"):
                    problems.append(f"6.2.10: blend mode {bm}")
        # 6.2.11 every font embedded
        for font in _all_fonts(pdf):
            for part_font in _descendant_fonts(font):
                descriptor = part_font.get("/FontDescriptor")
                name = _text(part_font.get("/BaseFont"))
                if descriptor is None:
                    if part_font.get("/Subtype") != "/Type3":
                        problems.append(f"6.2.11.4: font {name} has no descriptor")
                    continue
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2",
                                                     "/FontFile3")):
                    problems.append(f"6.2.11.4: font {name} is not embedded")
                flags = int(descriptor.get("/Flags", 0))
                if (part_font.get("/Subtype") == "/TrueType" and flags & 4
                        and "/Encoding" in part_font):
                    problems.append(f"6.2.11.6: symbolic TrueType font {name} has an "
                                    "/Encoding")
        # 6.3 annotations: allowed types, printable, appearance with /N only
        for number, page in enumerate(pdf.pages, start=1):
            for annot in page.obj.get("/Annots") or []:
                subtype = _text(annot.get("/Subtype"))
                if subtype in ("/Sound", "/Movie", "/FileAttachment", "/3D", "/RichMedia"):
                    problems.append(f"6.3.1: page {number}: annotation {subtype}")
                flags = int(annot.get("/F", 0))
                if subtype != "/Popup" and not flags & 4:
                    problems.append(f"6.3.2: page {number}: annotation {subtype} not "
                                    "printable")
                if flags & (1 | 2 | 32):
                    problems.append(f"6.3.2: page {number}: annotation {subtype} hidden")
                if subtype not in ("/Popup", "/Link"):
                    ap = annot.get("/AP")
                    if ap is None or "/N" not in ap:
                        problems.append(f"6.3.3: page {number}: {subtype} without a normal "
                                        "appearance")
                    elif set(ap.keys()) - {"/N"}:
                        problems.append(f"6.3.3: page {number}: {subtype} appearance has "
                                        f"{sorted(set(ap.keys()) - {'/N'})}")
        form = root.get("/AcroForm")
        if form is not None and bool(form.get("/NeedAppearances", False)):
            problems.append("6.4.1: AcroForm NeedAppearances is true")
        if form is not None and "/XFA" in form:
            problems.append("6.4.2: XFA form")
    return problems
