"""What a citing clause does (extract/clauses.py): only an enacted clause gives a strong relation; a task, a report,
a negation or a condition keeps its verb and its mode on a citation. Each case is a body written into one plan of a
provincial People's Committee, and names the edges from the plan it must give (relation, mode)."""
import pytest

from graphbuild import extract_citations
from graphbuild.models import Source

S = "99/KH-UBND"
HEADER = """ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 99/KH-UBND
Nghệ An, ngày 01 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

"""

CASES = [
    ("the purpose clause is the plan's own act",
     "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
     {"57-NQ/TW": ("IMPLEMENTS", "enacted")}),
    ("a body's name ('Ban Chấp hành') holds no relation phrase",
     "Căn cứ Chương trình làm việc năm 2026 của Ban Chấp hành Đảng bộ tỉnh (Chương trình số 48-CTr/TU ngày "
     "08/01/2026);",
     {"48-CTr/TU": ("BASED_ON", "enacted")}),
    ("a task given to a department is assigned",
     "Giao Sở Tư pháp chủ trì rà soát, sửa đổi Quyết định số 24/2022/QĐ-UBND ngày 15/4/2022 của UBND tỉnh.",
     {"24/2022/QĐ-UBND": ("CITES", "assigned")}),
    ("in a section of tasks, an item that opens on the offices it tells to go on carrying out a document is their task",
     "II. NHIỆM VỤ TRỌNG TÂM\n4. Các phòng chuyên môn của Sở tiếp tục thực hiện Chỉ thị số 19-CT/TU ngày 15/3/2022 "
     "của Ban Thường vụ Tỉnh ủy.",
     {"19-CT/TU": ("CITES", "assigned")}),
    ("'Trên cơ sở đó' rests on what came before; 'giao kế hoạch vốn' allocates, it gives no task",
     "Trên cơ sở đó, UBND tỉnh ban hành Quyết định số 742/QĐ-UBND ngày 28/7/2022 giao kế hoạch vốn thực hiện Chương "
     "trình năm 2022; Quyết định số 742/QĐ-UBND được điều chỉnh tại Quyết định số 318/QĐ-UBND ngày 20/3/2023 của UBND "
     "tỉnh.",
     {"318/QĐ-UBND": ("CITES", "enacted")}),
    ("a 'không' before a ';' denies nothing after it; a task that opens on a Thị ủy is its task",
     "II. NHIỆM VỤ\n6. Thị ủy La Gi lãnh đạo chính quyền cấp mình xử lý dứt điểm tàu cá “3 không” trước ngày "
     "31/10/2024; tiếp tục thực hiện Chỉ thị số 18-CT/TU ngày 12/10/2022 của Ban Thường vụ Tỉnh ủy.",
     {"18-CT/TU": ("CITES", "assigned")}),
    ("the same task with its lines wrapped after the ';': the item's body is still the clause's",
     "II. NHIỆM VỤ\n6. Thị ủy La Gi lãnh đạo chính quyền cấp mình xử lý dứt điểm tàu cá “3 không” trước ngày\n"
     "31/10/2024;\ntiếp tục thực hiện Chỉ thị số 18-CT/TU ngày 12/10/2022 của Ban Thường vụ Tỉnh ủy.",
     {"18-CT/TU": ("CITES", "assigned")}),
    ("what others did is reported",
     "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 535/KH-UBND ngày 20/8/2021 để triển khai Nghị quyết số "
     "09-NQ/TU ngày 10/8/2021.",
     {"535/KH-UBND": ("CITES", "reported")}),
    ("years of carrying out a document are reported",
     "Sau 5 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, nhận thức của cán bộ được nâng lên.",
     {"05-CT/TW": ("CITES", "reported")}),
    ("a negated verb does not implement",
     "Các cơ quan không thực hiện theo lịch tại Kế hoạch số 112/KH-UBND ngày 12/02/2025 của UBND tỉnh.",
     {"112/KH-UBND": ("CITES", "negated")}),
    ("a past marker before an agent's word reports what others did",
     "Các cơ quan chuyên môn đã phối hợp triển khai Nghị quyết số 139/NQ-CP ngày 31/12/2017 của Chính phủ, gắn "
     "với thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.",
     {"21-NQ/TW": ("CITES", "reported")}),
    ("a list item that opens on a body gives it a task",
     "- Các đảng ủy xã, phường tổ chức nghiên cứu, quán triệt Chỉ thị số 52-CT/TW ngày 16/6/2026 của Ban Bí thư.",
     {"52-CT/TW": ("CITES", "assigned")}),
    ("… and says what it did with a past marker",
     "- Sở Y tế đã tổ chức triển khai Quyết định số 1092/QĐ-TTg ngày 02/9/2018 của Thủ tướng Chính phủ.",
     {"1092/QĐ-TTg": ("CITES", "reported")}),
    ("an item that opens on its verb is the text's own act",
     "- Tổ chức quán triệt Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ đến cán bộ, công chức.",
     {"03/NQ-CP": ("IMPLEMENTS", "enacted")}),
    ("what a clause no phrase governs denies applying is negated",
     "Các cơ quan, đơn vị không tiếp tục áp dụng mức lương cơ sở quy định tại Nghị định số 24/2023/NĐ-CP ngày "
     "14/5/2023 của Chính phủ.",
     {"24/2023/NĐ-CP": ("CITES", "negated")}),
    ("a document said not to apply any more, right after its citation, is negated",
     "Kế hoạch số 28/KH-UBND ngày 15/3/2025 của UBND huyện Phù Cát (cũ) không tiếp tục áp dụng trên địa bàn tỉnh.",
     {"28/KH-UBND": ("CITES", "negated")}),
    ("a condition does not amend",
     "Trường hợp Ủy ban nhân dân tỉnh sửa đổi, bổ sung Quyết định số 812/QĐ-UBND ngày 30/3/2025 thì các sở thực "
     "hiện theo quyết định mới.",
     {"812/QĐ-UBND": ("CITES", "conditional")}),
    ("'thực hiện' with an object of its own cites what it carries out by",
     "Các sở thực hiện chế độ báo cáo định kỳ theo Thông tư số 02/2025/TT-BNV ngày 10/01/2025 của Bộ Nội vụ.",
     {"02/2025/TT-BNV": ("CITES", "enacted")}),
    ("a phrase whose object is a pronoun governs nothing after it; a list of what was issued reports",
     "Trên cơ sở đó, UBND huyện đã ban hành:\n- KH số 98/KH-UBND ngày 25/4/2023 triển khai Kế hoạch số 215/KH-UBND "
     "của UBND tỉnh;\n- QĐ số 1420/QĐ-UBND ngày 10/5/2023 kiện toàn Ban Chỉ đạo liên ngành.",
     {"98/KH-UBND": ("CITES", "reported"), "1420/QĐ-UBND": ("CITES", "reported")}),
    ("a task given to a body named 'Ban …' is assigned (not a 'giao ban' meeting)",
     "Giao Ban Quản lý dự án tỉnh sửa đổi Quyết định số 24/2022/QĐ-UBND ngày 15/4/2022 của UBND tỉnh.",
     {"24/2022/QĐ-UBND": ("CITES", "assigned")}),
    ("a purpose clause before a body's past issue is that body's: reported",
     "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số "
     "231-KH/TU ngày 16/01/2017 để triển khai thực hiện.",
     {"05-CT/TW": ("CITES", "reported"), "231-KH/TU": ("CITES", "reported")}),
    ("an item under a head naming a body is that body's task, also when it goes on carrying out",
     "II. KẾT LUẬN\n1. Đánh giá chung\nCông tác bồi thường có chuyển biến.\n2. Nhiệm vụ thời gian tới\n"
     "a) Ủy ban nhân dân các huyện, thị xã, thành phố\n- Tiếp tục thực hiện nghiêm Chỉ thị số 12/CT-UBND ngày "
     "05/6/2024 của Chủ tịch Ủy ban nhân dân tỉnh;\n- Không áp dụng Quyết định số 26/2022/QĐ-UBND ngày 20/5/2022 đối "
     "với dự án mới.\nb) Đề nghị Ủy ban nhân dân các xã, phường:\n- Tiếp tục thực hiện các nhiệm vụ được giao tại Kế "
     "hoạch số 187/KH-UBND ngày 15/10/2024.",
     {"12/CT-UBND": ("CITES", "assigned"), "26/2022/QĐ-UBND": ("CITES", "negated"),
      "187/KH-UBND": ("CITES", "assigned")}),
    ("a list under a numbered line that is no body's is no task",
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Triển khai thực hiện Chỉ thị số 12/CT-UBND ngày 05/6/2024 của Chủ tịch Ủy "
     "ban nhân dân tỉnh về công tác bồi thường.",
     {"12/CT-UBND": ("IMPLEMENTS", "enacted")}),
    ("a clause opening on a denial denies what it cites, up to a ';', and a part after one may open on it",
     "Không sử dụng Đề cương tuyên truyền ban hành kèm theo Hướng dẫn số 86-HD/BTGTU ngày 02/5/2025 của Ban Tuyên giáo "
     "Tỉnh ủy. Không được yêu cầu công dân nộp sổ hộ khẩu; sử dụng thông tin về cư trú theo quy định của Nghị định số "
     "104/2022/NĐ-CP ngày 21/12/2022 của Chính phủ. Hồ sơ đăng ký thực hiện theo Nghị định số 92/2024/NĐ-CP ngày "
     "18/7/2024; không sử dụng biểu mẫu theo Thông tư số 03/2014/TT-BKHĐT ngày 26/5/2014. Không chỉ thực hiện Chỉ thị "
     "số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị mà còn gắn với nhiệm vụ chính trị.",
     {"86-HD/BTGTU": ("CITES", "negated"), "104/2022/NĐ-CP": ("CITES", "enacted"),
      "03/2014/TT-BKHĐT": ("CITES", "negated"), "05-CT/TW": ("IMPLEMENTS", "enacted")}),
    ("the content of a document stays the object",
     "Các sở tổ chức thực hiện các nhiệm vụ, giải pháp tại Chỉ thị số 18/CT-TTg ngày 10/6/2025 của Thủ tướng.",
     {"18/CT-TTg": ("IMPLEMENTS", "enacted")}),
]


