#ifndef PARKATLAS_CGEOS_SHIM_H
#define PARKATLAS_CGEOS_SHIM_H
// Only the reentrant API (GEOS*_r) is used; hiding the non-reentrant one makes
// an accidental call a compile error.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
