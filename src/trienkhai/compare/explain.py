"""Why two tasks were paired: the rarest word runs they share, as the user can read them."""

from __future__ import annotations

from .lexicon import load

MAX_SHOWN = 10  # syllables of a shared run shown before "…"


def shared_ngrams(a_key: str, b_key: str, top: int = 6, n: int = 3) -> list[str]:
    """Longest-first shared runs of ``n`` syllables (merged when they overlap), stop words
    trimmed, long runs cut to their first syllables; at most ``top`` of them."""
    stop = load().stopwords
    a, b = a_key.split(), b_key.split()
    b_grams = {tuple(b[k : k + n]) for k in range(len(b) - n + 1)}
    runs: list[list[str]] = []
    last_end = -1
    for k in range(len(a) - n + 1):
        if tuple(a[k : k + n]) in b_grams:
            if runs and k <= last_end:
                runs[-1].extend(a[last_end : k + n])
            else:
                runs.append(a[k : k + n])
            last_end = k + n
    trimmed = []
    for run in runs:
        while run and run[0] in stop:
            run = run[1:]
        while run and run[-1] in stop:
            run = run[:-1]
        if len(run) >= 2:
            trimmed.append(run)
    trimmed.sort(key=len, reverse=True)
    return [" ".join(r[:MAX_SHOWN]) + (" …" if len(r) > MAX_SHOWN else "") for r in trimmed[:top]]
