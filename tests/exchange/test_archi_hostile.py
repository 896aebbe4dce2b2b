"""Archi files that arrive by e-mail are hostile until read: entity tricks in the XML, zip
bombs, archive members whose paths leave the archive, absurd member counts. Each is
refused with a message that says why, quickly, and nothing is written to disk."""

from __future__ import annotations

import io
import zipfile

import pytest

from egov_modeler.exchange import archi_zip
from egov_modeler.exchange.archi_reader import ArchiImportError, read_archi, read_archi_bytes
from egov_modeler.i18n import set_language
from tests.helpers.archi import MODELS, PROFILE_BODY, archi

MODEL_XML = archi('<folder name="Business" id="fb" type="business">'
                  '<element xsi:type="archimate:BusinessActor" name="A" id="a"/></folder>')


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English (their Vietnamese forms are checked elsewhere)."""
    set_language("en")


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refused(data: bytes) -> str:
    with pytest.raises(ArchiImportError) as error:
        read_archi_bytes(data, "hostile.archimate")
    return str(error.value)


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE archimate:model [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="&lol9;"
 id="m" version="5.0.0"/>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE m [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="&secret;"
 id="m" version="5.0.0"/>
"""


def test_entity_expansion_is_refused_before_parsing():
    message = refused(LAUGHS)
    assert "DOCTYPE" in message and "line 2" in message


def test_external_entities_are_refused():
    assert "DOCTYPE" in refused(XXE)


def test_a_doctype_inside_the_zip_is_refused_too():
    assert "DOCTYPE" in refused(zipped({"model.xml": LAUGHS}))


def test_an_undeclared_entity_reference_is_not_resolved():
    text = MODEL_XML.replace(b'name="A"', b'name="&secret;"')
    assert "entity" in refused(text).lower()


def test_a_zip_bomb_is_refused_without_inflating_it():
    bomb = zipped({"model.xml": MODEL_XML, "images/x.png": b"\0" * (64 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    assert "zip bomb" in refused(bomb)


def test_an_archive_that_lies_about_its_sizes_stops_at_the_limit(monkeypatch):
    monkeypatch.setattr(archi_zip, "MAX_MODEL_BYTES", 200)  # the inflated bytes count
    assert "zip bomb" in refused(zipped({"model.xml": MODEL_XML}))


@pytest.mark.parametrize("member", ["../evil.png", "images/../../evil.png", "/etc/evil",
                                    "C:/evil.png", "images\\..\\..\\evil.png"])
def test_a_member_whose_path_leaves_the_archive_is_refused(member, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    message = refused(zipped({"model.xml": MODEL_XML, member: b"x"}))
    assert "leaves the archive" in message
    assert list(tmp_path.iterdir()) == []  # nothing was extracted anywhere


def test_an_archive_with_too_many_members_is_refused(monkeypatch):
    monkeypatch.setattr(archi_zip, "MAX_MEMBERS", 50)
    members = {"model.xml": MODEL_XML, **{f"images/{i}.png": b"" for i in range(60)}}
    assert "61 members" in refused(zipped(members))


def test_a_huge_member_count_is_refused_before_reading():
    members = {"model.xml": MODEL_XML, **{f"x/{i}": b"" for i in range(10_001)}}
    assert "10002 members" in refused(zipped(members, zipfile.ZIP_STORED))


def test_a_member_twice_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("model.xml", MODEL_XML)
        with pytest.warns(UserWarning):
            archive.writestr("model.xml", MODEL_XML)
    assert "twice" in refused(buffer.getvalue())


def test_a_zip_that_is_not_an_archi_model_says_so():
    message = refused(zipped({"word/document.xml": b"<w/>"}))
    assert "model.xml" in message and "not an Archi model" in message


def test_a_truncated_or_damaged_zip_is_refused():
    good = zipped({"model.xml": MODEL_XML})
    assert "zip" in refused(good[: len(good) // 2])
    broken = bytearray(good)
    broken[40:60] = b"\xff" * 20  # inside the deflated model
    refused(bytes(broken))


def test_other_members_are_reported_not_read():
    model = read_archi_bytes(zipped({"model.xml": MODEL_XML, "notes.txt": b"x"}))
    assert model.load_report == ["Archive member notes.txt was not imported"]


def test_an_image_path_cannot_reach_outside_the_images_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("mật khẩu")
    (tmp_path / "images").mkdir()
    body = PROFILE_BODY.replace("images/logo.png", "images/../secret.txt")
    (tmp_path / "m.archimate").write_bytes(archi(body))
    model = read_archi(tmp_path / "m.archimate")
    assert model.images == {}
    assert any("secret.txt" in line for line in model.load_report)


def test_real_zipped_archi_models_still_open():
    assert [v.name for v in read_archi(MODELS / "archi__model_zipped.archimate").views] == [
        "View1", "View2"]
