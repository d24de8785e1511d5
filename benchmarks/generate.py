"""Generate a realistic synthetic corpus of Vietnamese Party and State documents for benchmarks.

    python benchmarks/generate.py --docs 10000 --out DIR [--seed 1]

What it writes (deterministic for a seed; about 5 KB of text per document):
- central Party documents (Chỉ thị / Kết luận / Nghị quyết …/TW of the Ban Bí thư, Bộ Chính trị, Ban Chấp hành TW)
  and State documents (Nghị định NN/YYYY/NĐ-CP, Quyết định NNN/QĐ-TTg), some continuing or implementing an earlier
  central document ("về tiếp tục thực hiện Chỉ thị số 43-CT/TW", "ban hành Kế hoạch thực hiện Kết luận số 44-KL/TW");
- for each central document a cascade of implementers: provinces (Tỉnh ủy / Thành ủy …/TU, UBND …/KH-UBND,
  …/QĐ-UBND, …/UBND-KGVX) with real unit names from ``graphbuild.gazetteer`` in the header
  ("ĐẢNG BỘ TỈNH X / TỈNH ỦY") and the place line ("X, ngày …"), then districts (Huyện ủy / Quận ủy / Thị ủy,
  UBND huyện) and communes (Đảng ủy xã, UBND xã), each citing its parent — and its parent's parent in the same
  sentence ("Thực hiện Kế hoạch số 84-KH/TU … về việc thực hiện Kết luận số 44-KL/TW … về tiếp tục thực hiện …");
- dates that follow the rules: an implementer is dated after its parent; Party numbers restart with the congress
  term (central terms from January 2011/2016/2021, local ones from October 2010/2015/2020), State numbers every
  year; numbers grow with the date inside their series;
- dirty text: stray spaces and dashes in symbols (``44- KL/TW``, ``809 - CV/TU``), four date spellings, web-page
  chrome, incoming-mail stamps, lower-cased catalogue titles;
- ~5 % news articles (web pages reporting on a document, seed 000 and 001 shapes) and ~10 % catalogue records
  (JSONL: id, symbol, title, date, issuer, locality; no text).

Layout: ``DIR/docs/NNN/NNNNNNN.txt`` (1,000 files per folder) and ``DIR/catalogue/NNN/records-NNNNNN.jsonl``
(1,000 records per file), plus ``DIR/.manifest.json`` (hidden, so that the reader skips it) with the counts.
The sentence shapes are adapted from the seed texts in ``data/seeds``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

NEWS_SHARE = 0.05
RECORD_SHARE = 0.10
FILES_PER_FOLDER = 1000
RECORDS_PER_FILE = 1000

D = dt.date
CENTRAL_TERMS = [(D(2006, 4, 25), "X"), (D(2011, 1, 19), "XI"), (D(2016, 1, 28), "XII"), (D(2021, 2, 1), "XIII")]
LOCAL_TERMS = [D(2005, 10, 1), D(2010, 10, 1), D(2015, 10, 1), D(2020, 10, 1)]
FIRST_CENTRAL, LAST_CENTRAL = D(2008, 1, 1), D(2024, 3, 31)   # cascades end before the 1 July 2025 reform

# --- vocabulary -------------------------------------------------------------------------------------------------

TOPICS = [  # (what the document is about, the field its body talks of)
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác của Hội Chữ thập đỏ Việt Nam trong tình hình mới",
     "công tác nhân đạo và hoạt động chữ thập đỏ"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, tiêu cực",
     "công tác phòng, chống tham nhũng, tiêu cực"),
    ("về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư", "công tác chuyển đổi số"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác bảo vệ môi trường", "công tác bảo vệ môi trường"),
    ("về đẩy mạnh công tác phổ biến, giáo dục pháp luật, nâng cao ý thức chấp hành pháp luật của cán bộ, nhân dân",
     "công tác phổ biến, giáo dục pháp luật"),
    ("về công tác dân số trong tình hình mới", "công tác dân số"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm trật tự, an toàn giao thông",
     "công tác bảo đảm trật tự, an toàn giao thông"),
    ("về xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững",
     "công tác trí thức"),
    ("về đổi mới căn bản, toàn diện giáo dục và đào tạo", "công tác giáo dục và đào tạo"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác phòng cháy, chữa cháy", "công tác phòng cháy, chữa cháy"),
    ("về tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân trong tình hình mới",
     "công tác bảo vệ, chăm sóc sức khỏe Nhân dân"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác giảm nghèo bền vững", "công tác giảm nghèo bền vững"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác thanh niên trong giai đoạn cách mạng mới",
     "công tác thanh niên"),
    ("về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể", "phát triển kinh tế tập thể"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống thiên tai", "công tác phòng, chống thiên tai"),
    ("về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác người cao tuổi", "công tác người cao tuổi"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác bảo đảm an toàn thực phẩm trong tình hình mới",
     "công tác bảo đảm an toàn thực phẩm"),
    ("về xây dựng nông thôn mới giai đoạn 2021 - 2025", "công tác xây dựng nông thôn mới"),
    ("về phát triển văn hóa đọc trong cộng đồng", "công tác phát triển văn hóa đọc"),
    ("về tăng cường công tác bảo vệ, chăm sóc trẻ em", "công tác bảo vệ, chăm sóc trẻ em"),
    ("về tăng cường sự lãnh đạo của Đảng đối với công tác cải cách hành chính", "công tác cải cách hành chính"),
]

LAWS = [  # real laws, cited by name and date as State documents do (only those in force on the citing date)
    "Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001",
    "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003",
    "Luật Ban hành văn bản quy phạm pháp luật ngày 03 tháng 6 năm 2008",
    "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015",
    "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015",
    "Luật Hoạt động chữ thập đỏ ngày 03 tháng 6 năm 2008",
    "Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020",
    "Luật Phòng, chống tham nhũng ngày 20 tháng 11 năm 2018",
    "Luật Giáo dục ngày 14 tháng 6 năm 2019",
    "Luật Thanh niên ngày 16 tháng 6 năm 2020",
    "Luật Người cao tuổi ngày 23 tháng 11 năm 2009",
    "Luật An toàn thực phẩm ngày 17 tháng 6 năm 2010",
    "Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013",
    "Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012",
    "Luật Trẻ em ngày 05 tháng 4 năm 2016",
    "Luật Hợp tác xã ngày 20 tháng 11 năm 2012",
    "Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001",
]
MINISTRIES = ["Bộ Nội vụ", "Bộ Tài chính", "Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Thông tin và Truyền thông",
              "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường", "Bộ Công an", "Bộ Tư pháp",
              "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Văn hóa, Thể thao và Du lịch"]
DEPARTMENTS = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Thông tin và Truyền thông",
               "Sở Kế hoạch và Đầu tư", "Sở Lao động - Thương binh và Xã hội", "Sở Tư pháp",
               "Sở Tài nguyên và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]
DRAFTING_UNITS = ["KGVX", "VX", "KT", "NC", "TH", "NNTN", "XD", "VP"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Cao", "Đinh", "Trịnh", "Mai"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Hoàng", "Thu", "Khắc", "Phước",
          "Trí", "Thái", "Bích"]
GIVEN = ["Nam", "Hùng", "Lan", "Hương", "Sơn", "Tuấn", "Dũng", "Hải", "Mai", "Phượng", "Lộc", "Vũ", "Tùng", "Ngân",
         "Tuyết", "Hà", "Long", "Bình", "Thắng", "Hoa", "Quang", "Trung", "Yến", "Khánh", "Phong", "Thảo"]

PARTY_LOCAL_TYPES = [("KH", 50), ("CV", 25), ("CTr", 10), ("HD", 8), ("CT", 7)]
STATE_LOCAL_TYPES = [("KH", 45), ("QĐ", 20), ("CV", 35)]
TYPE_WORD = {"KH": "Kế hoạch", "CV": "Công văn", "CTr": "Chương trình hành động", "HD": "Hướng dẫn",
             "CT": "Chỉ thị", "KL": "Kết luận", "NQ": "Nghị quyết", "NĐ": "Nghị định", "QĐ": "Quyết định"}
HEADING = {"KH": "KẾ HOẠCH", "CTr": "CHƯƠNG TRÌNH HÀNH ĐỘNG", "HD": "HƯỚNG DẪN", "CT": "CHỈ THỊ",
           "KL": "KẾT LUẬN", "NQ": "NGHỊ QUYẾT", "NĐ": "NGHỊ ĐỊNH", "QĐ": "QUYẾT ĐỊNH"}
# Documents a series issues in a year (State) or a term (Party): numbers are spread over that range by date.
VOLUME = {("central", "CT"): 60, ("central", "KL"): 160, ("central", "NQ"): 60, ("central", "NĐ"): 170,
          ("central", "QĐ"): 1800,
          ("province", "KH"): 400, ("province", "CV"): 3500, ("province", "CTr"): 80, ("province", "HD"): 120,
          ("province", "CT"): 40, ("province", "QĐ"): 3000, ("province", "UBND"): 6500,
          ("district", "KH"): 250, ("district", "CV"): 1800, ("district", "CTr"): 50, ("district", "HD"): 80,
          ("district", "CT"): 25, ("district", "QĐ"): 1500, ("district", "UBND"): 3000,
          ("commune", "KH"): 120, ("commune", "CV"): 600, ("commune", "CTr"): 30, ("commune", "HD"): 30,
          ("commune", "CT"): 15, ("commune", "QĐ"): 400, ("commune", "UBND"): 900}

# Body paragraphs adapted from the seeds; {field} is the topic's field, {ref} the parent's short citation,
# {self} "Kế hoạch này" and the like, {org} the unit's own word ("tỉnh", "huyện", "xã"), {dept} a department.
PARAGRAPHS = [
    "Tiếp tục quán triệt, tuyên truyền, cụ thể hóa, thực hiện có hiệu quả {ref}; các chủ trương, đường lối của "
    "Đảng, chính sách, pháp luật của Nhà nước nhằm tạo chuyển biến mạnh mẽ về nhận thức, trách nhiệm của các cấp "
    "ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội về {field}.",
    "Xác định {field} là bộ phận quan trọng trong công tác dân vận của Đảng, là nhiệm vụ thường xuyên của mỗi cấp "
    "ủy, tổ chức đảng, cán bộ, đảng viên và cả hệ thống chính trị; khẳng định và phát huy hơn nữa vai trò nòng cốt "
    "của các cơ quan, đơn vị trên địa bàn {org}.",
    "Các sở, ban, ngành, đơn vị trực thuộc {org}; Ủy ban nhân dân các cấp theo chức năng, nhiệm vụ, quyền hạn được "
    "giao tiếp tục phổ biến, quán triệt, triển khai thực hiện có hiệu quả {ref} và các văn bản có liên quan để cán "
    "bộ, công chức, viên chức, người lao động nâng cao nhận thức, trách nhiệm đối với {field}.",
    "Quan tâm, tạo điều kiện hỗ trợ về cơ sở vật chất, trang thiết bị, kinh phí để các cơ quan, đơn vị đảm bảo điều "
    "kiện triển khai {field}; kịp thời phát hiện, nhân rộng các mô hình hay, cách làm tốt, biểu dương, khen thưởng "
    "những tấm gương tiêu biểu gắn với phong trào thi đua “Dân vận khéo”.",
    "Thường xuyên rà soát, kịp thời phát hiện những tồn tại, vướng mắc trong {field} trên địa bàn {org}, tổng hợp "
    "báo cáo cấp có thẩm quyền xem xét, giải quyết.",
    "Định kỳ hằng năm, tiến hành rà soát, đánh giá đúng tình hình thực hiện để phát huy kết quả đạt được, kịp thời "
    "khắc phục, chấn chỉnh các hạn chế, yếu kém; kiến nghị, đề xuất cấp ủy, chính quyền có định hướng lãnh đạo, chỉ "
    "đạo nâng cao hiệu quả {field}.",
    "{dept} chủ trì, phối hợp với các cơ quan liên quan tham mưu triển khai các nhiệm vụ được giao tại {self}; theo "
    "dõi, đôn đốc việc thực hiện, định kỳ tổng hợp, báo cáo kết quả về cấp ủy, chính quyền cùng cấp.",
    "Hội đồng nhân dân chủ động phối hợp với Mặt trận Tổ quốc Việt Nam và các cơ quan liên quan giám sát việc thực "
    "hiện chính sách, pháp luật về {field}; Ủy ban nhân dân chỉ đạo các phòng, ban, ngành tiếp tục triển khai thực "
    "hiện hiệu quả {ref}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong {field}; chú trọng nhân rộng các mô hình, điển hình tiên tiến; "
    "thực hiện có hiệu quả các nội dung theo quy định của pháp luật và các chương trình, phong trào, cuộc vận động.",
    "Tiếp tục đổi mới mạnh mẽ nội dung, phương thức hoạt động với tinh thần chủ động, sáng tạo, thiết thực, hiệu "
    "quả, gắn với nhiệm vụ an sinh xã hội và thực tiễn địa phương, đơn vị; hướng về cơ sở, lấy con người làm trung "
    "tâm; tăng cường hướng dẫn, kiểm tra, giám sát việc thực hiện {self}.",
    "Thường xuyên hướng dẫn, kiểm tra, giám sát công tác quản lý tài chính, phân bổ nguồn lực, bảo đảm đúng quy "
    "định, công bằng, khách quan, công khai, minh bạch, hiệu quả, tạo niềm tin đối với Nhân dân.",
    "Trung tâm Văn hóa - Thông tin và Thể thao, các cơ quan báo chí, hệ thống thông tin cơ sở tích cực tuyên truyền "
    "về {field}, cổ vũ gương “Người tốt, việc thiện - chung sức xây dựng cộng đồng nhân ái”.",
    "Định kỳ sơ kết, tổng kết, báo cáo tình hình, kết quả thực hiện {ref} và {self}; kịp thời báo cáo những khó "
    "khăn, vướng mắc, phát sinh (nếu có) để xem xét, chỉ đạo.",
    "Tăng cường công tác tuyên truyền, vận động, thu hút đông đảo các tổ chức, cơ quan, đơn vị, doanh nghiệp và "
    "người dân hưởng ứng, tham gia {field}; phát huy vai trò của các câu lạc bộ, tổ, đội xung kích, tình nguyện viên.",
    "Củng cố, kiện toàn tổ chức bộ máy, đội ngũ cán bộ làm {field} từ {org} đến cơ sở; quan tâm đào tạo, bồi dưỡng, "
    "nâng cao năng lực tham mưu chính sách, chuyên môn, nghiệp vụ, kỹ năng công tác và tinh thần trách nhiệm.",
]
SECTION_HEADS = [["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích:", "2. Yêu cầu:"],
                 ["II. NHIỆM VỤ, GIẢI PHÁP", "1. Công tác tuyên truyền", "2. Công tác lãnh đạo, chỉ đạo",
                  "3. Công tác kiểm tra, giám sát"],
                 ["III. TỔ CHỨC THỰC HIỆN"]]


# --- the units ---------------------------------------------------------------------------------------------------

@dataclass
class Place:
    id: str
    name: str         # "Quận Kiến An"
    short: str        # "Kiến An"
    level: str        # province | district | commune
    parent: Optional["Place"] = None
    children: list = field(default_factory=list)

    @property
    def kind(self) -> str:        # "Tỉnh", "Thành phố", "Quận", "Huyện", "Thị xã", "Xã", "Phường", "Thị trấn"
        for k in ("Thành phố", "Thị xã", "Thị trấn", "Tỉnh", "Quận", "Huyện", "Xã", "Phường"):
            if self.name.startswith(k):
                return k
        return {"province": "Tỉnh", "district": "Huyện", "commune": "Xã"}[self.level]

    @property
    def province(self) -> "Place":
        p = self
        while p.parent:
            p = p.parent
        return p


def load_places() -> list:
    """Legacy (pre-July 2025) provinces with their districts and communes, from graphbuild.gazetteer."""
    from graphbuild.vocab import gazetteer
    provs = []
    for u in gazetteer.provinces():
        p = Place(u.id, u.name, u.short, "province")
        dists = {d.id: Place(d.id, d.name, d.short, "district", p) for d in gazetteer.children(u.id, "district")}
        for c in gazetteer.children(u.id, "commune"):
            if c.parent in dists:
                dists[c.parent].children.append(Place(c.id, c.name, c.short, "commune", dists[c.parent]))
        p.children = [d for d in dists.values() if d.children]
        provs.append(p)
    return provs


# --- documents ---------------------------------------------------------------------------------------------------

@dataclass
class Doc:
    symbol: str
    type: str             # KH, CV, QĐ, KL …
    date: dt.date
    party: bool
    level: str            # central | province | district | commune
    issuer: str           # as a citing sentence names it: "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh"
    issuer_full: str      # for catalogues and news: "Ban Thường vụ Tỉnh ủy Thái Nguyên"
    topic: int
    place: Optional[Place] = None
    parent: Optional["Doc"] = None
    relation: str = "IMPLEMENTS"      # to the parent: IMPLEMENTS | CONTINUES
    body_issuer: str = ""             # the subject of the preamble's last clause: "Ban Thường vụ Huyện ủy"
    term: str = ""                    # central Party term ("X", "XIII")


SUPERSEDED_2016 = set(LAWS[:3])      # replaced by the 2015 laws from 1 July 2016


def laws_before(date: dt.date) -> list:
    return [law for law in LAWS if int(law[-4:]) < date.year and not (date.year > 2016 and law in SUPERSEDED_2016)]


def organic_law(date: dt.date, local: bool) -> str:
    """The organisation law a decision rests on, as in force on its date."""
    if local:
        return LAWS[1] if date.year < 2016 else "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015"
    return LAWS[0] if date.year < 2016 else "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015"


def term_of(date: dt.date, local: bool):
    if local:
        i = bisect_right(LOCAL_TERMS, date) - 1
        return LOCAL_TERMS[i], (LOCAL_TERMS[i + 1] if i + 1 < len(LOCAL_TERMS) else D(2025, 10, 1)), None
    starts = [s for s, _ in CENTRAL_TERMS]
    i = bisect_right(starts, date) - 1
    end = starts[i + 1] if i + 1 < len(starts) else D(2026, 1, 19)
    return starts[i], end, CENTRAL_TERMS[i][1]


class Numbers:
    """Per series (issuer unit, code, year or term) numbers that grow with the date, never reused."""

    def __init__(self):
        self.used: dict = {}

    def take(self, rng: random.Random, series: tuple, start: dt.date, end: dt.date, date: dt.date,
             volume: int) -> int:
        frac = (date - start).days / max(1, (end - start).days)
        n = max(1, int(frac * volume * rng.uniform(0.8, 1.0)) + 1)
        used = self.used.setdefault(series, set())
        while n in used:
            n += 1
        used.add(n)
        return n


class Generator:
    def __init__(self, seed: int, places: list):
        self.rng = random.Random(seed)
        self.places = places
        self.numbers = Numbers()
        self.central: list = []

    # numbers and symbols ------------------------------------------------------------------------------------
    def _party_number(self, unit_key: str, level: str, code: str, date: dt.date) -> int:
        start, end, _ = term_of(date, local=level != "central")
        return self.numbers.take(self.rng, (unit_key, code, start), start, end, date, VOLUME[(level, code)])

    def _state_number(self, unit_key: str, level: str, code: str, date: dt.date) -> int:
        start, end = D(date.year, 1, 1), D(date.year + 1, 1, 1)
        return self.numbers.take(self.rng, (unit_key, code, date.year), start, end, date, VOLUME[(level, code)])

    # central documents ----------------------------------------------------------------------------------------
    def new_central(self) -> Doc:
        rng = self.rng
        date = FIRST_CENTRAL + dt.timedelta(days=rng.randrange((LAST_CENTRAL - FIRST_CENTRAL).days))
        kind = rng.choices(["party", "nd", "qd"], [55, 15, 30])[0]
        topic = rng.randrange(len(TOPICS))
        if kind == "party":
            code = rng.choices(["CT", "KL", "NQ"], [35, 45, 20])[0]
            issuer = {"CT": "Ban Bí thư Trung ương Đảng",
                      "KL": rng.choice(["Ban Bí thư Trung ương Đảng", "Bộ Chính trị"]),
                      "NQ": rng.choice(["Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"])}[code]
            n = self._party_number("TW", "central", code, date)
            doc = Doc(f"{n}-{code}/TW", code, date, True, "central", issuer, issuer, topic,
                      term=term_of(date, False)[2])
        elif kind == "nd":
            n = self._state_number("CP", "central", "NĐ", date)
            doc = Doc(f"{n}/{date.year}/NĐ-CP", "NĐ", date, False, "central", "Chính phủ", "Chính phủ", topic)
        else:
            n = self._state_number("TTg", "central", "QĐ", date)
            doc = Doc(f"{n}/QĐ-TTg", "QĐ", date, False, "central", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ", topic)
        # Central documents continue or implement earlier ones on the same topic (KL 44 -> CT 43; QĐ 895 -> KL 44).
        earlier = [c for c in self.central if c.topic == topic and c.date < date - dt.timedelta(days=60)]
        if earlier and rng.random() < 0.6:
            prev = max(earlier, key=lambda c: (c.date, c.symbol))
            if doc.party and prev.party:
                doc.parent, doc.relation = prev, "CONTINUES"
            elif not doc.party and prev.party and doc.type == "QĐ":
                doc.parent, doc.relation = prev, "IMPLEMENTS"
            elif not doc.party and not prev.party:
                doc.parent, doc.relation = prev, rng.choice(["IMPLEMENTS", "CONTINUES"])
        self.central.append(doc)
        return doc

    # local documents ------------------------------------------------------------------------------------------
    def new_local(self, parent: Doc, place: Place, party: bool, lag: tuple) -> Doc:
        rng = self.rng
        date = parent.date + dt.timedelta(days=rng.randint(*lag))
        level = place.level
        if party:
            code = rng.choices([c for c, _ in PARTY_LOCAL_TYPES], [w for _, w in PARTY_LOCAL_TYPES])[0]
            committee, icode = _committee(place)
            n = self._party_number(place.id + icode, level, code, date)
            symbol = f"{n}-{code}/{icode}"
            issuer = f"Ban Thường vụ {committee}" if level != "commune" else f"Ban Chấp hành {committee}"
            full = f"{issuer} {place.short}"
            body = issuer
        else:
            code = rng.choices([c for c, _ in STATE_LOCAL_TYPES], [w for _, w in STATE_LOCAL_TYPES])[0]
            if code == "CV":
                n = self._state_number(place.id, level, "UBND", date)
                symbol = f"{n}/UBND-{rng.choice(DRAFTING_UNITS)}" if level == "province" else f"{n}/UBND-VP"
            else:
                n = self._state_number(place.id, level, code, date)
                symbol = f"{n}/{code}-UBND"
            kind = place.kind.lower()
            issuer = rng.choice([f"Ủy ban nhân dân {kind}", f"UBND {kind}"])
            full = f"UBND {kind} {place.short}"
            body = f"Ủy ban nhân dân {kind}"
        relation = "CONTINUES" if rng.random() < 0.08 else "IMPLEMENTS"
        return Doc(symbol, code, date, party, level, issuer, full, parent.topic, place, parent, relation, body)


def _committee(place: Place) -> tuple:
    """(committee name, issuer code) of a unit's Party committee."""
    k = place.kind
    if place.level == "province":
        return ("Thành ủy" if k == "Thành phố" else "Tỉnh ủy"), "TU"
    if place.level == "district":
        return {"Quận": ("Quận ủy", "QU"), "Thị xã": ("Thị ủy", "ThU"), "Thành phố": ("Thành ủy", "TU")}.get(
            k, ("Huyện ủy", "HU"))
    return f"Đảng ủy {k.lower()}", "ĐU"


