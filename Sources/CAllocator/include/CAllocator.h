#ifndef UNROLL_CALLOCATOR_H
#define UNROLL_CALLOCATOR_H

/// Tells the C allocator to keep large blocks in its heap rather than mapping and unmapping them on every
/// allocation (glibc only; a no-op elsewhere).
void unroll_keep_large_blocks_in_heap(void);

#endif
