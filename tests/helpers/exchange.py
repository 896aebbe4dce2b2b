"""What the exchange tests share: the namespaces, the reference validator from ../shared, and
a model that uses everything the exchange format must carry."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from lxml import etree

from egov_modeler.model import Model
from egov_modeler.model.commands import (
    AddBendpointCommand,
    PlaceNodeCommand,
    SetModelFieldsCommand,
    SetPropertyCommand,
)
from egov_modeler.model.ids import new_id
from egov_modeler.model.metamodel import ELEMENT_TYPES
from egov_modeler.model.rules import allowed_relationship_types
from egov_modeler.model.views import Node, Style
from tests.helpers import connect, place

NS = {"a": "http://www.opengroup.org/xsd/archimate/3.0/",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


def load_validator(shared_dir: Path):
    """The project's reference validator (../shared/tools/validate_oef.py), loaded as is."""
    spec = importlib.util.spec_from_file_location(
        "validate_oef", shared_dir / "tools" / "validate_oef.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def oef_problems(validator, data: bytes) -> list[str]:
    """XSD errors plus the IDREF problems libxml2 skips, as readable lines ([] = valid)."""
    parser = etree.XMLParser(no_network=True, huge_tree=True)
    tree = etree.ElementTree(etree.fromstring(data, parser))
    schema = validator.load_schema()
    problems = [] if schema.validate(tree) else [
        f"line {e.line}: {e.message}" for e in schema.error_log]
    return problems + validator.id_checks(tree)


def rich_model() -> Model:
    """A provincial model that uses everything the exchange format must carry."""
    model = Model("Kiến trúc Chính quyền điện tử tỉnh Gia Lai phiên bản 2.0")
    model.execute(SetModelFieldsCommand({
        "names": {"en": "Gia Lai e-Government architecture 2.0"},
        "documentation": "Theo Khung Kiến trúc CPĐT Việt Nam 2.0",
        "documentations": {"en": "Following the Vietnamese e-Government framework 2.0"},
        "metadata": {"title": "Kiến trúc CQĐT Gia Lai", "creator": "Sở TT&TT Gia Lai",
                     "date": "2026-11-27", "so_ho_so": "HS-2026/01"},
        "property_types": {"Năm": "number", "Đã phê duyệt": "boolean"},
    }))
    model.execute(SetPropertyCommand(model.id, "Phiên bản", "2.0"))
    model.execute(SetPropertyCommand(model.id, "Năm", "2026"))
    every = {t: model.add_element(t, f"Phần tử {t}") for t in ELEMENT_TYPES}
    portal = model.add_element(
        "ApplicationComponent", "Cổng Dịch vụ công cấp tỉnh", names={"en": "Provincial portal"},
        documentation="Cổng một cửa", documentations={"en": "One-stop portal"},
        catalog_ref="c_cong_dvc_tinh", layer="cong_dich_vu",
        properties=[("Chủ quản", "Sở TT&TT"), ("Đã phê duyệt", "true")])
    lgsp = model.add_element("ApplicationComponent", "Nền tảng LGSP tỉnh",
                             catalog_ref="c_lgsp", layer="nen_tang_tich_hop")
    data = model.add_element("DataObject", "Hồ sơ TTHC", layer="ung_dung_csdl")
    citizen = model.add_element("BusinessActor", "Người dân", layer="nguoi_su_dung")
    flow = model.relate(portal.id, "Flow", lgsp.id, name="Đồng bộ hồ sơ",
                        names={"en": "Sync"}, properties=[("Giao thức", "REST")])
    read = model.relate(portal.id, "Access", data.id, access_type="Read")
    model.relate(lgsp.id, "Access", data.id, access_type="ReadWrite")
    model.relate(portal.id, "Association", citizen.id, is_directed=True)
    model.relate(lgsp.id, "Association", citizen.id)
    goal, driver = every["Goal"], every["Driver"]
    model.relate(driver.id, "Influence", goal.id, modifier="++")
    model.relate(citizen.id, "Association", flow.id, name="theo dõi")  # to a relationship
    for source_type, target_type in (("BusinessActor", "BusinessRole"),
                                     ("Node", "SystemSoftware"),
                                     ("WorkPackage", "Deliverable"),
                                     ("Capability", "Resource")):
        kinds = allowed_relationship_types(source_type, target_type)
        model.relate(every[source_type].id, kinds[0], every[target_type].id)

    overview = model.add_view("Sơ đồ khái quát", names={"en": "Overview"},
                              viewpoint="Layered", documentation="Sơ đồ tổng thể",
                              properties=[("Trang", "1")])
    detail = model.add_view("Chi tiết tích hợp")
    band = Node(new_id(), -40, 0, 900, 200, kind="container", label="Cổng và dịch vụ cổng",
                labels={"en": "Portals"}, layer="cong_dich_vu",
                style=Style(fill="#e0f0ff", fill_alpha=128, line_color="#5c5c5c"))
    model.execute(PlaceNodeCommand(overview.id, band))
    a = place(model, overview.id, portal.id, 10, 40, parent=band.id)
    a.style = Style(fill="#b5ffff", fill_alpha=255, line_color="#5c5c5c", line_alpha=200,
                    line_width=2, font_name="Be Vietnam Pro", font_size=9.5,
                    font_color="#123456", font_style="bold italic")
    b = place(model, overview.id, lgsp.id, 300, 260)
    c = place(model, overview.id, data.id, 600, 260)
    d = place(model, overview.id, citizen.id, 10, 400)
    note = Node(new_id(), 500, 400, 200, 60, kind="label", label="Xem chi tiết",
                documentation="liên kết", view_ref=detail.id)
    model.execute(PlaceNodeCommand(overview.id, note))
    conn = connect(model, overview.id, flow.id, a.id, b.id)
    model.execute(AddBendpointCommand(overview.id, conn.id, 0, 100, 300))
    model.execute(AddBendpointCommand(overview.id, conn.id, 1, -20, 320))
    conn.label = "đồng bộ"
    conn.style = Style(line_color="#ff0000", font_size=8)
    connect(model, overview.id, read.id, a.id, c.id)
    place(model, detail.id, lgsp.id, 0, 0)
    _ = d
    return model


