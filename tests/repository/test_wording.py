"""Every field a version comparison can name reads in words, never as its key."""

from __future__ import annotations

from egov_modeler.model import serialization as ser
from egov_modeler.model.views import ROUTER_ORTHOGONAL, Style
from egov_modeler.repository.model_diff import diff_models
from egov_modeler.repository.wording import change_lines, field_label
from tests.helpers.repository import VIEW, copy_model, small_model


def test_line_routing_and_default_styles_are_named_in_vietnamese():
    before = small_model()
    after = copy_model(before)
    view = after.find_view(VIEW)
    view.connections["id-c-lgsp-db"].router = ROUTER_ORTHOGONAL
    view.connection_router = ROUTER_ORTHOGONAL
    view.defaults = {"ApplicationComponent": Style(fill="#ffeecc")}
    lines = change_lines(diff_models(ser.model_to_dict(before), ser.model_to_dict(after)))
    text = "\n".join(lines)
    assert "cách vẽ đường nối" in text
    assert "cách vẽ đường nối của sơ đồ" in text and "kiểu mặc định" in text
    for key in ("router", "defaults"):
        assert key not in text


def test_a_conflict_over_text_placement_names_it_in_vietnamese():
    """A conflict is reported per style value (``style.text_position``)."""
    assert field_label("style.text_alignment") == "kiểu hiển thị: căn lề chữ"
    assert field_label("style.text_position") == "kiểu hiển thị: vị trí chữ"
