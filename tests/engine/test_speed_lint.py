"""The faster lint checks give exactly the warnings of the plain versions they replaced.

Each ``_reference_*`` below is the earlier, straightforward implementation, kept as an oracle:
random plans (mixed case, punctuation, odd whitespace, repeated words) must lint the same.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import compress, islice, repeat
from operator import eq

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trienkhai.documents import lint
from trienkhai.documents.extract import citations, metadata
from trienkhai.documents.extract.sources import split_label, units
from trienkhai.documents.model import (
    Footnote,
    LintWarning,
    Node,
    Outline,
    Paragraph,
    SourceDocument,
)
from trienkhai.documents.structure import build_outline

_SENTINEL = "\u241e"


def _reference_doubled_words(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    out: list[LintWarning] = []
    all_units = units(outline)
    joined = f" {_SENTINEL} ".join(u.text for u in all_units)
    low = joined.lower().split()
    n = len(low)
    singles = compress(range(n - 1), map(eq, low, islice(low, 1, None)))
    pairs = compress(range(n - 3), map(eq, low, islice(low, 2, None)))
    found: list[tuple[int, int]] = [(i, 2) for i in singles if low[i] in lint._SINGLE]
    found += [
        (i, 4)
        for i in pairs
        if low[i + 1] == low[i + 3].rstrip(lint._TRAILING) and low[i] != low[i + 1]
    ]
    if not found:
        return out
    raw = joined.split()
    starts = [0, *(i + 1 for i in compress(range(n), map(eq, low, repeat(_SENTINEL))))]
    for i, size in sorted(found):
        words = raw[i : i + size]
        if _SENTINEL in words:
            continue
        if not all(lint._PLAIN_WORD.fullmatch(w) for w in words[:-1]):
            continue
        if not lint._PLAIN_WORD.fullmatch(words[-1].rstrip(lint._TRAILING)):
            continue
        second = words[size // 2]
        if words[0][:1].islower() and second[:1].isupper():
            continue
        unit = all_units[bisect_right(starts, i) - 1]
        phrase = " ".join(words).rstrip(lint._TRAILING)
        out.append(
            LintWarning("doubled_word", lint._msg("doubled_word", lang, text=phrase), unit.line)
        )
    return out


def _outline(lines: list[str]) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(lines, 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


WORDS = st.sampled_from(
    [
        "thực", "Thực", "THỰC", "hiện", "hiện,", "hiện.", "hiện;", "về", "Về", "về.", "các",
        "Hội", "hội", "Nông", "dân", "và", "và,", "2024", "số", "a)", "-", "(khóa", "XIII)",
        "ngày", "ngày…", "”", "Phụ", "lục", "x\u241e", "tại",
        # letters whose case mapping is special: İ, final sigma, long s, Kelvin sign, ẞ
        "İ", "i̇", "ΟΔΟΣ", "οδος", "Σ", "σ", "ς", "ſ", "s", "\u212a", "k", "ẞ", "ß",
    ]
)  # fmt: skip
# the units a plan's lines give are cleaned, but the check must not rely on it
SPACES = st.sampled_from(
    [" ", " ", " ", "  ", "\t", "\u00a0", "\u3000", " \u200b", "\u2028", "\u00ad "]
)


@st.composite
def _line(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, max_size=12))
    out = ""
    for w in words:
        out += w + draw(SPACES)
    return out


def _again(word: str) -> list[str]:
    """Ways a word may be printed the second time: as is, in another case, with punctuation
    after it, or with a letter that only some ways of ignoring case take for the same one."""
    return [
        word, word, word.lower(), word.upper(), word.capitalize(), word + ",", word + ".",
        word.replace("s", "ſ"), word.replace("k", "\u212a"), word.replace("Σ", "σ"),
        word.replace("ς", "σ"), word.lower().replace("i̇", "İ"), word.replace("i", "İ"),
        word.replace("ß", "ẞ"),
    ]  # fmt: skip


@st.composite
def _doubled_line(draw: st.DrawFn) -> str:
    """A line where a word or two words come again at once, perhaps printed differently."""
    phrase = draw(st.lists(WORDS, min_size=1, max_size=2))
    again = [draw(st.sampled_from(_again(w))) for w in phrase]
    words = [
        *draw(st.lists(WORDS, max_size=3)),
        *phrase,
        *again,
        *draw(st.lists(WORDS, max_size=3)),
    ]
    return "".join(w + draw(SPACES) for w in words)


def _raw_outline(lines: list[str], rows: list[list[str]], notes: list[str]) -> Outline:
    """An outline whose nodes hold the lines as given: no reader has normalised their spaces
    (NFKC turns U+3000 into a space, line breaks split paragraphs), so the check sees them;
    table rows with empty cells give units with double spaces ("a |  | b")."""
    nodes = [Node(t, i, "paragraph") for i, t in enumerate(lines, 1)]
    nodes += [Node("", 50 + i, "row", cells=cells) for i, cells in enumerate(rows)]
    footnotes = [Footnote(str(i), t, 100 + i) for i, t in enumerate(notes, 1)]
    return Outline(SourceDocument("doc.txt", "txt", []), nodes, footnotes)


LINES = st.lists(st.one_of(_line(), _doubled_line()), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=LINES)
def test_doubled_words_as_before(lines: list[str]) -> None:
    outline = _outline(["KẾ HOẠCH", *lines])
    assert lint.check_doubled_words(outline) == _reference_doubled_words(outline)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=LINES,
    rows=st.lists(
        st.lists(st.one_of(st.just(""), _line(), _doubled_line()), max_size=4), max_size=3
    ),
    notes=st.lists(st.one_of(_line(), _doubled_line()), max_size=2),
)
def test_doubled_words_as_before_in_raw_text(
    lines: list[str], rows: list[list[str]], notes: list[str]
) -> None:
    outline = _raw_outline(lines, rows, notes)
    assert lint.check_doubled_words(outline) == _reference_doubled_words(outline)


@pytest.mark.parametrize("space", [" ", "\u3000", "\x1c", "\x0b", "\x85", "\u2028", "\u205f"])
def test_doubled_words_apart_by_any_space(space: str) -> None:
    """Words apart by a space the cleaning leaves alone are two words, as str.split() reads them."""
    outline = _raw_outline([f"Thực hiện về{space}về Sở Nội vụ"], [], [])
    got = lint.check_doubled_words(outline)
    assert got == _reference_doubled_words(outline)
    assert [w.message for w in got] == ["Lặp từ: “về về”"]


@pytest.mark.parametrize("space", ["\t", "\u3000", "\x85", "\u2028"])
def test_doubled_words_in_footnotes_of_a_clean_outline(space: str) -> None:
    """A clean outline vouches for its nodes' spaces, not its footnotes': theirs are checked."""
    outline = _raw_outline(["Thực hiện về việc"], [["a", "b"]], [f"Theo về{space}về Sở"])
    outline.clean = True
    got = lint.check_doubled_words(outline)
    assert got == _reference_doubled_words(outline)
    assert [w.message for w in got] == ["Lặp từ: “về về”"]


@pytest.mark.parametrize(
    "cells", [["", "về về"], ["về", "", "về"], ["về", "về", ""], ["về về", ""], ["", "", "x"]]
)
def test_doubled_words_in_rows_with_empty_cells_of_a_clean_outline(cells: list[str]) -> None:
    """A clean outline's cells are clean, but an empty one doubles a space where it is joined."""
    outline = _raw_outline(["Thực hiện về", "về việc"], [cells], [])
    outline.clean = True
    assert lint.check_doubled_words(outline) == _reference_doubled_words(outline)


