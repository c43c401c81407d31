#!/usr/bin/env python3
"""ParkAtlas against the Python reference stack, on the same synth data, in the same run.

    swift build -c release          # run.py builds nothing: it runs .build/release/parkatlas{,-bench}
    python3 Benchmarks/run.py --sizes small,tenth,full --runs 3 --tasks all

Sizes (`parkatlas synth --seed 7`, generated once into --data-dir and reused):
    small = 6 parks,  1,500 parcels,    10,000 enterprises   (1/100 of full, parks kept at 6)
    tenth = 6 parks,  15,000 parcels,   100,000 enterprises  (1/10)
    full  = 60 parks, 150,000 parcels,  1,000,000 enterprises

Tasks (ParkAtlas command | Python peer):
    geojson   parkatlas-bench geojson --file parcels.geojson --write no | geojson_peer.py --pyogrio-only
    stats     parkatlas stats                                  | stats_peer.py (geopandas overlay + pyproj)
    join      parkatlas-bench join (enterprises in parks)      | join_peer.py (geopandas sjoin)
    cluster   parkatlas cluster --industry C --eps 500 --min-points 5 --radii 100 --simulations 0
                                                               | cluster_peer.py (scikit-learn DBSCAN, same projection)
    hotspots  parkatlas hotspots --band 1000                   | hotspots_peer.py (libpysal DistanceBand + esda G_Local, Moran)
    check     parkatlas check --fail-on never                  | check_peer.py (every rule; geopandas sjoin, sjoin_nearest, pandas, pyproj Geod)

Every run is a separate process under `/usr/bin/time -f "%e %M"` (wall seconds, peak RSS in KB,
children included), so start-up and file reading count on both sides. For `geojson` the in-process
read time both programs print is reported as well. The median wall time of --runs runs is kept,
and the largest peak RSS. Each run has a --timeout (reported "> N s"); peers run under an
address-space cap of --peer-mem-gb (a MemoryError or kill is reported "out of memory"); the
DBSCAN and Gi* peers estimate their memory first and print "not run: would need ~N GB" when it is
over the cap. The 1-minute load average (/proc/loadavg) is recorded before every run: the machine
is shared. Growth: for each task and tool, b in t ∝ n^b between consecutive sizes
(b = ln(t2/t1) / ln(n2/n1), n = the size factor, 10 between consecutive sizes).
Writes the table to --out (Benchmarks/results.md by default) with the date, machine and commands;
text after the line `<!-- notes: kept by run.py -->` in an existing --out file is kept.
"""
import argparse
import datetime
import math
import os
import re
import resource
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARKATLAS = os.path.join(ROOT, ".build/release/parkatlas")
BENCH = os.path.join(ROOT, ".build/release/parkatlas-bench")
PY = sys.executable

# name: (parks, parcels, enterprises, factor relative to full)
SIZES = {
    "small": (6, 1_500, 10_000, 0.01),
    "tenth": (6, 15_000, 100_000, 0.1),
    "full": (60, 150_000, 1_000_000, 1.0),
}
NOTES_MARKER = "<!-- notes: kept by run.py -->"
TASKS = ["geojson", "stats", "join", "cluster", "hotspots", "check"]


