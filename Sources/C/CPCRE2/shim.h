// Debian's PCRE2 (libpcre2-dev), 8-bit code units: qyx's `~` runs on it with a match limit, so a
// pattern that would backtrack for hours gives up after a bounded number of steps.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