@pytest.mark.parametrize(
    ("lines", "rows", "found"),
    [
        ([], [["", "các các"]], 1),  # " | các các": the words are counted from the first one
        (["Phố ΟΔΟΣ phố οδο\u03c2 ấy"], [], 1),  # "ΟΔΟΣ" lower-cases to "οδος", final sigma
        (["Chờ tại tạİ chỗ"], [], 0),  # "tạİ" lower-cases to "tại̇": no "tại" again
    ],
)
def test_doubled_words_in_rows_and_special_letters(
    lines: list[str], rows: list[list[str]], found: int
) -> None:
    outline = _raw_outline(lines, rows, [])
    got = lint.check_doubled_words(outline)
    assert got == _reference_doubled_words(outline)
    assert len(got) == found


def test_doubled_words_overlapping_and_at_the_ends() -> None:
    lines = [
        "về về về thực hiện thực hiện thực hiện.",
        "a b a b a b",
        "Thực hiện",
        "thực hiện tốt; các các",
        "các",
        "các Hội hội Đại hội Hội Nông dân",
    ]
    outline = _outline(["KẾ HOẠCH", *lines])
    got = lint.check_doubled_words(outline)
    assert got == _reference_doubled_words(outline)
    assert len(got) >= 5


def _reference_cited_name(doc: citations.CitedDocument) -> str:
    words = [w for w, k in citations.WORD_TO_KIND.items() if k == doc.kind]
    word = min(words, key=len) if words else doc.kind
    return lint._LEX["cited_name"].format(kind=f"{word[:1].upper()}{word[1:]}", number=doc.number)


