#!/usr/bin/env python3
"""Prints every French text of a dialogue file, one paragraph each, for a grammar
checker: {slots} (all dates in the shipped dialogues) become a date. For a Swift
message catalogue (a `.swift` file whose cases return `("français", "English")`),
the French wording of each case; an interpolation `\(…)` becomes a word."""
import re
import sys

import yaml


def texts(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "fr" and isinstance(value, str):
                yield value
            else:
                yield from texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from texts(value)


def catalogue(source):
    """The first string of each `return (` tuple: the French wording."""
    for match in re.finditer(r'return \(\s*"((?:[^"\\]|\\.)*)"', source):
        text = re.sub(r"\\\([^)]*\)+", "Bordeaux", match.group(1))
        yield text.replace('\\"', '"')


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        found = catalogue(f.read()) if path.endswith(".swift") else texts(yaml.safe_load(f))
        for text in found:
            print(re.sub(r"\{[a-z_]+\}", "7 décembre 2026", text))
            print()
