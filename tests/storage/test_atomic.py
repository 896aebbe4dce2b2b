"""Every file the program writes replaces the old one whole or not at all."""

from __future__ import annotations

import os

import pytest

from egov_modeler.exchange.oef_writer import write_exchange
from egov_modeler.export.images import write_png, write_svg
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from egov_modeler.model import Model
from egov_modeler.storage import atomic
from egov_modeler.storage.atomic import TargetInUseError, atomic_file, write_atomically
from egov_modeler.storage.native import save
from tests.helpers import place


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_write_replaces_the_content_and_leaves_nothing_else(tmp_path):
    path = tmp_path / "m.bin"
    path.write_bytes(b"old content, longer than the new one")
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
    assert _names(tmp_path) == ["m.bin"]


def test_a_relative_path_in_the_current_folder_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_atomically("plain.txt", "Sơ đồ".encode())
    assert (tmp_path / "plain.txt").read_text(encoding="utf-8") == "Sơ đồ"


def test_a_full_disk_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "m.egov"
    path.write_bytes(b"the only copy")

    def broken_fsync(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(path, b"half")
    assert path.read_bytes() == b"the only copy"
    assert _names(tmp_path) == ["m.egov"]  # no temporary left behind


def test_a_writer_that_fails_midway_leaves_the_old_file_whole(tmp_path):
    path = tmp_path / "d.pdf"
    path.write_bytes(b"%PDF old")
    with pytest.raises(RuntimeError), atomic_file(path) as handle:
        handle.write(b"%PDF new, first half")
        raise RuntimeError("renderer crashed")
    assert path.read_bytes() == b"%PDF old"
    assert _names(tmp_path) == ["d.pdf"]


def test_a_failed_first_write_creates_no_file(tmp_path):
    with pytest.raises(KeyboardInterrupt), atomic_file(tmp_path / "new.png"):
        raise KeyboardInterrupt
    assert _names(tmp_path) == []


def test_a_folder_that_cannot_be_synced_does_not_fail_the_save(tmp_path, monkeypatch):
    """The file is complete and in place before the folder sync, which is best effort."""
    real_fsync = os.fsync
    calls = []

    def fsync_files_only(fd):
        calls.append(fd)
        if len(calls) > 1:  # the second call is the folder's
            raise OSError(22, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_files_only)
    write_atomically(tmp_path / "a.txt", b"ok")
    assert (tmp_path / "a.txt").read_bytes() == b"ok"


# --- each format goes through it --------------------------------------------------------

@pytest.fixture
def model() -> Model:
    model = Model("Kiến trúc CQĐT tỉnh Gia Lai")
    portal = model.add_element("ApplicationComponent", "Cổng Dịch vụ công cấp tỉnh")
    view = model.add_view("Sơ đồ khái quát")
    place(model, view.id, portal.id, 10, 20)
    return model


WRITERS = {
    "egov": lambda m, p: save(m, p),
    "archimate": lambda m, p: write_exchange(m, p),
    "png": lambda m, p: write_png(m, m.views[0], p),
    "svg": lambda m, p: write_svg(m, m.views[0], p),
    "pdf": lambda m, p: write_dossier(m, p, DossierOptions(paper="A4", appendix=False)),
}


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_file_locked_by_another_program_stays_as_it_was(fmt, model, tmp_path,
                                                           monkeypatch):
    """E.g. the old PDF is open in a viewer on Windows, so replacing it is refused."""
    path = tmp_path / f"out.{fmt}"
    write = WRITERS[fmt]
    write(model, path)
    old = path.read_bytes()
    model.elements[0].name = "Tên khác hẳn, dài hơn tên cũ"  # new bytes differ

    def refused(_src, _dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError):
        write(model, path)
    assert path.read_bytes() == old
    assert _names(tmp_path) == [path.name]



def _held_open(times: int, calls: list, replace=os.replace):
    """``os.replace`` as Windows answers while another program holds the target open
    (a sharing violation, ``winerror`` 32) for the first ``times`` tries."""

    def held(source, target):
        calls.append(target)
        if len(calls) <= times:
            exc = PermissionError(13, "The process cannot access the file because it is "
                                      "being used by another process", str(source))
            exc.winerror = 32
            raise exc
        replace(source, target)

    return held


def test_a_file_held_open_for_a_moment_is_replaced_once_it_is_let_go(tmp_path, monkeypatch):
    """An antivirus scan or a sync client holds a file for a moment on Windows."""
    path = tmp_path / "ho-so.pdf"
    path.write_bytes(b"old dossier")
    calls: list = []
    waits: list = []
    monkeypatch.setattr(os, "replace", _held_open(2, calls))
    monkeypatch.setattr(atomic.time, "sleep", waits.append)
    write_atomically(path, b"new dossier")
    assert path.read_bytes() == b"new dossier"
    assert len(calls) == 3 and len(waits) == 2
    assert _names(tmp_path) == ["ho-so.pdf"]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_file_open_in_another_program_is_refused_with_its_name(fmt, model, tmp_path,
                                                                  monkeypatch):
    """E.g. the dossier is open in Word or a PDF reader on Windows: the message names the
    file (Windows' own names the temporary file) and says what to do; nothing changes."""
    path = tmp_path / f"ho-so.{fmt}"
    write = WRITERS[fmt]
    write(model, path)
    old = path.read_bytes()
    model.elements[0].name = "Tên khác hẳn, dài hơn tên cũ"
    calls: list = []
    monkeypatch.setattr(os, "replace", _held_open(100, calls))
    monkeypatch.setattr(atomic.time, "sleep", lambda _s: None)
    with pytest.raises(TargetInUseError) as caught:
        write(model, path)
    message = str(caught.value)
    assert f"‘ho-so.{fmt}’" in message and "đang mở" in message and ".tmp" not in message
    assert len(calls) == len(atomic.REPLACE_RETRY_DELAYS) + 1
    assert path.read_bytes() == old
    assert _names(tmp_path) == [path.name]


def test_a_refusal_that_is_not_a_file_held_open_is_not_tried_again(tmp_path, monkeypatch):
    path = tmp_path / "m.egov"
    path.write_bytes(b"old")
    calls: list = []

    def refused(source, target):
        calls.append(target)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(PermissionError) as caught:
        write_atomically(path, b"new")
    assert not isinstance(caught.value, TargetInUseError)
    assert len(calls) == 1 and path.read_bytes() == b"old"


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions only")
def test_a_new_file_gets_the_usual_permissions_not_owner_only(tmp_path):
    """mkstemp's 0600 must not leak: colleagues on a shared folder open the dossier."""
    umask = os.umask(0o022)
    try:
        write_atomically(tmp_path / "new.egov", b"{}")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.egov").stat().st_mode & 0o777 == 0o644


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions only")
def test_replacing_a_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.pdf"
    target.write_bytes(b"old")
    target.chmod(0o664)
    write_atomically(target, b"new")
    assert target.stat().st_mode & 0o777 == 0o664
    assert target.read_bytes() == b"new"
