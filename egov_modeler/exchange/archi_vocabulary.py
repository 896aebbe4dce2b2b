"""The words of Archi's own ``.archimate`` format that its reader and writer share: namespaces,
type names (today's and the legacy ones Archi still reads), folder types, access types,
viewpoint ids, default sizes, the bendpoint formula and the names of the ``feature``
entries under which this program keeps what Archi has no attribute for.

One vocabulary, so the two directions cannot drift apart: :mod:`.archi_reader` and
:mod:`.archi_writer` both import from here and never from each other. The facts come from
Archi's model (``archimate.ecore``, ``ModelVersion``, the compatibility handlers and
``DiagramModelUtils``); the code is this program's own.
"""

from __future__ import annotations

import hashlib
import re

from ..model.ids import is_valid_id
from ..model.metamodel import ELEMENT_TYPES, ArchiMateLayer

NS = "http://www.archimatetool.com/archimate"
#: The namespace of models written before Archi 2.6 (still read by Archi).
LEGACY_NS = "http://www.bolton.ac.uk/archimate"
NAMESPACES = (NS, LEGACY_NS)
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XSI_TYPE = f"{{{XSI_NS}}}type"
#: The model version this program writes: Archi 5.0 and later open it.
MODEL_VERSION = "5.0.0"
#: The zip form holds the model under this name and its images under ``images/``.
ZIP_MODEL_ENTRY = "model.xml"
ZIP_IMAGES_PREFIX = "images/"

# ------------------------------------------------------------------ concept types
#: Relationship type of the model -> Archi's class name.
RELATIONSHIP_CLASSES: dict[str, str] = {
    t: f"{t}Relationship" for t in (
        "Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access",
        "Influence", "Triggering", "Flow", "Specialization", "Association")
}
#: Element type of the model -> Archi's class name (junctions are one class in Archi).
ELEMENT_CLASSES: dict[str, str] = {
    t: ("Junction" if t in ("AndJunction", "OrJunction") else t) for t in ELEMENT_TYPES
}
#: Names Archi wrote before ArchiMate 3 (and still reads), to today's class names.
LEGACY_CLASSES: dict[str, str] = {
    "UsedByRelationship": "ServingRelationship",
    "RealisationRelationship": "RealizationRelationship",
    "SpecialisationRelationship": "SpecializationRelationship",
    "CommunicationPath": "Path",
    "Network": "CommunicationNetwork",
    "InfrastructureInterface": "TechnologyInterface",
    "InfrastructureFunction": "TechnologyFunction",
    "InfrastructureService": "TechnologyService",
    "BusinessActivity": "BusinessProcess",
    "DiagramModel": "ArchimateDiagramModel",
}
#: Archi class name -> model type (``Junction`` is settled by its ``type`` attribute).
CLASS_TO_RELATIONSHIP = {v: k for k, v in RELATIONSHIP_CLASSES.items()}
CLASS_TO_ELEMENT = {v: k for k, v in ELEMENT_CLASSES.items() if v != "Junction"}
OR_JUNCTION = "or"

# Diagram classes.
ARCHIMATE_VIEW, SKETCH_VIEW, CANVAS_VIEW = "ArchimateDiagramModel", "SketchModel", "CanvasModel"
DIAGRAM_OBJECT, GROUP, NOTE, VIEW_REF, IMAGE = (
    "DiagramObject", "Group", "Note", "DiagramModelReference", "DiagramModelImage")
ARCHIMATE_CONNECTION, LINE_CONNECTION = "Connection", "DiagramModelConnection"


def class_name(xsi_type: str | None) -> str:
    """``archimate:BusinessActor`` -> ``BusinessActor`` (any prefix), legacy names mapped."""
    name = (xsi_type or "").rsplit(":", 1)[-1]
    return LEGACY_CLASSES.get(name, name)