# --- rendering ---------------------------------------------------------------------------------------------------

def render_symbol(rng: random.Random, sym: str) -> str:
    """Mostly clean; sometimes the stray spaces and dashes of real text ("44- KL/TW", "809 - CV/TU")."""
    r = rng.random()
    if r > 0.06:
        return sym
    if "-" in sym.split("/")[0]:               # Party: "44-KL/TW"
        num, rest = sym.split("-", 1)
        return rng.choice([f"{num}- {rest}", f"{num} - {rest}", f"{num} -{rest}"])
    head, tail = sym.rsplit("/", 1)
    return rng.choice([f"{head} /{tail}", f"{head}/ {tail}"])


def render_date(rng: random.Random, d: dt.date, comma: bool = True) -> str:
    r = rng.random()
    if r < 0.45:
        s = f"ngày {d.day:02d}/{d.month:02d}/{d.year}"
    elif r < 0.6:
        s = f"ngày {d.day}/{d.month}/{d.year}"
    elif r < 0.75:
        s = f"ngày {d.day:02d}-{d.month:02d}-{d.year}"
    else:
        s = f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    return (", " + s) if comma and rng.random() < 0.3 else (" " + s)


def cite(rng: random.Random, doc: Doc, by: Optional[Doc] = None, with_date: bool = True) -> str:
    """'Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư Trung ương Đảng' as the citing document writes it."""
    word = TYPE_WORD[doc.type]
    if doc.type == "CV" and not doc.party and rng.random() < 0.5:
        word = "văn bản"
    s = f"{word} số {render_symbol(rng, doc.symbol)}"
    if with_date:
        s += render_date(rng, doc.date)
    issuer = doc.issuer
    if doc.level == "central" and doc.party and doc.term and rng.random() < 0.3:
        issuer += f" khóa {doc.term}"
    if doc.level != "central" and (by is None or by.place is None or by.place.province is not doc.place.province
                                   or rng.random() < 0.25):
        issuer = doc.issuer_full              # another locality's document: name it
    return f"{s} của {issuer}"


