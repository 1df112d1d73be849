// Fixed-argument wrappers over libedit's variadic calls, which Swift cannot call.
#ifndef CONCILIATION_CEDITLINE_SHIM_H
#define CONCILIATION_CEDITLINE_SHIM_H

#include <stdio.h>
#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>

typedef char *(*ce_prompt_fn)(EditLine *);
typedef unsigned char (*ce_command_fn)(EditLine *, int);
typedef int (*ce_getc_fn)(EditLine *, wchar_t *);

static inline FILE *ce_stdin(void) { return stdin; }
static inline FILE *ce_stdout(void) { return stdout; }
static inline FILE *ce_stderr(void) { return stderr; }

static inline int ce_set_prompt_esc(EditLine *el, ce_prompt_fn fn, char marker) {
    return el_set(el, EL_PROMPT_ESC, fn, marker);
}
static inline int ce_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int ce_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int ce_set_edit_mode(EditLine *el, int on) { return el_set(el, EL_EDITMODE, on); }
static inline int ce_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int ce_set_client_data(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *ce_get_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int ce_set_getc(EditLine *el, ce_getc_fn fn) { return el_set(el, EL_GETCFN, fn); }
static inline int ce_add_function(EditLine *el, const char *name, const char *help, ce_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int ce_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}
static inline int ce_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int ce_history_set_unique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}
static inline int ce_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int ce_history_clear(History *h) {
    HistEvent ev;
    return history(h, &ev, H_CLEAR);
}
static inline const char *ce_utf8_codeset(void) { return nl_langinfo(CODESET); }

#endif
