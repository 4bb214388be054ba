import sys, os
sys.path.insert(0, os.path.dirname(__file__))
from lib import build
import articles1
mods = [articles1]
try:
    import articles2; mods.append(articles2)
except ImportError: pass
try:
    import articles3; mods.append(articles3)
except ImportError: pass
out = os.path.join(os.path.dirname(__file__), "..")
for m in mods:
    for a in m.A:
        g = build(a, out)
        print(g["id"], "ratings", len(g["ratings"]), "quotes", len(g["quotes"]), "money", len(g["money"]))
