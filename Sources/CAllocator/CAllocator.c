#include "CAllocator.h"
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void unroll_keep_large_blocks_in_heap(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}
