"""The fast ``fold`` (``str.translate`` with a table filled on first sight) must fold every
text exactly as the plain NFD fold did: the duplicate-name check, the palette filter and
find all compare names through it, so one letter folded differently would make two names
the user sees as the same count as different (or the other way round)."""

from __future__ import annotations

import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from egov_modeler.model.text_fold import fold, name_key, name_keys


def nfd_fold(text: str) -> str:
    """The fold as it was written before: decompose, drop the marks, lower."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng
_CONSONANTS = "bcdđghklmnpqrstvx"
#: Other scripts a ministry's names may carry: French, German, Greek (final sigma), Cyrillic,
#: Chinese, Korean Hangul (decomposes under NFD), ligatures and a dotted capital I.
_OTHERS = "çéèàœßΣσςΆΌάόДдЁёЙй中文國한국어ﬁİıÅåØøŁł"


def vietnamese_letters() -> list[str]:
    """Every letter of the Vietnamese alphabet with every tone, lower and upper case,
    composed (NFC, as keyboards type them) and decomposed (as some files store them)."""
    letters = set(_CONSONANTS)
    for vowel in _VOWELS:
        for tone in _TONES:
            letters.add(unicodedata.normalize("NFC", vowel + tone))
    letters |= {letter.upper() for letter in letters}
    return sorted(letters | {unicodedata.normalize("NFD", letter) for letter in letters})


def test_there_are_134_vietnamese_vowels_with_tones_in_both_cases() -> None:
    composed = [letter for letter in vietnamese_letters() if len(letter) == 1]
    assert len(composed) == 2 * (len(_CONSONANTS) + len(_VOWELS) * len(_TONES))


def test_every_vietnamese_letter_folds_as_the_nfd_fold_did() -> None:
    for letter in vietnamese_letters():
        assert fold(letter) == nfd_fold(letter), letter
    assert fold("ỆỄẶỮỢĐđ") == "eeauodd"


def test_letters_of_other_scripts_fold_as_the_nfd_fold_did() -> None:
    for char in _OTHERS:
        assert fold(char) == nfd_fold(char), char
    assert fold("ΟΔΟΣ") == nfd_fold("ΟΔΟΣ") == "οδος"  # final sigma needs the whole word


def test_whole_vietnamese_names_fold_as_the_nfd_fold_did() -> None:
    names = ["Cổng Dịch vụ công Quốc gia", "TRỤC LIÊN THÔNG VĂN BẢN QUỐC GIA",
             "Cơ sở dữ liệu đất đai", unicodedata.normalize("NFD", "Hệ thống Đăng ký")]
    for name in names:
        assert fold(name) == nfd_fold(name)
    assert name_key("  Cổng  Dịch vụ ") == name_key("cong dich VU") == "cong dich vu"


@given(st.lists(st.sampled_from(vietnamese_letters() + list(_OTHERS) + [" ", "-"]))
       .map("".join) | st.text())
def test_any_text_folds_as_the_nfd_fold_did(text: str) -> None:
    assert fold(text) == nfd_fold(text)


def test_every_latin_letter_with_marks_folds_as_the_nfd_fold_did() -> None:
    latin = [chr(code) for block in (range(0x20, 0x250), range(0x1E00, 0x1F00))
             for code in block]
    for char in latin:
        assert fold(char) == nfd_fold(char), char
    assert fold("".join(latin)) == nfd_fold("".join(latin))


@given(st.lists(st.sampled_from(["Cổng", "dịch", "vụ", " ", "  ", "\t", "\n", "\u00a0",
                                 "\u3000", "\u2028", "\x1f", "\u200b", "a"]))
       .map("".join) | st.text())
def test_a_name_key_collapses_every_kind_of_space_as_splitting_does(name: str) -> None:
    assert name_key(name) == " ".join(nfd_fold(name).split())


_NAME_PIECES = st.sampled_from(vietnamese_letters() + list(_OTHERS) + [
    " ", "  ", "\t", "\x00", "\x7f", "\u034f", "\u0300", "\u0344", "\u0370", "ά", "Hệ thống",
    "LGSP", "Đ"])


@given(st.lists(st.lists(_NAME_PIECES).map("".join) | st.text(), max_size=8)
       | st.lists(st.lists(st.sampled_from(vietnamese_letters() + [" ", "  ", "a", "\x01"]))
                  .map("".join), max_size=8))
@example(["Cổng ", "Dịch"])  # a space before the next name
@example(["Dịch", " Cổng"])
@example(["ệ\u034fa", "b"])  # a mark that is not combining, amid Vietnamese
@example(["ệ\x1fa", "b"])  # a control character that is a space to split()
@example(["ệ\x00a", "b"])
def test_many_names_are_keyed_at_once_as_one_by_one(names: list[str]) -> None:
    """Vietnamese only (folded in one go), other scripts, marks that are not combining
    (U+034F) or not in the marks' block, a ``\x00`` or control character in a name."""
    assert name_keys(names) == [name_key(name) for name in names]


def test_names_keyed_at_once_are_folded_and_spaces_collapsed() -> None:
    assert name_keys(["Cổng  Dịch vụ công ", "CỔNG DỊCH VỤ CÔNG", "Đăng ký", ""]) == [
        "cong dich vu cong", "cong dich vu cong", "dang ky", ""]
