// The portable kernels (4 lanes, which every 128-bit vector unit has; the compiler lowers them as it can).
#define VL 4
#define MR 6
#define ISA generic
#define ISA_NAME "generic"
#include "kernels_template.h"
