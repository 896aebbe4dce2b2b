"""The ArchiMate 3.x viewpoints a view can declare, with their Vietnamese labels.

Why a constant here and not a file read at runtime: the exchange format writes a view's
``viewpoint`` attribute as the viewpoint's English name (``"Layered"``), the set is fixed by
the standard, and the program must not depend on reference data outside the package. The
25 names are those of Archi's ``viewpoints.xml`` (a test holds them against it). The empty
string means "no viewpoint" (every element allowed).

Each viewpoint also says which element types it shows (its ``layers`` and its ``types``, as
Archi's table lists them; none means all, as for Layered). Junctions and Groupings are
allowed in every viewpoint, as in Archi. An element a view's viewpoint does not allow is
drawn faded (ghosted) on the canvas, as Archi does; nothing is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from .metamodel import ELEMENT_TYPES

__all__ = ["ALWAYS_ALLOWED", "NO_VIEWPOINT", "VIEWPOINTS", "Viewpoint", "allowed_types",
           "is_allowed", "viewpoint", "viewpoint_label"]

#: The value of ``View.viewpoint`` when a view declares none.
NO_VIEWPOINT = ""
#: Element types every viewpoint allows (Archi's default list).
ALWAYS_ALLOWED = frozenset({"AndJunction", "OrJunction", "Grouping"})


@dataclass(frozen=True)
class Viewpoint:
    """One viewpoint: ``name`` is what the exchange format writes; ``label_vi`` is shown
    to a Vietnamese user."""

    name: str
    label_vi: str
    #: ArchiMate layers (``metamodel.ArchiMateLayer`` values) whose every type it shows.
    layers: tuple[str, ...] = ()
    #: Further element types it shows.
    types: tuple[str, ...] = ()

    def allowed(self) -> frozenset[str] | None:
        """The element types this viewpoint shows, ``None`` for all."""
        if not self.layers and not self.types:
            return None
        in_layers = {name for name, t in ELEMENT_TYPES.items() if t.layer in self.layers}
        return frozenset(in_layers | set(self.types) | ALWAYS_ALLOWED)

    def label(self, language: str = "vi") -> str:
        """The name to show in ``language`` (Vietnamese, else the standard English name)."""
        return self.label_vi if language == "vi" else self.name


#: In the order of the ArchiMate specification (and Archi's list).
VIEWPOINTS: tuple[Viewpoint, ...] = (
    Viewpoint("Organization", "Tổ chức",
              types=("BusinessActor", "BusinessCollaboration", "BusinessInterface", "BusinessRole",
                     "Location")),
    Viewpoint("Business Process Cooperation", "Phối hợp quy trình nghiệp vụ",
              layers=("application",),
              types=("BusinessActor", "BusinessCollaboration", "BusinessEvent", "BusinessFunction",
                     "BusinessInteraction", "BusinessInterface", "BusinessObject",
                     "BusinessProcess", "BusinessRole", "BusinessService", "Location",
                     "Representation")),
    Viewpoint("Product", "Sản phẩm",
              layers=("application",),
              types=("Artifact", "BusinessActor", "BusinessCollaboration", "BusinessEvent",
                     "BusinessFunction", "BusinessInteraction", "BusinessInterface",
                     "BusinessObject", "BusinessProcess", "BusinessRole", "BusinessService",
                     "Contract", "Material", "Product", "TechnologyService", "Value")),
    Viewpoint("Application Cooperation", "Phối hợp ứng dụng",
              layers=("application",),
              types=("Location",)),
    Viewpoint("Application Structure", "Cấu trúc ứng dụng",
              types=("ApplicationCollaboration", "ApplicationComponent", "ApplicationInterface",
                     "DataObject")),
    Viewpoint("Application Usage", "Sử dụng ứng dụng",
              layers=("application",),
              types=("BusinessActor", "BusinessCollaboration", "BusinessEvent", "BusinessFunction",
                     "BusinessInteraction", "BusinessObject", "BusinessProcess", "BusinessRole")),
    Viewpoint("Implementation and Deployment", "Triển khai và cài đặt",
              layers=("application",),
              types=("Artifact", "Path", "SystemSoftware", "TechnologyFunction",
                     "TechnologyInteraction", "TechnologyInterface", "TechnologyProcess",
                     "TechnologyService")),
    Viewpoint("Technology", "Công nghệ",
              layers=("technology",),
              types=("Location",)),
    Viewpoint("Technology Usage", "Sử dụng công nghệ",
              layers=("technology",),
              types=("ApplicationCollaboration", "ApplicationComponent", "ApplicationEvent",
                     "ApplicationFunction", "ApplicationInteraction", "ApplicationProcess")),
    Viewpoint("Information Structure", "Cấu trúc thông tin",
              types=("Artifact", "BusinessObject", "DataObject", "Meaning", "Representation")),
    Viewpoint("Service Realization", "Hiện thực hóa dịch vụ",
              layers=("application",),
              types=("BusinessActor", "BusinessCollaboration", "BusinessEvent", "BusinessFunction",
                     "BusinessInteraction", "BusinessInterface", "BusinessObject",
                     "BusinessProcess", "BusinessRole", "BusinessService", "Representation")),
    Viewpoint("Physical", "Vật lý",
              layers=("physical",),
              types=("CommunicationNetwork", "Device", "Location", "Node", "Path")),
    Viewpoint("Stakeholder", "Bên liên quan",
              types=("Assessment", "Driver", "Goal", "Outcome", "Stakeholder")),
    Viewpoint("Goal Realization", "Hiện thực hóa mục tiêu",
              types=("Constraint", "Goal", "Outcome", "Principle", "Requirement")),
    Viewpoint("Requirements Realization", "Hiện thực hóa yêu cầu",
              layers=("strategy", "business", "application", "technology"),
              types=("Constraint", "Goal", "Location", "Meaning", "Outcome", "Principle",
                     "Requirement", "Value")),
    Viewpoint("Motivation", "Động lực",
              layers=("motivation",)),
    Viewpoint("Strategy", "Chiến lược",
              layers=("strategy",),
              types=("Outcome",)),
    Viewpoint("Capability Map", "Bản đồ năng lực",
              types=("Capability", "Outcome", "Resource")),
    Viewpoint("Value Stream", "Dòng giá trị",
              types=("Capability", "Outcome", "Stakeholder", "ValueStream")),
    Viewpoint("Outcome Realization", "Hiện thực hóa kết quả",
              layers=("business", "application", "technology"),
              types=("Capability", "Location", "Meaning", "Outcome", "Resource", "Value",
                     "ValueStream")),
    Viewpoint("Resource Map", "Bản đồ nguồn lực",
              types=("Capability", "Resource", "WorkPackage")),
    Viewpoint("Project", "Dự án",
              types=("BusinessActor", "BusinessRole", "Deliverable", "Goal", "ImplementationEvent",
                     "Outcome", "WorkPackage")),
    Viewpoint("Migration", "Chuyển tiếp",
              types=("Gap", "Plateau")),
    Viewpoint("Implementation and Migration", "Triển khai và chuyển tiếp",
              layers=("business", "application", "technology", "implementation_migration"),
              types=("Constraint", "Goal", "Location", "Requirement")),
    Viewpoint("Layered", "Phân lớp"),
)

_BY_NAME = {v.name: v for v in VIEWPOINTS}


def viewpoint(name: str) -> Viewpoint | None:
    """The viewpoint called ``name`` (its English name), or ``None`` if unknown or empty."""
    return _BY_NAME.get(name)


def viewpoint_label(name: str, language: str = "vi") -> str:
    """What to show for a view's ``viewpoint`` value; an unknown name (from an imported
    file) is shown as it is."""
    known = _BY_NAME.get(name)
    return known.label(language) if known else name


def allowed_types(name: str) -> frozenset[str] | None:
    """The element types viewpoint ``name`` shows; ``None`` (all) for no viewpoint, an
    unknown one, or one that lists none."""
    known = _BY_NAME.get(name)
    return known.allowed() if known is not None else None


def is_allowed(name: str, element_type: str) -> bool:
    """Whether a view of viewpoint ``name`` shows ``element_type`` at full strength."""
    allowed = allowed_types(name)
    return allowed is None or element_type in allowed
