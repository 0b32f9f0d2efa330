// libcmark, the CommonMark reference library (Debian libcmark-dev).
#include <cmark.h>
