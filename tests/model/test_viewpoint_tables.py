"""Which element types each viewpoint shows, held against Archi's own table
(``../shared/archimate/viewpoints.xml``, read at test time): an element a view's
viewpoint does not show is ghosted on the canvas, as in Archi."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from egov_modeler.model.metamodel import ELEMENT_TYPES
from egov_modeler.model.viewpoints import VIEWPOINTS, allowed_types, is_allowed

#: Archi's macros in viewpoints.xml and the ArchiMate layers they name.
ARCHI_MACROS = {
    "$BusinessElements$": "business", "$ApplicationElements$": "application",
    "$TechnologyElements$": "technology", "$PhysicalElements$": "physical",
    "$MotivationElements$": "motivation", "$StrategyElements$": "strategy",
    "$ImplementationMigrationElements$": "implementation_migration",
}
#: Archi allows these in every viewpoint (its Viewpoint class's default list).
ARCHI_DEFAULTS = {"AndJunction", "OrJunction", "Grouping"}


def archi_table(shared_dir) -> dict[str, set[str] | None]:
    root = ET.parse(shared_dir / "archimate" / "viewpoints.xml").getroot()
    table: dict[str, set[str] | None] = {}
    for vp in root.iter("viewpoint"):
        concepts = [c.text for c in vp.findall("concept")]
        if not concepts:
            table[vp.find("name").text] = None  # all allowed
            continue
        types = set(ARCHI_DEFAULTS)
        for concept in concepts:
            if concept in ARCHI_MACROS:
                types |= {n for n, t in ELEMENT_TYPES.items()
                          if t.layer == ARCHI_MACROS[concept]}
            else:
                types.add(concept)
        table[vp.find("name").text] = types
    return table


def test_every_viewpoint_shows_the_types_archi_shows(shared_dir):
    archi = archi_table(shared_dir)
    assert set(archi) == {vp.name for vp in VIEWPOINTS}
    for name, types in archi.items():
        assert allowed_types(name) == (frozenset(types) if types is not None else None), name


def test_every_type_archi_names_is_a_type_of_ours(shared_dir):
    for types in archi_table(shared_dir).values():
        assert types is None or types <= set(ELEMENT_TYPES)


def test_no_viewpoint_or_an_unknown_one_shows_everything():
    assert all(is_allowed("", t) for t in ELEMENT_TYPES)
    assert all(is_allowed("Principles", t) for t in ELEMENT_TYPES)
    assert not is_allowed("Technology", "ApplicationComponent")
    assert is_allowed("Technology", "Grouping")