def commands(task, data, out_dir, threads, peer_gb):
    """(parkatlas argv, peer argv, regex for an in-process time in the outputs or None)."""
    b = os.path.join(ROOT, "Benchmarks")
    t = ["--threads", str(threads)] if threads else []
    if task == "geojson":
        f = f"{data}/parcels.geojson"
        return ([BENCH, "geojson", "--file", f, "--runs", "1", "--write", "no"],
                [PY, f"{b}/geojson_peer.py", f, "--runs", "1", "--pyogrio-only"],
                (r"^read : ([0-9.]+) s", r"geopandas\+pyogrio read\s*: ([0-9.]+) s"))
    if task == "stats":
        return ([PARKATLAS, "stats", data, "--format", "json", "--out", f"{out_dir}/stats.json", "--quiet"] + t,
                [PY, f"{b}/stats_peer.py", data, "--out", f"{out_dir}/stats_peer.json"], None)
    if task == "join":
        return ([BENCH, "join", "--dataset", data, "--threads", str(threads or os.cpu_count())],
                [PY, f"{b}/join_peer.py", data], None)
    if task == "cluster":
        return ([PARKATLAS, "cluster", data, "--industry", "C", "--eps", "500", "--min-points", "5", "--radii", "100",
                 "--simulations", "0", "--format", "json", "--out", f"{out_dir}/cluster.json", "--quiet"] + t,
                [PY, f"{b}/cluster_peer.py", data, "--industry", "C", "--eps", "500", "--min-points", "5",
                 "--mem-limit-gb", str(peer_gb), "--skip-over-cap"], None)
    if task == "hotspots":
        return ([PARKATLAS, "hotspots", data, "--band", "1000", "--format", "json", "--out", f"{out_dir}/hotspots.json",
                 "--quiet"] + t,
                [PY, f"{b}/hotspots_peer.py", data, "--band", "1000", "--max-gb", str(peer_gb)], None)
    if task == "check":
        return ([PARKATLAS, "check", data, "--fail-on", "never", "--format", "json", "--out", f"{out_dir}/check.json",
                 "--quiet"] + t,
                [PY, f"{b}/check_peer.py", data], None)
    raise ValueError(task)


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run_once(argv, timeout, mem_gb):
    """One timed process: dict(wall, rss_mb, status, note, out, load)."""
    load = loadavg()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", tf.name] + argv

        def limit():
            os.setsid()
            if mem_gb:
                cap = int(mem_gb * 1024 ** 3)
                resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

        p = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT,
                             preexec_fn=limit)
        try:
            out, _ = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return dict(wall=None, rss_mb=None, status="timeout", note=f"> {timeout:g} s", out="", load=load)
        fields = tf.read().split()
    wall = rss = None
    try:
        wall, rss = float(fields[-2]), float(fields[-1]) / 1024
    except (IndexError, ValueError):
        pass
    if "not run:" in out:
        note = out[out.index("not run:"):].splitlines()[0]
        return dict(wall=None, rss_mb=rss, status="not run", note=note, out=out, load=load)
    if p.returncode != 0:
        oom = ("MemoryError" in out or "out of memory" in out or "Cannot allocate" in out
               or "bad_alloc" in out or p.returncode in (137, -9))
        status = "out of memory" if oom else f"failed (exit {p.returncode})"
        return dict(wall=wall, rss_mb=rss, status=status, note=status + ": " + " | ".join(out.strip().splitlines()[-2:]),
                    out=out, load=load)
    return dict(wall=wall, rss_mb=rss, status="ok", note="", out=out, load=load)


def measure(argv, runs, timeout, mem_gb, inner):
    results = []
    for _ in range(runs):
        r = run_once(argv, timeout, mem_gb)
        results.append(r)
        if r["status"] != "ok":
            break  # a timeout, OOM or cap is not worth repeating
    ok = [r for r in results if r["status"] == "ok"]
    summary = dict(status=results[-1]["status"] if not ok else "ok", note=results[-1]["note"],
                   loads=[r["load"] for r in results], runs=len(results))
    summary["wall"] = statistics.median(r["wall"] for r in ok) if ok else None
    summary["rss_mb"] = max((r["rss_mb"] for r in results if r["rss_mb"] is not None), default=None)
    summary["inner"] = None
    if ok and inner:
        times = []
        for r in ok:
            m = re.search(inner, r["out"], re.M)
            if m:
                times.append(float(m.group(1)))
        summary["inner"] = statistics.median(times) if times else None
    summary["last_out"] = results[-1]["out"]
    return summary


