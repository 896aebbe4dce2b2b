# ruff: noqa: E501 -- data tables: long Vietnamese names and source addresses stay on one line
"""Generate ``egov_modeler/resources/framework/vn-digital-2025.json``, the built-in profile of
the national digital architecture framework (QĐ 3090/QĐ-BKHCN) and the national data
architecture framework (QĐ 2439/QĐ-TTg).

Run:  python -m tools.profiles.build_vn_digital_2025      (from the repository root)

Edit this script (and ``sources.py``), not the JSON: a test holds the shipped file equal to
what this script writes. Facts come from ``../shared/framework/framework-2025-research.md``
and ``framework-notes.md``; the keys in comments (R…, S…) are theirs. Items resting on
low-confidence (L) or no source carry ``"inferred": true`` and say why in ``note``. The 2.0
profile (``vn-egov-2.0.json``) is read only to copy the sources of carried-over items (never
written). The engineering decisions taken on the research engineer's open questions are
listed in ``docs/profiles.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FRAMEWORK = ROOT / "egov_modeler" / "resources" / "framework"
OUT = FRAMEWORK / "vn-digital-2025.json"
sys.path.insert(0, str(ROOT))

from tools.profiles.sources import (  # noqa: E402
    CV1552,
    CV2943,
    LUAT_CDS,
    LUAT_DL,
    ND45,
    ND59,
    ND278,
    NQ175,
    NQ176,
    QD598,
    QD1729,
    QD2439,
    QD3090,
    R1,
    R4,
    R6,
    R7,
    R8,
    R9,
    R10,
    R11,
    R13_CD1P5,
    R13_CD3P2,
    R13_CD3P3,
    R13_CD3P4,
    R13_CD3P5,
    R14,
    R17,
    R18,
    R19,
    R20,
    R23,
    R29,
    R30,
    R34,
    S12,
    S14,
    S16,
    S17,
    S18,
    S19,
    S20,
    S21,
    S23,
    S24,
    S25,
    S27,
    S28_274,
    S28_DVCTT,
    TT13,
    TT21,
    R3a,
    R3b,
    R15a,
    R15b,
    R15c,
    R16a,
    R16b,
    R22a,
    R22b,
    R25a,
    R25b,
    R25c,
    R25d,
    R25e,
    R26a,
    R26b,
    R27a,
    R27b,
    R28b1,
    R28b2,
    S22a,
    S22b,
)

CAT20 = json.loads((FRAMEWORK / "vn-egov-2.0.json").read_text("utf-8"))
_OLD = {c["id"]: c for c in CAT20["components"]}


def src20(old_id: str) -> list[str]:
    """The sources of a 2.0 catalog component (for items carried over)."""
    return list(_OLD[old_id]["sources"])


# ----------------------------------------------------------------------------- layers ids
U = "nguoi_su_dung_kttqgs"
L4 = "l4_kenh_do_luong"
L3 = "l3_ung_dung_nghiep_vu"
L2 = "l2_du_lieu_nen_tang"
L1 = "l1_ha_tang_so_anm"
GOV = "quan_tri_the_che"
EXT = "he_thong_ngoai_kttqgs"
KDL = "ktdl_lop_du_lieu"
KKC = "ktdl_khoi_chuc_nang"
KMD = "ktdl_mien_co_ban"

LOCAL_SCOPES = ["bộ", "tỉnh", "xã", "bộ/tỉnh", "tỉnh/xã"]
#: ArchiMate layers whose elements the name-pattern checks judge (not motivation, not
#: implementation & migration: a Gap that *mentions* the district level is fine).
CORE_LAYERS = ["business", "application", "technology", "physical"]

LAYERS = [
    dict(id=L1, name_vi="Hạ tầng số và an ninh mạng dùng chung",
         name_en="Shared digital infrastructure and cybersecurity", order=1, kind="overview",
         cross_cutting=False, sources=[R8, R13_CD1P5, QD3090], inferred=False,
         note="Lớp 1 of QĐ 3090 (numbered bottom-up). Holds the networks (Mạng TSLCD, Internet), "
              "data centres and cloud, and the security components (SOC, 4-layer model): in "
              "KTTTQGS security is part of layer 1, not a cross-cutting band."),
    dict(id=L2, name_vi="Dữ liệu và nền tảng cốt lõi", name_en="Data and core platforms", order=2,
         kind="overview", cross_cutting=False, sources=[R8, R13_CD1P5, QD3090], inferred=False,
         note="Lớp 2 of QĐ 3090: national, shared and sector databases, CSDL tổng hợp quốc gia, "
              "NDOP/NDXP, LGSP/LDOP, identity (VNeID), data-governance systems."),
    dict(id=L3, name_vi="Ứng dụng và nghiệp vụ dùng chung", name_en="Shared applications and business",
         order=3, kind="overview", cross_cutting=False, sources=[R8, R13_CD1P5, QD3090], inferred=False,
         note="Lớp 3 of QĐ 3090: applications shared across the political system (administrative "
              "procedures, document management, reporting, direction, sector systems)."),
    dict(id=L4, name_vi="Kênh tương tác và đo lường hiệu quả",
         name_en="Interaction channels and performance measurement", order=4, kind="overview",
         cross_cutting=False, sources=[R8, R13_CD1P5, QD3090], inferred=False,
         note="Lớp 4 of QĐ 3090: portals, apps, counters, feedback and dashboards. The 2.0 layers "
              "'Kênh giao tiếp' and 'Cổng và dịch vụ cổng' both map here."),
    dict(id=U, name_vi="Người sử dụng (người thụ hưởng)", name_en="Users (beneficiaries)", order=5,
         kind="overview", cross_cutting=False, sources=[R13_CD3P2, QD2439], inferred=True,
         note="Not one of the four numbered QĐ 3090 layers. The QĐ 2439 overview diagram starts with "
              "the users above the channels (R13, M); whether the QĐ 3090 overview draws a users band "
              "was not confirmed. Drawn as the top band."),
    dict(id=GOV, name_vi="Quản trị, thể chế, tiêu chuẩn", name_en="Governance, institutions and standards",
         order=6, kind="overview", cross_cutting=True, sources=[R29], inferred=True,
         note="Cross-cutting band inferred from 2026 provincial tools (R29, L); the 2.0 band "
              "'Chỉ đạo, chính sách' maps here. Relate its elements by Association or Influence only."),
    dict(id=EXT, name_vi="Các hệ thống ngoài cơ quan nhà nước", name_en="External (non-state) systems",
         order=7, kind="external", cross_cutting=False, sources=[S12, S14, R13_CD3P2], inferred=True,
         note="Not named in the QĐ 3090 reports read; kept from 2.0 (S12, S14). The QĐ 2439 diagram "
              "shows enterprise data centres and international connections to NDOP (R13)."),
    dict(id=KDL, name_vi="Các lớp dữ liệu (QĐ 2439/QĐ-TTg)", name_en="Data layers (Decision 2439/QĐ-TTg)",
         order=201, kind="reference_model", cross_cutting=False, sources=[R14, R13_CD3P4, QD2439],
         inferred=False, note="Reference-model-like palette section: the eight data layers."),
    dict(id=KKC, name_vi="Các khối dữ liệu chức năng (QĐ 2439/QĐ-TTg)",
         name_en="Functional data blocks (Decision 2439/QĐ-TTg)", order=202, kind="reference_model",
         cross_cutting=False, sources=[R14, QD2439], inferred=False,
         note="Reference-model-like palette section: the six functional data blocks."),
    dict(id=KMD, name_vi="Các miền dữ liệu cơ bản tại Trung tâm Dữ liệu quốc gia",
         name_en="Basic data domains at the National Data Centre", order=203, kind="reference_model",
         cross_cutting=False, sources=[R13_CD3P3, R13_CD3P4], inferred=False,
         note="Reference-model-like palette section: the six basic databases that belong to the "
              "CSDL tổng hợp quốc gia (R13, M)."),
]


# -------------------------------------------------------------------------- components
COMPONENTS: list[dict] = []


def C(id, layer, atype, name_vi, name_en, desc_vi, desc_en, sources, inferred=False, scope=None,
      owner=None, note=None, alt=None, parent=None, version=None, rm="overview", code=None):
    c = {"id": id, "name_vi": name_vi, "name_en": name_en, "layer": layer, "reference_model": rm,
         "archimate_type": atype}
    if alt:
        c["archimate_alt"] = alt
    c["description_vi"] = desc_vi
    c["description_en"] = desc_en
    if scope:
        c["scope"] = scope
    if owner:
        c["owner"] = owner
    if code:
        c["code"] = code
    if parent:
        c["parent"] = parent
    if version:
        c["version"] = version
    c["sources"] = sources
    c["inferred"] = inferred
    if note:
        c["note"] = note
    COMPONENTS.append(c)


NO_OWNER = "Owner (cơ quan chủ quản) not stated in the research sources; left empty."

# --- users (QĐ 2439 overview, R13 chuyên đề 3 phần 2)
C("nsd_nguoi_dan", U, "BusinessActor", "Người dân", "Citizens",
  "Người dân sử dụng dịch vụ số, dịch vụ công trực tuyến và các kênh tương tác của cơ quan nhà nước.",
  "Citizens using digital and online public services and the state's interaction channels.",
  [R13_CD3P2, S14])
C("nsd_doanh_nghiep", U, "BusinessActor", "Doanh nghiệp, tổ chức", "Businesses and organisations",
  "Doanh nghiệp, tổ chức thực hiện thủ tục hành chính và khai thác dữ liệu, dịch vụ số.",
  "Businesses and organisations carrying out procedures and using data and digital services.",
  [R13_CD3P2, S14])
C("nsd_co_quan", U, "BusinessActor", "Cơ quan hành chính, tổ chức chính trị – xã hội",
  "Administrative agencies, political and social organisations",
  "Cơ quan hành chính, tổ chức chính trị – xã hội vừa khai thác vừa cung cấp dữ liệu cho nhau.",
  "Administrative agencies and political and social organisations, both users and providers of data.",
  [R13_CD3P2])
C("nsd_cbccvc", U, "BusinessActor", "Cán bộ, công chức, viên chức", "Civil servants and public employees",
  "Cán bộ, công chức, viên chức xử lý công việc, hồ sơ trên các hệ thống dùng chung.",
  "Civil servants and public employees handling work and dossiers on the shared systems.",
  [R13_CD3P2, S14], alt="BusinessRole")
C("nsd_du_khach", U, "BusinessActor", "Du khách", "Visitors",
  "Du khách sử dụng dịch vụ, thông tin số của cơ quan nhà nước.",
  "Visitors using the state's digital services and information.", [R13_CD3P2])
C("nsd_lanh_dao", U, "BusinessActor", "Lãnh đạo các cấp", "Leaders at every level",
  "Lãnh đạo sử dụng dữ liệu, bảng điều khiển để chỉ đạo, điều hành và ra quyết định.",
  "Leaders using data and dashboards for direction and decisions.", [S14, R13_CD1P5], inferred=True,
  note="Not in the QĐ 2439 user list read (R13); carried over from the 2.0 sources (S14). Leaders "
       "use the layer-4 dashboards and the layer-3 direction systems.")

# --- layer 4: interaction channels and performance measurement
C("l4_cong_dvcqg", L4, "ApplicationComponent", "Cổng Dịch vụ công quốc gia", "National Public Service Portal",
  "Cổng Dịch vụ công quốc gia: điểm truy cập tập trung dịch vụ công trực tuyến, kết nối Nền tảng VNeID.",
  "National Public Service Portal: single access point to online public services, linked to VNeID.",
  [R13_CD1P5, R13_CD3P2, S28_274], scope="quốc gia",
  note=NO_OWNER + " A secondary 2026 report puts it in group A of QĐ 1132/QĐ-TTg (R30, L).")
C("l4_cong_ttdt_cp", L4, "ApplicationComponent", "Cổng thông tin điện tử Chính phủ", "Government Web Portal",
  "Cổng thông tin điện tử Chính phủ cung cấp thông tin chính thống của Chính phủ.",
  "The Government Web Portal, the official source of government information.", src20("c_cong_ttdt_cp"),
  scope="quốc gia",
  note="Carried over from 2.0 (v1.0 component list, S12); not named in the 2025 sources read. "
       "Placed in layer 4 as an interaction channel.")
C("l4_cong_ttdt_tinh", L4, "ApplicationComponent", "Cổng thông tin điện tử tỉnh", "Provincial web portal",
  "Cổng thông tin điện tử tỉnh cung cấp thông tin chính thống của Ủy ban nhân dân tỉnh.",
  "The provincial web portal, official source of the provincial People's Committee's information.",
  [S27, R13_CD1P5], scope="tỉnh", note="Layer 4 of a provincial framework (research §1.5).")
C("l4_trang_ttdt_don_vi", L4, "ApplicationComponent", "Trang thông tin điện tử của sở, ngành, xã",
  "Websites of departments and communes",
  "Trang thông tin điện tử của các sở, ban, ngành và xã, phường, liên kết với Cổng TTĐT tỉnh.",
  "Websites of provincial departments and of communes and wards, linked to the provincial portal.",
  src20("c_trang_ttdt_don_vi"), scope="tỉnh", inferred=True,
  note="Not named in the sources; carried over from 2.0 (inferred there too) without the district level.")
C("l4_dvctt", L4, "BusinessService", "Dịch vụ công trực tuyến (toàn trình)", "Online public service (end-to-end)",
  "Dịch vụ công trực tuyến; mục tiêu 2030: 100% TTHC đủ điều kiện cung cấp trực tuyến toàn trình.",
  "Online public service; 2030 target: every eligible procedure fully online end to end.",
  [R7, S28_DVCTT], alt="ApplicationService")
C("l4_web", L4, "ApplicationInterface", "Ứng dụng web, trình duyệt", "Web application / browser",
  "Kênh số: truy cập cổng và dịch vụ qua ứng dụng web, trình duyệt trên Internet.",
  "Digital channel: portals and services reached through a web application or browser.", [R13_CD3P2])
C("l4_ung_dung_di_dong", L4, "ApplicationInterface", "Ứng dụng di động", "Mobile application",
  "Kênh số: ứng dụng trên thiết bị di động để tra cứu, thực hiện dịch vụ công.",
  "Digital channel: mobile app to look up and use public services.", [R13_CD3P2, R13_CD1P5], alt="Device")
C("l4_ung_dung_vneid", L4, "ApplicationInterface", "Ứng dụng VNeID", "VNeID app",
  "Ứng dụng VNeID: kênh tương tác của Nền tảng định danh và xác thực điện tử với người dân.",
  "The VNeID app: the citizen-facing channel of the electronic identification platform.",
  [R3a, R13_CD3P2], scope="quốc gia", owner="Bộ Công an", inferred=True,
  note="VNeID is a national platform (R3, H; see l2_vneid). Its app as a layer-4 channel follows the "
       "consolidated provincial layer contents (research §1.5, examples from R29, L).")
C("l4_zalo", L4, "ApplicationInterface", "Kênh Zalo OA, Zalo mini-app của chính quyền",
  "Government Zalo channel (Zalo OA, mini-app)",
  "Kênh Zalo (Zalo OA, mini-app) để người dân tra cứu, nộp và theo dõi hồ sơ.",
  "Zalo channel (official account, mini-app) to look up, file and track dossiers.",
  [R29], scope="tỉnh", inferred=True,
  note="Only in 2026 provincial tools (R29, L) and the 2.0 catalog's own inferred k_zalo.")
C("l4_kiosk", L4, "Device", "Ki-ốt", "Kiosk",
  "Kênh số: ki-ốt tra cứu thông tin, thủ tục hành chính.", "Digital channel: information and procedure kiosk.",
  [R13_CD3P2])
C("l4_tin_nhan_email", L4, "ApplicationInterface", "Tin nhắn, thư điện tử", "Text messages and e-mail",
  "Kênh số: thông báo, tương tác với người dân qua tin nhắn và thư điện tử.",
  "Digital channel: notifications and interaction by text message and e-mail.", [R13_CD3P2])
C("l4_tong_dai", L4, "BusinessInterface", "Kênh điện thoại, tổng đài hỗ trợ", "Telephone channel / call centre",
  "Kênh điện thoại: giải đáp, hỗ trợ người dân, doanh nghiệp qua tổng đài.",
  "Telephone channel: answering and helping citizens and businesses through a call centre.", [R13_CD3P2],
  note="R13 lists 'điện thoại' among the digital channels; reading it as a call centre is ours.")
C("l4_ttpvhcc_tinh", L4, "BusinessInterface", "Trung tâm Phục vụ hành chính công tỉnh",
  "Provincial Public Administration Service Centre",
  "Kênh truyền thống: tiếp nhận hồ sơ, trả kết quả trực tiếp tại Trung tâm Phục vụ hành chính công tỉnh.",
  "Traditional channel: dossiers received and results returned in person at the provincial centre.",
  [R13_CD3P2, S24], scope="tỉnh",
  note="NĐ 118/2025/NĐ-CP (from 1/7/2025) on province and commune centres is known only from secondary "
       "material (R34, L); the provincial centre itself predates it (S24).")
C("l4_ttpvhcc_xa", L4, "BusinessInterface", "Trung tâm Phục vụ hành chính công xã, phường",
  "Commune/ward Public Administration Service Centre",
  "Kênh truyền thống cấp xã: tiếp nhận hồ sơ không phụ thuộc địa giới hành chính.",
  "Commune-level traditional channel: dossiers accepted regardless of administrative boundary.",
  [R34, R25c], scope="xã", inferred=True,
  note="Commune-level centres and boundary-free acceptance rest on NĐ 118/2025/NĐ-CP, known only from "
       "secondary material (R34, L). No district level after 1/7/2025 (R25, H).")
C("l4_buu_chinh", L4, "BusinessInterface", "Dịch vụ bưu chính công ích", "Public postal service",
  "Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích.",
  "Receiving dossiers and returning results by public postal service.", src20("k_buu_chinh"),
  note="Carried over from 2.0 (QĐ 31/2021/QĐ-TTg lists postal data among what is synchronised); "
       "not named in the 2025 sources read.")
C("l4_phan_hoi", L4, "ApplicationComponent", "Nền tảng phản hồi của người dân", "Citizen feedback platform",
  "Nền tảng tiếp nhận phản hồi, đánh giá của người dân về dịch vụ số, dịch vụ công.",
  "Platform that collects citizens' feedback and ratings of digital and public services.",
  [R13_CD1P5], scope="quốc gia/bộ/tỉnh", note=NO_OWNER)
C("l4_danh_gia_hai_long", L4, "ApplicationService", "Đánh giá mức độ hài lòng", "Satisfaction rating",
  "Đánh giá mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính.",
  "Citizens' and businesses' rating of how their procedures were handled.",
  [R13_CD1P5, S23], scope="quốc gia/bộ/tỉnh")
C("l4_dashboard", L4, "ApplicationComponent", "Bảng điều khiển (dashboard) điều hành, đo lường hiệu quả",
  "Direction and performance dashboard",
  "Bảng điều khiển đo lường hiệu quả theo nguyên tắc quản trị dựa trên kết quả.",
  "Dashboard measuring performance under the results-based governance principle.",
  [R13_CD1P5, R8], scope="quốc gia/bộ/tỉnh")

# --- layer 3: shared applications
C("l3_httt_gq_tthc", L3, "ApplicationComponent", "Hệ thống thông tin giải quyết thủ tục hành chính cấp bộ, cấp tỉnh",
  "Ministerial/provincial administrative-procedure settlement system",
  "Gộp Cổng Dịch vụ công và Hệ thống một cửa điện tử cấp bộ, cấp tỉnh; ở tỉnh phục vụ cả cấp xã.",
  "Merges the ministry/province public service portal and one-stop system; in a province it also serves communes.",
  [S25, S24, TT21], scope="bộ/tỉnh", version="TT 21/2023/TT-BTTTT")
C("l3_dieu_phoi_tthc", L3, "ApplicationComponent", "Hệ thống điều phối giải quyết thủ tục hành chính (thành phần của Cổng DVCQG)",
  "Administrative-procedure coordination system (part of the National Public Service Portal)",
  "Hệ thống điều phối giải quyết thủ tục hành chính thuộc Cổng Dịch vụ công quốc gia.",
  "Procedure coordination system of the National Public Service Portal.", src20("a_dieu_phoi_tthc"),
  scope="quốc gia", version="2025")
C("l3_qlvb_dh", L3, "ApplicationComponent", "Hệ thống quản lý văn bản và điều hành",
  "Document management and direction system (e-office)",
  "Quản lý văn bản và điều hành; gửi, nhận văn bản điện tử có chữ ký số qua Trục liên thông văn bản quốc gia.",
  "Document management and direction; signed electronic documents exchanged through the national axis.",
  src20("a_qlvb_dh"), scope="bộ/tỉnh")
C("l3_truc_lien_thong_vb", L3, "ApplicationComponent", "Trục liên thông văn bản quốc gia",
  "National Document Exchange Axis",
  "Trục liên thông văn bản quốc gia: gửi, nhận văn bản điện tử giữa các cơ quan.",
  "National document exchange axis: electronic documents between agencies.", src20("i_truc_lien_thong_vb"),
  scope="quốc gia",
  note=NO_OWNER + " Layer 3 as research §1.5 lists it ('QLVB&ĐH ↔ Trục liên thông VBQG', consolidated "
       "from R13–R18, M/L): the axis carries the documents of the shared document-management "
       "application. A reading of it as a layer-2 core platform (NQ 17/2019 makes it the technical basis "
       "of the NDXP, S20) was considered and not taken. Group A of QĐ 1132/QĐ-TTg per R30 (L).")
C("l3_httt_bao_cao_qg", L3, "ApplicationComponent", "Hệ thống thông tin báo cáo quốc gia",
  "National Reporting Information System",
  "Hệ thống thông tin báo cáo quốc gia tổng hợp số liệu báo cáo của bộ, ngành, địa phương.",
  "National reporting system gathering the reports of ministries, sectors and localities.", [S21],
  scope="quốc gia", note=NO_OWNER)
C("l3_httt_bao_cao", L3, "ApplicationComponent", "Hệ thống thông tin báo cáo cấp bộ, cấp tỉnh",
  "Ministerial/provincial reporting system",
  "Hệ thống thông tin báo cáo của bộ, tỉnh, kết nối Hệ thống thông tin báo cáo quốc gia.",
  "Ministry or province reporting system, linked to the national reporting system.", [S21, R13_CD1P5],
  scope="bộ/tỉnh")
C("l3_ttdh_cp", L3, "ApplicationComponent",
  "Trung tâm thông tin, dữ liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ",
  "Government information and data centre for direction",
  "Trung tâm thông tin, dữ liệu phục vụ chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ.",
  "Information and data centre supporting the direction of the Government and the Prime Minister.", [S21],
  scope="quốc gia")
C("l3_ecabinet", L3, "ApplicationComponent", "Hệ thống thông tin phục vụ họp và xử lý công việc của Chính phủ (e-Cabinet)",
  "Government e-Cabinet system", "Hệ thống phục vụ họp và xử lý công việc của Chính phủ không giấy tờ.",
  "Paperless system for Government meetings and work handling.", src20("a_ecabinet"), scope="quốc gia",
  inferred=True, note="Inferred in 2.0 already (framework-notes (d)); not named in the 2025 sources read.")
C("l3_httt_quoc_gia", L3, "ApplicationComponent",
  "Hệ thống thông tin quốc gia, ứng dụng dùng chung toàn hệ thống chính trị (khác)",
  "Other national systems and applications shared across the political system",
  "Ứng dụng dùng chung toàn hệ thống chính trị phục vụ quản lý, điều hành, báo cáo và ra quyết định.",
  "Applications shared across the political system for management, direction, reporting and decisions.",
  [R13_CD1P5], scope="quốc gia")
C("l3_chuyen_nganh", L3, "ApplicationComponent", "Hệ thống thông tin, phần mềm nghiệp vụ chuyên ngành",
  "Sector-specific information systems",
  "Hệ thống nghiệp vụ chuyên ngành của bộ, ngành, địa phương (kinh tế số, xã hội số).",
  "Sector systems of ministries, sectors and localities (digital economy, digital society).",
  src20("a_chuyen_nganh") + [R13_CD3P2], scope="bộ/tỉnh")
C("l3_ioc", L3, "ApplicationComponent", "Trung tâm giám sát, điều hành thông minh (IOC) tỉnh",
  "Provincial intelligent operations centre (IOC)",
  "Trung tâm giám sát, điều hành thông minh của tỉnh, cung cấp bảng điều khiển điều hành.",
  "The province's intelligent operations centre, providing direction dashboards.",
  [R13_CD1P5, R29], scope="tỉnh", inferred=True,
  note="R13 names direction dashboards (M); IOCs as a provincial component appear only in 2026 tools "
       "(R29, L). Research §3.2: acceptable for 2026 models.")
C("l3_tro_ly_ao_qg", L3, "ApplicationComponent", "Trợ lý ảo quốc gia", "National virtual assistant",
  "Trợ lý ảo (AI) dùng chung quốc gia, theo nguyên tắc ưu tiên trí tuệ nhân tạo.",
  "Shared national AI assistant, under the AI-first principle.", [R30, R11], scope="quốc gia", inferred=True,
  note="Named in group A of QĐ 1132/QĐ-TTg (2026) only by a secondary report (R30, L); AI-first "
       "principle from R11 (M). " + NO_OWNER)
C("l3_tro_ly_ao", L3, "ApplicationComponent", "Trợ lý ảo (AI) của bộ, tỉnh", "Ministry/provincial AI assistant",
  "Trợ lý ảo (AI) hỗ trợ cán bộ và người dân của bộ, tỉnh.",
  "AI assistant helping the ministry's or province's staff and citizens.", [R29, R11], scope="bộ/tỉnh",
  inferred=True, note="Provincial AI assistants appear only in 2026 tools (R29, L); AI-first from R11 (M).")
C("l3_hntt", L3, "ApplicationComponent", "Hệ thống hội nghị truyền hình trực tuyến",
  "Online video-conference system",
  "Hội nghị trực tuyến Trung ương – tỉnh – xã; điểm cầu cấp xã gộp thành một phần tử có số lượng.",
  "Online conferences centre – province – commune; commune sites drawn as one element with a count.",
  [R28b1, R28b2, R27b], scope="bộ/tỉnh", alt="Node",
  note="QĐ 45/2018/QĐ-TTg (R28b, M). After 1/7/2025 the topology is centre → province → commune (R25, R27).")
C("l3_thu_dien_tu", L3, "ApplicationComponent", "Hệ thống thư điện tử công vụ", "Official e-mail system",
  "Hệ thống thư điện tử công vụ của cán bộ, công chức, viên chức.", "Official e-mail of civil servants.",
  src20("a_thu_dien_tu"), scope="bộ/tỉnh", inferred=True, note="Inferred in 2.0 already; not named in the 2025 sources.")

# --- layer 2: data and core platforms
C("l2_vneid", L2, "ApplicationComponent", "Nền tảng định danh và xác thực điện tử (VNeID)",
  "Electronic identification and authentication platform (VNeID)",
  "Nền tảng định danh và xác thực điện tử quốc gia (VNeID) theo NĐ 59/2022/NĐ-CP và Đề án 06.",
  "National electronic identification and authentication platform (VNeID), Decree 59/2022 and Project 06.",
  [R3a, R3b, ND59, R13_CD3P2], scope="quốc gia", owner="Bộ Công an", alt="ApplicationService",
  version="3.0 (QĐ 2568/QĐ-BTTTT)")
C("l2_ndop", L2, "ApplicationComponent", "Nền tảng chia sẻ, điều phối dữ liệu (NDOP)",
  "National data sharing and orchestration platform (NDOP)",
  "Nền tảng của Trung tâm Dữ liệu quốc gia; mọi kết nối, chia sẻ dữ liệu bắt buộc đi qua NDOP (NĐ 278/2025/NĐ-CP).",
  "Platform of the National Data Centre; all mandatory data connection and sharing goes through it (Decree 278/2025).",
  [R4, R15a, R15b, ND278, QD1729, R13_CD3P2], scope="quốc gia",
  owner="Bộ Công an (Trung tâm Dữ liệu quốc gia)", version="3.0 (QĐ 1729/QĐ-BTTTT ngày 09/10/2024)",
  note="Name as in NĐ 278/2025 (research §3.3).")
C("l2_ndxp", L2, "ApplicationComponent", "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP)",
  "National data integration and exchange platform (NDXP)",
  "Nền tảng tích hợp, chia sẻ dữ liệu quốc gia; hiện thực của NGSP (TT 13/2017/TT-BTTTT).",
  "National integration and data-exchange platform; the implementation of the NGSP (Circular 13/2017).",
  [S18, S16, R22a], scope="quốc gia", owner="Bộ Khoa học và Công nghệ (Cục Chuyển đổi số quốc gia)",
  note="Formerly Bộ TT&TT, merged into Bộ KH&CN from 1/3/2025 (NQ 176/2025/QH15, R22, H); that the NDXP "
       "went with it is M (S18, R29).")
C("l2_csdl_tong_hop_qg", L2, "DataObject", "Cơ sở dữ liệu tổng hợp quốc gia", "National aggregated database",
  "CSDL tổng hợp quốc gia tại Trung tâm Dữ liệu quốc gia: danh mục, dữ liệu chủ, tổng hợp, phân tích, mở.",
  "National aggregated database at the National Data Centre: code lists, master, aggregated, analytical, open data.",
  [R15b, R15c, R13_CD3P4, LUAT_DL], scope="quốc gia", owner="Bộ Công an", alt="ApplicationComponent",
  version="3.0 (kho dữ liệu tổng hợp, NQ 175/NQ-CP)",
  note="NĐ 278/2025: master and shared data of ministry and provincial databases sync with it (R15, H).")
C("l2_csdlqg_dan_cu", L2, "DataObject", "Cơ sở dữ liệu quốc gia về dân cư", "National Population Database",
  "Cơ sở dữ liệu quốc gia về dân cư, do Bộ Công an chủ quản.", "National population database, owned by the Ministry of Public Security.",
  [S19, R13_CD3P4], scope="quốc gia", owner="Bộ Công an", alt="ApplicationComponent")
C("l2_csdlqg_dat_dai", L2, "DataObject", "Cơ sở dữ liệu quốc gia về đất đai", "National Land Database",
  "Cơ sở dữ liệu quốc gia về đất đai, do Bộ Nông nghiệp và Môi trường chủ quản (từ 01/3/2025).",
  "National land database, owned by the Ministry of Agriculture and Environment (from 1 March 2025).",
  [S19, R13_CD3P4, R22a, NQ176], scope="quốc gia", owner="Bộ Nông nghiệp và Môi trường", alt="ApplicationComponent",
  note="Bộ Tài nguyên và Môi trường until 28/2/2025 (QĐ 714/QĐ-TTg); merged with Bộ NN&PTNT into Bộ NN&MT (R22, H).")
C("l2_csdlqg_dkdn", L2, "DataObject", "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp",
  "National Business Registration Database",
  "Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp.", "National business registration database.",
  [S19, R13_CD3P4, R22a], scope="quốc gia", owner="Bộ Tài chính", alt="ApplicationComponent", inferred=True,
  note="The pre-2025 owner (Bộ KH&ĐT) was not shown in the source (S19, inferred in 2.0); Bộ KH&ĐT merged "
       "into Bộ Tài chính from 1/3/2025 (R22, H); the database's transfer with it is M.")
C("l2_csdlqg_thong_ke_dan_so", L2, "DataObject", "Cơ sở dữ liệu quốc gia về thống kê tổng hợp về dân số",
  "National Population Statistics Database",
  "Cơ sở dữ liệu quốc gia về thống kê tổng hợp về dân số.", "National population statistics database.",
  [S19, R22a], scope="quốc gia", owner="Bộ Tài chính", alt="ApplicationComponent",
  note="Bộ KH&ĐT per QĐ 714/QĐ-TTg (S19); Bộ Tài chính after 1/3/2025 (merger H, transfer M, R22). "
       "Not in the 2025 list of national databases read (R13).")
C("l2_csdlqg_tai_chinh", L2, "DataObject", "Cơ sở dữ liệu quốc gia về tài chính", "National Finance Database",
  "Cơ sở dữ liệu quốc gia về tài chính, do Bộ Tài chính chủ quản.", "National finance database, owned by the Ministry of Finance.",
  [S19, R13_CD3P4], scope="quốc gia", owner="Bộ Tài chính", alt="ApplicationComponent")
C("l2_csdlqg_bao_hiem", L2, "DataObject", "Cơ sở dữ liệu quốc gia về bảo hiểm", "National Insurance Database",
  "Cơ sở dữ liệu quốc gia về bảo hiểm, do Bảo hiểm Xã hội Việt Nam chủ quản.",
  "National insurance database, owned by Vietnam Social Security.", [S19, R13_CD3P4], scope="quốc gia",
  owner="Bảo hiểm Xã hội Việt Nam", alt="ApplicationComponent",
  note="Owner as in QĐ 714/QĐ-TTg; any 2025 change in the governing body of Bảo hiểm Xã hội Việt Nam was not researched.")
C("l2_csdl_ho_tich", L2, "DataObject", "Cơ sở dữ liệu hộ tịch điện tử toàn quốc",
  "National Electronic Civil Status Database", "Cơ sở dữ liệu hộ tịch điện tử toàn quốc.",
  "Nationwide electronic civil-status database.", [S20], scope="quốc gia", owner="Bộ Tư pháp",
  alt="ApplicationComponent", inferred=True,
  note="Existence sourced (NQ 17/NQ-CP, S20); the owner is not stated in any source read (inferred in 2.0 too).")
C("l2_csdlqg_tthc", L2, "DataObject", "Cơ sở dữ liệu quốc gia về thủ tục hành chính",
  "National Administrative Procedures Database", "Cơ sở dữ liệu quốc gia về thủ tục hành chính.",
  "National database of administrative procedures.", [R13_CD3P4], scope="quốc gia", alt="ApplicationComponent",
  note="Listed as a national database in R13 (M). " + NO_OWNER)
C("l2_csdlqg_cbccvc", L2, "DataObject", "Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức",
  "National Civil Servant Database", "Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức.",
  "National database of civil servants and public employees.", [R13_CD3P4], scope="quốc gia",
  alt="ApplicationComponent", note="Listed as a national database in R13 (M). " + NO_OWNER)
C("l2_csdlqg_hoat_dong_xay_dung", L2, "DataObject", "Cơ sở dữ liệu quốc gia về hoạt động xây dựng",
  "National Construction Activities Database", "Cơ sở dữ liệu quốc gia về hoạt động xây dựng.",
  "National database of construction activities.", [R13_CD3P4], scope="quốc gia", alt="ApplicationComponent",
  note="New in the 2025 lists (R13, M). " + NO_OWNER)
C("l2_csdlqg_xuat_nhap_canh", L2, "DataObject", "Cơ sở dữ liệu quốc gia về xuất nhập cảnh",
  "National Immigration Database", "Cơ sở dữ liệu quốc gia về xuất nhập cảnh.",
  "National database of entries and exits.", [R13_CD3P4], scope="quốc gia", alt="ApplicationComponent",
  note="New in the 2025 lists (R13, M). " + NO_OWNER)
C("l2_csdlqg_vbpl", L2, "DataObject", "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "National Legal Documents Database",
  "Cơ sở dữ liệu quốc gia về văn bản pháp luật.", "National database of legal documents.",
  src20("d_csdlqg_vbpl"), scope="quốc gia", alt="ApplicationComponent", inferred=True,
  note="Inferred in 2.0 already; not in the 2025 list of national databases read (R13).")
C("l2_csdl_dung_chung", L2, "DataObject", "Cơ sở dữ liệu dùng chung (kho dữ liệu dùng chung) của bộ, tỉnh",
  "Shared database (shared data warehouse) of a ministry or province",
  "CSDL dùng chung của bộ, tỉnh; có thể gồm đủ 8 lớp dữ liệu để đồng bộ lên CSDL tổng hợp quốc gia.",
  "Shared database of a ministry or province; may hold all 8 data layers to sync with the national aggregated database.",
  [R13_CD3P4, R14, R13_CD1P5], scope="bộ/tỉnh", alt="ApplicationComponent")
C("l2_csdl_chuyen_nganh", L2, "DataObject", "Cơ sở dữ liệu chuyên ngành", "Sector-specific databases",
  "CSDL chuyên ngành: hệ thống vệ tinh cung cấp dữ liệu gốc cho các kho tổng hợp qua NDOP/LDOP.",
  "Sector databases: satellite systems supplying source data to the aggregated stores through NDOP/LDOP.",
  [R13_CD3P2, R13_CD1P5], scope="bộ/tỉnh", alt="ApplicationComponent")
C("l2_danh_muc_dung_chung", L2, "DataObject", "Danh mục dùng chung (kho dữ liệu danh mục dùng chung)",
  "Shared code lists (shared reference-data store)",
  "Danh mục dùng chung: mã đơn vị, địa giới hành chính…; kho danh mục dùng chung quốc gia thuộc CSDL tổng hợp.",
  "Shared code lists (unit codes, administrative boundaries…); the national store belongs to the aggregated database.",
  [R14, R13_CD3P4], scope="quốc gia/bộ/tỉnh", alt="ApplicationComponent")
C("l2_tu_dien_du_lieu", L2, "ApplicationComponent", "Hệ thống Từ điển dữ liệu dùng chung quốc gia",
  "National shared data dictionary system",
  "Từ điển dữ liệu dùng chung (phiên bản 1.0 ban hành kèm QĐ 2439/QĐ-TTg) và hệ thống quản lý nó.",
  "The shared data dictionary (version 1.0 issued with Decision 2439) and the system that keeps it.",
  [R14, R13_CD3P2, R11, QD2439], scope="quốc gia", note=NO_OWNER)
C("l2_quan_tri_du_lieu_qg", L2, "ApplicationComponent", "Hệ thống quản trị dữ liệu quốc gia",
  "National data governance system", "Hệ thống thông tin quốc gia phục vụ quản trị dữ liệu.",
  "National information system for data governance.", [R13_CD3P2], scope="quốc gia", note=NO_OWNER)
C("l2_cong_du_lieu_qg", L2, "ApplicationComponent", "Cổng dữ liệu quốc gia (data.gov.vn)",
  "National Data Portal (data.gov.vn)", "Cổng dữ liệu quốc gia: công bố, chia sẻ dữ liệu mở.",
  "National data portal publishing and sharing open data.", [R13_CD3P2], scope="quốc gia",
  note="Research confidence M (R13). " + NO_OWNER)
C("l2_san_du_lieu", L2, "ApplicationComponent", "Sàn dữ liệu (thuộc Trung tâm Dữ liệu quốc gia)",
  "Data exchange (of the National Data Centre)", "Sàn dữ liệu thuộc Trung tâm Dữ liệu quốc gia.",
  "Data exchange run by the National Data Centre.", [R13_CD3P2], scope="quốc gia",
  owner="Bộ Công an (Trung tâm Dữ liệu quốc gia)",
  note="Owner follows from 'thuộc TTDLQG' (R13) and the National Data Centre's owner (R15, R26).")
C("l2_thanh_toan", L2, "ApplicationService", "Nền tảng thanh toán trực tuyến", "Online payment platform",
  "Thanh toán trực tuyến phí, lệ phí, nghĩa vụ tài chính khi thực hiện thủ tục hành chính.",
  "Online payment of fees and financial obligations in administrative procedures.",
  src20("i_thanh_toan") + [R29], scope="quốc gia", inferred=True,
  note="Payment data sync to Cổng DVCQG is sourced (S23); a separate payment block is inferred (2.0) and "
       "listed in provincial layer 2 only by R29 (L).")
C("l2_chu_ky_so", L2, "TechnologyService", "Hệ thống chứng thực chữ ký số chuyên dùng Chính phủ",
  "Government-specialised digital-signature certification", "Chứng thực chữ ký số chuyên dùng Chính phủ cho văn bản, hồ sơ điện tử.",
  "Government digital-signature certification for electronic documents and dossiers.", src20("i_chu_ky_so"),
  scope="quốc gia", inferred=True,
  note="Inferred in 2.0 already (framework-notes (d) suggests Ban Cơ yếu Chính phủ, unconfirmed; no owner set).")
C("l2_sso_tinh", L2, "ApplicationComponent", "Hệ thống xác thực tập trung (SSO) của bộ, tỉnh",
  "Ministry/provincial single sign-on", "Đăng nhập một lần cho các hệ thống của bộ, tỉnh, liên kết với VNeID.",
  "Single sign-on for a ministry's or province's systems, federated with VNeID.", [R3a, R29], scope="bộ/tỉnh",
  inferred=True,
  note="Research §6(a)3 separates VNeID (national) from the provincial SSO; the SSO block itself is a typical "
       "provincial item (framework-notes, inferred) and appears in 2026 tools (R29, L). Must not issue "
       "identities of its own (rule FW26-NO-DUPLICATE).")
C("l2_gis", L2, "ApplicationComponent", "Nền tảng bản đồ số, GIS dùng chung", "Shared GIS / digital map platform",
  "Nền tảng bản đồ số, hệ thống thông tin địa lý dùng chung của bộ, tỉnh.",
  "Shared GIS and digital map platform of a ministry or province.", [R29], scope="bộ/tỉnh", inferred=True,
  note="Listed in provincial layer 2 only by 2026 tools (R29, L).")
C("l2_ldop_tinh", L2, "ApplicationComponent", "Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP/LDOP)",
  "Provincial integration and data orchestration platform (LGSP/LDOP)",
  "Trung gian kết nối HTTT trong tỉnh với bên ngoài; kết nối NDOP (chia sẻ bắt buộc) và NDXP.",
  "Intermediary between the province's systems and the outside; linked to NDOP (mandatory sharing) and NDXP.",
  [S16, R13_CD3P2, R13_CD3P5, TT13], scope="tỉnh",
  note="LGSP defined by TT 13/2017 (S16, H); 'LDOP' as the local orchestration platform beside or instead of "
       "LGSP comes from the QĐ 2439 course material (R13, M).")
C("l2_lgsp_bo", L2, "ApplicationComponent", "Nền tảng tích hợp, chia sẻ dữ liệu cấp bộ (LGSP/LDOP)",
  "Ministry-level integration and data orchestration platform (LGSP/LDOP)",
  "Nền tảng tích hợp, chia sẻ dữ liệu của bộ, ngành; kết nối NDOP và NDXP.",
  "A ministry's integration and data-sharing platform, linked to NDOP and NDXP.",
  [S16, S17, R13_CD3P2, TT13], scope="bộ", note="LDOP naming as for l2_ldop_tinh (R13, M).")

# --- layer 1: shared digital infrastructure and cybersecurity
C("l1_tslcd", L1, "CommunicationNetwork", "Mạng truyền số liệu chuyên dùng của các cơ quan Đảng, Nhà nước",
  "Specialised data network of Party and State agencies",
  "Mạng TSLCD cấp I, cấp II: hạ tầng truyền dẫn bảo đảm bí mật, liên thông cho hệ thống chính trị.",
  "The specialised data network (levels I and II): secure transmission backbone of the political system.",
  src20("h_tslcd") + [R13_CD3P2, R13_CD1P5], note=NO_OWNER)
C("l1_internet", L1, "CommunicationNetwork", "Mạng Internet", "Internet",
  "Mạng Internet để người dân, doanh nghiệp truy cập dịch vụ số.", "The Internet, through which citizens and businesses reach digital services.",
  [R13_CD3P2])
C("l1_ttdlqg", L1, "Node", "Trung tâm Dữ liệu quốc gia", "National Data Centre",
  "Trung tâm Dữ liệu quốc gia (Hòa Lạc; Trung tâm dữ liệu quốc gia số 01 khai trương 8/2025).",
  "National Data Centre (Hòa Lạc; National Data Centre No. 1 opened in August 2025).",
  [R3a, R15c, R27b, R13_CD3P2, NQ175], scope="quốc gia", owner="Bộ Công an", alt="Facility",
  version="3.0 (NQ 175/NQ-CP 2023)")
C("l1_cloud_cp", L1, "Node", "Hạ tầng điện toán đám mây Chính phủ", "Government cloud infrastructure",
  "Hạ tầng điện toán đám mây Chính phủ thuộc lớp hạ tầng số dùng chung.",
  "Government cloud infrastructure, part of the shared digital infrastructure layer.",
  [R13_CD1P5], scope="quốc gia", note="Research confidence M (R13). " + NO_OWNER)
C("l1_ttdl_bo_tinh", L1, "Node", "Trung tâm dữ liệu cấp bộ, cấp tỉnh", "Ministerial/provincial data centre",
  "Trung tâm dữ liệu (đám mây) của bộ, tỉnh; từng bước chuyển lên hạ tầng đám mây quốc gia.",
  "A ministry's or province's data centre (cloud), moving step by step to the national cloud.",
  [R13_CD3P2], scope="bộ/tỉnh", alt="Facility",
  note="'Các trung tâm dữ liệu bộ, ngành … địa phương' (R13, M); migration to the national cloud from research §1.5.")
C("l1_lan_wan", L1, "CommunicationNetwork", "Mạng nội bộ (LAN/WAN) của cơ quan", "Agency LAN/WAN",
  "Mạng nội bộ (LAN/WAN) của cơ quan nhà nước.", "Internal networks of state agencies.", src20("h_lan_wan"),
  inferred=True, note="Inferred in 2.0 already.")
C("l1_thiet_bi_dau_cuoi", L1, "Device", "Máy trạm, thiết bị đầu cuối", "Workstations and end-user devices",
  "Máy trạm, thiết bị đầu cuối của cán bộ, công chức.", "Workstations and devices of civil servants.",
  src20("h_thiet_bi_dau_cuoi"), inferred=True, note="Inferred in 2.0 already.")
C("l1_camera_iot", L1, "Device", "Hạ tầng camera, thiết bị IoT", "Camera and IoT infrastructure",
  "Camera giám sát, thiết bị IoT cung cấp dữ liệu cho IOC và các hệ thống chuyên ngành.",
  "Surveillance cameras and IoT devices feeding the IOC and sector systems.", [R29, R13_CD3P2],
  scope="bộ/tỉnh", inferred=True,
  note="Listed in provincial layer 1 only by 2026 tools (R29, L); R13 mentions IoT among channels.")
C("l1_mo_hinh_4_lop", L1, "Principle", "Mô hình bảo đảm an toàn thông tin 4 lớp", "Four-layer information-security model",
  "Mô hình 4 lớp: lực lượng tại chỗ; giám sát, bảo vệ chuyên nghiệp; kiểm tra độc lập; kết nối giám sát quốc gia.",
  "Four layers: on-site force; professional monitoring; independent assessment; link to national monitoring.",
  [S22a, S22b, CV1552])
C("l1_luc_luong_tai_cho", L1, "BusinessRole", "Lớp 1: Lực lượng tại chỗ", "Layer 1: on-site security force",
  "Lực lượng tại chỗ bảo đảm an toàn thông tin, an ninh mạng của cơ quan.", "The agency's own security staff.",
  [S22a])
C("l1_soc", L1, "ApplicationComponent", "Trung tâm giám sát an toàn, an ninh mạng (SOC) của bộ, tỉnh",
  "Ministry/provincial security operations centre (SOC)",
  "Lớp 2 của mô hình 4 lớp: giám sát, bảo vệ chuyên nghiệp; kết nối hệ thống giám sát quốc gia.",
  "Layer 2 of the 4-layer model: professional monitoring and protection, linked to national monitoring.",
  [S22a, S22b, R29], scope="bộ/tỉnh",
  note="The layer is sourced (S22, H); modelling it as an SOC system is inferred, as in 2.0; 'SOC tỉnh' "
       "appears in 2026 tools (R29).")
C("l1_kiem_tra_doc_lap", L1, "BusinessService", "Lớp 3: Kiểm tra, đánh giá độc lập định kỳ",
  "Layer 3: independent periodic assessment", "Tổ chức độc lập kiểm tra, đánh giá an toàn định kỳ.",
  "Independent organisations assess security periodically.", [S22a])
C("l1_giam_sat_quoc_gia", L1, "ApplicationComponent", "Lớp 4: Hệ thống giám sát an toàn không gian mạng quốc gia",
  "Layer 4: national cyberspace monitoring system", "Hệ thống giám sát quốc gia mà bộ, tỉnh kết nối, chia sẻ thông tin.",
  "National monitoring system to which ministries and provinces connect and report.", [S22a, S22b],
  scope="quốc gia", note="Owner after the 2025 reorganisation not researched; left empty.")
C("l1_soc_ttdlqg", L1, "ApplicationComponent", "Hệ thống giám sát an toàn, an ninh mạng (SOC) của Trung tâm Dữ liệu quốc gia",
  "Security operations centre of the National Data Centre", "SOC của Trung tâm Dữ liệu quốc gia.",
  "The National Data Centre's security operations centre.", [R13_CD3P2], scope="quốc gia",
  owner="Bộ Công an (Trung tâm Dữ liệu quốc gia)", note="Owner follows from the National Data Centre's (R15, R26).")
C("l1_attt_cap_do", L1, "Requirement", "Bảo đảm an toàn hệ thống thông tin theo cấp độ",
  "Level-based information-system security",
  "Bảo đảm an toàn HTTT theo cấp độ 1–5 (NĐ 85/2016/NĐ-CP, TCVN 11930:2017).",
  "Information-system security by level 1–5 (Decree 85/2016, TCVN 11930:2017).", src20("s_attt_cap_do"),
  alt="Constraint",
  note="Luật An ninh mạng 116/2025/QH15 (from 1/7/2026) may replace this basis (R31, L); not changed yet.")

# --- cross-cutting: governance, institutions, standards
C("g_bcd_tw", GOV, "BusinessActor",
  "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
  "Central Steering Committee on science, technology, innovation and digital transformation",
  "Ban hành Quy định 05-QĐ/BCĐTW (27/8/2025), căn cứ của Khung kiến trúc tổng thể quốc gia số.",
  "Issued Regulation 05-QĐ/BCĐTW (27 Aug 2025), a basis of the national digital architecture framework.",
  [R6, R13_CD1P5, R11], scope="quốc gia")
C("g_bcd_cp", GOV, "BusinessActor",
  "Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
  "Government Steering Committee on science, technology, innovation, digital transformation and Project 06",
  "Ban Chỉ đạo của Chính phủ thành lập theo QĐ 598/QĐ-TTg ngày 13/3/2025.",
  "Government steering committee set up by Decision 598/QĐ-TTg of 13 March 2025.", [R27a, QD598], scope="quốc gia")
C("g_bkhcn", GOV, "BusinessActor", "Bộ Khoa học và Công nghệ (Cục Chuyển đổi số quốc gia)",
  "Ministry of Science and Technology (National Digital Transformation Agency)",
  "Bộ KH&CN (nhận chức năng của Bộ TT&TT từ 01/3/2025) ban hành Khung KTTTQGS theo đề nghị của Cục CĐSQG.",
  "The ministry (which took over the former MIC from 1 March 2025) issues the framework, proposed by its digital transformation agency.",
  [R1, R22a, R6, NQ176], scope="quốc gia")
C("g_bcd_tinh", GOV, "BusinessActor", "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh",
  "Provincial steering committee on science, technology, innovation and digital transformation",
  "Ban Chỉ đạo cấp tỉnh do Bí thư Tỉnh ủy làm Trưởng ban.",
  "Provincial steering committee headed by the provincial Party Secretary.", [R26a], scope="tỉnh",
  note="Provincial name from Gia Lai (R26, M); ministry-level steering bodies were not researched.")
C("g_so_khcn", GOV, "BusinessActor", "Sở Khoa học và Công nghệ", "Provincial Department of Science and Technology",
  "Sở KH&CN (hợp nhất với Sở TT&TT, hoạt động từ 01/3/2025) chủ trì xây dựng Khung kiến trúc số tỉnh.",
  "The department (merged with the former Department of Information and Communications from 1 March 2025) prepares the provincial framework.",
  [R23, R18], scope="tỉnh")
C("g_chu_tich_ubnd_tinh", GOV, "BusinessRole", "Chủ tịch Ủy ban nhân dân tỉnh", "Chair of the provincial People's Committee",
  "Phê duyệt Khung kiến trúc số tỉnh (ví dụ QĐ 3388/QĐ-UBND tỉnh Gia Lai, QĐ 2352/QĐ-UBND Hưng Yên).",
  "Approves the provincial digital architecture framework (e.g. Gia Lai 3388, Hưng Yên 2352).",
  [R18, R19], scope="tỉnh", alt="BusinessActor")
C("g_kttqgs", GOV, "Principle", "Khung kiến trúc tổng thể quốc gia số (QĐ 3090/QĐ-BKHCN)",
  "National digital overall architecture framework (Decision 3090/QĐ-BKHCN)",
  "Khung KTTTQGS: 4 lớp, 7 nguyên tắc cốt lõi, thành phần dùng chung theo cấp; áp dụng thay Khung 4.0.",
  "The national framework: 4 layers, 7 core principles, shared components by level; applied in place of 4.0.",
  [R6, R7, R8, R11, QD3090], scope="quốc gia",
  note="'In place of 4.0' is M (R11). A report of QĐ 1425/QĐ-TTg (29/7/2026) issuing version 1.0 by the "
       "Prime Minister is L and must be verified (R29, R30).")
C("g_khung_kien_truc_du_lieu", GOV, "Principle",
  "Khung kiến trúc dữ liệu quốc gia; Khung quản trị, quản lý dữ liệu quốc gia; Từ điển dữ liệu dùng chung",
  "National data architecture framework; data governance framework; shared data dictionary",
  "QĐ 2439/QĐ-TTg (04/11/2025): lớp dữ liệu, khối chức năng, miền dữ liệu cơ bản, NDOP/LDOP.",
  "Decision 2439/QĐ-TTg (4 Nov 2025): data layers, functional blocks, basic domains, NDOP/LDOP.",
  [R14, R13_CD1P5, QD2439], scope="quốc gia")
C("g_khung_kts_bo_tinh", GOV, "Principle", "Khung kiến trúc số cấp bộ, cấp tỉnh", "Ministry/provincial digital architecture framework",
  "Cá thể hóa Khung KTTTQGS cho bộ, tỉnh theo đề cương CV 2943/CĐSQG-CNCPS; ví dụ QĐ 3388/QĐ-UBND Gia Lai.",
  "The national framework individualised for a ministry or province (outline CV 2943); e.g. Gia Lai 3388.",
  [R20, R18, R19, R11, CV2943], scope="bộ/tỉnh")
C("g_quan_tri_ket_qua", GOV, "Principle", "Nguyên tắc quản trị dựa trên kết quả", "Results-based governance principle",
  "Nguyên tắc thứ nhất trong 7 nguyên tắc cốt lõi của Khung KTTTQGS.",
  "The first of the framework's seven core principles.", [R8, R9],
  note="Only the first of the seven principles is named in the sources read.")
C("g_tw_da_lam", GOV, "Principle", "Nguyên tắc “Trung ương đã làm thì địa phương không làm lại”",
  "Principle: what the centre has built, localities do not rebuild",
  "Địa phương dùng nền tảng, hệ thống dùng chung của Trung ương, không đầu tư trùng lặp.",
  "Localities use the centre's shared platforms and systems instead of duplicating them.", [R10, R13_CD1P5],
  note="Stated by the Deputy Minister of Science and Technology (R10); R13 lists 'ngăn ngừa trùng lặp' "
       "among the framework's aims.")
C("g_nd_278", GOV, "Constraint", "Kết nối, chia sẻ dữ liệu bắt buộc qua NDOP (NĐ 278/2025/NĐ-CP)",
  "Mandatory data connection and sharing through NDOP (Decree 278/2025)",
  "Chia sẻ bắt buộc qua NDOP; dữ liệu chủ, dùng chung đồng bộ với CSDL tổng hợp quốc gia; hạn 31/12/2026.",
  "Mandatory sharing via NDOP; master and shared data synced with the national aggregated database; deadline 31 Dec 2026.",
  [R15a, R15b, R15c, ND278], note="Repeals NĐ 47/2020/NĐ-CP (R15, H).")
C("g_luat_cds", GOV, "Constraint", "Luật Chuyển đổi số 148/2025/QH15, Điều 7 (nguyên tắc kiến trúc, thiết kế)",
  "Law on Digital Transformation 148/2025/QH15, Article 7",
  "Từ 01/7/2026: dùng nền tảng số, thành phần dùng chung, điện toán đám mây, an toàn từ khâu thiết kế.",
  "From 1 July 2026: use digital platforms, shared components, cloud, and security by design.",
  [R16a, R16b, LUAT_CDS], alt="Principle")
C("g_nd_45_2026", GOV, "Constraint", "Tuân thủ khung kiến trúc trong đầu tư ứng dụng CNTT (NĐ 45/2026/NĐ-CP)",
  "IT investment must comply with the architecture framework (Decree 45/2026)",
  "Dự án dùng vốn nhà nước phải tuân thủ Khung KTTTQGS hoặc Khung kiến trúc số của bộ, tỉnh còn hiệu lực.",
  "State-funded IT projects must comply with the national framework or a current ministry/provincial framework.",
  [R17, ND45], note="The compliance rule is H (R17); article details are L (R35). Replaces NĐ 73/2019.")
C("g_danh_muc_nen_tang", GOV, "Constraint", "Danh mục nền tảng số dùng chung quốc gia (QĐ 1132/QĐ-TTg)",
  "List of national shared digital platforms (Decision 1132/QĐ-TTg)",
  "79 nền tảng số dùng chung quốc gia (17 nhóm A, 62 nhóm B); không đầu tư, mua sắm trùng lặp khi đã vận hành.",
  "79 national shared platforms (17 group A, 62 group B); no duplicate investment once they run.",
  [R30], inferred=True, note="Dated 24/6/2026; known only from a secondary 2026 report (R30, L): verify before use.")
C("g_van_ban_phap_ly", GOV, "Constraint", "Cơ chế, chính sách, văn bản quy phạm pháp luật về chuyển đổi số",
  "Digital-transformation policies and legal framework",
  "Cơ chế, chính sách, văn bản quy phạm pháp luật về chuyển đổi số, dữ liệu, giao dịch điện tử.",
  "Policies and laws on digital transformation, data and electronic transactions.", src20("g_van_ban_phap_ly") + [R16a])
C("g_tieu_chuan", GOV, "Constraint", "Danh mục tiêu chuẩn kỹ thuật về ứng dụng CNTT trong cơ quan nhà nước (TT 39/2017/TT-BTTTT)",
  "Catalogue of IT technical standards for state agencies (Circular 39/2017)",
  "Danh mục tiêu chuẩn kỹ thuật về ứng dụng CNTT trong cơ quan nhà nước (TT 39/2017/TT-BTTTT).",
  "Technical standards for IT in state agencies (Circular 39/2017/TT-BTTTT).", src20("g_tieu_chuan"), alt="Principle",
  note="Its status after the 2025 reorganisation was not verified.")

# --- external
C("e_he_thong_ngoai", EXT, "ApplicationComponent", "Hệ thống thông tin ngoài cơ quan nhà nước",
  "Information systems outside state agencies",
  "Hệ thống thông tin của tổ chức, doanh nghiệp ngoài cơ quan nhà nước.",
  "Information systems of organisations and businesses outside the state.", src20("e_he_thong_ngoai") + [R13_CD3P2])
C("e_ngan_hang", EXT, "BusinessActor", "Ngân hàng, trung gian thanh toán", "Banks and payment intermediaries",
  "Ngân hàng, trung gian thanh toán phục vụ thanh toán trực tuyến.", "Banks and payment intermediaries for online payment.",
  src20("e_ngan_hang"), inferred=True, note="Inferred in 2.0 already.")
C("e_buu_chinh", EXT, "BusinessActor", "Doanh nghiệp bưu chính công ích", "Public postal operator",
  "Doanh nghiệp cung cấp dịch vụ bưu chính công ích (nhận, trả hồ sơ).", "Operator of the public postal service.",
  src20("e_buu_chinh"), inferred=True, note="Inferred in 2.0 already.")
C("e_vien_thong", EXT, "BusinessActor", "Doanh nghiệp viễn thông, dịch vụ CNTT", "Telecom and IT service providers",
  "Doanh nghiệp viễn thông, dịch vụ CNTT cung cấp hạ tầng và dịch vụ thuê ngoài.",
  "Telecom and IT firms providing infrastructure and outsourced services.", src20("e_vien_thong"), inferred=True,
  note="Inferred in 2.0 already.")
C("e_ttdl_doanh_nghiep", EXT, "Node", "Trung tâm dữ liệu, đám mây của doanh nghiệp", "Enterprise data centres and clouds",
  "Trung tâm dữ liệu, đám mây riêng hoặc công cộng của doanh nghiệp.", "Private or public clouds and data centres of enterprises.",
  [R13_CD3P2])

# --- QĐ 2439: data layers
C("dl_root", KDL, "Grouping", "Các lớp dữ liệu", "Data layers",
  "Tám lớp dữ liệu của Khung kiến trúc dữ liệu quốc gia (QĐ 2439/QĐ-TTg).",
  "The eight data layers of the national data architecture framework.", [R14, R13_CD3P4, QD2439], rm="KTDL")
for cid, vi, en, dvi, den in [
    ("dl_goc", "Dữ liệu gốc", "Source data", "Dữ liệu tạo lập tại nguồn, trong CSDL của cơ quan có thẩm quyền.",
     "Data as created at its source, in the competent agency's database."),
    ("dl_dac_ta", "Dữ liệu đặc tả", "Metadata", "Dữ liệu mô tả dữ liệu (siêu dữ liệu).", "Data describing data."),
    ("dl_chu", "Dữ liệu chủ", "Master data", "Dữ liệu chủ dùng chung về các đối tượng cốt lõi.",
     "Shared master data about the core entities."),
    ("dl_danh_muc", "Dữ liệu danh mục", "Reference (code-list) data", "Danh mục, bảng mã dùng chung.",
     "Shared code lists and reference tables."),
    ("dl_giao_dich", "Dữ liệu giao dịch", "Transaction data", "Dữ liệu phát sinh từ giao dịch, nghiệp vụ.",
     "Data produced by transactions and business operations."),
    ("dl_tong_hop", "Dữ liệu tổng hợp", "Aggregated data", "Dữ liệu tổng hợp từ nhiều nguồn.",
     "Data aggregated from several sources."),
    ("dl_phan_tich", "Dữ liệu phân tích", "Analytical data", "Dữ liệu phục vụ phân tích, dự báo, ra quyết định.",
     "Data prepared for analysis, forecasting and decisions."),
    ("dl_mo", "Dữ liệu mở", "Open data", "Dữ liệu công bố cho tổ chức, cá nhân tự do khai thác.",
     "Data published for anyone to use."),
]:
    C(cid, KDL, "DataObject", vi, en, dvi, den, [R14, R13_CD3P4], parent="dl_root", rm="KTDL",
      note="The layer name is sourced (QĐ 2439, H); the one-line description is a plain reading of the name.")

C("kc_root", KKC, "Grouping", "Các khối dữ liệu chức năng", "Functional data blocks",
  "Sáu khối dữ liệu chức năng của Khung kiến trúc dữ liệu quốc gia (QĐ 2439/QĐ-TTg).",
  "The six functional data blocks of the national data architecture framework.", [R14, QD2439], rm="KTDL")
for cid, vi, en in [
    ("kc_nguoi_dan_dn", "Phục vụ người dân, doanh nghiệp", "Serving citizens and businesses"),
    ("kc_chuyen_nganh", "Quản lý nghiệp vụ chuyên ngành", "Sector business management"),
    ("kc_chi_dao_dieu_hanh", "Chỉ đạo điều hành và chính sách", "Direction and policy"),
    ("kc_nguon_luc_noi_bo", "Quản trị nguồn lực nội bộ", "Internal resource management"),
    ("kc_an_ninh_quoc_phong", "An ninh quốc phòng, trật tự an toàn xã hội", "Defence, security and public order"),
    ("kc_the_che", "Thể chế", "Institutions"),
]:
    C(cid, KKC, "Grouping", vi, en, f"Khối dữ liệu chức năng: {vi[0].lower() + vi[1:]}.",
      f"Functional data block: {en[0].lower() + en[1:]}.", [R14, QD2439], parent="kc_root", rm="KTDL")

C("md_root", KMD, "Grouping", "Các miền dữ liệu cơ bản", "Basic data domains",
  "Sáu miền (CSDL) cơ bản ưu tiên xây dựng tại Trung tâm Dữ liệu quốc gia, thuộc CSDL tổng hợp quốc gia.",
  "Six basic domains (databases) built at the National Data Centre, part of the national aggregated database.",
  [R13_CD3P3, R13_CD3P4], rm="KTDL")
for cid, vi, en, dvi, den in [
    ("md_con_nguoi", "Dữ liệu về con người", "Person data", "Dân cư, hộ gia đình, an sinh, y tế, giáo dục, thuế – thu nhập, pháp luật.",
     "Population, household, social security, health, education, tax and income, legal records."),
    ("md_phap_nhan", "Dữ liệu về pháp nhân", "Legal-entity data", "Thông tin pháp lý, định danh tổ chức, tài chính, thuế, KH&CN, lao động của pháp nhân.",
     "Legal, identification, financial, tax, R&D and labour data of legal entities."),
    ("md_tai_san", "Dữ liệu về tài sản", "Asset data", "Bất động sản, động sản, tài sản vô hình và tài sản khác.",
     "Real estate, movable, intangible and other assets."),
    ("md_dia_chinh", "Dữ liệu về địa chính", "Cadastral data", "Thửa đất: dữ liệu thuộc tính, không gian, tiềm năng.",
     "Land parcels: attribute, spatial and potential data."),
    ("md_dia_chi", "Dữ liệu về địa chỉ", "Address data", "Mã địa chỉ số, địa chỉ hành chính, địa chỉ chi tiết, tọa độ.",
     "Digital address codes, administrative and detailed addresses, coordinates."),
    ("md_nen_dia_ly", "Dữ liệu nền địa lý", "Geographic base data", "Dân cư và công trình, biên giới và địa giới, thủy văn, giao thông.",
     "Settlements and structures, borders and boundaries, hydrography, transport."),
]:
    C(cid, KMD, "DataObject", vi, en, dvi, den, [R13_CD3P3, R13_CD3P4], scope="quốc gia", parent="md_root",
      rm="KTDL", note="Each domain is managed by the competent sector agency (R13, M); agencies not named.")


# ----------------------------------------------------------------------- relationships
RELS: list[dict] = []


def R(source, rtype, target, sources=(), inferred=True, note=None):
    r = {"source": source, "type": rtype, "target": target, "sources": list(sources), "inferred": inferred}
    if note:
        r["note"] = note
    RELS.append(r)


# users ← channels
for ch in ("l4_web", "l4_ung_dung_di_dong", "l4_ung_dung_vneid", "l4_kiosk", "l4_tin_nhan_email",
           "l4_tong_dai", "l4_buu_chinh", "l4_ttpvhcc_xa", "l4_zalo"):
    R(ch, "Serving", "nsd_nguoi_dan", [R13_CD3P2], inferred=ch in ("l4_zalo", "l4_ttpvhcc_xa", "l4_ung_dung_vneid"))
for ch in ("l4_web", "l4_ttpvhcc_tinh"):
    R(ch, "Serving", "nsd_doanh_nghiep", [R13_CD3P2], inferred=False)
R("l4_ttpvhcc_tinh", "Serving", "nsd_nguoi_dan", [R13_CD3P2], inferred=False)
R("l4_dashboard", "Serving", "nsd_lanh_dao", [R13_CD1P5], note="Dashboard điều hành (R13).")
R("l4_cong_dvcqg", "Composition", "l4_web", [], note="As in 2.0 (c_cong_dvcqg Composition k_web).")
R("l4_cong_dvcqg", "Serving", "l4_ung_dung_di_dong", [])
R("l4_cong_dvcqg", "Realization", "l4_dvctt", [S28_274])
R("l4_cong_ttdt_tinh", "Aggregation", "l4_trang_ttdt_don_vi", [])
R("l4_cong_ttdt_tinh", "Serving", "l4_web", [])
R("l4_phan_hoi", "Realization", "l4_danh_gia_hai_long", [R13_CD1P5])
R("l4_cong_dvcqg", "Composition", "l3_dieu_phoi_tthc", src20("a_dieu_phoi_tthc"), inferred=False,
  note="'Thành phần của Cổng DVCQG' (S24).")
# identity
R("l2_vneid", "Composition", "l4_ung_dung_vneid", [R3a])
R("l2_vneid", "Serving", "l4_cong_dvcqg", [R13_CD3P2], inferred=False,
  note="R13: the national data systems connect Cổng DVCQG and the VNeID platform.")
R("l2_vneid", "Serving", "l2_sso_tinh", [R3a, R29], note="Provincial SSO federated with VNeID (research §6(a)3).")
R("l2_sso_tinh", "Serving", "l3_httt_gq_tthc", [R29])
# administrative procedures
R("l3_httt_gq_tthc", "Flow", "l4_cong_dvcqg", [S23, TT21], inferred=False,
  note="Đồng bộ hồ sơ, trạng thái, kết quả, đánh giá (QĐ 31/2021/QĐ-TTg Điều 30; TT 21/2023).")
R("l3_httt_gq_tthc", "Serving", "l4_ttpvhcc_tinh", [S24])
R("l3_httt_gq_tthc", "Serving", "l4_ttpvhcc_xa", [R34])
R("l3_httt_gq_tthc", "Serving", "l4_zalo", [R29])
R("l3_httt_gq_tthc", "Serving", "nsd_cbccvc", [])
R("l2_thanh_toan", "Serving", "l4_cong_dvcqg", src20("i_thanh_toan"))
R("e_ngan_hang", "Flow", "l2_thanh_toan", [])
R("e_buu_chinh", "Assignment", "l4_buu_chinh", [])
# data sharing (NĐ 278, QĐ 2439)
R("l3_httt_gq_tthc", "Flow", "l2_ldop_tinh", [S16], note="Internal systems reach the outside through the LGSP/LDOP (TT 13/2017).")
R("l3_chuyen_nganh", "Flow", "l2_ldop_tinh", [S16])
R("l3_chuyen_nganh", "Access", "l2_csdl_chuyen_nganh", [])
R("l2_ldop_tinh", "Access", "l2_csdl_dung_chung", [R13_CD3P4, R13_CD3P5])
R("l2_ldop_tinh", "Access", "l2_danh_muc_dung_chung", [R13_CD3P4])
R("l2_ldop_tinh", "Flow", "l2_ndop", [R15a, R15b, R13_CD3P2], inferred=False,
  note="Mọi chia sẻ dữ liệu bắt buộc qua NDOP (NĐ 278/2025/NĐ-CP).")
R("l2_ldop_tinh", "Flow", "l2_ndxp", [S18], inferred=False, note="LGSP ↔ NDXP (CV 677/BTTTT-THH; S18).")
R("l2_lgsp_bo", "Flow", "l2_ndop", [R15a, R15b], inferred=False)
R("l2_lgsp_bo", "Flow", "l2_ndxp", [S17, S18], inferred=False)
R("l2_ndop", "Access", "l2_csdl_tong_hop_qg", [R15b, R13_CD3P2], inferred=False,
  note="NDOP is the only platform between the national aggregated database and sector databases (R13).")
for db in ("l2_csdlqg_dan_cu", "l2_csdlqg_dat_dai", "l2_csdlqg_dkdn", "l2_csdlqg_tai_chinh", "l2_csdlqg_bao_hiem"):
    R("l2_ndop", "Access", db, [R13_CD3P2, R15b], note="Sharing through NDOP (NĐ 278); per-database links not read.")
for md in ("md_con_nguoi", "md_phap_nhan", "md_tai_san", "md_dia_chinh", "md_dia_chi", "md_nen_dia_ly"):
    R("l2_csdl_tong_hop_qg", "Aggregation", md, [R13_CD3P4], inferred=False,
      note="The six basic databases belong to the CSDL tổng hợp quốc gia (R13).")
R("md_con_nguoi", "Association", "l2_csdlqg_dan_cu", [R13_CD3P3], inferred=False,
  note="'tích hợp với CSDL dân cư quốc gia' (R13).")
R("l1_ttdlqg", "Serving", "l2_ndop", [R4, R15c], inferred=False, note="NDOP is the National Data Centre's platform (QĐ 1729/2024).")
R("l1_ttdlqg", "Association", "l2_csdl_tong_hop_qg", [R13_CD3P3], inferred=False,
  note="The basic domains are built at the National Data Centre (R13).")
R("l1_ttdlqg", "Association", "l2_san_du_lieu", [R13_CD3P2], inferred=False)
R("l1_ttdlqg", "Association", "l1_soc_ttdlqg", [R13_CD3P2], inferred=False)
R("l2_cong_du_lieu_qg", "Access", "dl_mo", [R13_CD3P2], note="The national data portal publishes open data.")
R("e_he_thong_ngoai", "Flow", "l2_ldop_tinh", [S16], note="The LGSP/LDOP mediates links to outside systems (TT 13/2017).")
# documents
R("l3_qlvb_dh", "Flow", "l3_truc_lien_thong_vb", src20("a_qlvb_dh"), inferred=False, note="Gửi văn bản điện tử (QĐ 28/2018/QĐ-TTg).")
R("l3_truc_lien_thong_vb", "Flow", "l3_qlvb_dh", src20("a_qlvb_dh"), inferred=False, note="Nhận văn bản điện tử.")
R("l2_chu_ky_so", "Serving", "l3_qlvb_dh", [])
R("l3_qlvb_dh", "Serving", "nsd_cbccvc", [])
# reporting and direction
R("l3_httt_bao_cao", "Flow", "l3_httt_bao_cao_qg", [S21])
R("l3_httt_bao_cao_qg", "Serving", "l3_ttdh_cp", [S21])
R("l3_ttdh_cp", "Serving", "nsd_lanh_dao", [S21])
R("l3_ioc", "Serving", "l4_dashboard", [R13_CD1P5, R29])
R("l3_ioc", "Flow", "l2_ldop_tinh", [R29])
R("l1_camera_iot", "Serving", "l3_ioc", [R29])
R("l3_tro_ly_ao", "Serving", "nsd_cbccvc", [R29])
R("l3_hntt", "Serving", "nsd_cbccvc", [R28b1])
# infrastructure
for app in ("l3_httt_gq_tthc", "l3_qlvb_dh", "l2_ldop_tinh", "l3_ioc", "l3_httt_bao_cao", "l4_cong_ttdt_tinh"):
    R("l1_ttdl_bo_tinh", "Serving", app, [R13_CD3P2])
R("l1_tslcd", "Serving", "l3_hntt", [R28b2])
R("l1_tslcd", "Association", "l1_ttdl_bo_tinh", src20("h_tslcd"))
R("l1_tslcd", "Association", "l2_ndxp", src20("h_tslcd"), inferred=False,
  note="Mạng TSLCD là hạ tầng truyền dẫn căn bản kết nối các HTTT (NQ 17/NQ-CP).")
R("l1_internet", "Association", "l4_web", [R13_CD3P2])
R("l1_ttdl_bo_tinh", "Association", "l1_cloud_cp", [R13_CD1P5], note="Provincial data centres move step by step to the national cloud (research §1.5).")
# security (layer 1; not cross-cutting in KTTTQGS)
for part in ("l1_luc_luong_tai_cho", "l1_soc", "l1_kiem_tra_doc_lap", "l1_giam_sat_quoc_gia"):
    R("l1_mo_hinh_4_lop", "Association", part, [S22a], inferred=False,
      note="A Principle cannot aggregate in ArchiMate; the four layers are associated with it.")
R("l1_soc", "Flow", "l1_giam_sat_quoc_gia", [S22a, S22b], inferred=False,
  note="Lớp 4: kết nối, chia sẻ thông tin giám sát. A Flow now: security sits in layer 1 of KTTTQGS, "
       "not in a cross-cutting band (2.0 used an Association).")
R("l1_soc", "Association", "l1_ttdl_bo_tinh", [S22a])
R("l1_attt_cap_do", "Association", "l1_soc", [S22a])
# governance (cross-cutting: Association / Influence only)
R("g_bkhcn", "Association", "g_kttqgs", [R6], inferred=False, note="Issuer of QĐ 3090.")
R("g_bcd_tw", "Association", "g_kttqgs", [R6, R11], inferred=False, note="Quy định 05-QĐ/BCĐTW is a basis of the framework.")
R("g_bcd_cp", "Association", "g_bkhcn", [R27a])
R("g_khung_kts_bo_tinh", "Association", "g_kttqgs", [R20, R11], inferred=False,
  note="The ministry/provincial framework individualises the national one (R11).")
R("g_khung_kien_truc_du_lieu", "Association", "g_kttqgs", [R13_CD1P5, R11], inferred=False)
R("g_so_khcn", "Association", "g_khung_kts_bo_tinh", [R18, R23], inferred=False, note="Prepares the provincial framework.")
R("g_chu_tich_ubnd_tinh", "Association", "g_khung_kts_bo_tinh", [R18], inferred=False, note="Approves it.")
R("g_bcd_tinh", "Association", "g_so_khcn", [R26a])
R("g_nd_278", "Association", "l2_ndop", [R15a, R15b], inferred=False)
R("g_tw_da_lam", "Association", "g_kttqgs", [R10], inferred=False)
R("g_quan_tri_ket_qua", "Association", "g_kttqgs", [R8], inferred=False)
R("g_nd_45_2026", "Association", "g_kttqgs", [R17], inferred=False)
R("g_danh_muc_nen_tang", "Association", "l2_vneid", [R30])
# reference-model-like hierarchies
for c in COMPONENTS:
    if c.get("parent") in ("dl_root", "kc_root", "md_root"):
        R(c["parent"], "Composition", c["id"], c["sources"], inferred=False)


# ------------------------------------------------------------------------------- rules
RULES: list[dict] = []

BAND_LAYERS = [U, L4, L3, L2, L1, EXT]


def rule(id, severity, check, params, message_vi, message_en, legal_source, sources, inferred,
         applies_from, applies_until=None, note=None):
    r = {"id": id, "severity": severity, "check": check}
    r.update(params)
    r.update({"message_vi": message_vi, "message_en": message_en, "legal_source": legal_source,
              "sources": sources, "inferred": inferred, "applies_from": applies_from,
              "applies_until": applies_until})
    if note:
        r["note"] = note
    RULES.append(r)


rule("FW26-LAYER-SERVING", "warning", "layer_matrix",
     {"relationship_types": ["Serving"], "layers": BAND_LAYERS,
      "allowed": {L4: [U, L4], L3: [U, L4, L3], L2: [L4, L3, L2], L1: [L4, L3, L2, L1],
                  EXT: [L4, L3, L2, EXT]}},
     "Theo Khung kiến trúc tổng thể quốc gia số, lớp “{source_layer}” không phục vụ (Serving) lớp “{target_layer}”.",
     "In the national digital architecture framework, the layer “{source_layer}” does not serve the layer “{target_layer}”.",
     "QĐ 3090/QĐ-BKHCN (Khung kiến trúc tổng thể quốc gia số, 4 lớp)", [R8, R13_CD1P5], True, "2025-10-08",
     note="Lower layers serve higher ones, as the framework stacks them; no normative matrix was read.")
rule("FW26-LAYER-FLOW", "warning", "layer_matrix",
     {"relationship_types": ["Flow", "Triggering"], "layers": BAND_LAYERS,
      "allowed": {U: [L4], L4: [L4, L3, L2, EXT], L3: [L4, L3, L2], L2: [L4, L3, L2, EXT], L1: [L1],
                  EXT: [L4, L2]}},
     "Theo Khung kiến trúc tổng thể quốc gia số, dữ liệu không đi trực tiếp từ lớp “{source_layer}” đến lớp “{target_layer}”.",
     "In the national digital architecture framework, data does not flow directly from “{source_layer}” to “{target_layer}”.",
     "QĐ 3090/QĐ-BKHCN; QĐ 2439/QĐ-TTg (sơ đồ tổng quát)", [R8, R13_CD3P2], True, "2025-10-08",
     note="Users reach systems through layer-4 channels; layer 1 flows stay inside layer 1 (monitoring). Inferred.")
rule("FW26-LAYER-ACCESS", "warning", "layer_matrix",
     {"relationship_types": ["Access"], "layers": BAND_LAYERS, "allowed": {L4: [L2], L3: [L2], L2: [L2]}},
     "Theo Khung kiến trúc tổng thể quốc gia số, lớp “{source_layer}” không truy cập dữ liệu của lớp “{target_layer}”.",
     "In the national digital architecture framework, the layer “{source_layer}” does not access data of “{target_layer}”.",
     "QĐ 3090/QĐ-BKHCN (dữ liệu thuộc lớp 2)", [R13_CD1P5], True, "2025-10-08")
rule("FW26-BAND-LAYER", "warning", "band_layer", {},
     "“{element}” thuộc lớp “{element_layer}” nhưng được đặt trong dải lớp “{band_layer}” của sơ đồ “{view}”.",
     "“{element}” belongs to the layer “{element_layer}” but is placed in the “{band_layer}” band of the view “{view}”.",
     "QĐ 3090/QĐ-BKHCN (Khung kiến trúc tổng thể quốc gia số)", [R8], True, "2025-10-08")
rule("FW26-CROSS-CUTTING", "error", "cross_cutting_relation", {"allowed_types": ["Association", "Influence"]},
     "Quản trị, thể chế, tiêu chuẩn là thành phần xuyên suốt: chỉ liên hệ với các lớp khác bằng quan hệ Liên kết hoặc Ảnh hưởng, không dùng quan hệ {relationship}.",
     "Governance, institutions and standards are cross-cutting: relate them to the other layers by Association or Influence only, not {relationship}.",
     "QĐ 3090/QĐ-BKHCN (Khung kiến trúc tổng thể quốc gia số)", [R29], True, "2025-10-08",
     note="Only the governance band is cross-cutting in this profile (security is in layer 1); the band itself is inferred (R29, L). "
          "Relationships inside the band and to elements of no framework layer (work packages, goals) are not judged.")
rule("FW26-HOSTED", "warning", "hosted",
     {"application_types": ["ApplicationComponent"], "application_layers": [L4, L3, L2],
      "infrastructure_layers": [L1]},
     "Ứng dụng “{element}” chưa được gắn với hạ tầng số dùng chung nào (trung tâm dữ liệu, đám mây, mạng).",
     "The application “{element}” is not hosted on any shared digital infrastructure (data centre, cloud, network).",
     "QĐ 3090/QĐ-BKHCN (lớp 1: hạ tầng số dùng chung); Luật Chuyển đổi số 148/2025/QH15, Điều 7",
     [R13_CD1P5, R16b], True, "2025-10-08",
     note="Layer 1 also holds the SOC components: a link to an SOC counts as hosting (known looseness of 'hosted').")
rule("FW26-NDOP-ROUTE", "warning", "national_database_via_platform",
     {"relationship_types": ["Flow", "Access", "Serving", "Triggering"], "local_scopes": LOCAL_SCOPES,
      "national_scope": "quốc gia", "database_types": ["DataObject"], "database_layer": L2,
      "platforms": ["l2_ndop"]},
     "“{source}” (thành phần của bộ, tỉnh, xã) kết nối trực tiếp với cơ sở dữ liệu quốc gia “{target}”; kết nối, chia sẻ dữ liệu bắt buộc phải qua Nền tảng chia sẻ, điều phối dữ liệu (NDOP).",
     "“{source}” (a ministry, province or commune component) reaches the national database “{target}” directly; mandatory data sharing must go through the NDOP.",
     "NĐ 278/2025/NĐ-CP (thay NĐ 47/2020/NĐ-CP)", [R15a, R15b], False, "2025-10-22",
     note="Unlike 2.0's FW-LGSP-NATIONAL-DB, a provincial LGSP/LDOP is not an accepted intermediary: only "
          "NDOP may touch a national database. applies_from is the decree's date; its in-force date was not read.")
rule("FW26-MASTER-DATA-SYNC", "warning", "linked_via",
     {"from": ["l2_csdl_dung_chung"], "from_property": {"property": "Lớp dữ liệu", "any_of": ["Dữ liệu chủ"]},
      "from_scopes": LOCAL_SCOPES, "to": ["l2_csdl_tong_hop_qg"], "via": ["l2_ndop"],
      "platforms": ["l2_ldop_tinh", "l2_lgsp_bo", "l2_ndop"],
      "relationship_types": ["Flow", "Access", "Serving", "Triggering"], "directed": False,
      "when_target_absent": "report", "provincial_only": False},
     "“{element}” (dữ liệu chủ, dữ liệu dùng chung của bộ, tỉnh) chưa đồng bộ với Cơ sở dữ liệu tổng hợp quốc gia qua NDOP.",
     "“{element}” (ministry or provincial master/shared data) is not synchronised with the national aggregated database through the NDOP.",
     "NĐ 278/2025/NĐ-CP (hạn hoàn thành 31/12/2026)", [R15a, R15b, R15c], False, "2025-10-22",
     note="Reported also when the national aggregated database is not drawn: the province must show the sync.")
rule("FW26-PROV-LDOP", "warning", "province_has", {"components": ["l2_ldop_tinh"]},
     "Khung kiến trúc số tỉnh chưa có Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP/LDOP).",
     "The provincial framework has no provincial integration/orchestration platform (LGSP/LDOP).",
     "TT 13/2017/TT-BTTTT, Điều 17; QĐ 2439/QĐ-TTg (NDOP/LDOP)", [S16, R13_CD3P2], True, None,
     note="No text read makes a provincial LDOP mandatory; LDOP itself is M (R13).")
rule("FW26-PROV-LDOP-NDOP", "warning", "province_linked",
     {"from": ["l2_ldop_tinh"], "to": ["l2_ndop"], "platforms": [], "skip_when_absent": True},
     "LGSP/LDOP của tỉnh chưa kết nối với Nền tảng chia sẻ, điều phối dữ liệu (NDOP).",
     "The provincial LGSP/LDOP is not connected to the national data orchestration platform (NDOP).",
     "NĐ 278/2025/NĐ-CP", [R15a, R15b], False, "2025-10-22")
rule("FW26-DOC-AXIS", "warning", "document_axis",
     {"relationship_types": ["Flow", "Triggering"], "document_systems": ["l3_qlvb_dh"],
      "axis": ["l3_truc_lien_thong_vb"]},
     "“{source}” trao đổi văn bản trực tiếp với “{target}”; văn bản điện tử giữa các cơ quan phải gửi, nhận qua Trục liên thông văn bản quốc gia.",
     "“{source}” exchanges documents directly with “{target}”; documents between agencies go through the national document axis.",
     "QĐ 28/2018/QĐ-TTg", src20("i_truc_lien_thong_vb"), False, None,
     note="Still cited by 2024 texts; whether a 2026 decision replaced it was not verified (research §3.3, R34 L).")
rule("FW26-PROV-DOC-AXIS", "warning", "province_linked",
     {"from": ["l3_qlvb_dh"], "to": ["l3_truc_lien_thong_vb"], "platforms": ["l2_ldop_tinh"]},
     "Hệ thống quản lý văn bản và điều hành của tỉnh chưa kết nối với Trục liên thông văn bản quốc gia.",
     "The provincial document management system is not linked to the national document axis.",
     "QĐ 28/2018/QĐ-TTg", src20("i_truc_lien_thong_vb"), False, None,
     note="Legal basis to re-verify for 2026 (research §3.3).")
rule("FW26-DVCQG-SYNC", "warning", "portal_sync",
     {"systems": ["l3_httt_gq_tthc"], "national_portal": ["l4_cong_dvcqg"],
      "platforms": ["l2_ldop_tinh", "l2_lgsp_bo", "l2_ndxp", "l2_ndop"]},
     "“{element}” chưa đồng bộ dữ liệu (Flow) với Cổng Dịch vụ công quốc gia.",
     "“{element}” does not synchronise data (Flow) with the National Public Service Portal.",
     "QĐ 31/2021/QĐ-TTg, Điều 30; TT 21/2023/TT-BTTTT", [S23, S25], False, None,
     note="QĐ 31/2021 still cited by 2024 texts; an unverified lead (QĐ 29/2026/QĐ-TTg, R34, L) may replace it.")
rule("FW26-PROV-TTHC", "warning", "province_has", {"components": ["l3_httt_gq_tthc"]},
     "Khung kiến trúc số tỉnh chưa có Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh.",
     "The provincial framework has no provincial administrative-procedure settlement system.",
     "TT 21/2023/TT-BTTTT", [S25], False, None)
rule("FW26-PROV-DVCQG", "warning", "province_linked",
     {"from": ["l3_httt_gq_tthc"], "to": ["l4_cong_dvcqg"], "platforms": ["l2_ldop_tinh", "l2_ndxp", "l2_ndop"]},
     "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh chưa kết nối với Cổng Dịch vụ công quốc gia.",
     "The provincial administrative-procedure system is not linked to the National Public Service Portal.",
     "QĐ 31/2021/QĐ-TTg, Điều 30; TT 21/2023/TT-BTTTT", [S23, S25], False, None,
     note="Legal basis to re-verify for 2026 (research §3.3).")
rule("FW26-PROV-SECURITY", "warning", "province_has",
     {"components": ["l1_soc", "l1_mo_hinh_4_lop", "l1_luc_luong_tai_cho", "l1_kiem_tra_doc_lap"]},
     "Khung kiến trúc số tỉnh chưa có thành phần an toàn thông tin, an ninh mạng nào (mô hình 4 lớp, SOC).",
     "The provincial framework has no security component (4-layer model, SOC).",
     "CV 1552/BTTTT-CATTT; NĐ 85/2016/NĐ-CP", [S22a], False, None,
     note="Luật An ninh mạng 116/2025/QH15 (from 1/7/2026) may change the basis (R31, L).")
rule("FW26-PROV-SOC-NATIONAL", "warning", "province_linked",
     {"from": ["l1_soc"], "to": ["l1_giam_sat_quoc_gia"], "platforms": [], "skip_when_absent": True},
     "SOC của tỉnh chưa kết nối, chia sẻ thông tin với hệ thống giám sát quốc gia (lớp 4).",
     "The provincial SOC is not linked to the national monitoring system (layer 4).",
     "CV 1552/BTTTT-CATTT", [S22a, S22b], False, None)
rule("FW26-NO-DUPLICATE", "warning", "no_duplicate",
     {"local_scopes": LOCAL_SCOPES, "archimate_layers": CORE_LAYERS,
      "platforms": [
          {"national": ["l2_vneid"], "function_vi": "định danh và xác thực điện tử",
           "function_en": "electronic identification and authentication",
           "name_patterns": ["(?i)\\bđịnh danh\\b"], "exempt": ["l2_sso_tinh"]},
          {"national": ["l3_truc_lien_thong_vb"], "function_vi": "trục liên thông văn bản",
           "function_en": "document exchange axis", "name_patterns": ["(?i)trục liên thông văn bản"],
           "exempt": []},
          {"national": ["l4_cong_dvcqg"], "function_vi": "cổng dịch vụ công",
           "function_en": "public service portal", "name_patterns": ["(?i)cổng dịch vụ công"],
           "exempt": ["l3_httt_gq_tthc"]},
          {"national": ["l2_ndop", "l2_ndxp"], "function_vi": "nền tảng chia sẻ, điều phối dữ liệu quốc gia",
           "function_en": "national data sharing and orchestration", "name_patterns": [], "exempt": []},
      ]},
     "“{element}” (thành phần của địa phương) lặp lại chức năng {function} của nền tảng dùng chung quốc gia “{platform}”: Trung ương đã làm thì địa phương không làm lại.",
     "“{element}” (a local component) duplicates the {function} function of the national shared platform “{platform}”: what the centre has built, localities do not rebuild.",
     "Nguyên tắc “Trung ương đã làm thì địa phương không làm lại” (Khung KTTTQGS, QĐ 3090/QĐ-BKHCN); QĐ 1132/QĐ-TTg ngày 24/6/2026 (chưa kiểm chứng)",
     [R10, R30, R13_CD1P5], True, "2025-10-08",
     note="Inferred: the principle is a Deputy Minister's statement (R10), not an article read; the no-duplicate "
          "ban of QĐ 1132 is L (R30). Name patterns are heuristics. The merged HTTT giải quyết TTHC cấp "
          "bộ, cấp tỉnh (and what specialises it) is exempt from the portal entry: TT 21/2023/TT-BTTTT makes "
          "it the legal successor of the provincial portal and one-stop system, and it feeds Cổng DVCQG "
          "(FW26-DVCQG-SYNC) instead of replacing it. A free-standing 'Cổng dịch vụ công tỉnh' is flagged.")
rule("FW26-TWO-TIER", "warning", "abolished_scope",
     {"scopes": ["huyện"], "archimate_layers": CORE_LAYERS,
      "name_patterns": ["(?i)\\bcấp huyện\\b", "(?i)\\bhuyện\\b", "(?i)\\bquận\\b", "(?i)\\bthị xã\\b"],
      "handling_property": "Phương án xử lý",
      "exempt_handling": ["Hợp nhất, tổ chức lại", "Thay thế, kết thúc sử dụng"]},
     "“{element}” thuộc cấp huyện, đã chấm dứt từ 01/7/2025 (chính quyền địa phương hai cấp: tỉnh và xã); gộp vào cấp tỉnh hoặc cấp xã, hoặc ghi phương án hợp nhất/kết thúc sử dụng.",
     "“{element}” is a district-level item; district level ended on 1 July 2025 (two-tier local government: province and commune). Move it to province or commune, or record a merge/retire handling option.",
     "Hiến pháp (sửa đổi 2025), Điều 110; Nghị quyết của Quốc hội ngày 12/6/2025 về sắp xếp đơn vị hành chính cấp tỉnh; NQ 60-NQ/TW",
     [R25a, R25b, R25c], False, "2025-07-01",
     note="The resolution number 202/2025/QH15 is M (research §2.1), so it is not cited by number.")


# --------------------------------------------------------------------------- profile etc.
PROFILE = {
    "id": "vn-digital-2025",
    "version": "1.0.0",
    "framework_version": None,
    "title_vi": "Khung kiến trúc tổng thể quốc gia số và Khung kiến trúc dữ liệu quốc gia (2025)",
    "title_en": "National digital overall architecture framework and national data architecture framework (2025)",
    "short_title_vi": "Khung kiến trúc số 2025 (KTTTQGS)",
    "short_title_en": "Digital architecture framework 2025",
    "status": "current",
    "decisions": [
        {"number": "QĐ 3090/QĐ-BKHCN", "date": "2025-10-08", "issuer_vi": "Bộ Khoa học và Công nghệ",
         "title_vi": "Khung kiến trúc tổng thể quốc gia số", "role": "framework",
         "sources": [R6, R7, R8], "inferred": False,
         "note": "Bases: NĐ 194/2025/NĐ-CP; Quy định 05-QĐ/BCĐTW (27/8/2025). Replaces CV 1736/BKHCN-CĐSQG (21/5/2025); applied in place of 4.0 (M, R11)."},
        {"number": "QĐ 2439/QĐ-TTg", "date": "2025-11-04", "issuer_vi": "Thủ tướng Chính phủ",
         "title_vi": "Khung kiến trúc dữ liệu quốc gia, Khung quản trị, quản lý dữ liệu quốc gia, Từ điển dữ liệu dùng chung (1.0)",
         "role": "data_framework", "sources": [R14], "inferred": False},
        {"number": "CV 5441/BKHCN-CĐSQG", "date": "2025-10-08", "issuer_vi": "Bộ Khoa học và Công nghệ",
         "title_vi": "Hướng dẫn triển khai Khung kiến trúc tổng thể quốc gia số", "role": "guidance",
         "sources": [R18], "inferred": False},
        {"number": "CV 2943/CĐSQG-CNCPS", "date": "2025-10-27", "issuer_vi": "Cục Chuyển đổi số quốc gia",
         "title_vi": "Hướng dẫn xây dựng Đề cương Khung kiến trúc số cấp bộ, cấp tỉnh", "role": "guidance",
         "sources": [R18, R20], "inferred": False},
        {"number": "NĐ 278/2025/NĐ-CP", "date": "2025-10-22", "issuer_vi": "Chính phủ",
         "title_vi": "Kết nối, chia sẻ dữ liệu bắt buộc giữa các cơ quan thuộc hệ thống chính trị",
         "role": "rule_basis", "sources": [R15a, R15b], "inferred": False, "note": "Repeals NĐ 47/2020/NĐ-CP."},
        {"number": "QĐ 1425/QĐ-TTg", "date": "2026-07-29", "issuer_vi": "Thủ tướng Chính phủ",
         "title_vi": "Khung kiến trúc tổng thể quốc gia số, phiên bản 1.0", "role": "framework",
         "sources": [R29, R30], "inferred": True,
         "note": "Reported only by secondary 2026 material (L): must be verified, and whether it replaces QĐ 3090 is unknown."},
    ],
    "valid_from": "2025-10-08",
    "valid_until": None,
    "succeeds": "vn-egov-2.0",
    "superseded_by": None,
    "overview_order": "bottom_up",
    "default_template": "provincial-2026",
    "templates": ["provincial-2026", "national-2025", "empty-2025"],
    "model_date_properties": ["architecture_date", "dossier:date"],
    "retiring": {"property": "Phương án xử lý",
                 "values": ["Hợp nhất, tổ chức lại", "Thay thế, kết thúc sử dụng"],
                 "note": "Elements on their way out: model checks drop a finding whose subject elements are all retiring."},
    "sources": [R6, R7, R8, R11, R13_CD1P5, R14, R15a, R18, R20],
    "note": ("Layers 1–4 are numbered bottom-up as QĐ 3090 draws them (order 1 = Hạ tầng số … at the bottom). "
             "On the overview diagram, draw the overview bands top to bottom in DESCENDING order: "
             "Người sử dụng (5), Kênh tương tác và đo lường hiệu quả (4), Ứng dụng và nghiệp vụ dùng chung (3), "
             "Dữ liệu và nền tảng cốt lõi (2), Hạ tầng số và an ninh mạng dùng chung (1); then the cross-cutting "
             "band, the external systems and the reference-model-like sections, as for 2.0."),
}

SCOPE_LEVELS = {
    "note": ("Component 'scope' values are these 'value' strings, or several joined by '/' ('bộ/tỉnh'). "
             "KTTTQGS also names Đảng, Quốc hội, Mặt trận Tổ quốc and 'cơ sở' (agency) levels (R11, M); "
             "they are not modelled as scope levels here."),
    "levels": [
        {"id": "quoc_gia", "value": "quốc gia", "name_vi": "Cấp quốc gia", "name_en": "National", "order": 1,
         "aliases": ["cấp quốc gia", "trung ương", "national"], "valid_from": None, "valid_until": None,
         "selectable": True, "sources": [R11, R8], "inferred": False},
        {"id": "bo", "value": "bộ", "name_vi": "Cấp bộ (bộ, ngành)", "name_en": "Ministry / sector", "order": 2,
         "aliases": ["cấp bộ", "bộ, ngành", "ministry"], "valid_from": None, "valid_until": None,
         "selectable": True, "sources": [R11], "inferred": False},
        {"id": "tinh", "value": "tỉnh", "name_vi": "Cấp tỉnh (tỉnh, thành phố trực thuộc trung ương)",
         "name_en": "Province / centrally-run city", "order": 3,
         "aliases": ["cấp tỉnh", "thành phố trực thuộc trung ương", "province"], "valid_from": None,
         "valid_until": None, "selectable": True, "sources": [R11, R25c], "inferred": False,
         "note": "34 provincial units from 12/6/2025 (R25)."},
        {"id": "huyen", "value": "huyện", "name_vi": "Cấp huyện (đã chấm dứt từ 01/7/2025)",
         "name_en": "District (abolished on 1 July 2025)", "order": 4,
         "aliases": ["cấp huyện", "quận", "thị xã", "thành phố thuộc tỉnh", "district"],
         "valid_from": None, "valid_until": "2025-07-01", "selectable": False, "sources": [R25b, R25c],
         "inferred": False,
         "note": "Kept only to read 2.0 models and to let FW26-TWO-TIER name it. Aliases are the former "
                 "district-level unit kinds (general administrative structure, not from the research)."},
        {"id": "xa", "value": "xã", "name_vi": "Cấp xã (xã, phường, đặc khu)",
         "name_en": "Commune level (commune, ward, special zone)", "order": 5,
         "aliases": ["cấp xã", "phường", "đặc khu", "commune"], "valid_from": None, "valid_until": None,
         "selectable": True, "sources": [R11, R25c], "inferred": False,
         "note": "Two-tier local government (Constitution art. 110 as amended 2025, R25)."},
    ],
}

# ------------------------------------------------------------------------------- terminology
from egov_modeler.model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES  # noqa: E402
from egov_modeler.model.viewpoints import VIEWPOINTS  # noqa: E402

_VI_TERMS = json.loads((ROOT / "egov_modeler/resources/translations/vi/metamodel.json").read_text("utf-8"))
#: Research §4.2: the new label, the label the tool used before, and why.
CHANGES = {
    "Artifact": ("Tạo tác", "Tạo phẩm", "Dùng trong giới CNTT Việt Nam ('tạo tác (artifact)'); 'Tạo phẩm' hiếm gặp."),
    "Gap": ("Khoảng trống", "Khoảng cách", "Khớp với 'phân tích khoảng trống (gap analysis)'."),
    "Plateau": ("Trạng thái kiến trúc", "Trạng thái ổn định",
                "Kiến trúc Việt Nam nói hiện trạng / chuyển tiếp / mục tiêu."),
    "ValueStream": ("Dòng giá trị", "Chuỗi giá trị", "'Chuỗi giá trị' là value chain."),
}
TOOLTIPS = {
    "Plateau": "plateau: hiện trạng, chuyển tiếp, mục tiêu",
    "Path": "đường liên kết logic",
}
ET = {}
for name, et in ELEMENT_TYPES.items():
    entry = {"en": et.label_en, "vi": et.label_vi}
    if name in CHANGES:
        entry["vi"], entry["changed_from"], entry["reason"] = CHANGES[name]
    if name in TOOLTIPS:
        entry["tooltip_vi"] = TOOLTIPS[name]
    ET[name] = entry
RT = {}
for name, rt in RELATIONSHIP_TYPES.items():
    vi = _VI_TERMS.get(rt.label_en if hasattr(rt, "label_en") else name, None) or _VI_TERMS.get(name)
    entry = {"en": name, "vi": vi}
    if name == "Assignment":
        entry["tooltip_vi"] = "phân công"
    RT[name] = entry
AL = {}
for en in ("Strategy", "Business", "Application", "Technology", "Physical", "Motivation",
           "Implementation & Migration", "Other"):
    entry = {"en": en, "vi": _VI_TERMS[en]}
    if en == "Implementation & Migration":
        entry["vi"] = "Triển khai và chuyển tiếp"
        entry["changed_from"] = "Triển khai và chuyển đổi"
        entry["reason"] = "'Chuyển đổi' lẫn với 'chuyển đổi số'."
    AL[en] = entry
VP = {}
for v in VIEWPOINTS:
    entry = {"en": v.name, "vi": v.label_vi}
    new = {"Value Stream": ("Dòng giá trị", "Chuỗi giá trị"), "Migration": ("Chuyển tiếp", "Chuyển đổi"),
           "Implementation and Migration": ("Triển khai và chuyển tiếp", "Triển khai và chuyển đổi")}.get(v.name)
    if new:
        entry["vi"], entry["changed_from"] = new
    VP[v.name] = entry

TERMINOLOGY = {
    "note": ("No official Vietnamese ArchiMate glossary exists (research §4.1, M). Labels follow the tool's "
             "vi/metamodel.json with the §4.2 changes; always show the English name beside the Vietnamese "
             "label (tooltip, properties, PDF legend)."),
    "sources": ["https://vndx.gov.vn/tong-quan-ve-ngon-ngu-mo-hinh-hoa-kien-truc-chinh-phu-dien-tu-archimate",
                "https://togaf10th.pages.dev/architecture-content/architecture-artifacts"],
    "element_types": ET,
    "relationship_types": RT,
    "archimate_layers": AL,
    "viewpoints": VP,
}

# ---------------------------------------------------------------------------- inventory
OBJECT_TYPES = ["ApplicationComponent", "ApplicationInterface", "ApplicationService", "DataObject", "Node",
                "Device", "SystemSoftware", "CommunicationNetwork", "TechnologyService", "Facility",
                "BusinessService", "BusinessInterface"]
HANDLING = [
    ("tiep_tuc", "Tiếp tục sử dụng", "Keep using"),
    ("chuan_hoa_ket_noi", "Chuẩn hóa, kết nối/tích hợp", "Standardise, connect/integrate"),
    ("nang_cap_mo_rong", "Nâng cấp, mở rộng", "Upgrade, extend"),
    ("hop_nhat_to_chuc_lai", "Hợp nhất, tổ chức lại", "Merge, reorganise"),
    ("thay_the_ket_thuc", "Thay thế, kết thúc sử dụng", "Replace, retire"),
    ("bo_sung_moi", "Bổ sung mới", "Add new"),
]


def ch(items):
    return [{"id": i, "vi": vi, "en": en} for i, vi, en in items]


INVENTORY = {
    "note": ("Fields of the system inventory (in the spirit of the reported Mẫu 03 tables DM_DOITUONG / "
             "QH_KETNOI, R29, L). Each field is stored as an element (or relationship) property named "
             "'property'; choice fields store the choice's Vietnamese label ('vi') and readers also accept "
             "its 'id' or 'en'. Fields marked \"extra\": true go beyond the issue's list."),
    "element_groups": {
        "objects": OBJECT_TYPES,
        "work": ["WorkPackage", "Deliverable"],
        "connections": ["Flow", "Serving", "Access", "Triggering"],
    },
    "fields": [
        {"id": "code", "property": "Mã", "label_vi": "Mã", "label_en": "Code", "type": "text",
         "applies_to": ["objects", "work"], "unique": True, "sources": [R29], "inferred": True,
         "note": "Same property the catalog writes for component codes (PROP_CODE)."},
        {"id": "owner", "property": "Cơ quan chủ quản", "label_vi": "Cơ quan chủ quản", "label_en": "Owning agency",
         "type": "reference", "reference_to": ["BusinessActor"], "allow_text": True, "applies_to": ["objects"],
         "default_from": "component.owner", "sources": [R29, S19], "inferred": False,
         "note": "Same property the catalog writes (PROP_OWNER). Agency names pass through mapping_from.agencies on migration."},
        {"id": "operator", "property": "Đơn vị vận hành", "label_vi": "Đơn vị vận hành", "label_en": "Operator",
         "type": "reference", "reference_to": ["BusinessActor"], "allow_text": True, "applies_to": ["objects"],
         "sources": [R29], "inferred": True},
        {"id": "object_kind", "property": "Loại đối tượng", "label_vi": "Loại đối tượng", "label_en": "Object kind",
         "type": "choice", "choices": ch([
             ("he_thong_so", "Hệ thống số", "Digital system"), ("csdl", "Cơ sở dữ liệu", "Database"),
             ("nen_tang_so", "Nền tảng số", "Digital platform"), ("dich_vu_so", "Dịch vụ số", "Digital service"),
             ("ha_tang_so", "Hạ tầng số", "Digital infrastructure")]),
         "applies_to": ["objects"],
         "default": {"by_archimate_type": {"DataObject": "csdl", "ApplicationComponent": "he_thong_so",
                                           "ApplicationService": "dich_vu_so", "BusinessService": "dich_vu_so",
                                           "ApplicationInterface": "dich_vu_so", "BusinessInterface": "dich_vu_so",
                                           "Node": "ha_tang_so", "Device": "ha_tang_so",
                                           "CommunicationNetwork": "ha_tang_so", "SystemSoftware": "ha_tang_so",
                                           "TechnologyService": "ha_tang_so", "Facility": "ha_tang_so"},
                     "by_component": {c: "nen_tang_so" for c in (
                         "l2_vneid", "l2_ndop", "l2_ndxp", "l3_truc_lien_thong_vb", "l2_ldop_tinh", "l2_lgsp_bo",
                         "l2_sso_tinh", "l2_gis", "l2_thanh_toan", "l2_tu_dien_du_lieu", "l2_san_du_lieu",
                         "l2_quan_tri_du_lieu_qg", "l2_cong_du_lieu_qg", "l4_cong_dvcqg", "l3_tro_ly_ao_qg")}},
         "sources": [R29], "inferred": True,
         "note": "The five kinds are those reported for DM_DOITUONG (R29, L). Defaults: by_component first (catalog lineage), then by_archimate_type."},
        {"id": "scope_level", "property": "Phạm vi", "label_vi": "Phạm vi (cấp)", "label_en": "Scope level",
         "type": "choice", "choices_from": "scope_levels", "selectable_only": True, "applies_to": ["objects"],
         "default_from": "component.scope", "sources": [R11], "inferred": False,
         "note": "Stores the level 'value' ('tỉnh'), like the catalog's PROP_SCOPE; a composite catalog scope ('bộ/tỉnh') counts as unset until the user picks one level."},
        {"id": "state", "property": "Trạng thái", "label_vi": "Hiện trạng / mục tiêu", "label_en": "Current / target",
         "type": "choice", "choices": ch([
             ("hien_trang", "Hiện trạng", "Current"), ("muc_tieu", "Mục tiêu", "Target"),
             ("hien_trang_va_muc_tieu", "Hiện trạng và mục tiêu", "Current and target")]),
         "applies_to": ["objects"], "sources": [R29, R20], "inferred": True,
         "note": "CV 2943 asks for hiện trạng and khung kiến trúc mục tiêu (R20, M); the per-object column is from R29 (L)."},
        {"id": "handling_option", "property": "Phương án xử lý", "label_vi": "Phương án xử lý",
         "label_en": "Handling option", "type": "choice", "choices": ch(HANDLING), "applies_to": ["objects", "work"],
         "sources": [R29], "inferred": True, "note": "The six options reported for the BKHCN guidance (R29, L)."},
        {"id": "legal_basis", "property": "Căn cứ pháp lý", "label_vi": "Căn cứ pháp lý", "label_en": "Legal basis",
         "type": "text", "multiline": True, "applies_to": ["objects", "work"], "sources": [R29], "inferred": True},
        {"id": "evidence", "property": "Minh chứng", "label_vi": "Nguồn minh chứng", "label_en": "Evidence",
         "type": "text", "multiline": True, "applies_to": ["objects", "work"], "sources": [R29], "inferred": True},
        {"id": "security_level", "property": "Cấp độ an toàn thông tin", "label_vi": "Cấp độ an toàn thông tin",
         "label_en": "Security level", "type": "choice",
         "choices": [{"id": str(n), "vi": f"Cấp độ {n}", "en": f"Level {n}"} for n in range(1, 6)],
         "applies_to": ["ApplicationComponent", "DataObject", "Node", "SystemSoftware", "CommunicationNetwork"],
         "sources": src20("s_attt_cap_do"), "inferred": False, "note": "NĐ 85/2016/NĐ-CP levels 1–5."},
        {"id": "hosting", "property": "Nơi đặt", "label_vi": "Nơi đặt (hạ tầng)", "label_en": "Hosting",
         "type": "choice", "choices": ch([
             ("ttdlqg", "Trung tâm Dữ liệu quốc gia", "National Data Centre"),
             ("cloud_cp", "Đám mây Chính phủ", "Government cloud"),
             ("ttdl_bo_tinh", "Trung tâm dữ liệu bộ, tỉnh", "Ministry/provincial data centre"),
             ("thue_dich_vu", "Thuê dịch vụ (đám mây doanh nghiệp)", "Hired service (enterprise cloud)"),
             ("tai_co_quan", "Tại cơ quan", "On the agency's premises"),
             ("khac", "Khác", "Other")]),
         "applies_to": ["ApplicationComponent", "DataObject", "SystemSoftware"], "sources": [R13_CD3P2, R29],
         "inferred": True,
         "note": "Data-centre kinds from R13 (M); the list of choices is ours. The hosting relationship to a layer-1 Node, when drawn, is the truth; this field is for the grid."},
        {"id": "year_in_operation", "property": "Năm đưa vào vận hành", "label_vi": "Năm đưa vào vận hành",
         "label_en": "Year in operation", "type": "integer", "min": 1990, "max": 2100, "applies_to": ["objects"],
         "sources": [], "inferred": True, "note": "Asked by the issue; no source names the column."},
        {"id": "former_admin_unit", "property": "Đơn vị hành chính cũ", "label_vi": "Đơn vị hành chính cũ",
         "label_en": "Former administrative unit", "type": "text", "applies_to": ["objects", "work"],
         "suggestions_from": "mapping_from.administrative_units", "sources": [R25d, R26b], "inferred": False,
         "note": "E.g. 'tỉnh Bình Định' for a system inherited from the former province (research §2.2)."},
        {"id": "budget", "property": "Kinh phí", "label_vi": "Kinh phí (đồng)", "label_en": "Budget (VND)",
         "type": "money", "currency": "VND", "applies_to": ["work"], "sources": [R13_CD3P5, R29], "inferred": True},
        {"id": "funding_source", "property": "Nguồn vốn", "label_vi": "Nguồn vốn", "label_en": "Funding source",
         "type": "choice", "choices": ch([
             ("nstw", "Ngân sách trung ương", "Central budget"), ("nsdp", "Ngân sách địa phương", "Local budget"),
             ("thue_dich_vu", "Thuê dịch vụ", "Service hire"), ("xa_hoi_hoa", "Xã hội hóa", "Private funding"),
             ("khac", "Khác", "Other")]),
         "applies_to": ["work"], "sources": [R29], "inferred": True,
         "note": "NSTW / NSĐP / thuê dịch vụ / xã hội hóa (research §6(c)3; R29, L)."},
        {"id": "deadline", "property": "Thời hạn", "label_vi": "Thời hạn (quý/năm)", "label_en": "Deadline (quarter/year)",
         "type": "text", "pattern": "^(Quý (I|II|III|IV)/)?[0-9]{4}$", "applies_to": ["work"], "extra": True,
         "sources": [R13_CD3P5, R29], "inferred": True,
         "note": "Extra: HOANTHIEN_NV 'thời hạn (quarter)' (R29, L); e.g. 'Quý IV/2026'."},
        {"id": "start", "property": "Bắt đầu", "label_vi": "Bắt đầu (quý/năm)", "label_en": "Start (quarter/year)",
         "type": "text", "pattern": "^(Quý (I|II|III|IV)/)?[0-9]{4}$", "applies_to": ["work"], "extra": True,
         "sources": [R13_CD3P5], "inferred": True,
         "note": "Extra: the first quarter of a task, for the roadmap's bars (e.g. 'Quý I/2026'); without it a task is drawn in its deadline's quarter."},
        {"id": "lead_unit", "property": "Đơn vị chủ trì", "label_vi": "Đơn vị chủ trì", "label_en": "Lead unit",
         "type": "reference", "reference_to": ["BusinessActor"], "allow_text": True, "applies_to": ["work"],
         "default_from": "assignment", "extra": True, "sources": [R13_CD3P5, R29], "inferred": True,
         "note": "HOANTHIEN_NV 'đơn vị chủ trì' (R29, L). Without the property, the BusinessActor assigned to the work package is the lead unit."},
        {"id": "cooperating_units", "property": "Đơn vị phối hợp", "label_vi": "Đơn vị phối hợp",
         "label_en": "Cooperating units", "type": "text", "applies_to": ["work"], "extra": True,
         "sources": [R13_CD3P5], "inferred": True, "note": "Research §6(c)3: đơn vị chủ trì, phối hợp."},
        {"id": "verification", "property": "Tiêu chí kiểm chứng", "label_vi": "Tiêu chí kiểm chứng",
         "label_en": "Verification criterion", "type": "text", "multiline": True, "applies_to": ["work"],
         "extra": True, "sources": [R29], "inferred": True, "note": "HOANTHIEN_NV 'tiêu chí kiểm chứng' (R29, L)."},
        {"id": "progress", "property": "Tiến độ", "label_vi": "Tiến độ", "label_en": "Progress",
         "type": "choice", "choices": ch([
             ("chua_bat_dau", "Chưa bắt đầu", "Not started"), ("dang_thuc_hien", "Đang thực hiện", "In progress"),
             ("hoan_thanh", "Hoàn thành", "Done"), ("cham_tien_do", "Chậm tiến độ", "Late")]),
         "applies_to": ["work"], "extra": True, "sources": [R29], "inferred": True,
         "note": "HOANTHIEN_NV 'tiến độ' (R29, L); the four values are ours."},
        {"id": "completed_on", "property": "Ngày hoàn thành", "label_vi": "Ngày hoàn thành", "label_en": "Completed on",
         "type": "date", "applies_to": ["work"], "extra": True, "sources": [], "inferred": True,
         "note": "Extra: the day a task was verified as done (ISO date), the evidence's date."},
        {"id": "data_layers", "property": "Lớp dữ liệu", "label_vi": "Lớp dữ liệu (QĐ 2439)", "label_en": "Data layers",
         "type": "choice", "multiple": True, "choices_from_components": "dl_root", "applies_to": ["DataObject"],
         "extra": True, "sources": [R14], "inferred": False,
         "note": "Extra: which of the eight QĐ 2439 data layers a database holds (names of the dl_* components). Used by FW26-MASTER-DATA-SYNC."},
        {"id": "connection_channel", "property": "Kênh kết nối", "label_vi": "Kênh kết nối", "label_en": "Connection channel",
         "type": "choice", "choices": ch([
             ("ndop", "NDOP", "NDOP"), ("ndxp", "NDXP", "NDXP"), ("lgsp_ldop", "LGSP/LDOP", "LGSP/LDOP"),
             ("truc_vb", "Trục liên thông văn bản quốc gia", "National document axis"),
             ("tslcd", "Mạng TSLCD", "Specialised data network"), ("truc_tiep", "Trực tiếp", "Direct"),
             ("khac", "Khác", "Other")]),
         "applies_to": ["connections"], "extra": True, "sources": [R29], "inferred": True,
         "note": "QH_KETNOI 'kênh' column (R29, L): NDXP/LGSP/TSLCD there; NDOP added per NĐ 278."},
        {"id": "connection_frequency", "property": "Tần suất", "label_vi": "Tần suất", "label_en": "Frequency",
         "type": "text", "applies_to": ["connections"], "extra": True, "sources": [R29], "inferred": True},
        {"id": "connection_protocol", "property": "Giao thức", "label_vi": "Giao thức", "label_en": "Protocol",
         "type": "text", "applies_to": ["connections"], "extra": True, "sources": [R29], "inferred": True},
        {"id": "connection_status", "property": "Trạng thái kết nối", "label_vi": "Trạng thái kết nối",
         "label_en": "Connection status", "type": "choice", "choices": ch([
             ("da_ket_noi", "Đã kết nối", "Connected"), ("dang_trien_khai", "Đang triển khai", "In progress"),
             ("chua_ket_noi", "Chưa kết nối", "Not connected")]),
         "applies_to": ["connections"], "extra": True, "sources": [R29], "inferred": True},
    ],
}

# ------------------------------------------------------------------------------- mapping
RM_REASON = ("no_successor", "KTTTQGS (QĐ 3090) không tổ chức kiến trúc theo 5 mô hình tham chiếu BRM/DRM/ARM/TRM/SRM; "
             "phần dữ liệu chuyển sang QĐ 2439 (lớp dữ liệu, khối chức năng, miền cơ bản) không tương ứng 1:1 (R8, R13, R14).")
DRM_REASON = ("no_successor", "Mã DRM lấy từ dự thảo lần 3 (5/2019) của Khung 2.0; QĐ 2439 thay bằng lớp dữ liệu, khối "
              "chức năng, miền cơ bản, không có ánh xạ 1:1 (S5, R13, R14).")
DISTRICT = ("district_level", "Cấp huyện chấm dứt từ 01/7/2025 (chính quyền địa phương hai cấp, R25).")


def DROP_HUYEN(to):
    """A by_name rule that keeps the target and strips 'huyện, ' from a name listing several levels
    ('… tỉnh, huyện, xã' → '… tỉnh, xã'), as research §2.2 renames the 2.0 template's items."""
    return {"pattern": "(?i)\\bhuyện,\\s*", "to": to, "rename": ""}