def edges_of(body: str) -> dict:
    src = Source(file="plan.txt", text=HEADER + body)
    extraction = extract_citations(src)
    assert extraction.subject is not None and extraction.subject.symbol == S
    return {e.target_symbol: (e.relation, e.mode) for e in extraction.edges if e.source_symbol == S}


def relations_of(body: str) -> dict:
    """Every edge of the plan with ``body``, the subject's and those between cited documents: (source, target) ->
    relation."""
    return {(e.source_symbol, e.target_symbol): e.relation
            for e in extract_citations(Source(file="plan.txt", text=HEADER + body)).edges}


@pytest.mark.parametrize("case,body,expected", CASES, ids=[c[0] for c in CASES])
def test_clause_modes(case, body, expected):
    found = edges_of(body)
    for target, want in expected.items():
        assert found.get(target) == want, (case, found)


def test_a_section_of_tasks_assigns_and_an_assessment_reports():
    body = """I. TÌNH HÌNH THỰC HIỆN
Tỉnh đã triển khai Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.

II. NHIỆM VỤ, GIẢI PHÁP
1. Tổ chức quán triệt Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ đến cán bộ, công chức.

III. MỤC TIÊU
Hoàn thành các chỉ tiêu của Chương trình.
"""
    found = edges_of(body)
    assert found["749/QĐ-TTg"] == ("CITES", "reported")
    assert found["03/NQ-CP"] == ("CITES", "assigned")