def about(rng: random.Random, doc: Doc, depth: int = 2) -> str:
    """What ``doc`` is about, in the words of a citing sentence: its parent chain, then its topic."""
    if doc.parent is None or depth == 0:
        return TOPICS[doc.topic][0]
    verb = "về tiếp tục thực hiện" if doc.relation == "CONTINUES" else rng.choice(
        ["về việc thực hiện", "về thực hiện", "triển khai thực hiện", "về triển khai thực hiện"])
    if doc.level == "central" and not doc.party and doc.parent.party:
        verb = "ban hành Kế hoạch thực hiện"
    inner = f"{verb} {cite(rng, doc.parent, doc)}"
    rest = about(rng, doc.parent, depth - 1)
    if doc.parent.level == "central" and doc.parent.parent is not None and depth > 1:
        rest = f"\"{rest}\"" if rng.random() < 0.3 else rest
    return f"{inner} {rest}"


def short_ref(doc: Doc) -> str:
    return f"{TYPE_WORD[doc.type]} số {doc.symbol}"


def self_word(doc: Doc) -> str:
    return f"{TYPE_WORD[doc.type] if doc.type != 'QĐ' else 'Quyết định'} này"


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def date_line(rng: random.Random, doc: Doc) -> str:
    place = "Hà Nội" if doc.level == "central" else doc.place.short
    d = doc.date
    return f"{place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def header(rng: random.Random, doc: Doc) -> list:
    if doc.level == "central":
        if doc.party:
            return ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*", f"Số {doc.symbol}", "ĐẢNG CỘNG SẢN VIỆT NAM", date_line(rng, doc)]
        who = "CHÍNH PHỦ" if doc.type == "NĐ" else "THỦ TƯỚNG CHÍNH PHỦ"
        return [who, "-------", f"Số: {doc.symbol}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "---------------", date_line(rng, doc)]
    p = doc.place
    if doc.party:
        committee, _ = _committee(p)
        upper = p.parent if p.parent else p
        party_body = f"ĐẢNG BỘ {upper.kind.upper()} {upper.short.upper()}"
        if upper.kind == "Thành phố" and rng.random() < 0.5:
            party_body = f"ĐẢNG BỘ TP {upper.short.upper()}"
        own = committee.upper() if p.level == "province" else f"{committee.upper()} {p.short.upper()}"
        lines = [party_body, own, "*", f"Số {doc.symbol}"]
        if doc.type == "CV":
            lines += [f"V/v thực hiện {short_ref(doc.parent)},", render_date(rng, doc.parent.date, False).strip()
                      + f" của {doc.parent.issuer}"]
        return lines + ["ĐẢNG CỘNG SẢN VIỆT NAM", date_line(rng, doc)]
    lines = ["ỦY BAN NHÂN DÂN", f"{p.kind.upper()} {p.short.upper()}", "-------", f"Số: {doc.symbol}"]
    if doc.type == "CV":
        lines.append(f"V/v triển khai thực hiện {short_ref(doc.parent)}")
    return lines + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------",
                    date_line(rng, doc)]


