"""``egov-modeler repo …``: the model repository from the command line.

``init``, ``status``, ``commit``, ``log``, ``diff``, ``restore``, ``clone``, ``pull``,
``push``, ``bundle create|pull`` and ``merge-driver`` (run by git). Exit codes: 0 done,
1 conflicts left undecided (nothing was changed), 2 an error (the message says why).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import tr

if TYPE_CHECKING:
    from ..repository.pull import PullResult
    from ..repository.store import Author, ModelRepository

EXIT_OK = 0
EXIT_UNDECIDED = 1
EXIT_ERROR = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "repo", help=tr("versions of a model in a git repository, shared with other units"))
    commands = parser.add_subparsers(dest="repo_command", metavar="ACTION", required=True)

    def add(name: str, help_text: str, run: Callable[[argparse.Namespace], int],
            with_file: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        if with_file:
            sub.add_argument("-f", "--file", metavar="FILE.egov",
                             help=tr("the model file (default: the only .egov file of the "
                                     "repository of the current folder)"))
        sub.set_defaults(run=_guarded(run))
        return sub

    sub = add("init", tr("make the folder of a model a model repository and commit the "
                         "model as its first version"), run_init, with_file=False)
    sub.add_argument("model", metavar="FILE.egov", help=tr("the model file"))
    _author_option(sub)
    sub.add_argument("-m", "--message", help=tr("the message of the first version"))

    add("status", tr("modified, versions to send and to receive"), run_status)

    sub = add("commit", tr("record the model file as a new version"), run_commit)
    sub.add_argument("-m", "--message", required=True, help=tr("what changed, in a sentence"))
    _author_option(sub)

    sub = add("log", tr("the versions: who, when, why and what changed"), run_log)
    sub.add_argument("-n", "--max", type=int, default=20, metavar="N",
                     help=tr("show at most N versions (default 20)"))

    sub = add("diff", tr("what changed in the model between two versions"), run_diff)
    sub.add_argument("old", nargs="?", default="HEAD",
                     help=tr("the older version (default: the last one)"))
    sub.add_argument("new", nargs="?", default=None,
                     help=tr("the newer version (default: the model file as it is now)"))

    sub = add("restore", tr("put an earlier version back in the model file"), run_restore)
    sub.add_argument("version", help=tr("the version to restore (an id from ‘repo log’)"))

    sub = add("clone", tr("copy a shared repository (a folder, ssh://…, https://… or a "
                          ".bundle file) to start working on it"), run_clone, with_file=False)
    sub.add_argument("source", help=tr("the shared repository or bundle"))
    sub.add_argument("folder", help=tr("the new folder for this copy"))
    _author_option(sub)

    sub = add("pull", tr("bring in the shared repository's versions, merging the model"),
              run_pull)
    sub.add_argument("remote", nargs="?", default=None,
                     help=tr("the shared repository (default: the one this copy came from)"))
    _decision_options(sub)
    _author_option(sub)

    sub = add("push", tr("send this copy's versions to the shared repository"), run_push)
    sub.add_argument("remote", nargs="?", default=None,
                     help=tr("the shared repository (default: the one this copy came from); "
                             "a folder that does not exist yet is created"))

    bundle = commands.add_parser("bundle", help=tr("carry versions on a USB stick"))
    bundle_commands = bundle.add_subparsers(dest="bundle_command", metavar="ACTION",
                                            required=True)
    sub = bundle_commands.add_parser("create", help=tr("write every version to a bundle file"))
    sub.add_argument("-f", "--file", metavar="FILE.egov", help=tr("the model file"))
    sub.add_argument("output", metavar="FILE.bundle", help=tr("the bundle to write"))
    sub.set_defaults(run=_guarded(run_bundle_create))
    sub = bundle_commands.add_parser("pull", help=tr("bring in a bundle's versions, merging "
                                                     "the model"))
    sub.add_argument("-f", "--file", metavar="FILE.egov", help=tr("the model file"))
    sub.add_argument("input", metavar="FILE.bundle", help=tr("the bundle to read"))
    _decision_options(sub)
    _author_option(sub)
    sub.set_defaults(run=_guarded(run_bundle_pull))

    sub = commands.add_parser("merge-driver", help=tr("merge three versions of a model "
                                                      "(git runs this: %%O %%A %%B %%P)"))
    sub.add_argument("base", help=tr("the common ancestor (%%O)"))
    sub.add_argument("ours", help=tr("our version, replaced by the merge (%%A)"))
    sub.add_argument("theirs", help=tr("their version (%%B)"))
    sub.add_argument("name", nargs="?", default="", help=tr("the file's name (%%P)"))
    sub.set_defaults(run=_guarded(run_merge_driver))


def _author_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--author", metavar="‘NAME <E-MAIL>’",
                        help=tr("who you are (remembered by this copy)"))


def _decision_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--take", choices=("proposed", "ours", "theirs"),
                        help=tr("decide every conflict this way"))
    parser.add_argument("--decide", action="append", default=[], metavar="N=ours|theirs",
                        help=tr("decide conflict number N (as listed); may be repeated"))


def _guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Errors of the repository or of a file end with their message and exit 2."""

    def guarded(args: argparse.Namespace) -> int:
        from ..model.errors import ModelError
        from ..repository.errors import RepositoryError

        try:
            return run(args)
        except (RepositoryError, ModelError) as exc:
            print(tr("error: {message}", message=str(exc)), file=sys.stderr)
            return EXIT_ERROR

    return guarded


