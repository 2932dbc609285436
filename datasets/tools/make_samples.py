#!/usr/bin/env python3
"""Writes the sample communities in datasets/ (the bundle files, not the READMEs).

Every organization and person is invented. The small samples are written out
by hand below; the metro region is drawn with a fixed seed, so running this
script again gives the same files byte for byte:

    python3 datasets/tools/make_samples.py            # writes datasets/<sample>/
    python3 datasets/tools/make_samples.py --check    # fails if a file would change
"""
import csv
import io
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = os.path.dirname(HERE)

REQUIRED = ["health", "education", "business", "government", "social_services", "safety"]
OPTIONAL = ["philanthropy", "faith", "residents", "media", "housing", "arts_culture"]

ORG_COLUMNS = ["id", "name", "sector", "secondary_sectors", "type", "at_table", "issue_areas",
               "generations_served"]
PERSON_COLUMNS = ["id", "name", "organization", "birth_year", "generation", "sector", "at_table",
                  "resident", "formal_leader"]
TIE_COLUMNS = ["source", "target", "kind", "strength", "directed", "confirmed"]
ROLE_COLUMNS = ["organization", "role", "issue_area", "function", "outcome", "status"]


class Bundle:
    """Rows of one sample; extra columns are whatever keys rows carry beyond the spec's."""

    def __init__(self, name, profile):
        self.name = name
        self.profile = profile
        self.orgs, self.people, self.ties, self.roles = [], [], [], []

    def org(self, id, name, sector, type, at_table=False, issues="", served="", secondary="", **extra):
        self.orgs.append(dict(id=id, name=name, sector=sector, secondary_sectors=secondary, type=type,
                              at_table="yes" if at_table else "no", issue_areas=issues,
                              generations_served=served, **extra))

    def person(self, id, name, org, born="", generation="", sector="", at_table=True, resident=True,
               formal=True, **extra):
        self.people.append(dict(id=id, name=name, organization=org, birth_year=str(born) if born else "",
                                generation=generation, sector=sector, at_table=yn(at_table),
                                resident=yn(resident), formal_leader=yn(formal), **extra))

    def tie(self, source, target, kind="information", strength=1, directed=False, confirmed=True, **extra):
        self.ties.append(dict(source=source, target=target, kind=kind, strength=str(strength),
                              directed=yn(directed), confirmed=yn(confirmed), **extra))

    def role(self, org, role, issue="", function="", outcome="", status="claimed", **extra):
        self.roles.append(dict(organization=org, role=role, issue_area=issue, function=function,
                               outcome=outcome, status=status, **extra))

    def files(self):
        out = {"community.json": json.dumps(self.profile, indent=2) + "\n"}
        for file, rows, columns in (("organizations.csv", self.orgs, ORG_COLUMNS),
                                    ("people.csv", self.people, PERSON_COLUMNS),
                                    ("ties.csv", self.ties, TIE_COLUMNS),
                                    ("roles.csv", self.roles, ROLE_COLUMNS)):
            extra = []
            for row in rows:
                extra += [k for k in row if k not in columns and k not in extra]
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(columns + extra)
            for row in rows:
                writer.writerow([row.get(c, "") for c in columns + extra])
            out[file] = text.getvalue()
        return out


def yn(b):
    return "yes" if b else "no"


def profile(name, geography, population, generations, issue_areas, **more):
    p = {"name": name, "geography": geography, "population": population, "year": 2026,
         "sectors": {"required": REQUIRED, "optional": OPTIONAL},
         "generations": generations, "issue_areas": issue_areas,
         "backbone_functions": ["leadership", "data", "facilitation", "mobilization", "investment"],
         "thresholds": {"min_per_required_sector": 1, "generation_ratio_floor": 0.5}}
    p.update(more)
    return p


EDUCATION = {"id": "education", "name": "Cradle to career education",
             "outcomes": ["kindergarten_readiness", "early_grade_reading", "middle_grade_math",
                          "hs_graduation", "postsecondary_completion"]}