# ------------------------------------------------------------------ folders
#: Archi's top-level folder types in Archi's order, with their default English names.
FOLDER_TYPES: tuple[tuple[str, str], ...] = (
    ("strategy", "Strategy"),
    ("business", "Business"),
    ("application", "Application"),
    ("technology", "Technology & Physical"),
    ("motivation", "Motivation"),
    ("implementation_migration", "Implementation & Migration"),
    ("other", "Other"),
    ("relations", "Relations"),
    ("diagrams", "Views"),
)
#: Top-level folder names Archi used (or users keep) besides the defaults, by type.
FOLDER_NAME_TYPES: dict[str, str] = {
    **{name.casefold(): kind for kind, name in FOLDER_TYPES},
    "technology": "technology", "implementation": "implementation_migration",
    "diagrams": "diagrams", "relationships": "relations", "connectors": "other",
}
_LAYER_FOLDER = {
    ArchiMateLayer.STRATEGY: "strategy", ArchiMateLayer.BUSINESS: "business",
    ArchiMateLayer.APPLICATION: "application", ArchiMateLayer.TECHNOLOGY: "technology",
    ArchiMateLayer.PHYSICAL: "technology", ArchiMateLayer.MOTIVATION: "motivation",
    ArchiMateLayer.IMPLEMENTATION_MIGRATION: "implementation_migration",
    ArchiMateLayer.OTHER: "other",
}


def folder_type_of_element(element_type: str) -> str:
    """The top-level folder Archi files an element of ``element_type`` in."""
    known = ELEMENT_TYPES.get(element_type)
    return _LAYER_FOLDER.get(known.layer, "other") if known else "other"


# ------------------------------------------------------------------ relationship details
#: Archi's ``accessType`` numbers (absent = 0 = write) and the model's values (None = access).
ACCESS_FROM_ARCHI: dict[int, str | None] = {0: "Write", 1: "Read", 2: None, 3: "ReadWrite"}
ACCESS_TO_ARCHI: dict[str | None, int] = {"Write": 0, "Read": 1, None: 2, "Access": 2,
                                          "ReadWrite": 3}

# ------------------------------------------------------------------ viewpoints
#: Archi's viewpoint ids -> the model's viewpoint names (the exchange format's).
VIEWPOINT_NAMES: dict[str, str] = {
    "organization": "Organization", "information_structure": "Information Structure",
    "technology": "Technology", "layered": "Layered", "physical": "Physical",
    "product": "Product", "application_structure": "Application Structure",
    "application_usage": "Application Usage", "technology_usage": "Technology Usage",
    "business_process_cooperation": "Business Process Cooperation",
    "application_cooperation": "Application Cooperation",
    "service_realization": "Service Realization",
    "implementation_deployment": "Implementation and Deployment",
    "goal_realization": "Goal Realization",
    "requirements_realization": "Requirements Realization", "motivation": "Motivation",
    "strategy": "Strategy", "capability": "Capability Map",
    "outcome_realization": "Outcome Realization", "resource": "Resource Map",
    "project": "Project", "migration": "Migration",
    "implementation_migration": "Implementation and Migration",
    "stakeholder": "Stakeholder", "value_stream": "Value Stream",
}
VIEWPOINT_IDS = {v: k for k, v in VIEWPOINT_NAMES.items()}
#: Archi 2 and 3 numbered their (ArchiMate 2) viewpoints; the ones ArchiMate 3 kept, by
#: name or under a new name, map to it, the others (``None``) have no successor.
LEGACY_VIEWPOINTS: dict[str, tuple[str, str | None]] = {
    "1": ("Actor Co-operation", None), "2": ("Application Behaviour", None),
    "3": ("Application Co-operation", "Application Cooperation"),
    "4": ("Application Structure", "Application Structure"),
    "5": ("Application Usage", "Application Usage"), "6": ("Business Function", None),
    "7": ("Business Process Co-operation", "Business Process Cooperation"),
    "8": ("Business Process", None), "9": ("Business Product", "Product"),
    "10": ("Implementation and Deployment", "Implementation and Deployment"),
    "11": ("Information Structure", "Information Structure"),
    "12": ("Infrastructure Usage", "Technology Usage"), "13": ("Infrastructure", "Technology"),
    "14": ("Layered", "Layered"), "15": ("Organisation", "Organization"),
    "16": ("Service Realisation", "Service Realization"),
    "17": ("Stakeholder", "Stakeholder"), "18": ("Goal Realisation", "Goal Realization"),
    "19": ("Goal Contribution", None), "20": ("Principles", None),
    "21": ("Requirements Realisation", "Requirements Realization"),
    "22": ("Motivation", "Motivation"), "23": ("Project", "Project"),
    "24": ("Migration", "Migration"),
    "25": ("Implementation and Migration", "Implementation and Migration"),
}
CONNECTION_ROUTER_MANHATTAN = "manhattan"
#: ``connectionRouterType``: 0 follows the bendpoints, 2 is Manhattan (1, "shortest path",
#: was retired by Archi and is drawn as 0).
ROUTERS_FROM_ARCHI = {0: "", 1: "", 2: CONNECTION_ROUTER_MANHATTAN}
ROUTERS_TO_ARCHI = {"": 0, CONNECTION_ROUTER_MANHATTAN: 2}

