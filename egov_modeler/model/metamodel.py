"""The ArchiMate 3.1 metamodel: element types, relationship types and their notation.

Everything here is data that the rest of the program looks up by the exchange-format
``xsi:type`` name (``BusinessActor``, ``Serving``...), because that name is what the native
file, the Open Exchange XML and the framework catalog all store. Keeping the notation
(fill colour, shape, corner glyph, line style, line ends) next to the type means the canvas
and the PDF export draw the same thing without either owning the facts.

Which relationships are *allowed* between which types is not here but in
:mod:`egov_modeler.model.rules`, loaded from the project's copy of ArchiMate Appendix B.

Pure Python: no Qt, no lxml (see DESIGN.md, "The layers").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from egov_modeler.i18n import tr
from egov_modeler.model.errors import UnknownTypeError

__all__ = [
    "ACCESS_TYPES",
    "DEFAULT_ACCESS_TYPE",
    "ELEMENT_TYPES",
    "END_STYLES",
    "ICONS",
    "LINE_STYLES",
    "RELATIONSHIP_TYPES",
    "RELATIONSHIP_TYPES_BY_LETTER",
    "SHAPES",
    "ArchiMateLayer",
    "ElementType",
    "RelationshipType",
    "element_type",
    "elements_of_layer",
    "is_element_type",
    "is_relationship_type",
    "layer_label",
    "line_ends",
    "relationship_type",
]


class ArchiMateLayer(StrEnum):
    """The ArchiMate layer (or aspect group) an element type belongs to.

    This is the *ArchiMate* layer, used for palettes, default colours and viewpoints. It is
    not the framework layer of the Vietnamese e-Government Architecture Framework, which the
    framework catalog records on each element separately.
    """

    STRATEGY = "strategy"
    BUSINESS = "business"
    APPLICATION = "application"
    TECHNOLOGY = "technology"
    PHYSICAL = "physical"
    MOTIVATION = "motivation"
    IMPLEMENTATION_MIGRATION = "implementation_migration"
    OTHER = "other"


_LAYER_LABELS_EN: dict[ArchiMateLayer, str] = {
    ArchiMateLayer.STRATEGY: "Strategy",
    ArchiMateLayer.BUSINESS: "Business",
    ArchiMateLayer.APPLICATION: "Application",
    ArchiMateLayer.TECHNOLOGY: "Technology",
    ArchiMateLayer.PHYSICAL: "Physical",
    ArchiMateLayer.MOTIVATION: "Motivation",
    ArchiMateLayer.IMPLEMENTATION_MIGRATION: "Implementation & Migration",
    ArchiMateLayer.OTHER: "Other",
}


def layer_label(layer: ArchiMateLayer | str, language: str | None = None) -> str:
    """The user-facing name of an ArchiMate layer, in ``language`` (default: current)."""
    return tr(_LAYER_LABELS_EN[ArchiMateLayer(layer)], language=language)


# --- Notation vocabularies --------------------------------------------------------------
# The canvas and the PDF export each implement one painter per key below; a test checks that
# every element and relationship type uses only these keys, so a new key cannot slip in
# without a painter being written for it.

SHAPES: dict[str, str] = {
    "rect": "rectangle (active and passive structure, most elements)",
    "rounded": "rectangle with rounded corners (behaviour: process, function, interaction, "
    "capability, value stream, course of action, work package)",
    "service": "stadium: rectangle with fully rounded ends (services)",
    "event": "event: rounded right end, notched left end",
    "object": "rectangle with a header band (business object, data object, contract)",
    "representation": "rectangle with a wavy bottom edge (representation, deliverable)",
    "motivation": "rectangle with cut corners (motivation elements)",
    "junction": "small circle; And is filled black, Or is hollow (see the fill)",
    "grouping": "dashed box with a name tab on the top left",
}

ICONS: dict[str, str] = {
    # Active structure
    "actor": "stick figure",
    "role": "cylinder on its side",
    "collaboration": "two overlapping circles",
    "interface": "lollipop: circle on a line",
    "component": "box with two small tabs on the left",
    "node": "3D box",
    "device": "monitor / keyboard",
    "system_software": "circle with a partial circle behind it",
    "path": "dashed line with arrowheads at both ends",
    "network": "four dots joined in a parallelogram",
    "equipment": "two cogwheels",
    "facility": "factory with a chimney",
    "distribution_network": "double line with arrowheads at both ends",
    # Behaviour (one glyph serves the business, application and technology variants)
    "process": "fat right arrow",
    "function": "bookmark / chevron pointing up",
    "interaction": "two half circles facing each other",
    "event": "event shape (also used by implementation event)",
    "service": "small stadium",
    # Passive structure
    "object": "small rectangle with a header line (business object, data object)",
    "contract": "object glyph with two header lines",
    "representation": "rectangle with a wavy bottom",
    "product": "rectangle with a small tab on the top left",
    "artifact": "page with a folded corner",
    "material": "hexagon with inner lines",
    # Motivation
    "stakeholder": "cylinder on its side (like role)",
    "driver": "wheel with spokes",
    "assessment": "magnifying glass",
    "goal": "target (concentric circles)",
    "outcome": "target with an arrow",
    "principle": "exclamation mark in a box",
    "requirement": "parallelogram",
    "constraint": "parallelogram with an extra line on the left",
    "meaning": "cloud",
    "value": "ellipse",
    # Strategy
    "resource": "battery / capsule",
    "capability": "three steps (stairs)",
    "value_stream": "chevron arrow",
    "course_of_action": "target with an incoming arrow (hand-drawn path)",
    # Implementation & migration
    "work_package": "circular arrow",
    "deliverable": "rectangle with a wavy bottom (like representation)",
    "plateau": "three stacked lines, stepped",
    "gap": "ellipse crossed by two horizontal lines",
    # Other
    "location": "map pin",
    "grouping": "no corner glyph: the dashed tab box is the notation",
    "junction": "no corner glyph: the circle is the notation",
}

LINE_STYLES: dict[str, str] = {
    "solid": "continuous line",
    "dashed": "long dashes (influence, flow)",
    "dotted": "short dots (realization, access)",
}

END_STYLES: dict[str, str] = {
    "none": "plain line end",
    "diamond_filled": "filled diamond (composition, at the whole)",
    "diamond_hollow": "hollow diamond (aggregation, at the whole)",
    "dot": "small filled circle (assignment, at the source)",
    "arrow_filled": "filled arrowhead (assignment, triggering, flow)",
    "arrow_open": "open, line-drawn arrowhead (serving, influence)",
    "arrow_small": "small open arrowhead (access: read/write direction)",
    "arrow_half": "half arrowhead (directed association, ArchiMate 3.1 notation)",
    "triangle_hollow": "hollow triangle (realization, specialization)",
}


# --- Element types -----------------------------------------------------------------------

@dataclass(frozen=True)
class ElementType:
    """One ArchiMate element type and how it is drawn.

    ``name`` is the exchange-format ``xsi:type``; ``label_vi`` is the Vietnamese ArchiMate
    term shown first in the interface (the same text is in the translation table under
    ``label_en``, so Qt and non-Qt code agree); ``fill`` is Archi's default colour so that a
    model opened in Archi looks the same; ``shape`` and ``icon`` are keys of :data:`SHAPES`
    and :data:`ICONS`.
    """

    name: str
    layer: ArchiMateLayer
    label_en: str
    label_vi: str
    fill: str
    shape: str
    icon: str

    @property
    def is_junction(self) -> bool:
        """True for And/Or junctions, which the relationship table treats as "Junction"."""
        return self.shape == "junction"

    @property
    def label(self) -> str:
        """The label in the current interface language."""
        return tr(self.label_en)


# Archi's default fill colours per layer (Preferences > Colours and Fonts, "Default").
_FILL: dict[ArchiMateLayer, str] = {
    ArchiMateLayer.STRATEGY: "#f5deaa",
    ArchiMateLayer.BUSINESS: "#ffffb5",
    ArchiMateLayer.APPLICATION: "#b5ffff",
    ArchiMateLayer.TECHNOLOGY: "#c9e7b7",
    ArchiMateLayer.PHYSICAL: "#c9e7b7",
    ArchiMateLayer.MOTIVATION: "#ccccff",
    ArchiMateLayer.IMPLEMENTATION_MIGRATION: "#ffe0e0",
    ArchiMateLayer.OTHER: "#ffffff",
}
_IMPL_STATE_FILL = "#e0ffe0"  # plateau and gap: states, not work
_LOCATION_FILL = "#fbb875"
_JUNCTION_AND_FILL = "#000000"

_L = ArchiMateLayer

# (name, layer, English label, Vietnamese label, shape, icon[, fill]) in notation-book order:
# layers in the order of the ArchiMate specification's chapters as Archi's palette shows
# them, and inside a layer active structure, behaviour, passive structure.
_ELEMENT_ROWS: tuple[tuple[str, ...], ...] = (
    # Strategy
    ("Resource", _L.STRATEGY, "Resource", "Nguồn lực", "rect", "resource"),
    ("Capability", _L.STRATEGY, "Capability", "Năng lực", "rounded", "capability"),
    ("ValueStream", _L.STRATEGY, "Value Stream", "Dòng giá trị", "rounded", "value_stream"),
    ("CourseOfAction", _L.STRATEGY, "Course of Action", "Phương án hành động", "rounded",
     "course_of_action"),
    # Business
    ("BusinessActor", _L.BUSINESS, "Business Actor", "Tác nhân nghiệp vụ", "rect", "actor"),
    ("BusinessRole", _L.BUSINESS, "Business Role", "Vai trò nghiệp vụ", "rect", "role"),
    ("BusinessCollaboration", _L.BUSINESS, "Business Collaboration", "Cộng tác nghiệp vụ",
     "rect", "collaboration"),
    ("BusinessInterface", _L.BUSINESS, "Business Interface", "Giao diện nghiệp vụ", "rect",
     "interface"),
    ("BusinessProcess", _L.BUSINESS, "Business Process", "Quy trình nghiệp vụ", "rounded",
     "process"),
    ("BusinessFunction", _L.BUSINESS, "Business Function", "Chức năng nghiệp vụ", "rounded",
     "function"),
    ("BusinessInteraction", _L.BUSINESS, "Business Interaction", "Tương tác nghiệp vụ",
     "rounded", "interaction"),
    ("BusinessEvent", _L.BUSINESS, "Business Event", "Sự kiện nghiệp vụ", "event", "event"),
    ("BusinessService", _L.BUSINESS, "Business Service", "Dịch vụ nghiệp vụ", "service",
     "service"),
    ("BusinessObject", _L.BUSINESS, "Business Object", "Đối tượng nghiệp vụ", "object",
     "object"),
    ("Contract", _L.BUSINESS, "Contract", "Hợp đồng", "object", "contract"),
    ("Representation", _L.BUSINESS, "Representation", "Biểu diễn", "representation",
     "representation"),
    ("Product", _L.BUSINESS, "Product", "Sản phẩm", "rect", "product"),
    # Application
    ("ApplicationComponent", _L.APPLICATION, "Application Component", "Thành phần ứng dụng",
     "rect", "component"),
    ("ApplicationCollaboration", _L.APPLICATION, "Application Collaboration",
     "Cộng tác ứng dụng", "rect", "collaboration"),
    ("ApplicationInterface", _L.APPLICATION, "Application Interface", "Giao diện ứng dụng",
     "rect", "interface"),
    ("ApplicationFunction", _L.APPLICATION, "Application Function", "Chức năng ứng dụng",
     "rounded", "function"),
    ("ApplicationInteraction", _L.APPLICATION, "Application Interaction",
     "Tương tác ứng dụng", "rounded", "interaction"),
    ("ApplicationProcess", _L.APPLICATION, "Application Process", "Quy trình ứng dụng",
     "rounded", "process"),
    ("ApplicationEvent", _L.APPLICATION, "Application Event", "Sự kiện ứng dụng", "event",
     "event"),
    ("ApplicationService", _L.APPLICATION, "Application Service", "Dịch vụ ứng dụng",
     "service", "service"),
    ("DataObject", _L.APPLICATION, "Data Object", "Đối tượng dữ liệu", "object", "object"),
    # Technology
    ("Node", _L.TECHNOLOGY, "Node", "Nút", "rect", "node"),
    ("Device", _L.TECHNOLOGY, "Device", "Thiết bị", "rect", "device"),
    ("SystemSoftware", _L.TECHNOLOGY, "System Software", "Phần mềm hệ thống", "rect",
     "system_software"),
    ("TechnologyCollaboration", _L.TECHNOLOGY, "Technology Collaboration",
     "Cộng tác công nghệ", "rect", "collaboration"),
    ("TechnologyInterface", _L.TECHNOLOGY, "Technology Interface", "Giao diện công nghệ",
     "rect", "interface"),
    ("Path", _L.TECHNOLOGY, "Path", "Đường truyền", "rect", "path"),
    ("CommunicationNetwork", _L.TECHNOLOGY, "Communication Network", "Mạng truyền thông",
     "rect", "network"),
    ("TechnologyFunction", _L.TECHNOLOGY, "Technology Function", "Chức năng công nghệ",
     "rounded", "function"),
    ("TechnologyProcess", _L.TECHNOLOGY, "Technology Process", "Quy trình công nghệ",
     "rounded", "process"),
    ("TechnologyInteraction", _L.TECHNOLOGY, "Technology Interaction", "Tương tác công nghệ",
     "rounded", "interaction"),
    ("TechnologyEvent", _L.TECHNOLOGY, "Technology Event", "Sự kiện công nghệ", "event",
     "event"),
    ("TechnologyService", _L.TECHNOLOGY, "Technology Service", "Dịch vụ công nghệ",
     "service", "service"),
    ("Artifact", _L.TECHNOLOGY, "Artifact", "Tạo tác", "rect", "artifact"),
    # Physical
    ("Equipment", _L.PHYSICAL, "Equipment", "Trang thiết bị", "rect", "equipment"),
    ("Facility", _L.PHYSICAL, "Facility", "Cơ sở vật chất", "rect", "facility"),
    ("DistributionNetwork", _L.PHYSICAL, "Distribution Network", "Mạng phân phối", "rect",
     "distribution_network"),
    ("Material", _L.PHYSICAL, "Material", "Vật liệu", "rect", "material"),
    # Motivation
    ("Stakeholder", _L.MOTIVATION, "Stakeholder", "Bên liên quan", "motivation",
     "stakeholder"),
    ("Driver", _L.MOTIVATION, "Driver", "Động lực", "motivation", "driver"),
    ("Assessment", _L.MOTIVATION, "Assessment", "Đánh giá", "motivation", "assessment"),
    ("Goal", _L.MOTIVATION, "Goal", "Mục tiêu", "motivation", "goal"),
    ("Outcome", _L.MOTIVATION, "Outcome", "Kết quả", "motivation", "outcome"),
    ("Principle", _L.MOTIVATION, "Principle", "Nguyên tắc", "motivation", "principle"),
    ("Requirement", _L.MOTIVATION, "Requirement", "Yêu cầu", "motivation", "requirement"),
    ("Constraint", _L.MOTIVATION, "Constraint", "Ràng buộc", "motivation", "constraint"),
    ("Meaning", _L.MOTIVATION, "Meaning", "Ý nghĩa", "motivation", "meaning"),
    ("Value", _L.MOTIVATION, "Value", "Giá trị", "motivation", "value"),
    # Implementation & Migration
    ("WorkPackage", _L.IMPLEMENTATION_MIGRATION, "Work Package", "Gói công việc", "rounded",
     "work_package"),
    ("Deliverable", _L.IMPLEMENTATION_MIGRATION, "Deliverable", "Sản phẩm bàn giao",
     "representation", "deliverable"),
    ("ImplementationEvent", _L.IMPLEMENTATION_MIGRATION, "Implementation Event",
     "Sự kiện triển khai", "event", "event"),
    ("Plateau", _L.IMPLEMENTATION_MIGRATION, "Plateau", "Trạng thái kiến trúc", "rect",
     "plateau", _IMPL_STATE_FILL),
    ("Gap", _L.IMPLEMENTATION_MIGRATION, "Gap", "Khoảng trống", "rect", "gap",
     _IMPL_STATE_FILL),
    # Other
    ("Location", _L.OTHER, "Location", "Địa điểm", "rect", "location", _LOCATION_FILL),
    ("Grouping", _L.OTHER, "Grouping", "Nhóm", "grouping", "grouping"),
    ("AndJunction", _L.OTHER, "And Junction", "Điểm nối VÀ", "junction", "junction",
     _JUNCTION_AND_FILL),
    ("OrJunction", _L.OTHER, "Or Junction", "Điểm nối HOẶC", "junction", "junction"),
)


def _build_element_types() -> dict[str, ElementType]:
    types: dict[str, ElementType] = {}
    for row in _ELEMENT_ROWS:
        name, layer, label_en, label_vi, shape, icon = row[:6]
        fill = row[6] if len(row) > 6 else _FILL[ArchiMateLayer(layer)]
        types[name] = ElementType(
            name=name,
            layer=ArchiMateLayer(layer),
            label_en=label_en,
            label_vi=label_vi,
            fill=fill,
            shape=shape,
            icon=icon,
        )
    return types


#: Every ArchiMate 3.1 element type by exchange-format name, in palette order. Agrees exactly
#: with the ``ElementTypeEnum`` of the Open Group exchange XSD (a test holds it there).
ELEMENT_TYPES: dict[str, ElementType] = _build_element_types()


def is_element_type(name: str) -> bool:
    """True when ``name`` is an exchange-format element type name."""
    return name in ELEMENT_TYPES


def element_type(name: str) -> ElementType:
    """The element type called ``name``; :class:`UnknownTypeError` with a translated message
    otherwise, so a bad type in a loaded file is reported, not crashed on."""
    try:
        return ELEMENT_TYPES[name]
    except KeyError:
        raise UnknownTypeError(tr("Unknown ArchiMate element type: {name}", name=name)) from None


def elements_of_layer(layer: ArchiMateLayer | str) -> list[ElementType]:
    """The element types of one ArchiMate layer in notation-book order (for palettes)."""
    wanted = ArchiMateLayer(layer)
    return [t for t in ELEMENT_TYPES.values() if t.layer is wanted]


# --- Relationship types ------------------------------------------------------------------

@dataclass(frozen=True)
class RelationshipType:
    """One ArchiMate relationship type and its line notation (ArchiMate 3.1, section 5).

    ``letter`` is the key Archi's relationship table uses. ``source_end``/``target_end`` are
    the plain notation; Access and Association change their ends with the relationship's
    attributes, so draw them with :func:`line_ends` rather than these fields.
    """

    name: str
    letter: str
    label_en: str
    label_vi: str
    line: str
    source_end: str
    target_end: str

    @property
    def label(self) -> str:
        """The label in the current interface language."""
        return tr(self.label_en)


#: Relationship types by exchange-format name, in ArchiMate's order: structural
#: (strongest first), dependency, dynamic, then Specialization, and Association, the weakest
#: and most generic, last. :func:`egov_modeler.model.rules.allowed_relationship_types`
#: offers relationships in this order.
RELATIONSHIP_TYPES: dict[str, RelationshipType] = {
    t.name: t
    for t in (
        RelationshipType("Composition", "c", "Composition", "Hợp thành", "solid",
                         "diamond_filled", "none"),
        RelationshipType("Aggregation", "g", "Aggregation", "Kết tập", "solid",
                         "diamond_hollow", "none"),
        RelationshipType("Assignment", "i", "Assignment", "Gán", "solid", "dot",
                         "arrow_filled"),
        RelationshipType("Realization", "r", "Realization", "Hiện thực hóa", "dotted", "none",
                         "triangle_hollow"),
        RelationshipType("Serving", "v", "Serving", "Phục vụ", "solid", "none", "arrow_open"),
        # Plain notation of Access is the default access type "Access": no arrowhead.
        RelationshipType("Access", "a", "Access", "Truy cập", "dotted", "none", "none"),
        RelationshipType("Influence", "n", "Influence", "Ảnh hưởng", "dashed", "none",
                         "arrow_open"),
        RelationshipType("Triggering", "t", "Triggering", "Kích hoạt", "solid", "none",
                         "arrow_filled"),
        RelationshipType("Flow", "f", "Flow", "Luồng", "dashed", "none", "arrow_filled"),
        RelationshipType("Specialization", "s", "Specialization", "Chuyên biệt hóa", "solid",
                         "none", "triangle_hollow"),
        RelationshipType("Association", "o", "Association", "Liên kết", "solid", "none",
                         "none"),
    )
}

RELATIONSHIP_TYPES_BY_LETTER: dict[str, RelationshipType] = {
    t.letter: t for t in RELATIONSHIP_TYPES.values()
}

#: Values of the exchange format's ``accessType`` attribute (XSD ``AccessTypeEnum``).
ACCESS_TYPES: tuple[str, ...] = ("Access", "Read", "Write", "ReadWrite")

#: The XSD's default for a missing ``accessType`` attribute: "Access" (unspecified
#: direction). Archi's own model defaults new access relationships to "Write" and writes the
#: attribute explicitly, so export must write it whenever it differs from "Access" and import
#: must read a missing attribute as "Access", not as Archi's "Write".
DEFAULT_ACCESS_TYPE = "Access"


def is_relationship_type(name: str) -> bool:
    """True when ``name`` is an exchange-format relationship type name."""
    return name in RELATIONSHIP_TYPES


def relationship_type(name: str) -> RelationshipType:
    """The relationship type called ``name``; :class:`UnknownTypeError` otherwise."""
    try:
        return RELATIONSHIP_TYPES[name]
    except KeyError:
        raise UnknownTypeError(
            tr("Unknown ArchiMate relationship type: {name}", name=name)
        ) from None


def line_ends(
    relationship: str, access_type: str | None = None, is_directed: bool = False
) -> tuple[str, str]:
    """``(source_end, target_end)`` to draw for a relationship with its attributes.

    Why a function: the Access arrow shows the data's direction, and an Association may be
    directed. Access goes from the behaviour/active element (source) to the passive object
    (target): "Write" points at the object (target), "Read" points back at the reader
    (source), "ReadWrite" has both, "Access" neither.
    """
    rel = relationship_type(relationship)
    if rel.name == "Access":
        kind = access_type or DEFAULT_ACCESS_TYPE
        if kind not in ACCESS_TYPES:
            raise UnknownTypeError(tr("Unknown access type: {name}", name=kind))
        source_end = "arrow_small" if kind in ("Read", "ReadWrite") else "none"
        target_end = "arrow_small" if kind in ("Write", "ReadWrite") else "none"
        return source_end, target_end
    if rel.name == "Association" and is_directed:
        return "none", "arrow_half"
    return rel.source_end, rel.target_end
