"""A whole-model validation judges each element check only for the elements the check's
``candidates`` pick, in bulk (`framework_rules/engine.py`, issue 19); the findings must be
those of judging every element one by one, as the incremental validator does after an
edit. Random models of the 2025 profile: servers hosting applications or not, scopes and
names of the abolished district level, local copies of national platforms."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.framework_rules import ensure_framework_rules
from egov_modeler.model.framework_rules.checks import CHECKS
from egov_modeler.model.framework_rules.provider import default_provider

_KINDS = st.sampled_from([
    ("ApplicationComponent", "l3_chuyen_nganh", None),
    ("ApplicationComponent", "l3_httt_gq_tthc", None),
    ("ApplicationComponent", None, "l3_ung_dung_nghiep_vu"),
    ("ApplicationComponent", None, None),
    ("ApplicationComponent", "l4_cong_dvcqg", None),
    ("ApplicationService", None, "l3_ung_dung_nghiep_vu"),
    ("Node", None, "l1_ha_tang_so_anm"),
    ("Node", None, None),
    ("Device", None, "l3_ung_dung_nghiep_vu"),
    ("SystemSoftware", "l1_soc", None),
    ("DataObject", "l2_csdl_dung_chung", None),
    ("DataObject", "l2_ndop", None),
    ("BusinessActor", "nsd_cbccvc", None),
])
_NAMES = st.sampled_from(["Hệ thống cấp huyện", "Cổng dịch vụ công tỉnh", "Kho dữ liệu",
                          "Máy chủ", "UBND HUYỆN", "Trục liên thông"])
_SCOPES = st.sampled_from([[], [("Phạm vi", "huyện")], [("Phạm vi", "cấp huyện")],
                           [("Phạm vi", "tỉnh")], [("Phạm vi", "quốc gia")],
                           [("Lớp dữ liệu", "Dữ liệu chủ"), ("Phạm vi", "tỉnh")]])
_RELATIONSHIP_TYPES = st.sampled_from(["Serving", "Association", "Flow", "Access",
                                       "Realization"])


@st.composite
def _models(draw: st.DrawFn) -> Model:
    model = Model("Tỉnh")
    model.properties = [("profile", "vn-digital-2025"),
                        ("architecture_level", draw(st.sampled_from(["province", "ministry"])))]
    count = draw(st.integers(1, 14))
    for k in range(count):
        type_name, ref, layer = draw(_KINDS)
        model.load_element(Element(f"id-{k}", type_name, draw(_NAMES), catalog_ref=ref,
                                   layer=layer, properties=draw(_SCOPES)))
    for k in range(draw(st.integers(0, 20))):
        model.load_relationship(Relationship(
            f"rel-{k}", draw(_RELATIONSHIP_TYPES), f"id-{draw(st.integers(0, count - 1))}",
            f"id-{draw(st.integers(0, count - 1))}"))
    return model


@settings(max_examples=200, deadline=None)
@given(_models())
def test_each_element_check_finds_in_bulk_what_it_finds_element_by_element(model):
    ensure_framework_rules()
    engine = default_provider().engine(model)
    assert not isinstance(engine, Exception)
    engine.run()
    ctx = engine.ctx
    judged = 0
    for rule in engine.rules:
        check = CHECKS.get(rule.check)
        if check is None or check.on_element is None or check.candidates is None:
            continue
        one_by_one = []
        for element in model.elements:
            if check.subject is None or check.subject(ctx, rule, element):
                one_by_one += check.on_element(ctx, rule, element)
        in_bulk = [p for p in engine.problems() if p.rule == rule.id]
        if check.gate is not None:
            one_by_one = check.gate(ctx, rule, one_by_one, len(
                [e for e in model.elements
                 if check.subject is None or check.subject(ctx, rule, e)]))
        assert in_bulk == one_by_one, rule.id
        judged += 1
    assert judged >= 4  # hosting, two-tier, no duplicate, master-data sync, portal


@settings(max_examples=150, deadline=None)
@given(_models(), st.booleans())
def test_scopes_worked_out_in_bulk_are_each_elements_own(model, indexed):
    """Elements of one ``Phạm vi`` and one catalog reference share a scope; in a model
    with or without its level written, indexed (a whole-model run) or not."""
    ensure_framework_rules()
    if indexed:
        model.properties = [("profile", "vn-digital-2025")]
    one, bulk = default_provider().engine(model), default_provider().engine(model)
    assert not isinstance(one, Exception) and not isinstance(bulk, Exception)
    if indexed:
        one.ctx.index()
        bulk.ctx.index()
    elements = model.elements
    assert bulk.ctx.effective_scopes(elements) == [one.ctx.effective_scope(e)
                                                   for e in elements]
    assert bulk.ctx.effective_scopes(elements[::-1]) == [one.ctx.effective_scope(e)
                                                         for e in elements[::-1]]


@settings(max_examples=100, deadline=None)
@given(_models(), st.booleans())
def test_layers_looked_up_in_bulk_are_each_elements_own(model, indexed):
    """Filed by a whole-model run (the catalog component's layer, or the element's own)
    or not filed yet."""
    ensure_framework_rules()
    one, bulk = default_provider().engine(model), default_provider().engine(model)
    assert not isinstance(one, Exception) and not isinstance(bulk, Exception)
    if indexed:
        bulk.ctx.index()
    elements = model.elements
    assert bulk.ctx.layers_of(elements) == [one.ctx.layer_of(e) for e in elements]
