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
    # one sort, by feature then task, gives each (task, feature) once with its count and
    # numbers the features (columns) in the same pass: no second sort, no hash table
    n = max(len(lengths), 1)
    uniq, counts = np.unique(keys * n + key_rows, return_counts=True)
    key, task = np.divmod(uniq, n)
    col_idx = np.cumsum(np.concatenate([[True], key[1:] != key[:-1]])) - 1 if len(key) else key
    n_cols = int(col_idx[-1]) + 1 if len(key) else 1
    # by feature then task is the CSC layout of the matrix; scipy turns it round in O(nnz)
    indptr = np.concatenate([[0], np.flatnonzero(np.diff(col_idx)) + 1, [len(key)]])
    m = sp.csc_matrix(
        (counts.astype(np.float64), task, indptr if len(key) else np.zeros(2, dtype=np.int64)),
        shape=(len(lengths), n_cols),
    )
    return m.tocsr()


@dataclass
class FeatureSpace:
    """Both plans' tasks in one feature space: counts (one CSR matrix, the ``a`` tasks first),
    IDF weights, and the similarity figures the aligner reads."""

    idf: np.ndarray
    matrix: sp.csr_matrix
    n_a: int

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
        return cls(idf=idf, matrix=m, n_a=n_a)

    @property
    def counts_a(self) -> sp.csr_matrix:
        return self.matrix[: self.n_a]

    @property
    def counts_b(self) -> sp.csr_matrix:
        return self.matrix[self.n_a :]

    def similarity(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Cosine (a×b), share of each a-task's weight found in each b-task (a×b), and the
        share of each b-task's weight found in each a-task (b×a).

        Weights are computed once over both plans' rows (sublinear TF × IDF, L2-normalised
        rows; IDF alone for the shares); the ``a`` and ``b`` parts are views of those arrays,
        the ``b`` part laid out as the transpose (CSC) that the products want."""
        m, n_a = self.matrix, self.n_a
        n, n_feat = m.shape
        indptr, indices = m.indptr, m.indices
        rows = np.repeat(np.arange(n), np.diff(indptr))
        weight = self.idf[indices]
        tfidf = (1.0 + np.log(m.data)) * weight
        norms = np.sqrt(np.bincount(rows, weights=tfidf**2, minlength=n))
        norms[norms == 0] = 1.0
        tfidf /= norms[rows]
        totals = np.bincount(rows, weights=weight, minlength=n)
        totals[totals == 0] = 1.0
        cut = int(indptr[n_a])
        ptr_a, ptr_b = indptr[: n_a + 1], indptr[n_a:] - cut
        idx_a, idx_b = indices[:cut], indices[cut:]

        def left(data: np.ndarray) -> sp.csr_matrix:
            return sp.csr_matrix((data, idx_a, ptr_a), shape=(n_a, n_feat))

        def right(data: np.ndarray) -> sp.csc_matrix:
            return sp.csc_matrix((data, idx_b, ptr_b), shape=(n_feat, n - n_a))

        cos = (left(tfidf[:cut]) @ right(tfidf[cut:])).toarray()
        # the IDF weight of the features two tasks share is symmetric: one product serves both
        weight_a = left(weight[:cut])
        shared = (weight_a @ right(np.ones(len(idx_b)))).toarray()
        tot_a = np.asarray(weight_a.sum(axis=1)).ravel()  # summed as scipy sums (same bits)
        tot_a[tot_a == 0] = 1.0
        cover_a = shared / tot_a[:, None]
        cover_b = shared.T / totals[n_a:, None]
        return cos, cover_a, cover_b
