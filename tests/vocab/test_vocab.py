"""The letter classes of vocab (vocab/__init__.py)."""
import re

from graphbuild import vocab


def test_upper_and_lower_are_the_same_letters_in_two_cases():
    """UPPER holds every capital of LOWER and no lower-case letter ('Ì', 'Ó', 'Ú' included: a heading in capitals
    such as "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH" must read as one)."""
    lower = {c for c in map(chr, range(0x80, 0x2000)) if re.fullmatch(f"[{vocab.LOWER}]", c)}
    upper = {c for c in map(chr, range(0x80, 0x2000)) if re.fullmatch(f"[{vocab.UPPER}]", c)}
    assert {c.upper() for c in lower} == upper and all(c.isupper() for c in upper)
