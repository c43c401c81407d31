#ifndef PARKATLAS_CSQLITE_SHIM_H
#define PARKATLAS_CSQLITE_SHIM_H
// SQLite's C API (pkg-config sqlite3, apt libsqlite3-dev, which libgdal-dev depends on):
// a GeoPackage is an SQLite file, and the GDAL module reads a plain feature table's rows
// straight from it (GeoPackageDirectRead) where GDAL 3.6 would build an OGRFeature per row.
#include <sqlite3.h>
#endif
