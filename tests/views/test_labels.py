"""The words of the views (vocab/relation_labels.tsv) and the code that uses them agree."""
import re
from pathlib import Path

from graphbuild.models import RELATIONS
from graphbuild.views import labels as views_labels
from graphbuild.views.labels import labels
from graphbuild.views.select import BANDS, VIEWS

VIEWS_DIR = Path(views_labels.__file__).parent


def test_every_relation_level_kind_and_view_has_a_label():
    table = labels()
    assert set(RELATIONS) <= set(table["relation"])
    assert set(BANDS) - {"news"} <= set(table["level"])
    assert {"party", "state", "news", "stub", "group", "other"} <= set(table["kind"])
    assert set(VIEWS) <= set(table["view"])
    assert {"yes", "no"} == set(table["yes_no"]) and {"party", "state"} <= set(table["system"])


def test_every_phrase_the_code_asks_for_is_in_the_table():
    used = set()
    for path in VIEWS_DIR.glob("*.py"):
        used |= set(re.findall(r"""\btext\(\s*["'](\w+)["']""", path.read_text(encoding="utf-8")))
        for first, second in re.findall(r"""\btext\(\s*["'](\w+)["']\s+if .*? else ["'](\w+)["']""",
                                        path.read_text(encoding="utf-8")):
            used |= {first, second}
    assert used and used <= set(labels()["text"]), used - set(labels()["text"])
    assert {"tip_date_inferred", "no_symbol"} <= used


def test_the_record_fields_keep_their_order():
    fields = list(labels()["field"])
    assert fields[:4] == ["symbol", "type_name", "type", "title"] and fields[-1] == "id"
