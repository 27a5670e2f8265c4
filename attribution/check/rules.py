"""The rules of ``attribution check``. Each rule is data: an id, a default level, its documentation
(what it does, why, a bad and a good example, known issues), the fields its message can name, and a
function that finds it in a draft.

A finder yields a `Hit`: where, which message (an English catalogue message, translated when the
finding is made) and the message's fields; a house's own message for the rule (``[messages]`` in
``.attribution.toml``) is formatted with the same fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping

import attrs

from ..i18n import N_, Message, _, language
from ..lexicons import Variant
from ..model import Article, TermHit
from ..morphology import CONJUNCTIONS, FEMININE, MASCULINE_PLURAL, NISBA
from ..normalize import fold, fold_term
from ..readers import DIRECTIVES, Marker
from ..words import GrammarWords, builtin_words
from .config import Config, did_you_mean

__all__ = ["RULES", "RULE_IDS", "Hit", "Rule"]

#: (start, end, message, fields): offsets in the draft, the catalogue message and what it names.
Hit = tuple[int, int, Message, dict[str, str]]


@attrs.frozen
class Context:
    article: Article
    config: Config
    #: Every term variant by (concept, term): ``Compiled.variants``.
    variants: Mapping[tuple[str, str], Variant]
    markers: tuple[Marker, ...] = ()
    #: Every concept's (English, Arabic) label by id: ``Compiled.labels``.
    labels: Mapping[str, tuple[str, str]] = attrs.field(factory=dict)


@attrs.frozen
class Rule:
    id: str
    level: str
    summary: Message
    what: Message
    why: Message
    bad: str
    good: str
    known_issues: Message
    find: Callable[[Context], Iterator[Hit]]
    #: the fields its messages (and a house's own message for it) can name, as ``{term}``
    fields: tuple[str, ...] = ()


def _own_voice(article: Article, start: int, end: int) -> bool:
    return not any(a.content.start <= start and end <= a.content.end for a in article.attributions)


def _allowed(hit: TermHit, config: Config) -> bool:
    policy = config.policy(hit.concept)
    if policy is None:
        return False
    keys = {fold_term(hit.variant), fold_term(hit.text)}
    return any(fold_term(a) in keys for a in (*policy.allowed, policy.house) if a)


#: A stance, a voice, as the reader reads them.
STANCES = {"positive": N_("positive"), "negative": N_("negative"), "neutral": N_("neutral")}
VOICES = {"reported": N_("reported"), "quoted": N_("quoted"), "outlet": N_("the outlet's own")}


def _label(ctx: Context, concept: str) -> str:
    """The concept's name for the reader: its Arabic label in Arabic, its English one in English."""
    english, arabic = ctx.labels.get(concept, ("", ""))
    return (arabic if language() == "ar" else english) or concept


def _loaded_term(ctx: Context) -> Iterator[Hit]:
    for t in ctx.article.terms:
        if t.stance == "neutral" or t.concept == "distancing" or _allowed(t, ctx.config):
            continue
        if t.voice != "outlet" and not ctx.config.check_quoted:
            continue
        policy = ctx.config.policy(t.concept)
        variant = ctx.variants.get((t.concept, t.variant))
        house = (policy.house if policy and policy.house else "") or (variant.suggest if variant else "")
        fields = {"term": t.text, "concept": t.concept, "label": _label(ctx, t.concept),
                  "stance": _(STANCES.get(t.stance, t.stance)), "voice": _(VOICES.get(t.voice, t.voice)),
                  "house": house}
        if t.voice == "outlet":
            message = (N_("«{term}» ({concept}, {stance}) in the outlet's own voice; house style: «{house}»")
                       if house else N_("«{term}» ({concept}, {stance}) in the outlet's own voice"))
        else:
            message = (N_("«{term}» ({concept}, {stance}) in {voice} speech; house style: «{house}»")
                       if house else N_("«{term}» ({concept}, {stance}) in {voice} speech"))
        yield t.start, t.end, message, fields


def _alternatives(words: Iterable[str], space: str = " ") -> str:
    """``words`` as a regular-expression alternation in their order, the spaces inside each as ``space``."""
    return "|".join(space.join(map(re.escape, w.split())) for w in words)


