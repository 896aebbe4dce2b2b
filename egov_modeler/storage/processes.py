"""Whether the program that wrote a journal or a lock still runs.

Used by the journal (a journal still written by a running window is not offered for
recovery) and by the document lock (a lock whose holder died is taken over).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["boot_id", "process_alive"]


def boot_id() -> str:
    """Changes at every boot (Linux): a journal from before a power cut is never "live"."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (best effort; False when unsure)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except (OSError, OverflowError):
        return False
    return True
