"""Helpers shared by the ParkAtlas notebooks: run the `parkatlas` CLI and show its maps.

The binary is $PARKATLAS, else .build/release/parkatlas, else .build/debug/parkatlas
(relative to the repository root, the folder above this one).
"""
import atexit
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def binary() -> str:
    """Path of the parkatlas executable."""
    if os.environ.get("PARKATLAS"):
        return os.environ["PARKATLAS"]
    for build in ("release", "debug"):
        candidate = ROOT / ".build" / build / "parkatlas"
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError("parkatlas not built: run `swift build -c release` or set PARKATLAS")


def run(*args, ok=(0,)) -> str:
    """Runs parkatlas with `args` in the repository root; returns stdout. Exit codes outside `ok` raise."""
    done = subprocess.run([binary(), *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in ok:
        raise RuntimeError(f"parkatlas {' '.join(map(str, args))} exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def parkatlas(*args, ok=(0,)):
    """Runs parkatlas with `--format json` and returns the parsed JSON."""
    return json.loads(run(*args, "--format", "json", ok=ok))


def has_command(name: str) -> bool:
    """Whether this build of parkatlas has the subcommand `name`."""
    return f"  {name}" in run("--help")


_analyze_cache = {}


def analyze(dataset="GeoData/mianyang", *extra) -> Path:
    """Runs `parkatlas analyze` once per arguments into a temporary folder; returns the folder."""
    key = (dataset, *extra)
    if key not in _analyze_cache:
        out = Path(tempfile.mkdtemp(prefix="parkatlas-nb-"))
        atexit.register(shutil.rmtree, out, True)  # removed when the kernel exits
        run("analyze", dataset, *extra, "--out", out, "--quiet")
        _analyze_cache[key] = out
    return _analyze_cache[key]


def show_svg(path, width="100%"):
    """Displays an SVG file inline, scaled to the notebook's width."""
    from IPython.display import HTML, display
    svg = Path(path).read_text(encoding="utf-8")
    svg = svg.replace("<svg ", "<svg style='width:100%;height:auto' ", 1)
    display(HTML(f'<div style="width:{width}">{svg}</div>'))
