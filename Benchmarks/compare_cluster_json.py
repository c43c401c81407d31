"""Compares two `cluster --format json` outputs (or analyze's cluster.json) of different builds.

    python3 Benchmarks/compare_cluster_json.py OLD.json NEW.json

Everything must be equal except the CSR envelope: in `ripley`, the keys envelope_low,
envelope_high, envelope_low_k, envelope_high_k and p may differ when NEW used the analytic
band, and the keys NEW adds (top level: envelope, envelope_auto_threshold; ripley: envelope,
expected_k, sd_k, z) are ignored. Prints, per group, the method NEW used and how far NEW's K
band edges are from OLD's in units of NEW's sd (analytic groups), then "identical apart from
the envelope" or the first differences, and exits 1 on any other difference.
"""
import json
import sys

ENVELOPE = {"envelope_low", "envelope_high", "envelope_low_k", "envelope_high_k", "p"}
ADDED_TOP = {"envelope", "envelope_auto_threshold"}
ADDED_RIPLEY = {"envelope", "expected_k", "sd_k", "z"}


def strip(doc):
    doc = {k: v for k, v in doc.items() if k not in ADDED_TOP}
    for g in doc.get("groups", []):
        if g.get("ripley"):
            g["ripley"] = {k: v for k, v in g["ripley"].items() if k not in ENVELOPE | ADDED_RIPLEY}
    return doc


def main():
    old = json.load(open(sys.argv[1]))
    new = json.load(open(sys.argv[2]))
    for g_old, g_new in zip(old["groups"], new["groups"]):
        r_old, r_new = g_old.get("ripley"), g_new.get("ripley")
        if not r_new:
            continue
        method = r_new.get("envelope")
        line = f"{g_new['industry']}: n {g_new['n']}, envelope {method}"
        if method == "analytic" and r_old and r_old.get("envelope_low_k"):
            sd = r_new["sd_k"]
            lo = [(a - b) / s for a, b, s in zip(r_new["envelope_low_k"], r_old["envelope_low_k"], sd)]
            hi = [(a - b) / s for a, b, s in zip(r_new["envelope_high_k"], r_old["envelope_high_k"], sd)]
            line += "; (analytic - simulated) / sd: low " + ", ".join(f"{x:+.2f}" for x in lo)
            line += "; high " + ", ".join(f"{x:+.2f}" for x in hi)
        elif r_old and r_old.get("envelope_low_k") != r_new.get("envelope_low_k"):
            line += "; SIMULATED ENVELOPE DIFFERS"
        print(line)
    a, b = strip(old), strip(new)
    if a == b:
        print("identical apart from the envelope")
        return 0
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            print("differs:", k)
    if a.get("groups") != b.get("groups"):
        for ga, gb in zip(a["groups"], b["groups"]):
            for k in sorted(set(ga) | set(gb)):
                if ga.get(k) != gb.get(k):
                    print("differs:", ga.get("industry"), k)
    return 1


if __name__ == "__main__":
    sys.exit(main())