def _patterns(w: GrammarWords) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The vague attribution, a qualified source and a reason for anonymity, built from the ``[check]``
    words of a grammar (folded, like the text they search)."""
    sources = _alternatives(w.check_vague_sources)
    weasel = re.compile(
        rf"(?<!\w)(?:[{CONJUNCTIONS}]?(?:{_alternatives(w.check_vague_verbs)})"
        rf"|[{CONJUNCTIONS}]?(?:{_alternatives(w.check_vague_reporting)})\s+(?:{sources})"
        rf"|[{CONJUNCTIONS}]?(?:{_alternatives(w.check_vague_according)})\s*(?:{sources}))(?!\w)")
    # an adjective after the source: «مصادر مطلعة», «تقارير إعلامية»
    endings = (FEMININE, NISBA + FEMININE, *MASCULINE_PLURAL[::-1], NISBA)
    adjective = "|".join(rf"\w+{e}" for e in endings)
    qualified = re.compile(rf"\s*(?:{adjective})(?!\w)")
    space = r"\s+"
    reason = re.compile(
        rf"(?:{_alternatives(w.check_reason_verbs)})\s+(?:{w.check_reason_negation}\s+)?"
        rf"(?:{_alternatives(w.check_reason_objects)})"
        rf"|{w.check_reason_not}\s+(?:{_alternatives(w.check_unauthorized)})"
        rf"|{w.check_reason_lacking}\s+(?:{_alternatives(w.check_reason_lacking_objects)})"
        rf"|{_alternatives(w.check_reason_phrases, space)}")
    return weasel, qualified, reason


#: From the built-in grammar words (the check rules read no user grammar).
_WEASEL, _QUALIFIED, _REASON = _patterns(builtin_words())


def _vague(ctx: Context) -> Iterator[Hit]:
    article = ctx.article
    view = fold(article.text)
    text = view.text
    weasel, qualified = _WEASEL, _QUALIFIED
    for m in weasel.finditer(text):
        tail = text[m.end():m.end() + 20]
        if m.group().endswith(builtin_words().check_qualifiable_sources) and qualified.match(tail):
            continue  # "مصادر مطلعة" is qualified; anonymity is checked by another rule
        s, e = view.span(*m.span())
        if _own_voice(article, s, e):
            yield s, e, N_("«{phrase}»: vague attribution in the outlet's own voice; name who says it"), \
                {"phrase": article.text[s:e]}


def _anonymity(ctx: Context) -> Iterator[Hit]:
    article = ctx.article
    if _REASON.search(fold(article.text).text):
        return
    seen: set[str] = set()
    for a in article.attributions:
        src = a.source
        if src.kind != "unnamed_source" or src.mention is None:
            continue
        key = fold_term(src.name)
        if key in seen or key in builtin_words().check_bare_sources:
            continue  # a bare "مصادر" is a vague attribution
        seen.add(key)
        m = src.mention
        yield m.start, m.end, N_("«{source}» is an unnamed source and the draft gives no reason for the "
                                 "anonymity (e.g. «طلب عدم الكشف عن هويته لأنه غير مخول بالحديث»)"), {"source": m.text}


def _inconsistent(ctx: Context) -> Iterator[Hit]:
    first: dict[str, TermHit] = {}
    text = ctx.article.text
    for t in ctx.article.terms:
        if t.voice != "outlet" or t.concept == "distancing":
            continue
        ref = first.setdefault(t.concept, t)
        if fold_term(ref.variant) == fold_term(t.variant):
            continue
        if ref.stance == t.stance == "neutral":
            continue  # "إسرائيل" and "الجيش الإسرائيلي" are both plain names
        line = text.count("\n", 0, ref.start) + 1
        yield t.start, t.end, N_("«{term}» names {concept}, which this draft already calls «{first}» (line {line}); "
                                 "use one name"), \
            {"term": t.text, "concept": t.concept, "label": _label(ctx, t.concept), "first": ref.text,
             "line": str(line)}


def _distancing(ctx: Context) -> Iterator[Hit]:
    for t in ctx.article.terms:
        if t.concept == "distancing" and t.voice == "outlet":
            message = (N_("scare quotes in the outlet's own voice distance it from the name; report, don't sneer")
                       if t.variant == "scare quotes" else
                       N_("«{marker}» in the outlet's own voice distance it from the name; report, don't sneer"))
            yield t.start, t.end, message, {"marker": t.text}


def _invalid_suppression(ctx: Context) -> Iterator[Hit]:
    for m in ctx.markers:
        if m.directive not in DIRECTIVES:
            hint = did_you_mean(m.directive, DIRECTIVES)
            yield m.start, m.end, N_("{name!r} is not a marker directive{hint}; use ignore, ignore-start or "
                                     "ignore-end; this marker suppresses nothing"), \
                {"name": m.directive or "nothing", "hint": hint}
            continue
        if m.directive == "ignore-end":
            continue  # names after ignore-end are not read
        for name in m.names:
            if name not in RULE_IDS:
                yield m.start, m.end, N_("{name!r} is not a rule{hint}; this marker suppresses no rule of that "
                                         "name"), {"name": name, "hint": did_you_mean(name, RULE_IDS)}


RULES: tuple[Rule, ...] = (
    Rule("loaded-term", "error", N_("A non-neutral term in the outlet's own voice."),
         N_("Flags a term that the lexicons mark positive or negative toward its referent when the outlet uses "
            "it in its own words. Terms inside attributed or quoted speech pass unless `check-quoted = true`."),
         N_("A loaded name in the outlet's own voice takes a side; quoting it accurately does not."),
         "وشنت ميليشيات موالية لإيران هجمات على القاعدة.",
         "وشنت فصائل مسلحة مدعومة من إيران هجمات على القاعدة.",
         N_("Only terms in the lexicons are found; a term's stance is the lexicon's, whatever the context."),
         _loaded_term, ("term", "concept", "label", "stance", "voice", "house")),
    Rule("vague-attribution", "warning", N_("Weasel sourcing in the outlet's own voice."),
         N_("Flags impersonal or unqualified sourcing: «يُعتقد», «يُقال», «تشير تقارير», «أفادت أنباء», «بحسب "
            "مصادر» with no further qualification."),
         N_("Readers cannot weigh a claim whose source is nobody in particular."),
         "ويُعتقد أن الاتفاق سيوقع قريبا، بحسب مصادر.",
         "وقال مسؤولان مطلعان على المفاوضات إن الاتفاق سيوقع قريبا.",
         N_("A qualified source («مصادر مطلعة») passes here; the anonymity rule looks at it."),
         _vague, ("phrase",)),
    Rule("unexplained-anonymity", "warning", N_("An unnamed source with no reason given for the anonymity."),
         N_("Flags unnamed sources («مسؤول أمريكي كبير», «مصادر مطلعة») when the draft nowhere says why they are "
            "not named."),
         N_("Wire-service rules grant anonymity only with a reason the reader is told."),
         "وقال مسؤول أمريكي كبير إن الاتفاق قريب.",
         "وقال مسؤول أمريكي كبير، طلب عدم الكشف عن هويته لأنه غير مخول بالحديث علنا، إن الاتفاق قريب.",
         N_("One reason anywhere in the draft satisfies the rule for every unnamed source."),
         _anonymity, ("source",)),
    Rule("inconsistent-naming", "warning", N_("One concept named with different terms in the outlet's own voice."),
         N_("Flags a term that names a concept the draft already named differently in its own voice, when the "
            "two differ in stance or one of them is loaded."),
         N_("Switching names («فصائل مسلحة», then «ميليشيات») reads as a change of stance, or of referent."),
         "وهاجمت فصائل مسلحة القاعدة. ونفذت الميليشيات هجوما آخر.",
         "وهاجمت فصائل مسلحة القاعدة. ونفذت الفصائل هجوما آخر.",
         N_("Two neutral names of one concept («إسرائيل», «الجيش الإسرائيلي») pass: they may name different "
            "things."),
         _inconsistent, ("term", "concept", "label", "first", "line")),
    Rule("distancing", "warning", N_("«ما يسمى», «المزعوم» and scare quotes in the outlet's own voice."),
         N_("Flags distancing markers and a loaded name wrapped in quotation marks when the outlet writes them."),
         N_("Distancing editorialises: it tells the reader what to think of a name."),
         "وتقود واشنطن ما يسمى «التحالف الدولي».",
         "وتقود واشنطن التحالف الدولي.",
         N_("Quotation marks around a plain name (a title, a place) are not flagged unless the name is a loaded "
            "term."),
         _distancing, ("marker",)),
    Rule("invalid-suppression", "warning", N_("A suppression marker with an unknown directive or rule name."),
         N_("Flags an `attribution:` marker whose directive is not `ignore`, `ignore-start` or `ignore-end`, or "
            "that names a rule that does not exist (as ruff reports unknown codes in `noqa` comments)."),
         N_("A misspelt marker suppresses nothing, silently: the finding it was meant to keep comes back, or a "
            "block meant to be skipped is checked."),
         "وقصف الكيان الصهيوني البلدة. [attribution: ignore loaded-trem]",
         "وقصف الكيان الصهيوني البلدة. [attribution: ignore loaded-term]",
         N_("Names after `ignore-end` are not read, so they are not checked either."),
         _invalid_suppression, ("name", "hint")),
)
RULE_IDS = tuple(r.id for r in RULES)
