#!/usr/bin/env python3
"""A city of a million firms and a province of ten million (issue 19): synth, then analyze.

    swift build -c release
    python3 Benchmarks/scale_bench.py --sizes city,province          # both, about 20 min
    python3 Benchmarks/scale_bench.py --sizes city --reuse           # reuse an existing synth folder

Sizes (`parkatlas synth --seed 7`, written into --data-dir):
    city     = --parks 60  --parcels 150000  --enterprises 1000000
    province = --parks 600 --parcels 1500000 --enterprises 10000000

For each size: `parkatlas synth …` timed (skipped with --reuse when the folder is complete; the
time of the last synth is then read from the folder's `synth_time.txt`), then
`parkatlas analyze DIR --out OUT` under `/usr/bin/time -v` (wall, CPU, peak RSS) inside a pseudo-
terminal (`script -qc`), so analyze prints the time of every step; those lines are parsed
(`analyze: STEP … N s`). The sizes of the written files are summed. Meanwhile the resident size of
the analyze process is sampled every 0.5 s (/proc/PID/status VmRSS) with the step it is in, giving
each step's peak RSS (what earlier steps left in memory included).

Growth: for each step present at both sizes, b in t ∝ n^b, b = ln(t_province / t_city) / ln(10)
(n = enterprises; parcels and parks grow by the same factor). Steps under 0.5 s at the city size
are listed but their exponent is marked as noise.

Targets (issue 19): city analyze ≤ 60 s wall and ≤ 1.5 GB peak RSS; province analyze ≤ 12 min
and ≤ 8 GB; every exponent ≤ 1.1. The table, the load averages (the machine may be shared) and
the commands go to --out (Benchmarks/scale_results.md), appended with the date.
"""
import argparse
import datetime
import math
import os
import re
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARKATLAS = os.path.join(ROOT, ".build", "release", "parkatlas")
SIZES = {
    "city": ["--parks", "60", "--parcels", "150000", "--enterprises", "1000000"],
    "province": ["--parks", "600", "--parcels", "1500000", "--enterprises", "10000000"],
}
ENTERPRISES = {"city": 1_000_000, "province": 10_000_000}
FILES = ["districts.geojson", "parks.geojson", "parcels.geojson", "enterprises.geojson"]


def load():
    return open("/proc/loadavg").read().split()[0]