def preamble(rng: random.Random, doc: Doc) -> list:
    par = doc.parent
    if doc.level == "central":
        if doc.type == "NĐ":
            laws = rng.sample(laws_before(doc.date), 2)
            lines = [f"Căn cứ {laws[0]};", f"Căn cứ {laws[1]};"]
            if par is not None:
                lines.append(f"Căn cứ {cite(rng, par, doc)};")
            lines += [f"Theo đề nghị của Bộ trưởng {rng.choice(MINISTRIES)};",
                      f"Chính phủ ban hành Nghị định quy định chi tiết một số điều {TOPICS[doc.topic][0]}."]
            return lines
        if doc.type == "QĐ":
            lines = [f"Căn cứ {organic_law(doc.date, False)};"]
            if par is not None:
                lines.append(f"Căn cứ {cite(rng, par, doc)} {about(rng, par, 1)};")
            lines += [f"Theo đề nghị của Bộ trưởng {rng.choice(MINISTRIES)},", "QUYẾT ĐỊNH:",
                      f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch {TOPICS[doc.topic][0][3:]}.",
                      "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành."]
            return lines
        if par is not None:
            return [f"Sau {doc.date.year - par.date.year or 1} năm thực hiện {cite(rng, par, doc)} "
                    f"{TOPICS[par.topic][0]} ({short_ref(par)}), nhận thức của các cấp ủy, tổ chức đảng, chính "
                    f"quyền về {TOPICS[doc.topic][1]} có chuyển biến tích cực. Để tiếp tục thực hiện "
                    f"{short_ref(par)}, {doc.issuer} yêu cầu các cấp ủy, tổ chức đảng tập trung thực hiện tốt một số "
                    f"nhiệm vụ sau:"]
        return [f"Thời gian qua, {TOPICS[doc.topic][1]} đã đạt được những kết quả quan trọng. Để tăng cường sự lãnh "
                f"đạo của Đảng, {doc.issuer} yêu cầu các cấp ủy, tổ chức đảng tập trung thực hiện tốt một số nhiệm vụ "
                f"sau:"]
    shape = rng.random()
    verb = "Tiếp tục thực hiện" if doc.relation == "CONTINUES" else rng.choice(
        ["Thực hiện", "Thực hiện", "Triển khai thực hiện", "Quán triệt và triển khai"])
    what = {"KH": "ban hành Kế hoạch thực hiện như sau:", "CTr": "xây dựng Chương trình hành động như sau:",
            "HD": "hướng dẫn thực hiện như sau:",
            "CT": "chỉ thị các cấp ủy, tổ chức đảng thực hiện tốt một số nội dung sau:",
            "CV": "yêu cầu các cơ quan, đơn vị thực hiện tốt một số nội dung sau:"}.get(doc.type, "")
    if doc.type == "QĐ":
        kind = doc.place.kind.lower()
        return [f"CHỦ TỊCH ỦY BAN NHÂN DÂN {doc.place.kind.upper()} {doc.place.short.upper()}",
                f"Căn cứ {organic_law(doc.date, True)};",
                f"Căn cứ {cite(rng, par, doc)} {about(rng, par, 1)};",
                f"Theo đề nghị của {rng.choice(DEPARTMENTS) if doc.level == 'province' else 'Trưởng phòng Nội vụ'} "
                f"tại Tờ trình số {rng.randint(10, 999)}/TTr-{'SNV' if doc.level == 'province' else 'PNV'}"
                f"{render_date(rng, doc.date - dt.timedelta(days=rng.randint(2, 20)))},",
                "QUYẾT ĐỊNH:",
                f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện {short_ref(par)} trên địa "
                f"bàn {kind}.",
                "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                f"Điều 3. Chánh Văn phòng Ủy ban nhân dân {kind}, Thủ trưởng các cơ quan, đơn vị liên quan chịu trách "
                f"nhiệm thi hành Quyết định này."]
    if shape < 0.6:       # the seeds' one-sentence chain
        return [f"{verb} {cite(rng, par, doc)} {about(rng, par)}, {doc.body_issuer} {what}"]
    if shape < 0.85 and par.parent is not None:      # seed 002: the central document first, then the parent
        gp = par.parent
        return [f"Ngày {gp.date.day:02d}/{gp.date.month:02d}/{gp.date.year}, {gp.issuer} ban hành "
                f"{TYPE_WORD[gp.type]} số {render_symbol(rng, gp.symbol)} {about(rng, gp, 1)}; "
                f"{cite(rng, par, doc)} về thực hiện {short_ref(gp)}. Để tổ chức thực hiện hiệu quả {short_ref(gp)}, "
                f"{doc.body_issuer} {what}"]
    return [f"Căn cứ {cite(rng, par, doc)} {about(rng, par, 1)};",
            f"Căn cứ tình hình thực tế của địa phương, {doc.body_issuer} {what}"]


