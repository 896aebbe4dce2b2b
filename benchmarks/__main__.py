"""National scale, headless: validation, files and the PDF dossier on 1k-20k elements.

Usage: python -m benchmarks [--sizes 1000,5000,10000,20000] [--runs 3] [--no-pdf]
                            [--pyarchimate PYTHON]

For each size, ``tests/helpers/national_model.py`` builds a model of that many elements
(about twice as many relationships, a 2,000-node overview in layer bands, one small view
per 250 elements) and this prints, as CPU-second medians of ``--runs`` runs (each ratio
against a floor timed side by side in the same process):

- full validation, and the slowest re-validation after one of ten usual edits (rename,
  add, relate to the platform hub, unrelate, move, nest, set a scope, rename the hub,
  delete, undo) through the incremental validator, both on the model with its ids made
  uuids as a real model's are (``with_uuid_ids``: the generator's ids sort as they were
  made, which hid the cost of sorting 17,500 problems);
- .egov load against ``json.loads`` of the same bytes (with the cycle collector paused, as
  the loader pauses it: else the floor counts collections over whatever model the process
  holds, and grows faster than the file);
- exchange import against lxml parsing the same bytes, and against pyArchimate's
  ``Model.read`` when ``--pyarchimate`` names a Python that has it (run in a subprocess:
  pyArchimate is not a dependency of this project);
- exchange export against lxml serialising the parsed file;
- the PDF dossier of the 2,000-node view with its appendices (the default overview and
  detail pages, and ``--min-text 0``: one fitted page), and of the whole model, whose
  time and peak memory (the process's resident peak, measured in a subprocess) must grow
  linearly; and the Word dossier of the whole model (linear too: python-docx's row
  look-up once made it quadratic).

The targets of issue 19 are printed beside each figure. The window's figures (open until
painted, zoom to fit, delete and undo, drag) are measured by ``bench_window.py`` (Qt,
offscreen), printed after this table with ``--window``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from egov_modeler.exchange.oef_reader import read_exchange_bytes  # noqa: E402
from egov_modeler.exchange.oef_writer import exchange_bytes  # noqa: E402
from egov_modeler.model.collector import collection_paused  # noqa: E402
from egov_modeler.model.incremental_validation import IncrementalValidator  # noqa: E402
from egov_modeler.model.validation import validate_model  # noqa: E402
from egov_modeler.storage.native import loads, model_bytes  # noqa: E402
from tests.helpers.national_model import (  # noqa: E402
    BIG_VIEW,
    build_national_model,
    with_uuid_ids,
)

SIZES = (1000, 5000, 10000, 20000)


@dataclass
class Row:
    """One line of the table: a figure, its floor, and the target."""

    what: str
    size: int
    seconds: float
    floor: float | None = None
    target: str = ""
    note: str = ""

    def cells(self) -> list[str]:
        ratio = f"{self.seconds / self.floor:.1f}×" if self.floor else "—"
        floor = f"{self.floor:.3f} s" if self.floor else "—"
        value = (f"{self.seconds * 1000:.1f} ms" if self.seconds < 0.1
                 else f"{self.seconds:.3f} s")
        return [self.what, f"{self.size // 1000}k", value, floor, ratio, self.target,
                self.note]


def cpu_median(action: Callable[[], object], runs: int) -> float:
    """The median CPU time of ``runs`` calls; what a call returns is kept until its time
    is taken (freeing a large model is not part of making it)."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        result = action()
        times.append(time.process_time() - start)
        del result
    return statistics.median(times)


def validation_rows(model, size: int, runs: int) -> list[Row]:
    """Full validation and the slowest re-validation, on the model with uuid ids (as a
    real model's are: ids that sort as they were made hid the cost of sorting problems)."""
    model, new_id = with_uuid_ids(model)
    full = cpu_median(lambda: validate_model(model), runs)
    validator = IncrementalValidator(model)
    validator.problems()
    slowest, name = 0.0, ""
    for label, edit in usual_edits(model, new_id):
        edit()
        start = time.process_time()
        validator.problems()
        spent = time.process_time() - start
        if spent > slowest:
            slowest, name = spent, label
    assert validator.problems() == validate_model(model), "incremental ≠ full"
    validator.close()
    return [Row("full validation", size, full, target="< 0.3 s"),
            Row("re-validation after an edit (slowest of 10)", size, slowest,
                target="< 20 ms", note=name)]


