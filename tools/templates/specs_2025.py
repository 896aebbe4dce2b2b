# ruff: noqa: E501 -- data tables: long Vietnamese names stay on one line
"""The templates of the 2025 profile (``vn-digital-2025``): ``provincial-2026`` (the
"Khung kiến trúc số tỉnh Gia Lai" after the merger with Bình Định, two-tier local government)
and ``national-2025`` (the overview of QĐ 3090/QĐ-BKHCN with the QĐ 2439/QĐ-TTg data
architecture beside it), plus ``empty-2025`` (the 2025 bands only).

Facts come from ``../shared/framework/framework-2025-research.md`` only; what is illustrative
(which systems the province runs, the two former provinces' systems and their handling, the
gaps and work packages) is marked ``inferred`` and says so in its note. Budgets, funding
sources, owners and operators of provincial systems are left empty rather than invented. The
content was drafted by the research engineer (``templates-2026.md``) and ported here; the
document axis sits in layer 3 as the research (§1.5) has it.
"""

from __future__ import annotations

from tools.templates.spec import ElementSpec, Spec, ViewSpec

U, L4, L3, L2, L1 = ("nguoi_su_dung_kttqgs", "l4_kenh_do_luong", "l3_ung_dung_nghiep_vu",
                     "l2_du_lieu_nen_tang", "l1_ha_tang_so_anm")
GOV, EXT = "quan_tri_the_che", "he_thong_ngoai_kttqgs"
KMD = "ktdl_mien_co_ban"
KDL = "ktdl_lop_du_lieu"
ROW_IMPL, ROW_PLATEAU, ROW_GAP, ROW_WORK, ROW_GOAL = (
    "row_impl", "row_plateau", "row_gap", "row_work", "row_goal")
ROW_LABELS = {
    ROW_IMPL: ("Khoảng trống và gói công việc", "Gaps and work packages"),
    ROW_PLATEAU: ("Trạng thái kiến trúc", "Plateaus"),
    ROW_GAP: ("Khoảng trống", "Gaps"),
    ROW_WORK: ("Gói công việc", "Work packages"),
    ROW_GOAL: ("Mục tiêu 2030", "Targets 2030"),
}

ST, HT, MT, HTMT = "Trạng thái", "Hiện trạng", "Mục tiêu", "Hiện trạng và mục tiêu"
PA, HN = "Phương án xử lý", "Hợp nhất, tổ chức lại"
DVC = "Đơn vị hành chính cũ"


def E(component=None, name=None, name_en=None, props=None, type=None, inferred=False,
      note=None) -> ElementSpec:
    return ElementSpec(component=component, name=name, name_en=name_en, props=props or {},
                       type=type, inferred=inferred, note=note)