def test_a_part_whose_title_is_on_the_line_below_spans_its_sections():
    body = """Phần thứ nhất
KẾT QUẢ 5 NĂM THỰC HIỆN NGHỊ QUYẾT

I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO
Ủy ban nhân dân huyện ban hành Kế hoạch số 97/KH-UBND ngày 02/8/2018 triển khai thực hiện Nghị quyết.

Phần thứ hai
NHIỆM VỤ, GIẢI PHÁP

1. Tiếp tục quán triệt Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.
"""
    found = edges_of(body)
    assert found["97/KH-UBND"] == ("CITES", "reported")
    assert found["21-NQ/TW"] == ("CITES", "assigned")
    # the text's own continuing, no body named, is its own act even among its tasks
    found = edges_of(body.replace("1. Tiếp tục quán triệt", "1. Tiếp tục lãnh đạo thực hiện"))
    assert found["21-NQ/TW"] == ("CONTINUES", "enacted")
    # a title whose capitals include 'Ì', 'Ó' (vocab.UPPER)
    found = edges_of(body.replace("KẾT QUẢ 5 NĂM THỰC HIỆN NGHỊ QUYẾT", "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025"))
    assert found["97/KH-UBND"] == ("CITES", "reported")


def test_a_table_of_tasks_assigns_its_rows():
    body = """V. PHÂN CÔNG
TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành
1 | Sửa đổi Quyết định số 24/2022/QĐ-UBND ngày 15/4/2022 | Sở Tư pháp | Quý II/2026
"""
    assert edges_of(body)["24/2022/QĐ-UBND"] == ("CITES", "assigned")


