"""Sparse n-gram features of task texts, weighted by how rare they are in the two plans.

A task is its match tokens (see ``normalize``): single syllables and syllable pairs (most
Vietnamese words are one or two syllables). Weights are TF-IDF over the tasks being compared,
so "đại đoàn kết" counts for more than "các", and vectors are L2-normalised for cosine.
Built with numpy over all tasks at once: token ids, then bigram ids by arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


def feature_matrix(token_lists: list[list[str]]) -> sp.csr_matrix:
    """Counts of unigram and bigram features, one row per token list, columns compacted."""
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    flat = [t for toks in token_lists for t in toks]
    vocab = {t: k for k, t in enumerate(dict.fromkeys(flat))}
    ids = np.fromiter(map(vocab.__getitem__, flat), dtype=np.int64, count=len(flat))
    return feature_matrix_ids(ids, lengths)


def feature_matrix_ids(ids: np.ndarray, lengths: np.ndarray) -> sp.csr_matrix:
    """``feature_matrix`` of texts given as one token-id array and each text's token count."""
    rows = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    v = int(ids.max()) + 1 if len(ids) else 1
    same = rows[1:] == rows[:-1]
    bigrams = v + ids[:-1][same] * v + ids[1:][same]
    keys = np.concatenate([ids, bigrams])
    key_rows = np.concatenate([rows, rows[1:][same]])
    # one sort gives each (task, feature) once with its count, already in CSR order
    span = int(keys.max()) + 1 if len(keys) else 1
    uniq, counts = np.unique(key_rows * span + keys, return_counts=True)
    task, key = np.divmod(uniq, span)
    cols = np.unique(key)  # sorted distinct features; a binary search numbers them
    col_idx = np.searchsorted(cols, key)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(task, minlength=len(lengths)))])
    return sp.csr_matrix(
        (counts.astype(np.float64), col_idx.ravel(), indptr),
        shape=(len(lengths), max(len(cols), 1)),
    )


@dataclass
class FeatureSpace:
    """Both plans' tasks in one feature space: counts, IDF weights, normalised vectors."""

    idf: np.ndarray
    counts_a: sp.csr_matrix
    counts_b: sp.csr_matrix

    @classmethod
    def build(cls, tokens_a: list[list[str]], tokens_b: list[list[str]]) -> FeatureSpace:
        return cls.from_matrix(feature_matrix(tokens_a + tokens_b), len(tokens_a))

    @classmethod
    def build_ids(
        cls, ids_a: np.ndarray, len_a: np.ndarray, ids_b: np.ndarray, len_b: np.ndarray
    ) -> FeatureSpace:
        m = feature_matrix_ids(np.concatenate([ids_a, ids_b]), np.concatenate([len_a, len_b]))
        return cls.from_matrix(m, len(len_a))

    @classmethod
    def from_matrix(cls, m: sp.csr_matrix, n_a: int) -> FeatureSpace:
        df = np.bincount(m.indices, minlength=m.shape[1]).astype(np.float64)
        idf = np.log((m.shape[0] + 1) / (df + 1)) + 1.0
        return cls(idf=idf, counts_a=m[:n_a], counts_b=m[n_a:])

    def tfidf(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        m = counts.copy()
        m.data = (1.0 + np.log(m.data)) * self.idf[m.indices]
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        norms = np.sqrt(np.bincount(rows, weights=m.data**2, minlength=m.shape[0]))
        norms[norms == 0] = 1.0
        m.data /= norms[rows]
        return m

    def weighted_presence(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        m = counts.copy()
        m.data = self.idf[m.indices].copy()
        return m

    def similarity(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Cosine (a×b), share of each a-task's weight found in each b-task (a×b), and the
        share of each b-task's weight found in each a-task (b×a)."""
        va, vb = self.tfidf(self.counts_a), self.tfidf(self.counts_b)
        cos = (va @ vb.T).toarray()
        # the IDF weight of the features two tasks share is symmetric: one product serves both
        wa = self.weighted_presence(self.counts_a)
        pb = self.counts_b.copy()
        pb.data = np.ones_like(pb.data)
        shared = (wa @ pb.T).toarray()
        tot_a = np.asarray(wa.sum(axis=1)).ravel()
        tot_b = np.bincount(
            np.repeat(np.arange(pb.shape[0]), np.diff(pb.indptr)),
            weights=self.idf[pb.indices],
            minlength=pb.shape[0],
        )
        tot_a[tot_a == 0] = 1.0
        tot_b[tot_b == 0] = 1.0
        cover_a = shared / tot_a[:, None]
        cover_b = shared.T / tot_b[:, None]
        return cos, cover_a, cover_b
