// SPDX-FileCopyrightText: 2026 The Increase Connections authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// SplitMix64: tiny, fast and identical on every platform, so a seed always yields the
// same data (std:: distributions are not portable across standard libraries).
class SandboxRandom
{
public:
    explicit SandboxRandom(quint64 seed)
        : m_state(seed)
    {}

    quint64 next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix(m_state);
    }
    // Uniform enough for test data in [0, bound); bound > 0.
    quint64 below(quint64 bound) { return next() % bound; }
    // In [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

    static quint64 mix(quint64 z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    quint64 m_state;
};
