#ifndef QYX_CWIDTH_H
#define QYX_CWIDTH_H
#include <wchar.h>

/// The C library's wcwidth(3), which glibc only declares under _XOPEN_SOURCE.
int qyx_wcwidth(wchar_t c);

#endif
