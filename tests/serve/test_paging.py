"""A long table on a page of graphbuild serve comes a page at a time (?page=N, a stable URL); downloads have it all."""
import re

import pytest
from starlette.requests import Request

from graphbuild.serve.app import environment


def _request(query: str) -> Request:
    return Request({"type": "http", "method": "GET", "path": "/implementers/vn/tw/kl/2022/44", "root_path": "",
                    "query_string": query.encode(), "headers": [(b"host", b"127.0.0.1")], "scheme": "http",
                    "server": ("127.0.0.1", 8000)})


def _render(rows, query=""):
    template = environment().from_string('{% from "_macros.html" import rows_table %}'
                                         '{{ rows_table(request, rows, "rows") }}')
    return template.render(request=_request(query), rows=rows)


ROWS = [{"id": f"doc/{i:03d}", "symbol": f"{i}-KH/TU", "lag_days": i} for i in range(1, 251)]


def _shown(html):
    return re.findall(r">(\d+)-KH/TU<", html)


@pytest.mark.parametrize("query, first, last, page", [("", 1, 100, 1), ("page=2&since=2023", 101, 200, 2),
                                                       ("page=3", 201, 250, 3), ("page=99", 201, 250, 3),
                                                       ("page=0", 1, 100, 1), ("page=abc", 1, 100, 1)])
def test_a_table_shows_one_page_of_rows(query, first, last, page):
    html = _render(ROWS, query)
    assert _shown(html) == [str(i) for i in range(first, last + 1)]
    assert f"250 dòng · dòng {first}–{last} · trang {page}/3" in html


def test_the_pager_links_keep_the_other_parameters_and_the_downloads_have_every_row():
    html = _render(ROWS, "page=2&since=2023").replace("&amp;", "&")
    links = {number: url for url, number in re.findall(r'href="([^"]+)" data-page="(\d)"', html)}
    assert set(links) == {"1", "3"} and all("since=2023" in url for url in links.values())
    assert "page=3" in links["3"] and "page=1" in links["1"]
    downloads = re.findall(r'href="([^"]+)" data-download', html)
    assert downloads and all("format=" in url and "table=rows" in url for url in downloads)


def test_a_short_table_has_no_pager():
    html = _render(ROWS[:40])
    assert len(_shown(html)) == 40 and "sv-pager" not in html and "trang" not in html
