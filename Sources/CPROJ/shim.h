#ifndef PARKATLAS_CPROJ_SHIM_H
#define PARKATLAS_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
