# Independent check of a generated Mianyang dataset with shapely + pyproj (geodesic GRS80 areas):
# zone and park areas, parks outside their district, park and parcel overlaps, stray parcels,
# the docs/analyses.md section 2 indicators per park, leading-industry shares, C13 spread, in-park shares per county.
# Run: python3 Tests/Reference/mianyang_dataset_check.py GeoData/mianyang
# (seed 2024 printed: overlap P01 P04 0.040, P03 outside district 0.121, parcel overlap P07-0001/P07-0002 1498.8 m2,
#  ALL dev 0.916 supply 0.933 built 0.912 ind 0.482 far 1.049 dens 0.332; P12 ifar 0.445 icoef 0.205; share P09 0.55;
#  510722 in-park share 0.499; city 0.854)
import json, collections
from shapely.geometry import shape
from shapely.validation import make_valid
from shapely.strtree import STRtree
from pyproj import Geod
g = Geod(ellps="GRS80")
import sys
DIR = sys.argv[1] if len(sys.argv) > 1 else "GeoData/mianyang"
L = lambda n: json.load(open(f"{DIR}/{n}.geojson"))["features"]
D, P, C, E = L("districts"), L("parks"), L("parcels"), L("enterprises")
area = lambda geom: abs(g.geometry_area_perimeter(geom)[0])
dist = {f["properties"]["code"]: make_valid(shape(f["geometry"])) for f in D}
for f in D[9:]: print("zone", f["properties"]["code"], round(area(shape(f["geometry"]))/1e6, 1))
parks = {f["properties"]["id"]: shape(f["geometry"]) for f in P}
for f in P:
    p = f["properties"]; s = parks[p["id"]]; dd = dist[p["district"]]
    print(p["id"], p["level"], p["district"], round(area(s)/1e6, 2), "km2, outside district %.3f" % (1 - s.intersection(dd).area / s.area), p["main_industries"], p["featured_industries"], p["featured_status"], p["chemical_park"])
ids = list(parks)
for i in range(len(ids)):
    for j in range(i+1, len(ids)):
        a, b = parks[ids[i]], parks[ids[j]]
        fam = P[i]["properties"]["parent"] == ids[j] or P[j]["properties"]["parent"] == ids[i]
        if a.intersects(b) and not fam: print("overlap", ids[i], ids[j], a.intersection(b).area / min(a.area, b.area))
# parcels
geoms = [shape(f["geometry"]) for f in C]
tree = STRtree(geoms)
for i, gi in enumerate(geoms):
    for j in tree.query(gi):
        if j > i and gi.intersection(geoms[j]).area > 0:
            inter = gi.intersection(geoms[j])
            print("parcel overlap", C[i]["properties"]["id"], C[j]["properties"]["id"], round(area(inter), 1), "m2")
from shapely.ops import unary_union
U = unary_union(list(parks.values()))
for f, gi in zip(C, geoms):
    out = 1 - gi.intersection(U).area / gi.area
    if out > 0.5: print("parcel outside", f["properties"]["id"], out)
# indicators per park (top-level grid parks by id prefix)
def ind(fs):
    A = A2 = D_ = G = dev = buildable = fa = fp = fa2 = fp2 = 0
    for f in fs:
        p = f["properties"]; a = area(shape(f["geometry"])); s = p["status"]; lu = p["land_use"]
        if s != "unbuildable": buildable += a
        if s in ("built","under_construction","supplied_unbuilt","idle","ready"): dev += a
        if s in ("built","under_construction","supplied_unbuilt","idle"): D_ += a
        if s == "idle": G += a
        if s == "built":
            A += a; fa += p["floor_area_m2"]; fp += p["footprint_m2"]
            if lu.startswith("10") or lu.startswith("11"): A2 += a; fa2 += p["floor_area_m2"]; fp2 += p["footprint_m2"]
    r = lambda x, y: round(x / y, 3) if y else None
    return dict(dev=r(dev, buildable), supply=r(D_, dev), built=r(A, D_), ind=r(A2, A), far=r(fa, A), dens=r(fp, A), ifar=r(fa2, A2), icoef=r(fp2, A2), idle=r(G, D_))
print("ALL", len(C), ind(C))
by = collections.defaultdict(list)
for f in C: by[f["properties"]["id"].split("-")[0]].append(f)
for k in sorted(by): print(k, len(by[k]), ind(by[k]))
# enterprises: smallest park
order = sorted(ids, key=lambda k: parks[k].area)
from shapely.geometry import Point
def owner(pt):
    for k in order:
        if parks[k].contains(pt): return k
    return None
pos = {f["properties"]["id"]: f["properties"]["main_industries"] + f["properties"]["featured_industries"] for f in P}
out = collections.defaultdict(lambda: [0, 0]); c13 = collections.Counter(); cnt = collections.Counter()
county = {c: dist[c] for c in dist if c.isdigit()}
incounty = collections.defaultdict(lambda: [0, 0])
for f in E:
    p = f["properties"]; pt = shape(f["geometry"]); o = owner(pt)
    cc = next((c for c, gg in county.items() if gg.contains(pt)), None)
    incounty[cc][0 if o else 1] += 1
    if o:
        fit = any(p["industry"].startswith(x) for x in pos[o])
        out[o][0 if fit else 1] += p["output_wan"]
        if p["industry"].startswith("C13"): c13[o] += p["output_wan"]
    if p["industry"].startswith(("C25", "C26")) and o not in ("P02", "P02A"): print("chemical outside", p["id"], p["industry"], o, cc)
for k in sorted(out): print("share", k, round(out[k][0] / sum(out[k]), 3), "n", )
t = sum(c13.values()); print("C13", {k: round(v / t, 3) for k, v in c13.most_common()})
for c, (i, o) in sorted(incounty.items(), key=lambda x: str(x[0])): print("county", c, "in", i, "out", o, round(i / (i + o), 3))
tot_in = sum(v[0] for v in incounty.values()); tot = sum(v[0] + v[1] for v in incounty.values()); print("city in-park share", round(tot_in / tot, 3))
links = {f["properties"]["enterprise"]: f for f in C if f["properties"]["enterprise"]}
eids = {f["properties"]["id"]: f for f in E}
bad = [k for k, f in links.items() if not shape(f["geometry"]).contains(shape(eids[k]["geometry"]))]
print("links", len(links), "bad", bad[:5])
print("sample names", [f["properties"]["name"] for f in E[:5]])
print("above scale share", sum(f["properties"]["above_scale"] for f in E) / len(E))
