#ifndef PARKATLAS_CSQLITE_SHIM_H
#define PARKATLAS_CSQLITE_SHIM_H
// SQLite's C API (libsqlite3-dev, which libgdal-dev depends on): used only to bulk-load the
// R-trees of a GeoPackage that GDAL has written (GDAL/GeoPackageRTree.swift).
#include <sqlite3.h>
#endif