# ------------------------------------------------------------------ text layout
TEXT_ALIGNMENTS = {1: "left", 2: "center", 4: "right"}
TEXT_ALIGNMENT_CODES = {v: k for k, v in TEXT_ALIGNMENTS.items()}
NODE_TEXT_POSITIONS = {0: "top", 1: "middle", 2: "bottom"}
CONNECTION_TEXT_POSITIONS = {0: "source", 1: "middle", 2: "target"}

# ------------------------------------------------------------------ features
#: Archi's own ``feature`` names that map onto the model.
FEATURE_LINE_ALPHA = "lineAlpha"
FEATURE_DERIVE_LINE_COLOR = "deriveElementLineColor"
FEATURES_HELD = (FEATURE_LINE_ALPHA, FEATURE_DERIVE_LINE_COLOR)
#: Archi features the model has no place for, and the words that name them in reports.
FEATURES_NOT_HELD = {
    "labelExpression": "label expressions",
    "gradient": "gradients",
    "iconColor": "icon colours",
    "iconVisible": "icon visibility settings",
    "imageSource": "image sources",
    "lineStyle": "line styles",
    "nameVisible": "hidden names",
    "textRelativePosition": "relative text positions",
    "hideJunctionArrows": "hidden junction arrows",
    "legend": "legends",
}
#: Features under which this program keeps what Archi has no attribute for (Archi keeps
#: features it does not know when it saves, so they survive a visit to Archi).
EGOV_PREFIX = "egov:"
F_NAMES = "egov:names"
F_DOCUMENTATIONS = "egov:documentations"
F_LABELS = "egov:labels"
F_LABEL = "egov:label"
F_DOCUMENTATION = "egov:documentation"
F_KIND = "egov:kind"
F_LAYER = "egov:layer"
F_STYLE = "egov:style"
F_VIEWPOINT = "egov:viewpoint"
#: A view's default appearance per element type (JSON, the native file's form).
F_DEFAULTS = "egov:defaults"
#: A connection's own routing ("manual" or "manhattan"), when it does not follow its view.
F_ROUTER = "egov:router"
F_LANGUAGE = "egov:language"
F_PROPERTY_TYPES = "egov:property-types"
F_FOLDERS = "egov:folders"
F_FOLDERS_CHECK = "egov:folders-check"
#: The model's order of its views, when the folders put them in another one.
F_VIEW_ORDER = "egov:view-order"
#: On a specialization the writer had to add (a concept names one the model does not
#: list): the reader uses it but does not add it to the model's list.
F_GENERATED = "egov:generated"

# ------------------------------------------------------------------ geometry
#: Sizes Archi gives a figure whose width or height is -1 (not set).
DEFAULT_ELEMENT_SIZE = (120, 55)
DEFAULT_GROUP_SIZE = (400, 140)
DEFAULT_NOTE_SIZE = (185, 80)
DEFAULT_JUNCTION_SIZE = (15, 15)


def java_half(value: int) -> int:
    """``value / 2`` as Java's integer division does it (towards zero)."""
    return int(value / 2)


def centre(box: tuple[int, int, int, int]) -> tuple[int, int]:
    """The reference point of a box in Archi's formula: x + w/2, y + h/2 (Java division)."""
    x, y, w, h = box
    return x + java_half(w), y + java_half(h)


