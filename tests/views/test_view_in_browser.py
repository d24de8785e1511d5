"""The page script (static/view.js) in headless Chromium: search without accents, several hits listed, a hit inside
a group opens the group. Skipped where no Chromium is installed (CI installs Debian's `chromium`)."""
import json
import re
import shutil
import subprocess

import pytest

from graphbuild.views.html import write_html
from graphbuild.views.synthetic import generated_cascade

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="needs chromium (apt install chromium)")

# Run after the page has drawn: the answers go into <pre id="probe"> as JSON, read back from --dump-dom.
PROBE = """<script>
window.addEventListener("load", function(){ setTimeout(function(){
  var out = {}, search = document.getElementById("gb-search");
  search.value = "hai phong"; search.dispatchEvent(new Event("change"));
  var hits = document.querySelectorAll(".gb-hits a");
  out.hits = Array.prototype.map.call(hits, function(a){ return a.getAttribute("data-id"); });
  hits[hits.length - 1].click();
  out.opened = document.querySelector("#gb-details h2").textContent;
  search.value = "KIẾN AN"; search.dispatchEvent(new Event("change"));
  out.kien_an = document.querySelector("#gb-details h2").textContent;
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
}, 1000); });
</script></body>"""


def run_in_chromium(page: str, tmp_path) -> dict:
    probe_page = tmp_path / "probe.html"
    probe_page.write_text(page.replace("</body>", PROBE), encoding="utf-8")
    dom = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000",
                          "--dump-dom", probe_page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def test_search_finds_a_document_inside_a_group_and_opens_it(tmp_path):
    view = generated_cascade(600)
    page = write_html(view, tmp_path / "big.html").read_text(encoding="utf-8")
    out = run_in_chromium(page, tmp_path)
    hai_phong = {node for node, attrs in view.nodes(data=True) if attrs.get("province") == "Hải Phòng"}
    assert set(out["hits"]) == hai_phong and len(hai_phong) > 1
    last = view.nodes[out["hits"][-1]]
    assert out["opened"] == last["symbol"]                    # inside a group: the group opened, the record shown
    kien_an = [attrs["symbol"] for _, attrs in view.nodes(data=True) if (attrs.get("locality") or "")
               .startswith("Kiến An")]
    assert len(kien_an) == 1 and out["kien_an"] == kien_an[0]  # one hit: focused at once, any case and accents