def null(reason):
    return {"to": None, "reason": reason[0], "reason_vi": reason[1]}


COMP_MAP = {
    "u_nguoi_dan": "nsd_nguoi_dan", "u_doanh_nghiep": "nsd_doanh_nghiep", "u_lanh_dao": "nsd_lanh_dao",
    "u_cbccvc": {"to": "nsd_cbccvc", "by_name": [DROP_HUYEN("nsd_cbccvc")]}, "u_to_chuc": "nsd_doanh_nghiep", "u_co_quan_nha_nuoc": "nsd_co_quan",
    "k_web": "l4_web", "k_di_dong": "l4_ung_dung_di_dong",
    "k_mot_cua": {"to": "l4_ttpvhcc_tinh", "by_name": [
        {"pattern": "(?i)\\b(cấp )?huyện\\b", "to": None, "reason": DISTRICT[0], "reason_vi": DISTRICT[1]},
        {"pattern": "(?i)\\b(cấp )?xã\\b|\\bphường\\b", "to": "l4_ttpvhcc_xa"}]},
    "k_buu_chinh": "l4_buu_chinh", "k_tong_dai": "l4_tong_dai", "k_kiosk": "l4_kiosk",
    "k_thu_sms_mxh": {"to": "l4_tin_nhan_email",
                      "note": "R13 lists text messages and e-mail; social media is not listed (Zalo: l4_zalo)."},
    "k_zalo": "l4_zalo",
    "c_cong_dvcqg": "l4_cong_dvcqg", "c_cong_ttdt_cp": "l4_cong_ttdt_cp",
    "c_cong_dvc_bo": {"to": "l3_httt_gq_tthc", "note": "Merged with the one-stop system (TT 21/2023/TT-BTTTT)."},
    "c_cong_dvc_tinh": {"to": "l3_httt_gq_tthc", "note": "Merged with the one-stop system (TT 21/2023/TT-BTTTT)."},
    "c_cong_ttdt_tinh": "l4_cong_ttdt_tinh",
    "c_trang_ttdt_don_vi": {"to": "l4_trang_ttdt_don_vi", "by_name": [DROP_HUYEN("l4_trang_ttdt_don_vi")]},
    "c_dvctt": "l4_dvctt", "c_danh_gia_hai_long": "l4_danh_gia_hai_long",
    "a_httt_bao_cao_qg": "l3_httt_bao_cao_qg", "a_ttdh_cp": "l3_ttdh_cp", "a_ecabinet": "l3_ecabinet",
    "a_httt_quoc_gia": "l3_httt_quoc_gia",
    "d_csdlqg_dan_cu": "l2_csdlqg_dan_cu", "d_csdlqg_dat_dai": "l2_csdlqg_dat_dai", "d_csdlqg_dkdn": "l2_csdlqg_dkdn",
    "d_csdlqg_thong_ke_dan_so": "l2_csdlqg_thong_ke_dan_so", "d_csdlqg_tai_chinh": "l2_csdlqg_tai_chinh",
    "d_csdlqg_bao_hiem": "l2_csdlqg_bao_hiem", "d_csdl_ho_tich": "l2_csdl_ho_tich", "d_csdlqg_tthc": "l2_csdlqg_tthc",
    "d_csdlqg_cbccvc": "l2_csdlqg_cbccvc", "d_csdlqg_vbpl": "l2_csdlqg_vbpl",
    "a_mot_cua_dien_tu": {"to": "l3_httt_gq_tthc", "by_name": [DROP_HUYEN("l3_httt_gq_tthc")],
                          "note": "Merged with the public service portal (TT 21/2023/TT-BTTTT)."},
    "a_httt_gq_tthc": "l3_httt_gq_tthc", "a_qlvb_dh": "l3_qlvb_dh", "a_thu_dien_tu": "l3_thu_dien_tu",
    "a_hntt": {"to": "l3_hntt", "by_name": [
        {"pattern": "(?i)\\bhuyện\\b", "to": None, "reason": DISTRICT[0], "reason_vi": DISTRICT[1]}]},
    "a_bao_cao_tinh": "l3_httt_bao_cao",
    "a_ioc": {"to": "l3_ioc", "note": "An IOC of a former district-level city (e.g. 'thành phố Pleiku') becomes the "
                                      "provincial IOC: rename it (research §2.2)."},
    "a_chuyen_nganh": "l3_chuyen_nganh", "d_csdl_chuyen_nganh": "l2_csdl_chuyen_nganh",
    "d_kho_du_lieu_dung_chung": "l2_csdl_dung_chung", "d_danh_muc_dung_chung": "l2_danh_muc_dung_chung",
    "d_kho_du_lieu_con_nguoi": {"to": "md_con_nguoi",
                                "note": "3.0's 'kho dữ liệu về con người' is the basic person domain of the CSDL tổng hợp quốc gia (R13)."},
    "d_kho_du_lieu_tong_hop": "l2_csdl_tong_hop_qg", "a_dieu_phoi_tthc": "l3_dieu_phoi_tthc",
    "i_ngsp": {"to": "l2_ndxp", "note": "The NDXP is the implementation of the NGSP (NQ 17/2019, S18, S20)."},
    "i_ndxp": "l2_ndxp", "i_lgsp_bo": "l2_lgsp_bo", "i_lgsp_tinh": "l2_ldop_tinh",
    "i_truc_lien_thong_vb": "l3_truc_lien_thong_vb",
    "i_xac_thuc": {"to": "l2_vneid", "by_name": [
        {"pattern": "(?i)\\b(tỉnh|bộ|sso|một lần|tập trung)\\b", "to": "l2_sso_tinh"}],
        "note": "Split per research §6(a)3: the national identity platform is VNeID; a ministry/provincial "
                "authentication system becomes the SSO."},
    "i_thanh_toan": "l2_thanh_toan", "i_chu_ky_so": "l2_chu_ky_so", "i_ndop": "l2_ndop",
    "i_vneid": "l2_vneid",
    "h_tslcd": "l1_tslcd", "h_internet": "l1_internet", "h_lan_wan": "l1_lan_wan", "h_ttdl_bo_tinh": "l1_ttdl_bo_tinh",
    "h_ttdl_qg": "l1_ttdlqg", "h_cloud_cp": "l1_cloud_cp", "h_thiet_bi_dau_cuoi": "l1_thiet_bi_dau_cuoi",
    "s_mo_hinh_4_lop": "l1_mo_hinh_4_lop", "s_luc_luong_tai_cho": "l1_luc_luong_tai_cho", "s_giam_sat_bao_ve": "l1_soc",
    "s_kiem_tra_doc_lap": "l1_kiem_tra_doc_lap", "s_giam_sat_quoc_gia": "l1_giam_sat_quoc_gia",
    "s_attt_cap_do": "l1_attt_cap_do",
    "g_ubqg_cpdt": {"to": "g_bcd_cp", "note": "Ủy ban Quốc gia về CPĐT → Ban Chỉ đạo của Chính phủ (QĐ 598/QĐ-TTg, R27)."},
    "g_btttt": {"to": "g_bkhcn", "note": "Bộ TT&TT merged into Bộ KH&CN from 1/3/2025 (NQ 176/2025/QH15)."},
    "g_bcd_bo_tinh": {"to": "g_bcd_tinh", "note": "Provincial name per R26 (M); ministry-level bodies were not researched: "
                                                  "review a ministry model's element by hand."},
    "g_so_tttt": {"to": "g_so_khcn", "note": "Sở TT&TT merged into Sở KH&CN from 1/3/2025 (R23)."},
    "g_van_ban_phap_ly": "g_van_ban_phap_ly", "g_tieu_chuan": "g_tieu_chuan",
    "g_kien_truc": {"to": "g_kttqgs", "by_name": [
        {"pattern": "(?i)\\b(tỉnh|bộ|cqđt|chính quyền điện tử)\\b", "to": "g_khung_kts_bo_tinh"}]},
    "e_he_thong_ngoai": "e_he_thong_ngoai", "e_ngan_hang": "e_ngan_hang", "e_buu_chinh": "e_buu_chinh",
    "e_vien_thong": "e_vien_thong",
    "trm_tieu_chuan": {"to": "g_tieu_chuan", "note": "Same instrument (TT 39/2017/TT-BTTTT); the TRM grouping is gone."},
}
for old in _OLD:
    if old in COMP_MAP:
        continue
    if old.startswith("drm"):
        COMP_MAP[old] = null(DRM_REASON)
    elif old.split("_")[0] in ("brm", "arm", "trm", "srm"):
        COMP_MAP[old] = null(RM_REASON)

