"""Reading Archi's own model files: what a user who opens an ``.archimate`` made by Archi
finds in the model (concepts, folders, specializations, views with Archi's geometry and
styles) and what the load report tells them was left out."""

from __future__ import annotations

import io
import zipfile

import pytest

from egov_modeler.exchange.archi_reader import ArchiImportError, read_archi, read_archi_bytes
from egov_modeler.i18n import set_language
from egov_modeler.model.serialization import model_to_dict
from tests.helpers.archi import MODELS, PAIRS, PROFILE_BODY, archi


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English (their Vietnamese forms are checked elsewhere)."""
    set_language("en")


def view(children: str, attrs: str = "") -> str:
    """A model with a business actor ``a``, a role ``r``, a junction ``j``, a relationship
    ``ar`` (a assigned to r) and one view holding ``children``."""
    return (
        '<folder name="Business" id="fb" type="business">'
        '<element xsi:type="archimate:BusinessActor" name="A" id="a"/>'
        '<element xsi:type="archimate:BusinessRole" name="R" id="r"/></folder>'
        '<folder name="Other" id="fo" type="other">'
        '<element xsi:type="archimate:Junction" id="j"/></folder>'
        '<folder name="Relations" id="fr" type="relations">'
        '<element xsi:type="archimate:AssignmentRelationship" id="ar" source="a" target="r"/>'
        '</folder>'
        f'<folder name="Views" id="fv" type="diagrams"><element '
        f'xsi:type="archimate:ArchimateDiagramModel" name="V" id="v" {attrs}>{children}'
        '</element></folder>')


def nodes(model):
    return {n.id: n for v in model.views for n in v.nodes.values()}


def connections(model):
    return {c.id: c for v in model.views for c in v.connections.values()}


# ------------------------------------------------------------------ concepts and folders
def test_an_archi_5_model_opens_with_its_concepts_views_and_folders():
    model = read_archi(MODELS / "archi__Archisurance.archimate")
    assert (len(model.elements), len(model.relationships), len(model.views)) == (120, 176, 17)
    assert model.name == "Archisurance"
    assert model.documentation == "An example of a fictional Insurance company."
    assert [f.label for f in model.folders] == [
        "Strategy", "Business", "Application", "Technology & Physical", "Motivation",
        "Implementation & Migration", "Other", "Relations", "Views"]
    business = model.folders[1]
    processes = next(f for f in business.folders if f.label == "Processes")
    assert model.element(processes.refs[0]).name == "Request for Insurance"
    layered = model.view_by_name("Layered View")
    assert layered.viewpoint == "Layered"
    assert (len(layered.nodes), len(layered.connections)) == (37, 28)


def test_ids_that_are_not_xml_names_get_id_in_front_on_every_reference():
    model = read_archi(MODELS / "archi__Archisurance.archimate")
    event = model.element("id-650")  # Archi's id is "650"
    assert event.name == "Request for Insurance"
    assert any("id-650" in (r.source, r.target) for r in model.relationships)
    assert any(n.element_id == "id-650" for n in nodes(model).values())
    assert any("id-650" in f.refs for f in model.iter_folders())
    assert model.has_element("f5674126")  # already an XML name: kept as Archi wrote it
    assert not any(e.id[0].isdigit() for e in model.elements)


def test_legacy_type_names_of_archi_2_and_3_are_todays_types():
    old = read_archi(MODELS / "archi-2016-08__Archisurance-2.6.0.archimate")
    types = {e.type for e in old.elements} | {r.type for r in old.relationships}
    assert {"Serving", "Realization", "Specialization", "TechnologyService",
            "CommunicationNetwork"} <= types
    assert not {"UsedBy", "Realisation", "InfrastructureService", "Network"} & types
    legacy = read_archi(MODELS / "mmorga__merger_1_2.archimate")
    assert "TechnologyInterface" in {e.type for e in legacy.elements}


def test_access_types_follow_archi_and_an_absent_one_is_write():
    body = ('<folder name="Business" id="fb" type="business">'
            '<element xsi:type="archimate:BusinessProcess" name="P" id="p"/>'
            '<element xsi:type="archimate:BusinessObject" name="O" id="o"/></folder>'
            '<folder name="Relations" id="fr" type="relations">'
            + "".join(f'<element xsi:type="archimate:AccessRelationship" id="r{i}" '
                      f'source="p" target="o" {attr}/>'
                      for i, attr in enumerate(('', 'accessType="1"', 'accessType="2"',
                                                'accessType="3"', 'accessType="0"')))
            + '</folder>')
    model = read_archi_bytes(archi(body))
    assert [model.relationship(f"r{i}").access_type for i in range(5)] == [
        "Write", "Read", None, "ReadWrite", "Write"]


def test_influence_strength_directed_associations_and_junctions():
    body = ('<folder name="Motivation" id="fm" type="motivation">'
            '<element xsi:type="archimate:Goal" name="G" id="g"/>'
            '<element xsi:type="archimate:Driver" name="D" id="d"/></folder>'
            '<folder name="Other" id="fo" type="other">'
            '<element xsi:type="archimate:Junction" id="and"/>'
            '<element xsi:type="archimate:Junction" id="or" type="or"/></folder>'
            '<folder name="Relations" id="fr" type="relations">'
            '<element xsi:type="archimate:InfluenceRelationship" id="i" source="d" target="g" '
            'strength="++"/>'
            '<element xsi:type="archimate:AssociationRelationship" id="s1" source="d" '
            'target="g" directed="true"/>'
            '<element xsi:type="archimate:AssociationRelationship" id="s2" source="d" '
            'target="g"/></folder>')
    model = read_archi_bytes(archi(body))
    assert model.relationship("i").modifier == "++"
    assert model.relationship("s1").is_directed and not model.relationship("s2").is_directed
    assert (model.element("and").type, model.element("or").type) == ("AndJunction",
                                                                      "OrJunction")


def test_relationships_on_relationships_are_kept():
    model = read_archi(MODELS / "archi__testCopySnapshot.archimate")
    on_relationship = model.relationship("e7e61f82")
    assert model.has_relationship(on_relationship.target)  # an association to cf6fb437
    assert model.relationship("id-16de4a0c").source == "e7e61f82"


def test_purpose_properties_and_metadata_reach_the_model():
    body = ('<property key="Tác giả" value="Sở TT&amp;TT"/><purpose>Mục đích</purpose>'
            '<metadata><entry key="creator" value="Nguyễn Văn A"/></metadata>')
    model = read_archi_bytes(archi(body))
    assert model.documentation == "Mục đích"
    assert model.properties == [("Tác giả", "Sở TT&TT")]
    assert model.metadata == {"creator": "Nguyễn Văn A"}


def test_specializations_are_kept_on_their_concepts():
    model = read_archi(MODELS / "pyarchimate__profile.archimate")
    eric = next(e for e in model.elements if e.name == "Eric")
    assert eric.specialization == "Specialization on business actor"
    assignment = next(r for r in model.relationships if r.type == "Assignment")
    assert assignment.specialization == "Specialization on assignment relationship"
    assert [(p.name, p.concept_type) for p in model.profiles] == [
        ("Specialization AS1", "ApplicationService"),
        ("Specialization on business actor", "BusinessActor"),
        ("Specialization AS2", "ApplicationService"),
        ("Specialization on assignment relationship", "Assignment")]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_specialization_keeps_its_image_from_the_zip():
    model = read_archi_bytes(_zip({"model.xml": archi(PROFILE_BODY),
                                   "images/logo.png": b"\x89PNG-bytes"}), "m.archimate")
    assert model.element("a").specialization == "Cơ quan"
    assert model.profiles[0].image_path == "images/logo.png"
    assert model.images == {"images/logo.png": b"\x89PNG-bytes"}
    assert model.load_report == []


def test_a_plain_file_finds_its_images_in_the_folder_beside_it(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(b"png")
    (tmp_path / "m.archimate").write_bytes(archi(PROFILE_BODY))
    assert read_archi(tmp_path / "m.archimate").images == {"images/logo.png": b"png"}


def test_a_missing_image_is_reported_and_its_reference_kept():
    model = read_archi_bytes(archi(PROFILE_BODY), "m.archimate")
    assert model.profiles[0].image_path == "images/logo.png"
    assert model.images == {}
    assert any("images/logo.png" in line for line in model.load_report)


# ------------------------------------------------------------------ views
def test_nested_figures_get_absolute_bounds():
    model = read_archi(MODELS / "pyarchimate__myModel.archimate")
    outer = nodes(model)["id-1a00114ddb6b4874807429b60e984c15"]
    inner = nodes(model)["id-d8db0c54e481487e990ccb8d4736282a"]
    assert outer.bounds == (672, 156, 194, 158)
    assert inner.parent == outer.id
    assert inner.bounds == (672 + 24, 156 + 60, 120, 55)


def test_notes_groups_and_view_references():
    model = read_archi(MODELS / "pyarchimate__myModel.archimate")
    group = nodes(model)["id-a670905d527445a094fb8b0558f81f3d"]
    note = nodes(model)["id-cc8037d18724450da7b71b0ebdf59481"]
    reference = nodes(model)["id-6bc6df0546234fa19424577eb187c370"]
    assert (group.kind, group.label) == ("container", "Group")
    assert (note.kind, note.label, note.parent) == ("label", "Salut!", group.id)
    assert note.bounds == (960 + 12, 84 + 36, 185, 80)
    assert reference.kind == "label"
    assert reference.view_ref == "id-34a07732c56f4278bcb8a8e213abd212"
    assert reference.label == "New View"  # Archi shows the name of the view it opens


def test_archi_default_sizes_where_width_or_height_is_not_set():
    children = ('<child xsi:type="archimate:DiagramObject" id="n1" archimateElement="a">'
                '<bounds x="10" y="10"/></child>'
                '<child xsi:type="archimate:Group" id="n2" name="G"><bounds x="10" y="100"/>'
                '</child>'
                '<child xsi:type="archimate:Note" id="n3"><bounds x="10" y="300" '
                'width="200"/></child>'
                '<child xsi:type="archimate:DiagramObject" id="n4" archimateElement="j">'
                '<bounds x="400" y="10" width="-1" height="-1"/></child>')
    model = read_archi_bytes(archi(view(children)))
    sizes = {k: (n.w, n.h) for k, n in nodes(model).items()}
    assert sizes == {"n1": (120, 55), "n2": (400, 140), "n3": (200, 80), "n4": (15, 15)}


def test_an_archi_2_group_without_a_size_grows_to_hold_its_children():
    children = ('<child xsi:type="archimate:Group" id="g" name="G"><bounds x="0" y="0"/>'
                '<child xsi:type="archimate:DiagramObject" id="n" archimateElement="a">'
                '<bounds x="20" y="30" width="300" height="200"/></child></child>')
    model = read_archi_bytes(archi(view(children), version="2.6.0"))
    assert (nodes(model)["g"].w, nodes(model)["g"].h) == (400, 30 + 200 + 10)
    opened = read_archi(MODELS / "archi-2014__OpenDay-2.6.0.archimate")
    assert all(n.w > 0 and n.h > 0 for n in nodes(opened).values())


def test_connections_stored_in_their_source_including_connections_to_connections():
    model = read_archi(MODELS / "archi__testCopySnapshot.archimate")
    conns = connections(model)
    assert len(conns) == 11
    to_connection = conns["id-49ca207a"]  # stored inside connection 9f83beb6
    assert to_connection.source == "id-9f83beb6"
    assert to_connection.relationship_id == "b0d2a000"
    assert conns["id-095aa391"].source == "id-70635c80"
    line = conns["id-01707f8e"]  # a plain line from a figure to a note
    assert line.relationship_id is None and line.target == "e249378c"


def test_bendpoints_are_placed_by_archis_formula():
    model = read_archi(MODELS / "pyarchimate__profile.archimate")
    conn = connections(model)["id-3d99d226d4a54b1b974fbf354c230ee3"]
    # source box (192, 108, 193, 121), centre (192 + 96, 108 + 60) = (288, 168);
    # target box (540, 132, 120, 55), centre (600, 159); one bendpoint, weight 1/2;
    # start (174, 4), end (-137, 13): x = (288 + 174) / 2 + (600 - 137) / 2 = 462.5 -> 462
    assert conn.bendpoints == [(462, 172)]


def test_styles_colours_alpha_fonts_and_text_layout():
    model = read_archi(MODELS / "pyarchimate__myModel.archimate")
    figure = nodes(model)["id-1a00114ddb6b4874807429b60e984c15"].style
    assert (figure.fill, figure.line_color, figure.font_color) == ("#b5ffff", "#5c5c5c",
                                                                    "#000000")
    assert (figure.font_name, figure.font_size, figure.font_style) == ("Segoe UI", 9.0, None)
    assert nodes(model)["id-6c73030b54ee46cc9f97e1da6554529d"].style.line_alpha == 80
    note = nodes(model)["id-cc8037d18724450da7b71b0ebdf59481"].style
    assert (note.fill_alpha, note.text_alignment) == (80, "left")
    line = connections(model)["id-877add863be541ddae8599c18b14c5e4"].style
    assert (line.line_width, line.line_color, line.text_position) == (3, "#0000ff", "source")
    bold = read_archi_bytes(archi(view(
        '<child xsi:type="archimate:DiagramObject" id="n" archimateElement="a" '
        'font="1|Arial|11.5|3|GTK|1|" textPosition="2" textAlignment="4">'
        '<bounds x="0" y="0" width="120" height="55"/></child>')))
    style = nodes(bold)["n"].style
    assert (style.font_name, style.font_size, style.font_style) == ("Arial", 11.5,
                                                                     "bold italic")
    assert (style.text_position, style.text_alignment) == ("bottom", "right")


def test_older_models_get_the_changes_archi_makes_when_it_opens_them():
    group = ('<child xsi:type="archimate:Group" id="g" name="G" alpha="100">'
             '<bounds x="0" y="0" width="400" height="140"/></child>')
    old = nodes(read_archi_bytes(archi(view(group), version="4.0.1")))["g"].style
    assert old.text_alignment == "left"  # groups were left-aligned before Archi 4.4
    assert old.line_alpha == 100  # Archi 4.0.1 drew outlines with the fill's opacity
    new = nodes(read_archi_bytes(archi(view(group), version="5.0.0")))["g"].style
    assert (new.text_alignment, new.line_alpha) == (None, None)


def test_viewpoints_of_archi_4_and_the_numbered_ones_of_archi_3():
    four = read_archi(MODELS / "mmorga__viewpoint_types.archimate")
    assert four.view_by_name("View-01").viewpoint == "Application Cooperation"
    three = read_archi(MODELS / "mmorga__archi-v3-viewpoints.archimate")
    assert three.view_by_name("Layered").viewpoint == "Layered"
    assert three.view_by_name("Infrastructure").viewpoint == "Technology"
    assert three.view_by_name("Actor Cooperation").viewpoint == ""
    assert any("Actor Co-operation" in line for line in three.load_report)


def test_the_connection_router_of_a_view():
    manhattan = read_archi_bytes(archi(view("", 'connectionRouterType="2"')))
    assert manhattan.view("v").connection_router == "manhattan"
    retired = read_archi_bytes(archi(view("", 'connectionRouterType="1"')))
    assert retired.view("v").connection_router == ""
    assert any("router" in line for line in retired.load_report)


# ------------------------------------------------------------------ what is left out
def test_what_the_model_cannot_hold_is_counted_in_the_report():
    children = ('<child xsi:type="archimate:DiagramObject" id="n" archimateElement="a" '
                'type="1"><bounds x="0" y="0" width="120" height="55"/>'
                '<feature name="gradient" value="1"/>'
                '<feature name="labelExpression" value="${name}"/></child>'
                '<child xsi:type="archimate:Note" id="t" imagePath="images/x.png">'
                '<bounds x="0" y="100" width="185" height="80"/>'
                '<property key="k" value="v"/></child>')
    report = read_archi_bytes(archi(view(children))).load_report
    for words in ("1 label expressions", "1 gradient", "1 alternate figures",
                  "1 images on figures", "1 properties of notes and groups"):
        assert any(line.startswith(words) for line in report), (words, report)


def test_sketch_and_canvas_views_are_reported_not_dropped_silently():
    model = read_archi(MODELS / "archi__reports-test.archimate")
    assert [v.name for v in model.views] == ["Default View"]
    skipped = [line for line in model.load_report if "skipped" in line]
    assert any("New Sketch" in line for line in skipped)
    assert any("New Canvas" in line for line in skipped)


def test_images_of_figures_in_a_zipped_model_are_reported():
    model = read_archi(MODELS / "archi__model_zipped.archimate")
    assert len(nodes(model)) == 3
    assert model.load_report == ["3 images on figures were not imported"]


def test_unknown_types_are_skipped_with_their_line():
    model = read_archi(MODELS / "archi__compatibility_test3.archimate")
    assert model.elements == [] and model.relationships == []
    assert any("line 7" in line and "Bogus1" in line for line in model.load_report)


def test_a_model_of_a_newer_archi_is_read_and_says_so():
    model = read_archi(MODELS / "archi__compatibility_test1.archimate")
    assert "10.0.0" in model.load_report[0]
    assert "2 unknown XML elements were not imported" in model.load_report


def test_an_id_used_twice_gets_a_new_id_and_the_report_says_so():
    model = read_archi(MODELS / "mmorga__viewpoint_types.archimate")
    ids = [v.id for v in model.views]
    assert len(ids) == len(set(ids)) == 24
    assert any("used twice" in line for line in model.load_report)


def test_a_model_in_the_old_namespace_opens():
    old = archi(view("")).replace(b"http://www.archimatetool.com/archimate",
                                  b"http://www.bolton.ac.uk/archimate")
    assert [v.name for v in read_archi_bytes(old).views] == ["V"]


# ------------------------------------------------------------------ refusals
def test_a_file_in_another_namespace_is_refused_with_what_it_is():
    with pytest.raises(ArchiImportError) as refused:
        read_archi(MODELS / "archi__compatibility_test2.archimate")
    assert "http://www.archimatetool.com/Bogus" in str(refused.value)


def test_an_exchange_file_given_to_the_archi_reader_says_how_to_open_it():
    with pytest.raises(ArchiImportError) as refused:
        read_archi(PAIRS / "mmorga-location-archi40" / "model.xml")
    message = str(refused.value)
    assert "Open Exchange" in message and "egov-modeler import" in message
    with pytest.raises(ArchiImportError) as old:
        read_archi(PAIRS / "legacy-mmorga-archisurance-archi311-oef21" / "model.xml")
    assert "2.1" in str(old.value)


def test_a_broken_file_names_the_line():
    with pytest.raises(ArchiImportError) as refused:
        read_archi_bytes(archi(view(""))[:-40], "cut.archimate")
    assert "cut.archimate" in str(refused.value) and refused.value.line


def test_reading_twice_gives_the_same_model():
    first = read_archi(MODELS / "pyarchimate__myModel.archimate")
    again = read_archi(MODELS / "pyarchimate__myModel.archimate")
    assert model_to_dict(first) == model_to_dict(again)
