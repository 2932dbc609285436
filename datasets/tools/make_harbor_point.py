#!/usr/bin/env python3
"""Writes datasets/harbor-point/<year>/: three yearly bundles of one invented
coalition, Harbor Point, for training with `tablemap years` and `compare`.

2024: three silos (health, education, business with government) and two
rival education backbones; 2025: an anchor convenes, cross-sector ties
grow, the rivals start talking; 2026: one shared backbone, every function
agreed and held by a different organization, tied strongly.

Every organization and person is invented. The script writes the same bytes
on every run (no randomness):

    python3 datasets/tools/make_harbor_point.py           # writes the bundles
    python3 datasets/tools/make_harbor_point.py --check   # exit 1 if a file would change
"""
import csv
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "harbor-point")
YEARS = [2024, 2025, 2026]

# id, name, sector, type
ORGANIZATIONS = [
    ("hp-hospital", "Harbor Point Hospital", "health", "nonprofit"),
    ("bay-clinic", "Bayside Family Clinic", "health", "nonprofit"),
    ("mental-health", "Tidewater Counseling", "health", "nonprofit"),
    ("public-health", "Harbor County Public Health", "health", "public_agency"),
    ("schools", "Harbor Point Schools", "education", "school"),
    ("schools-fdn", "Harbor Schools Foundation", "education", "nonprofit"),
    ("lighthouse", "Lighthouse Learning Alliance", "education", "nonprofit"),
    ("early-learning", "Little Anchors Early Learning", "education", "nonprofit"),
    ("college", "Harbor Community College", "education", "school"),
    ("library", "Harbor Point Library", "education", "public_agency"),
    ("chamber", "Harbor Chamber of Commerce", "business", "business"),
    ("shipyard", "Dockside Shipyard", "business", "business"),
    ("credit-union", "Seaway Credit Union", "business", "business"),
    ("city", "City of Harbor Point", "government", "public_agency"),
    ("county", "Harbor County Board", "government", "public_agency"),
    ("police", "Harbor Point Police", "safety", "public_agency"),
    ("united-way", "Harbor United Way", "social_services", "nonprofit"),
    ("food-bank", "Harbor Food Bank", "social_services", "nonprofit"),
    ("community-fdn", "Harbor Community Foundation", "philanthropy", "foundation"),
    ("youth-network", "Harbor Youth Network", "residents", "nonprofit"),
]

# Organizations at the table each year.
TABLE = {
    2024: ["hp-hospital", "schools", "schools-fdn", "lighthouse", "city"],
    2025: ["hp-hospital", "schools", "schools-fdn", "lighthouse", "city", "chamber", "united-way",
           "community-fdn"],
    2026: ["hp-hospital", "public-health", "schools", "schools-fdn", "lighthouse", "city", "chamber",
           "united-way", "community-fdn", "police", "youth-network"],
}

# Ties inside each silo, every year (strength 2): health with social services,
# education, business with government.
SILO_TIES = [
    ("hp-hospital", "bay-clinic"), ("hp-hospital", "mental-health"), ("hp-hospital", "public-health"),
    ("bay-clinic", "mental-health"), ("bay-clinic", "public-health"), ("mental-health", "public-health"),
    ("united-way", "food-bank"), ("food-bank", "bay-clinic"), ("united-way", "hp-hospital"),
    ("schools", "schools-fdn"), ("schools", "early-learning"), ("schools", "college"),
    ("schools-fdn", "early-learning"), ("college", "library"), ("library", "early-learning"),
    ("lighthouse", "college"), ("lighthouse", "library"), ("lighthouse", "early-learning"),
    ("chamber", "shipyard"), ("chamber", "credit-union"), ("shipyard", "credit-union"),
    ("chamber", "city"), ("city", "county"), ("county", "credit-union"), ("city", "shipyard"),
    ("county", "chamber"), ("county", "shipyard"),
]

# Ties across sectors, added year by year (source, target, strength, confirmed).
# 2024: only the community foundation reaches into the silos; police and the
# youth network have no tie at all.
CROSS_TIES = {
    2024: [("community-fdn", "schools-fdn", 1, "no"), ("community-fdn", "hp-hospital", 1, "yes"),
           ("community-fdn", "city", 1, "yes")],
    2025: [("community-fdn", "lighthouse", 2, "yes"), ("community-fdn", "united-way", 2, "yes"),
           ("community-fdn", "chamber", 1, "yes"), ("schools-fdn", "lighthouse", 1, "no"),
           ("united-way", "schools", 1, "yes"), ("chamber", "college", 1, "yes"),
           ("police", "city", 2, "yes"), ("hp-hospital", "city", 1, "no"), ("youth-network", "library", 1, "yes")],
    2026: [("police", "youth-network", 2, "yes"), ("youth-network", "united-way", 2, "yes"),
           ("public-health", "schools", 2, "yes"), ("mental-health", "schools", 1, "yes"),
           ("credit-union", "early-learning", 1, "yes"), ("lighthouse", "united-way", 2, "yes"),
           ("schools-fdn", "united-way", 2, "yes"),
           ("youth-network", "schools-fdn", 2, "yes"), ("lighthouse", "youth-network", 2, "yes"),
           ("food-bank", "early-learning", 1, "yes"), ("county", "public-health", 1, "yes")],
}
# 2026: the rivals' tie grows strong and both sides confirm it.
STRONGER = {2026: {("schools-fdn", "lighthouse"): (3, "yes"), ("community-fdn", "lighthouse"): (3, "yes"),
                   ("community-fdn", "united-way"): (3, "yes"), ("hp-hospital", "city"): (2, "yes"),
                   ("community-fdn", "schools-fdn"): (2, "yes")}}