def _reference_citations(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    msg, line_word, name = lint._msg, lint._line_word, _reference_cited_name
    out: list[LintWarning] = []
    docs = citations.cited_documents(outline)
    own = citations.norm_number(metadata.extract_document(outline).get("number"))
    year = metadata.extract_document(outline).get("year")
    by_key: dict[tuple[str, str], list[citations.CitedDocument]] = defaultdict(list)
    for doc in docs:
        if own and citations.norm_number(doc.number) == own:
            continue
        by_key[(doc.kind, citations.norm_number(doc.number))].append(doc)
    for group in by_key.values():
        dated = [d for d in group if d.date is not None]
        for a, b in itertools.pairwise(dated):
            if citations.same_issuer(a.issuer, b.issuer):
                values = ", ".join(
                    f"{d.date:%d/%m/%Y} ({line_word(lang)} {d.mentions[0].line})"
                    for d in (a, b)
                    if d.date
                )
                text = msg("citation_dates", lang, cited=name(b), values=values)
                out.append(LintWarning("citation_dates", text, b.mentions[0].line))
        mentions = [m for doc in group for m in doc.mentions]
        terms = Counter(m.khoa for m in mentions if m.khoa)
        if len(terms) > 1:
            usual = terms.most_common(1)[0][0]
            usual_issuers = [m.issuer for m in mentions if m.khoa == usual]
            odd = next(
                (
                    m
                    for m in mentions
                    if m.khoa
                    and m.khoa != usual
                    and any(citations.same_issuer(m.issuer, i) for i in usual_issuers)
                ),
                None,
            )
            if odd is not None:
                usual_line = next(m.line for m in mentions if m.khoa == usual)
                values = (
                    f"khóa {odd.khoa} ({line_word(lang)} {odd.line}), "
                    f"khóa {usual} ({line_word(lang)} {usual_line})"
                )
                text = msg("citation_terms", lang, cited=name(group[0]), values=values)
                out.append(LintWarning("citation_terms", text, odd.line))
        if year is not None:
            terms_ = lint._CENTRAL_TERMS
            begun = [lint.roman_value(t) for t, start in terms_.items() if start <= year]
            for m in mentions if begun else []:
                current = max(begun)
                issuer = (m.issuer or "").lower()
                if not m.khoa or not any(w in issuer for w in lint._CENTRAL_ISSUERS):
                    continue
                if lint.roman_value(m.khoa) > current:
                    label = next(t for t in terms_ if lint.roman_value(t) == current)
                    text = msg(
                        "citation_term_unknown",
                        lang,
                        cited=name(group[0]),
                        term=m.khoa,
                        year=str(year),
                        current=label,
                    )
                    out.append(LintWarning("citation_term_unknown", text, m.line))
        for doc in group:
            if doc.date is None:
                text = msg("citation_undated", lang, cited=name(doc))
                out.append(LintWarning("citation_undated", text, doc.mentions[0].line))
    return out


CITED = st.sampled_from(
    [
        "Nghị quyết số 43-NQ/TW",
        "Nghị quyết số 57-NQ/TW",
        "Quyết định số 12/QĐ-UBND",
        "Kế hoạch số 45/KH-UBND",
        "Chỉ thị số 05-CT/TW",
        "Luật Đầu tư công",
    ]
)
WHEN = st.sampled_from(["", " ngày 24/11/2023", " ngày 25/11/2023", " ngày 22/12/2024"])
BY = st.sampled_from(
    [
        "",
        " của Ban Chấp hành Trung ương Đảng",
        " của Bộ Chính trị",
        " của UBND tỉnh",
        " của Ủy ban nhân dân tỉnh Quảng Trị",
    ]
)
TERM = st.sampled_from(["", " (khóa XIII)", " (khóa XVIII)", " (khóa XII)", " khóa XIV"])
HEAD = st.sampled_from(
    [
        ["Số: 45/KH-UBND", "Quảng Trị, ngày 02 tháng 01 năm 2025"],
        ["Số: 12/KH-UBND", "Hà Nội, ngày 02 tháng 01 năm 2019"],
        ["Số: /KH-UBND", "ngày tháng năm 2022"],
        [],
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    head=HEAD,
    cites=st.lists(st.tuples(CITED, WHEN, BY, TERM), max_size=8),
    lang=st.sampled_from(["vi", "en"]),
)
def test_citation_checks_as_before(
    head: list[str], cites: list[tuple[str, str, str, str]], lang: str
) -> None:
    lines = [f"- Thực hiện {c}{w}{b}{t}." for c, w, b, t in cites]
    outline = _outline(["ỦY BAN NHÂN DÂN", *head, "KẾ HOẠCH", "I. MỤC ĐÍCH", *lines])
    assert lint.check_citations(outline, lang) == _reference_citations(outline, lang)


def _reference_label_key(label: str) -> tuple[str, tuple[str, ...], int] | None:
    if lint._ROMAN_LABEL.fullmatch(label):
        return "roman", (), lint.roman_value(label)
    if lint._ARABIC_LABEL.fullmatch(label):
        parts = label.split(".")
        return f"num{len(parts)}", tuple(parts[:-1]), int(parts[-1])
    if label.lower() in lint._LETTERS:
        return "letter", (), lint._LETTERS[label.lower()] + 1
    return None


LABELS = ["1", "9", "01", "12", "123", "1.2", "2.10", "١", "٢٣", "²", "½", "IV", "a", "đ", "Đ", "-"]


@given(label=st.one_of(st.sampled_from(LABELS), st.text(max_size=4)))
def test_label_keys_as_before(label: str) -> None:
    assert lint._label_key(label) == _reference_label_key(label)


def _reference_numbering(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    out: list[LintWarning] = []
    last: dict[str, tuple[tuple[str, ...], int, str]] = {}
    for unit in units(outline, footnotes=False):
        node = unit.node
        if node is not None and node.kind == "row":
            continue
        if unit.text.lower().startswith(lint._RESTART):
            last.clear()
            continue
        label = (node.label if node is not None else None) or split_label(unit.text)[0]
        if not label or label in lint._BULLETS:
            continue
        key = _reference_label_key(label)
        if key is None:
            continue
        if node is not None and node.text[:1].islower():
            continue
        level, parent, pos = key
        prev = last.get(level)
        if prev is not None and prev[0] == parent:
            if pos == prev[1]:
                text = lint._msg("numbering_repeat", lang, label=label)
                out.append(LintWarning("numbering_repeat", text, unit.line))
            elif pos > prev[1] + 1:
                text = lint._msg("numbering_skip", lang, label=label, prev=prev[2])
                out.append(LintWarning("numbering_skip", text, unit.line))
        last[level] = (parent, pos, label)
        depth = lint._depth(level)
        for deeper in [other for other in last if lint._depth(other) > depth]:
            del last[deeper]
    return out


NUMBERED = st.sampled_from(
    [
        "I.", "II.", "III.", "V.", "1.", "2.", "3.", "5.", "1.1.", "1.2.", "1.4.", "2.1.",
        "1.1.1.", "1.1.2.", "1.1.1.1.", "1.1.1.1.1", "1.1.1.1.2", "a)", "b)", "d)", "đ)", "-", "+",
        "", "Phụ lục", "PHỤ LỤC", "phụ lục", "Phụ", "P.", "Ｐhụ lục", "İ", "\u212a", "Ủy ban",
        "XIV)",
    ]
)  # fmt: skip
TITLES = st.sampled_from(["MỤC ĐÍCH", "Nhiệm vụ", "về việc", "Sở Tư pháp", "I", "", "1. Rà soát"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.tuples(NUMBERED, TITLES), max_size=20), lang=st.sampled_from(["vi", "en"]))
def test_numbering_as_before(lines: list[tuple[str, str]], lang: str) -> None:
    outline = _outline(["KẾ HOẠCH", "abc", *(f"{n} {t}" for n, t in lines)])
    assert lint.check_numbering(outline, lang) == _reference_numbering(outline, lang)


def test_numbering_closes_deeper_levels_and_restarts() -> None:
    lines = [
        "I. MỤC ĐÍCH", "1. Một", "a) Việc", "c) Việc", "2. Hai", "b) Việc", "II. NHIỆM VỤ",
        "2. Hai", "1.1. Một", "1.3. Ba", "PHỤ LỤC", "I. BẢNG", "III. BẢNG", "III. BẢNG",
    ]  # fmt: skip
    outline = _outline(["KẾ HOẠCH", "abc", *lines])
    got = lint.check_numbering(outline)
    assert got == _reference_numbering(outline)
    # "b)" after "2." and "2." under "II." open afresh: the outer label closed the deeper levels
    assert [(w.code, w.line) for w in got] == [
        ("numbering_skip", 6),
        ("numbering_skip", 12),
        ("numbering_skip", 15),
        ("numbering_repeat", 16),
    ]


@pytest.mark.parametrize(
    ("word", "line"),
    [
        ("kèm theo", "\u212aèm theo"),
        ("kèm theo", "KÈM THEO"),
        ("i̇ kèm", "İ kèm"),
        ("phụ lục", "PHỤ LỤC"),
    ],
)
def test_numbering_restarts_whatever_letter_opens_the_word(
    monkeypatch: pytest.MonkeyPatch, word: str, line: str
) -> None:
    """The ASCII opening letters that skip lower-casing leave out none that lower-cases to the
    word's first letter (İ lower-cases to i and a dot)."""
    monkeypatch.setattr(lint, "_RESTART", (word,))
    monkeypatch.setattr(lint, "_RESTART_INITIALS", lint._ascii_initials((word,)))
    outline = _outline(["KẾ HOẠCH", "abc", "I. MỤC ĐÍCH", "II. NHIỆM VỤ", line, "II. BẢNG"])
    assert lint.check_numbering(outline) == _reference_numbering(outline) == []
