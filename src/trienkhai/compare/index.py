"""Corpus index: every task of every document, to find the closest tasks to a plan's tasks.

MinHash over syllable-pair shingles of the neutralised match tokens (place names and levels
do not separate two provinces' versions of one task), banded for locality-sensitive lookup:

* 64 min-hashes per task, each kept as 16 bits (``uint16``): 128 bytes a task;
* 32 bands of 2 hashes: a band key is the two 16-bit values side by side (``uint32``); per band
  the keys are sorted once, with the task numbers in the same order (8 bytes a task a band);
* a query task looks up its 32 band keys (binary search), takes at most ``bucket_cap`` tasks
  from each bucket, and ranks the candidates by the share of equal min-hashes (an estimate of
  the Jaccard similarity of the two tasks' shingle sets).

Hashing is vectorised over batches with numpy (multiply-shift hashes on 64-bit integers), so
building is a few string operations per task plus array arithmetic. The index saves to one
``.npz`` file (arrays and a JSON header: documents, vocabulary, task texts).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .errors import CompareError
from .normalize import TokenTable

INDEX_SCHEMA = "trienkhai.index/1"
NUM_HASHES = 64
BANDS = 32
ROWS = NUM_HASHES // BANDS
_SEED = 20240326


def _hash_params() -> np.ndarray:
    rng = np.random.default_rng(_SEED)
    return rng.integers(1, 2**32 - 1, size=NUM_HASHES, dtype=np.uint32) | np.uint32(1)


_A = _hash_params()


@dataclass(frozen=True)
class Hit:
    """One close task found in the corpus."""

    document: str
    task: int
    similarity: float  # estimated Jaccard similarity of the two tasks' shingle sets
    text: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "task": self.task,
            "similarity": round(self.similarity, 3),
            "text": self.text,
        }


class CorpusIndex:
    """A growing index; call ``finish`` (done by ``save`` and ``query``) before querying."""

    def __init__(self, *, store_text: bool = True, bucket_cap: int = 64) -> None:
        self.table = TokenTable()
        self.documents: list[dict[str, Any]] = []
        self.store_text = store_text
        self.bucket_cap = bucket_cap
        self._sig_chunks: list[np.ndarray] = []
        self._doc_chunks: list[np.ndarray] = []
        self._no_chunks: list[np.ndarray] = []
        self._texts: list[str] = []
        self.signatures = np.zeros((0, NUM_HASHES), dtype=np.uint16)
        self.task_doc = np.zeros(0, dtype=np.uint32)
        self.task_no = np.zeros(0, dtype=np.uint32)
        self.band_keys = np.zeros((BANDS, 0), dtype=np.uint32)
        self.band_ids = np.zeros((BANDS, 0), dtype=np.uint32)
        self._dirty = False

    # building ---------------------------------------------------------------------------
    def add_document(self, name: str, tasks: Sequence[str], title: str = "") -> int:
        """Index one document's tasks; returns its document number."""
        doc = len(self.documents)
        self.documents.append({"name": name, "title": title, "tasks": len(tasks)})
        self.add_tasks(
            tasks, np.full(len(tasks), doc, dtype=np.uint32), np.arange(len(tasks), dtype=np.uint32)
        )
        return doc

    def add_tasks(self, texts: Sequence[str], docs: np.ndarray, numbers: np.ndarray) -> None:
        """Index a batch of tasks belonging to already-registered documents."""
        if not len(texts):
            return
        self._sig_chunks.append(self.signatures_of(texts))
        self._doc_chunks.append(np.asarray(docs, dtype=np.uint32))
        self._no_chunks.append(np.asarray(numbers, dtype=np.uint32))
        if self.store_text:
            self._texts.extend(texts)
        self._dirty = True

    def register_documents(self, names: Iterable[str]) -> None:
        """Register documents whose tasks come later through ``add_tasks`` (bulk loading)."""
        self.documents.extend({"name": n, "title": "", "tasks": 0} for n in names)

    def signatures_of(self, texts: Sequence[str]) -> np.ndarray:
        """MinHash signatures (n × 64, uint16) of task texts."""
        ids, counts = self.table.ids(texts)
        return _minhash(ids.astype(np.uint64), counts)

    def finish(self) -> None:
        """Concatenate the batches and sort the band tables (idempotent)."""
        if not self._dirty:
            return
        self.signatures = np.concatenate([self.signatures, *self._sig_chunks])
        self.task_doc = np.concatenate([self.task_doc, *self._doc_chunks])
        self.task_no = np.concatenate([self.task_no, *self._no_chunks])
        self._sig_chunks, self._doc_chunks, self._no_chunks = [], [], []
        keys = _band_keys(self.signatures)
        # each band's keys with the task numbers beside them, sorted by key then task (what
        # a stable argsort gives) as one 64-bit value: numpy's vectorised sort, no gather
        # a band at a time: the 64-bit working copy is 8 bytes a task, not 256
        task = np.arange(keys.shape[1], dtype=np.uint64)
        self.band_keys = np.empty_like(keys)
        self.band_ids = np.empty_like(keys)
        for b in range(keys.shape[0]):
            both = keys[b].astype(np.uint64) << np.uint64(32)
            both |= task
            both.sort()
            self.band_keys[b] = both >> np.uint64(32)
            self.band_ids[b] = both & np.uint64(0xFFFFFFFF)
        self._dirty = False

    def __len__(self) -> int:
        return len(self.task_doc) + sum(len(c) for c in self._doc_chunks)

    # querying ---------------------------------------------------------------------------
    def query(
        self, texts: Sequence[str], top: int = 5, exclude_document: str | None = None
    ) -> list[list[Hit]]:
        """For each text, the ``top`` closest indexed tasks, best first (tasks of the document
        named ``exclude_document`` left out: a plan is not similar to itself)."""
        self.finish()
        if not len(texts) or not len(self.task_doc):
            return [[] for _ in texts]
        sigs = self.signatures_of(texts)
        qkeys = _band_keys(sigs)  # (BANDS, n)
        lo = np.empty_like(qkeys, dtype=np.int64)
        hi = np.empty_like(qkeys, dtype=np.int64)
        for b in range(BANDS):
            lo[b] = np.searchsorted(self.band_keys[b], qkeys[b], side="left")
            hi[b] = np.minimum(
                np.searchsorted(self.band_keys[b], qkeys[b], side="right"), lo[b] + self.bucket_cap
            )
        names = [d["name"] for d in self.documents]
        skip = names.index(exclude_document) if exclude_document in names else None
        out: list[list[Hit]] = []
        for q in range(len(texts)):
            parts = [
                self.band_ids[b, lo[b, q] : hi[b, q]] for b in range(BANDS) if hi[b, q] > lo[b, q]
            ]
            if not parts:
                out.append([])
                continue
            cand = np.unique(np.concatenate(parts))
            if skip is not None:
                cand = cand[self.task_doc[cand] != skip]
                if not len(cand):
                    out.append([])
                    continue
            agree = (self.signatures[cand] == sigs[q]).sum(axis=1)
            k = min(top, len(cand))
            best = np.argpartition(-agree, k - 1)[:k]
            best = best[np.argsort(-agree[best], kind="stable")]
            out.append([self._hit(int(cand[i]), agree[i] / NUM_HASHES) for i in best])
        return out

    def _hit(self, row: int, sim: float) -> Hit:
        doc = self.documents[int(self.task_doc[row])]
        text = self._texts[row] if self.store_text and row < len(self._texts) else None
        return Hit(doc["name"], int(self.task_no[row]), float(sim), text)

    # persistence ------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the index to one ``.npz`` file."""
        self.finish()
        header = {
            "schema": INDEX_SCHEMA,
            "documents": self.documents,
            "vocab": self.table.words,
            "places": self.table.places,
            "texts": self._texts if self.store_text else None,
            "bucket_cap": self.bucket_cap,
        }
        blob = np.frombuffer(json.dumps(header, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)
        with open(path, "wb") as fh:
            np.savez(
                fh,
                header=blob,
                signatures=self.signatures,
                task_doc=self.task_doc,
                task_no=self.task_no,
                band_keys=self.band_keys,
                band_ids=self.band_ids,
            )

    @classmethod
    def load(cls, path: str | Path) -> CorpusIndex:
        """Read an index written by ``save``. Raises CompareError if it is not one."""
        p = Path(path)
        try:
            with np.load(p, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode("utf-8"))
                arrays = {k: data[k] for k in _ARRAYS}
            if not isinstance(header, dict) or header.get("schema") != INDEX_SCHEMA:
                raise CompareError("tệp chỉ mục không đúng phiên bản", source=p.name)
            index = cls(
                store_text=header.get("texts") is not None,
                bucket_cap=int(header.get("bucket_cap", 64)),
            )
            index.documents = list(header["documents"])
            index.table.restore(list(header["vocab"]), list(header.get("places") or []))
            index._texts = list(header.get("texts") or [])
        except FileNotFoundError as exc:
            raise CompareError("không tìm thấy tệp chỉ mục", source=p.name) from exc
        except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as exc:
            raise CompareError(
                "tệp chỉ mục hỏng hoặc không phải chỉ mục trienkhai", source=p.name
            ) from exc
        for name, value in arrays.items():
            setattr(index, name, value)
        return index


_ARRAYS = ("signatures", "task_doc", "task_no", "band_keys", "band_ids")


def _minhash(ids: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Signatures of tasks given as one token-id array and the token count of each task.

    Shingles are pairs of consecutive tokens (a one-token task is its token); the hash of a
    shingle is mixed by 64 multiply-shift functions and the minimum per task is kept."""
    n = len(counts)
    rows = np.repeat(np.arange(n), counts)
    same = rows[1:] == rows[:-1]
    with np.errstate(over="ignore"):
        pair = (ids[:-1] * np.uint64(0x9E3779B97F4A7C15) ^ ids[1:])[same] if len(ids) else ids
    pair_rows = rows[1:][same] if len(ids) else rows
    lonely = np.flatnonzero(counts <= 1)
    if len(lonely):
        singles = np.full(len(lonely), np.uint64(0xDEADBEEF), dtype=np.uint64)
        has_one = counts[lonely] == 1
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        singles[has_one] = ids[starts[lonely[has_one]]] + np.uint64(0x51ED)
        pair = np.concatenate([pair, singles])
        pair_rows = np.concatenate([pair_rows, lonely])
    if len(lonely):
        order = np.argsort(pair_rows, kind="stable")
        pair, pair_rows = pair[order], pair_rows[order]
    starts = np.searchsorted(pair_rows, np.arange(n))
    x = (pair ^ (pair >> np.uint64(29))).astype(np.uint32)  # fold to 32 bits
    sig = np.empty((n, NUM_HASHES), dtype=np.uint16)
    step = 16
    h = np.empty((step, len(x)), dtype=np.uint32)  # one buffer for every step
    for k in range(0, NUM_HASHES, step):
        # multiply-shift (odd a, keep the top 16 bits); the shift is monotone, so the
        # minimum is taken on the products and only the n minima are shifted
        np.multiply(_A[k : k + step, None], x[None, :], out=h)
        low = np.minimum.reduceat(h, starts, axis=1)
        sig[:, k : k + step] = (low >> np.uint32(16)).T
    return sig


def _band_keys(sigs: np.ndarray) -> np.ndarray:
    """(BANDS × n) uint32 keys: two 16-bit min-hashes side by side."""
    s = sigs.astype(np.uint32)
    return (s[:, 0::ROWS] << np.uint32(16) | s[:, 1::ROWS]).T.copy()
