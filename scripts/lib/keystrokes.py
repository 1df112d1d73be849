#!/usr/bin/env python3
"""Keystrokes an agent types for three calls in a row (issue #26's measure): each
call answered as an agent on the phone would type it (numbers for choices, `o`/`n`,
short dates), its case note shown at the result (the agent's wording prints it), then
`:recommencer` and `o` for the next caller. Every key counts, Enter included; Tab completion, which would
shorten the commands, is not used. Checks each call reaches its result.
Usage: keystrokes.py [BINARY]"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "conciliation")

CALLS = [
    ("the caisse's functioning, a phone complaint on 1 October, no answer", ["4", "n", "o", "1/10", "3", "1"],
     "Saisissez le médiateur"),
    ("an administrative decision received on 5 October, in the Bas-Rhin", ["1", "5/10", "o", "67", "1", "n", "n"],
     "Contestez la décision devant la commission de recours amiable"),
    ("a refusal of care because of the C2S", ["7", "1", "n", "n"], "médiateur"),
]
BETWEEN = [":recommencer", "o"]


def main():
    lines, total = [], 0
    for i, (what, answers, expected) in enumerate(CALLS):
        typed = answers + (BETWEEN if i < len(CALLS) - 1 else [":quitter"])
        keys = sum(len(line) + 1 for line in typed)
        total += keys
        lines += typed
        print(f"call {i + 1}: {keys:3} keys — {what}")
    run = subprocess.run([BIN, "--today", "2026-11-23", "--no-save", "--audience", "agent"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, timeout=60)
    notes = run.stdout.count("Litige Assurance Maladie — 23/11/2026")
    for _, _, expected in CALLS:
        assert expected in run.stdout, expected
    assert notes == len(CALLS), (notes, run.stdout[-500:])
    print(f"keystrokes: {total} for {len(CALLS)} calls, each to its result and case note")
    return 0


if __name__ == "__main__":
    sys.exit(main())