def current_step(tty_log):
    """The step analyze is in: the last `analyze: STEP` in the log's tail."""
    try:
        with open(tty_log, "rb") as f:
            f.seek(max(0, os.path.getsize(tty_log) - 400))
            tail = f.read().decode("utf-8", "replace")
    except OSError:
        return None
    found = re.findall(r"analyze: ([a-z][a-z .]*?)(?: …| \[)", re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", tail))
    return found[-1].strip() if found else None


def sample_rss(argv, tty_log, peaks, stop):
    """Every 0.5 s: the resident size of the process running argv (/proc/PID/status VmRSS) and the
    step it is in, keeping each step's peak in GB (a step's peak includes what earlier steps left)."""
    import threading  # noqa: F401 (the caller runs this on a thread)
    pid = None
    while not stop.is_set():
        if pid is None:
            out = subprocess.run(["pgrep", "-f", "^" + re.escape(" ".join(argv))], capture_output=True, text=True).stdout.split()
            pid = out[0] if out else None
        if pid is not None:
            try:
                rss = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmRSS")) / 1024 / 1024
            except (OSError, StopIteration):
                rss = None
            step = current_step(tty_log)
            if rss is not None and step:
                peaks[step] = max(peaks.get(step, 0), rss)
        stop.wait(0.5)


def timed(argv, tty_log=None, peaks=None):
    """Runs argv under /usr/bin/time -v (in a pseudo-terminal when tty_log is given); with `peaks`,
    fills it with each step's peak RSS (GB)."""
    import threading
    tv = "/tmp/scale_bench_time.txt"
    inner = ["/usr/bin/time", "-v", "-o", tv] + argv
    started = time.perf_counter()
    if tty_log:
        stop = threading.Event()
        sampler = threading.Thread(target=sample_rss, args=(argv, tty_log, peaks if peaks is not None else {}, stop))
        sampler.start()
        command = " ".join("'" + a.replace("'", "'\\''") + "'" for a in inner)
        proc = subprocess.run(["script", "-qfec", command, tty_log], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        stop.set()
        sampler.join()
    else:
        proc = subprocess.run(inner, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    text = open(tv).read()

    def field(name):
        m = re.search(re.escape(name) + r":\s*([0-9.:]+)", text)
        return m.group(1) if m else "0"

    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss_gb = int(field("Maximum resident set size (kbytes)")) / 1024 / 1024
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit {proc.returncode}: {proc.stderr[-2000:]}")
    return wall, cpu, rss_gb


def steps_from(tty_log):
    """(step, seconds) from analyze's terminal lines; a bar redrawn with \\r keeps its last state."""
    text = open(tty_log, errors="replace").read().replace("\r\n", "\n")
    lines = [segment for line in text.split("\n") for segment in line.split("\r")[-1:]]
    found = {}  # step → seconds; a step's ticker repeats its line, the last one is its time
    for line in lines:
        m = re.match(r"\s*analyze: (.+?) … .*?([0-9]+\.[0-9]+) s\s*$", re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", line))
        if m and not m.group(1)[0].isdigit():
            found[m.group(1).strip()] = float(m.group(2))
        # results.gpkg's step is the wait for its thread; this line is its whole writing time.
        m = re.match(r"\s*analyze: results\.gpkg written on its own thread in ([0-9]+\.[0-9]+) s", line)
        if m:
            found["results.gpkg (own thread, start to end)"] = float(m.group(1))
    return list(found.items())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="city,province")
    ap.add_argument("--data-dir", default="/tmp/parkatlas-scale")
    ap.add_argument("--reuse", action="store_true", help="reuse a complete synth folder")
    ap.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "scale_results.md"))
    a = ap.parse_args()
    results = {}
    for size in a.sizes.split(","):
        folder = os.path.join(a.data_dir, size)
        out = folder + "-out"
        record = os.path.join(folder, "synth_time.txt")
        l0 = load()
        if a.reuse and all(os.path.exists(os.path.join(folder, f)) for f in FILES) and os.path.exists(record):
            synth = tuple(float(x) for x in open(record).read().split()[:3])
            synth_note = f"reused; timed when made (load {open(record).read().split()[3]})"
        else:
            os.makedirs(a.data_dir, exist_ok=True)
            synth = timed([PARKATLAS, "synth", *SIZES[size], "--seed", "7", "--out", folder, "--quiet", "--force"])
            open(record, "w").write(f"{synth[0]} {synth[1]} {synth[2]} {l0}\n")
            synth_note = f"load {l0}"
        subprocess.run(["rm", "-rf", out])
        l1 = load()
        log = f"/tmp/scale_bench_{size}.log"
        peaks = {}
        analyze = timed([PARKATLAS, "analyze", folder, "--out", out], tty_log=log, peaks=peaks)
        written = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(out) for f in fs)
        results[size] = dict(synth=synth, synth_note=synth_note, analyze=analyze, load=l1, steps=steps_from(log), peaks=peaks,
                             written=written, after=load())
        print(size, {k: v for k, v in results[size].items() if k not in ("steps", "peaks")}, flush=True)

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = [f"## {a.sizes} ({now})", "", f"`python3 Benchmarks/scale_bench.py --sizes {a.sizes}{' --reuse' if a.reuse else ''}`;"
          " release build; 2 cores.", "",
          "| size | synth wall / CPU | analyze wall | analyze CPU | peak RSS | written | load avg at start → end |",
          "|---|---|---|---|---|---|---|"]
    for size, r in results.items():
        s, z = r["synth"], r["analyze"]
        md.append(f"| {size} ({ENTERPRISES[size]:,} enterprises) | {s[0]:.1f} s / {s[1]:.1f} s ({r['synth_note']}) | "
                  f"**{z[0]:.1f} s** | {z[1]:.1f} s | **{z[2]:.2f} GB** | {r['written'] / 1e9:.2f} GB | {r['load']} → {r['after']} |")
    md += ["", "| step | " + " | ".join(results) + (" | growth exponent b" if len(results) == 2 else "")
           + " | " + " | ".join(f"peak RSS {k}" for k in results) + " |",
           "|---|" + "---|" * len(results) + ("---|" if len(results) == 2 else "") + "---|" * len(results)]
    names = []
    for r in results.values():
        for step, _ in r["steps"]:
            if step not in names:
                names.append(step)
    for step in names:
        times = [dict(r["steps"]).get(step) for r in results.values()]
        row = f"| {step} | " + " | ".join("–" if t is None else f"{t:.2f} s" for t in times) + " |"
        if len(results) == 2:
            t1, t2 = times
            if t1 and t2:
                b = math.log(t2 / t1) / math.log(10)
                row += f" {b:.2f}{' (noise: under 0.5 s)' if t1 < 0.5 else ''} |"
            else:
                row += " – |"
        row += " " + " | ".join(f"{r['peaks'][step]:.2f} GB" if step in r["peaks"] else "–" for r in results.values()) + " |"
        md.append(row)
    text = "\n".join(md) + "\n\n"
    print(text)
    header = "# Scale: a city of a million firms, a province of ten million (issue 19)\n\nWritten by Benchmarks/scale_bench.py.\n\n"
    existing = open(a.out).read() if os.path.exists(a.out) else header
    open(a.out, "w").write(existing + text)


if __name__ == "__main__":
    main()
