"""Finding the bodies responsible in a sentence: lead, support, requested.

Vietnamese plans name responsibility in a few fixed shapes, and this module reads them:

- the subject at the start of a clause: "Sở Nội vụ tham mưu ...", "Các cấp ủy, chính quyền ...
  tiếp tục ..." (lead);
- "X chủ trì, phối hợp với Y, Z <verb> ..." (lead X, support Y, Z);
- "Giao X chủ trì ..." / "Giao X là cơ quan đầu mối ..." (lead X);
- "Đề nghị Z ..." (requested Z: bodies the issuer cannot order);
- a text that is only bodies' names ("Sở Khoa học và Công nghệ", "Đề nghị: Hội Nông dân tỉnh");
- labelled fields after the task, in a parenthesis, a tail clause or a line of their own
  ("(Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính; thời gian thực hiện: ...)",
  "- Đơn vị chủ trì: Công an tỉnh"), which win over the other shapes.

A body phrase starts with a body word from the ``bodies`` lexicon (or, for a subject, with two
capitalised words that open no event, law or verb: "Hạt Kiểm lâm huyện ...") and runs to the
first verb or preposition listed there (``subject_verbs``, ``subject_stops``). Nothing here is
specific to one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import load
from ..patterns import finditer_at, positions

_LEX = load("bodies")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _trie(words: list[str]) -> str:
    """An alternation written as a tree of shared prefixes ("b(?:an hành|ồi dưỡng)"): the same
    match as ``_alternation`` (the longest word that fits, the end of a word tried last), but
    sre tries one branch per next character instead of every word in turn."""
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|)" if "" in node else ")")

    return emit(root)


def _lower(words: list[str]) -> list[str]:
    """The words lower-cased, for a case-insensitive prefix tree: sre compares each character's
    lower case, and "Ủy ban" / "ủy ban" must share one branch for the longest word to win."""
    return [w.lower() for w in words]


# The head lists as prefix trees (one branch per next character, some 30% faster to match
# than the plain alternation).
_PLURAL = _alternation(_LEX["plural_markers"])
_CASED_HEAD = re.compile(rf"(?:(?:{_PLURAL})\s+)?(?:{_trie(_LEX['heads_cased'])})(?![\w])")
_HEAD = re.compile(
    rf"(?:(?:{_PLURAL})\s+)?(?:{_trie(_lower(_LEX['heads']))})(?![\w])", re.IGNORECASE
)
_SPLIT_HEAD = re.compile(
    rf"(?:(?:{_PLURAL})\s|(?:{_trie(_lower(_LEX['split_heads']))})(?![\w]))", re.IGNORECASE
)
_VERBS = _LEX["subject_verbs"]
_STOPS = _LEX["subject_stops"]
_END = re.compile(
    rf"(?:^|\s)(?:{_alternation(_VERBS + _STOPS)})(?![\w])|[.;:()\[\]“”\"]", re.IGNORECASE
)
_SUPPORT_END = re.compile(
    rf"(?:^|\s)(?:{_alternation(_VERBS + _STOPS + _LEX['support_end'])})(?![\w])"
    r"|[.;:()\[\]“”\"]",
    re.IGNORECASE,
)
_VERB_AT = re.compile(rf"(?:{_trie(_VERBS)})(?![\w])")
# The same end patterns without IGNORECASE, run on the lower-cased text (4x faster on long
# alternations), with the words as a prefix tree and no "^" branch (they are only searched
# from after a body word, never at 0). The case-insensitive ones serve the rare text whose
# lower case changes length. Keyed by id: hashing a compiled pattern walks all its code.
_PUNCT_END = r"|[.;:()\[\]“”\"]"
_LOWER: dict[int, re.Pattern[str]] = {
    id(_END): re.compile(rf"\s(?:{_trie(_VERBS + _STOPS)})(?![\w]){_PUNCT_END}"),
    id(_SUPPORT_END): re.compile(
        rf"\s(?:{_trie(_VERBS + _STOPS + _LEX['support_end'])})(?![\w]){_PUNCT_END}"
    ),
}
_VERB_AT_ANY_CASE = re.compile(rf"(?:{_alternation(_VERBS)})(?![\w])", re.IGNORECASE)
_ROLE_LEAD = re.compile(_LEX["roles"]["lead"], re.IGNORECASE)
_ROLE_SUPPORT = re.compile(_LEX["roles"]["support"], re.IGNORECASE)
_SUPPORTING_VERB = re.compile(_LEX["roles"]["supporting_subject"], re.IGNORECASE)
REQUESTED_CUE: str = _LEX["roles"]["requested"]
_ROLE_REQUESTED = re.compile(REQUESTED_CUE, re.IGNORECASE)
_ROLE_ASSIGN = re.compile(_LEX["roles"]["assign"], re.IGNORECASE)
_ROLE_DIRECTIVE = re.compile(_LEX["roles"]["directive"], re.IGNORECASE)
_HEADING_PREFIX = re.compile(_LEX["heading_prefix"], re.IGNORECASE)
_ROLE_REQUEST_INSIDE = re.compile(_LEX["roles"]["request_inside"], re.IGNORECASE)
_CONTINUATIONS = tuple(_LEX["name_continuations"])
_QUICK = _LEX["quick_cues"]
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*:?\s*$")  # "Sở Nội vụ (cơ quan thường trực):"
_BODY_LABEL = re.compile(r"([^:;.]{2,160}?)\s*:\s+\S")
_OPENERS = re.compile(rf"^(?:{_alternation(_LEX['clause_openers'])})\s*,\s*", re.IGNORECASE)
_ADVERBIAL = re.compile(rf"^(?:{_alternation(_LEX['adverbial_openers'])})\s", re.IGNORECASE)
_CONJ = _alternation(_LEX["conjunctions"])
_CONJ_WORDS = tuple(_LEX["conjunctions"])
_AFTER_PLURAL = re.compile(rf"(?:^|\s)(?:{_PLURAL})$", re.IGNORECASE)
_PLURAL_REACH = max(len(w) for w in _LEX["plural_markers"]) + 2  # the space, a final newline
# "giáo dục và đào tạo": after "và", a field word that is a verb elsewhere stays in the name.
_AFTER_AND = re.compile(r"\svà$")
_FIELDS_AFTER_AND = tuple(_LEX["fields_after_and"])
_TRAILING_CONJ = re.compile(rf"\s+(?:{_CONJ})$")  # "các đơn vị và | triển khai ..."
# what a text ends with when _TRAILING_CONJ can match ("$" also matches before a final newline)
_CONJ_ENDS = tuple(w + nl for w in _LEX["conjunctions"] for nl in ("", "\n"))
_PIECES = re.compile(rf"\s*(?:;|,|\s(?:{_CONJ})\s)\s*")
_BOUNDARY = re.compile(r"[.;!?:]\s+")
# Where clauses start, with the word each opens with: the text's first word, a word after a
# sentence mark and spaces, and one right after "(" when capitalised ("... (Sở Y tế chủ trì,
# phối hợp với ...)"). The marks are found by str.find (sre scans for a class of characters
# some 10x slower than str.find for one), and a word is matched only after a mark whose next
# character can open a clause (a space, or a capital after "(").
_CLAUSE_MARKS = ".;!?:("
_WORD = re.compile(r"\w+")
_SPACED_WORD = re.compile(r"\s+(\w+)")
_FIRST_WORD = re.compile(r"()()(\w+)")
_WINDOW = 700  # a subject and its verb sit well within this many characters of a clause start
_LABELS = _LEX["responsibility_labels"]
_LABEL_ROLE = {w: role for role in ("lead", "support") for w in _LABELS[role]}
# "(Cơ quan chủ trì: X; cơ quan phối hợp: Y)": a label after a boundary, then ":". Run on the
# lower-cased text (the labels are lower case in the lexicon).
_LABEL = re.compile(
    rf"(?:^|(?<=[(;.,+\-–•\n]))\s*(?P<label>{_alternation([*_LABEL_ROLE, *_LABELS['other']])})"
    r"\s*:\s*"
)
_LABEL_VALUE_END = re.compile(r"[;()\n]|\.(?:\s|$)")
_LABEL_WORDS = tuple(_LABEL_ROLE)  # only a role label makes the fields worth reading
_LABEL_REACH = max(len(w) for w in _LABEL_WORDS) + 4  # how close a label ends to its colon


def _first_words(phrases: list[str]) -> set[str]:
    return {p.split()[0].casefold() for p in phrases if p.split()}


# A clause can only name a lead or requested body if it opens with one of these words.
_START_WORDS = _first_words(
    _LEX["heads_cased"]
    + _LEX["heads"]
    + _LEX["plural_markers"]
    + _LEX["clause_openers"]
    + _LEX["adverbial_openers"]
    + _LEX["start_cues"]
)
_MAX_WORDS = 30
_TWO_WORDS = re.compile(r"(\w+)\s+(\w+)")
# Neither an event, place or one-word verb, nor a word that begins a subject verb ("Tổ chức",
# "Đưa") opens a body's name written with two capitals.
_NOT_PROPER_FIRST = {w.casefold() for w in _LEX["proper_subject_not_first"]} | _first_words(
    _VERBS + _STOPS + _LEX["clause_openers"] + _LEX["adverbial_openers"] + _LEX["start_cues"]
)
_ONLY_BODIES_CHARS = 60 * _MAX_WORDS  # longer than any list of names of _MAX_WORDS words


@dataclass(slots=True)
class Roles:
    """The bodies named in a text, by role, each list in printed order without repeats."""

    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def add(self, role: str, bodies: list[str]) -> None:
        target: list[str] = getattr(self, role)
        for body in bodies:
            if body and body not in target:
                target.append(body)

    def __bool__(self) -> bool:
        return bool(self.lead or self.support or self.requested)


_NO_ROLES = Roles()  # returned, never changed, where a text names no labelled field


def starts_with_body(text: str) -> bool:
    """True when the text opens with a body word ("Sở ...", "các cấp ủy ...", "UBND ...")."""
    return bool(_CASED_HEAD.match(text) or _HEAD.match(text))


def split_bodies(phrase: str) -> list[str]:
    """Split "A, B và C" into bodies where a piece starts a new body name.

    "UBND các huyện, thị xã, thành phố" stays one body: "thị xã" does not open a body name.
    """
    phrase = phrase.strip(" ,;:-–")
    if not phrase:
        return []
    if "," not in phrase and ";" not in phrase and not _holds(phrase, _CONJ_WORDS):
        return [phrase]  # no separator: one body (and no scan of the pieces pattern)
    out: list[str] = []
    pos = 0
    size = len(phrase)
    for m in _PIECES.finditer(phrase):
        rest = m.end()  # the head patterns hold no anchor or lookbehind: matched in place
        if m.start() == 0 or rest == size:
            continue
        if (
            _CASED_HEAD.match(phrase, rest)
            or _SPLIT_HEAD.match(phrase, rest)
            or m.group(0).strip() == ";"
        ):
            out.append(phrase[pos : m.start()])
            pos = m.end()
    out.append(phrase[pos:])
    return [p.strip(" ,;:-–") for p in out if p.strip(" ,;:-–")]


def _head_length(text: str) -> int:
    """Length of the body word the text opens with (0 when it opens with none)."""
    cased, head = _CASED_HEAD.match(text), _HEAD.match(text)
    if cased is None:
        return head.end() if head else 0
    return max(cased.end(), head.end()) if head else cased.end()


def _proper_head(text: str, pos: int = 0) -> int:
    """Length of an opening (at ``pos``) of two capitalised words that may begin a body's name
    not in the lexicon ("Hạt Kiểm lâm ...", "Trạm Khuyến nông ..."); 0 for any other opening."""
    m = _TWO_WORDS.match(text, pos)
    if m is None:
        return 0
    first, second = m.group(1), m.group(2)
    if not (first[0].isupper() and second[0].isupper()) or (len(first) > 1 and first.isupper()):
        return 0
    if first.casefold() in _NOT_PROPER_FIRST:
        return 0
    return m.end() - pos


def _phrase_until(
    text: str,
    end: re.Pattern[str],
    need_verb: bool = False,
    proper: bool = False,
    low: str | None = None,
) -> str | None:
    """The body phrase at the start of ``text``, up to the first end word; None if none.

    With ``need_verb`` (a subject), the phrase must end at a verb, not at a preposition; with
    ``proper``, a phrase may open with two capitalised words instead of a listed body word.
    ``low`` is the text lower-cased, when the caller has it (see ``_aligned_lower``).
    """
    pos = _head_length(text) or (_proper_head(text) if proper else 0)
    if not pos:
        return None
    if low is None:
        low = text.lower()
    verb_at = _VERB_AT
    if len(low) == len(text):
        end = _LOWER.get(id(end), end)
    else:
        low, verb_at = text, _VERB_AT_ANY_CASE
    while True:
        m = end.search(low, pos)
        if m is None:
            phrase = text
            if need_verb:
                return None
            break
        start = m.start() + (1 if text[m.start()].isspace() else 0)
        if start > 0 and _is_name_part(text, start):
            pos = m.end()
            continue
        if need_verb and not verb_at.match(low, start):
            return None
        phrase = text[:start]
        break
    phrase = phrase.strip(" ,;:-–")
    if phrase.endswith(_CONJ_ENDS):
        phrase = _TRAILING_CONJ.sub("", phrase).strip(" ,;:-–")
    # (more than _MAX_WORDS words take more than twice as many characters: no split needed)
    if not phrase or (len(phrase) > 2 * _MAX_WORDS and len(phrase.split()) > _MAX_WORDS):
        return None
    return phrase


def _is_name_part(text: str, start: int) -> bool:
    """An end word that here belongs to a name: "các tổ chức chính trị", ", tổ chức đảng"."""
    if text[start].isupper():
        return True  # "Sở Giáo dục và Đào tạo": a verb in running text is not capitalised
    if text.startswith(_CONTINUATIONS, start):
        return True  # "các tổ chức, cá nhân trong và ngoài tỉnh"
    if text[start] == ";":
        rest = text[start + 1 :].lstrip()
        return bool(_CASED_HEAD.match(rest) or _HEAD.match(rest))  # "Các sở, ban, ngành; UBND ..."
    before = text[:start].rstrip()
    # both end-anchored: searched from just before the longest word they can end with
    if _AFTER_PLURAL.search(before, len(before) - _PLURAL_REACH):
        return True  # "các tổ chức ...": after a plural marker comes a noun
    if _AFTER_AND.search(before, len(before) - 4) and text[start:].lower().startswith(
        _FIELDS_AFTER_AND
    ):
        return True  # "các phòng giáo dục và đào tạo": the field's name goes on
    if before.endswith(","):
        return bool(_HEAD.match(text, start) or _CASED_HEAD.match(text, start))
    return bool(_HEAD.match(text, start)) and not _ROLE_LEAD.match(text, start)


def _opener_end(clause: str) -> int:
    """Where the clause goes on after an opener ("Theo đó, ..."), 0 if it has none."""
    m = _OPENERS.match(clause)
    return m.end() if m else 0


def _aligned_lower(text: str) -> str | None:
    """The text lower-cased, when every slice of it is the lower case of the same slice of the
    text (so callers can pass slices down instead of lower-casing each again); None when a
    character changes length, or "Σ", whose lower case depends on the letters around it."""
    low = text.lower()
    return low if len(low) == len(text) and "Σ" not in text else None


def _subject(clause: str, low: str | None = None, opener: bool = True) -> str | None:
    """The subject a clause opens with, after an opener ("Theo đó, ...") if any (``opener``:
    False when the caller already found that the clause opens with none)."""
    cut = _opener_end(clause) if opener else 0
    if cut:
        clause, low = clause[cut:], None if low is None else low[cut:]
    return _phrase_until(clause, _END, need_verb=True, proper=True, low=low)


def _after_adverbial(clause: str) -> str | None:
    """ "Căn cứ ..., Giám đốc các sở ... xây dựng ...": the subject after the opening phrase."""
    clause = re.split(r"[.;]\s", clause, maxsplit=1)[0]
    for m in re.finditer(r",\s+", clause):
        rest = clause[m.end() :]
        plural = re.match(rf"(?:{_PLURAL})\s", rest, re.IGNORECASE)
        if _CASED_HEAD.match(rest) or (plural and _HEAD.match(rest)):
            found = _phrase_until(rest, _END, need_verb=True)
            if found:
                return found
    return None


def labelled_roles(text: str, low: str | None = None) -> tuple[Roles, str]:
    """Bodies given by labelled fields ("(Chủ trì: Sở Y tế; Phối hợp: Sở Tài chính)"), and
    the text with those fields blanked out (same length) for the other readers; ``low`` is
    the text lower-cased, when the caller has it."""
    if ":" not in text or not _has_label(text):
        return _NO_ROLES, text
    low = text.lower() if low is None else low
    if len(low) != len(text):
        return _NO_ROLES, text
    found = list(_LABEL.finditer(low))
    if not found:
        return _NO_ROLES, text
    roles = Roles()
    masked = list(text)
    for k, m in enumerate(found):
        limit = found[k + 1].start() if k + 1 < len(found) else len(text)
        stop = _LABEL_VALUE_END.search(low, m.end(), limit)
        end = stop.start() if stop else limit
        role = _LABEL_ROLE.get(m.group("label"))
        if role is None:
            continue  # a due time or product label: read by the tasks stage
        value = text[m.end() : end].strip(" ,;:-–.")
        roles.add(role, split_bodies(value) if value else [])
        masked[m.start() : end] = " " * (end - m.start())
    if not roles:
        return _NO_ROLES, text
    return roles, "".join(masked)


def _has_label(text: str) -> bool:
    """Quick check: some colon in the text follows a role label ("chủ trì:", "phối hợp :")."""
    colon = text.find(":")
    while colon != -1:
        before = text[max(0, colon - _LABEL_REACH) : colon].rstrip().lower()
        if before.endswith(_LABEL_WORDS):
            return True
        colon = text.find(":", colon + 1)
    return False


def is_field_line(text: str) -> bool:
    """True for a line that only gives a labelled field of the item above it ("- Đơn vị chủ
    trì: Sở Y tế", "- Thời gian hoàn thành: Quý III/2026"): not a task of its own."""
    if text.find(":", 0, 80) == -1:
        return False
    head = text[:80].lstrip(" -–+•").lower()
    return bool(_LABEL.match(head))


def find_roles(text: str, low: str | None = None) -> Roles:
    """Lead, support and requested bodies named anywhere in a task's text (``low``: the text
    lower-cased, when the caller has it).

    Labelled fields ("Cơ quan chủ trì: X; cơ quan phối hợp: Y") win over the other shapes:
    they are the plan's explicit assignment."""
    if ":" not in text:
        return _find_roles(text, low)  # (no labelled field without a colon)
    labelled, read = labelled_roles(text, low)
    if not labelled:
        return _find_roles(text, low)
    roles = _find_roles(read)
    if labelled.lead:
        roles.lead = list(labelled.lead)
    roles.add("support", labelled.support)
    return roles


def _find_roles(text: str, low: str | None = None) -> Roles:
    roles = Roles()
    low = text.lower() if low is None else low  # for the quick cue checks
    aligned = low if len(low) == len(text) and "Σ" not in text else None  # see _aligned_lower
    directive = _mentions(low, "directive")
    for start, word in _clause_words(text):
        end = start + len(word)
        folded = word.casefold()
        if folded in _START_WORDS or (
            word[0].isupper()
            and text[end + 1 : end + 2].isupper()  # "Hạt Kiểm lâm ..."
            and folded not in _NOT_PROPER_FIRST
            and _proper_head(text, start)
        ):
            window = None if aligned is None else aligned[start : start + _WINDOW]
            _read_subject(text[start : start + _WINDOW], roles, directive, window)
    if not roles.lead and directive:
        roles.add("lead", _directed(text, aligned))
    if _mentions(low, "request"):
        for m in _ROLE_REQUEST_INSIDE.finditer(text):
            found = _phrase_until(text[m.end() : m.end() + _WINDOW], _END, need_verb=True)
            if found:
                roles.add("requested", split_bodies(found))
    if _mentions(low, "support"):
        _read_support(text, roles, aligned)
    return roles


def _clause_words(text: str) -> list[tuple[int, str]]:
    """Where each clause of a text starts and the word it opens with, in order: the first word,
    a word after a sentence mark and spaces ("3.5", "Sở Y tế;Sở ...": no clause starts without
    a space), a capitalised word right after "(" (a parenthesis opens a clause only with a
    capital). A mark never lies inside another's match (mark, spaces, word): each is read alone."""
    first = _WORD.match(text)
    found = [(0, first.group())] if first else []
    for at in positions(text, _CLAUSE_MARKS):
        if text[at] == "(":
            if text[at + 1 : at + 2].isupper():
                m = _WORD.match(text, at + 1)
                if m:
                    found.append((at + 1, m.group()))
        else:
            m = _SPACED_WORD.match(text, at + 1)
            if m:
                found.append((m.start(1), m.group(1)))
    return found


def _holds(text: str, words: tuple[str, ...] | list[str]) -> bool:
    """Whether the text holds one of the words (a plain loop: no generator per call)."""
    for word in words:  # noqa: SIM110 - no generator per call
        if word in text:
            return True
    return False


def _mentions(low: str, cue: str) -> bool:
    """Whether the lower-cased text holds one of the quick-check words of a role cue."""
    for word in _QUICK[cue]:  # noqa: SIM110 - no generator per call: this runs per clause
        if word in low:
            return True
    return False


def _cue_matches(
    pattern: re.Pattern[str], cue: str, text: str, low: str | None = None
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a role pattern whose every match opens with
    one of the quick-check words of ``cue`` (``low``: the text lower-cased): the pattern is tried only
    where such a word starts. str.find runs in C at memory speed, while sre tries a pattern that
    opens with a lookbehind or \\b at every position (some 30 ns a character)."""
    if low is None or len(low) != len(text):
        return list(pattern.finditer(text))  # positions in ``low`` would not be those of text
    return finditer_at(pattern, text, positions(low, _QUICK[cue]))


def _read_support(text: str, roles: Roles, low: str | None) -> None:
    for sm in _cue_matches(_ROLE_SUPPORT, "support", text, low):
        rest = None if low is None else low[sm.end() :]
        found = _phrase_until(text[sm.end() :], _SUPPORT_END, low=rest)
        if found:
            roles.add("support", split_bodies(found))


def _read_subject(
    clause: str, roles: Roles, directive: bool = True, low: str | None = None
) -> None:
    """The lead (or requested) bodies a clause opens with, by the first shape that fits
    (``directive``: False when the whole text holds no "yêu cầu"/"giao", to skip that check;
    ``low``: the clause lower-cased, from ``_aligned_lower``, when the caller has it)."""
    cut = _opener_end(clause)
    if cut:
        clause, low = clause[cut:], None if low is None else low[cut:]
    m = _ROLE_REQUESTED.match(clause)
    if m:
        rest_low = None if low is None else low[m.end() :]
        found = _phrase_until(clause[m.end() :], _END, low=rest_low)
        if found:
            roles.add("requested", split_bodies(found))
        return
    m = _ROLE_ASSIGN.match(clause)
    if m:
        rest = clause[m.end() :]
        rest_low = None if low is None else low[m.end() :]
        found = _phrase_until(rest, _END, need_verb=True, low=rest_low) or _body_label(rest)
        if found is None and only_bodies(rest):
            found = rest.strip().rstrip(":.").strip()  # a heading "Giao Sở Nội vụ:"
    else:
        if directive:
            head = clause[:200].lower() if low is None else low[:200]
            directive = _mentions(head, "directive")
        if directive:
            sentence = _first_sentence(clause)
            directed = _directed(sentence, None if low is None else low[: len(sentence)])
            if directed:
                roles.add("lead", directed)
                return
        if _ADVERBIAL.match(clause):
            found = _after_adverbial(clause)
        else:
            found = _subject(clause, low, opener=cut > 0) or _body_label(clause)
            if found and _SUPPORTING_VERB.match(clause, len(found)):
                roles.add("support", split_bodies(found))  # "...; Sở Nội vụ phối hợp; ..."
                return
    if found:
        roles.add("lead", split_bodies(found))


def _body_label(clause: str) -> str | None:
    """ "Sở Tài chính: Chủ trì ..." — a body's name set before a colon, as in per-body lists."""
    colon = clause.find(":")
    if colon == -1 or clause.find(";", 0, colon) != -1 or clause.find(".", 0, colon) != -1:
        return None  # the label runs to the first colon, before any ";" or "."
    m = _BODY_LABEL.match(clause)
    if m and only_bodies(m.group(1)):
        return m.group(1).strip()
    return None


def _first_sentence(text: str) -> str:
    return re.split(r"[.;]\s", text, maxsplit=1)[0]


def _directed(text: str, low: str | None = None) -> list[str]:
    """Bodies named after "yêu cầu" / "giao" inside a sentence ("Ban Bí thư yêu cầu X ...");
    ``low``: the text lower-cased, from ``_aligned_lower``, when the caller has it."""
    if low is None:
        low = _aligned_lower(text)
    for m in _cue_matches(_ROLE_DIRECTIVE, "directive", text, low):
        rest = None if low is None else low[m.end() :]
        found = _phrase_until(text[m.end() :], _END, need_verb=True, low=rest)
        if found:
            return split_bodies(found)
    return []


def heading_roles(text: str) -> Roles:
    """Bodies a heading hands down to the items under it.

    "Sở Khoa học và Công nghệ" (a heading that is only a name) and "A, B ... thực hiện tốt
    một số nhiệm vụ sau đây:" give their bodies as lead; "Đề nghị: Hội Nông dân tỉnh, ..."
    gives them as requested.
    """
    text = text.strip().rstrip(":").strip()
    if ":" not in text and not _may_hand_down(text):
        return Roles()  # most headings: "Nâng cao nhận thức ...", "NHIỆM VỤ, GIẢI PHÁP"
    labelled, _ = labelled_roles(text)
    if labelled.lead:
        return labelled  # "2. Tổ chức hội thi (Chủ trì: Sở Tư pháp; Phối hợp: ...)"
    m = _ROLE_REQUESTED.match(text)
    if m:
        rest = text[m.end() :]
        found = _phrase_until(rest, _END)
        roles = Roles()
        if found:
            roles.add("requested", split_bodies(found))
        return roles
    m = _HEADING_PREFIX.match(text)
    if m and only_bodies(text[m.end() :]):
        text = text[m.end() :]
    if only_bodies(text):
        roles = Roles()
        roles.add("lead", split_bodies(_TRAILING_NOTE.sub("", text)))
        return roles
    roles = Roles()
    _read_subject(text, roles)
    return roles


def _may_hand_down(text: str) -> bool:
    """Whether a heading without a colon can name bodies at all: every shape read below opens
    with a word of ``_START_WORDS`` (as ``_find_roles`` reads clauses), two capitalised words, a
    heading prefix ("Nhiệm vụ của ..."), or holds a directive ("... giao X ...") early on. Some
    ten patterns and calls are saved on each heading that does none of these."""
    m = _FIRST_WORD.match(text)
    if m is not None and (m.group(3).casefold() in _START_WORDS or _proper_head(text)):
        return True
    return bool(_HEADING_PREFIX.match(text)) or _mentions(text[:200].lower(), "directive")


def only_bodies(text: str) -> bool:
    """True when the whole text is a list of body names and nothing else."""
    text = text.strip().rstrip(":.").strip()
    if not text or len(text) > _ONLY_BODIES_CHARS or text.count(" ") > 2 * _MAX_WORDS:
        return False
    if text.endswith(")"):
        text = _TRAILING_NOTE.sub("", text)
    if not _head_length(text):
        return False  # (most texts: no body word to open with, so no need to split them)
    if len(text.split()) > _MAX_WORDS:
        return False
    found = _phrase_until(text, _END)
    return found is not None and found == text
