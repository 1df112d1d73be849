#!/usr/bin/env python3
"""Prints every French text of a dialogue file, one paragraph each, for a grammar
checker: {slots} (all dates in the shipped dialogues) become a date."""
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


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for text in texts(yaml.safe_load(f)):
            print(re.sub(r"\{[a-z_]+\}", "7 décembre 2026", text))
            print()