def usual_edits(model, new_id: dict[str, str]) -> list[tuple[str, Callable[[], object]]]:
    from egov_modeler.model import History
    from egov_modeler.model.commands import (
        AddElementCommand,
        DeleteElementCommand,
        MoveNodeCommand,
        RelateCommand,
        RenameElementCommand,
        ReparentNodeCommand,
        SetPropertyCommand,
        UnrelateCommand,
    )
    from egov_modeler.model.concepts import Element, Relationship
    from tests.helpers.national_model import unit_eid

    history = History(model)
    systems = [e.id for e in model.elements if e.catalog_ref == "l3_chuyen_nganh"]
    view = model.view(new_id[BIG_VIEW])
    node = next(n for n in view.nodes.values() if n.element_id in systems)
    band = next(n.id for n in view.nodes.values() if n.kind == "container")
    hub = new_id[unit_eid(0, "hub")]
    flow = next(r.id for r in model.relationships_of(hub)
                if r.type == "Flow" and r.target == hub)
    return [
        ("rename a system", lambda: history.do(RenameElementCommand(systems[5], "Hệ thống"))),
        ("add a system", lambda: history.do(AddElementCommand(Element(
            "id-bench-new", "ApplicationComponent", "Mới", catalog_ref="l3_chuyen_nganh")))),
        ("relate it to the hub", lambda: history.do(RelateCommand(Relationship(
            "id-bench-flow", "Flow", "id-bench-new", hub)))),
        ("unrelate a system from the hub", lambda: history.do(UnrelateCommand(flow))),
        ("move a node", lambda: history.do(MoveNodeCommand(view.id, node.id, node.x + 10,
                                                            node.y))),
        ("nest a node in another band", lambda: history.do(ReparentNodeCommand(
            view.id, node.id, band))),
        ("set a scope", lambda: history.do(SetPropertyCommand(systems[7], "Phạm vi",
                                                              "huyện"))),
        ("rename the hub", lambda: history.do(RenameElementCommand(hub, "LDOP mới"))),
        ("delete a system", lambda: history.do(DeleteElementCommand(systems[9]))),
        ("undo the delete", history.undo),
    ]


def file_rows(model, size: int, runs: int, pyarchimate: str | None,
              folder: Path) -> list[Row]:
    raw = model_bytes(model)

    def json_alone() -> object:
        with collection_paused(keep=True):  # as our reader runs: the floor is the parse
            return json.loads(raw)

    rows = [Row(".egov load", size, cpu_median(lambda: loads(raw), runs),
                cpu_median(json_alone, runs), "≤ 3× json.loads",
                "floor: json.loads, collector paused as in load")]
    data = exchange_bytes(model)
    parser = etree.XMLParser(huge_tree=True)
    parse = cpu_median(lambda: etree.fromstring(data, parser), runs)
    ours = cpu_median(lambda: read_exchange_bytes(data, "bench.xml"), runs)
    rows.append(Row("exchange import", size, ours, parse, "≤ 4× lxml parse"))
    if pyarchimate:
        path = folder / f"national-{size}.xml"
        path.write_bytes(data)
        theirs = pyarchimate_read(pyarchimate, path, runs)
        if theirs is not None:
            rows.append(Row("exchange import vs pyArchimate read", size, ours, theirs,
                            "≤ 0.5× pyArchimate", "floor = pyArchimate's Model.read"))
    tree = etree.fromstring(data, parser)
    rows.append(Row("exchange export", size, cpu_median(lambda: exchange_bytes(model), runs),
                    cpu_median(lambda: etree.tostring(tree), runs), "≤ 5× lxml serialise"))
    return rows


_PYARCHIMATE = """
import gc, statistics, sys, time
from pyArchimate import Model
times = []
for _ in range(int(sys.argv[2])):
    gc.collect(); start = time.process_time(); model = Model(); model.read(sys.argv[1])
    times.append(time.process_time() - start); del model
print(statistics.median(times))
"""


