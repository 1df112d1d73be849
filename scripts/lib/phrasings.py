#!/usr/bin/env python3
"""How many of the phrasings issue #26 quotes (points 1 to 3, and the yearless
date of point 14) the interview understands: each is typed, piped, at the question
it answers, after the answers that lead there; understood when it is read back
(« → … ») rather than refused. Usage: phrasings.py [BINARY]"""
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "conciliation")

TO_CHANNEL = ["4", "non", "oui", "01/10/2026"]
# (what leads to the question, the phrasing, what the read-back must hold)
CASES = [
    ([], "décision administrative", "administrative"),
    ([], "carte vitale", "fonctionnement"),
    ([], "fonctionnement", "fonctionnement"),
    ([], "refus de remboursement", "administrative"),
    ([], "c2s", "refuse"),
    ([], "un trop percu", "trop-perçu"),
    ([], "IJ", "administrative"),
    ([], "4.", "fonctionnement"),
    (["4"], "non.", "non"),
    (TO_CHANNEL, "par telephone", "Téléphone"),
    (TO_CHANNEL, "par courrier", "Courrier"),
    (TO_CHANNEL, "courrier", "Courrier"),
    (TO_CHANNEL + ["2"], "non ils ont jamais repondu", "pas encore"),
    (["1"], "j'ai reçu une lettre le 3 octobre", "3 octobre 2026"),
    (["1", "01/10/2026", "oui"], "pas de calais", "62"),
    (["1", "01/10/2026", "oui"], "Réunion", "974"),
    (["1", "01/10/2026", "oui"], "Moselle", "57"),
    (["1"], "le 5 octobre", "5 octobre 2026"),
    (["1"], "il y a 3 semaines", "novembre 2026"),
    (["1"], "je ne sais pas.", ""),
]


def understood(before, phrasing, expected):
    """Taken when the interview moves on (a later question, or the result) and
    what it read back, if anything, holds `expected`."""
    lines = before + [phrasing]
    run = subprocess.run([BIN, "--today", "2026-11-23", "--no-save"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, timeout=30)
    out = run.stdout
    marker = "> " + phrasing + "\n"
    if marker not in out:
        return False, out[-300:]
    asked, reply = out.split(marker, 1)
    reply = reply.split("\n> ", 1)[0]
    numbers = re.findall(r"question (\d+)", asked)
    later = re.findall(r"question (\d+)", reply)
    moved = (later and numbers and int(later[0]) > int(numbers[-1])) or "→ " in reply and not later
    echoed = [line for line in reply.split("\n") if line.startswith("→")]
    said = echoed[0] if echoed else reply.strip().split("\n")[0]
    return bool(moved) and (not echoed or expected.lower() in echoed[0].lower()), said


def main():
    ok = 0
    for before, phrasing, expected in CASES:
        good, said = understood(before, phrasing, expected)
        ok += good
        print(f"{'ok ' if good else 'NO '} {phrasing!r:40} {said[:90]}")
    print(f"phrasings: {ok} of {len(CASES)} understood")
    return 0 if ok == len(CASES) else 1


if __name__ == "__main__":
    sys.exit(main())
