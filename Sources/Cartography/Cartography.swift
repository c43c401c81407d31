// Map rendering (SVG/HTML) and map styling: see issue 8.