# --------------------------------------------------------------------------- riverbend
def riverbend():
    b = Bundle("riverbend", profile(
        "Riverbend County", "small rural", 7500,
        {"gen_alpha": 900, "gen_z": 1400, "millennials": 1500, "gen_x": 1400, "boomers": 1700,
         "silent": 600},
        [{"id": "education", "name": "Cradle to career education",
          "outcomes": ["kindergarten_readiness", "early_grade_reading", "hs_graduation"]},
         {"id": "health", "name": "Health status", "outcomes": ["healthy_births", "behavioral_health"]}]))
    o = b.org
    o("rb-clinic", "Riverbend Family Health Clinic", "health", "nonprofit", True, "health;education",
      website="riverbendclinic.example.org", notes="only clinic within 40 miles")
    o("rb-public-health", "Riverbend County Public Health", "health", "public_agency", True, "health")
    o("rb-dental", "Pine Ridge Dental", "health", "business", False, "health")
    o("rb-elementary", "Riverbend Elementary School", "education", "school", True, "education", "gen_alpha")
    o("rb-high", "Riverbend Junior-Senior High School", "education", "school", True, "education",
      "gen_z;gen_alpha", website="rjshs.example.org")
    o("rb-library", "Riverbend Public Library", "education", "public_agency", True, "education",
      "gen_alpha;gen_z;millennials", notes="runs the summer reading program")
    o("rb-head-start", "Riverbend Head Start", "education", "nonprofit", False, "education", "gen_alpha")
    o("rb-bank", "Riverbend Savings Bank", "business", "business", False)
    o("rb-feed", "Hanson Feed and Seed", "business", "business", False,
      notes="largest private employer in town")
    o("rb-coop", "Riverbend Electric Cooperative", "business", "business", False)
    o("rb-commission", "Riverbend County Commission", "government", "public_agency", True,
      "health;education")
    o("rb-town", "Town of Riverbend", "government", "public_agency", False)
    o("rb-pantry", "Riverbend Food Pantry", "social_services", "nonprofit", True, "health",
      secondary="faith")
    o("rb-frc", "Riverbend Family Resource Center", "social_services", "nonprofit", True,
      "education;health", "gen_alpha;millennials")
    o("rb-senior", "Riverbend Senior Center", "social_services", "nonprofit", True, "health",
      "silent;boomers")
    o("rb-mentoring", "Riverbend Youth Mentoring", "social_services", "nonprofit", False, "education",
      "gen_z")
    o("rb-sheriff", "Riverbend County Sheriff's Office", "safety", "public_agency", False,
      notes="asked to join in 2024; no reply yet")
    o("rb-fire", "Riverbend Volunteer Fire Department", "safety", "public_agency", False)
    o("rb-foundation", "Riverbend Community Foundation", "philanthropy", "foundation", True,
      "education;health", website="riverbendgives.example.org")
    o("rb-lutheran", "First Lutheran Church of Riverbend", "faith", "faith", True)
    o("rb-parish", "St. Brigid's Parish", "faith", "faith", False)
    o("rb-parents", "Riverbend Parents Council", "residents", "resident_group", False, "education",
      "gen_alpha;gen_z")
    o("rb-courier", "The Riverbend Courier", "media", "business", False)
    o("rb-historical", "Riverbend Historical Society", "arts_culture", "nonprofit", False)

    p = b.person  # a table of boomers: no one at the table is under 45
    p("rb-p01", "Margaret Ellison", "rb-clinic", 1957)
    p("rb-p02", "Dale Pruitt", "rb-public-health", 1961)
    p("rb-p03", "Carol Whitlock", "rb-elementary", 1962)
    p("rb-p04", "Gary Lindqvist", "rb-high", 1955)
    p("rb-p05", "Joan Haskins", "rb-library", 1949)
    p("rb-p06", "Ronald Fenwick", "rb-commission", 1950)
    p("rb-p07", "Betty Kincaid", "rb-pantry", 1942, formal=False)
    p("rb-p08", "Linda Garrity", "rb-frc", 1964)
    p("rb-p09", "Walter Underwood", "rb-senior", 1947)
    p("rb-p10", "Susan Rasmussen", "rb-foundation", 1959)
    p("rb-p11", "Dennis Norwood", "rb-lutheran", 1953)
    p("rb-p12", "Kathy Abernathy", "rb-frc", 1972)
    p("rb-p13", "Tom Jessup", "rb-commission", 1968)
    p("rb-p14", "Emily Sandoval", "rb-high", 2000, at_table=False)
    p("rb-p15", "Jordan Okafor", "rb-clinic", 1991, at_table=False, resident=False)
    p("rb-p16", "Kayla Delgado", "", generation="gen_z", sector="residents", at_table=False, formal=False)
    p("rb-p17", "Mike Langford", "rb-sheriff", 1970, at_table=False)
    p("rb-p18", "Curtis Hanson", "rb-feed", 1966, at_table=False)

    t = b.tie
    t("rb-clinic", "rb-public-health", "referral", 3, since="2015")
    t("rb-clinic", "rb-public-health", "data_sharing", 2)
    t("rb-clinic", "rb-frc", "referral", 2, since="2019")
    t("rb-clinic", "rb-senior", "joint_programming", 2)
    t("rb-clinic", "rb-elementary", "information", 1)
    t("rb-clinic", "rb-dental", "referral", 1)
    t("rb-public-health", "rb-commission", "formal_agreement", 2)
    t("rb-public-health", "rb-head-start", "joint_programming", 2)
    t("rb-elementary", "rb-high", "joint_programming", 3, since="2010")
    t("rb-elementary", "rb-library", "joint_programming", 2)
    t("rb-elementary", "rb-head-start", "referral", 2)
    t("rb-elementary", "rb-frc", "referral", 2)
    t("rb-high", "rb-library", "information", 1)
    t("rb-high", "rb-mentoring", "joint_programming", 2)
    t("rb-library", "rb-frc", "information", 2)
    t("rb-library", "rb-parents", "information", 1, confirmed=False)
    t("rb-commission", "rb-town", "formal_agreement", 3)
    t("rb-commission", "rb-sheriff", "formal_agreement", 3)
    t("rb-commission", "rb-foundation", "information", 1)
    t("rb-pantry", "rb-frc", "referral", 3)
    t("rb-pantry", "rb-lutheran", "resources", 2)
    t("rb-pantry", "rb-parish", "resources", 2)
    t("rb-pantry", "rb-senior", "joint_programming", 2)
    t("rb-frc", "rb-senior", "information", 1)
    t("rb-frc", "rb-mentoring", "referral", 1)
    t("rb-frc", "rb-sheriff", "referral", 1, confirmed=False)
    t("rb-foundation", "rb-pantry", "resources", 3, directed=True)
    t("rb-foundation", "rb-frc", "resources", 3, directed=True)
    t("rb-foundation", "rb-library", "resources", 2, directed=True)
    t("rb-foundation", "rb-clinic", "resources", 2, directed=True)
    t("rb-bank", "rb-foundation", "information", 1)
    t("rb-feed", "rb-pantry", "resources", 1, directed=True)
    t("rb-coop", "rb-town", "information", 1)
    t("rb-lutheran", "rb-senior", "information", 1)
    t("rb-lutheran", "rb-parish", "information", 1)
    t("rb-courier", "rb-commission", "information", 1)
    t("rb-historical", "rb-library", "joint_programming", 1)
    t("rb-fire", "rb-sheriff", "joint_programming", 3)

    r = b.role
    r("rb-foundation", "anchor", status="agreed")
    r("rb-frc", "backbone", "education", "", status="claimed")
    r("rb-library", "convener", "education", outcome="early_grade_reading", status="agreed")
    r("rb-public-health", "convener", "health", outcome="healthy_births", status="claimed")
    r("rb-foundation", "investor", "education", status="agreed")
    r("rb-clinic", "practitioner", "health", status="agreed")
    r("rb-elementary", "practitioner", "education", status="agreed")
    r("rb-public-health", "data_partner", "health", status="claimed")
    return b


