"""The geometry of an ``.archimate`` file is Archi's: the same model exported by Archi as
exchange XML gives the same boxes and bendpoints, figure by figure (``tests/data/archi/
pairs``: eight models from Archi 3.1 to 5.0, each as Archi's file and Archi's export).

Archi's export differs in three known ways, which the comparison applies to our side:
it moves a view with negative coordinates so it starts at 0,0; older Archi versions put
``id-`` in front of every id; and it leaves out nested connections (a parent and a child
figure joined by a relationship) and the bendpoints of connections to connections.
"""

from __future__ import annotations

import pytest
from lxml import etree

from egov_modeler.exchange.archi_reader import read_archi
from egov_modeler.exchange.oef_reader import read_exchange
from egov_modeler.model.model import Model
from tests.helpers.archi import PAIRS

ALL_PAIRS = sorted(p.name for p in PAIRS.iterdir() if p.is_dir())
#: Pairs whose exchange file this program's exchange reader accepts (the 2.1 file is an
#: older format; the 4.6 one refers to property definitions it does not declare).
READABLE = [p for p in ALL_PAIRS if p not in ("legacy-mmorga-archisurance-archi311-oef21",
                                               "arktect-archi46-migration-guide")]
Geometry = tuple[dict[str, tuple[int, int, int, int]], dict[str, list[tuple[int, int]]]]


def archi_geometry(model: Model) -> Geometry:
    """Boxes and bendpoints of an Archi import, moved as Archi's export moves them."""
    boxes: dict[str, tuple[int, int, int, int]] = {}
    bends: dict[str, list[tuple[int, int]]] = {}
    for view in model.views:
        plain = [c for c in view.connections.values()
                 if c.source in view.nodes and c.target in view.nodes]
        dx = min([0] + [n.x for n in view.nodes.values() if n.parent is None]
                 + [p[0] for c in plain for p in c.bendpoints])
        dy = min([0] + [n.y for n in view.nodes.values() if n.parent is None]
                 + [p[1] for c in plain for p in c.bendpoints])
        for node in view.nodes.values():
            boxes[node.id] = (node.x - dx, node.y - dy, node.w, node.h)
        for conn in plain:
            bends[conn.id] = [(x - dx, y - dy) for x, y in conn.bendpoints]
    return boxes, bends


def model_geometry(model: Model) -> Geometry:
    boxes = {n.id: n.bounds for v in model.views for n in v.nodes.values()}
    bends = {c.id: list(c.bendpoints) for v in model.views for c in v.connections.values()}
    return boxes, bends


def xml_geometry(path) -> Geometry:
    """Boxes and bendpoints written in an exchange file, read without any reader."""
    root = etree.parse(str(path)).getroot()
    ns = etree.QName(root).namespace
    boxes = {el.get("identifier"): tuple(int(el.get(k)) for k in "xywh")
             for el in root.iter(f"{{{ns}}}node")}
    bends = {el.get("identifier"): [(int(b.get("x")), int(b.get("y")))
                                    for b in el.iter(f"{{{ns}}}bendpoint")]
             for el in root.iter(f"{{{ns}}}connection")}
    return boxes, bends  # type: ignore[return-value]


def compare(ours: Geometry, theirs: Geometry) -> tuple[int, list[str]]:
    """How many figures and connections were compared, and every difference."""
    boxes, bends = ours
    known = set(boxes) | set(bends)

    def same_id(key: str) -> str:
        return key if key in known or not key.startswith("id-") else key[3:]

    differences = []
    compared = 0
    for key, box in theirs[0].items():
        mine = boxes.get(same_id(key))
        compared += 1
        if mine != box:
            differences.append(f"figure {key}: {mine} != {box}")
    for key, points in theirs[1].items():
        if same_id(key) in bends:
            compared += 1
            if bends[same_id(key)] != points:
                differences.append(f"bendpoints of {key}: {bends[same_id(key)]} != {points}")
    return compared, differences


@pytest.mark.parametrize("pair", READABLE)
def test_both_imports_give_the_same_boxes_and_bendpoints(pair):
    archi = archi_geometry(read_archi(PAIRS / pair / "model.archimate"))
    exchange = model_geometry(read_exchange(PAIRS / pair / "model.xml"))
    compared, differences = compare(archi, exchange)
    assert differences == []
    assert compared == len(exchange[0]) + sum(1 for k in exchange[1] if k in archi[1] or (
        k.startswith("id-") and k[3:] in archi[1]))


@pytest.mark.parametrize("pair", ALL_PAIRS)
def test_the_boxes_and_bendpoints_are_those_archi_wrote_in_its_export(pair):
    archi = archi_geometry(read_archi(PAIRS / pair / "model.archimate"))
    written = xml_geometry(PAIRS / pair / "model.xml")
    compared, differences = compare(archi, written)
    assert differences == []
    assert compared >= len(written[0])


def test_the_pairs_hold_nesting_and_bendpoints_worth_comparing():
    boxes, bends = archi_geometry(read_archi(
        PAIRS / "archi-xmlexchange-archisurance-2019" / "model.archimate"))
    assert sum(len(points) for points in bends.values()) == 38
    model = read_archi(PAIRS / "archi-xmlexchange-archisurance-2019" / "model.archimate")
    assert sum(1 for v in model.views for n in v.nodes.values() if n.parent) == 120
