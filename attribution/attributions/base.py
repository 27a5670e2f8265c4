"""What every rule family shares: drafts, paragraphs, token helpers and the base of the attributor."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING

import attrs
import regex

from ..morphology import FA, FEMININE, FEMININE_T, LAM, WA
from ..normalize import SENTENCE_STOPS, Folded, pair_quotes
from ..sources import (
    CLOSE_QUOTES,
    Mention,
    SourceParser,
    Token,
    tokenize,
)
from ..words import GrammarWords

if TYPE_CHECKING:
    from ..compiled import Compiled

_WORDS = re.compile(r"[^\W\d_]+")


_SENTENCE_END = frozenset(SENTENCE_STOPS)


_CLAUSE_END = _SENTENCE_END | frozenset("،,;")


_ASIDE = frozenset("،,-–—()")
#: An aside or a closing quotation mark: what may stand between a mention and what follows it.
_ASIDE_OR_CLOSE = _ASIDE | CLOSE_QUOTES


#: How many earlier attributions a reference word ("الوزارة", "المصدر") or a bare surname looks back
#: through for the speaker it points to.
ANTECEDENT_REACH = 64
#: How far back (in characters) the mention that introduced a name with its role is looked for.
ROLE_REACH = 20_000
#: How many words before an earlier mention of a name may hold the role that introduced it
#: ("وزيرة الصحة الفلسطينية مي الكيلة": four).
ROLE_WINDOW = 5


#: How far into an earlier sentence (in tokens) its subject is looked for when a later cue has none:
#: a verb and a few words, not the sentence's objects.
SUBJECT_REACH = 4
#: How many sentences back a cue without a subject looks for one when nobody has been quoted yet.
EARLIER_SENTENCES = 3
#: How far after a subject (in tokens) its content may start: adverbials, addressees and asides can be
#: long («في أول كلمة له، بعد إعلان وكالة … فوزه بالانتخابات، الأحد، إن …»); the sentence end stops it.
CONTENT_REACH = 40
#: Rules whose content frames a whole stretch («صحيفة X: …», an interview label): a cue inside it looks for
#: its own subject there, and speaks through the frame.
FRAME_RULES = frozenset({"headline-colon", "speaker-label"})
#: Longest fronted adverbial (in tokens) before the comma and the cue that opens the main clause.
FRONTED_TOKENS = 40
#: Longest indirect content (in tokens) when its sentence has no end in sight.
CONTENT_TOKENS = 400
#: How many sentences an unquoted content after a colon may run («قال الوزير: … . … .»).
COLON_SENTENCES = 8
#: How far (in tokens) a bare object may run before an أن/إن that opens the content instead («وأفادت
#: رسالة المدير المؤرخة أمس بأن …»).
THAT_AHEAD = 7


_WORD_RE = regex.compile(r"[\p{L}\p{N}]+|[،,؛;:]")


_LABEL = regex.compile(r"\s*([\p{L}]+(?: [\p{L}]+){0,2})\s*:")


@attrs.define
class DraftSource:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    mention: tuple[int, int] | None = None  # view coordinates


@attrs.define
class Draft:
    source: DraftSource
    cue: tuple[int, int]
    lemma: str
    cue_type: str
    content: tuple[int, int]
    direct: bool
    via: list[DraftSource] = attrs.Factory(list)
    paragraph: int = 0
    sibling: bool = False  # starts a new clause after a comma: truncates the clause before it
    region: str = "body"
    rule: str = ""  # the grammar rule that found it (attribution.grammar)


@attrs.frozen
class Paragraph:
    """A region segment of the page and its sentences (view coordinates)."""

    start: int
    end: int
    region: str
    sentences: list[tuple[int, int]]


def _word(tokens: list[Token], i: int) -> str | None:
    if 0 <= i < len(tokens) and tokens[i].is_word:
        return tokens[i].text
    return None


def _pair_quotes(tokens: list[Token]) -> dict[int, int]:
    """Opening quote token → closing quote token, for the quotes of one paragraph."""
    return pair_quotes((k, t.text) for k, t in enumerate(tokens))


class _Paragraph:
    """One paragraph being attributed: tokens, quotes and sentence lookup."""

    def __init__(self, view: Folded, para: Paragraph, index: int) -> None:
        self.view, self.para, self.index = view, para, index
        self.tokens = tokenize(view.text, para.start, para.end)
        self.quotes = _pair_quotes(self.tokens)
        # the sentence of each token (a token past the last sentence belongs to it), and the first token
        # of each sentence
        self.starts = starts = list(map(itemgetter(0), self.tokens))
        self.sent_of: list[int] = []
        self.sent_first: dict[int, int] = {}
        done = 0
        for si, (_, e) in enumerate(para.sentences[:-1]):
            upto = bisect_left(starts, e, done)  # tokens starting before the sentence's end
            if upto > done:
                self.sent_first[si] = done
                self.sent_of.extend(repeat(si, upto - done))
                done = upto
        if len(starts) > done:
            last = len(para.sentences) - 1
            self.sent_first[last] = done
            self.sent_of.extend(repeat(last, len(starts) - done))

    def token_at(self, pos: int) -> int:
        """Index of the first token that starts at or after view offset ``pos``."""
        return bisect_left(self.starts, pos)

    def word_at_pos(self, pos: int) -> str | None:
        """The word token starting at view offset ``pos``."""
        i = bisect_left(self.starts, pos)
        if i < len(self.tokens) and self.starts[i] == pos and self.tokens[i].is_word:
            return self.tokens[i].text
        return None

    def sentence(self, k: int) -> tuple[int, int]:
        return self.para.sentences[self.sent_of[min(k, len(self.tokens) - 1)]]

    def first_token_of_sentence(self, k: int) -> int:
        return self.sent_first[self.sent_of[k]]

    def quote_end(self, k: int) -> int:
        """View offset where the quote opened at token ``k`` closes (or the paragraph ends)."""
        close = self.quotes.get(k)
        return self.tokens[close].start if close is not None else self.para.end


def _strip_suffix(w: str, words: GrammarWords) -> str:
    """``w`` without an object or possessive pronoun suffix ("نقلته" → "نقلت", "كلمته" → "كلمت")."""
    for suffix in words.pronoun_suffixes:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)]
            noun = stem[:-1] + FEMININE  # "كلمت" → "كلمه"
            return noun if stem.endswith(FEMININE_T) and suffix and noun in words.statement_nouns else stem
    return w


def _but_pronoun(w: str | None, words: GrammarWords) -> bool:
    """"لكنه", "ولكنها", "إلا أنه": a conjunction carrying the subject pronoun of the verb after it."""
    if w is None:
        return False
    w = w[1:] if w.startswith((WA + LAM, FA + LAM)) else w
    return w.startswith(words.particle_but) and w[len(words.particle_but):] in words.pronoun_suffixes


class AttributorBase:
    """State shared by every rule family: the folded view, the parsers and cue tables built once from
    the lexicons (``compiled``), and the drafts found so far (in view coordinates)."""

    def __init__(self, view: Folded, compiled: Compiled) -> None:
        self.view = view
        self.parser: SourceParser = compiled.parser
        self._places = self.parser.place_names
        self.cues = compiled.cues
        self.words = compiled.words
        self.drafts: list[Draft] = []
        self.frames: list[Draft] = []  # the drafts of FRAME_RULES, in order
        self.labels: frozenset[str] = frozenset()  # the page's speaker labels (LabelRules)
        self.paragraphs: list[Paragraph] = []  # the page's paragraphs, set by Attributor.run

    def _original(self, p: _Paragraph, a: int, b: int) -> str:
        """The original text of tokens ``[a, b)`` of ``p``, as written."""
        return self.view.original[slice(*self.view.span(p.tokens[a].start, p.tokens[b - 1].end))]

    def _source(self, p: _Paragraph, m: Mention) -> DraftSource:
        a, b = p.tokens[m.first].start, p.tokens[m.last - 1].end
        return DraftSource(m.name, m.kind, m.aliases, (a, b))

    def _add(self, p: _Paragraph, source: DraftSource, via: list[DraftSource], cue: tuple[int, int],
             lemma: str, cue_type: str, content: tuple[int, int], direct: bool, sibling: bool = False, *,
             rule: str) -> None:
        s, e = content
        text = self.view.text
        while s < e and (text[s].isspace() or text[s] in "،,:"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in "،,:.؛"):
            e -= 1
        if e > s:
            self.drafts.append(Draft(source, cue, lemma, cue_type, (s, e), direct, list(via), p.index,
                                     sibling, p.para.region, rule))
            if rule in FRAME_RULES:
                self.frames.append(self.drafts[-1])