# --------------------------------------------------------------------------- shared backbone
def shared_backbone():
    b = Bundle("shared-backbone", profile(
        "Cedar Valley Cradle to Career Partnership", "small urban", 86000,
        {"gen_alpha": 11500, "gen_z": 17200, "millennials": 19300, "gen_x": 16400, "boomers": 16000,
         "silent": 5600},
        [EDUCATION, {"id": "economic_mobility", "name": "Family economic mobility",
                     "outcomes": ["family_income", "employment"]}]))
    o = b.org
    o("cv-foundation", "Cedar Valley Community Foundation", "philanthropy", "foundation", True,
      "education;economic_mobility")
    o("cv-college", "Cedar Valley Community College", "education", "school", True,
      "education;economic_mobility", "gen_z;millennials")
    o("cv-united", "Cedar Valley United Fund", "social_services", "nonprofit", True,
      "education;economic_mobility", secondary="philanthropy")
    o("cv-neighbors", "Eastside Neighbors Alliance", "residents", "resident_group", True, "education",
      "gen_alpha;gen_z;millennials")
    o("cv-chamber", "Cedar Valley Chamber of Commerce", "business", "nonprofit", True, "economic_mobility")
    o("cv-schools", "Cedar Valley School District", "education", "public_agency", True, "education",
      "gen_alpha;gen_z")
    o("cv-early", "Cedar Valley Early Learning Network", "education", "nonprofit", True, "education",
      "gen_alpha")
    o("cv-library", "Cedar Valley Public Library", "education", "public_agency", True, "education",
      "gen_alpha;gen_z")
    o("cv-youth", "Cedar Valley Youth Clubs", "social_services", "nonprofit", True, "education", "gen_z")
    o("cv-clinic", "Cedar Valley Community Health Center", "health", "nonprofit", True,
      "education;economic_mobility")
    o("cv-hospital", "Cedar Valley Regional Medical Center", "health", "business", True, "economic_mobility")
    o("cv-city", "City of Cedar Valley", "government", "public_agency", True, "economic_mobility")
    o("cv-workforce", "Cedar Valley Workforce Board", "government", "public_agency", True,
      "economic_mobility", "gen_z;millennials")
    o("cv-police", "Cedar Valley Police Department", "safety", "public_agency", True, "education",
      notes="school resource officers program")
    o("cv-bank", "Prairie Plains Credit Union", "business", "business", True, "economic_mobility")
    o("cv-manufacturing", "Cedar Valley Tool and Die", "business", "business", False, "economic_mobility")
    o("cv-church", "Greater Hope Baptist Church", "faith", "faith", True, "education")
    o("cv-mosque", "Cedar Valley Islamic Center", "faith", "faith", False, "education")
    o("cv-housing", "Cedar Valley Housing Authority", "housing", "public_agency", True, "economic_mobility")
    o("cv-radio", "KCVR Community Radio", "media", "nonprofit", False)
    o("cv-arts", "Cedar Valley Arts Council", "arts_culture", "nonprofit", False, "education", "gen_z")
    o("cv-youth-council", "Cedar Valley Youth Council", "residents", "resident_group", True, "education",
      "gen_z")
    o("cv-familyrc", "Westside Family Resource Center", "social_services", "nonprofit", True,
      "education;economic_mobility")
    o("cv-parents", "Cedar Valley Parent Leaders", "residents", "informal", False, "education")

    p = b.person  # every adult generation sits at this table
    p("cv-p01", "Rosa Delgado", "cv-foundation", 1971)
    p("cv-p02", "Marcus Okafor", "cv-college", 1983)
    p("cv-p03", "Helen Brennan", "cv-united", 1962)
    p("cv-p04", "Imani Holloway", "cv-neighbors", 1994, formal=False)
    p("cv-p05", "Victor Sandoval", "cv-chamber", 1968)
    p("cv-p06", "Grace Nakamura", "cv-schools", 1975)
    p("cv-p07", "Leah Ibarra", "cv-early", 1988)
    p("cv-p08", "Samuel Whitlock", "cv-library", 1958)
    p("cv-p09", "Andre Chandler", "cv-youth", 1990)
    p("cv-p10", "Priya Montoya", "cv-clinic", 1979)
    p("cv-p11", "Robert Fairbanks", "cv-hospital", 1960)
    p("cv-p12", "Ruth Eastman", "cv-city", 1955)
    p("cv-p13", "Luis Quintero", "cv-workforce", 1986)
    p("cv-p14", "Darnell Pruitt", "cv-police", 1973)
    p("cv-p15", "Hannah Kowalski", "cv-bank", 1981)
    p("cv-p16", "Joseph Beaulieu", "cv-church", 1949)
    p("cv-p17", "Nadia Valdez", "cv-housing", 1977)
    p("cv-p18", "Kai Yazzie", "cv-youth-council", 2006, formal=False)
    p("cv-p19", "Sofia Langford", "cv-youth-council", 2004, formal=False)
    p("cv-p20", "Omar Mercado", "cv-familyrc", 1992)
    p("cv-p21", "Esther Norwood", "", 1943, sector="residents", formal=False)
    p("cv-p22", "Mateo Jaramillo", "", generation="gen_z", sector="residents", formal=False)
    p("cv-p23", "Alice Fenwick", "cv-foundation", 1985, notes="partnership director; backbone staff")
    p("cv-p24", "Tyrone Haskins", "cv-college", 1969, at_table=False, notes="runs the data dashboard")

    t = b.tie
    holders = ["cv-foundation", "cv-college", "cv-united", "cv-neighbors", "cv-chamber"]
    kinds = ["formal_agreement", "data_sharing", "joint_programming"]
    for i, a in enumerate(holders):  # the function holders work together every day
        for j in range(i + 1, len(holders)):
            t(a, holders[j], "formal_agreement", 3)
            t(a, holders[j], kinds[(i + j) % 3] if kinds[(i + j) % 3] != "formal_agreement" else "information", 3)
    t("cv-college", "cv-schools", "data_sharing", 3)
    t("cv-college", "cv-workforce", "joint_programming", 2)
    t("cv-college", "cv-early", "data_sharing", 2)
    t("cv-foundation", "cv-early", "resources", 3, directed=True)
    t("cv-foundation", "cv-library", "resources", 2, directed=True)
    t("cv-foundation", "cv-youth", "resources", 2, directed=True)
    t("cv-foundation", "cv-familyrc", "resources", 2, directed=True)
    t("cv-united", "cv-familyrc", "resources", 3, directed=True)
    t("cv-united", "cv-youth", "joint_programming", 2)
    t("cv-united", "cv-clinic", "referral", 2)
    t("cv-united", "cv-church", "information", 1)
    t("cv-neighbors", "cv-youth-council", "joint_programming", 3)
    t("cv-neighbors", "cv-parents", "information", 2)
    t("cv-neighbors", "cv-church", "joint_programming", 2)
    t("cv-neighbors", "cv-police", "information", 1)
    t("cv-chamber", "cv-bank", "information", 2)
    t("cv-chamber", "cv-manufacturing", "information", 2)
    t("cv-chamber", "cv-workforce", "formal_agreement", 2)
    t("cv-chamber", "cv-hospital", "information", 1)
    t("cv-schools", "cv-early", "referral", 3)
    t("cv-schools", "cv-library", "joint_programming", 2)
    t("cv-schools", "cv-youth", "joint_programming", 2)
    t("cv-schools", "cv-police", "formal_agreement", 2)
    t("cv-schools", "cv-clinic", "referral", 2)
    t("cv-early", "cv-familyrc", "referral", 2)
    t("cv-library", "cv-arts", "joint_programming", 1)
    t("cv-clinic", "cv-hospital", "referral", 3)
    t("cv-city", "cv-housing", "formal_agreement", 3)
    t("cv-city", "cv-police", "formal_agreement", 3)
    t("cv-city", "cv-foundation", "information", 2)
    t("cv-city", "cv-workforce", "information", 2)
    t("cv-housing", "cv-familyrc", "referral", 2)
    t("cv-bank", "cv-foundation", "resources", 2, directed=True)
    t("cv-mosque", "cv-familyrc", "referral", 1, confirmed=False)
    t("cv-radio", "cv-neighbors", "information", 1)
    t("cv-youth-council", "cv-youth", "information", 2)

    r = b.role
    agreed = dict(status="agreed", notes="named in the 2025 partnership agreement")
    r("cv-foundation", "anchor", **agreed)
    r("cv-foundation", "backbone", "education", "leadership", **agreed)
    r("cv-college", "backbone", "education", "data", **agreed)
    r("cv-united", "backbone", "education", "facilitation", **agreed)
    r("cv-neighbors", "backbone", "education", "mobilization", **agreed)
    r("cv-chamber", "backbone", "education", "investment", **agreed)
    r("cv-workforce", "backbone", "economic_mobility", "leadership", status="agreed")
    r("cv-college", "backbone", "economic_mobility", "data", status="agreed")
    r("cv-united", "backbone", "economic_mobility", "facilitation", status="agreed")
    r("cv-familyrc", "backbone", "economic_mobility", "mobilization", status="agreed")
    r("cv-early", "convener", "education", outcome="kindergarten_readiness", status="agreed")
    r("cv-library", "convener", "education", outcome="early_grade_reading", status="agreed")
    r("cv-schools", "convener", "education", outcome="middle_grade_math", status="agreed")
    r("cv-youth", "convener", "education", outcome="hs_graduation", status="agreed")
    r("cv-college", "convener", "education", outcome="postsecondary_completion", status="agreed")
    r("cv-workforce", "convener", "economic_mobility", outcome="employment", status="agreed")
    r("cv-foundation", "investor", "education", status="agreed")
    r("cv-bank", "investor", "economic_mobility", status="agreed")
    r("cv-schools", "data_partner", "education", status="agreed")
    for org in ("cv-schools", "cv-early", "cv-youth", "cv-clinic", "cv-familyrc", "cv-housing"):
        r(org, "practitioner", "education" if org != "cv-housing" else "economic_mobility", status="agreed")
    return b


