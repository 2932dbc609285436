#!/usr/bin/python3
"""Times python3-igraph on the work at the heart of `tablemap roles`.

Usage: igraph_roles.py EDGES N MEMBERS
EDGES: one "a b" per line (0-based organization rows); MEMBERS: one line per
issue area with the rows of its organizations. For every issue area igraph
takes the subgraph of its organizations and the degree of each (how many of
the area's organizations each is tied to), which is what the backbone plan
ranks by. Prints "induced_degree <seconds>" and "max_degree <area> <value>".
"""
import sys
import time

import igraph


def main():
    edges, n, members_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    g = igraph.Graph.Read_Edgelist(edges, directed=False)
    if g.vcount() < n:
        g.add_vertices(n - g.vcount())
    with open(members_path) as f:
        areas = [[int(x) for x in line.split()] for line in f]
    start = time.perf_counter()
    maxima = []
    for members in areas:
        degrees = g.induced_subgraph(members).degree() if members else []
        maxima.append(max(degrees) if degrees else 0)
    seconds = time.perf_counter() - start
    print(f"induced_degree {seconds:.6f}", flush=True)
    for i, m in enumerate(maxima):
        print(f"max_degree_{i} {m}", flush=True)


if __name__ == "__main__":
    main()
