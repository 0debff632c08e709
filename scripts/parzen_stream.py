"""Parzen's documented random stream, re-implemented from the published algorithms so that
reference scripts can reproduce its seeded splits and generated data sets (used by
scripts/tutorial-references.py and scripts/performance-twin-references.py).

Sources/ParzenCore/Foundation/Xoshiro256StarStar.swift: xoshiro256** seeded by SplitMix64,
uniforms from the top 53 bits, normals by Marsaglia's polar method with the second value kept,
bounded integers by Lemire's method; DataSplit.swift: Fisher–Yates from the top;
GaussianMixture.sample: one uniform picks the component by cumulative weights; Gaussian.sample:
x = μ + L z with L the lower Cholesky factor (Blackman & Vigna, <https://prng.di.unimi.it/>).
"""
import math

import numpy as np

MASK = (1 << 64) - 1


class Xoshiro:
    """xoshiro256** with SplitMix64 seeding, as specified by its authors."""

    def __init__(self, seed):
        self.sm = seed & MASK
        self.s = [self._splitmix() for _ in range(4)]
        self.spare = None

    def _splitmix(self):
        self.sm = (self.sm + 0x9E3779B97F4A7C15) & MASK
        z = self.sm
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    @staticmethod
    def _rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & MASK

    def next(self):
        s = self.s
        result = (self._rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self._rotl(s[3], 45)
        return result

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53

    def gaussian(self):
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        while True:
            u = 2 * self.uniform() - 1
            v = 2 * self.uniform() - 1
            s = u * u + v * v
            if 0 < s < 1:
                factor = math.sqrt(-2 * math.log(s) / s)
                self.spare = v * factor
                return u * factor

    def index_below(self, bound):
        product = self.next() * bound
        if (product & MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (product & MASK) < threshold:
                product = self.next() * bound
        return product >> 64


# SplitMix64 from seed 1234567: the first outputs published with the reference C code.
_check = Xoshiro(0)
_check.sm = 1234567
assert [_check._splitmix() for _ in range(2)] == [6457827717110365317, 3203168211198807973]


def split(count, fraction, seed):
    """Parzen's DataSplit.random: (train indices, held-out indices), each increasing."""
    held = min(max(int(round_half_away(fraction * count)), 1), count - 1)
    g = Xoshiro(seed)
    order = list(range(count))
    for i in range(count - 1, 0, -1):
        j = g.index_below(i + 1)
        order[i], order[j] = order[j], order[i]
    return sorted(order[held:]), sorted(order[:held])


def round_half_away(x):
    """Swift's rounded(): to nearest, ties away from zero."""
    return math.floor(x + 0.5) if x >= 0 else -math.floor(-x + 0.5)


def sample_mixture_1d(weights, means, sds, n, seed):
    g = Xoshiro(seed)
    out = []
    for _ in range(n):
        u = g.uniform()
        cumulative, j = 0.0, len(weights) - 1
        for index, w in enumerate(weights):
            cumulative += w
            if u < cumulative:
                j = index
                break
        out.append(means[j] + math.sqrt(sds[j] ** 2) * g.gaussian())
    return np.array(out)


def sample_gaussian(mean, covariance, n, seed):
    """`generate: {gaussian: …}` is a one-component mixture, so each draw first spends the
    uniform that picks the (only) component, then d normals."""
    g = Xoshiro(seed)
    lower = np.linalg.cholesky(np.array(covariance, dtype=float))
    d = len(mean)
    z = []
    for _ in range(n):
        g.uniform()
        z.append([g.gaussian() for _ in range(d)])
    return np.array(mean) + np.array(z) @ lower.T