# --------------------------------------------------------------------------- silos
def silos():
    b = Bundle("silos", profile(
        "Millbrook Township Nonprofit Network", "suburban", 58000,
        {"gen_alpha": 7400, "gen_z": 11000, "millennials": 12500, "gen_x": 11800, "boomers": 11600,
         "silent": 3700},
        [EDUCATION, {"id": "health", "name": "Health status",
                     "outcomes": ["child_wellness", "behavioral_health"]},
         {"id": "basic_needs", "name": "Basic needs", "outcomes": ["food_security", "housing_stability"]}]))
    clusters = {
        "health": ("health roundtable", "health", [
            ("mb-hospital", "Millbrook General Hospital", "business"),
            ("mb-clinic", "Millbrook Community Health Center", "nonprofit"),
            ("mb-health-dept", "Millbrook Township Health Department", "public_agency"),
            ("mb-behavioral", "Millbrook Behavioral Health Services", "nonprofit"),
            ("mb-pediatrics", "North Millbrook Pediatric Associates", "business"),
            ("mb-hospice", "Millbrook Hospice and Home Care", "nonprofit")]),
        "education": ("school leaders group", "education", [
            ("mb-district", "Millbrook Township School District", "public_agency"),
            ("mb-elementary", "Brookside Elementary School", "school"),
            ("mb-middle", "Millbrook Middle School", "school"),
            ("mb-high", "Millbrook High School", "school"),
            ("mb-preschool", "Little Acorns Early Learning Center", "nonprofit"),
            ("mb-library", "Millbrook Township Library", "public_agency"),
            ("mb-tutoring", "Millbrook Youth Tutoring Project", "nonprofit")]),
        "social_services": ("service providers council", "basic_needs", [
            ("mb-pantry", "Millbrook Food Pantry", "nonprofit"),
            ("mb-shelter", "Millbrook Family Shelter", "nonprofit"),
            ("mb-legal", "Millbrook Legal Aid", "nonprofit"),
            ("mb-seniors", "Millbrook Senior Center", "nonprofit"),
            ("mb-dhs", "Millbrook Township Human Services", "public_agency"),
            ("mb-clubs", "Millbrook Boys and Girls Club", "nonprofit"),
            ("mb-refugee", "Millbrook Refugee Services", "nonprofit"),
            ("mb-dv", "Safe Harbor Domestic Violence Shelter", "nonprofit")]),
        "faith": ("interfaith ministerial alliance", "basic_needs", [
            ("mb-baptist", "First Baptist Church of Millbrook", "faith"),
            ("mb-methodist", "Millbrook United Methodist Church", "faith"),
            ("mb-parish", "St. Anne's Parish", "faith"),
            ("mb-temple", "Temple Beth Shalom of Millbrook", "faith"),
            ("mb-islamic", "Millbrook Islamic Center", "faith"),
            ("mb-ame", "Bethel AME Church", "faith")]),
        "business": ("chamber breakfast", "", [
            ("mb-chamber", "Millbrook Chamber of Commerce", "nonprofit"),
            ("mb-bank", "Millbrook Savings Bank", "business"),
            ("mb-grocery", "Thornton Family Grocery", "business"),
            ("mb-plant", "Millbrook Packaging Company", "business")]),
        "government": ("", "", [
            ("mb-township", "Millbrook Township Board", "public_agency"),
            ("mb-parks", "Millbrook Parks and Recreation Department", "public_agency")]),
        "safety": ("", "", [
            ("mb-police", "Millbrook Police Department", "public_agency"),
            ("mb-fire", "Millbrook Fire and Rescue", "public_agency")]),
    }
    # Each sector meets on its own; one member of each group sits on the network's steering table.
    steering = {"mb-clinic", "mb-district", "mb-pantry", "mb-baptist", "mb-chamber", "mb-township"}
    for sector, (group, issue, members) in clusters.items():
        for id, name, type in members:
            served = "gen_alpha;gen_z" if sector == "education" else ""
            b.org(id, name, sector, type, id in steering, issue, served, meeting_group=group)
    strength_cycle = [3, 2, 2, 1]
    kind_cycle = ["referral", "information", "joint_programming", "information", "resources", "referral"]
    k = 0
    for sector, (group, issue, members) in clusters.items():
        ids = [m[0] for m in members]
        for i in range(len(ids)):  # nearly every pair inside a sector group knows each other
            for j in range(i + 1, len(ids)):
                if (i + 2 * j) % 7 == 6:
                    continue
                b.tie(ids[i], ids[j], kind_cycle[k % 6], strength_cycle[k % 4])
                k += 1
    # Almost nothing crosses a sector line.
    b.tie("mb-clinic", "mb-district", "information", 1, confirmed=False)
    b.tie("mb-pantry", "mb-baptist", "resources", 1)
    b.tie("mb-dhs", "mb-police", "referral", 1)
    b.tie("mb-township", "mb-chamber", "information", 1)
    b.tie("mb-clubs", "mb-middle", "information", 1)

    p = b.person
    people = [("mb-clinic", "Elena Garrity", 1969), ("mb-district", "James Holloway", 1964),
              ("mb-pantry", "Maria Castillo", 1975), ("mb-baptist", "Walter Dawson", 1952),
              ("mb-chamber", "Victor Ellison", 1980), ("mb-township", "Joan Pennington", 1958),
              ("mb-hospital", "Henry Thibodeaux", 1966), ("mb-high", "Aisha Okafor", 1985),
              ("mb-shelter", "Lucia Ortega", 1990), ("mb-police", "Daniel Kincaid", 1977)]
    for n, (org, name, born) in enumerate(people, start=1):
        p("mb-p%02d" % n, name, org, born, at_table=org in steering)
    p("mb-p11", "Grace Underwood", "", 1998, sector="residents", at_table=False, formal=False)

    for org in ("mb-clinic", "mb-behavioral", "mb-elementary", "mb-tutoring", "mb-pantry", "mb-shelter"):
        issue = {"mb-clinic": "health", "mb-behavioral": "health", "mb-pantry": "basic_needs",
                 "mb-shelter": "basic_needs"}.get(org, "education")
        b.role(org, "practitioner", issue, status="claimed")
    return b