# =============================================================================== provincial
P_ELEMENTS = {
    # users
    "u_nguoi_dan": E("nsd_nguoi_dan"),
    "u_doanh_nghiep": E("nsd_doanh_nghiep"),
    "u_cbccvc": E("nsd_cbccvc", "Cán bộ, công chức, viên chức tỉnh, xã", "Provincial and commune civil servants",
                  note="No district level (research §2.2)."),
    "u_lanh_dao": E("nsd_lanh_dao", "Lãnh đạo tỉnh", "Provincial leaders"),
    # layer 4
    "cong_dvcqg": E("l4_cong_dvcqg", props={ST: HTMT}),
    "cong_ttdt": E("l4_cong_ttdt_tinh", "Cổng thông tin điện tử tỉnh Gia Lai", "Gia Lai web portal", {ST: HTMT}),
    "trang_ttdt": E("l4_trang_ttdt_don_vi", "Trang thông tin điện tử của sở, ngành, xã, phường",
                    "Websites of departments, communes and wards", inferred=True),
    "web": E("l4_web"),
    "vneid_app": E("l4_ung_dung_vneid", inferred=True),
    "zalo": E("l4_zalo", inferred=True),
    "ttpvhcc_tinh": E("l4_ttpvhcc_tinh", "Trung tâm Phục vụ hành chính công tỉnh Gia Lai",
                      "Gia Lai Public Administration Service Centre"),
    "ttpvhcc_xa": E("l4_ttpvhcc_xa", "Trung tâm Phục vụ hành chính công xã, phường (135)",
                    "Commune and ward service centres (135)", inferred=True,
                    note="135 xã/phường is H (R25); a centre in each rests on NĐ 118/2025 (L). One grouped element."),
    "buu_chinh": E("l4_buu_chinh"),
    "danh_gia": E("l4_danh_gia_hai_long"),
    "dashboard": E("l4_dashboard", "Bảng điều khiển điều hành tỉnh Gia Lai", "Gia Lai direction dashboard",
                   {ST: MT}, inferred=True, note="Province-specific dashboard is illustrative."),
    # layer 3
    "tthc": E("l3_httt_gq_tthc", "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Gia Lai (cấp tỉnh, xã)",
              "Gia Lai administrative-procedure system (province and communes)", {"Phạm vi": "tỉnh", ST: MT}),
    "qlvb": E("l3_qlvb_dh", "Hệ thống quản lý văn bản và điều hành tỉnh Gia Lai",
              "Gia Lai document management and direction system", {"Phạm vi": "tỉnh"}),
    "bao_cao": E("l3_httt_bao_cao", "Hệ thống thông tin báo cáo tỉnh Gia Lai", "Gia Lai reporting system",
                 {"Phạm vi": "tỉnh"}),
    "bao_cao_qg": E("l3_httt_bao_cao_qg"),
    "ioc": E("l3_ioc", "Trung tâm giám sát, điều hành thông minh (IOC) tỉnh Gia Lai",
             "Gia Lai intelligent operations centre (IOC)", inferred=True,
             note="Replaces the 2.0 template's 'IOC thành phố Pleiku' (research §2.2)."),
    "chuyen_nganh": E("l3_chuyen_nganh", "Hệ thống thông tin chuyên ngành của các sở, ngành",
                      "Sector systems of the provincial departments", {"Phạm vi": "tỉnh"}),
    "tro_ly_ao": E("l3_tro_ly_ao", "Trợ lý ảo (AI) tỉnh Gia Lai", "Gia Lai AI assistant", {"Phạm vi": "tỉnh", ST: MT},
                   inferred=True),
    "hntt_tinh": E("l3_hntt", "Hội nghị trực tuyến: điểm cầu tỉnh", "Online conference: province site",
                   {"Phạm vi": "tỉnh"}),
    "hntt_xa": E("l3_hntt", "Hội nghị trực tuyến: điểm cầu cấp xã (135)", "Online conference: commune sites (135)",
                 {"Phạm vi": "xã"}, note="One grouped element with a count (research §2.2)."),
    # layer 2
    "ldop": E("l2_ldop_tinh", "Nền tảng tích hợp, chia sẻ dữ liệu tỉnh Gia Lai (LGSP/LDOP)",
              "Gia Lai integration and data orchestration platform (LGSP/LDOP)", {ST: MT}),
    "kho_dl": E("l2_csdl_dung_chung", "Kho dữ liệu dùng chung tỉnh Gia Lai", "Gia Lai shared data warehouse",
                {"Phạm vi": "tỉnh", "Lớp dữ liệu": "Dữ liệu chủ; Dữ liệu danh mục"}, inferred=True,
                note="Its data layers are illustrative."),
    "csdl_cn": E("l2_csdl_chuyen_nganh", "CSDL, HTTT chuyên ngành của các sở, ngành (43)",
                 "Departmental databases and systems (43)", {"Phạm vi": "tỉnh"},
                 note="The province counts 43 CSDL/HTTT run by its departments (R26, H). One grouped element."),
    "danh_muc": E("l2_danh_muc_dung_chung"),
    "sso": E("l2_sso_tinh", "Hệ thống xác thực tập trung (SSO) tỉnh Gia Lai", "Gia Lai single sign-on",
             {"Phạm vi": "tỉnh"}, inferred=True),
    "vneid": E("l2_vneid"),
    "ndop": E("l2_ndop"),
    "ndxp": E("l2_ndxp"),
    "truc_vb": E("l3_truc_lien_thong_vb"),
    "csdl_thqg": E("l2_csdl_tong_hop_qg"),
    "csdlqg_dan_cu": E("l2_csdlqg_dan_cu"),
    "csdlqg_dat_dai": E("l2_csdlqg_dat_dai"),
    "thanh_toan": E("l2_thanh_toan", inferred=True),
    "chu_ky_so": E("l2_chu_ky_so", inferred=True),
    # layer 1
    "tslcd": E("l1_tslcd"),
    "internet": E("l1_internet"),
    "ttdl_tinh": E("l1_ttdl_bo_tinh", "Trung tâm dữ liệu tỉnh Gia Lai", "Gia Lai provincial data centre",
                   {"Phạm vi": "tỉnh", ST: MT}),
    "cloud_cp": E("l1_cloud_cp"),
    "ttdlqg": E("l1_ttdlqg"),
    "soc": E("l1_soc", "Trung tâm giám sát an toàn, an ninh mạng (SOC) tỉnh Gia Lai", "Gia Lai SOC", {"Phạm vi": "tỉnh"}),
    "mo_hinh_4_lop": E("l1_mo_hinh_4_lop"),
    "giam_sat_qg": E("l1_giam_sat_quoc_gia"),
    "camera_iot": E("l1_camera_iot", props={"Phạm vi": "tỉnh"}, inferred=True),
    # governance
    "khung_kts": E("g_khung_kts_bo_tinh", "Khung kiến trúc số tỉnh Gia Lai (QĐ 3388/QĐ-UBND ngày 31/12/2025)",
                   "Gia Lai digital architecture framework (Decision 3388, 31 Dec 2025)", {"Phạm vi": "tỉnh"}),
    "kttqgs": E("g_kttqgs"),
    "ktdl": E("g_khung_kien_truc_du_lieu"),
    "so_khcn": E("g_so_khcn", "Sở Khoa học và Công nghệ tỉnh Gia Lai", "Gia Lai Department of Science and Technology"),
    "chu_tich": E("g_chu_tich_ubnd_tinh", "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai", "Chair of the Gia Lai People's Committee"),
    "bcd_tinh": E("g_bcd_tinh", "Ban Chỉ đạo về phát triển KH, CN, ĐMST và CĐS tỉnh Gia Lai",
                  "Gia Lai steering committee on science, technology, innovation and digital transformation"),
    "nd278": E("g_nd_278"),
    "tw_da_lam": E("g_tw_da_lam"),
    # external
    "e_buu_chinh": E("e_buu_chinh", inferred=True),
    "e_ngan_hang": E("e_ngan_hang", inferred=True),
    "e_ngoai": E("e_he_thong_ngoai"),
    # consolidation of the two former provinces (all illustrative: research §6(b) gives the LGSP example,
    # §2.2 the 'two sets of systems' inference (M))
    "lgsp_gl_cu": E("l2_ldop_tinh", "LGSP Gia Lai (cũ)", "Former Gia Lai LGSP",
                    {ST: HT, PA: HN, DVC: "tỉnh Gia Lai (trước 01/7/2025)"}, inferred=True),
    "lgsp_bd_cu": E("l2_ldop_tinh", "LGSP Bình Định (cũ)", "Former Bình Định LGSP",
                    {ST: HT, PA: HN, DVC: "tỉnh Bình Định"}, inferred=True),
    "tthc_gl_cu": E("l3_httt_gq_tthc", "HTTT giải quyết TTHC tỉnh Gia Lai (cũ)",
                    "Former Gia Lai administrative-procedure system",
                    {"Phạm vi": "tỉnh", ST: HT, PA: HN, DVC: "tỉnh Gia Lai (trước 01/7/2025)"}, inferred=True),
    "tthc_bd_cu": E("l3_httt_gq_tthc", "HTTT giải quyết TTHC tỉnh Bình Định (cũ)",
                    "Former Bình Định administrative-procedure system",
                    {"Phạm vi": "tỉnh", ST: HT, PA: HN, DVC: "tỉnh Bình Định"}, inferred=True),
    "ttdl_gl_cu": E("l1_ttdl_bo_tinh", "Trung tâm dữ liệu tỉnh Gia Lai (cũ)", "Former Gia Lai data centre",
                    {"Phạm vi": "tỉnh", ST: HT, PA: HN, DVC: "tỉnh Gia Lai (trước 01/7/2025)"}, inferred=True),
    "ttdl_bd_cu": E("l1_ttdl_bo_tinh", "Trung tâm dữ liệu tỉnh Bình Định (cũ)", "Former Bình Định data centre",
                    {"Phạm vi": "tỉnh", ST: HT, PA: HN, DVC: "tỉnh Bình Định"}, inferred=True),
    # roadmap (Implementation & Migration, Motivation)
    "p_2025": E(type="Plateau", name="Hiện trạng 2025 (sau hợp nhất)", name_en="Baseline 2025 (after the merger)"),
    "p_2026": E(type="Plateau", name="Mục tiêu 2026", name_en="Target 2026"),
    "p_2030": E(type="Plateau", name="Mục tiêu 2030", name_en="Target 2030"),
    "gap_trung_lap": E(type="Gap", name="Hai bộ hệ thống trùng lặp của hai tỉnh cũ (LGSP, HTTT giải quyết TTHC, trung tâm dữ liệu)",
                       name_en="Two overlapping sets of systems of the former provinces", inferred=True),
    "gap_ndop": E(type="Gap", name="Chưa chia sẻ dữ liệu bắt buộc qua NDOP, chưa đồng bộ dữ liệu chủ với CSDL tổng hợp quốc gia",
                  name_en="Mandatory sharing via NDOP and master-data sync not yet in place", inferred=True),
    "gap_huyen": E(type="Gap", name="Thành phần cấp huyện không còn sau 01/7/2025 (điểm cầu, bộ phận một cửa, IOC thành phố)",
                   name_en="District-level items gone after 1 July 2025"),
    "wp_lgsp": E(type="WorkPackage", name="Hợp nhất LGSP hai tỉnh cũ thành LGSP/LDOP tỉnh Gia Lai, kết nối NDOP",
                 name_en="Merge the two former LGSPs into the Gia Lai LGSP/LDOP linked to NDOP",
                 props={"Thời hạn": "Quý IV/2026"}, inferred=True,
                 note="Deadline from NĐ 278/2025 (mandatory sharing by 31/12/2026, H); the task itself is illustrative."),
    "wp_tthc": E(type="WorkPackage", name="Hợp nhất HTTT giải quyết TTHC của hai tỉnh cũ (cấp tỉnh, xã)",
                 name_en="Merge the two former administrative-procedure systems", inferred=True),
    "wp_ttdl": E(type="WorkPackage", name="Hợp nhất trung tâm dữ liệu hai tỉnh cũ, từng bước chuyển lên đám mây Chính phủ",
                 name_en="Merge the two former data centres, moving step by step to the government cloud", inferred=True),
    "wp_dong_bo": E(type="WorkPackage", name="Đồng bộ dữ liệu chủ, dữ liệu dùng chung của tỉnh với CSDL tổng hợp quốc gia qua NDOP",
                    name_en="Sync the province's master and shared data with the national aggregated database via NDOP",
                    props={"Thời hạn": "Quý IV/2026"}, inferred=True, note="Deadline from NĐ 278/2025 (H)."),
    "goal_dvctt": E(type="Goal", name="100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình (2030)",
                    name_en="Every eligible procedure fully online (2030)"),
    "goal_ai": E(type="Goal", name="100% dịch vụ công trực tuyến toàn trình có ứng dụng AI (2030)",
                 name_en="Every end-to-end online service uses AI (2030)"),
    "goal_so_hoa": E(type="Goal", name="100% hồ sơ được số hóa (2030)", name_en="Every dossier digitised (2030)"),
    "goal_qtdl": E(type="Goal", name="Quản trị dữ liệu đạt mức 4 ở mọi cơ quan, mức 5 ở 90% (2030)",
                   name_en="Data governance maturity level 4 everywhere, level 5 at 90% (2030)"),
}

