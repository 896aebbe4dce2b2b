"""The ArchiMate 3.x viewpoints a view can declare, with their Vietnamese labels.

Why a constant here and not a file read at runtime: the exchange format writes a view's
``viewpoint`` attribute as the viewpoint's English name (``"Layered"``), the set is fixed by
the standard, and the program must not depend on reference data outside the package. The
25 names are those of Archi's ``viewpoints.xml`` (a test holds them against it). The empty
string means "no viewpoint" (every element allowed).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NO_VIEWPOINT", "VIEWPOINTS", "Viewpoint", "viewpoint", "viewpoint_label"]

#: The value of ``View.viewpoint`` when a view declares none.
NO_VIEWPOINT = ""


@dataclass(frozen=True)
class Viewpoint:
    """One viewpoint: ``name`` is what the exchange format writes; ``label_vi`` is shown
    to a Vietnamese user."""

    name: str
    label_vi: str

    def label(self, language: str = "vi") -> str:
        """The name to show in ``language`` (Vietnamese, else the standard English name)."""
        return self.label_vi if language == "vi" else self.name


#: In the order of the ArchiMate specification (and Archi's list).
VIEWPOINTS: tuple[Viewpoint, ...] = (
    Viewpoint("Organization", "Tổ chức"),
    Viewpoint("Business Process Cooperation", "Phối hợp quy trình nghiệp vụ"),
    Viewpoint("Product", "Sản phẩm"),
    Viewpoint("Application Cooperation", "Phối hợp ứng dụng"),
    Viewpoint("Application Structure", "Cấu trúc ứng dụng"),
    Viewpoint("Application Usage", "Sử dụng ứng dụng"),
    Viewpoint("Implementation and Deployment", "Triển khai và cài đặt"),
    Viewpoint("Technology", "Công nghệ"),
    Viewpoint("Technology Usage", "Sử dụng công nghệ"),
    Viewpoint("Information Structure", "Cấu trúc thông tin"),
    Viewpoint("Service Realization", "Hiện thực hóa dịch vụ"),
    Viewpoint("Physical", "Vật lý"),
    Viewpoint("Stakeholder", "Bên liên quan"),
    Viewpoint("Goal Realization", "Hiện thực hóa mục tiêu"),
    Viewpoint("Requirements Realization", "Hiện thực hóa yêu cầu"),
    Viewpoint("Motivation", "Động lực"),
    Viewpoint("Strategy", "Chiến lược"),
    Viewpoint("Capability Map", "Bản đồ năng lực"),
    Viewpoint("Value Stream", "Dòng giá trị"),
    Viewpoint("Outcome Realization", "Hiện thực hóa kết quả"),
    Viewpoint("Resource Map", "Bản đồ nguồn lực"),
    Viewpoint("Project", "Dự án"),
    Viewpoint("Migration", "Chuyển tiếp"),
    Viewpoint("Implementation and Migration", "Triển khai và chuyển tiếp"),
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
