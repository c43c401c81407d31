#!/usr/bin/env python3
"""How far two `analyze` runs' Gi* results are apart, row by row.

    python3 scripts/hotspots_diff.py OLD/hotspots.csv NEW/hotspots.csv OLD/hotspots.json NEW/hotspots.json

Prints how many z values are equal in every bit, the largest z and p differences, how many bins and
neighbour counts (Wᵢ) changed, and Moran's I, its variance, z, p and islands from both runs. Used for
Benchmarks/hotspot_cells.md, where a change of the disc-sum cells regroups the additions: the rows
must match id for id, the bins and counts must not move, and z and p only in their last bits.
Needs pandas and numpy (a reference tool; the product does not use Python).
"""
import json
import sys

import numpy as np
import pandas as pd


def main(old_csv, new_csv, old_json, new_json):
    a = pd.read_csv(old_csv, encoding="utf-8-sig", dtype={"id": str})
    b = pd.read_csv(new_csv, encoding="utf-8-sig", dtype={"id": str})
    if len(a) != len(b) or not (a["id"].values == b["id"].values).all():
        sys.exit("the two tables do not hold the same enterprises in the same order")
    dz = np.abs(a["z"].values - b["z"].values)
    dp = np.abs(a["p"].values - b["p"].values)
    print("rows", len(a), "z identical", int((a["z"].values == b["z"].values).sum()))
    print("max |dz|", np.nanmax(dz), "max |dp|", np.nanmax(dp))
    print("bins changed", int((a["bin"].values != b["bin"].values).sum()),
          "neighbour counts changed", int((a["neighbours"].values != b["neighbours"].values).sum()))
    ja, jb = json.load(open(old_json)), json.load(open(new_json))
    for key in ["i", "variance", "z", "p", "islands"]:
        print("moran", key, ja["moran"][key], jb["moran"][key])


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
