#ifndef QYX_LINE_EDITING_H
#define QYX_LINE_EDITING_H
#include <histedit.h>

/// Non-variadic wrappers around libedit's el_set() and history(), which Swift cannot call.

/// An editor on stdin/stdout in emacs mode with history, Ctrl-R search and `complete` on Tab.
EditLine *qyx_editor_open(const char *program, History *store, char *(*prompt)(EditLine *),
                          unsigned char (*complete)(EditLine *, int));
History *qyx_history_open(int size);
int qyx_history_enter(History *history, const char *line);
int qyx_history_load(History *history, const char *path);
void qyx_history_close(History *history);

#endif
