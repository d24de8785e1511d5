"""scripts/make_laws_table.py, the script that writes vocab/laws.tsv: which "Luật … số N" pairs of the texts it
keeps. Two texts written here; the script runs on them as on the corpora."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    # a 'Căn cứ' line: the amending law's name with its own number, after the law it amends
    "Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12; Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số "
    "46/2014/QH13;",
    # an enacting formula: the number after the amending law's name is the amended law's
    "Quốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Thuế thu nhập cá nhân số 109/2025/QH15; Luật "
    "Thuế giá trị gia tăng số 48/2024/QH15.",
    # a number that other texts give to the law named inside: not the amending law's
    "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Việc làm số 38/2013/QH13;",
    "Căn cứ Luật Việc làm số 38/2013/QH13;",
]


def _table(tmp_path, texts: list[str]) -> set[tuple[str, str]]:
    laws = tmp_path / "laws.jsonl"
    laws.write_text("", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_laws_table.py"), str(laws), str(corpus)],
                         capture_output=True, text=True, check=True).stdout
    return {tuple(line.split("\t")[:2]) for line in out.splitlines()[1:]}


def test_amending_laws_are_kept_only_with_a_number_of_their_own(tmp_path):
    rows = _table(tmp_path, TEXTS)
    assert ("46/2014/QH13", "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế") in rows
    assert ("25/2008/QH12", "Luật Bảo hiểm y tế") in rows
    assert ("48/2024/QH15", "Luật Thuế giá trị gia tăng") in rows
    assert not [symbol for symbol, name in rows if symbol in ("109/2025/QH15", "38/2013/QH13") and "sửa đổi" in name]


def test_a_law_numbered_before_2002_is_kept_with_its_date(tmp_path):
    """Its header reads "Số: 18-L/CTN" and its title line "LUẬT SỐ 18-L/CTN … CỦA QUỐC HỘI VỀ DẦU KHÍ" (running
    into the preamble): the name is the title's capitals after "VỀ", the year its date's."""
    laws = tmp_path / "laws.jsonl"
    laws.write_text(json.dumps({"id": "dk", "symbol": "18-L/CTN", "date": "1993-07-06", "text": (
        "QUỐC HỘI\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 18-L/CTN\nHà Nội, ngày 06 tháng 7 năm 1993\nLUẬT\n"
        "SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ\nĐể bảo vệ, khai thác tài nguyên dầu khí;")},
        ensure_ascii=False) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_laws_table.py"), str(laws)],
                         capture_output=True, text=True, check=True).stdout
    assert "18-L/CTN\tLuật Dầu khí\t1993-07-06" in out.splitlines()


def test_a_number_stated_far_more_often_than_another_for_one_name_and_year_is_kept(tmp_path):
    """A typo in one text ("75/2025") does not hide the number 24 texts give; two numbers stated as often are
    both left out."""
    rows = _table(tmp_path, ["Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"] * 4 +
                  ["Căn cứ Luật Tổ chức chính quyền địa phương số 75/2025/QH15;",
                   "Căn cứ Luật Thủy lợi số 08/2017/QH14;", "Căn cứ Luật Thủy lợi số 09/2017/QH14;"])
    assert ("72/2025/QH15", "Luật Tổ chức chính quyền địa phương") in rows
    assert not [symbol for symbol, _ in rows if symbol in ("75/2025/QH15", "08/2017/QH14", "09/2017/QH14")]


def test_the_only_law_of_a_year_that_amended_a_law_takes_its_amending_name(tmp_path):
    """"Luật X số A được sửa đổi, bổ sung bởi Luật số B, Luật số C": B is "Luật sửa đổi, bổ sung một số điều của
    Luật X" when a text cites that name with B's year, B is the only law of its year that amended X and it amended
    no other law. A law of the list no text cites so (the customs law that changed a few articles of X) is left."""
    rows = _table(tmp_path, [
        "Căn cứ Luật Xử lý vi phạm hành chính số 15/2012/QH13 được sửa đổi, bổ sung bởi Luật số 54/2014/QH13, "
        "Luật số 67/2020/QH14 và Luật số 56/2024/QH15;",
        "Căn cứ Luật Chứng khoán số 54/2019/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020;",
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Chứng khoán năm 2024;"])
    assert ("67/2020/QH14", "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính") in rows
    assert not [symbol for symbol, _ in rows if symbol in ("54/2014/QH13", "56/2024/QH15")]


def test_an_amender_stated_with_one_number_of_articles_and_names_written_in_either_case(tmp_path):
    """"Luật Giáo dục số A đã được sửa đổi, bổ sung một số điều theo Luật số B" (and "Luật giáo dục" in another text):
    one amended law; "Luật Sửa đổi, bổ sung một số điều của Luật Giáo dục ngày … năm …" cites B by that name."""
    rows = _table(tmp_path, [
        "Căn cứ Luật Giáo dục số 38/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 44/2009/QH12;",
        "Căn cứ Luật giáo dục số 38/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 44/2009/QH12;",
        "Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2005 và Luật Sửa đổi, bổ sung một số điều của Luật Giáo dục ngày 25 "
        "tháng 11 năm 2009;"])
    assert [name for symbol, name in rows if symbol == "44/2009/QH12"] == \
        ["Luật sửa đổi, bổ sung một số điều của Luật Giáo dục"]