def test_a_table_typed_with_tabs_assigns_its_rows():
    body = ("II. CÁC NỘI DUNG TRÌNH NĂM 2026\nTT\tNội dung\tCơ quan tham mưu\tThời gian\n"
            "1\tKế hoạch thực hiện Nghị quyết số 41-NQ/TW ngày 10/10/2023 của Bộ Chính trị\tSở Kế hoạch và Đầu tư\t"
            "Tháng 3/2026\n")
    assert edges_of(body)["41-NQ/TW"] == ("CITES", "assigned")


def test_a_table_of_what_to_submit_by_when_assigns_its_rows():
    body = """II. CÁC NỘI DUNG TRÌNH THEO TỪNG QUÝ

STT
Nội dung
Cơ quan tham mưu
Thời gian trình
Ghi chú
1
Cho ý kiến dự thảo Quyết định thay thế Quyết định số 36/2016/QĐ-UBND ngày 20/8/2016 của Ủy ban nhân dân tỉnh
Sở Nội vụ
Tháng 02
"""
    assert edges_of(body)["36/2016/QĐ-UBND"] == ("CITES", "assigned")


def test_the_strongest_enacted_statement_wins_over_a_task():
    body = ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế "
            "hoạch như sau:\n\nII. NHIỆM VỤ\n1. Tổ chức quán triệt Nghị quyết số 57-NQ/TW đến cán bộ.\n")
    assert edges_of(body)["57-NQ/TW"] == ("IMPLEMENTS", "enacted")


def test_a_decision_publishing_a_list_cites_what_it_lists():
    text = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NAM
Số: 245/QĐ-UBND
Quảng Nam, ngày 25 tháng 01 năm 2024

QUYẾT ĐỊNH
Công bố Danh mục văn bản quy phạm pháp luật hết hiệu lực năm 2023

