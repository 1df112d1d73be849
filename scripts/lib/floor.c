/* The floor for start-up: a C program that prints a prompt with libedit. */
#include <histedit.h>
#include <stdio.h>
#include <locale.h>

static char *prompt(EditLine *el) { (void)el; return "> "; }

int main(void) {
    setlocale(LC_CTYPE, "");
    EditLine *el = el_init("floor", stdin, stdout, stderr);
    el_set(el, EL_PROMPT, prompt);
    el_set(el, EL_EDITOR, "emacs");
    int count = 0;
    const char *line = el_gets(el, &count);
    (void)line;
    el_end(el);
    return 0;
}
