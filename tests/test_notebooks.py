"""The notebooks a researcher opens first run top to bottom without an error (executed with nbclient)."""
import json
import sys
from pathlib import Path

import pytest

# Minutes, not seconds: `pytest -m "not slow"` leaves them out while working; CI runs them.
pytestmark = pytest.mark.slow

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["01_lineage.ipynb", "02_implementation_speed.ipynb", "03_briefing_view.ipynb", "04_spacy_citations.ipynb"]
# Notebooks that need an optional extra, and the module that tells it is installed.
EXTRAS = {"04_spacy_citations.ipynb": "spacy"}


def test_the_notebooks_are_there_with_outputs_cleared():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) >= sorted(NAMES)
    for name in NAMES:
        nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell.get("outputs") == [] and cell.get("execution_count") is None, name


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs(name, tmp_path, monkeypatch):
    from jupyter_client.kernelspec import KernelSpecManager
    if name in EXTRAS:
        pytest.importorskip(EXTRAS[name], reason=f"{name} needs the '{EXTRAS[name]}' extra")
    # the kernel runs the Python of this test session (the project's environment), wherever "python3" points
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("TMPDIR", str(tmp_path))     # the graph a notebook builds "in a temporary folder" goes here
    spec = KernelSpecManager().get_kernel_spec("python3")
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    if Path(spec.argv[0]).name.startswith("python") and spec.argv[0] != sys.executable:
        client.kernel_manager_class = _kernel_manager_for(sys.executable)
    client.execute()                      # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors, errors


def _kernel_manager_for(python: str):
    from jupyter_client.manager import KernelManager

    class ThisPython(KernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            return [python] + cmd[1:] if cmd and Path(cmd[0]).name.startswith("python") else cmd

    return ThisPython