LAYER_MAP = {
    "nguoi_su_dung": U, "kenh_giao_tiep": L4, "cong_dich_vu": L4,
    "ung_dung_csdl": {"to": L3, "by_type": {"DataObject": L2}},
    "nen_tang_tich_hop": L2, "ha_tang_ky_thuat": L1, "an_toan_thong_tin": L1, "chi_dao_chinh_sach": GOV,
    "he_thong_ngoai": EXT,
    "rm_brm": {"to": None, "reason": RM_REASON[0], "reason_vi": RM_REASON[1]},
    "rm_drm": {"to": None, "reason": DRM_REASON[0], "reason_vi": DRM_REASON[1]},
    "rm_arm": {"to": None, "reason": RM_REASON[0], "reason_vi": RM_REASON[1]},
    "rm_trm": {"to": None, "reason": RM_REASON[0], "reason_vi": RM_REASON[1]},
    "rm_srm": {"to": None, "reason": RM_REASON[0], "reason_vi": RM_REASON[1],
               "note": "Security requirements now sit in layer 1; review SRM elements by hand."},
}


def ag(to, effective, sources, inferred=False, note=None):
    d = {"to": to, "effective": effective, "sources": sources, "inferred": inferred}
    if note:
        d["note"] = note
    return d


AGENCIES = {
    "Bộ Thông tin và Truyền thông (Cục Tin học hóa)": ag(
        "Bộ Khoa học và Công nghệ (Cục Chuyển đổi số quốc gia)", "2025-03-01", [R1, R22a, NQ176]),
    "Bộ Thông tin và Truyền thông": ag("Bộ Khoa học và Công nghệ", "2025-03-01", [R22a, R22b, NQ176]),
    "Cục Tin học hóa": ag("Cục Chuyển đổi số quốc gia", "2025-03-01", [R1, R6],
                          note="Research §3.3 (g_btttt): 2025+ name 'Bộ KH&CN (Cục Chuyển đổi số quốc gia)'."),
    "Sở Thông tin và Truyền thông": ag("Sở Khoa học và Công nghệ", "2025-03-01", [R23]),
    "Bộ Kế hoạch và Đầu tư": ag("Bộ Tài chính", "2025-03-01", [R22a, NQ176]),
    "Bộ Tài nguyên và Môi trường": ag("Bộ Nông nghiệp và Môi trường", "2025-03-01", [R22a, NQ176]),
    "Bộ Nông nghiệp và Phát triển nông thôn": ag("Bộ Nông nghiệp và Môi trường", "2025-03-01", [R22a, NQ176]),
    "Bộ Giao thông vận tải": ag("Bộ Xây dựng", "2025-03-01", [R22a, NQ176]),
    "Bộ Lao động – Thương binh và Xã hội": ag("Bộ Nội vụ", "2025-03-01", [R22a, NQ176]),
    "Ủy ban Quốc gia về Chính phủ điện tử": ag(
        "Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06",
        "2025-03-13", [R27a, QD598]),
    "Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh": ag(
        "Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh", None, [R26a],
        note="Gia Lai's name (R26, M); the date of the change was not read."),
}
ADMIN_UNITS = {
    "tỉnh Bình Định": ag("tỉnh Gia Lai", "2025-07-01", [R25d, R25e],
                        note="Gia Lai + Bình Định → tỉnh Gia Lai, centre Quy Nhơn, 135 xã/phường (R25, H)."),
    "tỉnh Gia Lai (trước 01/7/2025)": ag("tỉnh Gia Lai", "2025-07-01", [R25d]),
    "tỉnh Bình Dương": ag("Thành phố Hồ Chí Minh", "2025-07-01", [R25e], note="Merge list M (R25)."),
    "tỉnh Bình Phước": ag("tỉnh Đồng Nai", "2025-07-01", [R25e], note="Merge list M (R25)."),
}

