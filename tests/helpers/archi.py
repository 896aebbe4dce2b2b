"""What the Archi tests share: where the Archi files are, and the checks Archi makes when it
opens a model (its ``ModelChecker``), written again here from Archi's source so a test can
say "Archi would open this" without Archi."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.helpers.paths import REPO

DATA = REPO / "tests" / "data" / "archi"
MODELS = DATA / "models"
PAIRS = DATA / "pairs"
CSV = DATA / "csv"

NS = "http://www.archimatetool.com/archimate"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"

#: Archi's default folder type of each concept class (``getDefaultFolderForObject``).
_LAYERS = {
    "strategy": "Resource Capability ValueStream CourseOfAction",
    "business": "BusinessActor BusinessRole BusinessCollaboration BusinessInterface "
                "BusinessProcess BusinessFunction BusinessInteraction BusinessEvent "
                "BusinessService BusinessObject Contract Representation Product",
    "application": "ApplicationComponent ApplicationCollaboration ApplicationInterface "
                   "ApplicationFunction ApplicationInteraction ApplicationProcess "
                   "ApplicationEvent ApplicationService DataObject",
    "technology": "Node Device SystemSoftware TechnologyCollaboration TechnologyInterface Path "
                  "CommunicationNetwork TechnologyFunction TechnologyProcess "
                  "TechnologyInteraction TechnologyEvent TechnologyService Artifact Equipment "
                  "Facility DistributionNetwork Material",
    "motivation": "Stakeholder Driver Assessment Goal Outcome Principle Requirement "
                  "Constraint Meaning Value",
    "implementation_migration": "WorkPackage Deliverable ImplementationEvent Plateau Gap",
    "other": "Location Grouping Junction",
}
FOLDER_OF_CLASS = {c: kind for kind, names in _LAYERS.items() for c in names.split()}


HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<archimate:model '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:archimate="http://www.archimatetool.com/archimate" name="T" id="m1" '
        'version="{version}">\n')


def archi(body: str, version: str = "5.0.0") -> bytes:
    """A small Archi file around ``body`` (folders, profiles...)."""
    return (HEAD.format(version=version) + body + "\n</archimate:model>\n").encode("utf-8")


PROFILE_BODY = ('<folder name="Business" id="fb" type="business">'
                '<element xsi:type="archimate:BusinessActor" name="Sở" id="a" profiles="p1"/>'
                '</folder><profile name="Cơ quan" id="p1" conceptType="BusinessActor" '
                'imagePath="images/logo.png"/>')


def data_file(path: Path) -> Path:
    """A test data file, or skip the test when it was removed (see the data README)."""
    if not path.exists():
        pytest.skip(f"{path.name} is not in tests/data/archi")
    return path


def archi_class(el: etree._Element) -> str:
    return (el.get(XSI_TYPE) or "").rsplit(":", 1)[-1]


def archi_problems(root: etree._Element) -> list[str]:
    """What Archi's ModelChecker (and its loader) would refuse in a written model."""
    problems = []
    if root.tag != f"{{{NS}}}model":
        return [f"root is {root.tag}"]
    ids: dict[str, etree._Element] = {}
    for el in root.iter():
        if el.get("id") is not None:
            if el.get("id") in ids:
                problems.append(f"id {el.get('id')} twice")
            ids[el.get("id")] = el
    tops = {f.get("type"): f for f in root.findall("folder")}
    expected = {"strategy", "business", "application", "technology", "motivation",
                "implementation_migration", "other", "relations", "diagrams"}
    if set(tops) != expected:
        problems.append(f"top-level folders {sorted(map(str, tops))}")
    for kind, folder in tops.items():
        for el in folder.iter("element"):
            cls = archi_class(el)
            want = ("relations" if cls.endswith("Relationship") else
                    "diagrams" if cls.endswith("DiagramModel") else FOLDER_OF_CLASS.get(cls))
            if want != kind:
                problems.append(f"{cls} {el.get('id')} in the {kind} folder")
    profiles = {p.get("id"): p for p in root.findall("profile")}
    incoming: dict[str, list[str]] = {}
    for el in root.iter():
        cls = archi_class(el)
        for ref in (el.get("profiles") or "").split():
            if ref not in profiles or profiles[ref].get("conceptType") != cls:
                problems.append(f"{el.get('id')}: profile {ref} missing or of another type")
        if el.tag == "child" and cls == "DiagramObject":
            if archi_class(ids.get(el.get("archimateElement"), el)) in ("", "DiagramObject"):
                problems.append(f"figure {el.get('id')} shows no element")
            if el.find("bounds") is None:
                problems.append(f"figure {el.get('id')} has no bounds")
        if el.tag == "sourceConnection":
            source, target = ids.get(el.get("source")), ids.get(el.get("target"))
            if source is None or target is None:
                problems.append(f"connection {el.get('id')} has a missing end")
                continue
            if el.getparent() is not source:
                problems.append(f"connection {el.get('id')} is not inside its source")
            incoming.setdefault(el.get("target"), []).append(el.get("id"))
            if cls == "Connection":
                rel = ids.get(el.get("archimateRelationship"))
                if rel is None:
                    problems.append(f"connection {el.get('id')} shows no relationship")
                    continue
                ends = [e.get("archimateElement") or e.get("archimateRelationship")
                        for e in (source, target)]
                if ends != [rel.get("source"), rel.get("target")]:
                    problems.append(f"connection {el.get('id')} ends do not match")
    for target, conns in incoming.items():
        listed = (ids[target].get("targetConnections") or "").split()
        if sorted(listed) != sorted(conns):
            problems.append(f"{target}: targetConnections {listed} != {conns}")
    return problems