SERVE = "Serving"
P_RELATIONS = [
    # channels → users
    ("web", SERVE, "u_nguoi_dan", ""), ("web", SERVE, "u_doanh_nghiep", ""), ("vneid_app", SERVE, "u_nguoi_dan", ""),
    ("zalo", SERVE, "u_nguoi_dan", ""), ("ttpvhcc_tinh", SERVE, "u_doanh_nghiep", ""),
    ("ttpvhcc_tinh", SERVE, "u_nguoi_dan", ""), ("ttpvhcc_xa", SERVE, "u_nguoi_dan", ""),
    ("buu_chinh", SERVE, "u_nguoi_dan", ""), ("dashboard", SERVE, "u_lanh_dao", ""),
    ("e_buu_chinh", "Assignment", "buu_chinh", ""),
    # portals
    ("cong_dvcqg", "Composition", "web", ""), ("cong_ttdt", SERVE, "web", ""),
    ("cong_ttdt", "Aggregation", "trang_ttdt", ""),
    ("vneid", "Composition", "vneid_app", ""), ("vneid", SERVE, "cong_dvcqg", ""), ("vneid", SERVE, "sso", ""),
    ("sso", SERVE, "tthc", ""), ("thanh_toan", SERVE, "cong_dvcqg", "Thanh toán trực tuyến"),
    ("e_ngan_hang", "Flow", "thanh_toan", ""),
    # administrative procedures
    ("tthc", "Flow", "cong_dvcqg", "Đồng bộ hồ sơ, trạng thái, kết quả"),
    ("tthc", SERVE, "ttpvhcc_tinh", ""), ("tthc", SERVE, "ttpvhcc_xa", ""), ("tthc", SERVE, "zalo", ""),
    ("tthc", SERVE, "u_cbccvc", ""), ("cong_dvcqg", "Realization", "danh_gia", ""),
    # data sharing
    ("tthc", "Flow", "ldop", ""), ("chuyen_nganh", "Flow", "ldop", ""), ("ioc", "Flow", "ldop", ""),
    ("chuyen_nganh", "Access", "csdl_cn", ""), ("ldop", "Access", "kho_dl", ""), ("ldop", "Access", "danh_muc", ""),
    ("ldop", "Flow", "ndop", "Chia sẻ bắt buộc (NĐ 278)"), ("ldop", "Flow", "ndxp", ""),
    ("ndop", "Access", "csdl_thqg", "Đồng bộ dữ liệu chủ"), ("ndop", "Access", "csdlqg_dan_cu", ""),
    ("ndop", "Access", "csdlqg_dat_dai", ""), ("e_ngoai", "Flow", "ldop", ""),
    # documents, reporting, direction
    ("qlvb", "Flow", "truc_vb", "Gửi, nhận văn bản ký số"),
    ("chu_ky_so", SERVE, "qlvb", "Ký số"), ("qlvb", SERVE, "u_cbccvc", ""),
    ("bao_cao", "Flow", "bao_cao_qg", ""), ("ioc", SERVE, "dashboard", ""), ("camera_iot", SERVE, "ioc", ""),
    ("tro_ly_ao", SERVE, "u_cbccvc", ""), ("hntt_tinh", "Flow", "hntt_xa", ""), ("hntt_tinh", SERVE, "u_cbccvc", ""),
    # infrastructure and security
    ("tslcd", "Association", "ttdl_tinh", ""), ("internet", "Association", "web", ""),
    ("ttdl_tinh", "Association", "cloud_cp", "Chuyển dần lên đám mây"), ("ttdlqg", SERVE, "ndop", ""),
    ("ttdlqg", "Association", "csdl_thqg", ""),
    ("mo_hinh_4_lop", "Association", "soc", ""), ("soc", "Flow", "giam_sat_qg", "Chia sẻ thông tin giám sát (lớp 4)"),
    ("soc", "Association", "ttdl_tinh", ""),
    # governance
    ("khung_kts", "Association", "kttqgs", ""), ("ktdl", "Association", "kttqgs", ""),
    ("so_khcn", "Association", "khung_kts", "Chủ trì xây dựng"), ("chu_tich", "Association", "khung_kts", "Phê duyệt"),
    ("bcd_tinh", "Association", "so_khcn", ""), ("nd278", "Association", "ndop", ""), ("tw_da_lam", "Association", "kttqgs", ""),
]
# hosting (view 4 and the FW26-HOSTED rule)
P_HOSTING = [("ttdl_tinh", SERVE, k, "") for k in (
    "cong_ttdt", "trang_ttdt", "dashboard", "tthc", "qlvb", "bao_cao", "ioc", "chuyen_nganh", "tro_ly_ao",
    "hntt_tinh", "ldop", "sso")] + [("tslcd", SERVE, k, "") for k in (
    "cong_dvcqg", "hntt_xa", "bao_cao_qg", "vneid", "ndxp", "truc_vb")]