def pyarchimate_read(python: str, path: Path, runs: int) -> float | None:
    """pyArchimate's read time of ``path``, by a Python that has it (``None`` if it
    failed)."""
    done = subprocess.run([python, "-c", _PYARCHIMATE, str(path), str(runs)],
                          capture_output=True, text=True, timeout=900)
    try:
        return float(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        print(f"pyArchimate failed: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return None


_PDF = """
import resource, sys, time
sys.path.insert(0, sys.argv[1])
from egov_modeler.export.docx_dossier import write_docx
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier
from tests.helpers.national_model import BIG_VIEW, build_national_model
model = build_national_model(int(sys.argv[2]))
options = {"view": DossierOptions(views=[BIG_VIEW]),
           "view0": DossierOptions(views=[BIG_VIEW], min_text=0),
           "all": DossierOptions(), "word": DossierOptions()}[sys.argv[3]]
write = write_docx if sys.argv[3] == "word" else write_dossier
start, wall = time.process_time(), time.perf_counter()
pages = write(model, sys.argv[4], options)
seconds, wall = time.process_time() - start, time.perf_counter() - wall
try:  # this process's own peak (ru_maxrss may start at the parent's peak after fork)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seconds, pages, peak / 1024, wall)
"""


def pdf_rows(size: int, folder: Path) -> list[Row]:
    rows = []
    for kind, what, target in (
            ("view", "PDF of the 2,000-node view with appendices", "< 3 s"),
            ("view0", "  the same, --min-text 0 (one fitted page)", "< 3 s"),
            ("all", "PDF of the whole model", "linear; < 300 MB"),
            ("word", "Word dossier of the whole model", "linear")):
        suffix = ".docx" if kind == "word" else ".pdf"
        done = subprocess.run([sys.executable, "-c", _PDF, str(REPO), str(size), kind,
                               str(folder / f"{kind}-{size}{suffix}")],
                              capture_output=True, text=True, timeout=1800)
        try:
            seconds, pages, peak, wall = done.stdout.split()
        except ValueError:
            print(f"PDF failed: {done.stderr.strip()[-500:]}", file=sys.stderr)
            continue
        unit = "figures" if kind == "word" else "pages"
        rows.append(Row(what, size, float(seconds), target=target,
                        note=f"{pages} {unit}, peak {float(peak):.0f} MB, "
                             f"wall {float(wall):.1f} s"))
    return rows


def table(rows: list[Row]) -> str:
    head = ["figure", "model", "time", "floor", "ratio", "target", "note"]
    lines = [f"| {' | '.join(head)} |", f"|{'|'.join('---' for _ in head)}|"]
    lines += [f"| {' | '.join(row.cells())} |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.machine()}, {time.strftime('%Y-%m-%d')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true",
                        help="leave the dossier figures (PDF and Word) out")
    parser.add_argument("--pyarchimate", metavar="PYTHON",
                        default=os.environ.get("EGOV_PYARCHIMATE_PYTHON"),
                        help="a Python with pyArchimate installed, to compare imports")
    parser.add_argument("--window", action="store_true",
                        help="also the window's figures (benchmarks/bench_window.py)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            model = build_national_model(size)
            print(f"{size} elements, {len(model.relationships)} relationships, "
                  f"{len(model.views)} views ...", file=sys.stderr, flush=True)
            rows += validation_rows(model, size, args.runs)
            rows += file_rows(build_national_model(size), size, args.runs,
                              args.pyarchimate, Path(tmp))
            if not args.no_pdf:
                rows += pdf_rows(size, Path(tmp))
            del model
    order = {row.what: i for i, row in enumerate(rows)}
    rows.sort(key=lambda r: (order[r.what], r.size))
    print(f"Machine: {machine()}; CPU-second medians of {args.runs} runs "
          "(PDF: one run each, in a subprocess)")
    print(table(rows))
    if args.window:
        from benchmarks import bench_window
        print(bench_window.table(bench_window.rows(tuple(sizes), args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
