"""An accepted warning and its reason travel with the model: through the .egov file, the
exchange XML and Archi's file, and still take the warning off the open list after."""

from __future__ import annotations

from egov_modeler.exchange.archi_reader import read_archi_bytes
from egov_modeler.exchange.archi_writer import archi_bytes
from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import Model
from egov_modeler.model.accepted import accept_command, acceptances, split_accepted
from egov_modeler.model.hygiene import DUPLICATE_NAME_RULE, UNUSED_ELEMENT_RULE
from egov_modeler.model.validation import validate_model
from egov_modeler.model.views import Node
from egov_modeler.storage.native import loads, model_bytes


def accepted_model() -> Model:
    model = Model("Tỉnh Gia Lai")
    model.add_element("ApplicationComponent", "CSDL quốc gia về dân cư", id="id-db")
    model.add_element("ApplicationComponent", "Cổng DVC", id="id-p1")
    model.add_element("ApplicationComponent", "Cổng DVC", id="id-p2")
    view = model.add_view("Sơ đồ", id="id-view")
    for i, element in enumerate(("id-p1", "id-p2")):
        model.load_node(view.id, Node(f"id-n{i}", 200 * i, 0, 120, 55, element_id=element))
    problems = validate_model(model)
    for problem, reason in (
            (next(p for p in problems if p.rule == UNUSED_ELEMENT_RULE),
             "Hệ thống quốc gia, tỉnh không vận hành | chỉ kết nối"),
            (next(p for p in problems if p.rule == DUPLICATE_NAME_RULE),
             "Hai cổng của hai huyện")):
        model.execute(accept_command(model, problem, reason))
    return model


def test_acceptances_survive_the_native_file_the_exchange_xml_and_archi():
    model = accepted_model()
    expected = acceptances(model)
    assert len(expected) == 2
    native = loads(model_bytes(model), "m.egov")
    exchange = read_exchange_bytes(exchange_bytes(model), "m.xml")
    archi = read_archi_bytes(archi_bytes(model)[0], "m.archimate")
    for again in (native, exchange, archi):
        assert acceptances(again) == expected
        open_problems, accepted = split_accepted(again, validate_model(again))
        assert sorted(reason for _, reason in accepted) == [
            "Hai cổng của hai huyện", "Hệ thống quốc gia, tỉnh không vận hành | chỉ kết nối"]
        assert not [p for p in open_problems if p.rule in (UNUSED_ELEMENT_RULE,
                                                           DUPLICATE_NAME_RULE)]
