#!/usr/bin/env python3
"""Make the header-layout test matrix (issue 13): tests/data/headers/.

What it makes
-------------
Twelve base documents (``BASES`` below) written for the matrix: the header, the first lines of the body, the
signature and "Nơi nhận" of official documents laid out by the official templates -- State documents by
Nghị định 30/2020/NĐ-CP (Phụ lục I, II), Party documents by Hướng dẫn 36-HD/VPTW. They cover the issuer kinds
UBND tỉnh, UBND huyện, UBND xã (after 1 July 2025, no district), Tỉnh ủy, Huyện ủy, Đảng ủy xã (before and after
1 July 2025), a ministry (Thông tư of Bộ Tài chính), the Government (Nghị định, as printed in the Công báo), a Sở
under a UBND, a Công văn with "V/v …" under its number, and a Thông báo that cites nothing. Places, codes and
the documents they cite are real or realistic; the numbers of the documents themselves and their signers are
invented.

Each base comes in date placements (``own-line``: the date alone on its line in the right column;
``number-line``: the date on the line of "Số …", as the template's second table row gives it; ``blank``: a draft,
"ngày    tháng    năm 2023", for two bases) and each placement in layouts:

    typed-spaces      .txt   the two header columns side by side, padded with spaces (as typed documents are)
    typed-tabs        .txt   the same aligned with tabs
    docx              .docx  header and signature as borderless 2-column tables (python-docx), body as paragraphs
    html              .html  header and signature as <table> (as web portals publish)
    pdf-html          .pdf   the .html printed by headless Chromium (DejaVu Serif Condensed: one font a style)
    pdf-docx          .pdf   the .docx converted by LibreOffice (skipped, and said so, when soffice is missing);
                             the docx asks for Times New Roman, LibreOffice takes Liberation Serif and the
                             Vietnamese letters it lacks from DejaVu: two fonts inside a word, which pypdf reads
                             as "Y BAN NHÂN DÂNỦ" (the garbled browser PDF of issue 13)
    pdftotext-layout  .txt   ``pdftotext -layout`` of the pdf-html file (the columns side by side)
    pdftotext-plain   .txt   ``pdftotext`` with no option (reading order: each column's block apart, the rule
                             glued to the next cell: "------Số: 1520/QĐ-UBND", "--------------Nghệ An, ngày …")
    pdftotext-raw     .txt   ``pdftotext -raw`` (content-stream order: the left cell, then the right one, and
                             cells on one baseline joined: "Số: 1520/QĐ-UBND Nghệ An, ngày 12 tháng 5 năm 2023")

Files are named ``<base>__<layout>__<date placement>.<ext>``. ``expected.json`` maps each file name to the fields
a correct reader must give for the document's subject (the truth of the document, not what graphbuild says):
symbol, type, date, issuer, issuer_code, locality, level, signer, title, recipients, and under ``accept`` the
other spellings of the same truth a reader may give (e.g. "Ủy ban nhân dân tỉnh Nghệ An" for "UBND tỉnh Nghệ An").
``tests/text/test_header_matrix.py`` reads them; tests never need the tools below.

Traps built in: the motto "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in every State header while one Party document is
issued in a commune really named Cộng Hòa (Vụ Bản, Nam Định: there are six); a "Căn cứ Luật … được sửa đổi, bổ sung
bởi" line wrapped so that "Luật số 56/2024/QH15;" starts a line; a Công báo extract whose "Số:" line comes after
the gazette's page header and section lines; "Lưu: VT, …" in Nơi nhận; a body line starting "Thủ tướng Chính phủ phê
duyệt Quy hoạch …"; a post-2025 commune whose name is also a pre-2025 district (Lệ Thủy, Mường Khương); a
Thông báo with a header and no citation; a Party draft with neither number nor date; a signer with a non-Kinh
name (Y Khiêm Ktla); a recipient long enough to wrap in the PDFs.

System tools
------------
- ``chromium`` (or ``chromium-browser``/``google-chrome``) for pdf-html: headless ``--print-to-pdf``;
- ``pdftotext`` (Debian/Ubuntu: ``apt-get install -y poppler-utils``) for the three pdftotext layouts;
- ``soffice`` (``apt-get install -y --no-install-recommends libreoffice-writer``) for pdf-docx, optional;
- python-docx (a graphbuild dependency) for the .docx files.

Re-run
------
    .venv/bin/python scripts/make_header_matrix.py            # rewrites tests/data/headers/ completely
    .venv/bin/python scripts/make_header_matrix.py --no-pdf   # text, docx, html and expected.json only; keeps the
                                                              # PDFs and pdftotext files already there
    .venv/bin/python scripts/make_header_matrix.py --out /tmp/h   # elsewhere

A re-run on the same tools gives the same bytes (PDF dates and ids are fixed, docx zip times too). It warns when a
layout did not keep the date where the placement says (a header cell that wrapped). To add a document: append a
``Base`` to ``BASES`` (its ``truth`` is what expected.json will say) and re-run. Made with Chromium 156, poppler
22.12, LibreOffice 7.4 (Debian 12).
"""
from __future__ import annotations

import argparse
import html
import json
import math
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "headers"

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
LAYOUTS = ["typed-spaces", "typed-tabs", "docx", "html", "pdf-html", "pdf-docx", "pdftotext-layout",
           "pdftotext-plain", "pdftotext-raw"]
EXT = {"typed-spaces": "txt", "typed-tabs": "txt", "docx": "docx", "html": "html", "pdf-html": "pdf",
       "pdf-docx": "pdf", "pdftotext-layout": "txt", "pdftotext-plain": "txt", "pdftotext-raw": "txt"}
PDFTOTEXT = {"pdftotext-layout": ["-layout"], "pdftotext-plain": [], "pdftotext-raw": ["-raw"]}
FIELDS = ["symbol", "type", "date", "issuer", "issuer_code", "locality", "level", "signer", "title", "recipients"]


@dataclass
class Base:
    slug: str
    system: str                       # state | party
    left: list                        # the issuing body as the left column prints it, parent body first
    number: str                       # "Số: 1520/QĐ-UBND" | "Số 125-KH/HU"
    place: str
    date: tuple                       # (day, month, year)
    heading: str                      # "QUYẾT ĐỊNH"
    title: list                       # the trích yếu, as broken into lines in the template
    body: list                        # paragraphs; "\n" is a line break inside one; a leading "^" centres a line
    sign: list                        # signature block: authority lines, then the signer's name last
    recipients: list                  # "Nơi nhận" items as printed ("- Như Điều 3;", "- Lưu: VT, NN.")
    truth: dict                       # the fields a correct reader gives (date and symbol are derived)
    accept: dict = field(default_factory=dict)
    vv: list = field(default_factory=list)          # Công văn: "V/v …" lines under the number
    kinh_gui: list = field(default_factory=list)    # Công văn: addressees
    authority: Optional[str] = None                 # the line under the title ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    preamble: list = field(default_factory=list)    # lines above the header (a Công báo page)
    signed: bool = False                            # "(Đã ký)" between the authority lines and the name
    blank: Optional[str] = None                     # "keep-number" | "no-number": makes a ``blank`` variant
    blank_number: Optional[str] = None              # the number line of the draft when it is blank too


