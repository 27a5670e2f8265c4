"""Each sentence's speaker: where a sentence gets its speaker.

`split_clauses` cuts a sentence that holds two voices at the comma between them, and
`sentence_speakers` gives every (possibly cut) sentence the attribution that speaks it, or the
outlet. The attributions come from `attribution.attributions.attribute`; see ``docs/grammar.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .attributions.base import _WORD_RE, _WORDS, Draft, Paragraph
from .cues import CueTables
from .intervals import SpanIndex
from .morphology import WA
from .normalize import CLOSING, OPENING, Folded
from .words import GrammarWords

if TYPE_CHECKING:
    from .compiled import Compiled

#: What may stand between a clause and its comma: closing quotes or a bracket or dash (forward), opening
#: ones (backward).
_AFTER_CLAUSE = CLOSING + ")-–—"
_BEFORE_CLAUSE = OPENING + "(-–—"

__all__ = ["MIN_CLAUSE_WORDS", "sentence_speakers", "split_clauses"]


def _hull(d: Draft) -> tuple[int, int]:
    """What an attribution covers: its content, its cue and a subject written next to the cue (or, for a
    cue coordinated with an earlier verb, that verb's subject: the whole sentence is its clause)."""
    a = min(d.content[0], d.cue[0])
    b = max(d.content[1], d.cue[1])
    m = d.source.mention
    if m is not None and (abs(m[1] - d.cue[0]) <= 30 or abs(d.cue[1] - m[0]) <= 30 or d.rule == "coordinated-subject"):
        a, b = min(a, m[0]), max(b, m[1])
    return a, b


def _main_clause_start(text: str, s: int, e: int, cues: CueTables, words: GrammarWords) -> int | None:
    """Where the main clause of sentence ``[s, e)`` starts: after a fronted adverbial ("في رسالة …،"),
    at the start otherwise, or ``None`` when the sentence opens with a subordinate clause ("بينما …")."""
    found = list(_WORD_RE.finditer(text, s, e))
    if not found:
        return s
    first = found[0].group()
    if first in words.subordinate:
        return None
    if first in words.fronted or cues.prep_word(first):
        for m in found[1:26]:
            if m.group() in "،,":
                return m.end()
    return s


#: The fewest words a clause needs to stand as a sentence of its own when a sentence is split between
#: two speakers: shorter stretches stay with the clause next to them.
MIN_CLAUSE_WORDS = 3


def split_clauses(view: Folded, paragraphs: list[Paragraph], drafts: list[Draft],
                  compiled: Compiled) -> list[Paragraph]:
    """The paragraphs with each sentence that holds two voices split at the comma between them.

    A sentence splits where an attribution (its cue, subject and content) starts or ends at a comma
    inside it and at least `MIN_CLAUSE_WORDS` words stand on the other side: «بينما قالت الوزارة
    إن …، أفادت صحيفة محلية أن …» becomes two sentences with a speaker each, and «أكد الجيش أن …، حيث أطلقت
    القوات عملية …» leaves the outlet its own clause. A subordinator may stand between the comma and
    the attribution: «أطلق عليه النار، بعد أن قالت الشرطة إنها …» gives the police the second clause
    (``clause_openers`` in ``compiled.words``).
    """
    text = view.text
    subordinators = compiled.words.clause_openers
    hulls = SpanIndex([_hull(d) for d in drafts])
    out = []
    for para in paragraphs:
        if not hulls.overlapping(para.start, para.end):
            out.append(para)
            continue
        pieces: list[tuple[int, int]] = []
        for s, e in para.sentences:
            cuts = set()
            for i in hulls.overlapping(s, e):
                a, b = hulls.spans[i]
                if s < a < e and drafts[i].cue[0] == a and text[a] == WA and drafts[i].rule in _OWN_SUBJECT \
                        and text[a - 1:a].isspace() and _comma_at(text, s, a, forward=False) is None:
                    cuts.add(a - 1)  # «… "بخير تماما" وأكد عضو في المكتب …»: a new clause with its own subject
                if s < b < e:
                    comma = _comma_at(text, b, e, forward=True)
                    if comma is not None:
                        cuts.add(comma)
                if s < a < e:
                    comma = _comma_at(text, s, _before_subordinator(text, s, a, subordinators), forward=False)
                    if comma is not None:
                        cuts.add(comma)
            start = s
            for c in sorted(cuts):
                if _has_words(text, start, c, MIN_CLAUSE_WORDS) and _has_words(text, c + 1, e, MIN_CLAUSE_WORDS):
                    pieces.append(_trimmed(text, start, c + 1))
                    start = c + 1
            pieces.append(_trimmed(text, start, e))
        split = [p for p in pieces if p[1] > p[0]]
        out.append(para if split == list(para.sentences) else attrs.evolve(para, sentences=split))
    return out


#: Rules whose subject follows the cue: a cue of theirs opening with و starts a clause of its own.
_OWN_SUBJECT = frozenset({"verb-subject", "verb-subject-to-content"})


def _comma_at(text: str, a: int, b: int, *, forward: bool) -> int | None:
    """The clause comma right after ``a`` (forward) or right before ``b``, with only spaces, closing
    quotes or dashes between; ``None`` when there is none."""
    if forward:
        i = a
        while i < b and (text[i].isspace() or text[i] in _AFTER_CLAUSE):
            i += 1
        return i if i < b and text[i] in "،,؛;" else None
    i = b - 1
    while i >= a and (text[i].isspace() or text[i] in _BEFORE_CLAUSE):
        i -= 1
    return i if i >= a and text[i] in "،,؛;" else None


def _before_subordinator(text: str, s: int, a: int, subordinators: frozenset[str]) -> int:
    """Where the one or two words of a subordinator ending at ``a`` ("بعد أن", "عندما") start; ``a``
    when none ends there."""
    found = list(_WORD_RE.finditer(text, max(s, a - 20), a))[-2:]
    for n in (2, 1):
        if len(found) >= n and " ".join(m.group() for m in found[-n:]) in subordinators:
            return found[-n].start()
    return a


def _has_words(text: str, a: int, b: int, n: int) -> bool:
    """True when ``text[a:b]`` holds at least ``n`` words (counted no further than the n-th)."""
    for count, _ in enumerate(_WORDS.finditer(text, a, b), 1):
        if count >= n:
            return True
    return n <= 0


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_speakers(view: Folded, paragraphs: list[Paragraph], drafts: list[Draft],
                      compiled: Compiled) -> list[int | None]:
    """For each sentence (in page order), the index of the draft that speaks it, or None (the outlet).

    Each attribution covers its cue, its subject and its content. The speaker of the sentence's main
    clause speaks it when that attribution covers at least a third of the sentence; otherwise a speaker
    whose attributions cover at least half of it does. Among several, the innermost attribution wins.
    A report nested in the main clause's content that covers half the sentence speaks it instead
    (`_nested_speaker`).
    """
    cues, words = compiled.cues, compiled.words
    index = SpanIndex([_hull(d) for d in drafts])
    hulls = index.spans
    out: list[int | None] = []
    for para in paragraphs:
        for s, e in para.sentences:
            near = index.overlapping(s, e)
            length = e - s
            main = _main_clause_start(view.text, s, e, cues, words) if near else None
            if main is not None:
                opening = [i for i in near if hulls[i][0] <= main + 3 and hulls[i][1] > main
                           and (min(hulls[i][1], e) - max(hulls[i][0], s)) * 3 >= length]
                if opening:
                    chosen = min(opening, key=lambda i: hulls[i][1] - hulls[i][0])
                    out.append(_nested_speaker(drafts, hulls, near, chosen, s, e))
                    continue
            per_speaker: dict[tuple[str, str], list[int]] = {}
            for i in near:
                a, b = hulls[i]
                if min(b, e) > max(a, s):
                    key = (drafts[i].source.name, drafts[i].source.kind)
                    per_speaker.setdefault(key, []).append(i)
            best: int | None = None
            best_size = 0
            for members in per_speaker.values():
                covered = _covered([(max(hulls[i][0], s), min(hulls[i][1], e)) for i in members])
                if covered * 2 < length:
                    continue
                inner = min(members, key=lambda i: hulls[i][1] - hulls[i][0])
                size = hulls[inner][1] - hulls[inner][0]
                if best is None or size < best_size:
                    best, best_size = inner, size
            out.append(best)
    return out


#: Share of a sentence an attribution reported inside the main clause's content must cover to speak
#: the sentence: «وأضاف البيان أن اللجنة الطبية "تؤكد أن …"» is the medical committee's, through the statement.
NESTED_SHARE = 0.5


def _nested_speaker(drafts: list[Draft], hulls: list[tuple[int, int]], near: list[int], chosen: int,
                    s: int, e: int) -> int:
    """The attribution reported through ``chosen`` that covers most of sentence ``[s, e)``, or ``chosen``."""
    outer = drafts[chosen].source.name
    best = chosen
    for i in near:
        if i == chosen or not any(v.name == outer for v in drafts[i].via):
            continue
        if drafts[i].source.kind == drafts[chosen].source.kind == "government":
            continue  # «أعلنت الخارجية أن قطر «ترحب …»»: a ministry voicing its state is one voice
        a, b = drafts[i].content
        if (min(b, e) - max(a, s)) >= NESTED_SHARE * (e - s) and (
                best == chosen or hulls[i][1] - hulls[i][0] < hulls[best][1] - hulls[best][0]):
            best = i
    return best


def _covered(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for a, b in sorted(spans):
        if b <= end:
            continue
        total += b - max(a, end)
        end = b
    return total