def ensure_dataset(size, data_dir):
    parks, parcels, firms, _ = SIZES[size]
    folder = os.path.join(data_dir, f"synth_{size}")
    if not os.path.exists(os.path.join(folder, "enterprises.geojson")):
        argv = [PARKATLAS, "synth", "--out", folder, "--parks", str(parks), "--parcels", str(parcels),
                "--enterprises", str(firms), "--seed", "7", "--quiet"]
        print("$ " + shlex.join(argv), flush=True)
        subprocess.run(argv, check=True)
    return folder


def fmt_time(s):
    if s["status"] == "timeout":
        return s["note"]
    if s["status"] != "ok":
        return s["status"]
    w = s["wall"]
    return f"{w:.2f} s" if w < 100 else f"{w:.0f} s"


def fmt_mem(s):
    m = s["rss_mb"]
    if m is None or s["status"] in ("timeout", "not run"):
        return "–"
    return f"{m / 1024:.2f} GB" if m >= 1024 else f"{m:.0f} MB"


def machine():
    mem_kb = 0
    cpu = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"nproc {os.cpu_count()}, memory {mem_kb / 1024 ** 2:.1f} GB, CPU {cpu}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="small,tenth,full")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--runs-full", type=int, help="runs at full size (default: --runs)")
    ap.add_argument("--tasks", default="all")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run (default 600)")
    ap.add_argument("--peer-mem-gb", type=float, default=12, help="address-space cap of peer processes (default 12)")
    ap.add_argument("--threads", type=int, default=0, help="parkatlas --threads (default: all cores)")
    ap.add_argument("--parkatlas-only", action="store_true", help="skip the peers (e.g. to compare --threads 1 and 2)")
    ap.add_argument("--data-dir", default="/tmp/parkatlas-bench-data")
    ap.add_argument("--out", default=os.path.join(ROOT, "Benchmarks/results.md"))
    a = ap.parse_args()

    for exe in (PARKATLAS, BENCH):
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} missing: run `swift build -c release` first (run.py builds nothing)")
    sizes = a.sizes.split(",")
    tasks = TASKS if a.tasks == "all" else a.tasks.split(",")
    os.makedirs(a.data_dir, exist_ok=True)
    out_dir = tempfile.mkdtemp(prefix="parkatlas-bench-out-")
    started = datetime.datetime.now(datetime.timezone.utc)

    rows = {}  # (task, size) -> (pa, peer)
    cmds = []
    for size in sizes:
        data = ensure_dataset(size, a.data_dir)
        runs = a.runs_full if (size == "full" and a.runs_full) else a.runs
        for task in tasks:
            pa_argv, peer_argv, inner = commands(task, data, out_dir, a.threads, a.peer_mem_gb)
            cmds += [shlex.join(pa_argv), shlex.join(peer_argv)]
            pa = measure(pa_argv, runs, a.timeout, None, inner[0] if inner else None)
            if a.parkatlas_only:
                peer = dict(status="not run", note="", loads=[], runs=0, wall=None, rss_mb=None, inner=None, last_out="")
            else:
                peer = measure(peer_argv, runs, a.timeout, a.peer_mem_gb, inner[1] if inner else None)
            rows[(task, size)] = (pa, peer)
            print(f"{task:9} {size:6} parkatlas {fmt_time(pa):>12} {fmt_mem(pa):>9} | peer {fmt_time(peer):>14} "
                  f"{fmt_mem(peer):>9} | load {max(pa['loads'] + peer['loads']):.2f}"
                  + (f" | {peer['note']}" if peer["note"] else "") + (f" | parkatlas: {pa['note']}" if pa["note"] else ""),
                  flush=True)

    lines = []
    lines.append("# ParkAtlas against the Python reference stack\n")
    lines.append(f"Generated by `Benchmarks/run.py` on {started:%Y-%m-%d %H:%M} UTC. Machine: {machine()}; "
                 "the 2 cores are shared with other build jobs, so the 1-minute load average before each "
                 "run is listed (max over the runs of the row); a load above ~2 slows both sides.\n")
    lines.append("Command: `python3 Benchmarks/run.py " + shlex.join(sys.argv[1:]) + "` after `swift build -c release`. "
                 f"Runs per size: {a.runs}" + (f" ({a.runs_full} at full)" if a.runs_full else "") +
                 f"; median wall time, largest peak RSS; timeout {a.timeout:g} s per run; peers capped at "
                 f"{a.peer_mem_gb:g} GB address space. ParkAtlas threads: {a.threads or os.cpu_count()}.\n")
    lines.append("Sizes (`parkatlas synth --seed 7`): " + "; ".join(
        f"{s} = {p} parks, {pc:,} parcels, {e:,} enterprises" for s, (p, pc, e, _) in SIZES.items() if s in sizes) + ".\n")
    lines.append("| task | size | ParkAtlas wall | ParkAtlas peak RSS | peer wall | peer peak RSS | peer / ParkAtlas | load |")
    lines.append("|---|---|---|---|---|---|---|---|")
    for task in tasks:
        for size in sizes:
            pa, peer = rows[(task, size)]
            ratio = "–"
            if pa["status"] == "ok" and peer["status"] == "ok" and pa["wall"]:
                ratio = f"{peer['wall'] / pa['wall']:.1f}×"
            elif pa["status"] == "ok" and peer["status"] == "timeout":
                ratio = f"> {a.timeout / pa['wall']:.0f}×"
            lines.append(f"| {task} | {size} | {fmt_time(pa)} | {fmt_mem(pa)} | {fmt_time(peer)} | {fmt_mem(peer)} | "
                         f"{ratio} | {max(pa['loads'] + peer['loads']):.2f} |")
            if task == "geojson" and pa["inner"] and peer["inner"]:
                lines.append(f"| geojson read only (in-process) | {size} | {pa['inner']:.3f} s | | {peer['inner']:.3f} s | | "
                             f"{peer['inner'] / pa['inner']:.1f}× | |")
    notes = [(t, s, who, r["note"]) for (t, s), pair in rows.items() for who, r in zip(("ParkAtlas", "peer"), pair)
             if r["note"]]
    if notes:
        lines.append("\nNot run / failed:\n")
        for t, s, who, note in notes:
            lines.append(f"- {t} at {s}, {who}: {note}")

    if len(sizes) > 1:
        lines.append("\n## Growth: b in t ∝ n^b between consecutive sizes (n ×10 each step)\n")
        lines.append("| task | tool | " + " | ".join(f"{sizes[i]}→{sizes[i + 1]}" for i in range(len(sizes) - 1)) + " |")
        lines.append("|---|---|" + "---|" * (len(sizes) - 1))
        for task in tasks:
            for k, who in enumerate(("ParkAtlas", "peer")):
                cells = []
                for i in range(len(sizes) - 1):
                    r1, r2 = rows[(task, sizes[i])][k], rows[(task, sizes[i + 1])][k]
                    n1, n2 = SIZES[sizes[i]][3], SIZES[sizes[i + 1]][3]
                    if r1["status"] == "ok" and r2["status"] == "ok" and r1["wall"] > 0 and r2["wall"] > 0:
                        cells.append(f"{math.log(r2['wall'] / r1['wall']) / math.log(n2 / n1):.2f}")
                    else:
                        cells.append("–")
                lines.append(f"| {task} | {who} | " + " | ".join(cells) + " |")

    lines.append("\n## Commands (each under `/usr/bin/time -f \"%e %M\"`)\n")
    lines.append("```")
    for c in cmds:
        lines.append(c.replace(ROOT + "/", ""))
    lines.append("```")
    text = "\n".join(lines) + "\n"
    # Hand-written analysis below the marker survives a re-run (the table above it is regenerated).
    if os.path.exists(a.out):
        with open(a.out) as f:
            old = f.read()
        if NOTES_MARKER in old:
            text += "\n" + old[old.index(NOTES_MARKER):]
    with open(a.out, "w") as f:
        f.write(text)
    print()
    print(text)


if __name__ == "__main__":
    main()