def body(rng: random.Random, doc: Doc) -> list:
    org = "cả nước" if doc.level == "central" else doc.place.kind.lower()
    ref = short_ref(doc.parent) if doc.parent else "các văn bản có liên quan"
    if doc.parent is not None and doc.parent.parent is not None and rng.random() < 0.5:
        ref = f"{short_ref(doc.parent.parent)}, {ref}"
    out = []
    for sec in SECTION_HEADS:
        out.append(sec[0])
        for sub in sec[1:] or [""]:
            if sub:
                out.append(sub)
            for tpl in rng.sample(PARAGRAPHS, rng.randint(1, 3)):
                out.append(tpl.format(field=TOPICS[doc.topic][1], ref=ref, self=self_word(doc), org=org,
                                      dept=rng.choice(DEPARTMENTS)))
    return out


def signature(rng: random.Random, doc: Doc) -> list:
    recipients = ["Nơi nhận:", "- Như trên,"]
    if doc.level == "central":
        recipients += ["- Các tỉnh ủy, thành ủy,", "- Các ban đảng, ban cán sự đảng, đảng đoàn,",
                       "- Lưu Văn phòng TW Đảng."]
        sign = ["T/M BAN BÍ THƯ", "THƯỜNG TRỰC"] if doc.party else ["TM. CHÍNH PHỦ", "THỦ TƯỚNG"] \
            if doc.type == "NĐ" else ["KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"]
    elif doc.party:
        recipients += ["- Thường trực cấp ủy,", "- Các chi, đảng bộ trực thuộc,", "- Lưu Văn phòng."]
        sign = ["**T/M BAN THƯỜNG VỤ", rng.choice(["PHÓ BÍ THƯ**", "BÍ THƯ**", "PHÓ BÍ THƯ THƯỜNG TRỰC**"])]
    else:
        recipients += ["- TT cấp ủy, TT HĐND,", "- Chủ tịch, các PCT UBND,", "- Các cơ quan, đơn vị liên quan,",
                       "- Lưu: VT."]
        sign = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    return recipients + [""] + sign + ["", "", person(rng)]