# --------------------------------------------------------------------------- metro region
NEIGHBORHOODS = ["North End", "Eastport", "Riverside", "Southgate", "Old Mill", "Westlake", "Bayside",
                 "Cedar Heights", "Union Square", "Parkview", "Lincoln Flats", "Harbor East",
                 "Fairmount", "Greenfield", "Iron Hill", "Kingsbury"]
METRO_KINDS = {  # sector: (count, [(type, name pattern)])
    "health": (22, [("nonprofit", "{n} Community Health Center"), ("business", "{n} Medical Group"),
                    ("nonprofit", "{n} Behavioral Health Services"), ("business", "{n} Family Pharmacy"),
                    ("public_agency", "{n} Public Health District Office")]),
    "education": (34, [("school", "{n} Elementary School"), ("school", "{n} Middle School"),
                       ("school", "{n} High School"), ("nonprofit", "{n} Early Learning Center"),
                       ("nonprofit", "{n} Reading Partners"), ("school", "{n} Charter Academy")]),
    "business": (18, [("business", "{n} Savings Bank"), ("business", "{n} Logistics"),
                      ("nonprofit", "{n} Business Association"), ("business", "{n} Grocery Market")]),
    "government": (10, [("public_agency", "{n} District Council Office"),
                        ("public_agency", "{n} Parks and Recreation Office")]),
    "social_services": (30, [("nonprofit", "{n} Family Resource Center"), ("nonprofit", "{n} Food Pantry"),
                             ("nonprofit", "{n} Boys and Girls Club"), ("nonprofit", "{n} Senior Center"),
                             ("nonprofit", "{n} Youth Mentoring Network")]),
    "safety": (6, [("public_agency", "{n} Police Precinct"), ("nonprofit", "{n} Violence Prevention Project")]),
    "philanthropy": (6, [("foundation", "{n} Family Foundation"), ("foundation", "{n} Giving Circle")]),
    "faith": (14, [("faith", "{n} Baptist Church"), ("faith", "{n} Parish"), ("faith", "{n} Islamic Center"),
                   ("faith", "{n} Methodist Church")]),
    "residents": (9, [("resident_group", "{n} Neighborhood Association"), ("informal", "{n} Parents Circle")]),
    "media": (3, [("business", "{n} Weekly"), ("nonprofit", "{n} Community Radio")]),
    "housing": (7, [("nonprofit", "{n} Housing Trust"), ("nonprofit", "{n} Tenants Union")]),
    "arts_culture": (5, [("nonprofit", "{n} Arts Collective"), ("nonprofit", "{n} Community Theater")]),
}
METRO_ISSUE = {"health": "health", "education": "education", "business": "economic_mobility",
               "government": "economic_mobility", "social_services": "economic_mobility",
               "safety": "health", "philanthropy": "education", "faith": "economic_mobility",
               "residents": "education", "media": "education", "housing": "economic_mobility",
               "arts_culture": "education"}