# consolidation and roadmap
P_CONSOLIDATION = [
    ("ttdl_gl_cu", SERVE, "lgsp_gl_cu", ""), ("ttdl_gl_cu", SERVE, "tthc_gl_cu", ""),
    ("ttdl_bd_cu", SERVE, "lgsp_bd_cu", ""), ("ttdl_bd_cu", SERVE, "tthc_bd_cu", ""),
    ("tthc_gl_cu", "Flow", "lgsp_gl_cu", ""), ("tthc_bd_cu", "Flow", "lgsp_bd_cu", ""),
    ("tthc_gl_cu", "Flow", "cong_dvcqg", "Đồng bộ"), ("tthc_bd_cu", "Flow", "cong_dvcqg", "Đồng bộ"),
    ("gap_trung_lap", "Association", "lgsp_gl_cu", ""), ("gap_trung_lap", "Association", "lgsp_bd_cu", ""),
    ("gap_trung_lap", "Association", "tthc_gl_cu", ""), ("gap_trung_lap", "Association", "tthc_bd_cu", ""),
    ("gap_trung_lap", "Association", "ttdl_gl_cu", ""), ("gap_trung_lap", "Association", "ttdl_bd_cu", ""),
    ("wp_lgsp", "Realization", "ldop", ""), ("wp_tthc", "Realization", "tthc", ""), ("wp_ttdl", "Realization", "ttdl_tinh", ""),
    ("wp_lgsp", "Association", "gap_trung_lap", ""), ("wp_tthc", "Association", "gap_trung_lap", ""),
    ("wp_ttdl", "Association", "gap_trung_lap", ""), ("wp_lgsp", "Association", "gap_ndop", ""),
    ("wp_dong_bo", "Association", "gap_ndop", ""), ("wp_dong_bo", "Association", "kho_dl", ""),
    ("so_khcn", "Assignment", "wp_lgsp", ""), ("so_khcn", "Assignment", "wp_dong_bo", ""),
]
P_ROADMAP = [
    ("p_2025", "Triggering", "p_2026", ""), ("p_2026", "Triggering", "p_2030", ""),
    *[("p_2025", "Aggregation", k, "") for k in ("lgsp_gl_cu", "lgsp_bd_cu", "tthc_gl_cu", "tthc_bd_cu",
                                                  "ttdl_gl_cu", "ttdl_bd_cu")],
    *[("p_2026", "Aggregation", k, "") for k in ("ldop", "tthc", "ttdl_tinh", "kho_dl")],
    ("p_2030", "Aggregation", "cloud_cp", ""), ("p_2030", "Aggregation", "tro_ly_ao", ""),
    *[("p_2030", "Realization", g, "") for g in ("goal_dvctt", "goal_ai", "goal_so_hoa", "goal_qtdl")],
    ("gap_trung_lap", "Association", "p_2025", ""), ("gap_trung_lap", "Association", "p_2026", ""),
    ("gap_ndop", "Association", "p_2025", ""), ("gap_ndop", "Association", "p_2026", ""),
    ("gap_huyen", "Association", "p_2025", ""),
    ("wp_lgsp", "Triggering", "wp_dong_bo", ""),
]