def render_document(rng: random.Random, doc: Doc) -> str:
    parts = header(rng, doc)
    if rng.random() < 0.03 and doc.level != "central":       # an incoming-mail stamp (not a citation)
        seen = doc.date + dt.timedelta(days=3)
        parts[2:2] = [f"CV\tSố: {rng.randint(1, 999):03d}", f"ĐẾN\tNgày: {seen.day:02d}/{seen.month:02d}/{seen.year}"]
    parts.append("")
    if doc.type in HEADING:
        parts.append(HEADING[doc.type])
        if doc.parent is not None and doc.type != "QĐ":
            parts.append(f"{'thực hiện' if doc.relation == 'IMPLEMENTS' else 'tiếp tục thực hiện'} "
                         f"{short_ref(doc.parent)}")
        elif doc.parent is None:
            parts.append(f"CỦA {doc.issuer.upper()}")
            parts.append(TOPICS[doc.topic][0])
    parts += preamble(rng, doc)
    if doc.type != "QĐ" or doc.level != "central":
        parts += body(rng, doc)
    if doc.level != "central":
        parts.append(f"Trên đây là {self_word(doc)[:-4]} của {doc.body_issuer} triển khai thực hiện "
                     f"{short_ref(doc.parent)}./.")
    elif doc.party:
        parts.append(f"{self_word(doc)} phổ biến đến chi bộ./.")
    else:
        parts.append(f"Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố "
                     f"trực thuộc trung ương chịu trách nhiệm thi hành {self_word(doc)}./.")
    parts += signature(rng, doc)
    text = "\n\n".join(parts)
    if rng.random() < 0.02:     # web chrome from a portal that republished the document
        text = "A- A A+ | Tăng tương phản Giảm tương phản\n\n" + text
    return text + "\n"


