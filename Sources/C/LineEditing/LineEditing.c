#include <stdio.h>
#include <histedit.h>
#include "LineEditing.h"

EditLine *qyx_editor_open(const char *program, History *store, char *(*prompt)(EditLine *),
                          unsigned char (*complete)(EditLine *, int)) {
    EditLine *el = el_init(program, stdin, stdout, stderr);
    if (el == NULL) return NULL;
    el_set(el, EL_EDITOR, "emacs");
    // libedit restores the terminal around signals and then lets ours run.
    el_set(el, EL_SIGNAL, 1);
    el_set(el, EL_PROMPT, prompt);
    // The first argument is libedit's history() function, the second our store.
    el_set(el, EL_HIST, history, store);
    el_set(el, EL_ADDFN, "qyx-complete", "Complete keywords, names and values", complete);
    el_set(el, EL_BIND, "^I", "qyx-complete", NULL);
    el_set(el, EL_BIND, "^R", "em-inc-search-prev", NULL);
    // Read ~/.editrc like other libedit programs.
    el_source(el, NULL);
    return el;
}

History *qyx_history_open(int size) {
    HistEvent event;
    History *h = history_init();
    if (h == NULL) return NULL;
    history(h, &event, H_SETSIZE, size);
    history(h, &event, H_SETUNIQUE, 1);
    return h;
}

int qyx_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

int qyx_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

void qyx_history_close(History *h) { history_end(h); }
