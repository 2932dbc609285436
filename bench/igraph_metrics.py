#!/usr/bin/python3
"""Times python3-igraph on the edge list bench_metrics wrote, for the same measures.

Usage: igraph_metrics.py EDGES N MEASURE...   (EDGES: one "a b" per line, 0-based)
Prints one line per measure: "<measure> <seconds>" and, for louvain, "louvain_modularity <Q>".
"""
import sys
import time

import igraph


def main():
    path, n, measures = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    g = igraph.Graph.Read_Edgelist(path, directed=False)
    if g.vcount() < n:
        g.add_vertices(n - g.vcount())
    runs = {
        "components": lambda: g.connected_components(),
        "articulation": lambda: (g.articulation_points(), g.bridges()),
        "pagerank": lambda: g.pagerank(damping=0.85),
        "eigenvector": lambda: g.eigenvector_centrality(scale=False),
        "core": lambda: g.coreness(),
        "louvain": lambda: g.community_multilevel(),
        "betweenness": lambda: (g.betweenness(), g.closeness(), g.harmonic_centrality()),
        "constraint": lambda: g.constraint(),
    }
    for m in measures:
        start = time.perf_counter()
        result = runs[m]()
        seconds = time.perf_counter() - start
        print(f"{m} {seconds:.6f}", flush=True)
        if m == "louvain":
            print(f"louvain_modularity {result.modularity:.6f}", flush=True)


if __name__ == "__main__":
    main()