P_VIEWS = [
    dict(key="tong_the", name="Sơ đồ tổng thể Khung kiến trúc số tỉnh Gia Lai",
         name_en="Overall diagram of the Gia Lai digital architecture framework",
         bands=[(U, ["u_cbccvc", "u_nguoi_dan", "u_doanh_nghiep", "u_lanh_dao"]),
                (L4, ["buu_chinh", "ttpvhcc_tinh", "ttpvhcc_xa", "zalo", "vneid_app", "web", "cong_dvcqg", "cong_ttdt",
                      "trang_ttdt", "danh_gia", "dashboard"]),
                (L3, ["tthc", "qlvb", "truc_vb", "bao_cao", "bao_cao_qg", "ioc", "chuyen_nganh", "tro_ly_ao",
                      "hntt_tinh", "hntt_xa"]),
                (L2, ["sso", "vneid", "thanh_toan", "ldop", "kho_dl", "csdl_cn", "danh_muc", "ndop", "ndxp",
                      "chu_ky_so", "csdl_thqg", "csdlqg_dan_cu"]),
                (L1, ["internet", "tslcd", "ttdl_tinh", "cloud_cp", "ttdlqg", "camera_iot", "mo_hinh_4_lop", "soc",
                      "giam_sat_qg"]),
                (GOV, ["kttqgs", "ktdl", "khung_kts", "tw_da_lam", "nd278", "bcd_tinh", "so_khcn", "chu_tich"]),
                (EXT, ["e_buu_chinh", "e_ngan_hang", "e_ngoai"])],
         relations="P_RELATIONS"),
    dict(key="chia_se_du_lieu", name="Sơ đồ kết nối, chia sẻ dữ liệu", name_en="Data connection and sharing",
         bands=[(L3, ["tthc", "chuyen_nganh", "ioc", "qlvb", "truc_vb"]),
                (L2, ["ldop", "kho_dl", "csdl_cn", "danh_muc", "ndop", "ndxp", "csdl_thqg", "csdlqg_dan_cu",
                      "csdlqg_dat_dai"]),
                (L1, ["ttdlqg"]), (GOV, ["nd278"]), (EXT, ["e_ngoai"])],
         relations="P_RELATIONS"),
    dict(key="tthc", name="Sơ đồ giải quyết thủ tục hành chính", name_en="Administrative procedures",
         bands=[(U, ["u_nguoi_dan", "u_doanh_nghiep", "u_cbccvc"]),
                (L4, ["cong_dvcqg", "web", "vneid_app", "zalo", "ttpvhcc_tinh", "ttpvhcc_xa", "buu_chinh", "danh_gia"]),
                (L3, ["tthc"]), (L2, ["vneid", "sso", "thanh_toan", "ldop"]), (EXT, ["e_buu_chinh", "e_ngan_hang"])],
         relations="P_RELATIONS"),
    dict(key="ha_tang_an_ninh", name="Sơ đồ hạ tầng số và an ninh mạng", name_en="Digital infrastructure and cybersecurity",
         bands=[(L4, ["cong_dvcqg", "cong_ttdt", "trang_ttdt", "dashboard"]),
                (L3, ["tthc", "qlvb", "truc_vb", "bao_cao", "bao_cao_qg", "ioc", "chuyen_nganh", "tro_ly_ao",
                      "hntt_tinh", "hntt_xa"]),
                (L2, ["ldop", "sso", "vneid", "ndxp", "ndop"]),
                (L1, ["internet", "tslcd", "ttdl_tinh", "cloud_cp", "ttdlqg", "camera_iot", "mo_hinh_4_lop", "soc",
                      "giam_sat_qg"])],
         relations="P_HOSTING+P_RELATIONS"),
    dict(key="hop_nhat", name="Hợp nhất hệ thống của hai tỉnh cũ (Gia Lai, Bình Định)",
         name_en="Consolidating the systems of the two former provinces",
         bands=[(L4, ["cong_dvcqg"]), (L3, ["tthc_gl_cu", "tthc_bd_cu", "tthc"]),
                (L2, ["lgsp_gl_cu", "lgsp_bd_cu", "ldop", "ndop"]),
                (L1, ["ttdl_gl_cu", "ttdl_bd_cu", "ttdl_tinh"]),
                (ROW_IMPL, ["gap_trung_lap", "wp_lgsp", "wp_tthc", "wp_ttdl"])],
         relations="P_CONSOLIDATION+P_RELATIONS+P_HOSTING"),
    dict(key="lo_trinh", name="Lộ trình: hiện trạng → mục tiêu", name_en="Roadmap: baseline → target",
         bands=[(ROW_PLATEAU, ["p_2025", "p_2026", "p_2030"]),
                (ROW_GAP, ["gap_trung_lap", "gap_ndop", "gap_huyen"]),
                (ROW_WORK, ["wp_lgsp", "wp_tthc", "wp_ttdl", "wp_dong_bo"]),
                (ROW_GOAL, ["goal_dvctt", "goal_ai", "goal_so_hoa", "goal_qtdl"]),
                (L3, ["tthc_gl_cu", "tthc_bd_cu", "tthc", "tro_ly_ao"]),
                (L2, ["lgsp_gl_cu", "lgsp_bd_cu", "ldop", "kho_dl"]),
                (L1, ["ttdl_gl_cu", "ttdl_bd_cu", "ttdl_tinh", "cloud_cp"]),
                (GOV, ["so_khcn"])],
         relations="P_ROADMAP+P_CONSOLIDATION"),
]