1. Quyết định số 18/2016/QĐ-UBND ngày 12/8/2016 của UBND tỉnh hết hiệu lực kể từ ngày 20/9/2023.
"""
    extraction = extract_citations(Source(file="list.txt", text=text))
    (edge,) = [e for e in extraction.edges if e.target_symbol == "18/2016/QĐ-UBND"]
    assert (edge.relation, edge.verb) == ("CITES", "công bố")


LINEAGE = ("Thực hiện Quyết định số 895/QĐ-TTg ngày 26/7/2023 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện "
           "Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
           "II. NHIỆM VỤ\n")


def test_a_task_to_carry_out_what_the_lineage_reaches_is_kept():
    found = edges_of(LINEAGE + "1. Các sở, ngành tiếp tục quán triệt, thực hiện Kết luận số 44-KL/TW.\n")
    assert found["895/QĐ-TTg"] == ("IMPLEMENTS", "enacted") and found["44-KL/TW"] == ("CITES", "assigned")


def test_a_task_to_review_what_the_lineage_reaches_adds_nothing():
    found = edges_of(LINEAGE + "1. Định kỳ sơ kết, tổng kết, báo cáo kết quả thực hiện Kết luận số 44-KL/TW.\n")
    assert found["895/QĐ-TTg"] == ("IMPLEMENTS", "enacted") and "44-KL/TW" not in found


PURPOSES_OF_ISSUES = [
    # "Thực hiện X, <body> đã ban hành Y": Y implements X; the plan itself, issued the same way, keeps its purpose
    ("Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch "
     "số 231-KH/TU ngày 16/01/2017 để triển khai thực hiện.\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
     "của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nThời gian qua, thực hiện Công điện số "
     "132/CĐ-TTg ngày 12/12/2024 của Thủ tướng Chính phủ, Sở Giao thông vận tải đã ban hành Kế hoạch số "
     "96/KH-SGTVT ngày 20/12/2024.",
     {("231-KH/TU", "05-CT/TW"), (S, "57-NQ/TW"), ("96/KH-SGTVT", "132/CĐ-TTg")}, {"05-CT/TW"}),
    # "Thực hiện X1 và X2 về thực hiện X3, <body> đã ban hành Y": Y implements X1 and X2; X3, named in X2's title, is
    # X2's; the text itself implements none of them
    ("Thực hiện Chỉ thị số 42-CT/TW ngày 24/3/2020 của Ban Bí thư và Kế hoạch số 102-KH/TU ngày 05/6/2020 của "
     "Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 42-CT/TW, Ban Thường vụ Huyện ủy đã ban hành Kế hoạch số "
     "86-KH/HU ngày 30/6/2020 để quán triệt, triển khai thực hiện.\nThực hiện Chỉ thị số 05-CT/TW ngày "
     "15/5/2016 của Bộ Chính trị, Kế hoạch số 12-KH/TU ngày 02/6/2016 của Tỉnh ủy, Ủy ban nhân dân huyện đã ban "
     "hành Kế hoạch số 40/KH-UBND ngày 20/6/2016.",
     {("86-KH/HU", "42-CT/TW"), ("86-KH/HU", "102-KH/TU"), ("102-KH/TU", "42-CT/TW"), ("40/KH-UBND", "05-CT/TW"),
      ("40/KH-UBND", "12-KH/TU")}, {"42-CT/TW", "102-KH/TU", "05-CT/TW", "12-KH/TU"}),
    # a phrase in X's title ("… đặc thù thực hiện các chương trình …") does not reach Y, which the body issued
    ("3. Thực hiện Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội về một số cơ chế, chính sách đặc thù thực "
     "hiện các chương trình mục tiêu quốc gia, HĐND tỉnh đã ban hành Nghị quyết số 28/2024/NQ-HĐND ngày 12/7/2024 quy "
     "định cơ chế phân cấp.",
     {("28/2024/NQ-HĐND", "111/2024/QH15")}, {"111/2024/QH15", "28/2024/NQ-HĐND"}),
    # a short numbered heading ends its line: the purpose clause opens on the line below
    ("1. Các văn bản của Trung ương, của tỉnh\nThực hiện Chỉ thị số 17-CT/TW ngày 21/10/2022 của Ban Bí thư về an "
     "toàn thực phẩm (thay thế Chỉ thị số 08-CT/TW ngày 21/10/2011 của Ban Bí thư khóa XI), Ban Thường vụ Tỉnh ủy đã "
     "ban hành Chỉ thị số 21-CT/TU ngày 06/3/2023.",
     {("21-CT/TU", "17-CT/TW")}, {"17-CT/TW"}),
]


def test_an_item_wrapped_before_an_issuer_s_name_goes_on_to_its_predicate():
    """A short numbered line that names a document ("2. Nghị định số … của" / "Chính phủ … hết hiệu lực …") is an
    item wrapped before the issuer, not a heading: the predicate on the next line is the item's."""
    text = """CHÍNH PHỦ
Số: 140/2026/NĐ-CP
Hà Nội, ngày 16 tháng 4 năm 2026

NGHỊ ĐỊNH
Về Báo cáo tài chính nhà nước

Điều 19. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 16 tháng 4 năm 2026.
2. Nghị định số 25/2017/NĐ-CP ngày 14 tháng 3 năm 2017 của
Chính phủ về Báo cáo tài chính nhà nước hết hiệu lực kể từ ngày Nghị định
này có hiệu lực thi hành.
"""
    edges = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="decree.txt", text=text)).edges}
    assert edges[("140/2026/NĐ-CP", "25/2017/NĐ-CP")] == "REPLACES"


def test_an_item_s_own_expiry_says_more_than_its_list_s_header():
    """"… đã được sửa đổi, thay thế …:" heads a list; "- Khoản 2 Điều 3 … của Nghị định số A hết hiệu lực kể từ ngày
    Nghị định số B … có hiệu lực": B ends A (a chain), what the report itself says of A is a citation."""
    text = REPORT.replace("II. NHIỆM VỤ THỜI GIAN TỚI", "Một số văn bản đã được sửa đổi, thay thế cho phù hợp:\n"
                          "- Khoản 2 Điều 3 và khoản 2 Điều 8 của Nghị định số 135/2020/NĐ-CP hết hiệu lực kể từ ngày "
                          "Nghị định số 158/2025/NĐ-CP ngày 25/6/2025 của Chính phủ có hiệu lực thi hành.\n\n"
                          "II. NHIỆM VỤ THỜI GIAN TỚI")
    edges = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="report.txt", text=text)).edges}
    assert edges[("158/2025/NĐ-CP", "135/2020/NĐ-CP")] == "REPLACES"
    assert edges[("112/BC-UBND", "135/2020/NĐ-CP")] == "CITES"


