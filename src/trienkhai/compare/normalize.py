"""Text keys for matching tasks across plans.

Two keys per task text, both NFC and case-folded (stored text is never changed):

* ``class_words``: the words of the gold's class definition (punctuation to spaces) — the
  copied/adapted decision and the copy ratio are computed on these, so they mean exactly what
  the contract says;
* match tokens (``TokenTable``): the same words with list numbering dropped, tone placement unified
  ("hoá" = "hóa"), synonyms merged, place names replaced by ``‹nơi›`` and administrative
  levels by ``‹cấp›`` — so "tỉnh Bình Thuận" and "thị xã La Gi", "Tỉnh ủy" and "Thị ủy" look the
  same to the aligner.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from .lexicon import PLACE_TOKEN, load

_PUNCT = re.compile(r"[^\w\s‹›]")
_CLASS_PUNCT = re.compile(r"[^\w\s]")
_NUMBERING = re.compile(r"^\s*(?:[-+*•–—]+|\(?[0-9IVXLCivxlc]{1,5}[.)]|\(?[a-zđ][.)])\s*")
_FOOTNOTE_MARKS = re.compile(r"[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>.*?</sup>")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def class_words(text: str) -> list[str]:
    """Words as the gold's class definition reads them: NFC, case-folded, punctuation to spaces."""
    return _CLASS_PUNCT.sub(" ", nfc(text).casefold()).split()


def strip_numbering(text: str) -> str:
    """Drop a leading bullet or list number ("- ", "2.", "a)", "III.") and footnote marks."""
    return _NUMBERING.sub("", _FOOTNOTE_MARKS.sub("", text), count=1)


def _is_title(word: str) -> bool:
    return bool(word) and word[0].isupper() and not (len(word) > 1 and word.isupper())


def _title_case_run(words: list[str], start: int, not_places: frozenset[str]) -> str | None:
    """The capitalised syllables from ``start`` (at most four) up to a punctuation mark."""
    run: list[str] = []
    for word in words[start : start + 4]:
        clean = word.strip(",.;:()“”\"'*")
        if not _is_title(clean) or word.startswith(("(", "“", '"')):
            break
        run.append(clean)
        if clean != word.rstrip("*"):
            break
    name = " ".join(run)
    if not run or any(name == n or name.startswith(n + " ") for n in not_places):
        return None
    return name


def find_places(texts: Iterable[str]) -> set[str]:
    """Place names printed in the texts: capitalised syllables after a level word
    ("thị xã La Gi", "tỉnh Thanh Hóa", "người Bình Thuận"). The provinces of the lexicon are
    neutralised anyway; these are the districts, towns and communes a lexicon cannot list."""
    lex = load()
    found: set[str] = set()
    text = nfc("\n".join(texts))  # one pass; a match never crosses a line
    for m in _introducer_re().finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # inside a word: "xã" of "xãhội"
        name = _title_case_run(m.group(1).split(), 0, lex.not_places)
        if name:
            found.add(name)
    return found


@cache
def _introducer_re() -> re.Pattern[str]:
    words = {v for w in load().introducers for v in (w, w[:1].upper() + w[1:])}
    intro = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # no look-behind: a pattern that starts with literals lets the engine skip ahead fast; the
    # next word must start with a capital (Vietnamese capitals; the range Ạ-Ỹ also holds some
    # small letters, which ``_title_case_run`` turns away), so "xã hội" is not even a match;
    # the name is read in a look-ahead so that "người Ê Đê ở huyện Ea Súp" yields both
    name = r"([A-ZĐÀ-ÝĂĨŨƠƯẠ-Ỹ]\S*(?:[^\S\n]+\S+){0,3})"
    return re.compile(r"(?:" + intro + r")[^\S\n]+(?=" + name + ")")


_TOKEN_PUNCT = re.compile(r"[^\w‹›]+")
_NUMBER_TOKEN = re.compile(r"\(?(?:\d{1,2}(?:\.\d{1,2})*|[ivxlc]{1,5}|[a-zđ])[.)]")
_MIX = np.uint64(0x9E3779B97F4A7C15)


