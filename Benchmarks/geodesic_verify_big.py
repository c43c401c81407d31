"""Independent check of NEW hotspots band counts on /tmp/big against pyproj, for
Benchmarks/geodesic_thresholds.md: OLD/NEW `hotspots /tmp/big --format json` outputs in
/tmp/geo-bench-O-hot.json and /tmp/geo-bench-N-hot.json; 15 changed + 15 random enterprises,
candidates from scipy cKDTree within 1001 m in EPSG:4544, decided by Geod(ellps="GRS80").inv.
  python3 Benchmarks/geodesic_verify_big.py
"""
import json, numpy as np
from pyproj import Transformer, Geod
from scipy.spatial import cKDTree
a=json.load(open("/tmp/geo-bench-O-hot.json")); b=json.load(open("/tmp/geo-bench-N-hot.json"))
feats=json.load(open("/tmp/big/enterprises.geojson"))["features"]
pos={f["properties"]["id"]:f["geometry"]["coordinates"] for f in feats if f.get("geometry")}
ids=[e["id"] for e in b["gi_star"]]
lon=np.array([pos[i][0] for i in ids]); lat=np.array([pos[i][1] for i in ids])
x,y=Transformer.from_crs(4326,4544,always_xy=True).transform(lon,lat)
print("max |x-FE| km", np.abs(x-500000).max()/1000)
tree=cKDTree(np.c_[x,y]); g=Geod(ellps="GRS80")
changed=[k for k,(p,q) in enumerate(zip(a["gi_star"],b["gi_star"])) if p["neighbours"]!=q["neighbours"]]
rng=np.random.default_rng(1); sample=list(rng.choice(changed,15,replace=False))+list(rng.choice(len(ids),15,replace=False))
ok=0
for k in sample:
    cand=np.array(tree.query_ball_point([x[k],y[k]],1001.0))
    _,_,d=g.inv(np.full(len(cand),lon[k]),np.full(len(cand),lat[k]),lon[cand],lat[cand])
    geo=int((np.asarray(d)<=1000).sum())
    planar=int((np.hypot(x[cand]-x[k],y[cand]-y[k])<=1000).sum())
    ok+= geo==b["gi_star"][k]["neighbours"]
    print(k, "pyproj geodesic",geo,"planar",planar,"old",a["gi_star"][k]["neighbours"],"new",b["gi_star"][k]["neighbours"])
print("new == pyproj geodesic for",ok,"of",len(sample))
