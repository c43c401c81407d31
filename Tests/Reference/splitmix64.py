# First outputs of SplitMix64 (Vigna, https://prng.di.unimi.it/splitmix64.c) from seed 0.
# Run: python3 Tests/Reference/splitmix64.py  -> 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4
M = (1 << 64) - 1
s = 0
for _ in range(2):
    s = (s + 0x9E3779B97F4A7C15) & M
    z = s
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    print(hex(z ^ (z >> 31)))
