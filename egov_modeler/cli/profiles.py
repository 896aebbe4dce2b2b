"""``egov-modeler profiles [--details]``: the framework profiles the program knows, with
their status, version and the decisions they rest on."""

from __future__ import annotations

import argparse

from ..i18n import current_language, tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "profiles", help=tr("list the framework profiles (built in and loaded with --profile)"))
    parser.add_argument("--details", action="store_true",
                        help=tr("also print the decisions, dates and status notes"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..model.catalog import profile_catalog, profile_ids, user_profile_paths
    from ..storage.templates import templates_for_profile

    lang = current_language()
    loaded = user_profile_paths()
    status_text = {"current": tr("current"), "superseded": tr("superseded"),
                   "draft": tr("draft")}
    for profile_id in profile_ids():
        catalog = profile_catalog(profile_id)
        profile = catalog.profile
        if profile is None:
            continue
        origin = loaded.get(profile_id, tr("built in"))
        print(f"{profile.id}  {profile.version}  {status_text.get(profile.status, profile.status)}"
              f"  {profile.title(lang)}  [{origin}]")
        if not getattr(args, "details", False):
            continue
        if profile.status_note(lang):
            print("    " + profile.status_note(lang))
        for decision in profile.decisions:
            mark = f"  ({tr('inferred')})" if decision.inferred else ""
            date = decision.date.isoformat() if decision.date else "?"
            print(f"    {decision.number}  {date}  {decision.title_vi}{mark}")
        templates = templates_for_profile(profile.id)
        if templates:
            print("    " + tr("templates: {names}", names=", ".join(templates)))
        rules = len(catalog.rules)
        inferred = sum(1 for c in catalog.components if c.inferred)
        print("    " + tr("{components} components ({inferred} inferred), {rules} rules",
                          components=len(catalog.components), inferred=inferred, rules=rules))
    return 0