def date_text(place: str, d: tuple) -> str:
    day, month, year = d
    # Nghị định 30/2020, Phụ lục I: days below 10 and months below 3 take a leading zero.
    return f"{place}, ngày {day:02d} tháng {month:02d} năm {year}" if month < 3 else \
        f"{place}, ngày {day:02d} tháng {month} năm {year}" if day < 10 else \
        f"{place}, ngày {day} tháng {month} năm {year}"


BASES = [
    Base(
        slug="qd-ubnd-tinh-nghe-an", system="state",
        left=["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], number="Số: 1520/QĐ-UBND",
        place="Nghệ An", date=(12, 5, 2023), heading="QUYẾT ĐỊNH",
        title=["Về việc phê duyệt Kế hoạch thực hiện Chương trình mục tiêu quốc gia",
               "xây dựng nông thôn mới tỉnh Nghệ An năm 2023"],
        authority="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        body=[
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều "
            "của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
            "Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu "
            "quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025;",
            "Căn cứ Nghị quyết số 14/2022/NQ-HĐND ngày 10/12/2022 của Hội đồng nhân dân tỉnh về kế hoạch phát triển "
            "kinh tế - xã hội năm 2023;",
            "Theo đề nghị của Giám đốc Sở Nông nghiệp và Phát triển nông thôn tại Tờ trình số 1875/TTr-SNN ngày "
            "28/4/2023.",
            "^QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh Nghệ An "
            "năm 2023 (có Kế hoạch chi tiết kèm theo).",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành.",
            "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Nông nghiệp và Phát triển nông thôn, Tài chính, Kế "
            "hoạch và Đầu tư; Chủ tịch UBND các huyện, thành phố, thị xã và Thủ trưởng các đơn vị liên quan chịu "
            "trách nhiệm thi hành Quyết định này./.",
        ],
        sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Thanh Hải"],
        recipients=["- Như Điều 3;", "- Bộ Nông nghiệp và PTNT (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                    "- Chủ tịch, các PCT UBND tỉnh;", "- Văn phòng Điều phối NTM tỉnh;", "- Lưu: VT, NN (Th)."],
        truth=dict(type="QĐ", issuer="UBND tỉnh Nghệ An", issuer_code="UBND", locality="Nghệ An",
                   level="province"),
        accept={"issuer": ["Ủy ban nhân dân tỉnh Nghệ An"]},
        blank="keep-number",
    ),
    Base(
        slug="cv-ubnd-tinh-binh-dinh", system="state",
        left=["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"], number="Số: 6215/UBND-KT",
        vv=["V/v tăng cường công tác phòng,", "chống thiên tai mùa mưa bão", "năm 2022"],
        place="Bình Định", date=(4, 10, 2022), heading="",
        title=[],
        kinh_gui=["- Các sở, ban, ngành thuộc tỉnh;", "- UBND các huyện, thị xã, thành phố."],
        body=[
            "Thực hiện Chỉ thị số 10/CT-TTg ngày 08/7/2022 của Thủ tướng Chính phủ về tăng cường công tác phòng, "
            "chống thiên tai và tìm kiếm cứu nạn năm 2022 và Công điện số 04/CĐ-TW ngày 26/9/2022 của Ban Chỉ đạo "
            "Trung ương về phòng, chống thiên tai, Chủ tịch UBND tỉnh yêu cầu:",
            "1. Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố tổ chức trực ban nghiêm "
            "túc, theo dõi chặt chẽ diễn biến mưa, lũ; rà soát phương án sơ tán dân ở các khu vực ven biển, vùng "
            "trũng thấp, vùng có nguy cơ sạt lở đất.",
            "2. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các địa phương kiểm tra an toàn hồ "
            "chứa, đê điều; báo cáo UBND tỉnh trước ngày 15/10/2022.",
        ],
        sign=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Quốc Khánh"],
        signed=True,
        recipients=["- Như trên;", "- Bộ Nông nghiệp và PTNT (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                    "- CT, các PCT UBND tỉnh;", "- Đài PT-TH Bình Định, Báo Bình Định;", "- Lưu: VT, K13."],
        truth=dict(type="CV", issuer="UBND tỉnh Bình Định", issuer_code="UBND", locality="Bình Định",
                   level="province",
                   title="V/v tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2022"),
        accept={"issuer": ["Ủy ban nhân dân tỉnh Bình Định"],
                "title": ["tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2022"]},
    ),
    Base(
        slug="kh-ubnd-huyen-duc-trong", system="state",
        left=["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG"], number="Số: 85/KH-UBND",
        place="Đức Trọng", date=(20, 3, 2024), heading="KẾ HOẠCH",
        title=["Triển khai thực hiện Quy hoạch tỉnh Lâm Đồng thời kỳ 2021 - 2030,",
               "tầm nhìn đến năm 2050 trên địa bàn huyện Đức Trọng"],
        body=[
            "Căn cứ Quyết định số 1727/QĐ-TTg ngày 29/12/2023 của\nThủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Lâm "
            "Đồng thời kỳ 2021 - 2030, tầm nhìn đến năm 2050;",
            "Thực hiện Kế hoạch số 1456/KH-UBND ngày 26/02/2024 của Ủy ban nhân dân tỉnh Lâm Đồng về triển khai "
            "thực hiện Quy hoạch tỉnh, Ủy ban nhân dân huyện Đức Trọng ban hành Kế hoạch triển khai thực hiện như "
            "sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Cụ thể hóa các mục tiêu, định hướng của Quy hoạch tỉnh trên địa bàn huyện; làm căn cứ để rà soát, "
            "điều chỉnh quy hoạch xây dựng vùng huyện, quy hoạch sử dụng đất cấp huyện.",
            "2. Phân công nhiệm vụ cụ thể cho các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn.",
        ],
        sign=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Văn Hòa"],
        recipients=["- UBND tỉnh Lâm Đồng (b/c);", "- Sở Kế hoạch và Đầu tư tỉnh;", "- TT Huyện ủy, TT HĐND huyện;",
                    "- CT, các PCT UBND huyện;", "- Các phòng, ban, ngành thuộc huyện;",
                    "- UBND các xã, thị trấn;", "- Lưu: VT, TCKH."],
        truth=dict(type="KH", issuer="UBND huyện Đức Trọng", issuer_code="UBND", locality="Đức Trọng, Lâm Đồng",
                   level="district"),
        accept={"issuer": ["Ủy ban nhân dân huyện Đức Trọng"]},
    ),
    Base(
        slug="qd-ubnd-xa-le-thuy-2025", system="state",
        left=["ỦY BAN NHÂN DÂN", "XÃ LỆ THỦY"], number="Số: 156/QĐ-UBND",
        place="Lệ Thủy", date=(15, 9, 2025), heading="QUYẾT ĐỊNH",
        title=["Về việc giao dự toán thu, chi ngân sách bổ sung năm 2025",
               "cho các cơ quan, đơn vị thuộc xã sau sắp xếp đơn vị hành chính"],
        authority="CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LỆ THỦY",
        body=[
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;",
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi\nLuật số 56/2024/QH15;",
            "Căn cứ Nghị quyết số 1680/NQ-UBTVQH15 ngày 16 tháng 6 năm 2025 của Ủy ban Thường vụ Quốc hội về việc "
            "sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Trị năm 2025;",
            "Căn cứ Quyết định số 45/QĐ-UBND ngày 05/8/2025 của Ủy ban nhân dân tỉnh Quảng Trị về việc giao bổ sung "
            "dự toán ngân sách năm 2025 cho các xã, phường, đặc khu;",
            "Theo đề nghị của Trưởng phòng Kinh tế xã.",
            "^QUYẾT ĐỊNH:",
            "Điều 1. Giao dự toán thu, chi ngân sách bổ sung năm 2025 cho các cơ quan, đơn vị thuộc xã (chi tiết "
            "theo phụ lục kèm theo).",
            "Điều 2. Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Kinh tế xã và Thủ trưởng các cơ quan, đơn vị có "
            "liên quan chịu trách nhiệm thi hành Quyết định này./.",
        ],
        sign=["CHỦ TỊCH", "Hoàng Thị Lan"],
        recipients=["- Như Điều 2;", "- Sở Tài chính tỉnh Quảng Trị (b/c);", "- TT Đảng ủy, TT HĐND xã;",
                    "- Chủ tịch, các PCT UBND xã;", "- Lưu: VT, KT."],
        truth=dict(type="QĐ", issuer="UBND xã Lệ Thủy", issuer_code="UBND", locality="Lệ Thủy, Quảng Trị",
                   level="commune"),
        accept={"issuer": ["Ủy ban nhân dân xã Lệ Thủy", "Chủ tịch Ủy ban nhân dân xã Lệ Thủy",
                           "Chủ tịch UBND xã Lệ Thủy"]},
    ),
    Base(
        slug="ct-tinh-uy-thanh-hoa", system="party",
        left=["TỈNH ỦY THANH HÓA"], number="Số 28-CT/TU",
        place="Thanh Hóa", date=(15, 1, 2024), heading="CHỈ THỊ",
        title=["về tăng cường sự lãnh đạo của Đảng đối với công tác phòng cháy,",
               "chữa cháy trên địa bàn tỉnh trong tình hình mới"],
        body=[
            "Thực hiện Chỉ thị số 47-CT/TW ngày 25/6/2015 của Ban Bí thư Trung ương Đảng khóa XI về tăng cường sự "
            "lãnh đạo của Đảng đối với công tác phòng cháy, chữa cháy, thời gian qua công tác phòng cháy, chữa "
            "cháy trên địa bàn tỉnh đã đạt được những kết quả quan trọng. Tuy nhiên, tình hình cháy, nổ còn diễn "
            "biến phức tạp, nhất là tại các khu dân cư, nhà ở kết hợp kinh doanh, cơ sở sản xuất.",
            "Để tiếp tục nâng cao hiệu quả công tác phòng cháy, chữa cháy, Ban Thường vụ Tỉnh ủy yêu cầu các cấp "
            "ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thực hiện tốt một "
            "số nhiệm vụ sau:",
            "1. Quán triệt sâu sắc Chỉ thị số 47-CT/TW và Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số "
            "55/2024/QH15 đến cán bộ, đảng viên và Nhân dân.",
        ],
        sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Đức Giang"],
        recipients=["- Ban Bí thư Trung ương (để b/c),", "- Văn phòng Trung ương Đảng,", "- Các đồng chí Tỉnh ủy viên,",
                    "- Các huyện ủy, thị ủy, thành ủy,", "  đảng ủy trực thuộc Tỉnh ủy,", "- Lưu Văn phòng Tỉnh ủy."],
        truth=dict(type="CT", issuer="Tỉnh ủy Thanh Hóa", issuer_code="TU", locality="Thanh Hóa",
                   level="province",
                   recipients=["Ban Bí thư Trung ương (để b/c)", "Văn phòng Trung ương Đảng",
                               "Các đồng chí Tỉnh ủy viên",
                               "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]),
        accept={"issuer": ["Ban Thường vụ Tỉnh ủy Thanh Hóa"]},
    ),
    Base(
        slug="kh-huyen-uy-nghi-loc", system="party",
        left=["ĐẢNG BỘ TỈNH NGHỆ AN", "HUYỆN ỦY NGHI LỘC"], number="Số 125-KH/HU",
        place="Nghi Lộc", date=(20, 4, 2023), heading="KẾ HOẠCH",
        title=["thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư",
               "về tiếp tục thực hiện Chỉ thị số 43-CT/TW của Ban Bí thư khóa X",
               "về tăng cường sự lãnh đạo của Đảng đối với công tác",
               "của Hội Chữ thập đỏ Việt Nam trong tình hình mới"],
        body=[
            "Thực hiện Kế hoạch số 187-KH/TU ngày 10/02/2023 của Ban Thường vụ Tỉnh ủy Nghệ An về thực hiện Kết luận "
            "số 44-KL/TW ngày 14/11/2022 của Ban Bí thư, Ban Thường vụ Huyện ủy xây dựng Kế hoạch thực hiện như "
            "sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Quán triệt sâu sắc, tổ chức thực hiện nghiêm túc Kết luận số 44-KL/TW và Kế hoạch số 187-KH/TU; "
            "nâng cao nhận thức của cấp ủy, chính quyền về vị trí, vai trò của Hội Chữ thập đỏ.",
            "2. Phát huy vai trò của Hội Chữ thập đỏ huyện trong công tác nhân đạo, từ thiện trên địa bàn.",
        ],
        sign=["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Đình Toàn"],
        recipients=["- Ban Thường vụ Tỉnh ủy (để b/c),", "- Các đồng chí Huyện ủy viên,",
                    "- Các chi, đảng bộ trực thuộc,", "- Hội Chữ thập đỏ huyện,", "- Lưu Văn phòng Huyện ủy."],
        truth=dict(type="KH", issuer="Huyện ủy Nghi Lộc", issuer_code="HU", locality="Nghi Lộc, Nghệ An",
                   level="district"),
        accept={"issuer": ["Ban Thường vụ Huyện ủy Nghi Lộc"]},
        blank="no-number", blank_number="Số       -KH/HU",
    ),
    Base(
        slug="kh-dang-uy-xa-cong-hoa", system="party",
        left=["ĐẢNG BỘ HUYỆN VỤ BẢN", "ĐẢNG ỦY XÃ CỘNG HÒA"], number="Số 36-KH/ĐU",
        place="Cộng Hòa", date=(18, 7, 2022), heading="KẾ HOẠCH",
        title=["học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "năm 2022"],
        body=[
            "Thực hiện Kế hoạch số 95-KH/TU ngày 28/02/2022 của Ban Thường vụ Tỉnh ủy Nam Định và Kế hoạch số "
            "82-KH/HU ngày 05/7/2022 của Ban Thường vụ Huyện ủy Vụ Bản về thực hiện Chỉ thị số 05-CT/TW của Bộ Chính "
            "trị năm 2022, Đảng ủy xã Cộng Hòa xây dựng Kế hoạch thực hiện như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Tiếp tục đưa việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trở thành việc làm "
            "thường xuyên của các chi bộ, cán bộ, đảng viên và Nhân dân trong xã.",
        ],
        sign=["T/M ĐẢNG ỦY", "BÍ THƯ", "Trần Văn Thịnh"],
        recipients=["- Ban Thường vụ Huyện ủy (để b/c),", "- Các đồng chí đảng ủy viên,", "- Các chi bộ trực thuộc,",
                    "- Lưu Văn phòng Đảng ủy."],
        truth=dict(type="KH", issuer="Đảng ủy xã Cộng Hòa", issuer_code="ĐU", locality="Cộng Hòa, Nam Định",
                   level="commune"),
        accept={"issuer": ["Ban Thường vụ Đảng ủy xã Cộng Hòa"],
                # data/gold writes a pre-2025 commune "Commune, District" (w11); graphbuild's label is
                # "Commune, Province" (gazetteer.label).
                "locality": ["Cộng Hòa, Vụ Bản", "Cộng Hòa, Vụ Bản, Nam Định"]},
    ),
    Base(
        slug="tt-bo-tai-chinh", system="state",
        left=["BỘ TÀI CHÍNH"], number="Số: 12/2024/TT-BTC",
        place="Hà Nội", date=(26, 2, 2024), heading="THÔNG TƯ",
        title=["Hướng dẫn quản lý, sử dụng kinh phí thực hiện công tác",
               "cải cách hành chính nhà nước"],
        body=[
            "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
            "Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ quy định chi tiết thi hành "
            "một số điều của Luật Ngân sách nhà nước;",
            "Căn cứ Nghị định số 14/2023/NĐ-CP ngày 20 tháng 4 năm 2023 của Chính phủ quy định chức năng, nhiệm vụ, "
            "quyền hạn và cơ cấu tổ chức của Bộ Tài chính;",
            "Theo đề nghị của Vụ trưởng Vụ Hành chính sự nghiệp;",
            "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn quản lý, sử dụng kinh phí thực hiện công tác cải "
            "cách hành chính nhà nước.",
            "Điều 1. Phạm vi điều chỉnh",
            "Thông tư này hướng dẫn việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí ngân sách nhà nước "
            "thực hiện công tác cải cách hành chính nhà nước của các cơ quan, đơn vị.",
        ],
        sign=["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Đỗ Minh Quang"],
        recipients=["- Văn phòng Trung ương Đảng;", "- Văn phòng Quốc hội;", "- Văn phòng Chủ tịch nước;",
                    "- Viện Kiểm sát nhân dân tối cao;", "- Tòa án nhân dân tối cao;", "- Kiểm toán nhà nước;",
                    "- Các Bộ, cơ quan ngang Bộ;", "- UBND các tỉnh, TP trực thuộc TW;", "- Công báo;",
                    "- Lưu: VT, HCSN (250b)."],
        truth=dict(type="TT", issuer="Bộ Tài chính", issuer_code="BTC", locality=None, level="central"),
        accept={"issuer": ["Bộ trưởng Bộ Tài chính"]},
    ),
    Base(
        slug="nd-chinh-phu-congbao", system="state",
        preamble=["CÔNG BÁO/Số 567 + 568/Ngày 22-4-2025", "3", "PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT", "CHÍNH PHỦ"],
        left=["CHÍNH PHỦ"], number="Số: 85/2025/NĐ-CP",
        place="Hà Nội", date=(8, 4, 2025), heading="NGHỊ ĐỊNH",
        title=["Quy định chi tiết một số điều của Luật Ngân sách nhà nước",
               "về phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách"],
        body=[
            "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;",
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi\nLuật số 56/2024/QH15;",
            "Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi\n"
            "Luật số 56/2024/QH15;",
            "Theo đề nghị của Bộ trưởng Bộ Tài chính;",
            "Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Ngân sách nhà nước về phân cấp "
            "nguồn thu, nhiệm vụ chi giữa các cấp ngân sách.",
            "Điều 1. Phạm vi điều chỉnh",
            "Nghị định này quy định chi tiết khoản 3 Điều 9 và Điều 39 của Luật Ngân sách nhà nước.",
        ],
        sign=["TM. CHÍNH PHỦ", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Nguyễn Hữu Phong"],
        signed=True,
        recipients=["- Ban Bí thư Trung ương Đảng;", "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
                    "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;", "- HĐND, UBND các tỉnh, thành phố;",
                    "- Văn phòng Trung ương và các Ban của Đảng;", "- Lưu: VT, KTTH (2b)."],
        truth=dict(type="NĐ", issuer="Chính phủ", issuer_code="CP", locality=None, level="central"),
    ),
    Base(
        slug="qd-so-tai-chinh-nghe-an", system="state",
        left=["UBND TỈNH NGHỆ AN", "SỞ TÀI CHÍNH"], number="Số: 215/QĐ-STC",
        place="Nghệ An", date=(5, 6, 2024), heading="QUYẾT ĐỊNH",
        title=["Về việc ban hành Quy chế làm việc của Sở Tài chính tỉnh Nghệ An"],
        authority="GIÁM ĐỐC SỞ TÀI CHÍNH TỈNH NGHỆ AN",
        body=[
            "Căn cứ Quyết định số 24/2021/QĐ-UBND ngày 02/7/2021 của UBND tỉnh Nghệ An quy định vị trí, chức năng, "
            "nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tài chính tỉnh Nghệ An;",
            "Căn cứ Quyết định số 61/2023/QĐ-UBND ngày 18/10/2023 của UBND tỉnh ban hành Quy chế làm việc của Ủy ban "
            "nhân dân tỉnh Nghệ An nhiệm kỳ 2021 - 2026;",
            "Theo đề nghị của Chánh Văn phòng Sở.",
            "^QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Sở Tài chính tỉnh Nghệ An.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và thay thế Quyết định số 102/QĐ-STC ngày 15/3/2019 "
            "của Giám đốc Sở Tài chính.",
            "Điều 3. Chánh Văn phòng Sở, Trưởng các phòng và đơn vị thuộc Sở chịu trách nhiệm thi hành Quyết định "
            "này./.",
        ],
        sign=["GIÁM ĐỐC", "Lê Thị Thu Hà"],
        recipients=["- Như Điều 3;", "- UBND tỉnh (để b/c);", "- Lãnh đạo Sở;", "- Cổng TTĐT Sở;", "- Lưu: VT, VP."],
        truth=dict(type="QĐ", issuer="Sở Tài chính tỉnh Nghệ An", issuer_code="STC", locality="Nghệ An",
                   level="province"),
        accept={"issuer": ["Sở Tài chính Nghệ An", "Giám đốc Sở Tài chính tỉnh Nghệ An"]},
    ),
    Base(
        slug="tb-ubnd-huyen-krong-pac-nocite", system="state",
        left=["ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG PẮC"], number="Số: 312/TB-UBND",
        place="Krông Pắc", date=(25, 9, 2024), heading="THÔNG BÁO",
        title=["Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân huyện", "tháng 10 năm 2024"],
        body=[
            "Chủ tịch Ủy ban nhân dân huyện thông báo lịch tiếp công dân định kỳ tháng 10 năm 2024 như sau:",
            "1. Thời gian: ngày 15 tháng 10 năm 2024 (buổi sáng từ 7 giờ 30 phút).",
            "2. Địa điểm: Trụ sở Tiếp công dân huyện, số 105 đường Giải Phóng, thị trấn Phước An, huyện Krông Pắc, "
            "tỉnh Đắk Lắk.",
            "3. Thành phần: Chủ tịch UBND huyện chủ trì; mời đại diện Thường trực HĐND huyện, Ủy ban Mặt trận Tổ "
            "quốc Việt Nam huyện cùng dự.",
            "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị và công dân biết./.",
        ],
        sign=["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Y Khiêm Ktla"],
        recipients=["- TT Huyện ủy, TT HĐND huyện (b/c);", "- Chủ tịch, các PCT UBND huyện;",
                    "- Ban Tiếp công dân huyện;", "- Cổng thông tin điện tử huyện;", "- Lưu: VT, TCD."],
        truth=dict(type="TB", issuer="UBND huyện Krông Pắc", issuer_code="UBND", locality="Krông Pắc, Đắk Lắk",
                   level="district"),
        accept={"issuer": ["Ủy ban nhân dân huyện Krông Pắc"]},
    ),
    Base(
        slug="ctr-dang-uy-xa-muong-khuong-2025", system="party",
        left=["ĐẢNG BỘ TỈNH LÀO CAI", "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG"], number="Số 12-CTr/ĐU",
        place="Mường Khương", date=(22, 9, 2025), heading="CHƯƠNG TRÌNH",
        title=["hành động thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024",
               "của Bộ Chính trị về đột phá phát triển khoa học, công nghệ,",
               "đổi mới sáng tạo và chuyển đổi số quốc gia"],
        body=[
            "Thực hiện Kế hoạch số 15-KH/TU ngày 20/8/2025 của Ban Thường vụ Tỉnh ủy Lào Cai về thực hiện Nghị quyết "
            "số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ Đảng ủy xã xây dựng Chương trình hành động "
            "như sau:",
            "I. MỤC TIÊU",
            "1. Đến năm 2030, 100% hồ sơ thủ tục hành chính của xã được tiếp nhận, giải quyết trực tuyến; 80% hộ gia "
            "đình có kết nối Internet cáp quang.",
        ],
        sign=["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lù Văn Páo"],
        recipients=["- Ban Thường vụ Tỉnh ủy (để b/c),", "- Các đồng chí đảng ủy viên,", "- Các chi, đảng bộ trực thuộc,",
                    "- Lưu Văn phòng Đảng ủy."],
        truth=dict(type="CTr", issuer="Đảng ủy xã Mường Khương", issuer_code="ĐU", locality="Mường Khương, Lào Cai",
                   level="commune"),
        accept={"issuer": ["Ban Thường vụ Đảng ủy xã Mường Khương"]},
    ),
]


# ---------------------------------------------------------------------------------------------------------------
# Truth

def _clean_item(s: str) -> str:
    return " ".join(s.strip().lstrip("-–+• ").rstrip(";,.").split())


def recipients_truth(b: Base) -> list:
    """The Nơi nhận items without "Lưu …"; a line that does not start with "-" continues the item above."""
    items: list = []
    for line in b.recipients:
        if line.strip().startswith(("-", "–", "+")) or not items:
            items.append(line)
        else:
            items[-1] += " " + line
    return [_clean_item(i) for i in items if not _clean_item(i).lower().startswith("lưu")]


def truth_for(b: Base, variant: str) -> dict:
    t = dict(b.truth)
    sym = b.number.split(" ", 1)[1].strip() if b.number.startswith("Số ") else b.number.split(":", 1)[1].strip()
    d, m, y = b.date
    t.setdefault("symbol", sym)
    t.setdefault("title", " ".join(" ".join(b.title).split()))
    t.setdefault("signer", b.sign[-1])
    t.setdefault("recipients", recipients_truth(b))
    t["date"] = None if variant == "blank" else f"{y:04d}-{m:02d}-{d:02d}"
    if variant == "blank" and b.blank == "no-number":
        t["symbol"] = None
    return {k: t.get(k) for k in FIELDS}


def variants(b: Base) -> list:
    return ["own-line", "number-line"] + (["blank"] if b.blank else [])


# ---------------------------------------------------------------------------------------------------------------
# Header rows, shared by every layout

def header_rows(b: Base, variant: str) -> list:
    """[(left lines, right lines), …]: one row when the date has a line of its own, two when it shares the
    number's line (the template's second table row). Blank strings keep lines aligned across the two columns."""
    rule = "*" if b.system == "party" else "-------"
    left_top = b.left + [rule]
    right_top = list(PARTY if b.system == "party" else MOTTO)
    number = b.blank_number if variant == "blank" and b.blank == "no-number" else b.number
    number_block = [number] + b.vv
    if variant == "blank":
        y = b.date[2]
        date = f"{b.place}, ngày      tháng      năm {y}"
    else:
        date = date_text(b.place, b.date)
    if variant in ("number-line", "blank"):
        return [(left_top, right_top), (number_block, [date])]
    if not b.vv:   # own-line: the date one line below the number
        right = right_top + [""] * (len(left_top) + len(number_block) - len(right_top)) + [date]
        return [(left_top + number_block, right)]
    # a Công văn: the date below the motto, the number and its V/v one line lower
    right = right_top + [""] * (len(left_top) - len(right_top)) + [date]
    return [(left_top + [""] + number_block, right)]


def signature_lines(b: Base) -> list:
    lines = list(b.sign[:-1]) + [""]
    lines += ["(Đã ký)", ""] if b.signed else ["", ""]
    return lines + [b.sign[-1]]


# ---------------------------------------------------------------------------------------------------------------
# Typed text

LW, RW, PAGE = 36, 52, 88


def _typed_pair(left: str, right: str, tabs: bool) -> str:
    if tabs:
        n = max(1, math.ceil((40 - len(left)) / 8)) if left else 5
        return (left + "\t" * n + right).rstrip() if right else left
    return (left.center(LW) + right.center(RW)).rstrip() if right else left.center(LW).rstrip()


def typed(b: Base, variant: str, tabs: bool) -> str:
    out = list(b.preamble) + ([""] if b.preamble else [])
    for left, right in header_rows(b, variant):
        for lft, rgt in zip_longest(left, right, fillvalue=""):
            out.append(_typed_pair(lft, rgt, tabs))
    out.append("")
    if b.kinh_gui:
        out.append(" " * 16 + "Kính gửi: " + b.kinh_gui[0])
        out += [" " * 26 + k for k in b.kinh_gui[1:]]
        out.append("")
    if b.heading:
        out.append(b.heading.center(PAGE).rstrip())
        out += [t.center(PAGE).rstrip() for t in b.title]
        out.append("-----".center(PAGE).rstrip())
        if b.authority:
            out.append(b.authority.center(PAGE).rstrip())
        out.append("")
    for p in b.body:
        if p.startswith("^"):
            out.append(p[1:].center(PAGE).rstrip())
        else:
            out += p.split("\n")
    out.append("")
    left = ["Nơi nhận:"] + b.recipients
    for lft, rgt in zip_longest(left, signature_lines(b), fillvalue=""):
        if tabs:
            out.append(_typed_pair(lft, rgt, True))
        else:
            out.append((lft.ljust(LW) + rgt.center(RW)).rstrip())
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# HTML

# Fonts. The HTML asks for DejaVu Serif, which covers Vietnamese, so the PDF Chromium prints has one font per
# style. The docx asks for Times New Roman, as Vietnamese offices write them; LibreOffice substitutes Liberation Serif,
# which lacks the precomposed Vietnamese letters (U+1EA0-1EF9), and takes those from DejaVu: the pdf-docx files have
# two fonts inside one word, the case that pypdf reads as "Ủ Y BAN NHÂN DÂN / T Ỉ NH NGH Ệ AN" (issue 13).
# Italics are left out, the trích yếu is not bold, and the docx has no bold at all: each style embeds one more font
# subset (two in a PDF with fallback glyphs), and the folder must stay small.
HTML_FONT = '"DejaVu Serif Condensed", "DejaVu Serif", serif'
DOCX_FONT = "Times New Roman"
DOCX_BOLD = False   # bold doubles the fonts LibreOffice embeds (Liberation + DejaVu, regular + bold): 34 -> 52 kB

CSS = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: %(font)s; font-size: 13pt; margin: 0; }
p { margin: 0; line-height: 1.35; }
table { width: 100%; border-collapse: collapse; }
td { vertical-align: top; padding: 0; }
table.hdr td { text-align: center; font-size: 11.5pt; }
table.hdr td.l { width: 43%; }
.b { font-weight: bold; }
.i { }
.pre { text-align: left; font-size: 11pt; }
.center { text-align: center; }
.heading { text-align: center; font-weight: bold; font-size: 14pt; margin-top: 12pt; }
.title { text-align: center; }
.kg { margin: 10pt 0 10pt 25%; }
.body p { text-align: justify; text-indent: 1cm; margin-top: 4pt; }
.body p.center { text-indent: 0; text-align: center; font-weight: bold; }
table.sig { margin-top: 12pt; }
table.sig td.l { width: 45%; font-size: 11pt; }
table.sig td.r { text-align: center; font-weight: bold; }
"""


def _esc(s: str) -> str:
    return html.escape(s).replace("  ", " &nbsp;")


def _cell_lines(lines: list, b: Base) -> str:
    out = []
    for s in lines:
        if not s:
            out.append("<p>&nbsp;</p>")
            continue
        cls = ""
        if s in (MOTTO[:2] + PARTY) or s in b.left[1:] or (len(b.left) == 1 and s == b.left[0]):
            cls = "b"
        elif s.startswith(b.place + ", ngày"):
            cls = "i"
        out.append(f'<p class="{cls}">{_esc(s)}</p>' if cls else f"<p>{_esc(s)}</p>")
    return "".join(out)


def to_html(b: Base, variant: str) -> str:
    title = b.heading + " " + " ".join(b.title) if b.heading else b.number
    parts = [f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>{_esc(title)}</title>\n'
             f"<style>{CSS.replace('%(font)s', HTML_FONT)}</style>\n</head>\n<body>\n"]
    if b.preamble:
        parts.append('<div class="pre">' + "".join(f"<p>{_esc(s)}</p>" for s in b.preamble) + "</div>\n<br>\n")
    parts.append('<table class="hdr">\n')
    for left, right in header_rows(b, variant):
        parts.append(f'<tr><td class="l">{_cell_lines(left, b)}</td><td class="r">{_cell_lines(right, b)}</td></tr>\n')
    parts.append("</table>\n")
    if b.kinh_gui:
        parts.append('<div class="kg"><p>Kính gửi:</p>' + "".join(f"<p>{_esc(k)}</p>" for k in b.kinh_gui)
                     + "</div>\n")
    if b.heading:
        parts.append(f'<p class="heading">{_esc(b.heading)}</p>\n')
        parts.append('<p class="title">' + "<br>".join(_esc(t) for t in b.title) + "</p>\n")
        parts.append('<p class="center">-----</p>\n')
        if b.authority:
            parts.append(f'<p class="heading">{_esc(b.authority)}</p>\n')
    parts.append('<div class="body">\n')
    for p in b.body:
        if p.startswith("^"):
            parts.append(f'<p class="center">{_esc(p[1:])}</p>\n')
        else:
            parts.append("<p>" + "<br>".join(_esc(x) for x in p.split("\n")) + "</p>\n")
    parts.append("</div>\n")
    left = '<p class="b i">Nơi nhận:</p>' + "".join(f"<p>{_esc(r.strip())}</p>" for r in b.recipients)
    right = "".join("<p>&nbsp;</p>" if not s else
                    (f'<p style="font-weight:normal">{_esc(s)}</p>' if s == "(Đã ký)" else f"<p>{_esc(s)}</p>")
                    for s in signature_lines(b))
    parts.append(f'<table class="sig"><tr><td class="l">{left}</td><td class="r">{right}</td></tr></table>\n')
    parts.append("</body>\n</html>\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------------------------
# DOCX

def to_docx(b: Base, variant: str, path: Path) -> None:
    import datetime

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = docx.Document()
    cp = d.core_properties
    cp.author, cp.title, cp.last_modified_by = "graphbuild header matrix", b.slug, "graphbuild header matrix"
    cp.created = cp.modified = datetime.datetime(2025, 1, 1)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(1.5), Cm(2), Cm(2)
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = DOCX_FONT, Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), DOCX_FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.1

    def para(container, text, *, bold=False, italic=False, align="center", size=None, first=False, indent=False):
        p = container.paragraphs[0] if first else container.add_paragraph()
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
        if indent:
            p.paragraph_format.first_line_indent = Cm(1)
            p.paragraph_format.space_before = Pt(4)
        for i, chunk in enumerate(text.split("\n")):
            r = p.add_run(chunk)
            r.bold, r.italic = bold and DOCX_BOLD, italic
            if size:
                r.font.size = Pt(size)
            if i < len(text.split("\n")) - 1:
                r.add_break()
        return p

    def fill(cell, lines):
        for i, s in enumerate(lines):
            bold = s in (MOTTO[:2] + PARTY) or s in b.left[1:] or (len(b.left) == 1 and s == b.left[0])
            para(cell, s, bold=bold, size=11.5, first=(i == 0))

    for s in b.preamble:
        para(d, s, align="left", size=11)
    if b.preamble:
        para(d, "")
    rows = header_rows(b, variant)
    t = d.add_table(rows=len(rows), cols=2)
    t.autofit = False
    t.columns[0].width, t.columns[1].width = Cm(7.0), Cm(9.5)
    for r, (left, right) in enumerate(rows):
        t.cell(r, 0).width, t.cell(r, 1).width = Cm(7.0), Cm(9.5)
        fill(t.cell(r, 0), left)
        fill(t.cell(r, 1), right)
    para(d, "")
    if b.kinh_gui:
        para(d, "Kính gửi: " + b.kinh_gui[0]).paragraph_format.left_indent = Cm(3)
        for k in b.kinh_gui[1:]:
            para(d, k).paragraph_format.left_indent = Cm(5)
        para(d, "")
    if b.heading:
        para(d, b.heading, bold=True, size=14)
        para(d, "\n".join(b.title))
        para(d, "-----")
        if b.authority:
            para(d, b.authority, bold=True, size=14)
        para(d, "")
    for p in b.body:
        if p.startswith("^"):
            para(d, p[1:], bold=True)
        else:
            para(d, p, align="justify", indent=True)
    para(d, "")
    t = d.add_table(rows=1, cols=2)
    t.autofit = False
    lc, rc = t.cell(0, 0), t.cell(0, 1)
    t.columns[0].width, t.columns[1].width = Cm(7.4), Cm(9.1)
    lc.width, rc.width = Cm(7.4), Cm(9.1)
    para(lc, "Nơi nhận:", bold=True, align="left", size=12, first=True)
    for r in b.recipients:
        para(lc, r.strip(), align="left", size=11)
    for i, s in enumerate(signature_lines(b)):
        para(rc, s, bold=(s != "(Đã ký)"), first=(i == 0))
    d.save(str(path))
    slim_docx(path)


def slim_docx(path: Path) -> None:
    """Drop what python-docx's template carries and no reader needs (a thumbnail, stylesWithEffects.xml, the latent
    style list): 36 kB -> ~10 kB a file. Fixed zip timestamps, so re-runs give identical files."""
    import re
    import zipfile

    drop = {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"}
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist() if i.filename not in drop}
    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
        parts[rels] = re.sub(rb"<Relationship [^>]*(?:thumbnail|stylesWithEffects)[^>]*/>", b"", parts[rels])
    parts["[Content_Types].xml"] = re.sub(rb"<Override [^>]*stylesWithEffects[^>]*/>", b"",
                                          parts["[Content_Types].xml"])
    styles = re.sub(rb"<w:latentStyles.*?</w:latentStyles>", b"", parts["word/styles.xml"], flags=re.S)
    # Only the default styles are used (Normal, the default table and character styles).
    parts["word/styles.xml"] = re.sub(rb"<w:style [^>]*>.*?</w:style>",
                                      lambda m: m.group(0) if b'w:default="1"' in m.group(0)[:200] else b"",
                                      styles, flags=re.S)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for fname, data in parts.items():
            z.writestr(zipfile.ZipInfo(fname, date_time=(2025, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED, 9)


# ---------------------------------------------------------------------------------------------------------------
# PDF and pdftotext

def find_chromium() -> Optional[str]:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def print_pdf(chromium: str, src: Path, dst: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                        f"--print-to-pdf={dst}", src.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    if not dst.exists() or dst.stat().st_size == 0:
        raise RuntimeError(f"chromium made no PDF of {src}")


def docx_to_pdf(soffice: str, srcs: list, outdir: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir), *map(str, srcs)],
                       check=True, capture_output=True, timeout=600)


def fix_pdf(path: Path) -> None:
    """Make a re-run give the same bytes: the dates, the /ID and LibreOffice's /DocChecksum become fixed strings of
    the same length (so the cross-reference offsets stay right)."""
    import hashlib
    import re

    data = path.read_bytes()
    data = re.sub(rb"\(D:\d{14}", b"(D:20250101000000", data)
    ident = hashlib.md5(path.name.encode()).hexdigest().upper().encode()
    data = re.sub(rb"<[0-9A-Fa-f]{32}>", lambda m: b"<" + ident + b">", data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", lambda m: b"/DocChecksum /" + ident, data)
    path.write_bytes(data)


def pdftotext(src: Path, dst: Path, options: list) -> None:
    subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(src), str(dst)],
                   check=True, capture_output=True, timeout=60)


def check_placement(b: Base, variant: str, text: str, where: str) -> None:
    """Warn when a layout did not keep the date where the variant says (a cell wrapped, say)."""
    num = b.number.split()[-1]
    shared = any(num in line and "ngày" in line for line in text.splitlines())
    if variant == "number-line" and not shared or variant == "own-line" and shared:
        print(f"warning: {where}: the date is {'not ' if variant == 'number-line' else ''}on the number's line",
              file=sys.stderr)


# ---------------------------------------------------------------------------------------------------------------

def name(b: Base, layout: str, variant: str) -> str:
    return f"{b.slug}__{layout}__{variant}.{EXT[layout]}"


def dump_expected(doc: dict) -> str:
    """JSON with one line per file: small, and a diff shows which file's answer changed."""
    head = {k: v for k, v in doc.items() if k != "files"}
    lines = [json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "files": {']
    items = list(doc["files"].items())
    for i, (k, v) in enumerate(items):
        lines.append(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                     + ("," if i < len(items) - 1 else ""))
    lines.append(" }\n}\n")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-pdf", action="store_true", help="keep the PDFs and pdftotext files already there")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    chromium = None if args.no_pdf else find_chromium()
    soffice = None if args.no_pdf else shutil.which("soffice")
    if not args.no_pdf:
        if not chromium:
            sys.exit("chromium not found: install it, or re-run with --no-pdf")
        if not shutil.which("pdftotext"):
            sys.exit("pdftotext not found: apt-get install -y poppler-utils, or re-run with --no-pdf")
        for old in out.iterdir():
            if old.is_file() and "__" in old.name:
                old.unlink()
        if not soffice:
            print("soffice not found: the pdf-docx layout is skipped", file=sys.stderr)

    made: dict = {}
    docx_files = []
    for b in BASES:
        for v in variants(b):
            truth = truth_for(b, v)
            for layout, text in (("typed-spaces", typed(b, v, tabs=False)), ("typed-tabs", typed(b, v, tabs=True)),
                                 ("html", to_html(b, v))):
                if layout.startswith("typed"):
                    check_placement(b, v, text, name(b, layout, v))
                p = out / name(b, layout, v)
                p.write_text(unicodedata.normalize("NFC", text), encoding="utf-8")
                made[p.name] = (b, layout, v, truth, None)
            p = out / name(b, "docx", v)
            to_docx(b, v, p)
            made[p.name] = (b, "docx", v, truth, None)
            docx_files.append(p)
            if chromium:
                pdf = out / name(b, "pdf-html", v)
                print_pdf(chromium, out / name(b, "html", v), pdf)
                fix_pdf(pdf)
                made[pdf.name] = (b, "pdf-html", v, truth, name(b, "html", v))
                for layout, options in PDFTOTEXT.items():
                    p = out / name(b, layout, v)
                    pdftotext(pdf, p, options)
                    made[p.name] = (b, layout, v, truth, pdf.name)
                check_placement(b, v, (out / name(b, "pdftotext-layout", v)).read_text(encoding="utf-8"),
                                name(b, "pdftotext-layout", v))
            print(f"{b.slug} {v}", file=sys.stderr)
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            docx_to_pdf(soffice, docx_files, Path(tmp))
            for src in docx_files:
                b, _, v, truth, _ = made[src.name]
                dst = out / name(b, "pdf-docx", v)
                shutil.move(str(Path(tmp) / (src.stem + ".pdf")), dst)
                fix_pdf(dst)
                made[dst.name] = (b, "pdf-docx", v, truth, src.name)
                text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(dst), "-"], check=True,
                                      capture_output=True, timeout=60).stdout.decode("utf-8")
                check_placement(b, v, text, dst.name)
    if args.no_pdf:   # keep what is already there
        for b in BASES:
            for v in variants(b):
                for layout, src in (("pdf-html", name(b, "html", v)), ("pdf-docx", name(b, "docx", v)),
                                    *((lay, name(b, "pdf-html", v)) for lay in PDFTOTEXT)):
                    if (out / name(b, layout, v)).exists():
                        made[name(b, layout, v)] = (b, layout, v, truth_for(b, v), src)

    files = {}
    for fname in sorted(made, key=lambda n: (made[n][0].slug, LAYOUTS.index(made[n][1]), made[n][2])):
        b, layout, v, truth, src = made[fname]
        entry = {"base": b.slug, "layout": layout, "date_placement": v, **({"made_from": src} if src else {}),
                 **truth}
        acc = {k: vals for k, vals in b.accept.items()}
        if b.kinh_gui:   # a Công văn: its addressees are recipients too ("Như trên" names them)
            kg = [_clean_item(k) for k in b.kinh_gui]
            acc["recipients"] = [kg + truth["recipients"], kg + [r for r in truth["recipients"] if r != "Như trên"]]
        if acc:
            entry["accept"] = acc
        files[fname] = entry
    doc = {
        "about": ("Header-layout test matrix (issue 13), made by scripts/make_header_matrix.py: for each file, "
                  "the subject a correct reader gives. symbol canonical (null when the draft leaves the number "
                  "blank); type the code; date ISO (null when the draft leaves it blank); issuer the body the "
                  "left column names, issuer_code its code; locality as graphbuild labels it ('District, "
                  "Province', 'Commune, Province', 'Province'; null for central bodies); level central | province "
                  "| district | commune; signer the name under the signature; title the trích yếu on one line; "
                  "recipients the Nơi nhận items without 'Lưu …' (leading '-' and trailing ';,.' dropped). "
                  "'accept' lists other spellings of the same truth (for recipients: other lists, e.g. a Công "
                  "văn's 'Kính gửi' addressees first)."),
        "fields": FIELDS,
        "layouts": [name for name in LAYOUTS if any(e["layout"] == name for e in files.values())],
        "files": files,
    }
    (out / "expected.json").write_text(dump_expected(doc), encoding="utf-8")
    print(f"{len(files)} files in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
