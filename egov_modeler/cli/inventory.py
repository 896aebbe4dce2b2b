"""``egov-modeler inventory``: the system inventory in and out of Excel, the generated
overview and roadmap views, the gap analysis between plateaus.

::

    egov-modeler inventory export F.egov -o F.xlsx [--lang en]
    egov-modeler inventory import F.xlsx --into F.egov -o G.egov [--dry-run] [--overview]
    egov-modeler inventory overview F.egov -o G.egov [--group-by owner|scope]
    egov-modeler inventory relayout F.egov --view NAME -o G.egov
    egov-modeler inventory plateaus F.egov -o G.egov
    egov-modeler inventory gaps F.egov --from PLATEAU --to PLATEAU [-o G.egov]
    egov-modeler inventory roadmap F.egov [-o G.egov]
    egov-modeler inventory duplicates F.egov

An import prints every change before writing (``--dry-run`` only prints); a refused
workbook lists every problem with its sheet and row, writes nothing and exits 2.
"""

from __future__ import annotations

import argparse
import logging
import sys

from ..i18n import current_language, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "inventory", help=tr("the system inventory: Excel workbook out and in, generated "
                             "overview and roadmap, gap analysis"))
    commands = parser.add_subparsers(dest="inventory_command", metavar="ACTION",
                                     required=True)
    lang = {"choices": ("vi", "en"), "default": argparse.SUPPRESS,
            "help": tr("language of the workbook's headers and labels")}

    export = commands.add_parser("export", help=tr("write the inventory workbook (.xlsx)"))
    export.add_argument("file", help=tr("the .egov file"))
    export.add_argument("-o", "--output", required=True, help=tr("the .xlsx file to write"))
    export.add_argument("--lang", **lang)
    export.set_defaults(run=run_export)

    merge = commands.add_parser("import", help=tr("merge an edited workbook into a model"))
    merge.add_argument("workbook", help=tr("the .xlsx file"))
    merge.add_argument("--into", required=True, metavar="FILE.egov",
                       help=tr("the model to merge into"))
    merge.add_argument("-o", "--output", default=None, help=tr("the .egov file to write"))
    merge.add_argument("--dry-run", action="store_true",
                       help=tr("list the changes, write nothing"))
    merge.add_argument("--overview", action="store_true",
                       help=tr("also add a generated overview view of the inventory"))
    merge.set_defaults(run=run_import)

    overview = commands.add_parser("overview", help=tr(
        "add a view with every inventory object in its layer band, lines routed"))
    overview.add_argument("file", help=tr("the .egov file"))
    overview.add_argument("-o", "--output", required=True, help=tr("the .egov file to write"))
    overview.add_argument("--group-by", choices=("owner", "scope"), default="owner",
                          help=tr("group the objects of a band by owner or by scope level"))
    overview.add_argument("--name", default=None, help=tr("the new view's name"))
    overview.set_defaults(run=run_overview)

    relayout = commands.add_parser("relayout", help=tr("tidy a view: no overlaps, lines "
                                                       "routed again"))
    relayout.add_argument("file", help=tr("the .egov file"))
    relayout.add_argument("--view", required=True, help=tr("the view (name or id)"))
    relayout.add_argument("-o", "--output", required=True, help=tr("the .egov file to write"))
    relayout.set_defaults(run=run_relayout)

    plateaus = commands.add_parser("plateaus", help=tr(
        "add the plateaus Hiện trạng, Chuyển tiếp and Mục tiêu from the current/target "
        "column"))
    plateaus.add_argument("file", help=tr("the .egov file"))
    plateaus.add_argument("-o", "--output", required=True, help=tr("the .egov file to write"))
    plateaus.set_defaults(run=run_plateaus)

    gaps = commands.add_parser("gaps", help=tr("what is added, removed, changed and merged "
                                               "between two plateaus"))
    gaps.add_argument("file", help=tr("the .egov file"))
    gaps.add_argument("--from", dest="source", required=True,
                      help=tr("the earlier plateau (name or id)"))
    gaps.add_argument("--to", dest="target", required=True,
                      help=tr("the later plateau (name or id)"))
    gaps.add_argument("-o", "--output", default=None,
                      help=tr("write the model with a task row for each difference"))
    gaps.set_defaults(run=run_gaps)

    roadmap = commands.add_parser("roadmap", help=tr("the roadmap by quarter and lead unit, "
                                                     "with the budget"))
    roadmap.add_argument("file", help=tr("the .egov file"))
    roadmap.add_argument("-o", "--output", default=None,
                         help=tr("write the model with a roadmap view"))
    roadmap.set_defaults(run=run_roadmap)

    duplicates = commands.add_parser("duplicates", help=tr(
        "systems of the same kind and function from different former units"))
    duplicates.add_argument("file", help=tr("the .egov file"))
    duplicates.set_defaults(run=run_duplicates)


