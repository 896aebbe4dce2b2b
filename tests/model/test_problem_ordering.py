"""The incremental validator's problems keep their order from one answer to the next
(`model/problem_ordering.py`): the list is always what sorting gives, and after an edit
only the problems it made are put in place (a full sort of a national model's 17,500
problems took longer than an edit's re-validation may, issue 19)."""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model import problem_ordering
from egov_modeler.model.problem_ordering import ProblemOrder
from egov_modeler.model.problems import Problem, Severity
from egov_modeler.model.validation import problem_order

_problems = st.builds(
    Problem, st.sampled_from(list(Severity)), st.sampled_from(["archimate", "unused", "FW"]),
    st.sampled_from(["m1", "m2"]),
    st.lists(st.sampled_from(["id-a", "id-b", "id-c"]), max_size=2).map(tuple))


@settings(max_examples=200, deadline=None)
@given(st.lists(_problems, min_size=1, max_size=30),
       st.lists(st.tuples(st.lists(st.integers(0, 40), max_size=30),
                          st.lists(_problems, max_size=8)), max_size=6))
def test_the_order_is_always_what_sorting_gives(first, steps):
    """Each step keeps some of the last answer's objects (the same objects, maybe one
    twice) and adds new ones, in any order."""
    order = ProblemOrder()
    answer = order.sort(list(first))
    assert answer == sorted(first, key=problem_order)
    for picks, new in steps:
        gathered = [answer[i % len(answer)] for i in picks] if answer else []
        gathered += new
        earlier, as_it_was = answer, list(answer)
        answer = order.sort(gathered)
        assert answer == sorted(gathered, key=problem_order)
        assert earlier == as_it_was  # a list handed out is the caller's: never changed


def test_after_an_edit_only_the_new_problems_are_placed(monkeypatch):
    many = [Problem(Severity.WARNING, "unused-element", "Không nằm trên sơ đồ nào",
                    (f"id-{uuid.uuid4()}",)) for _ in range(2000)]
    order = ProblemOrder()
    order.sort(list(many))
    keyed = []
    monkeypatch.setattr(problem_ordering, "problem_order",
                        lambda p: keyed.append(p) or problem_order(p))
    gone, new = many[7], Problem(Severity.ERROR, "archimate", "Không được phép", ("id-x",))
    gathered = [p for p in many if p is not gone] + [new]
    assert order.sort(gathered) == sorted(gathered, key=problem_order)
    assert keyed == [new]


_ncnames = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-]{0,3}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.builds(Problem, st.sampled_from(list(Severity)),
                          st.sampled_from(["FW", "FW-X", "archimate", "a"]), st.text(max_size=4),
                          st.lists(_ncnames, max_size=3).map(tuple)), max_size=25))
def test_the_order_key_sorts_as_the_tuple_of_the_problems_fields(problems):
    """One text per problem (compared faster than a tuple) in the order of (errors
    first, rule, ids, message): ids that are prefixes of others, lists of ids that are
    prefixes of others, any message."""
    rank = {Severity.ERROR: 0, Severity.WARNING: 1}
    assert sorted(problems, key=problem_order) == sorted(
        problems, key=lambda p: (rank[p.severity], p.rule, p.ids, p.message))
