"""The notebooks: committed without outputs, and they run top to bottom.

Each notebook is executed with nbclient in a ``python3`` kernel of this interpreter (the
project's venv), with matplotlib on the Agg backend so no display is needed.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NAMES = ["01-explore.ipynb", "02-your-own-classifier.ipynb"]
CELL_TIMEOUT = 300


def test_both_notebooks_exist() -> None:
    assert [p.name for p in NOTEBOOKS] == NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_has_no_outputs(path: Path) -> None:
    nb = json.loads(path.read_text("utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [], f"cell {i} has outputs: strip them"
            assert cell.get("execution_count") is None, f"cell {i} has an execution count"
        assert "attachments" not in cell, f"cell {i} has attachments"
    assert "widgets" not in nb["metadata"]


def kernel_manager(tmp_path: Path):
    """A KernelManager whose ``python3`` kernel is this interpreter, whatever else is installed."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec_dir = tmp_path / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (payscrape tests)", "language": "python",
    }), encoding="utf-8")
    ksm = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")], ensure_native_kernel=False)
    return KernelManager(kernel_name="python3", kernel_spec_manager=ksm)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")

    monkeypatch.setenv("MPLBACKEND", "Agg")  # inherited by the kernel: no display needed
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(path, as_version=4)
    # 01 starts where Jupyter would (the notebook's folder); 02 from an unrelated directory:
    # each must find the repository by itself.
    cwd = path.parent if path.name.startswith("01") else tmp_path
    client = nbclient.NotebookClient(
        nb, km=kernel_manager(tmp_path), timeout=CELL_TIMEOUT, kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
    )
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors
    assert elapsed < 120, f"{path.name} took {elapsed:.0f}s: keep notebooks under a minute"
    outputs = "".join(json.dumps(c.outputs) for c in nb.cells if c.cell_type == "code")
    if path.name.startswith("01"):
        assert (ROOT / "out" / "notebook.jsonl").stat().st_size > 0
        assert "payscrape-text" in outputs and 'data-kind=\\"pay\\"' in outputs
        assert "<script" not in outputs.lower()
    else:
        assert "accuracy on" in outputs