REPORT = """ỦY BAN NHÂN DÂN
HUYỆN YÊN THÀNH
Số: 112/BC-UBND
Yên Thành, ngày 10 tháng 4 năm 2025

BÁO CÁO
Kết quả 02 năm thực hiện công tác an toàn thực phẩm

Kính gửi: Sở Y tế tỉnh Nghệ An.

Thực hiện Công văn số 1175/SYT-ATTP ngày 20/3/2025 của Sở Y tế, UBND huyện báo cáo như sau:

I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO
Ủy ban nhân dân huyện ban hành Kế hoạch số 68/KH-UBND ngày 05/3/2023 triển khai Chỉ thị số 21-CT/TU ngày
06/3/2023 của Ban Thường vụ Tỉnh ủy; xử phạt theo Nghị định số 115/2018/NĐ-CP ngày 04/9/2018 của Chính phủ.

II. NHIỆM VỤ THỜI GIAN TỚI
1. Tiếp tục thực hiện Chỉ thị số 21-CT/TU ngày 06/3/2023 của Ban Thường vụ Tỉnh ủy.
"""


def test_a_report_tells_what_happened_outside_its_opening_and_its_sections_of_tasks():
    """A report's account of what was done is reported (vocab/clause_cues.tsv, cue 'document'); its opening purpose
    clause is its own act, and its section of tasks keeps its own reading (the text's own continuing)."""
    ex = extract_citations(Source(file="report.txt", text=REPORT))
    edges = {e.target_symbol: (e.relation, e.mode) for e in ex.edges if e.source_symbol == "112/BC-UBND"}
    assert edges["1175/SYT-ATTP"] == ("IMPLEMENTS", "enacted")
    assert edges["68/KH-UBND"][1] == "reported" and edges["115/2018/NĐ-CP"] == ("CITES", "reported")
    assert edges["21-CT/TU"] == ("CONTINUES", "enacted")
    plan = {e.target_symbol: (e.relation, e.mode) for e in extract_citations(
        Source(file="plan.txt", text=REPORT.replace("/BC-UBND", "/KH-UBND").replace("BÁO CÁO", "KẾ HOẠCH"))).edges
        if e.source_symbol == "112/KH-UBND"}
    assert plan["115/2018/NĐ-CP"] == ("CITES", "enacted")


@pytest.mark.parametrize("body, implements, not_the_texts", PURPOSES_OF_ISSUES)
def test_a_purpose_clause_before_an_issue_is_the_issued_documents(body, implements, not_the_texts):
    edges = relations_of(body)
    assert all(edges.get(pair) == "IMPLEMENTS" for pair in implements), edges
    assert not any(edges.get((S, target)) == "IMPLEMENTS" for target in not_the_texts), edges


def test_after_a_condition_the_main_clause_is_no_title_of_the_document_before_it():
    """"Trường hợp … thay thế Kế hoạch số A thì Văn phòng … điều chỉnh Kế hoạch số B": the office adjusts B; A
    adjusts nothing (a phrase after 'thì' is not A's description)."""
    body = ("4. Trường hợp Tỉnh ủy ban hành văn bản mới thay thế Kế hoạch số 102-KH/TU thì Văn phòng Huyện ủy tham mưu "
            "Ban Thường vụ Huyện ủy điều chỉnh Kế hoạch số 86-KH/HU cho phù hợp.")
    edges = relations_of(body)
    assert ("102-KH/TU", "86-KH/HU") not in edges and edges[(S, "86-KH/HU")] == "CITES"


def test_a_text_that_is_no_act_ends_nothing_it_says_has_expired():
    """A plan (or a letter) that says a decree has expired reports it; only an act replaces or repeals an act."""
    body = ("1. Nghị định số 135/2020/NĐ-CP ngày 18/11/2020 của Chính phủ hết hiệu lực từ ngày 01/7/2025; Quyết định "
            "số 12/2020/QĐ-UBND ngày 05/3/2020 của Ủy ban nhân dân tỉnh cũng hết hiệu lực.")
    found = edges_of(body)
    assert found["135/2020/NĐ-CP"][0] == "CITES" and found["12/2020/QĐ-UBND"][0] == "CITES"


