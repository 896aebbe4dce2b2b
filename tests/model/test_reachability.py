"""The reachability the framework checks share answers as the forward search does.

Random graphs of platforms, targets and other elements, related at random; every start's
answer from the good set (worked out backwards once) must equal a forward search from that
start, also after relationships are added and removed one by one and the good set is kept
rather than worked out again.
"""

from __future__ import annotations

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model import Model
from egov_modeler.model.catalog import profile_catalog
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.framework_rules.context import CheckContext

KINDS = ["l2_ldop_tinh", "l2_ndop", "l4_cong_dvcqg", "l2_csdl_tong_hop_qg", None]
TYPES = ["Flow", "Triggering", "Access", "Association", "Composition"]
PLATFORMS = ["l2_ldop_tinh", "l2_ndop"]
TARGETS = ["l4_cong_dvcqg"]

graphs = st.tuples(
    st.lists(st.sampled_from(KINDS), min_size=2, max_size=9),
    st.lists(st.tuples(st.integers(0, 8), st.sampled_from(TYPES), st.integers(0, 8)),
             max_size=30),
    st.lists(st.tuples(st.booleans(), st.integers(0, 8), st.sampled_from(TYPES),
                       st.integers(0, 8)), max_size=12),
)


def _model(kinds):
    model = Model("Đồ thị")
    model.properties = [("profile", "vn-digital-2025")]
    for i, kind in enumerate(kinds):
        model.load_element(Element(f"e{i}", "ApplicationComponent", f"Phần tử {i}",
                                   catalog_ref=kind))
    return model


def _via_search(ctx, start, to, via, passable, types, directed):
    """The forward search ``linked_via`` was written with (states: element, passed via)."""
    seen = {(start.id, False)}
    queue = deque(seen)
    while queue:
        current, via_seen = queue.popleft()
        for other_id in ctx.neighbours(current, types, directed):
            other = ctx.element(other_id)
            if other is None:
                continue
            if ctx.is_a(other, to):
                if via_seen:
                    return True
                continue
            if not ctx.is_a(other, passable):
                continue
            state = (other_id, via_seen or ctx.is_a(other, via))
            if state not in seen:
                seen.add(state)
                queue.append(state)
    return False


def _check(ctx, reach, via_reach, directed):
    for element in ctx.model.elements:
        assert reach.reaches(element) == reach.search(element), element.id
        assert via_reach.reaches(element) == _via_search(
            ctx, element, TARGETS, ["l2_ndop"], PLATFORMS + ["l2_ndop"], set(TYPES[:3]),
            directed), element.id


@settings(max_examples=300, deadline=None)
@given(graphs, st.booleans())
def test_good_sets_answer_as_the_forward_search(graph, directed):
    kinds, edges, edits = graph
    model = _model(kinds)
    n = len(kinds)
    half = len(edges) // 2
    for k, (a, rel_type, b) in enumerate(edges[:half]):  # worked out at once
        model.load_relationship(Relationship(f"r{k}", rel_type, f"e{a % n}", f"e{b % n}"))
    ctx = CheckContext(model, profile_catalog("vn-digital-2025"))
    ctx.index()
    reach = ctx.reach(TARGETS, PLATFORMS, {"Flow", "Triggering", "Access"}, directed)
    via_reach = ctx.reach_via({"to": TARGETS, "via": ["l2_ndop"], "platforms": PLATFORMS,
                               "relationship_types": TYPES[:3], "directed": directed})
    _check(ctx, reach, via_reach, directed)
    for k, (a, rel_type, b) in enumerate(edges[half:]):  # kept relationship by relationship
        rel = Relationship(f"q{k}", rel_type, f"e{a % n}", f"e{b % n}")
        model.load_relationship(rel)
        for walk in (reach, via_reach):
            walk.added(walk.steps(rel.source, rel.target, rel.type))
    _check(ctx, reach, via_reach, directed)
    for k, (add, a, rel_type, b) in enumerate(edits):
        rels = model.relationships
        if add or not rels:
            rel = Relationship(f"x{k}", rel_type, f"e{a % n}", f"e{b % n}")
            model.load_relationship(rel)
            for walk in (reach, via_reach):
                walk.added(walk.steps(rel.source, rel.target, rel.type))
        else:
            rel = rels[a % len(rels)]
            model._drop_relationship(rel.id)
            for walk in (reach, via_reach):
                if walk.removed(walk.steps(rel.source, rel.target, rel.type)) is None:
                    walk.update()
        _check(ctx, reach, via_reach, directed)


def test_a_new_last_link_makes_the_whole_chain_reach():
    """A system flows to the provincial platform, which flows to NDOP; only when NDOP is
    linked to the portal does the system reach it (the chain is marked backwards)."""
    model = _model(["l4_cong_dvcqg", "l2_ndop", "l2_ldop_tinh", None])
    model.load_relationship(Relationship("r1", "Flow", "e3", "e2"))
    model.load_relationship(Relationship("r2", "Flow", "e2", "e1"))
    ctx = CheckContext(model, profile_catalog("vn-digital-2025"))
    ctx.index()
    reach = ctx.reach(TARGETS, PLATFORMS, {"Flow"}, True)
    system = model.element("e3")
    assert not reach.reaches(system)
    model.load_relationship(Relationship("r3", "Flow", "e1", "e0"))
    reach.added(reach.steps("e1", "e0", "Flow"))
    assert reach.reaches(system) and reach.search(system)
    model._drop_relationship("r2")
    assert reach.removed(reach.steps("e2", "e1", "Flow")) is None  # the platform's last way
    reach.update()
    assert not reach.reaches(system)