def _quiet_router() -> None:
    """A dense inventory has lines the router draws straight; that is no error to print."""
    logging.getLogger("egov_modeler.diagram.routing").setLevel(logging.ERROR)


def _save(model, path: str) -> None:
    from ..storage.native import save
    from .common import fail

    try:
        save(model, path)
    except OSError as exc:
        fail(tr("Cannot write {path}: {reason}", path=path, reason=exc.strerror or exc))


def run_export(args: argparse.Namespace) -> int:
    from ..exchange.xlsx_inventory_export import write_inventory_workbook
    from .common import EXIT_OK, fail, read_model_or_exit

    model = read_model_or_exit(args.file)
    language = getattr(args, "lang", None) or current_language()
    try:
        summary = write_inventory_workbook(model, args.output, language)
    except OSError as exc:
        fail(tr("Cannot write {path}: {reason}", path=args.output, reason=exc.strerror or exc))
    print(tr("Wrote {path}: {objects} objects, {connections} connections, {tasks} tasks",
             path=args.output, objects=summary.rows.get("objects", 0),
             connections=summary.rows.get("connections", 0),
             tasks=summary.rows.get("tasks", 0)), file=sys.stderr)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from ..diagram.overview_layout import generate_overview
    from ..exchange.xlsx_inventory_import import XlsxImportError, plan_xlsx_import
    from ..model.errors import ModelError
    from .common import EXIT_OK, fail, read_model_or_exit

    if not args.dry_run and not args.output:
        fail(tr("give -o G.egov to write the merged model, or --dry-run to list the changes"))
    model = read_model_or_exit(args.into)
    try:
        result = plan_xlsx_import(model, args.workbook)
    except XlsxImportError as exc:
        fail(tr("nothing was imported:\n{problems}", problems=str(exc)))
    for note in result.notes:
        print(f"  ! {note}")
    for change in result.changes:
        print(tr("{sheet}, row {row}: {concept}: {what}: ‘{old}’ → ‘{new}’",
                 sheet=change.sheet, row=change.row, concept=change.concept,
                 what=change.what, old=change.old, new=change.new))
    print(tr("{count} changes: {created} new rows, {updated} rows changed",
             count=len(result.changes), created=result.created, updated=result.updated),
          file=sys.stderr)
    if args.dry_run:
        return EXIT_OK
    if result.command is not None:
        try:
            model.execute(result.command)
        except ModelError as exc:
            fail(tr("nothing was imported:\n{problems}", problems=str(exc)))
    if args.overview:
        _quiet_router()
        command, view = generate_overview(model)
        model.execute(command)
        print(tr("Added the view ‘{name}’", name=view.name), file=sys.stderr)
    _save(model, args.output)
    return EXIT_OK


def run_overview(args: argparse.Namespace) -> int:
    from ..diagram.overview_layout import generate_overview
    from ..model.inventory.rows import Inventory
    from .common import EXIT_OK, fail, read_model_or_exit

    model = read_model_or_exit(args.file)
    if not Inventory(model).objects():
        fail(tr("the model has no inventory objects to draw"))
    _quiet_router()
    command, view = generate_overview(model, args.group_by, args.name)
    model.execute(command)
    _save(model, args.output)
    print(tr("Added the view ‘{name}’: {objects} objects, {lines} lines", name=view.name,
             objects=sum(1 for n in view.nodes.values() if n.element_id),
             lines=len(view.connections)), file=sys.stderr)
    return EXIT_OK


