#ifndef PARKATLAS_CGDAL_SHIM_H
#define PARKATLAS_CGDAL_SHIM_H
// The C API of GDAL/OGR (>= 3.6): datasets, layers, features, geometries,
// spatial references, error handling, and the Arrow C stream interface
// used for bulk reading (OGR_L_GetArrowStream).
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <ogr_recordbatch.h>
#endif
