"""A real-sized provincial inventory for the inventory, workbook and layout tests and the
benchmark: by default 50 objects (the 43 systems of a province's departments and some
infrastructure), 120 connections and 30 tasks, with owners, former provinces (pairs of
duplicates after the merger), plateaus and gaps, every value one the profile accepts.

Deterministic for a given size and seed, so a failure can be replayed.
"""

from __future__ import annotations

import random

from egov_modeler.model.catalog import profile_catalog, profile_properties
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.model import Model
from egov_modeler.model.rules import can_relate

PROFILE = "vn-digital-2025"
OWNERS = ("Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "Sở Tài chính", "Sở Y tế",
          "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Môi trường", "Sở Nội vụ",
          "Công an tỉnh")
DOMAINS = ("y tế", "giáo dục", "đất đai", "tài chính", "nông nghiệp", "môi trường", "giao thông",
           "văn hóa", "du lịch", "lao động", "nội vụ", "thanh tra", "tư pháp", "xây dựng",
           "công thương", "dân tộc", "bảo hiểm", "thống kê", "quy hoạch", "thủy lợi")
#: (type, layer, object kind, name pattern)
KINDS = (
    ("ApplicationComponent", "l3_ung_dung_nghiep_vu", "Hệ thống số",
     "Hệ thống thông tin quản lý {domain}"),
    ("DataObject", "l2_du_lieu_nen_tang", "Cơ sở dữ liệu", "Cơ sở dữ liệu {domain}"),
    ("ApplicationComponent", "l2_du_lieu_nen_tang", "Nền tảng số", "Nền tảng số {domain}"),
    ("ApplicationService", "l4_kenh_do_luong", "Dịch vụ số", "Dịch vụ công trực tuyến {domain}"),
    ("Node", "l1_ha_tang_so_anm", "Hạ tầng số", "Máy chủ {domain}"),
)
CONNECTION_TYPES = ("Flow", "Serving", "Access", "Triggering")
CHANNELS = ("LGSP/LDOP", "NDXP", "NDOP", "Mạng TSLCD", "Trực tiếp")
STATUSES = ("Đã kết nối", "Đang triển khai", "Chưa kết nối")
HANDLING = ("Tiếp tục sử dụng", "Chuẩn hóa, kết nối/tích hợp", "Nâng cấp, mở rộng",
            "Hợp nhất, tổ chức lại", "Thay thế, kết thúc sử dụng", "Bổ sung mới")
FUNDING = ("Ngân sách trung ương", "Ngân sách địa phương", "Thuê dịch vụ", "Xã hội hóa")
PROGRESS = ("Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Chậm tiến độ")
QUARTERS = ("I", "II", "III", "IV")
FORMER = ("tỉnh Gia Lai", "tỉnh Bình Định")