def render_news(rng: random.Random, g: Generator, doc: Doc) -> str:
    """A portal's article about a local document (seed 000) or about a review of a central one (seed 001)."""
    prov = doc.place.province if doc.place else rng.choice(g.places)
    root = doc
    while root.parent is not None and root.level != "central":
        root = root.parent
    if doc.parent is not None and rng.random() < 0.65:
        kind = prov.kind.lower()
        n = g._state_number(prov.id, "province", "UBND", doc.date + dt.timedelta(days=5))
        new_sym = f"{n}/UBND-{rng.choice(DRAFTING_UNITS)}"
        d = doc.date + dt.timedelta(days=rng.randint(5, 40))
        lines = ["A- A A+ | Tăng tương phản Giảm tương phản",
                 f"Ủy ban nhân dân {kind} {prov.short} chỉ đạo {TOPICS[doc.topic][0][3:]}",
                 f"Thực hiện {cite(rng, doc, None)} {about(rng, doc)}; ngày {d.day} tháng {d.month}, UBND {kind} ban "
                 f"hành Công văn số {new_sym} để chỉ đạo triển khai. Theo đó, UBND {kind} yêu cầu:"]
        for tpl in rng.sample(PARAGRAPHS, rng.randint(3, 7)):
            lines.append(tpl.format(field=TOPICS[doc.topic][1], ref=short_ref(doc), self="Công văn này",
                                    org=kind, dept=rng.choice(DEPARTMENTS)))
        lines += ["", f"Tác giả: {person(rng)}", "Tin liên quan"]
        return "\n\n".join(lines) + "\n"
    years = max(1, min(15, (doc.date.year + rng.randint(1, 3)) - root.date.year))
    d = root.date + dt.timedelta(days=365 * years + rng.randint(0, 200))
    wd = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"][d.weekday()]
    committee = _committee(doc.place)[0] + " " + doc.place.short if doc.place else "Tỉnh ủy " + prov.short
    lines = [f"Print {wd}, {d.day:02d}/{d.month:02d}/{d.year} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d} Gốc",
             f"Sáng {d.day}/{d.month}, Đoàn kiểm tra của Ban Chỉ đạo Trung ương tổng kết {years} năm thực hiện "
             f"{short_ref(root)}{render_date(rng, root.date)} của {root.issuer} {TOPICS[root.topic][0]} làm việc với "
             f"{committee}.",
             f"Cùng dự cuộc làm việc có đồng chí {person(rng)}, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận.",
             f"Qua {years} năm thực hiện {short_ref(root)} của {root.issuer}, dưới sự lãnh đạo của các cấp ủy đảng, "
             f"{TOPICS[root.topic][1]} đã có nhiều chuyển biến tích cực."]
    for tpl in rng.sample(PARAGRAPHS, rng.randint(2, 5)):
        lines.append(tpl.format(field=TOPICS[root.topic][1], ref=short_ref(root), self=short_ref(doc),
                                org="địa phương", dept=rng.choice(DEPARTMENTS)))
    lines += [person(rng), "Tiện ích thông tin", "Nguồn tin", "QR Code", "Tin khác"]
    return "\n\n".join(lines) + "\n"


