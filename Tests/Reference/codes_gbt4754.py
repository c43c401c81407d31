"""Reference values for Tests/LayoutModelTests (code tables and suggestions).

Run: python3 Tests/Reference/codes_gbt4754.py

1. GB/T 4754-2017 division ranges per section, as printed in the standard's
   summary table (门类 / 大类 columns): 20 sections, 97 divisions, 473 groups,
   1382 classes. Derived here from the published per-section division counts,
   independently of the Swift table.
2. Levenshtein distances used by the policy "did you mean" tests.
"""

# Published number of divisions (大类) in each section of GB/T 4754-2017.
COUNTS = [("A", 5), ("B", 7), ("C", 31), ("D", 3), ("E", 4), ("F", 2), ("G", 8),
          ("H", 2), ("I", 3), ("J", 4), ("K", 1), ("L", 2), ("M", 3), ("N", 4),
          ("O", 3), ("P", 1), ("Q", 2), ("R", 5), ("S", 6), ("T", 1)]

first = 1
ranges = []
for letter, n in COUNTS:
    ranges.append((letter, first, first + n - 1))
    first += n
print("sections", len(COUNTS), "divisions", first - 1)
print(" ".join(f"{l}{a:02d}-{b:02d}" for l, a, b in ranges))
print("map", "".join(l * (b - a + 1) for l, a, b in ranges))


def levenshtein(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


for a, b in [("leading_industy_share", "leading_industry_share"),
             ("coordinate_sytem", "coordinate_system"),
             ("kitten", "sitting"),
             ("synergy_radius", "synergy_radius_m"),
             ("xyz", "land")]:
    print("levenshtein", a, b, levenshtein(a, b))