class TokenTable:
    """The fast path to match tokens, in integer-id space (used by the corpus index).

    Texts are case-folded and split on white space in one pass; each distinct raw token is
    cleaned once (punctuation, tone placement, single-syllable levels) and cached; multi-word
    phrases (levels, committees, synonyms, place names) are replaced by matching rolling codes
    of consecutive ids with numpy: no regex pass over the text, no Python object per token.
    A raw token with punctuation inside ("05-CT/TW") stays one token ("05_ct_tw")."""

    DROP = 0
    SENT = 1

    def __init__(self, places: Iterable[str] = ()) -> None:
        lex = load()
        self._lex = lex
        self.words: list[str] = ["", "\x00"]
        self.vocab: dict[str, int] = {"": 0, "\x00": 1}
        self._slots = HashSlots()
        self._single: dict[str, str] = {}
        self._phrases: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._tables: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.places: list[str] = []
        for phrase, repl in lex.phrases.items():
            self._add_phrase(phrase, repl)
        for province in lex.provinces:
            self._add_phrase(nfc(province), PLACE_TOKEN)
        self.add_places(places)

    def word_id(self, word: str) -> int:
        got = self.vocab.get(word)
        if got is None:
            got = self.vocab[word] = len(self.words)
            self.words.append(word)
        return got

    def _clean(self, raw: str) -> int:
        lex = self._lex
        if raw == "\x00":
            return self.SENT
        raw = nfc(raw).casefold()
        if _NUMBER_TOKEN.fullmatch(raw):
            return self.DROP
        t = lex.tone_re.sub(lambda m: lex.tones[m.group(0)], _FOOTNOTE_MARKS.sub("", raw))
        parts = _TOKEN_PUNCT.sub(" ", t).split()
        if not parts:
            return self.DROP
        word = "_".join(parts)
        return self.word_id(self._single.get(word, word))

    def _add_phrase(self, phrase: str, repl: str) -> None:
        words = _TOKEN_PUNCT.sub(" ", phrase.casefold()).split()
        if len(words) == 1:
            self._single[words[0]] = repl
            self._slots = HashSlots()  # cleaned ids may change
            return
        key = tuple(self.word_id(self._single.get(w, w)) for w in words)
        self._phrases[key] = tuple(self.word_id(w) for w in repl.split())
        self._tables.clear()

    def add_places(self, places: Iterable[str]) -> None:
        """Neutralise these place names too (as ``‹nơi›``)."""
        for place in places:
            place = nfc(place)
            if place not in self.places:
                self.places.append(place)
                self._add_phrase(place, PLACE_TOKEN)

    def restore(self, words: list[str], places: list[str]) -> None:
        """Take back a saved vocabulary (whose first words this table assigned the same way)."""
        if words[: len(self.words)] != self.words[: len(words)]:
            raise ValueError("vocabulary does not extend the lexicon's")
        for word in words[len(self.words) :]:
            self.word_id(word)
        self.add_places(places)

    def _table(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        if n not in self._tables:
            keys = [k for k in self._phrases if len(k) == n]
            codes = np.array([_code(np.array(k, dtype=np.uint64)) for k in keys], dtype=np.uint64)
            repl = np.zeros((len(keys), n), dtype=np.int64)
            for r, k in enumerate(keys):
                rep = self._phrases[k]
                repl[r, : len(rep)] = rep
            order = np.argsort(codes)
            self._tables[n] = (codes[order], repl[order])
        return self._tables[n]

    def ids(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(token ids of all texts one after another, token count of each text)."""
        return self.ids_of(RawTokens.of(texts))

    def ids_of(self, raw: RawTokens) -> tuple[np.ndarray, np.ndarray]:
        """``ids`` of texts already split into raw tokens (shared with ``ClassWords``)."""
        texts, data, hashes, starts, ends = raw.texts, raw.data, raw.hashes, raw.starts, raw.ends
        ids = self._lookup(hashes, data, starts, ends)
        ids = self._replace_phrases(ids[ids != self.DROP])
        rows = np.cumsum(ids == self.SENT)
        keep = ids > self.SENT
        counts = np.bincount(rows[keep], minlength=len(texts))
        return ids[keep], counts

    def _lookup(
        self, hashes: np.ndarray, data: np.ndarray, starts: np.ndarray, ends: np.ndarray
    ) -> np.ndarray:
        """Ids of raw tokens by their byte hash; tokens never seen are cleaned once here."""
        ids, missing = self._slots.get(hashes)
        if len(missing):
            uniq, first = np.unique(hashes[missing], return_index=True)
            raw = data.tobytes()
            for h, pos in zip(uniq.tolist(), missing[first].tolist(), strict=True):
                token = raw[starts[pos] : ends[pos]].decode("utf-8", errors="replace")
                self._slots.put(h, self._clean(token))
            ids[missing], _ = self._slots.get(hashes[missing])
        return ids

    def _replace_phrases(self, ids: np.ndarray) -> np.ndarray:
        """Replace phrases (longest first); only positions holding a phrase's first word
        are examined."""
        if not self._phrases:
            return ids
        starts = np.zeros(len(self.words), dtype=bool)
        starts[[k[0] for k in self._phrases]] = True
        cand = np.flatnonzero(starts[ids])
        for n in sorted({len(k) for k in self._phrases}, reverse=True):
            at = cand[cand <= len(ids) - n]
            if not len(at):
                continue
            codes, repl = self._table(n)
            code = np.zeros(len(at), dtype=np.uint64)
            with np.errstate(over="ignore"):
                for i in range(n):
                    code = code * _MIX + ids[at + i].astype(np.uint64)
            where = np.minimum(np.searchsorted(codes, code), len(codes) - 1)
            hit = np.flatnonzero(codes[where] == code)
            if len(hit):
                ids[at[hit][:, None] + np.arange(n)] = repl[where[hit]]
        return ids

    def tokens(self, texts: Sequence[str]) -> list[list[str]]:
        """Match tokens of each text, as strings (for the aligner and explanations)."""
        ids, counts = self.ids(texts)
        words = self.words
        flat = [words[i] for i in ids.tolist()]
        out, pos = [], 0
        for c in counts.tolist():
            out.append(flat[pos : pos + c])
            pos += c
        return out


@dataclass(frozen=True)
class RawTokens:
    """Texts joined as UTF-8 bytes with a separator token between them, and the byte hash,
    start and end of every white-space separated token: computed once, read by both
    ``TokenTable`` (match tokens) and ``ClassWords`` (class words)."""

    texts: Sequence[str]
    data: np.ndarray
    hashes: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def of(cls, texts: Sequence[str]) -> RawTokens:
        data = np.frombuffer(" \x00 ".join(texts).encode("utf-8"), dtype=np.uint8)
        return cls(texts, data, *_token_hashes(data))


class ClassWords:
    """Class words (``class_words``) of many texts at once, as integer ids.

    Each distinct raw token is split into class words once (NFC, case-folded, punctuation to
    spaces: "(Tỉnh" → ("tỉnh",), "05-CT/TW" → ("05", "ct", "tw")) and remembered by its byte
    hash; a text's words are then its tokens' pieces laid end to end, with numpy. Equal words
    get equal ids, so difflib and rapidfuzz compare ids exactly as they would compare words."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self.vocab: dict[str, int] = {}
        self._slots = HashSlots()
        self._piece_start: list[int] = [0]  # piece 0: a token with no word
        self._piece_len: list[int] = [0]
        self._flat: list[int] = []
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._pieces: dict[tuple[int, ...], int] = {(): 0}

    def word_id(self, word: str) -> int:
        got = self.vocab.get(word)
        if got is None:
            got = self.vocab[word] = len(self.words)
            self.words.append(word)
        return got

    def _piece(self, raw: str) -> int:
        words = tuple(map(self.word_id, class_words(raw)))
        got = self._pieces.get(words)
        if got is None:
            got = self._pieces[words] = len(self._piece_start)
            self._piece_start.append(len(self._flat))
            self._piece_len.append(len(words))
            self._flat.extend(words)
            self._arrays = None
        return got

    def ids_of(self, raw: RawTokens) -> tuple[np.ndarray, np.ndarray]:
        """(class-word ids of all texts one after another, word count of each text)."""
        hashes, starts, ends = raw.hashes, raw.starts, raw.ends
        pieces, missing = self._slots.get(hashes)
        if len(missing):
            uniq, first = np.unique(hashes[missing], return_index=True)
            data = raw.data.tobytes()
            for h, pos in zip(uniq.tolist(), missing[first].tolist(), strict=True):
                token = data[starts[pos] : ends[pos]].decode("utf-8", errors="replace")
                self._slots.put(h, self._piece(token))
            pieces[missing], _ = self._slots.get(hashes[missing])
        if self._arrays is None:
            self._arrays = (
                np.array(self._piece_start, dtype=np.int64),
                np.array(self._piece_len, dtype=np.int64),
                np.array(self._flat, dtype=np.int64),
            )
        p_start, p_len, flat = self._arrays
        sep = (ends - starts == 1) & (raw.data[starts] == 0)
        rows = np.cumsum(sep)[~sep]
        pieces = pieces[~sep]
        lengths = p_len[pieces]
        total = int(lengths.sum())
        offsets = np.cumsum(lengths) - lengths
        at = np.repeat(p_start[pieces] - offsets, lengths) + np.arange(total)
        counts = np.bincount(rows, weights=lengths, minlength=len(raw.texts)).astype(np.int64)
        return flat[at], counts


@cache
def shared_class_words() -> ClassWords:
    """One class-word table per process (its cache of split tokens is what makes it fast)."""
    return ClassWords()


@cache
def shared_table() -> TokenTable:
    """One token table per process: its cache of cleaned tokens is what makes keys fast."""
    return TokenTable()


class HashSlots:
    """An open-addressing hash table from 64-bit keys to ids, looked up in bulk with numpy
    (linear probing, kept at most a quarter full; key 0 marks an empty slot)."""

    def __init__(self, capacity: int = 1 << 16) -> None:
        self.keys = np.zeros(capacity, dtype=np.uint64)
        self.vals = np.zeros(capacity, dtype=np.int64)
        self.size = 0

    def get(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ids, positions of hashes not in the table); missing ids are left at -1."""
        mask = np.uint64(len(self.keys) - 1)
        out = np.full(len(hashes), -1, dtype=np.int64)
        todo = np.arange(len(hashes))
        slot = hashes & mask
        missing = []
        while len(todo):
            k = self.keys[slot]
            hit = k == hashes[todo]
            out[todo[hit]] = self.vals[slot[hit]]
            empty = k == 0
            missing.append(todo[empty & ~hit])
            go = ~(hit | empty)
            todo, slot = todo[go], (slot[go] + np.uint64(1)) & mask
        return out, np.concatenate(missing) if missing else np.zeros(0, dtype=np.int64)

    def put(self, key: int, value: int) -> None:
        if (self.size + 1) * 4 > len(self.keys):
            self._grow()
        mask = len(self.keys) - 1
        slot = key & mask
        while self.keys[slot] != 0 and int(self.keys[slot]) != key:
            slot = (slot + 1) & mask
        if self.keys[slot] == 0:
            self.size += 1
        self.keys[slot] = key
        self.vals[slot] = value

    def _grow(self) -> None:
        old_k, old_v = self.keys, self.vals
        used = old_k != 0
        self.keys = np.zeros(len(old_k) * 2, dtype=np.uint64)
        self.vals = np.zeros(len(old_k) * 2, dtype=np.int64)
        self.size = 0
        for k, v in zip(old_k[used].tolist(), old_v[used].tolist(), strict=True):
            self.put(k, v)


_P = np.uint64(1099511628211)


_P_INV = np.uint64(pow(int(_P), -1, 2**64))
_POWERS: list[np.ndarray] = [np.ones(0, dtype=np.uint64), np.ones(0, dtype=np.uint64)]


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**k`` and ``P**-k`` modulo 2**64 for k < n (kept between calls, grown by doubling)."""
    if len(_POWERS[0]) < n:
        size = max(n, 2 * len(_POWERS[0]), 1 << 16)
        with np.errstate(over="ignore"):
            for k, base in enumerate((_P, _P_INV)):
                pw = np.full(size, base, dtype=np.uint64)
                pw[0] = 1
                _POWERS[k] = np.cumprod(pw, dtype=np.uint64)
    return _POWERS[0], _POWERS[1]


def _token_hashes(data: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """64-bit polynomial hashes of the white-space separated tokens of UTF-8 bytes, with each
    token's byte start and end. All numpy, a few passes over the bytes: one prefix sum of
    ``byte·P**k`` serves every token (a token's hash is the difference of two prefix sums,
    shifted back to its start by ``P**-start``, exact modulo 2**64 since P is odd)."""
    # white space is bytes 9-13 and 32 (the subtraction wraps bytes below 9 round to 247+)
    is_tok = (data != 32) & ((data - np.uint8(9)) > np.uint8(4))
    edges = np.flatnonzero(np.diff(is_tok.view(np.int8), prepend=np.int8(0), append=np.int8(0)))
    starts, ends = edges[0::2], edges[1::2]  # a token's edges alternate: start, end
    if not len(starts):
        return np.zeros(0, dtype=np.uint64), starts, ends
    pw, inv = _powers(len(data) + 1)
    with np.errstate(over="ignore"):
        prefix = np.empty(len(data) + 1, dtype=np.uint64)
        prefix[0] = 0
        np.multiply(data, pw[: len(data)], out=prefix[1:])
        np.cumsum(prefix[1:], out=prefix[1:])
        hashes = (prefix[ends] - prefix[starts]) * inv[starts]
        hashes ^= (ends - starts).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        # mix every bit into every other (a multiply-xorshift finaliser), so that setting
        # the lowest bit below, or a table taking the low bits, loses no distinction
        hashes ^= hashes >> np.uint64(31)
        hashes *= _MIX
        hashes ^= hashes >> np.uint64(29)
    hashes |= np.uint64(1)  # never 0: 0 marks an empty slot
    return hashes, starts, ends


def _code(key: np.ndarray) -> np.uint64:
    code = np.uint64(0)
    with np.errstate(over="ignore"):
        for v in key:
            code = code * _MIX + v
    return code
