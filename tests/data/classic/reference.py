#!/usr/bin/python3
# Prints the reference values written as literals into tests/analysis/test_*.cpp.
# Run: /usr/bin/python3 tests/data/classic/reference.py  (python3-igraph 0.10.2)
# Conventions mapped onto igraph's where they differ:
#  - closeness: igraph gives (r-1)/sum over the r reachable vertices; the
#    NetworkX / Wasserman-Faust value multiplies that by (r-1)/(n-1).
#  - harmonic: igraph harmonic_centrality(normalized=False) = sum of 1/d.
#  - eigenvector: igraph's vector rescaled to unit Euclidean norm.
#  - effective size: Borgatti's n - 2t/n for unweighted ties (igraph has none).
import math, os, sys
import igraph

HERE = os.path.dirname(os.path.abspath(__file__))

def read(name):
    names, edges = [], []
    idx = {}
    def v(t):
        if t not in idx:
            idx[t] = len(names); names.append(t)
        return idx[t]
    for line in open(os.path.join(HERE, name)):
        line = line.split('#')[0].split()
        if not line: continue
        if len(line) == 1: v(line[0]); continue
        edges.append((v(line[0]), v(line[1])))
    g = igraph.Graph(n=len(names), edges=edges)
    g.vs["name"] = names
    return g

def arr(label, xs, fmt="{:.10f}"):
    print(f"  // {label}")
    print("  {" + ", ".join(fmt.format(x) if not (isinstance(x, float) and math.isnan(x)) else "kNaN" for x in xs) + "},")

for fn in ["krackhardt_kite.txt", "florentine_families.txt", "zachary_karate.txt"]:
    g = read(fn)
    n = g.vcount()
    print(f"==== {fn}: n={n} m={g.ecount()} order: {' '.join(g.vs['name'])}")
    arr("degree", g.degree(), "{}")
    arr("betweenness (raw)", g.betweenness())
    clo = g.closeness()
    comps = g.connected_components().membership
    size = {c: comps.count(c) for c in comps}
    wf = []
    for v in range(n):
        r = size[comps[v]]
        wf.append(0.0 if r <= 1 or math.isnan(clo[v]) else clo[v] * (r - 1) / (n - 1))
    arr("closeness (Wasserman-Faust)", wf)
    arr("harmonic (sum 1/d)", g.harmonic_centrality(normalized=False))
    ev = g.eigenvector_centrality(scale=True)
    norm = math.sqrt(sum(x * x for x in ev))
    arr("eigenvector (unit norm)", [x / norm for x in ev])
    arr("pagerank", g.pagerank(damping=0.85))
    arr("core", g.coreness(), "{}")
    arr("constraint", g.constraint())
    eff = []
    for v in range(n):
        nb = set(g.neighbors(v))
        if not nb: eff.append(float('nan')); continue
        t = sum(1 for e in g.es if e.source in nb and e.target in nb)
        eff.append(len(nb) - 2.0 * t / len(nb))
    arr("effective size", eff)
    print("  articulation points:", sorted(g.articulation_points()))
    print("  bridges:", sorted(tuple(sorted(g.es[e].tuple)) for e in g.bridges()))
    degs = g.degree(); mx = max(degs)
    print("  degree centralization (Freeman):", "{:.10f}".format(sum(mx - d for d in degs) / ((n - 1) * (n - 2))))
    print("  density:", "{:.10f}".format(2 * g.ecount() / (n * (n - 1))))
    # A fixed partition and invented groups for modularity / E-I / assortativity.
    part = [v % 3 for v in range(n)]
    print("  modularity of membership v%3:", "{:.10f}".format(g.modularity(part)))
    print("  assortativity_nominal of groups v%3:", "{:.10f}".format(g.assortativity_nominal(part, directed=False)))
    best = max((g.community_multilevel(return_levels=False).modularity for _ in range(20)))
    print("  igraph multilevel best modularity of 20 runs:", "{:.10f}".format(best))
