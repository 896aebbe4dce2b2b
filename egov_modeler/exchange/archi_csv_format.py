"""The text layer of Archi's CSV files, both ways: records with the line they start on,
and rows written the way Archi writes them.

Why not Python's ``csv`` module: Archi's files (Apache Commons CSV under the hood) have
comment lines starting with ``#``, fields with line breaks inside quotes, and a user must
be told the line of a bad row in the file as their spreadsheet shows it, which means
counting the line breaks inside quoted fields too. Reading follows Archi: an optional
byte-order mark, UTF-8, and the delimiter found by trying comma, semicolon and tab in
that order. Writing follows Archi's exporter: every field quoted, quotes doubled, tabs
turned into spaces, CRLF between rows, and the UTF-8 byte-order mark Excel needs to show
Vietnamese correctly.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import tr
from ..model.errors import ModelError

DELIMITERS = (",", ";", "\t")
BOM = "\ufeff"
CRLF = "\r\n"


class CsvSyntaxError(ModelError):
    """A CSV file that cannot be split into records; ``line`` is where it went wrong."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Record:
    """One row: the line it starts on (1-based, as a text editor counts) and its fields."""

    line: int
    fields: list[str]


def decode(data: bytes, name: str) -> str:
    """The text of a CSV file: UTF-8, with or without a byte-order mark."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvSyntaxError(tr(
            "{name}, line {line}: the file is not UTF-8 text; save it from the spreadsheet "
            "as “CSV UTF-8”", name=name, line=line), line) from None
    return text[1:] if text.startswith(BOM) else text


def parse(text: str, delimiter: str, name: str) -> list[Record]:
    """Split ``text`` into records. Blank lines and lines starting with ``#`` (outside a
    quoted field) are skipped, as Archi does."""
    records: list[Record] = []
    i, n, line = 0, len(text), 1
    while i < n:
        char = text[i]
        if char in "\r\n":
            i, line = _newline(text, i), line + 1
            continue
        if char == "#":
            while i < n and text[i] not in "\r\n":
                i += 1
            continue
        start, fields = line, []
        while True:
            if i < n and text[i] == '"':
                i += 1
                chunk: list[str] = []
                while True:
                    if i >= n:
                        raise CsvSyntaxError(tr(
                            "{name}, line {line}: a quoted field is not closed", name=name,
                            line=start), start)
                    char = text[i]
                    if char == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            chunk.append('"')
                            i += 2
                            continue
                        i += 1
                        break
                    if char == "\n" or (char == "\r" and text[i + 1:i + 2] != "\n"):
                        line += 1
                    chunk.append(char)
                    i += 1
                if i < n and text[i] not in (delimiter, "\r", "\n"):
                    raise CsvSyntaxError(tr(
                        "{name}, line {line}: unexpected text after a quoted field",
                        name=name, line=line), line)
                fields.append("".join(chunk))
            else:
                end = i
                while end < n and text[end] not in (delimiter, "\r", "\n"):
                    end += 1
                fields.append(text[i:end])
                i = end
            if i < n and text[i] == delimiter:
                i += 1
                continue
            if i < n:
                i, line = _newline(text, i), line + 1
            break
        records.append(Record(start, fields))
    return records


def _newline(text: str, i: int) -> int:
    """The index after the line break at ``i`` (CRLF, LF or CR)."""
    return i + 2 if text.startswith("\r\n", i) else i + 1


def read_records(data: bytes, name: str, header: tuple[str, ...]) -> list[Record]:
    """The records of a CSV file whose first row should be ``header``.

    The delimiter is the first of comma, semicolon and tab with which the file parses and
    its first row reads as ``header``; failing that, the first with which it parses (the
    caller then says the header is wrong), as Archi does.
    """
    text = decode(data, name)
    first_error: CsvSyntaxError | None = None
    parsed: list[Record] | None = None
    for delimiter in DELIMITERS:
        try:
            records = parse(text, delimiter, name)
        except CsvSyntaxError as exc:
            first_error = first_error or exc
            continue
        if records and is_header(records[0], header):
            return records
        if parsed is None:
            parsed = records
    if parsed is not None:
        return parsed
    assert first_error is not None
    raise first_error


def is_header(record: Record, header: tuple[str, ...]) -> bool:
    """True when ``record`` is ``header``, or its first columns (case is ignored)."""
    fields = record.fields
    return 0 < len(fields) <= len(header) and all(
        f.strip().casefold() == h.casefold() for f, h in zip(fields, header, strict=False))


def quote(value: str, excel_safe: bool = False) -> str:
    """One field as Archi writes it: quoted, quotes doubled, tabs as spaces. With
    ``excel_safe`` a leading ``= + - @`` gets a space first, so a spreadsheet does not run
    the text as a formula (Archi's "Excel compatible" option)."""
    text = value.replace("\t", " ").replace('"', '""')
    if excel_safe and text[:1] in ("=", "+", "-", "@"):
        text = " " + text
    return f'"{text}"'


def rows_bytes(header: tuple[str, ...], rows: list[list[str]], delimiter: str = ",",
               excel_safe: bool = False) -> bytes:
    """A whole file: byte-order mark, header, rows, CRLF between them (none at the end)."""
    lines = [delimiter.join(quote(h) for h in header)]
    lines.extend(delimiter.join(quote(v, excel_safe) for v in row) for row in rows)
    return (BOM + CRLF.join(lines)).encode("utf-8")