def inventory_model(objects: int = 50, connections: int = 120, tasks: int = 30,
                    seed: int = 7) -> Model:
    """A 2025-profile provincial model with that many inventory rows of each kind."""
    rng = random.Random(seed)
    model = Model("Kiểm kê hệ thống số tỉnh Gia Lai (thử nghiệm)")
    model.properties = [*profile_properties(profile_catalog(PROFILE)),
                        ("architecture_level", "province")]
    owners = []
    for n, owner in enumerate(OWNERS):
        actor = Element(f"id-actor-{n}", "BusinessActor", f"{owner} tỉnh Gia Lai")
        model.load_element(actor)
        owners.append(actor)
    made: list[Element] = []
    for n in range(objects):
        kind_type, layer, kind, pattern = KINDS[n % len(KINDS)]
        domain = DOMAINS[(n // len(KINDS)) % len(DOMAINS)]
        suffix = f" ({n // (len(KINDS) * len(DOMAINS)) + 1})" if n >= len(KINDS) * len(
            DOMAINS) else ""
        owner = owners[n % len(owners)]
        properties = [("Mã", f"DT-{n + 1:04d}"), ("Cơ quan chủ quản", owner.name),
                      ("Đơn vị vận hành", "Trung tâm Chuyển đổi số tỉnh"),
                      ("Loại đối tượng", kind), ("Phạm vi", rng.choice(("tỉnh", "xã"))),
                      ("Trạng thái", rng.choice(("Hiện trạng", "Mục tiêu",
                                                 "Hiện trạng và mục tiêu"))),
                      ("Phương án xử lý", rng.choice(HANDLING)),
                      ("Căn cứ pháp lý", "QĐ 3090/QĐ-BKHCN"),
                      ("Năm đưa vào vận hành", str(rng.randint(2015, 2025)))]
        if kind_type in ("ApplicationComponent", "DataObject", "Node"):
            properties.append(("Cấp độ an toàn thông tin", f"Cấp độ {rng.randint(1, 4)}"))
        name = pattern.format(domain=domain) + suffix
        if n % 10 in (0, 5) and n < 40:  # a pair (same kind) from the former provinces
            former = FORMER[(n % 10) // 5]
            name = f"{pattern.format(domain=DOMAINS[n // 10])} {former} (cũ)"
            properties.append(("Đơn vị hành chính cũ", former))
        element = Element(f"id-obj-{n:04d}", kind_type, name, names={"en": f"Object {n}"},
                          documentation=f"Đối tượng số {n + 1}", layer=layer,
                          properties=properties)
        model.load_element(element)
        made.append(element)
    count = 0
    attempts = 0
    pairs: set[tuple[str, str, str]] = set()
    while count < connections and attempts < connections * 50:
        attempts += 1
        source, target = rng.sample(made, 2)
        kind = rng.choice(CONNECTION_TYPES)
        if not can_relate(source.type, kind, target.type) or (
                source.id, target.id, kind) in pairs:
            continue
        pairs.add((source.id, target.id, kind))
        model.load_relationship(Relationship(
            f"id-conn-{count:04d}", kind, source.id, target.id,
            properties=[("Kênh kết nối", rng.choice(CHANNELS)),
                        ("Trạng thái kết nối", rng.choice(STATUSES)),
                        ("Tần suất", rng.choice(("Hằng ngày", "Theo thời gian thực"))),
                        ("Giao thức", rng.choice(("REST/JSON", "SOAP", "SFTP")))]))
        count += 1
    gap = Element("id-gap-0", "Gap", "Hệ thống trùng lặp sau hợp nhất tỉnh")
    model.load_element(gap)
    for n in range(tasks):
        year = 2026 + n % 4
        start = rng.randint(1, 3)
        owner = owners[n % len(owners)]
        task = Element(f"id-task-{n:04d}", "WorkPackage" if n % 6 else "Deliverable",
                       f"Nhiệm vụ {n + 1}: nâng cấp {DOMAINS[n % len(DOMAINS)]}",
                       properties=[("Mã", f"NV-{n + 1:03d}"),
                                   ("Phương án xử lý", rng.choice(HANDLING)),
                                   ("Đơn vị chủ trì", owner.name),
                                   ("Bắt đầu", f"Quý {QUARTERS[start - 1]}/{year}"),
                                   ("Thời hạn", f"Quý {QUARTERS[rng.randint(start, 4) - 1]}"
                                                f"/{year}"),
                                   ("Tiêu chí kiểm chứng", "Hệ thống vận hành, có biên bản"),
                                   ("Tiến độ", rng.choice(PROGRESS)),
                                   ("Kinh phí", str(rng.randint(1, 40) * 100_000_000)),
                                   ("Nguồn vốn", rng.choice(FUNDING))])
        model.load_element(task)
        target = made[n % len(made)]
        model.load_relationship(Relationship(f"id-task-link-{n:04d}", "Association", task.id,
                                             target.id))
        if n % 3 == 0:
            model.load_relationship(Relationship(f"id-task-gap-{n:04d}", "Association",
                                                 task.id, gap.id))
    current = Element("id-plateau-current", "Plateau", "Hiện trạng 2025",
                      names={"en": "Current state 2025"})
    target_state = Element("id-plateau-target", "Plateau", "Mục tiêu 2030",
                           names={"en": "Target state 2030"})
    model.load_element(current)
    model.load_element(target_state)
    for element in made:
        state = dict(element.properties)["Trạng thái"]
        for plateau, wanted in ((current, "Hiện trạng"), (target_state, "Mục tiêu")):
            if wanted in state:
                model.load_relationship(Relationship(
                    f"id-member-{plateau.id[-7:]}-{element.id}", "Aggregation", plateau.id,
                    element.id))
    return model
