// The portable kernels (4 lanes, which every 128-bit vector unit has; the compiler lowers them as it can).
#define VL 4
#define MR 6
#define ISA portable
#define ISA_NAME "portable"
#include "kernels_template.h"
