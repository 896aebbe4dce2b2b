"""Archi's zip form of a model: ``model.xml`` plus the images its figures and
specializations show, under ``images/``. Archi writes it only when a model has images.

Why the reading is careful: a ``.archimate`` arrives by e-mail like any other file, and a
zip can lie. Nothing is ever extracted to disk; the members are read into memory with
limits that count the bytes actually inflated (not the sizes the archive claims), so a
"zip bomb" stops at the limit; a member whose name would leave the archive (``../``,
an absolute path, a drive letter) or appears twice makes the whole file refused, since an
archive built like that was not written by Archi; and an archive with an absurd number of
members is refused before any of them is read.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from ..i18n import tr
from ..model.errors import ModelError
from .archi_vocabulary import ZIP_IMAGES_PREFIX, ZIP_MODEL_ENTRY

#: Limits of what is read from an archive (far above any real Archi model).
MAX_MEMBERS = 10_000
MAX_MODEL_BYTES = 512 * 1024 * 1024
MAX_IMAGE_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: A member that inflates more than this many times over, and to more than
#: ``_RATIO_FLOOR`` bytes, is a zip bomb (real models and images compress 5-30 times).
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_DRIVE = re.compile(r"^[A-Za-z]:")


class ArchiveError(ModelError):
    """A zip that cannot be read as an Archi model; the message says why."""


@dataclass
class Archive:
    """What a zip held: the model's XML, its images by path, and what was ignored."""

    model_xml: bytes
    images: dict[str, bytes] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def is_zip(data: bytes) -> bool:
    """True when ``data`` starts like a zip archive."""
    return data[:4] in _ZIP_MAGIC


def _escapes(member: str) -> bool:
    """True when a member's name would leave the folder it is extracted into."""
    if not member or "\x00" in member:
        return True
    path = member.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        return True
    return ".." in path.split("/")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                 name: str) -> bytes:
    """The member's bytes, inflating no more than ``limit`` whatever the header claims."""
    if info.flag_bits & 0x1:
        raise ArchiveError(tr("{name}: the archive member {member} is encrypted",
                              name=name, member=info.filename))
    bomb = ArchiveError(tr(
        "{name}: the archive member {member} inflates to more than {limit} MB; the "
        "file looks like a zip bomb and was not read", name=name, member=info.filename,
        limit=limit // (1024 * 1024)))
    if info.file_size > limit:
        raise bomb
    if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise bomb
    out = bytearray()
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > limit:
                raise bomb
    return bytes(out)


def read_archive(data: bytes, name: str) -> Archive:
    """Read Archi's zip form from ``data`` (``name`` is used in messages).

    Raises :class:`ArchiveError` for anything that is not a safe Archi archive.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ArchiveError(tr("{name} is not a readable zip archive: {reason}", name=name,
                              reason=str(exc))) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ArchiveError(tr(
                "{name}: the archive holds {count} members (at most {limit} are read); it "
                "is not an Archi model", name=name, count=len(infos), limit=MAX_MEMBERS))
        seen: set[str] = set()
        for info in infos:
            if _escapes(info.filename):
                raise ArchiveError(tr(
                    "{name}: the archive member {member!r} has a path that leaves the "
                    "archive; the file was refused", name=name, member=info.filename))
            if info.filename in seen:
                raise ArchiveError(tr("{name}: the archive holds {member} twice", name=name,
                                      member=info.filename))
            seen.add(info.filename)
        model_info = next((i for i in infos if i.filename == ZIP_MODEL_ENTRY), None)
        if model_info is None:
            raise ArchiveError(tr(
                "{name} is a zip archive without {entry}, so it is not an Archi model",
                name=name, entry=ZIP_MODEL_ENTRY))
        try:
            result = Archive(_read_member(archive, model_info, MAX_MODEL_BYTES, name))
            total = len(result.model_xml)
            for info in infos:
                if info is model_info or info.is_dir():
                    continue
                if not info.filename.startswith(ZIP_IMAGES_PREFIX):
                    result.ignored.append(info.filename)
                    continue
                image = _read_member(archive, info, MAX_IMAGE_BYTES, name)
                total += len(image)
                if total > MAX_TOTAL_BYTES:
                    raise ArchiveError(tr(
                        "{name}: the archive inflates to more than {limit} MB; the file "
                        "looks like a zip bomb and was not read", name=name,
                        limit=MAX_TOTAL_BYTES // (1024 * 1024)))
                result.images[info.filename] = image
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError,
                zlib.error) as exc:
            raise ArchiveError(tr("{name}: the archive is damaged: {reason}", name=name,
                                  reason=str(exc))) from None
    return result


def archive_bytes(model_xml: bytes, images: dict[str, bytes]) -> bytes:
    """Archi's zip form: ``model.xml`` first, then the images, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(ZIP_MODEL_ENTRY, model_xml)
        for path in sorted(images):
            archive.writestr(path, images[path])
    return buffer.getvalue()