P_PROPERTIES = [
    ("architecture_level", "province"), ("architecture_date", "2025-12-31"),
    ("framework", "QĐ 3090/QĐ-BKHCN; QĐ 2439/QĐ-TTg"),
    ("dossier:title", "Khung kiến trúc số tỉnh Gia Lai"), ("dossier:agency", "Ủy ban nhân dân tỉnh Gia Lai"),
    ("dossier:issuer", "Sở Khoa học và Công nghệ"), ("dossier:prepared_by", "Sở Khoa học và Công nghệ tỉnh Gia Lai"),
    ("dossier:approved_by", "Chủ tịch Ủy ban nhân dân tỉnh Gia Lai"), ("dossier:place", "Gia Lai"),
    ("dossier:version", "1.0"),
    ("province:seat", "Quy Nhơn"), ("province:communes", "135 (110 xã, 25 phường)"),
    ("province:merged_from", "Gia Lai; Bình Định (hợp nhất 01/7/2025)"),
]

# ================================================================================= national
N_ELEMENTS = {
    "u_nguoi_dan": E("nsd_nguoi_dan"), "u_doanh_nghiep": E("nsd_doanh_nghiep"), "u_co_quan": E("nsd_co_quan"),
    "u_cbccvc": E("nsd_cbccvc"), "u_du_khach": E("nsd_du_khach"), "u_lanh_dao": E("nsd_lanh_dao", inferred=True),
    "cong_dvcqg": E("l4_cong_dvcqg"), "cong_ttdt_cp": E("l4_cong_ttdt_cp"), "vneid_app": E("l4_ung_dung_vneid", inferred=True),
    "di_dong": E("l4_ung_dung_di_dong"), "web": E("l4_web"), "kiosk": E("l4_kiosk"), "tin_nhan": E("l4_tin_nhan_email"),
    "ttpvhcc": E("l4_ttpvhcc_tinh", "Trung tâm Phục vụ hành chính công, bộ phận một cửa",
                 "Public administration service centres and one-stop counters"),
    "phan_hoi": E("l4_phan_hoi"), "danh_gia": E("l4_danh_gia_hai_long"), "dashboard": E("l4_dashboard"),
    "dvctt": E("l4_dvctt"),
    "dieu_phoi": E("l3_dieu_phoi_tthc"), "tthc": E("l3_httt_gq_tthc"), "qlvb": E("l3_qlvb_dh"),
    "bao_cao_qg": E("l3_httt_bao_cao_qg"), "bao_cao": E("l3_httt_bao_cao"), "ttdh_cp": E("l3_ttdh_cp"),
    "httt_qg": E("l3_httt_quoc_gia"), "tro_ly_ao_qg": E("l3_tro_ly_ao_qg", inferred=True), "chuyen_nganh": E("l3_chuyen_nganh"),
    "vneid": E("l2_vneid"), "ndop": E("l2_ndop"), "ndxp": E("l2_ndxp"), "truc_vb": E("l3_truc_lien_thong_vb"),
    "lgsp_bo": E("l2_lgsp_bo"), "ldop_tinh": E("l2_ldop_tinh"),
    "csdl_thqg": E("l2_csdl_tong_hop_qg"), "csdlqg_dan_cu": E("l2_csdlqg_dan_cu"), "csdlqg_dat_dai": E("l2_csdlqg_dat_dai"),
    "csdlqg_dkdn": E("l2_csdlqg_dkdn", inferred=True), "csdlqg_tai_chinh": E("l2_csdlqg_tai_chinh"),
    "csdlqg_bao_hiem": E("l2_csdlqg_bao_hiem"), "csdlqg_tthc": E("l2_csdlqg_tthc"), "csdlqg_cbccvc": E("l2_csdlqg_cbccvc"),
    "csdlqg_xd": E("l2_csdlqg_hoat_dong_xay_dung"), "csdlqg_xnc": E("l2_csdlqg_xuat_nhap_canh"),
    "csdl_dung_chung": E("l2_csdl_dung_chung", props={"Lớp dữ liệu": "Dữ liệu chủ"}),
    "csdl_cn": E("l2_csdl_chuyen_nganh"),
    "tu_dien": E("l2_tu_dien_du_lieu"), "quan_tri_dl": E("l2_quan_tri_du_lieu_qg"), "cong_dl": E("l2_cong_du_lieu_qg"),
    "san_dl": E("l2_san_du_lieu"),
    "tslcd": E("l1_tslcd"), "internet": E("l1_internet"), "ttdlqg": E("l1_ttdlqg"), "cloud_cp": E("l1_cloud_cp"),
    "ttdl_bo_tinh": E("l1_ttdl_bo_tinh"), "soc_ttdlqg": E("l1_soc_ttdlqg"), "giam_sat_qg": E("l1_giam_sat_quoc_gia"),
    "mo_hinh_4_lop": E("l1_mo_hinh_4_lop"),
    "bcd_tw": E("g_bcd_tw"), "bcd_cp": E("g_bcd_cp"), "bkhcn": E("g_bkhcn"), "kttqgs": E("g_kttqgs"),
    "ktdl": E("g_khung_kien_truc_du_lieu"), "ket_qua": E("g_quan_tri_ket_qua"), "tw_da_lam": E("g_tw_da_lam"),
    "nd278": E("g_nd_278"), "luat_cds": E("g_luat_cds"), "nd45": E("g_nd_45_2026"),
    "e_ngoai": E("e_he_thong_ngoai"), "e_ttdl_dn": E("e_ttdl_doanh_nghiep"), "e_ngan_hang": E("e_ngan_hang", inferred=True),
    "dl_dl_goc": E("dl_goc"), "dl_chu": E("dl_chu"), "dl_mo": E("dl_mo"),
    **{k: E(k) for k in ("md_con_nguoi", "md_phap_nhan", "md_tai_san", "md_dia_chinh", "md_dia_chi", "md_nen_dia_ly")},
}
N_RELATIONS = [
    ("web", SERVE, "u_nguoi_dan", ""), ("web", SERVE, "u_doanh_nghiep", ""), ("di_dong", SERVE, "u_nguoi_dan", ""),
    ("vneid_app", SERVE, "u_nguoi_dan", ""), ("kiosk", SERVE, "u_nguoi_dan", ""), ("tin_nhan", SERVE, "u_nguoi_dan", ""),
    ("ttpvhcc", SERVE, "u_nguoi_dan", ""), ("ttpvhcc", SERVE, "u_doanh_nghiep", ""), ("dashboard", SERVE, "u_lanh_dao", ""),
    ("cong_dvcqg", "Composition", "web", ""), ("cong_dvcqg", SERVE, "di_dong", ""), ("cong_dvcqg", "Realization", "dvctt", ""),
    ("cong_dvcqg", "Composition", "dieu_phoi", ""), ("phan_hoi", "Realization", "danh_gia", ""),
    ("vneid", "Composition", "vneid_app", ""), ("vneid", SERVE, "cong_dvcqg", ""),
    ("tthc", "Flow", "cong_dvcqg", "Đồng bộ"), ("tthc", "Flow", "ldop_tinh", ""), ("chuyen_nganh", "Flow", "lgsp_bo", ""),
    ("chuyen_nganh", "Access", "csdl_cn", ""), ("ldop_tinh", "Access", "csdl_dung_chung", ""),
    ("ldop_tinh", "Flow", "ndop", ""), ("lgsp_bo", "Flow", "ndop", ""), ("ldop_tinh", "Flow", "ndxp", ""),
    ("lgsp_bo", "Flow", "ndxp", ""),
    ("ndop", "Access", "csdl_thqg", ""), *[("ndop", "Access", d, "") for d in (
        "csdlqg_dan_cu", "csdlqg_dat_dai", "csdlqg_dkdn", "csdlqg_tai_chinh", "csdlqg_bao_hiem")],
    *[("csdl_thqg", "Aggregation", m, "") for m in (
        "md_con_nguoi", "md_phap_nhan", "md_tai_san", "md_dia_chinh", "md_dia_chi", "md_nen_dia_ly")],
    ("md_con_nguoi", "Association", "csdlqg_dan_cu", ""), ("cong_dl", "Access", "dl_mo", ""),
    ("qlvb", "Flow", "truc_vb", "Gửi, nhận văn bản"),
    ("bao_cao", "Flow", "bao_cao_qg", ""), ("bao_cao_qg", SERVE, "ttdh_cp", ""), ("ttdh_cp", SERVE, "u_lanh_dao", ""),
    ("ttdlqg", SERVE, "ndop", ""), ("ttdlqg", "Association", "csdl_thqg", ""),
    ("ttdlqg", "Association", "soc_ttdlqg", ""), ("tslcd", "Association", "ttdl_bo_tinh", ""),
    ("internet", "Association", "web", ""), ("ttdl_bo_tinh", "Association", "cloud_cp", ""),
    ("mo_hinh_4_lop", "Association", "giam_sat_qg", ""), ("e_ngoai", "Flow", "ldop_tinh", ""),
    ("bkhcn", "Association", "kttqgs", "Ban hành"), ("bcd_tw", "Association", "kttqgs", ""), ("bcd_cp", "Association", "bkhcn", ""),
    ("ktdl", "Association", "kttqgs", ""), ("ket_qua", "Association", "kttqgs", ""), ("tw_da_lam", "Association", "kttqgs", ""),
    ("nd278", "Association", "ndop", ""), ("nd45", "Association", "kttqgs", ""),
]
N_HOSTING = [("ttdlqg", SERVE, k, "") for k in ("vneid", "tu_dien", "quan_tri_dl", "cong_dl", "san_dl")] + \
            [("cloud_cp", SERVE, k, "") for k in ("cong_dvcqg", "cong_ttdt_cp", "dieu_phoi", "bao_cao_qg", "ttdh_cp",
                                                  "httt_qg", "tro_ly_ao_qg", "phan_hoi", "dashboard")] + \
            [("tslcd", SERVE, k, "") for k in ("ndxp", "truc_vb")] + \
            [("ttdl_bo_tinh", SERVE, k, "") for k in ("tthc", "qlvb", "bao_cao", "chuyen_nganh", "lgsp_bo", "ldop_tinh")]