def test_a_chain_the_sentence_states_cites_its_target_and_one_in_a_title_does_not():
    """"A … có hiệu lực từ ngày …, thay thế B": the text's own sentence names B, so the text cites B as well as A
    replacing it; "Kế hoạch số A … về việc thực hiện Kết luận số B" is A's title: A implements B, the text cites A."""
    body = ("Nghị định số 118/2021/NĐ-CP có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022, thay thế Nghị định số "
            "81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ.\nThực hiện Kế hoạch số 84-KH/TU ngày 17-02-2023 của "
            "Ban Thường vụ Tỉnh ủy về việc thực hiện Kết luận số 44-KL/TW ngày 14-11-2022 của Ban Bí thư.\nTriển khai "
            "Quyết định số 895/QĐ-TTg, ngày 26/7/2023 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện Kết luận số "
            "43-KL/TW, ngày 14/11/2022 của Ban Bí thư.")
    edges = relations_of(body)
    assert edges[("118/2021/NĐ-CP", "81/2013/NĐ-CP")] == "REPLACES" and edges[(S, "81/2013/NĐ-CP")] == "CITES"
    assert edges[("84-KH/TU", "44-KL/TW")] == "IMPLEMENTS" and (S, "44-KL/TW") not in edges
    assert (S, "43-KL/TW") not in edges         # a comma between a number and its date is no clause's


def test_a_list_goes_on_outside_a_closed_parenthesis_and_a_purpose_clause_may_open_after_a_semicolon():
    """"…; thực hiện A (được sửa đổi, bổ sung bởi B) và C, Chủ tịch UBND tỉnh đã ban hành Y": C joins A (not B, whose
    parenthesis is closed), and Y implements A and C."""
    body = ("Thời gian qua, Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 45/KH-UBND ngày 28/02/2022; thực hiện Nghị "
            "định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa (được sửa đổi, bổ sung bởi "
            "Nghị định số 107/2021/NĐ-CP ngày 06/12/2021) và Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ "
            "về thực hiện thủ tục hành chính trên môi trường điện tử, Chủ tịch UBND tỉnh đã ban hành Chỉ thị số "
            "08/CT-UBND ngày 20/6/2023 về nâng cao chất lượng giải quyết thủ tục hành chính.")
    edges = relations_of(body)
    assert edges[("107/2021/NĐ-CP", "61/2018/NĐ-CP")] == "AMENDS" and ("45/2020/NĐ-CP", "61/2018/NĐ-CP") not in edges
    assert edges[("08/CT-UBND", "61/2018/NĐ-CP")] == "IMPLEMENTS"
    assert edges[("08/CT-UBND", "45/2020/NĐ-CP")] == "IMPLEMENTS"


def test_a_basis_clause_before_an_issue_is_the_issued_documents_basis():
    """"Căn cứ X1; X2 … được sửa đổi, bổ sung bởi X3 (sau đây gọi là …) và X4, UBND tỉnh đã ban hành Y" in a report:
    Y rests on X1 to X4 (the list goes on across ';', the amender of a basis is a basis, the aside closes on the item
    it names), and the report only tells of them."""
    body = ("Căn cứ QĐ số 90/QĐ-TTg; Nghị định số 27/2022/NĐ-CP ngày 19/4/2022 của Chính phủ quy định cơ chế quản lý "
            "các chương trình mục tiêu quốc gia, được sửa đổi, bổ sung bởi Nghị định số 38/2023/NĐ-CP ngày 24/6/2023 "
            "của Chính phủ (sau đây gọi là NĐ 27) và Nghị quyết số 111/2024/QH15 ngày 18/01/2024 của Quốc hội về một "
            "số cơ chế đặc thù, UBND tỉnh đã ban hành Kế hoạch số 45/KH-UBND ngày 28/02/2024 thực hiện Chương trình.")
    edges = relations_of(body)
    for basis in ("90/QĐ-TTg", "27/2022/NĐ-CP", "38/2023/NĐ-CP", "111/2024/QH15"):
        assert edges[("45/KH-UBND", basis)] == "BASED_ON" and edges[(S, basis)] == "CITES", basis
    assert edges[("38/2023/NĐ-CP", "27/2022/NĐ-CP")] == "AMENDS" and ("111/2024/QH15", "27/2022/NĐ-CP") not in edges
