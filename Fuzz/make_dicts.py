#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries Fuzz/dict/*.dict (python3 Fuzz/make_dicts.py).

Tokens come from the specifications: JSON (RFC 8259), GeoJSON (RFC 7946), RFC 8142 text
sequences, the dataset contract (docs/dataset.md), the policy keys
(Sources/LayoutModel/Policy/Policy+Decoding.swift) and the mapping file (docs/import.md).
"""
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dict")


def enc(b):
    """One libFuzzer dictionary entry: printable ASCII as is, \\\\ and \\" escaped, the rest \\xHH."""
    out = ""
    for c in b:
        if c == 0x5C:
            out += "\\\\"
        elif c == 0x22:
            out += '\\"'
        elif 0x20 <= c < 0x7F:
            out += chr(c)
        else:
            out += "\\x%02X" % c
    return '"' + out + '"'


json_tokens = ["{", "}", "[", "]", ":", ",", '"', '\\"', "\\\\", "\\u", "\\ud83d\\ude00", "\\ud800", "true", "false", "null",
               "-", "0", "-0", "1e308", "1e309", "-1e-400", "0.5", "1E+2", "123456789012345678901234567890", " ", "\n", "\r\n", "\t",
               "\ufeff", "绵阳"]
geo_keys = ["type", "features", "geometry", "geometries", "coordinates", "properties", "id", "bbox", "crs", "name"]
geo_types = ["FeatureCollection", "Feature", "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
             "GeometryCollection", "urn:ogc:def:crs:EPSG::4544", "urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4490"]
geo_snippets = ['"type":"Feature"', '"type":"FeatureCollection"', '{"type":"Feature","geometry":null,"properties":{}}',
                "[0,0],[1,0],[1,1],[0,0]", "[[[0,0],[1,0],[1,1],[0,0]]]", "[104.7,31.5]", "[104.7,31.5,10]", "},{"]
dataset_props = ["code", "name", "kind", "id", "parent", "level", "district", "main_industries", "featured_industries",
                 "featured_status", "chemical_park", "land_use", "status", "floor_area_m2", "footprint_m2", "investment_wan",
                 "enterprise", "industry", "output_wan", "tax_wan", "employees", "above_scale", "park", "built", "idle", "ready",
                 "unready", "supplied_unbuilt", "under_construction", "unbuildable", "national", "provincial", "municipal", "county",
                 "administrative", "C3974", "100101", "510703"]
policy_keys = ["coordinate_system", "wgs84", "gcj02", "bd09", "checks", "benefit", "siting", "featured", "positioning_cap",
               "leading_industry_share", "scattered_industry_min_parks", "scattered_industry_max_share",
               "duplicate_positioning_distance_m", "outside_parks_target", "hazardous_chemical_industries", "park_overlap_share",
               "park_outside_district_share", "parcel_overlap_m2", "parcel_outside_park_share", "low_intensity_building_coefficient",
               "low_intensity_floor_area_ratio", "main", "featured", "weights", "grade_shares", "tax_per_mu", "revenue_per_mu",
               "revenue_per_employee", "a", "b", "c", "d", "synergy_radius_m", "block_merge_distance_m", "positioning", "synergy",
               "land", "efficiency", "high_tech_share", "high_tech_industries", "building_coefficient", "revenue_per_mu_growth",
               "national", "provincial", "municipal", "county"]
mapping_keys = ["defaults", "districts", "parks", "parcels", "enterprises", "policy", "crs", "encoding", "datum", "source", "layer",
                "where", "points", "fields", "keep", "x", "y", "wkt", "field", "value", "values", "scale", "split", "classification",
                "default", "ydyh-2023", "gb21010-2017", "gb50137-2011", "gb4754-2017", "gb4754-2011", "gb4754-2017-name", "EPSG:4544",
                "GBK", "UTF-8", "wgs84", "gcj02", "bd09", "kfq.gpkg", "../x.shp", "/abs/y.csv"] + dataset_props


def write(name, header, groups):
    seen = set()
    lines = [f"# {header}", "# Written by Fuzz/make_dicts.py (libFuzzer dictionary: one token per line; \\\\, \\\" and \\xHH escapes)."]
    for title, tokens, quote in groups:
        lines.append(f"# {title}")
        for t in tokens:
            v = enc((('"%s"' % t) if quote else t).encode())
            if v not in seen:
                seen.add(v)
                lines.append(v)
    with open(os.path.join(HERE, name), "w") as f:
        f.write("\n".join(lines) + "\n")


json_g = ("JSON (RFC 8259) tokens, escapes, number edge cases", json_tokens, False)
geo_g = [("GeoJSON (RFC 7946) member names, quoted", geo_keys, True),
         ("GeoJSON type names and CRS names, quoted", geo_types, True), ("GeoJSON fragments", geo_snippets, False)]
write("geojson.dict", "GeoJSON documents and sequences (targets geojson, sequence, parallel)",
      [json_g] + geo_g + [("RFC 8142 record separator, record starts", ["\x1e", "\x1e{", "}\n{"], False)])
write("dataset.dict", "dataset folders (target dataset): GeoJSON, the dataset contract's properties, policy keys",
      [json_g] + geo_g + [("dataset contract properties and values (docs/dataset.md), quoted", dataset_props, True),
                          ("policy keys", policy_keys[:8], True), ("the target's file separator", ["\x00"], False)])
write("policy.dict", "policy files (target policy; keys from Sources/LayoutModel/Policy)",
      [json_g, ("policy keys and values, quoted", policy_keys, True)])
write("mapping.dict", "import mapping files (target mapping; keys from docs/import.md)",
      [json_g, ("mapping keys, values and crosswalk names, quoted", mapping_keys, True)])