N_VIEWS = [
    dict(key="tong_quat", name="Khung kiến trúc tổng thể quốc gia số: sơ đồ tổng quát 4 lớp",
         name_en="National digital architecture framework: four-layer overview",
         bands=[(U, ["u_nguoi_dan", "u_doanh_nghiep", "u_co_quan", "u_cbccvc", "u_du_khach", "u_lanh_dao"]),
                (L4, ["ttpvhcc", "kiosk", "tin_nhan", "web", "di_dong", "vneid_app", "cong_dvcqg", "dvctt", "cong_ttdt_cp",
                      "phan_hoi", "danh_gia", "dashboard"]),
                (L3, ["dieu_phoi", "tthc", "qlvb", "truc_vb", "chuyen_nganh", "bao_cao", "bao_cao_qg", "ttdh_cp",
                      "httt_qg", "tro_ly_ao_qg"]),
                (L2, ["vneid", "ldop_tinh", "lgsp_bo", "ndop", "ndxp", "csdl_thqg", "csdlqg_dan_cu",
                      "csdlqg_dat_dai", "csdlqg_dkdn", "csdlqg_tai_chinh", "csdlqg_bao_hiem", "csdlqg_tthc",
                      "csdlqg_cbccvc", "csdlqg_xd", "csdlqg_xnc", "csdl_dung_chung", "csdl_cn", "tu_dien",
                      "quan_tri_dl", "cong_dl", "san_dl"]),
                (L1, ["internet", "tslcd", "ttdlqg", "cloud_cp", "ttdl_bo_tinh", "soc_ttdlqg", "mo_hinh_4_lop",
                      "giam_sat_qg"]),
                (GOV, ["bcd_tw", "bcd_cp", "bkhcn", "kttqgs", "ktdl", "ket_qua", "tw_da_lam", "nd278", "luat_cds", "nd45"]),
                (EXT, ["e_ngoai", "e_ttdl_dn", "e_ngan_hang"])],
         relations="N_RELATIONS"),
    dict(key="kien_truc_du_lieu", name="Sơ đồ tổng quát Khung kiến trúc dữ liệu quốc gia (QĐ 2439/QĐ-TTg)",
         name_en="Overview of the national data architecture framework",
         bands=[(U, ["u_nguoi_dan", "u_doanh_nghiep", "u_co_quan", "u_cbccvc", "u_du_khach"]),
                (L4, ["ttpvhcc", "kiosk", "tin_nhan", "web", "di_dong", "vneid_app", "cong_dvcqg"]),
                (L2, ["csdl_thqg", "csdlqg_dan_cu", "csdlqg_dat_dai", "csdlqg_dkdn", "csdlqg_tai_chinh",
                      "csdlqg_bao_hiem", "csdl_dung_chung", "csdl_cn", "ldop_tinh", "lgsp_bo", "ndop", "vneid",
                      "quan_tri_dl", "tu_dien", "cong_dl", "san_dl"]),
                (L1, ["soc_ttdlqg", "internet", "tslcd", "ttdlqg", "ttdl_bo_tinh"]),
                (KMD, ["md_con_nguoi", "md_phap_nhan", "md_tai_san", "md_dia_chinh", "md_dia_chi", "md_nen_dia_ly"]),
                ("ktdl_lop_du_lieu", ["dl_dl_goc", "dl_chu", "dl_mo"]),
                (EXT, ["e_ttdl_dn"])],
         relations="N_RELATIONS"),
    dict(key="ha_tang", name="Hạ tầng số dùng chung và các hệ thống đặt trên đó", name_en="Shared infrastructure and what runs on it",
         bands=[(L4, ["cong_dvcqg", "cong_ttdt_cp", "phan_hoi", "dashboard"]),
                (L3, ["dieu_phoi", "tthc", "qlvb", "truc_vb", "chuyen_nganh", "bao_cao", "bao_cao_qg", "ttdh_cp",
                      "httt_qg", "tro_ly_ao_qg"]),
                (L2, ["vneid", "ldop_tinh", "lgsp_bo", "ndop", "ndxp", "tu_dien", "quan_tri_dl", "cong_dl",
                      "san_dl"]),
                (L1, ["tslcd", "ttdlqg", "cloud_cp", "ttdl_bo_tinh"])],
         relations="N_HOSTING+N_RELATIONS"),
]
N_PROPERTIES = [
    ("architecture_level", "national"), ("architecture_date", "2025-11-04"),
    ("framework", "QĐ 3090/QĐ-BKHCN; QĐ 2439/QĐ-TTg"),
    ("dossier:title", "Khung kiến trúc tổng thể quốc gia số"), ("dossier:agency", "Bộ Khoa học và Công nghệ"),
    ("dossier:place", "Hà Nội"),
]



