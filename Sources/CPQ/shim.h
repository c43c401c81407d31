#ifndef PARKATLAS_CPQ_SHIM_H
#define PARKATLAS_CPQ_SHIM_H
// libpq, PostgreSQL's C client library (pkg-config libpq, apt libpq-dev).
#include <libpq-fe.h>
#endif
