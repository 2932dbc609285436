#!/usr/bin/python3
"""The counting core of `tablemap gaps` in python3-igraph, for bench_gaps.

Usage: gaps_reference.py DIR
DIR holds the little-endian int32 arrays bench_gaps wrote: org_sector, org_at,
person_org (-1 = none), person_generation, person_sector, person_at, edge_a,
edge_b, edge_strength, and `sizes` ("SECTORS").
Computes what analyze_gaps computes in linear time: organizations at the
table, seats per sector, people at the table per generation, ties and tie
strength to the table for every organization, candidates per sector (organizations
and unaffiliated people outside the table). Prints
"seconds S" (the computation, after loading) and the figures to compare.
"""
import array
import os
import sys
import time

import igraph


def load(d, name):
    a = array.array("i")
    with open(os.path.join(d, name), "rb") as f:
        a.frombytes(f.read())
    return a


def main():
    d = sys.argv[1]
    sectors = int(open(os.path.join(d, "sizes")).read().split()[0])
    org_sector, org_at = load(d, "org_sector"), load(d, "org_at")
    person_org, person_gen = load(d, "person_org"), load(d, "person_generation")
    person_sector, person_at = load(d, "person_sector"), load(d, "person_at")
    ea, eb, es = load(d, "edge_a"), load(d, "edge_b"), load(d, "edge_strength")
    n = len(org_sector)
    # Both arcs of every relationship, so that out-strength is "ties to the table".
    g = igraph.Graph(n=n, edges=list(zip(ea, eb)) + list(zip(eb, ea)), directed=True)

    start = time.perf_counter()
    at = list(org_at)
    for o, t in zip(person_org, person_at):
        if t and o >= 0:
            at[o] = 1
    seats = [0] * sectors
    for s, t in zip(org_sector, at):
        if t:
            seats[s] += 1
    generations = [0] * 6
    for o, gen, s, t in zip(person_org, person_gen, person_sector, person_at):
        if t:
            generations[gen] += 1
            if o < 0:
                seats[s] += 1
    targets = [b for _, b in g.get_edgelist()]
    to_table = [at[b] for b in targets]
    ties = g.strength(mode="out", weights=to_table)
    strengths = list(es) + list(es)
    tie_strength = g.strength(mode="out", weights=[w * t for w, t in zip(strengths, to_table)])
    candidates = [0] * sectors
    for s, t in zip(org_sector, at):
        if not t:
            candidates[s] += 1
    for o, s, t in zip(person_org, person_sector, person_at):
        if not t and o < 0:
            candidates[s] += 1
    seconds = time.perf_counter() - start

    print("seconds", seconds)
    print("table_organizations", sum(at))
    print("seats", " ".join(map(str, seats)))
    print("generations", " ".join(map(str, generations)))
    print("ties_total", int(sum(ties)))
    print("strength_total", int(sum(tie_strength)))
    print("sector_candidates", " ".join(map(str, candidates)))


if __name__ == "__main__":
    main()
