#ifndef PARKATLAS_MALLOCINFO_H
#define PARKATLAS_MALLOCINFO_H
#include <stddef.h>

/// Bytes of heap in use: glibc mallinfo2() uordblks (chunks in use) plus
/// hblkhd (mmapped blocks, where large arrays live); 0 without glibc.
/// For parkatlas-bench's bytes-per-enterprise figure.
size_t parkatlas_heap_in_use(void);

#endif