def _views(views: list[dict]) -> list[ViewSpec]:
    return [ViewSpec(key=v["key"], name=v["name"], name_en=v["name_en"], bands=v["bands"],
                     groups=tuple(v["relations"].split("+"))) for v in views]


def provincial_2026_spec() -> Spec:
    """Khung kiến trúc số tỉnh Gia Lai (after the merger), under QĐ 3090 and QĐ 2439."""
    title = "Khung kiến trúc số tỉnh Gia Lai"
    prepared = "Sở Khoa học và Công nghệ tỉnh Gia Lai"
    agency = "Ủy ban nhân dân tỉnh Gia Lai"
    return Spec(
        name="provincial-2026", title=title, title_en="Gia Lai digital architecture framework",
        bands={}, profile="vn-digital-2025", elements=P_ELEMENTS,
        groups={"P_RELATIONS": P_RELATIONS, "P_HOSTING": P_HOSTING,
                "P_CONSOLIDATION": P_CONSOLIDATION, "P_ROADMAP": P_ROADMAP},
        views=_views(P_VIEWS), properties=P_PROPERTIES, row_labels=ROW_LABELS,
        metadata={"title": title, "creator": prepared, "publisher": agency, "language": "vi"},
        documentation=(
            "Mẫu Khung kiến trúc số cấp tỉnh theo Khung kiến trúc tổng thể quốc gia số "
            "(QĐ 3090/QĐ-BKHCN) và Khung kiến trúc dữ liệu quốc gia (QĐ 2439/QĐ-TTg), theo cách "
            "của tỉnh Gia Lai sau khi hợp nhất với tỉnh Bình Định (01/7/2025), chính quyền địa "
            "phương hai cấp. Các mục có thuộc tính “Suy luận” là minh họa: thay bằng hệ thống của "
            "tỉnh mình."),
    )


def national_2025_spec() -> Spec:
    """The overview of the national digital architecture framework (QĐ 3090)."""
    title = "Khung kiến trúc tổng thể quốc gia số"
    return Spec(
        name="national-2025", title=title,
        title_en="National digital overall architecture framework", bands={},
        profile="vn-digital-2025", elements=N_ELEMENTS,
        groups={"N_RELATIONS": N_RELATIONS, "N_HOSTING": N_HOSTING}, views=_views(N_VIEWS),
        properties=N_PROPERTIES,
        metadata={"title": title, "publisher": "Bộ Khoa học và Công nghệ", "language": "vi"},
        documentation=(
            "Các lớp và thành phần dùng chung của Khung kiến trúc tổng thể quốc gia số "
            "(QĐ 3090/QĐ-BKHCN, 08/10/2025) và sơ đồ tổng quát Khung kiến trúc dữ liệu quốc gia "
            "(QĐ 2439/QĐ-TTg, 04/11/2025); mục có thuộc tính “Suy luận” chưa được nguồn xác "
            "nhận."),
    )


def empty_2025_spec() -> Spec:
    """One view with only the bands of the 2025 profile."""
    return Spec(name="empty-2025", title="Kiến trúc số", title_en="Digital Architecture",
                bands={}, profile="vn-digital-2025",
                view_name="Sơ đồ tổng thể", view_name_en="Overall diagram")
