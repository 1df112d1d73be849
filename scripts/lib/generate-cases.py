#!/usr/bin/env python3
"""Writes N varied triage cases as JSON Lines (deterministic: seeded)."""
import json, random, sys, datetime

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(2026)
subjects = ["decision-admin", "decision-medical", "functioning", "no-gp", "specialist-access", "care-refusal", "other"]
base = datetime.date(2024, 1, 1)
out = sys.stdout
for i in range(n):
    today = base + datetime.timedelta(days=rng.randrange(0, 1000))
    case = {"subject": rng.choice(subjects), "court_case_pending": rng.random() < 0.05,
            "complaint_made": rng.random() < 0.6, "today": today.isoformat()}
    if case["subject"].startswith("decision"):
        if rng.random() < 0.9:
            case["notified_on"] = (today - datetime.timedelta(days=rng.randrange(0, 120))).isoformat()
        if rng.random() < 0.2:
            case["notice_states_deadline"] = rng.choice([True, False, None])
        if rng.random() < 0.3:
            case["department"] = rng.choice(["67", "75", "57", "13", "2A"])
    if case["complaint_made"]:
        case["complaint_on"] = (today - datetime.timedelta(days=rng.randrange(0, 60))).isoformat()
        case["complaint_answer"] = rng.choice(["none", "satisfactory", "unsatisfactory"])
        if rng.random() < 0.5:
            case["complaint_channel"] = rng.choice(["ameli", "letter", "phone", "counter", "email"])
    out.write(json.dumps(case, separators=(",", ":")) + "\n")