MAPPING = {
    "profile": "vn-egov-2.0",
    "note": ("Used by the 2.0 → 2025 model migration. A string value is the new id; an object gives 'to' (a new id "
             "or null), optional 'by_name' rules tried first on the element's Vietnamese name, 'reason' when null, "
             "and 'note'. Every component id of the 2.0 catalog is listed."),
    "components": COMP_MAP,
    "layers": LAYER_MAP,
    "agencies": AGENCIES,
    "administrative_units": ADMIN_UNITS,
}

DOC = {
    "format": "egov-modeler-catalog",
    "format_version": 1,
    "id": "vn-digital-2025",
    "title_vi": PROFILE["title_vi"],
    "title_en": PROFILE["title_en"],
    "profile": PROFILE,
    "notes": [
        "Generated by tools/profiles/build_vn_digital_2025.py: edit the script, not this file. Facts from "
        "shared/framework/framework-2025-research.md and framework-notes.md; 'inferred': true = "
        "low-confidence (L) or no source, reason in 'note'.",
        "Format: docs/catalog-format.md and docs/profile-format.md; decisions: docs/profiles.md.",
    ],
    "scope_levels": SCOPE_LEVELS,
    "layers": LAYERS,
    "components": COMPONENTS,
    "relationships": RELS,
    "rules": RULES,
    "terminology": TERMINOLOGY,
    "inventory_fields": INVENTORY,
    "mapping_from": MAPPING,
}

def render() -> str:
    """The file's text (a test compares the shipped file with it)."""
    return json.dumps(DOC, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), "utf-8")
    print(f"wrote {OUT}: {len(LAYERS)} layers, {len(COMPONENTS)} components, {len(RELS)} relationships, "
          f"{len(RULES)} rules, {len(COMP_MAP)} component mappings")