def metro_region():
    rnd = random.Random(2026)  # only rnd.random() is used: its sequence is fixed across Python versions

    def below(n):
        return int(rnd.random() * n)

    b = Bundle("metro-region", profile(
        "Harborview Metro Region", "large urban", 1250000,
        {"gen_alpha": 175000, "gen_z": 262500, "millennials": 287500, "gen_x": 237500, "boomers": 225000,
         "silent": 62500},
        [EDUCATION, {"id": "health", "name": "Health status",
                     "outcomes": ["healthy_births", "child_wellness", "behavioral_health"]},
         {"id": "economic_mobility", "name": "Economic mobility", "outcomes": ["family_income", "employment"]}]))
    # The five organizations that each say they are the region's education backbone.
    claimants = [
        ("hv-ed-compact", "Harborview Education Compact", "education", "nonprofit", "harborviewcompact.example.org"),
        ("hv-united-fund", "United Fund of Harborview Metro", "philanthropy", "nonprofit", "unitedfundhv.example.org"),
        ("hv-schools-fdn", "Harborview Public Schools Foundation", "philanthropy", "foundation", ""),
        ("hv-c2c-alliance", "Metro Cradle to Career Alliance", "social_services", "nonprofit", "metroc2c.example.org"),
        ("hv-college", "Harborview Community College", "education", "school", "hvcc.example.edu"),
    ]
    orgs = []  # (id, sector, type)
    for id, name, sector, type, site in claimants:
        b.org(id, name, sector, type, True, "education", "gen_alpha;gen_z", neighborhood="regionwide", website=site)
        orgs.append((id, sector, type))
    anchors = [("hv-district", "Harborview Unified School District", "education", "public_agency"),
               ("hv-mayor", "Harborview Mayor's Office", "government", "public_agency"),
               ("hv-county-health", "Harbor County Health Department", "health", "public_agency"),
               ("hv-hospital", "Harborview Regional Medical Center", "health", "business"),
               ("hv-chamber", "Greater Harborview Chamber of Commerce", "business", "nonprofit"),
               ("hv-community-fdn", "Harborview Community Foundation", "philanthropy", "foundation"),
               ("hv-police", "Harborview Police Department", "safety", "public_agency"),
               ("hv-housing", "Harborview Housing Authority", "housing", "public_agency")]
    for id, name, sector, type in anchors:
        b.org(id, name, sector, type, True, METRO_ISSUE[sector], neighborhood="regionwide", website="")
        orgs.append((id, sector, type))
    used = set()
    serial = 0
    for sector, (count, kinds) in METRO_KINDS.items():
        for _ in range(count):
            while True:
                type, pattern = kinds[below(len(kinds))]
                hood = NEIGHBORHOODS[below(len(NEIGHBORHOODS))]
                name = pattern.format(n=hood)
                if name not in used:
                    break
            used.add(name)
            serial += 1
            id = "hv-%s-%03d" % (sector.replace("_", "")[:4], serial)
            at_table = rnd.random() < (0.30 if sector in ("education", "health", "social_services") else 0.15)
            served = "gen_alpha;gen_z" if sector == "education" else ""
            b.org(id, name, sector, type, at_table, METRO_ISSUE[sector], served, neighborhood=hood, website="")
            orgs.append((id, sector, type))

    # Ties: about four per organization, 70% within a sector; the big institutions are hubs.
    index = {o[0]: i for i, o in enumerate(orgs)}
    weight = [8.0 if i < len(claimants) + len(anchors) else 1.0 + 3.0 * rnd.random() ** 4 for i in range(len(orgs))]
    by_sector = {}
    for i, (id, sector, type) in enumerate(orgs):
        by_sector.setdefault(sector, []).append(i)

    def draw(candidates):
        total = sum(weight[i] for i in candidates)
        x = rnd.random() * total
        for i in candidates:
            x -= weight[i]
            if x < 0:
                return i
        return candidates[-1]

    seen = set()
    everyone = list(range(len(orgs)))
    kinds = ["information", "information", "referral", "joint_programming", "resources", "data_sharing",
             "formal_agreement"]
    claimant_ids = {c[0] for c in claimants}
    while len(b.ties) < 4 * len(orgs):
        a = draw(everyone)
        sector = orgs[a][1]
        if rnd.random() < 0.7:
            c = draw(by_sector[sector])
        else:
            c = draw([i for i in everyone if orgs[i][1] != sector])
        pair = (min(a, c), max(a, c))
        if a == c or pair in seen:
            continue
        # The five claimants barely work with one another: that is the story.
        if orgs[a][0] in claimant_ids and orgs[c][0] in claimant_ids:
            continue
        seen.add(pair)
        kind = kinds[below(len(kinds))]
        source, target = orgs[a][0], orgs[c][0]
        directed = False
        if kind == "resources" and orgs[c][2] == "foundation":
            source, target, directed = target, source, True
        elif kind == "resources" and orgs[a][2] != "foundation":
            kind = "referral"
        elif kind == "resources":
            directed = True
        b.tie(source, target, kind, 1 + below(3) if orgs[a][1] == orgs[c][1] else 1 + below(2), directed,
              rnd.random() < 0.8)
    # Between the claimants, only occasional information ties.
    b.tie("hv-ed-compact", "hv-c2c-alliance", "information", 1, confirmed=False)
    b.tie("hv-united-fund", "hv-schools-fdn", "information", 1)

    # People: one or two per organization at the table, some staff, a few resident voices.
    given = ["Maria", "James", "Aisha", "Daniel", "Mei", "Robert", "Lucia", "Kwame", "Sarah", "Tomas", "Priya",
             "Marcus", "Elena", "Samuel", "Fatima", "Joseph", "Hannah", "Luis", "Grace", "Andre", "Nadia",
             "Carlos", "Ruth", "Darnell", "Sofia", "Henry", "Leah", "Omar", "Rosa", "Walter"]
    family = ["Alvarez", "Brennan", "Castillo", "Dawson", "Ellison", "Fairbanks", "Garrity", "Holloway",
              "Ibarra", "Jessup", "Kowalski", "Lindqvist", "Montoya", "Nakamura", "Okafor", "Pruitt",
              "Quintero", "Rasmussen", "Sandoval", "Thibodeaux", "Underwood", "Valdez", "Whitlock", "Yazzie"]
    decades = [1950, 1958, 1965, 1970, 1975, 1980, 1985, 1990, 1995, 2000]
    n = 0
    for row in b.orgs:
        seats = (1 + (rnd.random() < 0.3)) if row["at_table"] == "yes" else (rnd.random() < 0.2)
        for s in range(int(seats)):
            n += 1
            born = decades[below(len(decades))] + below(5)
            b.person("hv-p%03d" % n, given[below(len(given))] + " " + family[below(len(family))], row["id"], born,
                     at_table=row["at_table"] == "yes", resident=rnd.random() < 0.8, formal=rnd.random() < 0.85)
    for k in range(6):
        n += 1
        b.person("hv-p%03d" % n, given[below(len(given))] + " " + family[below(len(family))], "",
                 1990 + below(16), sector="residents", formal=False)

    r = b.role
    for id, *_ in claimants:
        r(id, "backbone", "education", "", status="claimed")
    r("hv-united-fund", "anchor", status="claimed")
    r("hv-ed-compact", "backbone", "education", "data", status="claimed")
    r("hv-college", "backbone", "education", "data", status="claimed")
    r("hv-county-health", "backbone", "health", "", status="agreed")
    r("hv-district", "convener", "education", outcome="early_grade_reading", status="claimed")
    r("hv-ed-compact", "convener", "education", outcome="early_grade_reading", status="claimed")
    r("hv-c2c-alliance", "convener", "education", outcome="kindergarten_readiness", status="claimed")
    r("hv-college", "convener", "education", outcome="postsecondary_completion", status="agreed")
    r("hv-county-health", "convener", "health", outcome="healthy_births", status="agreed")
    r("hv-community-fdn", "investor", "education", status="agreed")
    r("hv-schools-fdn", "investor", "education", status="claimed")
    r("hv-district", "data_partner", "education", status="agreed")
    for row in b.orgs:
        if row["at_table"] == "yes" and rnd.random() < 0.4:
            r(row["id"], "practitioner", row["issue_areas"].split(";")[0] or "education",
              status="agreed" if rnd.random() < 0.5 else "claimed")
    return b


def main():
    check = "--check" in sys.argv
    changed = []
    for bundle in (riverbend(), metro_region(), shared_backbone(), silos()):
        folder = os.path.join(DATASETS, bundle.name)
        os.makedirs(folder, exist_ok=True)
        for file, text in bundle.files().items():
            path = os.path.join(folder, file)
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old == text:
                continue
            changed.append(path)
            if not check:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
    for path in changed:
        print(("would change " if check else "wrote ") + os.path.relpath(path, DATASETS))
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
