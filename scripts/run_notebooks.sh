#!/usr/bin/env bash
# Executes every notebook in Notebooks/ headless (nbclient, a timeout per cell) and
# fails on the first error. Outputs are not written back: the committed notebooks
# stay cleared. A notebook whose metadata lists {"parkatlas": {"requires": "CMD"}}
# is skipped while `parkatlas --help` has no such command.
#
#   scripts/run_notebooks.sh [NOTEBOOK.ipynb …]      (CELL_TIMEOUT=seconds, default 600)
#
# Needs python3 with nbclient, nbformat, ipykernel and pandas; installs them with pip
# when missing, and when that is impossible (no python3, no network) prints a
# "skipped" line and exits 0. Any notebook error exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
if ! command -v "$py" >/dev/null; then
  echo "run_notebooks: skipped (no $py)"; exit 0
fi
if ! "$py" -c "import nbclient, nbformat, ipykernel, pandas" 2>/dev/null; then
  if ! "$py" -m pip install --quiet nbclient nbformat ipykernel pandas >/dev/null 2>&1 \
     || ! "$py" -c "import nbclient, nbformat, ipykernel, pandas" 2>/dev/null; then
    echo "run_notebooks: skipped (cannot install nbclient, nbformat, ipykernel, pandas: no network?)"; exit 0
  fi
fi
if [ -z "${PARKATLAS:-}" ]; then
  # The newer of the two builds: a stale release binary must not shadow a fresh debug one.
  for candidate in .build/release/parkatlas .build/debug/parkatlas; do
    if [ -x "$candidate" ] && { [ -z "${PARKATLAS:-}" ] || [ "$candidate" -nt "$PARKATLAS" ]; }; then
      export PARKATLAS="$PWD/$candidate"
    fi
  done
  if [ -z "${PARKATLAS:-}" ]; then echo "run_notebooks: parkatlas is not built (swift build)" >&2; exit 1; fi
fi
if [ $# -eq 0 ]; then set -- Notebooks/*.ipynb; fi
"$py" - "$@" <<'PY'
import os, subprocess, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

timeout = int(os.environ.get("CELL_TIMEOUT", "600"))
help_text = subprocess.run([os.environ["PARKATLAS"], "--help"], capture_output=True, text=True).stdout
failed = 0
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    needs = nb.metadata.get("parkatlas", {}).get("requires")
    if needs and f"  {needs}" not in help_text:
        print(f"run_notebooks: {path}: skipped (parkatlas has no `{needs}` command yet)")
        continue
    start = time.time()
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    try:
        client.execute()
        print(f"run_notebooks: {path}: ok ({time.time() - start:.1f} s)")
    except CellExecutionError as error:
        failed += 1
        print(f"run_notebooks: {path}: FAILED\n{error}", file=sys.stderr)
print(f"run_notebooks: {len(sys.argv) - 1 - failed} ok or skipped, {failed} failed")
sys.exit(1 if failed else 0)
PY
