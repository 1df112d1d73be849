#!/usr/bin/env python3
"""Writes a dialogue of N questions for the benchmark of `conciliation check`.

A date first (read again at the very end, so it stays live across the whole
chain), then yes/no and choice questions where "yes" skips the next question,
and every 25 questions a decision point comparing a computed deadline with today.
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
t = lambda s: '{fr: "%s", en: "%s"}' % (s, s)
out = []
w = out.append
w("dialogue: generated")
w('version: "%d"' % n)
w("title: " + t("Généré"))
w("start: q0")
w("sources:\n  s: {title: Source, url: \"https://example.org\"}")
w("rules:\n  r: {title: %s, text: %s, sources: [s]}" % (t("Règle"), t("Texte")))
w("computed:\n  deadline: 'deadline_months(q0, 2, null)'")
w("outputs:")
w("  appeal_deadline: {type: date, label: %s, value: 'deadline'}" % t("Date"))
w("  wait_until: {type: date, label: %s}" % t("W"))
w("  conciliator_from: {type: date, label: %s}" % t("C"))
w("questions:")
def node(i):
    if i >= n:
        return "done"
    if i % 25 == 24:
        return "b%d" % i
    return "q%d" % i
w("  q0:")
w("    kind: date\n    label: %s\n    ask: {agent: %s, self: %s}\n    help: %s" % (t("Date"), t("Quand ?"), t("Quand ?"), t("Aide")))
w("    checks:\n      - reject_if: 'q0 > today'\n        message: %s" % t("Futur"))
w("    next: %s" % node(1))
for i in range(1, n):
    if i % 25 == 24:
        continue
    w("  q%d:" % i)
    if i % 10 == 5:
        w("    kind: choice\n    label: %s\n    ask: {agent: %s, self: %s}\n    help: %s" % (t("Choix %d" % i), t("Lequel ?"), t("Lequel ?"), t("Aide")))
        w("    choices: {a: %s, b: %s, c: %s}" % (t("A"), t("B"), t("C")))
        w("    next:\n      - when: 'q%d == \"a\"'\n        goto: %s\n        rule: r\n      - goto: %s" % (i, node(i + 2), node(i + 1)))
    else:
        w("    kind: yes-no\n    label: %s\n    ask: {agent: %s, self: %s}\n    help: %s" % (t("Question %d" % i), t("Oui ?"), t("Oui ?"), t("Aide")))
        w("    next:\n      - when: 'q%d'\n        goto: %s\n      - goto: %s" % (i, node(i + 2), node(i + 1)))
branches = [i for i in range(1, n) if i % 25 == 24]
if branches:
    w("branches:")
    for i in branches:
        w("  b%d:\n    title: %s" % (i, t("Délai ?")))
        w("    next:\n      - when: 'today <= deadline'\n        goto: %s\n      - when: 'today > deadline'\n        goto: %s" % (node(i + 1), node(i + 1)))
w("outcomes:\n  done:\n    recommendation: reclaim-first\n    route: caisse\n    title: %s\n    summary: %s" % (t("Fini"), t("Résumé")))
print("\n".join(out))
