#!/usr/bin/env python3
"""Writes the Millbrook 2026 relationship survey (respondents.csv, answers.csv).

Invented answers, derived from ../ties.csv so that the survey and the bundle
agree wherever both describe a pair: a tie of strength 1, 2, 3 is reported at
intensity 2 (cooperation), 3 (coordination), 4 (integration) with the same
kinds. Eleven organizations do not answer; five pairs between two respondents
are reported by one side only; three new awareness-level ties appear that the
bundle does not have. Same seed, same files: python3 make_survey.py
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
BUNDLE = os.path.dirname(HERE)
rng = random.Random(2026)

orgs = list(csv.DictReader(open(os.path.join(BUNDLE, "organizations.csv"))))
sector = {o["id"]: o["sector"] for o in orgs}
kind_of_org = {o["id"]: o["type"] for o in orgs}

NOT_ANSWERED = ["mb-hospice", "mb-pediatrics", "mb-tutoring", "mb-dv", "mb-islamic", "mb-ame",
                "mb-grocery", "mb-plant", "mb-parks", "mb-police", "mb-fire"]
# Pairs between two respondents that only the first side reports.
ONE_SIDED = [("mb-clinic", "mb-district"), ("mb-clubs", "mb-middle"), ("mb-hospital", "mb-behavioral"),
             ("mb-library", "mb-preschool"), ("mb-methodist", "mb-temple")]
# Ties the bundle does not have: someone is aware of a partner across a sector line.
NEW = [("mb-library", "mb-parks"), ("mb-seniors", "mb-hospice"), ("mb-chamber", "mb-pantry")]

CONTRIBUTES = {
    "health": ["expertise", "data", "info_feedback"],
    "education": ["expertise", "volunteers", "data"],
    "social_services": ["community_connections", "volunteers", "expertise"],
    "faith": ["volunteers", "in_kind", "community_connections"],
    "business": ["funding", "in_kind", "paid_staff"],
    "government": ["funding", "data", "fiscal_management"],
    "safety": ["info_feedback", "expertise"],
}
STEP = {1: 2, 2: 3, 3: 4}
FREQUENCY = {2: "quarterly", 3: "monthly", 4: "weekly"}

pairs = {}
for t in csv.DictReader(open(os.path.join(BUNDLE, "ties.csv"))):
    key = (t["source"], t["target"])
    strength, kinds = pairs.get(key, (0, []))
    pairs[key] = (max(strength, int(t["strength"] or 1)), kinds + [t["kind"] or "information"])


def rating(high):
    """One item: partners in the same sector trust each other more."""
    r = rng.choice([3, 4, 4] if high else [2, 2, 3])
    return "" if rng.random() < 0.08 else str(r)  # now and then an item is left blank


def power(org):
    return "4" if kind_of_org[org] in ("public_agency", "business") else rng.choice(["2", "3"])


answers = []


def answer(who, partner, intensity, kinds):
    same = sector[who] == sector[partner]
    answers.append({
        "respondent": who, "partner": partner, "intensity": intensity,
        "frequency": FREQUENCY.get(intensity, ""), "kind": ";".join(kinds),
        "reliability": rating(same), "mission": rating(same), "openness": rating(same),
        "power": power(partner) if intensity > 1 else "", "resources": rating(same) if intensity > 1 else "",
        "involvement": rating(same) if intensity > 1 else "",
    })


one_sided = set(ONE_SIDED)
for (a, b), (strength, kinds) in pairs.items():
    step = STEP[strength]
    for who, partner in ((a, b), (b, a)):
        if who in NOT_ANSWERED or (partner, who) in one_sided:
            continue
        answer(who, partner, step, kinds)
for who, partner in NEW:
    answer(who, partner, 1, [])
answers.sort(key=lambda r: (r["respondent"], r["partner"]))

with open(os.path.join(HERE, "respondents.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["organization", "responded", "contributes", "most_important"])
    for o in orgs:
        if o["id"] in NOT_ANSWERED:
            w.writerow([o["id"], "no", "", ""])
        else:
            offer = CONTRIBUTES[o["sector"]]
            chosen = sorted(rng.sample(offer, rng.randint(1, len(offer))), key=offer.index)
            w.writerow([o["id"], "yes", ";".join(chosen), chosen[0]])
with open(os.path.join(HERE, "answers.csv"), "w", newline="") as f:
    columns = ["respondent", "partner", "intensity", "frequency", "kind", "reliability", "mission", "openness",
               "power", "resources", "involvement"]
    w = csv.DictWriter(f, columns, lineterminator="\n")
    w.writeheader()
    w.writerows(answers)