def run_relayout(args: argparse.Namespace) -> int:
    from ..diagram.overview_layout import relayout_command
    from ..model.errors import ModelError
    from .common import EXIT_OK, fail, read_model_or_exit

    model = read_model_or_exit(args.file)
    try:
        view = model.view(args.view) if model.has_view(args.view) else model.view_by_name(
            args.view)
    except ModelError as exc:
        fail(str(exc))
    _quiet_router()
    command = relayout_command(model, view.id)
    if command is not None:
        model.execute(command)
    _save(model, args.output)
    print(tr("Re-laid out ‘{name}’", name=view.name), file=sys.stderr)
    return EXIT_OK


def run_plateaus(args: argparse.Namespace) -> int:
    from ..model.inventory.gaps import plateaus_from_states_command
    from .common import EXIT_OK, read_model_or_exit

    model = read_model_or_exit(args.file)
    command = plateaus_from_states_command(model)
    if command is not None:
        model.execute(command)
    _save(model, args.output)
    print(tr("{count} changes", count=len(command.commands) if command else 0),
          file=sys.stderr)
    return EXIT_OK


def run_gaps(args: argparse.Namespace) -> int:
    from ..model.inventory.gaps import analyse_gap, covered, find_plateau, gap_tasks_command
    from ..model.inventory.rows import Inventory
    from .common import EXIT_OK, fail, read_model_or_exit

    model = read_model_or_exit(args.file)
    ends = []
    for text in (args.source, args.target):
        plateau = find_plateau(model, text)
        if plateau is None:
            fail(tr("no plateau named ‘{name}’; the model has: {names}", name=text,
                    names=", ".join(e.name for e in model.elements if e.type == "Plateau")
                    or "—"))
        ends.append(plateau)
    analysis = analyse_gap(model, ends[0].id, ends[1].id)
    labels = {"added": tr("added"), "removed": tr("removed"), "changed": tr("changed"),
              "merged": tr("merged")}
    inventory = Inventory(model)
    for difference in analysis.differences:
        vi, en = difference.task_names(model)
        done = "\t" + tr("(a task handles it)") if covered(inventory, difference) else ""
        print(f"{labels[difference.kind]}\t{en if current_language() == 'en' else vi}{done}")
    if args.output:
        command = gap_tasks_command(model, analysis)
        if command is not None:
            model.execute(command)
        _save(model, args.output)
    return EXIT_OK


def run_roadmap(args: argparse.Namespace) -> int:
    from ..diagram.roadmap_view import roadmap_view
    from ..model.inventory.roadmap import build_roadmap, format_money
    from ..model.inventory.rows import Inventory
    from .common import EXIT_OK, read_model_or_exit

    model = read_model_or_exit(args.file)
    language = current_language()
    roadmap = build_roadmap(Inventory(model))
    for unit, tasks in roadmap.units:
        print(unit or tr("(no lead unit)"))
        for task in tasks:
            when = "–".join(q.label(language) for q in (task.start, task.end) if q) or "—"
            money = format_money(task.budget, language) if task.budget else ""
            print(f"  {when}\t{task.element.name_in(language)}\t{money}")
    for year in roadmap.years():
        print(tr("Budget {year}: {amount}", year=year or "—",
                 amount=format_money(roadmap.total(year=year) if year else sum(
                     a for (y, _f), a in roadmap.totals.items() if y is None), language)))
    if args.output:
        _quiet_router()
        command, _view = roadmap_view(model, language=language)
        model.execute(command)
        _save(model, args.output)
    return EXIT_OK


def run_duplicates(args: argparse.Namespace) -> int:
    from ..model.inventory.duplicates import duplicate_groups
    from ..model.inventory.rows import Inventory
    from .common import EXIT_OK, read_model_or_exit

    model = read_model_or_exit(args.file)
    inventory = Inventory(model)
    spec = inventory.schema.field("former_admin_unit")
    for group in duplicate_groups(inventory):
        print(" | ".join(f"{e.name} ({inventory.value(e, spec) if spec else ''})"
                         for e in group))
    return EXIT_OK