def record(rng: random.Random, doc: Doc) -> dict:
    """A catalogue record as portals list them: lower-cased title, the symbol, ISO date, issuer, no text."""
    title = f"{'triển khai thực hiện' if doc.relation == 'IMPLEMENTS' else 'tiếp tục thực hiện'} " \
            f"{cite(rng, doc.parent, doc)}"
    if rng.random() < 0.5:
        title += f" trên địa bàn {doc.place.kind.lower()} {doc.place.short}"
    title = title.lower() if rng.random() < 0.7 else title
    rec = {"id": f"{doc.symbol}|{doc.date.day:02d}/{doc.date.month:02d}/{doc.date.year}", "symbol": doc.symbol,
           "title": title, "date": doc.date.isoformat(), "issuer": doc.issuer_full}
    if rng.random() < 0.6:
        p = doc.place
        rec["locality"] = p.short if doc.level == "province" else f"{p.short}, {p.province.short}"
    return rec


# --- the cascade -------------------------------------------------------------------------------------------------

def cascade(g: Generator, root: Doc, size: int):
    """Yield up to ``size - 1`` local documents implementing ``root``, province → district → commune."""
    rng = g.rng
    n_prov = max(1, round(size * 0.14))
    n_dist = max(0, round(size * 0.38))
    n_comm = max(0, size - 1 - n_prov - n_dist)
    k = min(len(g.places), max(1, round(n_prov / 1.4)))
    provs = sorted(rng.sample(g.places, k), key=lambda p: p.id)
    prov_docs = []
    for p in provs:
        if root.party:
            first = g.new_local(root, p, True, (7, 150))
            prov_docs.append(first)
            if rng.random() < 0.4:        # seed 000: UBND implements the Tỉnh ủy plan
                prov_docs.append(g.new_local(first, p, False, (5, 60)))
        else:
            prov_docs.append(g.new_local(root, p, False, (7, 150)))
            if rng.random() < 0.4:
                prov_docs.append(g.new_local(root, p, True, (7, 150)))
    prov_docs = prov_docs[:max(1, n_prov)]
    yield from prov_docs
    dist_docs = []
    per = _spread(rng, n_dist, len(prov_docs))
    for pd, m in zip(prov_docs, per):
        dists = pd.place.children
        for dplace in rng.sample(dists, min(m, len(dists))):
            dist_docs.append(g.new_local(pd, dplace, pd.party, (5, 90)))
    yield from dist_docs
    per = _spread(rng, n_comm, len(dist_docs))
    for dd, m in zip(dist_docs, per):
        comms = dd.place.children
        for cplace in rng.sample(comms, min(m, len(comms))):
            yield g.new_local(dd, cplace, dd.party, (3, 60))


def _spread(rng: random.Random, total: int, bins: int) -> list:
    if bins == 0:
        return []
    out = [total // bins] * bins
    for i in rng.sample(range(bins), total % bins):
        out[i] += 1
    return out


class Writer:
    def __init__(self, out: Path):
        self.out = out
        self.n_files = 0
        self.n_records = 0
        self.buf: list = []
        self.bytes = 0
        self.counts = {"central": 0, "province": 0, "district": 0, "commune": 0, "news": 0, "records": 0}

    def text(self, text: str, what: str) -> None:
        i = self.n_files
        path = self.out / "docs" / f"{i // FILES_PER_FOLDER:03d}" / f"{i:07d}.txt"
        if i % FILES_PER_FOLDER == 0:
            path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.bytes += len(data)
        self.n_files += 1
        self.counts[what] += 1

    def record(self, rec: dict) -> None:
        self.buf.append(json.dumps(rec, ensure_ascii=False))
        self.n_records += 1
        self.counts["records"] += 1
        if len(self.buf) >= RECORDS_PER_FILE:
            self.flush()

    def flush(self) -> None:
        if not self.buf:
            return
        i = (self.n_records - 1) // RECORDS_PER_FILE
        path = self.out / "catalogue" / f"{i // 100:03d}" / f"records-{i:06d}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = ("\n".join(self.buf) + "\n").encode("utf-8")
        path.write_bytes(data)
        self.bytes += len(data)
        self.buf = []


def generate(n_docs: int, out: Path, seed: int = 1, places: Optional[list] = None) -> dict:
    """Write ``n_docs`` inputs (documents + news + catalogue records) under ``out``; return the manifest."""
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty; give a new folder")
    out.mkdir(parents=True, exist_ok=True)
    g = Generator(seed, places if places is not None else load_places())
    rng = g.rng
    n_news = round(n_docs * NEWS_SHARE)
    budget = n_docs - n_news
    p_record = RECORD_SHARE / (1 - NEWS_SHARE)
    mean_tree = max(20, min(6000, 2 * math.sqrt(budget)))
    w = Writer(out)
    made = 0
    news_done = 0
    pool: list = []          # local documents of the latest cascade that had any: what news report on
    while made < budget:
        root = g.new_central()
        w.text(render_document(rng, root), "central")
        made += 1
        size = max(5, int(rng.lognormvariate(math.log(mean_tree), 0.5)))
        locals_: list = []
        for doc in cascade(g, root, min(size, budget - made + 1)):
            if made >= budget:
                break
            if rng.random() < p_record:
                w.record(record(rng, doc))
            else:
                w.text(render_document(rng, doc), doc.level)
            made += 1
            if doc.level in ("province", "district"):
                locals_.append(doc)
        pool = locals_ or pool
        due = round(n_news * made / budget) - news_done
        for _ in range(due if pool else 0):
            w.text(render_news(rng, g, rng.choice(pool)), "news")
            news_done += 1
    while news_done < n_news:      # only when no cascade had a local document (tiny corpora)
        doc = g.new_local(g.central[-1], rng.choice(g.places), False, (7, 150))
        w.text(render_news(rng, g, doc), "news")
        news_done += 1
    w.flush()
    manifest = {"seed": seed, "docs": w.n_files + w.n_records, "files": w.n_files, "records": w.n_records,
                "bytes": w.bytes, "by_kind": w.counts, "central_documents": len(g.central)}
    (out / ".manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10000, help="number of inputs (documents, news and records)")
    ap.add_argument("--out", required=True, help="an empty or new folder")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    m = generate(a.docs, Path(a.out), a.seed)
    print(json.dumps(m, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
