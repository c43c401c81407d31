"""Reference values for the map scale of Tests/Fixtures/maps/in/tiny (CartographyTests, MapCommandTests).

    python3 Tests/Reference/maps_scale.py > Tests/Fixtures/maps/out/tiny_scale.json

Projects with pyproj to EPSG:4544 (CGCS2000 3-degree Gauss-Kruger CM 105E, the zone whose
central meridian is nearest the data's centre 104.75E) and works out, by the page layout of
SVGMapRenderer (1400 x 1000 page, 16 px margins, 64 px title band, 310 px legend, 3 % padding
of the larger side on every side), the pixels per metre, and from it the scale bar: the largest
1, 2 or 5 x 10^n metres not longer than a quarter of the map area's width.
"""
import json, math
from pyproj import Transformer

t = Transformer.from_crs("EPSG:4326", "EPSG:4544", always_xy=True)
# Every vertex of the dataset lies in the district square 104.70-104.80E, 31.40-31.48N whose
# corners are vertices; straight edges stay straight in the map, so its projected corners
# bound everything drawn.
corners = [t.transform(x, y) for x, y in [(104.70, 31.40), (104.80, 31.40), (104.80, 31.48), (104.70, 31.48)]]
xs, ys = [c[0] for c in corners], [c[1] for c in corners]
dx, dy = max(xs) - min(xs), max(ys) - min(ys)
pad = max(dx, dy) * 0.03
area_w, area_h = 1400 - 310 - 16 - 16, 1000 - 16 - 64
scale = min(area_w / (dx + 2 * pad), area_h / (dy + 2 * pad))
limit_m = area_w * 0.25 / scale
p = 10 ** math.floor(math.log10(limit_m))
nice = next(s * p for s in (5, 2, 1) if s * p <= limit_m)
p1 = [t.transform(x, y) for x, y in [(104.72, 31.42), (104.76, 31.42), (104.76, 31.45), (104.72, 31.45)]]
print(json.dumps({
    "crs": "EPSG:4544",
    "pixels_per_metre": scale,
    "scale_bar_m": nice,
    "scale_bar_px": nice * scale,
    "park_P1_width_m": max(c[0] for c in p1) - min(c[0] for c in p1),
    "park_P1_height_m": max(c[1] for c in p1) - min(c[1] for c in p1),
}, indent=1))
