"""Independent check of the analytic K envelope at scale (Benchmarks/cluster_results.md).

    python3 Benchmarks/envelope_check.py /tmp/big 200      # about 3 minutes

Takes the C13 enterprises of a synth city, projects them to EPSG:4544 with pyproj, and draws
N CSR patterns of the same size in their bounding box (numpy), counting pairs with scipy's
cKDTree; prints the closed-form E[K] of the rectangle and the running mean and sd of K at
r = 1000 and 2000 m, to set beside `cluster --industry C13 --envelope analytic --format json`.
"""
import json
import sys
import time

import numpy as np
import pyproj
from scipy import spatial

folder, count = sys.argv[1], int(sys.argv[2])
d = json.load(open(folder + '/enterprises.geojson'))
pts = [f['geometry']['coordinates'] for f in d['features'] if f['properties'].get('industry','').startswith('C13') and f.get('geometry')]
t = pyproj.Transformer.from_crs(4326, 4544, always_xy=True)
x, y = t.transform(np.array([p[0] for p in pts]), np.array([p[1] for p in pts]))
n = len(x); minx, maxx, miny, maxy = x.min(), x.max(), y.min(), y.max()
a, b = maxx - minx, maxy - miny; A = a * b
print('n', n, 'box', a, b, 'A', A, flush=True)
radii = [1000.0, 2000.0]
for r in radii:
    p = (np.pi*r*r*a*b - 4/3*r**3*(a+b) + r**4/2)/(a*b)**2
    print('r', r, 'closed-form E[K]', A*(n-1)/n*p, flush=True)
rng = np.random.default_rng(5)
ks = []
t0 = time.time()
for s in range(count):
    P = np.column_stack([rng.uniform(minx, maxx, n), rng.uniform(miny, maxy, n)])
    tree = spatial.cKDTree(P)
    c = tree.count_neighbors(tree, radii)
    ks.append([A*2*((ci - n)/2)/(n*n) for ci in c])
    if s % 20 == 19:
        k = np.array(ks); print(s+1, 'mean', k.mean(0), 'sd', k.std(0, ddof=1), time.time()-t0, flush=True)
