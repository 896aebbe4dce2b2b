"""A full validation lists its problems as sorting them all gives (errors first, then by
rule, ids and message), although the unused-element warnings, most of a large model's
problems, are made in id order and placed as one block instead of being sorted again
(`model/validation.py`, issue 19)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.i18n import tr
from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.errors import ModelError
from egov_modeler.model.framework_rules import ensure_framework_rules
from egov_modeler.model.hygiene import (
    UNUSED_ELEMENT_RULE,
    duplicate_names,
    duplicate_problem,
    hygiene_problems,
    unused_elements,
)
from egov_modeler.model.problems import Problem, Severity
from egov_modeler.model.rules import check_relate, concept_of, provider_model_findings
from egov_modeler.model.text_fold import name_key
from egov_modeler.model.validation import (
    JUNCTION_TYPES,
    archimate_problems,
    in_problem_order,
    junction_problem,
    problem_order,
    validate_model,
)
from egov_modeler.model.views import Node, View

_ids = st.from_regex(r"id-[a-f0-9]{1,3}|[A-Za-z_][A-Za-z0-9_.\-]{0,2}", fullmatch=True)
_types = st.sampled_from(["ApplicationComponent", "Node", "BusinessActor", "Requirement",
                          "DataObject", "AndJunction"])
_names = st.sampled_from(["Cổng Dịch vụ công", "cong dich vu CONG", "Hệ thống cấp huyện",
                          "LGSP", "", "Kho dữ liệu"])
_references = st.sampled_from([None, "l3_chuyen_nganh", "l2_csdl_dung_chung", "l1_soc"])
_relationship_types = st.sampled_from(["Flow", "Serving", "Association", "Composition",
                                       "Access"])


@st.composite
def _models(draw: st.DrawFn) -> Model:
    """A small model: elements with short or uuid-like ids (some prefixes of others),
    names that fold alike, relationships ArchiMate allows and forbids, and a view showing
    some elements (or none, or no view at all)."""
    model = Model("Mô hình")
    if draw(st.booleans()):
        model.properties = [("profile", "vn-digital-2025"), ("architecture_level", "province")]
    ids = draw(st.lists(_ids, unique=True, max_size=12))
    for element_id in ids:
        model.load_element(Element(element_id, draw(_types), draw(_names),
                                   catalog_ref=draw(_references)))
    if ids:
        for k in range(draw(st.integers(0, 12))):
            ends = ids + [f"rel-{j}" for j in range(k)]  # a relationship to a relationship
            model.load_relationship(Relationship(
                f"rel-{k}", draw(_relationship_types), draw(st.sampled_from(ids)),
                draw(st.sampled_from(ends))))
    if draw(st.booleans()):
        view = View("view-1", "Sơ đồ")
        model.load_view(view)
        for k, element_id in enumerate(draw(st.lists(st.sampled_from(ids), unique=True))
                                       if ids else []):
            model.load_node(view.id, Node(f"node-{k}", 0, 0, 120, 55, element_id=element_id))
    return model


@settings(max_examples=150, deadline=None)
@given(_models())
def test_validation_lists_the_problems_as_sorting_them_all_does(model):
    ensure_framework_rules()
    everything = archimate_problems(model) + provider_model_findings(model) + hygiene_problems(
        model)
    assert validate_model(model) == sorted(everything, key=problem_order)


@settings(max_examples=100, deadline=None)
@given(_models())
def test_the_unused_element_warnings_are_made_in_id_order(model):
    unused = unused_elements(model)
    assert [p.ids for p in unused] == sorted(p.ids for p in unused)
    assert unused == sorted(unused, key=problem_order)


@settings(max_examples=150, deadline=None)
@given(_models())
def test_duplicate_names_are_grouped_as_a_plain_loop_groups_them(model):
    """Groups in the order of their first member, members in the model's order, unnamed
    elements never grouped."""
    groups: dict[tuple[str, str], list[Element]] = {}
    for element in model.elements:
        if name_key(element.name):
            groups.setdefault((element.type, name_key(element.name)), []).append(element)
    assert duplicate_names(model) == [duplicate_problem(members) for members in groups.values()
                                      if len(members) > 1]


def _archimate_reference(model: Model) -> list[Problem]:
    """What the ArchiMate table and the junction rule say, one relationship at a time."""
    problems = []
    for rel in model.relationships:
        try:
            check_relate(concept_of(model, rel.source), rel.type, concept_of(model, rel.target))
        except ModelError as exc:
            problems.append(Problem(Severity.ERROR, "archimate", str(exc), (rel.id,)))
    through: dict[str, set[str]] = {}
    for rel in model.relationships:
        for end in (rel.source, rel.target):
            if model.has_element(end) and model.element(end).type in JUNCTION_TYPES:
                through.setdefault(end, set()).add(rel.type)
    return problems + [p for p in (junction_problem(j, types) for j, types in
                                   sorted(through.items())) if p is not None]


@settings(max_examples=200, deadline=None)
@given(_models())
def test_the_archimate_table_is_applied_as_one_relationship_at_a_time(model):
    """Forbidden triples, relationships to relationships, mixed junctions."""
    assert archimate_problems(model) == _archimate_reference(model)


_problems = st.builds(
    Problem, st.sampled_from(list(Severity)),
    st.sampled_from(["archimate", "duplicate-name", "FW", "unused", UNUSED_ELEMENT_RULE,
                     UNUSED_ELEMENT_RULE + "-x", "zzz"]),
    st.sampled_from(["m1", "m2", ""]),
    st.lists(st.sampled_from(["id-a", "id-b", "id-a\x00b", ""]), max_size=2).map(tuple))


@settings(max_examples=300, deadline=None)
@given(st.lists(_problems, max_size=12), st.lists(_ids, unique=True, max_size=10),
       st.lists(_problems, max_size=6), st.booleans())
def test_the_unused_block_goes_where_sorting_puts_it(head, unused_ids, tail, odd_id):
    """Other problems of any rule and severity around it, among them warnings of the
    same rule (then the block is not whole: everything is sorted), and ids holding the
    character the order key joins with."""
    if odd_id:
        unused_ids = [*unused_ids, "id-a\x00b", "id-a"]
    unused = [Problem(Severity.WARNING, UNUSED_ELEMENT_RULE, f"‘{i}’", (i,))
              for i in sorted(set(unused_ids))]
    assert in_problem_order(head, unused, tail) == sorted(head + unused + tail,
                                                          key=problem_order)


def test_the_unused_element_warning_words_the_name_as_its_translation_says(monkeypatch):
    """The words around the name are joined to it when the translation has no other
    braces; a translation with escaped braces is still formatted."""
    from egov_modeler.model import hygiene

    model = Model("Mô hình")
    model.load_element(Element("id-a", "ApplicationComponent", "Hệ thống"))
    model.load_element(Element("id-b", "ApplicationComponent", ""))
    model.load_view(View("view-1", "Sơ đồ"))
    assert [p.message for p in unused_elements(model)] == [
        tr("‘{name}’ is on no view", name="Hệ thống"), tr("‘{name}’ is on no view", name="id-b")]
    assert "Hệ thống" in unused_elements(model)[0].message
    monkeypatch.setattr(hygiene, "tr", lambda text: "{{{name}}} chưa có trên sơ đồ")
    assert [p.message for p in unused_elements(model)] == [
        "{Hệ thống} chưa có trên sơ đồ", "{id-b} chưa có trên sơ đồ"]
