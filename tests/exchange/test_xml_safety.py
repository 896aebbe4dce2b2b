"""The one XML parser for outside input: no DTD, no entities, no network, clear errors."""

from __future__ import annotations

import pytest

from egov_modeler.exchange.xml_safety import XmlInputError, parse_xml
from egov_modeler.model.errors import ModelError


@pytest.fixture(autouse=True)
def _english():
    from egov_modeler.i18n import set_language

    set_language("en")


def _refused(data: bytes) -> XmlInputError:
    with pytest.raises(XmlInputError) as info:
        parse_xml(data, "in.xml")
    assert isinstance(info.value, ModelError)
    assert "in.xml" in str(info.value)
    return info.value


def test_plain_xml_parses():
    tree = parse_xml(b'<?xml version="1.0"?>\n<!-- note -->\n<a x="1"><b>t</b></a>')
    assert tree.getroot().find("b").text == "t"


@pytest.mark.parametrize("doctype", [b"<!DOCTYPE a>", b"<!doctype a>",
                                     b'<!DOCTYPE a SYSTEM "http://example.org/a.dtd">'])
def test_any_doctype_is_refused_with_its_line(doctype):
    error = _refused(b'<?xml version="1.0"?>\n<!-- c -->\n' + doctype + b"\n<a/>")
    assert "DOCTYPE" in str(error) and error.line == 3


def test_doctype_in_a_utf16_file_is_refused():
    data = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE a [<!ENTITY e "x">]>\n<a>&e;</a>'
    assert _refused(data.encode("utf-16")).line == 2


def test_external_entity_never_reads_the_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    data = (f'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY s SYSTEM "{secret.as_uri()}">]>\n'
            f"<a>&s;</a>").encode()
    error = _refused(data)
    assert "TOP-SECRET" not in str(error)


def test_undeclared_entity_reference_is_refused():
    error = _refused(b"<a>\n&boom;</a>")
    assert "entity" in str(error).lower() and error.line == 2


def test_the_word_doctype_inside_text_is_harmless():
    tree = parse_xml(b"<a><![CDATA[<!DOCTYPE x>]]> and &lt;!DOCTYPE&gt;</a>")
    assert "<!DOCTYPE x>" in tree.getroot().text


def test_big_single_line_documents_parse():
    body = b"".join(b'<e id="i%d" v="%s"/>' % (i, b"x" * 200) for i in range(60_000))
    tree = parse_xml(b"<a>" + body + b"</a>")
    assert len(tree.getroot()) == 60_000


def test_truncated_and_broken_documents_name_the_line():
    assert "truncated" in str(_refused(b"<a>\n<b>\n<c>text"))
    broken = _refused(b"<a>\n<b></c>\n</a>")
    assert broken.line == 2 and "well-formed" in str(broken)
    assert "not an XML file" in str(_refused(b"PK\x03\x04 zip bytes"))
    assert "empty" in str(_refused(b"  \n"))
