// GeoJSON reader/writer: see issue 2.
