"""Whether two checkouts' exchange readers make the same of the same files.

Usage: python benchmarks/compare_oef_readers.py OTHER_CHECKOUT [--files GLOB ...]

A change made for speed must not change what is imported: this reads every file of the
test corpus (``tests/data/exchange``), the gathered corpus (``../staging/corpus``) and the
shared samples (``../shared/archimate/samples``), plus any ``--files`` (mutated files of
``tests/helpers/exchange_fuzz.py``, say), with this checkout's ``read_exchange_bytes`` and
with OTHER_CHECKOUT's (main's, typically), each in its own process, and compares for each
file the model (every element, relationship, view with its nodes and connections, folder,
property, profile and the header, field by field, and the native file written from it)
and its report, or the refusal's class, message and line. It prints the files that
differ and exits with 1 when any does. Without the Open Group XSD, as installed builds
read.
"""

from __future__ import annotations

import argparse
import dataclasses
import glob
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
_SKIPPED_SUFFIXES = (".md", ".txt", ".png", ".jpg", ".pdf", ".csv", ".json", ".egov")


def corpus(extra: list[str]) -> list[str]:
    """Every file to compare, sorted."""
    found: list[str] = []
    for pattern in [str(REPO / "tests" / "data" / "exchange" / "**" / "*"),
                    str(REPO.parents[1] / "staging" / "corpus" / "**" / "*"),
                    str(REPO.parents[1] / "shared" / "archimate" / "samples" / "**" / "*"),
                    *extra]:
        found += glob.glob(pattern, recursive=True)
    return sorted({f for f in found if os.path.isfile(f) and not f.endswith(_SKIPPED_SUFFIXES)})


def plain(value: Any) -> Any:
    """``value`` as JSON: dataclasses field by field, dicts as ordered pairs."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"__type": type(value).__name__,
                **{f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, dict):
        return [[plain(k), plain(v)] for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, bytes):
        return value.hex()
    return value if value is None or isinstance(value, (str, int, float, bool)) else repr(value)


def dump(files: list[str], out: str) -> None:
    """What this process's reader makes of ``files``, written to ``out`` as JSON."""
    import logging

    from egov_modeler.exchange.oef_reader import read_exchange_bytes
    from egov_modeler.storage.native import model_bytes

    logging.disable(logging.CRITICAL)
    result: dict[str, Any] = {}
    for name in files:
        try:
            model = read_exchange_bytes(Path(name).read_bytes(), os.path.basename(name))
        except Exception as exc:  # every refusal is compared, whatever its class
            result[name] = {"refused": type(exc).__name__, "message": str(exc),
                            "line": getattr(exc, "line", None)}
            continue
        header = ("id", "name", "names", "documentation", "documentations", "language",
                  "properties", "property_types", "metadata", "folders", "profiles",
                  "images", "load_report")
        result[name] = {key: plain(getattr(model, key)) for key in header}
        result[name].update(elements=plain(model.elements),
                            relationships=plain(model.relationships),
                            views=plain(model.views), native=model_bytes(model).decode())
    Path(out).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")


def read_with(checkout: Path, files: list[str], folder: str) -> dict[str, Any]:
    """What ``checkout``'s reader makes of ``files`` (run in a process of its own)."""
    out = os.path.join(folder, f"{abs(hash(str(checkout)))}.json")
    listing = os.path.join(folder, "files.json")
    Path(listing).write_text(json.dumps(files), encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "EGOV_MODELER_OEF_XSD_DIR"}
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
            " from compare_oef_readers import dump;"
            " dump(json.load(open(sys.argv[3])), sys.argv[4])")
    subprocess.run([sys.executable, "-c", code, str(checkout), str(Path(__file__).parent),
                    listing, out], check=True, env=environment)
    data: dict[str, Any] = json.loads(Path(out).read_text(encoding="utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (main's, say)")
    parser.add_argument("--files", nargs="*", default=[], help="more files (globs)")
    args = parser.parse_args(argv)
    files = corpus(args.files)
    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = read_with(REPO, files, folder), read_with(args.other, files, folder)
    differ = [name for name in files if ours.get(name) != theirs.get(name)]
    for name in differ[:20]:
        mine, other = ours.get(name) or {}, theirs.get(name) or {}
        keys = sorted(k for k in set(mine) | set(other) if mine.get(k) != other.get(k))
        print(f"differs: {name}: {', '.join(keys)}")
    read = sum(1 for value in ours.values() if "refused" not in value)
    print(f"{len(files)} files ({read} imported here): {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