# organization, role, function, outcome, status
ROLES = {
    2024: [("schools-fdn", "backbone", "", "", "claimed"), ("lighthouse", "backbone", "", "", "claimed"),
           ("schools", "convener", "", "kindergarten_readiness", "claimed"),
           ("hp-hospital", "practitioner", "", "", "claimed")],
    2025: [("schools-fdn", "backbone", "", "", "claimed"), ("lighthouse", "backbone", "data", "", "claimed"),
           ("united-way", "backbone", "facilitation", "", "claimed"),
           ("schools", "convener", "", "kindergarten_readiness", "claimed"),
           ("community-fdn", "anchor", "", "", "claimed"), ("community-fdn", "investor", "", "", "agreed"),
           ("hp-hospital", "practitioner", "", "", "claimed")],
    2026: [("schools-fdn", "backbone", "leadership", "", "agreed"), ("lighthouse", "backbone", "data", "", "agreed"),
           ("united-way", "backbone", "facilitation", "", "agreed"),
           ("youth-network", "backbone", "mobilization", "", "agreed"),
           ("community-fdn", "backbone", "investment", "", "agreed"),
           ("schools", "convener", "", "kindergarten_readiness", "agreed"),
           ("public-health", "convener", "", "hs_graduation", "claimed"),
           ("community-fdn", "anchor", "", "", "agreed"), ("community-fdn", "investor", "", "", "agreed"),
           ("hp-hospital", "practitioner", "", "", "claimed")],
}

# id, name, organization, birth_year, first year at the table (None: never), last year
PEOPLE = [
    ("p01", "Marta Quill", "hp-hospital", 1962, 2024, 2026),
    ("p02", "Owen Darrow", "schools", 1958, 2024, 2025),
    ("p03", "Renee Marsh", "schools-fdn", 1966, 2024, 2026),
    ("p04", "Gil Sandoval", "lighthouse", 1961, 2024, 2026),
    ("p05", "Hal Breckin", "city", 1955, 2024, 2026),
    ("p06", "Ines Tolliver", "chamber", 1975, 2025, 2026),
    ("p07", "Joy Amsel", "united-way", 1983, 2025, 2026),
    ("p08", "Kofi Brandt", "community-fdn", 1970, 2025, 2026),
    ("p09", "Lena Okoro", "schools", 1988, 2026, 2026),
    ("p10", "Max Ferrante", "police", 1979, 2026, 2026),
    ("p11", "Nia Calloway", "youth-network", 2003, 2026, 2026),
    ("p12", "Ozzie Reyes", None, 2005, 2026, 2026),
    ("p13", "Pia Lund", "public-health", 1991, 2026, 2026),
]


def profile(year):
    return {
        "name": "Harbor Point",
        "geography": "small urban",
        "population": 64000,
        "year": year,
        "generations": {"gen_alpha": 8000, "gen_z": 11000, "millennials": 14000, "gen_x": 12000,
                        "boomers": 13000, "silent": 6000},
        "issue_areas": [{"id": "education", "name": "Cradle to career education",
                         "outcomes": ["kindergarten_readiness", "hs_graduation"]}],
    }


def csv_text(columns, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return out.getvalue()


def bundle(year):
    files = {"community.json": json.dumps(profile(year), indent=2) + "\n"}
    education = {"schools", "schools-fdn", "lighthouse", "early-learning", "college", "library", "united-way",
                 "community-fdn", "youth-network", "public-health"}
    files["organizations.csv"] = csv_text(
        ["id", "name", "sector", "type", "at_table", "issue_areas"],
        [(i, n, s, t, "yes" if i in TABLE[year] else "no", "education" if i in education else "")
         for i, n, s, t in ORGANIZATIONS])
    files["people.csv"] = csv_text(
        ["id", "name", "organization", "birth_year", "sector", "at_table"],
        [(i, n, o or "", b, "residents" if o is None else "", "yes" if first <= year <= last else "no")
         for i, n, o, b, first, last in PEOPLE if first <= year])
    ties = [(a, b, "information", 2, "no", "yes") for a, b in SILO_TIES]
    for y in YEARS:
        if y > year:
            break
        for a, b, strength, confirmed in CROSS_TIES[y]:
            strength, confirmed = STRONGER.get(year, {}).get((a, b), (strength, confirmed))
            ties.append((a, b, "joint_programming", strength, "no", confirmed))
    files["ties.csv"] = csv_text(["source", "target", "kind", "strength", "directed", "confirmed"], ties)
    files["roles.csv"] = csv_text(
        ["organization", "role", "issue_area", "function", "outcome", "status"],
        [(o, r, "" if r in ("anchor", "investor") else "education", f, oc, st) for o, r, f, oc, st in ROLES[year]])
    return files


def main():
    check = "--check" in sys.argv
    changed = []
    for year in YEARS:
        folder = os.path.join(OUT, str(year))
        for name, text in bundle(year).items():
            path = os.path.join(folder, name)
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old == text:
                continue
            changed.append(path)
            if not check:
                os.makedirs(folder, exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
    if check and changed:
        print("would change:", *changed, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
