#!/usr/bin/python3
"""The reference for bench_load: python3-igraph builds a graph from a bundle's
organizations.csv and ties.csv, with every organization column as a vertex
attribute and kind, strength, directed and confirmed as edge attributes.

    /usr/bin/python3 bench/igraph_load.py BUNDLE_FOLDER

Prints one line of JSON: seconds and cpu_seconds (from reading the files to
the finished graph, after `import igraph`), peak memory in MB (ru_maxrss),
vertex and edge counts.
"""
import csv
import json
import os
import resource
import sys
import time

import igraph


def yes(cell):
    return cell.strip().lower() in ("yes", "true", "y", "1")


def main():
    folder = sys.argv[1]
    start = time.perf_counter()
    cpu_start = time.process_time()

    with open(os.path.join(folder, "organizations.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        columns = [[] for _ in header]
        for row in reader:
            if not row:
                continue
            for i, cell in enumerate(row):
                columns[i].append(cell)
    vertex_attrs = dict(zip(header, columns))
    ids = vertex_attrs["id"]
    if "at_table" in vertex_attrs:
        vertex_attrs["at_table"] = [yes(c) for c in vertex_attrs["at_table"]]
    for multi in ("secondary_sectors", "issue_areas", "generations_served"):
        if multi in vertex_attrs:
            vertex_attrs[multi] = [c.split(";") if c else [] for c in vertex_attrs[multi]]
    index = {id: i for i, id in enumerate(ids)}

    edges, kind, strength, directed, confirmed = [], [], [], [], []
    with open(os.path.join(folder, "ties.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader)]
        col = {name: i for i, name in enumerate(header)}
        s, t = col["source"], col["target"]
        k, st, d, c = col.get("kind"), col.get("strength"), col.get("directed"), col.get("confirmed")
        for row in reader:
            if not row:
                continue
            edges.append((index[row[s]], index[row[t]]))
            kind.append(row[k] if k is not None and row[k] else "information")
            strength.append(int(row[st]) if st is not None and row[st] else 1)
            directed.append(yes(row[d]) if d is not None else False)
            confirmed.append(yes(row[c]) if c is not None and row[c] else True)

    graph = igraph.Graph(n=len(ids), edges=edges, directed=False, vertex_attrs=vertex_attrs,
                         edge_attrs={"kind": kind, "strength": strength, "directed": directed,
                                     "confirmed": confirmed})
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb, "vertices": graph.vcount(),
                      "edges": graph.ecount()}))


if __name__ == "__main__":
    main()