# ---------------------------------------------------------------------------- helpers
def _author(args: argparse.Namespace) -> Author | None:
    from ..repository.store import Author

    text = getattr(args, "author", None) or os.environ.get("EGOV_AUTHOR")
    return Author.parse(text) if text else None


def _open(args: argparse.Namespace) -> ModelRepository:
    from ..repository.store import ModelRepository

    if args.file:
        return ModelRepository.open(args.file)
    return ModelRepository.in_folder(os.getcwd())


def _when(version) -> str:
    return version.when.strftime("%Y-%m-%d %H:%M")


# ---------------------------------------------------------------------------- commands
def run_init(args: argparse.Namespace) -> int:
    from ..repository.store import ModelRepository

    with ModelRepository.init(args.model, _author(args), args.message) as repo:
        head = repo.head()
        print(tr("Model repository ready in {folder} (version {id})", folder=str(repo.root),
                 id=head.decode()[:8] if head else "-"))
    return EXIT_OK


def run_status(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        status = repo.status()
        print(tr("Model: {path}", path=str(repo.model_file)))
        print(tr("Branch {branch}, version {id}", branch=status.branch,
                 id=(status.head or "-")[:8]))
        print(tr("The model has changes that are not committed") if status.modified
              else tr("The model is as in the last version"))
        if status.remote_url:
            print(tr("Shared repository: {url}", url=status.remote_url))
            print(tr("{ahead} versions to send, {behind} to receive (as of the last pull or "
                     "push)", ahead=status.ahead, behind=status.behind))
        else:
            print(tr("No shared repository yet"))
    return EXIT_OK


def run_commit(args: argparse.Namespace) -> int:
    from ..repository.wording import summary

    with _open(args) as repo:
        head = repo.head()
        changes = repo.diff("HEAD") if head is not None else None
        version = repo.commit(args.message, _author(args))
        print(tr("Version {id} recorded", id=version.short))
        if changes is not None:
            print("  " + summary(changes))
    return EXIT_OK


def run_log(args: argparse.Namespace) -> int:
    from ..repository.wording import summary

    with _open(args) as repo:
        for version in repo.history(args.max):
            print(f"{version.short}  {_when(version)}  {version.author}  {version.message}")
            print("          " + summary(repo.changes_in(version)))
    return EXIT_OK


def run_diff(args: argparse.Namespace) -> int:
    from ..repository.wording import change_lines, summary

    with _open(args) as repo:
        diff = repo.diff(args.old, args.new)
        print(summary(diff))
        for line in change_lines(diff):
            print("  " + line)
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        version = repo.restore(args.version)
        print(tr("Version {id} of {when} is back in {path}; commit it to keep it",
                 id=version.short, when=_when(version), path=str(repo.model_file)))
    return EXIT_OK


def run_clone(args: argparse.Namespace) -> int:
    from ..repository import bundles, remote

    source = Path(args.source)
    if source.is_file():
        repo = bundles.clone_bundle(source, args.folder, _author(args))
    else:
        repo = remote.clone(args.source, args.folder, _author(args))
    with repo:
        print(tr("Copy ready: {path}", path=str(repo.model_file)))
    return EXIT_OK


def _decisions(args: argparse.Namespace, result: PullResult) -> dict[str, str] | None:
    """The decisions the options give, or ``None`` when some conflict is left open."""
    from ..repository.errors import RepositoryError

    pending = result.pending
    assert pending is not None
    conflicts = pending.conflicts
    decided: dict[str, str] = {}
    if args.take == "proposed":
        decided = pending.merge.proposed_decisions()
    elif args.take in ("ours", "theirs"):
        decided = {c.id: args.take for c in conflicts}
    for item in args.decide:
        number, _, side = item.partition("=")
        if not number.isdigit() or not 1 <= int(number) <= len(conflicts) or side not in (
                "ours", "theirs"):
            raise RepositoryError(tr("--decide {value}: write N=ours or N=theirs, N from 1 to "
                                     "{count}", value=item, count=len(conflicts)))
        decided[conflicts[int(number) - 1].id] = side
    return decided if all(c.id in decided for c in conflicts) else None


def _report(result: PullResult, args: argparse.Namespace) -> int:
    from ..repository.pull import PullState
    from ..repository.wording import Namer, repair_line, summary

    if result.state is PullState.CONFLICTS:
        pending = result.pending
        assert pending is not None
        print(tr("{count} conflicts between your version and theirs:",
                 count=len(pending.conflicts)))
        for number, (_conflict, text) in enumerate(pending.texts(), 1):
            print(f"{number:3}. [{text.group}] {text.title}")
            print("       " + tr("yours: {words}", words=text.ours))
            print("       " + tr("theirs: {words}", words=text.theirs))
            print("       " + text.proposed)
        decisions = _decisions(args, result)
        if decisions is None:
            pending.abandon()
            print(tr("Nothing was changed. Decide with --take proposed|ours|theirs or "
                     "--decide N=ours|theirs and pull again."), file=sys.stderr)
            return EXIT_UNDECIDED
        merge = pending.merge
        result = pending.complete(decisions)
        namer = Namer(merge.ours, merge.theirs, merge.base)
        for repair in result.repairs:
            print("  " + repair_line(namer, repair))
    if result.state is PullState.UP_TO_DATE:
        print(tr("Already up to date with {source}", source=result.source))
        return EXIT_OK
    words = {PullState.FAST_FORWARD: tr("Brought in the versions of {source}",
                                        source=result.source),
             PullState.MERGED: tr("Merged the versions of {source}", source=result.source)}
    print(words.get(result.state, result.state.value))
    if result.version is not None:
        print(tr("Now at version {id}", id=result.version.short))
    if result.changes is not None:
        print("  " + summary(result.changes))
    for path in result.kept_files:
        print(tr("{path} changed on both sides: your version was kept", path=path))
    return EXIT_OK


def run_pull(args: argparse.Namespace) -> int:
    from ..repository import remote

    with _open(args) as repo:
        return _report(remote.pull(repo, args.remote, _author(args)), args)


def run_push(args: argparse.Namespace) -> int:
    from ..repository import remote

    with _open(args) as repo:
        address = remote.push(repo, args.remote)
        print(tr("Sent to {address}", address=address))
    return EXIT_OK


def run_bundle_create(args: argparse.Namespace) -> int:
    from ..repository.bundles import write_model_bundle

    with _open(args) as repo:
        count = write_model_bundle(repo, args.output)
        print(tr("{path} written with {count} versions", path=args.output, count=count))
    return EXIT_OK


def run_bundle_pull(args: argparse.Namespace) -> int:
    from ..repository.bundles import pull_bundle

    with _open(args) as repo:
        return _report(pull_bundle(repo, args.input, _author(args)), args)


def run_merge_driver(args: argparse.Namespace) -> int:
    from ..repository.merge_driver import merge_files

    outcome = merge_files(args.base, args.ours, args.theirs, args.name)
    for _conflict, text in outcome.conflicts:
        print(f"egov-modeler: [{text.group}] {text.title}", file=sys.stderr)
        print("    " + tr("yours: {words}", words=text.ours), file=sys.stderr)
        print("    " + tr("theirs: {words}", words=text.theirs), file=sys.stderr)
        print("    " + tr("{proposal} (written to the file)", proposal=text.proposed),
              file=sys.stderr)
    for line in outcome.repairs:
        print("egov-modeler: " + line, file=sys.stderr)
    if outcome.conflicts:
        print(tr("egov-modeler: {count} conflicts in {name}; open the model to check the "
                 "proposed choices, then ‘git add’ it", count=len(outcome.conflicts),
                 name=args.name or args.ours), file=sys.stderr)
    return outcome.exit_code
