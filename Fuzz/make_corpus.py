#!/usr/bin/env python3
"""Writes the checked-in seed corpora of the fuzz targets (Fuzz/corpus/<target>/) from the
repository's own fixtures, data and docs, so that they can be regenerated and reviewed:

    python3 Fuzz/make_corpus.py

Every seed is a small real input (Tests/Fixtures, the first features of GeoData/mianyang,
the docs' examples) or a hand-written edge case; the whole corpus stays well under 2 MB.
"""
import glob, hashlib, json, os, re, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "corpus")
LAYERS = ["districts", "parks", "parcels", "enterprises"]
MAX = 16 * 1024


def rel(*p):
    return os.path.join(ROOT, *p)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def thin(coords, keep=24):
    """A ring or line with at most `keep` positions (every k-th, the closing one kept)."""
    if coords and isinstance(coords[0], (int, float)):
        return coords
    if coords and isinstance(coords[0], list) and coords[0] and isinstance(coords[0][0], (int, float)):
        if len(coords) <= keep:
            return coords
        step = -(-len(coords) // keep)
        out = coords[::step]
        if coords[0] == coords[-1] and out[-1] != coords[-1]:
            out.append(coords[-1])
        return out
    return [thin(c, keep) for c in coords]


def head(path, n):
    """The first n features of a FeatureCollection file, as compact JSON, with rings thinned
    to a few dozen positions (the real districts have thousands; small seeds fuzz faster)."""
    doc = json.loads(read(path))
    doc["features"] = doc["features"][:n]
    for f in doc["features"]:
        if f.get("geometry"):
            f["geometry"]["coordinates"] = thin(f["geometry"]["coordinates"])
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def put(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def small_geojson():
    files = sorted(glob.glob(rel("Tests", "Fixtures", "**", "*.geojson"), recursive=True))
    for p in files:
        if os.path.getsize(p) <= MAX:
            yield os.path.relpath(p, rel("Tests", "Fixtures")).replace("/", "_"), read(p)
    for layer in LAYERS:
        yield f"mianyang_{layer}_head.geojson", head(rel("GeoData", "mianyang", f"{layer}.geojson"), 3)


HAND = {
    "point.json": b'{"type":"Point","coordinates":[104.7,31.5]}',
    "point_z.json": b'{"type":"Point","coordinates":[104.7,31.5,480.25]}',
    "multipolygon.json": b'{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.2,0.2],[0.4,0.2],[0.4,0.4],[0.2,0.2]]]]}',
    "collection_geometry.json": b'{"type":"GeometryCollection","geometries":[{"type":"LineString","coordinates":[[0,0],[1,1e-3]]},{"type":"MultiPoint","coordinates":[]}]}',
    "feature_members.json": b'{"properties":{"a":[1,-2.5e10,true,null,{"b":"\\u7ef5\\u9633\\ud83d\\ude00"}]},"id":7,"geometry":null,"type":"Feature","bbox":[0,0,1,1],"x":{}}',
    "fc_crs_bom.json": b'\xef\xbb\xbf{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4544"}},"features":[{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[35500000.5,3490000.25]},"properties":null}]}',
    "fc_broken_feature.json": b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0.5]]]},"properties":{}},{"type":"Feature","geometry":{"type":"Point","coordinates":[1]},"properties":{}},{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"s":"]},{\\"type\\":\\"Feature\\""}}]}',
}


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    geo = list(small_geojson())
    for name, data in geo:
        put("geojson", name, data)
    for name, data in HAND.items():
        put("geojson", name, data)

    # Sequences: the same features one per line (newline-delimited) and as RFC 8142 records.
    for name, data in geo[:12] + [(n, d) for n, d in HAND.items()]:
        doc = json.loads(data.decode("utf-8-sig"))
        records = doc["features"] if doc.get("type") == "FeatureCollection" else [doc]
        lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() for r in records]
        stem = os.path.splitext(name)[0]
        if len(lines) >= 2:
            put("sequence", stem + ".geojsonl", b"\n".join(lines) + b"\n")
        put("sequence", stem + ".geojsons", b"".join(b"\x1e" + l + b"\n" for l in lines))
    put("sequence", "mixed_records.geojsons", b"\x1e\x1e" + HAND["point.json"] + b"\n\x1e" + geo[0][1].strip() + b"\n\x1e\n")

    # The parallel parser reads FeatureCollections; the guesser needs several features.
    for name, data in geo:
        if b'"FeatureCollection"' in data:
            put("parallel", name, data)
    put("parallel", "fc_broken_feature.json", HAND["fc_broken_feature.json"])
    put("parallel", "fc_crs_bom.json", HAND["fc_crs_bom.json"])

    # Datasets: the four layers (and a policy) of each fixture folder, joined by NUL bytes.
    for folder in sorted(glob.glob(rel("Tests", "Fixtures", "*", "in", "*")) ):
        if not os.path.isdir(folder):
            continue
        parts = [read(os.path.join(folder, f"{l}.geojson")) if os.path.exists(os.path.join(folder, f"{l}.geojson")) else b"" for l in LAYERS]
        policy = glob.glob(os.path.join(os.path.dirname(folder), "policy*.json"))
        if policy:
            parts.append(read(policy[0]))
        data = b"\x00".join(parts)
        if len(data) <= 64 * 1024:
            put("dataset", os.path.relpath(folder, rel("Tests", "Fixtures")).replace("/", "_"), data)
    mini = [head(rel("GeoData", "mianyang", f"{l}.geojson"), 4) for l in LAYERS]
    put("dataset", "mianyang_head", b"\x00".join(mini))
    put("dataset", "mianyang_head_gcj02", b"\x00".join(mini + [b'{"coordinate_system":"gcj02"}']))

    # Policies: the fixtures' policy files and hand-made ones touching every group.
    for p in sorted(glob.glob(rel("Tests", "Fixtures", "*", "in", "policy*.json"))):
        put("policy", os.path.relpath(p, rel("Tests", "Fixtures")).replace("/", "_"), read(p))
    put("policy", "every_group.json", json.dumps({
        "coordinate_system": "bd09",
        "checks": {"positioning_cap": {"national": {"main": 3, "featured": 2}}, "leading_industry_share": 0.3,
                   "hazardous_chemical_industries": ["C26", "C2614"], "parcel_overlap_m2": 10},
        "benefit": {"weights": {"tax_per_mu": 0.4, "revenue_per_mu": 0.3, "revenue_per_employee": 0.3},
                    "grade_shares": {"a": 0.3, "b": 0.5, "c": 0.15, "d": 0.05}},
        "siting": {"weights": {"positioning": 0.4, "synergy": 0.3, "land": 0.2, "efficiency": 0.1},
                   "synergy_radius_m": 3000, "block_merge_distance_m": 30},
        "featured": {"leading_industry_share": 0.5, "high_tech_share": 0.25, "high_tech_industries": ["C39"],
                     "building_coefficient": 0.4, "revenue_per_mu_growth": 0.05}}).encode())
    put("policy", "wrong_types.json", b'{"checks":{"positioning_cap":{"county":{"main":-1}},"leading_industry_share":"x"},"benefit":{"grade_shares":{"a":2}},"sitting":{}}')

    # Mappings: the reference mapping and the docs' example.
    put("mapping", "mianyang_raw_mapping.json", read(rel("GeoData", "mianyang-raw", "mapping.json")))
    for k, block in enumerate(re.findall(r"```json\n(.*?)```", read(rel("docs", "import.md")).decode(), re.S)):
        put("mapping", f"docs_import_{k}.json", block.encode())
    put("mapping", "wkt_points.json", b'{"enterprises":{"source":"a.csv","points":{"wkt":"WKT","crs":"EPSG:4490"},"keep":[],"fields":{"id":"ID","employees":{"field":"N","default":0,"scale":1}}}}')

    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(OUT, "*", "*")))
    print(f"corpus: {len(glob.glob(os.path.join(OUT, '*', '*')))} files, {total} bytes")


main()