def path_reference(points: list[tuple[int, int]]) -> tuple[int, int]:
    """The reference point of a connection that another connection ends at: the centre of
    the box around its path (Archi anchors such a line to its connection figure's box).
    Archi's own exchange export leaves the bendpoints of these lines out, so there is no
    file to compare with; reader and writer use this same point, so nothing moves."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x, y = min(xs), min(ys)
    return centre((x, y, max(xs) - x, max(ys) - y))


def bendpoint_position(start: tuple[int, int], end: tuple[int, int], index: int, count: int,
                       source: tuple[int, int], target: tuple[int, int]) -> tuple[int, int]:
    """The absolute point of bendpoint ``index`` (0-based) of ``count``, as Archi computes it.

    ``start`` and ``end`` are Archi's offsets from the ``source`` and ``target`` reference
    points; the bendpoint is weighted (i+1)/(n+1) towards the target, in doubles, and
    truncated like Java's ``(int)`` cast. The arithmetic is Archi's to the bit, so the
    result equals what Archi's own exchange export writes.
    """
    weight = (index + 1) / (count + 1)
    sx = (source[0] + start[0]) * (1.0 - weight)
    sy = (source[1] + start[1]) * (1.0 - weight)
    ex = (target[0] + end[0]) * weight
    ey = (target[1] + end[1]) * weight
    return int(sx + ex), int(sy + ey)


def bendpoint_offsets(point: tuple[int, int], index: int, count: int, source: tuple[int, int],
                      target: tuple[int, int]) -> tuple[int, int, int, int]:
    """Archi's ``startX, startY, endX, endY`` for an absolute ``point`` (the inverse of
    :func:`bendpoint_position`): the point minus each reference point, nudged by one unit
    in the rare case where the doubles would otherwise read back one short."""
    x, y = point
    start_x, start_y = x - source[0], y - source[1]
    end_x, end_y = x - target[0], y - target[1]
    for dx in (0, 1, -1):
        for dy in (0, 1, -1):
            got = bendpoint_position((start_x + dx, start_y + dy), (end_x + dx, end_y + dy),
                                     index, count, source, target)
            if got == (x, y):
                return start_x + dx, start_y + dy, end_x + dx, end_y + dy
    return start_x, start_y, end_x, end_y


# ------------------------------------------------------------------ identifiers
_NOT_NAME = re.compile(r"[^A-Za-z0-9_.\-]")


def id_fixer(ids: set[str]) -> dict[str, str]:
    """New ids for those of ``ids`` that are not valid XML names, the same on every
    reference: ``id-`` in front (what Archi's own exchange export does to ids starting
    with a digit), other characters replaced, and a short digest added only where two
    ids would otherwise meet. Deterministic, so the same file always gives the same ids.
    """
    fixed: dict[str, str] = {}
    taken = {i for i in ids if is_valid_id(i)}
    for old in sorted(i for i in ids if not is_valid_id(i)):
        new = "id-" + _NOT_NAME.sub("_", old)
        if new in taken or not is_valid_id(new):
            digest = hashlib.sha1(old.encode("utf-8")).hexdigest()[:8]
            new = f"{new}-{digest}"
        taken.add(new)
        fixed[old] = new
    return fixed


def version_tuple(version: str | None) -> tuple[int, ...]:
    """``"4.9.0"`` -> ``(4, 9, 0)``; anything unreadable counts as 0."""
    parts = []
    for part in (version or "").split("."):
        digits = re.match(r"\d+", part)
        parts.append(int(digits.group()) if digits else 0)
    return tuple(parts) or (0,)


# ------------------------------------------------------------------ CSV
#: Archi's three CSV files (``<prefix>elements.csv``...) and their headers.
CSV_ELEMENTS, CSV_RELATIONS, CSV_PROPERTIES = "elements", "relations", "properties"
CSV_SUFFIX = ".csv"
CSV_ELEMENTS_HEADER = ("ID", "Type", "Name", "Documentation", "Specialization")
CSV_RELATIONS_HEADER = ("ID", "Type", "Name", "Documentation", "Source", "Target",
                        "Specialization")
CSV_PROPERTIES_HEADER = ("ID", "Key", "Value")
#: The row of ``elements.csv`` that carries the model's name and purpose.
CSV_MODEL_TYPE = "ArchimateModel"
#: Pseudo-properties by which Archi's CSV carries relationship and junction details.
CSV_INFLUENCE_STRENGTH = "Influence_Strength"
CSV_ACCESS_TYPE = "Access_Type"
#: Archi's access type names, in the order of its ``accessType`` numbers.
CSV_ACCESS_TYPES = ("Write", "Read", "Access", "ReadWrite")
CSV_DIRECTED = "Directed"
CSV_JUNCTION_TYPE = "Junction_Type"
CSV_JUNCTION_AND, CSV_JUNCTION_OR = "And", "Or"
