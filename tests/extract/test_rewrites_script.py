"""scripts/rewrites.py: the label-free check that rewriting a text as other offices write it keeps what is read."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "rewrites.py"


def test_rewrites_keep_a_plan_and_say_so(tmp_path, data_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("w01_kh-tinh-uy-nghe-an.txt", "w31_cv-ubnd-huyen-duc-trong-dtlcp.txt"):
        (inputs / name).write_bytes((data_dir / "eval" / "tune" / name).read_bytes())
    out = subprocess.run([sys.executable, str(SCRIPT), str(inputs), "--rewrite", "tone,flathead",
                          "--work", str(tmp_path / "work")], capture_output=True, text=True, check=True).stdout
    assert "tone: 0 edges changed" in out and "flathead: 0 edges changed" in out, out
    # the signer keeps the placement its text writes
    assert "signer: 'Lê Văn Hòa' -> 'Lê Văn Hoà'" in out
    rewritten = (tmp_path / "work" / "flathead" / "w01_kh-tinh-uy-nghe-an.txt").read_text(encoding="utf-8")
    assert rewritten.split("\n")[0].endswith("năm 2025") and "Số 312-KH/TU" in rewritten.split("\n")[0]


def test_an_unknown_rewrite_is_an_error(tmp_path):
    run = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path), "--rewrite", "tone,typo"],
                         capture_output=True, text=True)
    assert run.returncode != 0 and "unknown rewrite(s): typo" in run.stderr
