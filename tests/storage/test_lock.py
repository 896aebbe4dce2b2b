"""The lock beside an open document: a second window is told who holds the file, a lock
left by a dead program is taken over, and nothing is ever silently shared (issue 11)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from egov_modeler.storage.lock import (
    STALE_AFTER_SECONDS,
    DocumentLockedError,
    acquire_lock,
    can_write,
    lock_path_for,
    read_lock,
)


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "gia-lai.egov"
    path.write_text("{}", encoding="utf-8")
    return path


def write_lock(document, **fields) -> None:
    data = {"lock": "egov-modeler-lock", "user": "lan", "host": socket.gethostname(),
            "pid": os.getppid(), "since": "2026-11-27T07:05:00+00:00"}
    data.update(fields)
    lock_path_for(document).write_text(json.dumps(data), encoding="utf-8")


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_first_window_holds_the_lock_and_a_second_is_told_by_whom(document):
    lock = acquire_lock(document)
    assert lock_path_for(document).exists()
    holder = read_lock(document)
    assert holder is not None and holder.is_this_process and not holder.is_gone
    with pytest.raises(DocumentLockedError) as refused:
        acquire_lock(document)
    assert refused.value.holder.pid == os.getpid()
    lock.release()
    assert not lock_path_for(document).exists()
    assert read_lock(document) is None


def test_a_live_holder_on_this_host_keeps_the_lock(document):
    from egov_modeler.i18n import set_language

    set_language("en")
    write_lock(document)  # the test runner's parent: certainly running
    with pytest.raises(DocumentLockedError, match="lan on") as refused:
        acquire_lock(document)
    assert "gia-lai.egov" in str(refused.value)
    forced = acquire_lock(document, force=True)  # the user chose "open anyway"
    assert read_lock(document).is_this_process
    forced.release()


def test_a_lock_left_by_a_dead_program_is_taken_over(document):
    write_lock(document, pid=dead_pid())
    assert read_lock(document).is_gone
    lock = acquire_lock(document)
    assert read_lock(document).is_this_process
    lock.release()


def test_a_lock_from_another_host_is_kept_while_fresh_and_taken_when_stale(document):
    write_lock(document, host="PC-SO-TTTT", pid=1)
    with pytest.raises(DocumentLockedError):
        acquire_lock(document)
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(lock_path_for(document), (old, old))
    acquire_lock(document).release()


def test_a_damaged_lock_file_counts_as_held_until_it_is_old(document):
    lock_path_for(document).write_bytes(b"[" * 10_000)
    with pytest.raises(DocumentLockedError):
        acquire_lock(document)
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(lock_path_for(document), (old, old))
    acquire_lock(document).release()


def test_release_never_removes_a_lock_someone_else_took_over(document):
    lock = acquire_lock(document)
    write_lock(document, host="PC-KHAC", pid=42)  # taken over (e.g. after a long sleep)
    lock.release()
    assert read_lock(document).host == "PC-KHAC"


def test_refresh_shows_other_hosts_the_holder_still_runs(document):
    lock = acquire_lock(document)
    old = time.time() - 3600
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert time.time() - read_lock(document).refreshed < 60
    lock.release()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_the_lock_sits_beside_the_real_file_of_a_symlink(document, tmp_path):
    link = tmp_path / "shortcut.egov"
    link.symlink_to(document)
    with acquire_lock(link):
        with pytest.raises(DocumentLockedError):
            acquire_lock(document)


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_can_write_says_when_save_could_not_replace_the_file(document, tmp_path):
    assert can_write(document)
    assert can_write(tmp_path / "new.egov")
    document.chmod(0o444)
    assert not can_write(document)


class _FakeKernel32:
    """Windows' ``SetFileAttributesW``, answering ``result``; records its calls."""

    def __init__(self, result: int) -> None:
        self.result = result
        self.calls: list[tuple[str, int]] = []

    def SetFileAttributesW(self, path: str, attributes: int) -> int:
        self.calls.append((path, attributes))
        return self.result


@pytest.mark.parametrize("answer", [1, 0])
def test_on_windows_the_lock_file_is_hidden_and_a_refusal_changes_nothing(tmp_path,
                                                                          monkeypatch,
                                                                          answer):
    """Windows shows dot files; the lock gets the "hidden" attribute as Office's owner
    files do. A share that refuses the attribute still gets a working lock."""
    import ctypes
    from types import SimpleNamespace

    from egov_modeler.storage import lock as lock_module

    kernel32 = _FakeKernel32(answer)
    monkeypatch.setattr(lock_module, "_WINDOWS", True)
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    monkeypatch.setattr(ctypes, "GetLastError", lambda: 5, raising=False)
    document = tmp_path / "gia-lai.egov"
    document.write_text("{}", encoding="utf-8")
    with acquire_lock(document) as held:
        assert kernel32.calls == [(str(held.path), 0x2)]
        assert read_lock(document).is_this_process


@pytest.mark.skipif(os.name == "nt", reason="the hidden attribute is Windows' own")
def test_elsewhere_the_lock_file_is_left_as_it_is(tmp_path, monkeypatch):
    import ctypes
    from types import SimpleNamespace

    kernel32 = _FakeKernel32(1)
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    document = tmp_path / "gia-lai.egov"
    document.write_text("{}", encoding="utf-8")
    with acquire_lock(document):
        pass
    assert kernel32.calls == []
