"""The quick "cannot match" before the name patterns' search never changes an answer, and
is used for the 2025 profile's patterns (the two-tier and no-duplicate rules)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_modeler.model.catalog import catalog_for
from egov_modeler.model.framework_rules.literal_prefilter import (
    prefiltered,
    prefiltered_many,
)
from egov_modeler.model.framework_rules.profile_checks import _search
from egov_modeler.storage.templates import load_template

TWO_TIER = ("(?i)\\bcấp huyện\\b", "(?i)\\bhuyện\\b", "(?i)\\bquận\\b", "(?i)\\bthị xã\\b")
PLATFORMS = ("(?i)\\bđịnh danh\\b", "(?i)trục liên thông văn bản", "(?i)cổng dịch vụ công")
#: Texts where case folding, word edges or look-alike letters could go wrong.
TRICKY = ["Hệ thống một cửa cấp huyện", "UBND HUYỆN Chư Sê", "Huyệnx", "xhuyện", "huyện",
          "Quận 1", "QUẬN", "quậnh", "THỊ XÃ An Khê", "Thị xã", "thị  xã", "thi xa",
          "Cổng Dịch Vụ Công tỉnh", "CỔNG DỊCH VỤ CÔNG", "Hệ thống định danh", "ĐỊNH DANH",
          "huye\u0323\u0302n", "İstanbul huyện", "ſ huyện", "\u212a quận", "", " ",
          "Trục liên thông văn bản quốc gia", "TRỤC LIÊN THÔNG VĂN BẢN"]


def _profile_patterns() -> list[tuple[str, ...]]:
    catalog = catalog_for(load_template("provincial-2026"))
    found = []
    for rule in catalog.rules:
        if rule.params.get("name_patterns"):
            found.append(tuple(rule.params["name_patterns"]))
        for entry in rule.params.get("platforms", []):
            if isinstance(entry, dict) and entry.get("name_patterns"):
                found.append(tuple(entry["name_patterns"]))
    return found


def test_the_2025_profiles_patterns_are_prefiltered():
    patterns = _profile_patterns()
    assert TWO_TIER in patterns
    for group in patterns:
        search = _search(group)
        assert prefiltered(group, search) is not search, group


def test_a_prefiltered_search_answers_as_the_search_on_tricky_names():
    for group in (TWO_TIER, PLATFORMS, *_profile_patterns()):
        search = _search(group)
        quick = prefiltered(group, search)
        for text in TRICKY:
            assert quick(text) == search(text), (group, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["huyện", "HUYỆN", "quận", "Thị Xã", "cấp", " ", "x", "İ",
                                 "ſ", "\u212a", "ı", "ệ", "E\u0323\u0302", "đ", "Đ", "ß", "-",
                                 "liên thông", "LİÊN", "ſở", "sở",
                                 "định danh", "Cổng dịch vụ công"]), max_size=8)
       .map("".join))
def test_a_prefiltered_search_never_differs(text):
    for group in (TWO_TIER, PLATFORMS, ("(?i)\\bliên thông\\b", "(?i)sở")):
        search = _search(group)
        assert prefiltered(group, search)(text) == search(text)


def test_patterns_with_syntax_or_look_alike_letters_are_searched_as_they_are():
    for group in (("(?i)\\bxã\\b", "(?i)huy[eệ]n"),  # a character class
                  ("(?i)ſở",),  # ſ: the engine also takes s for it
                  ("(?i)\\bµ\\b",),  # µ: also Greek mu
                  ("thị xã",),  # case-sensitive
                  ("(?i)chi.nhánh",)):  # any character
        search = _search(group)
        assert prefiltered(group, search) is search, group


def test_look_alike_letters_in_a_name_are_found_as_the_engine_finds_them():
    """i, s and k are folded with ı, İ, ſ and the Kelvin sign by the engine: a name
    written with those still matches a phrase with i, s or k."""
    group = ("(?i)\\bchi nhánh sở\\b", "(?i)kho")
    search = _search(group)
    quick = prefiltered(group, search)
    assert quick is not search
    for text in ("Chı nhánh sở", "CHİ NHÁNH SỞ", "chi nhánh ſở", "\u212aho bạc", "kho",
                 "chi nhánh số", "Chi nhánh Sở Nội vụ"):
        assert quick(text) == search(text), text


_PIECES = st.sampled_from(["huyện", "HUYỆN", "quận", "Thị Xã", "cấp", " ", "x", "İ", "ſ",
                           "\u212a", "ı", "ệ", "E\u0323\u0302", "đ", "\x00", "ß", "-",
                           "liên thông", "LİÊN", "ſở", "sở", "định danh", "Cổng dịch vụ công",
                           "ΟΔΟΣ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=8))
def test_many_names_tested_at_once_answer_as_one_by_one(texts):
    """Names joined for one search: a phrase must not be found across two names (nor
    across a name's own ``\\x00``), nor a place be taken for the wrong name when lowering
    lengthens a name (``İ``)."""
    for group in (TWO_TIER, PLATFORMS, ("(?i)\\bliên thông\\b", "(?i)sở"),
                  ("(?i)huy[eệ]n",)):
        search = _search(group)
        assert prefiltered_many(group, search)(texts) == [search(t) for t in texts], group


def test_a_phrase_at_the_end_of_one_name_and_the_start_of_the_next_is_not_found():
    search = _search(PLATFORMS)
    many = prefiltered_many(PLATFORMS, search)
    assert many(["Trục liên", "thông văn bản", "x"]) == [False, False, False]
    assert many(["Hệ thống", "CỔNG DỊCH VỤ CÔNG", "Kho", "định danh"]) == [
        False, True, False, True]
