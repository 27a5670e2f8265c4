"""The affixes of Arabic words as the rules read them, defined once.

Clitics, the article and inflectional endings are not word lists: they are the few letters a rule adds to
or strips from a word, in the folded spelling of the view (ة → ه, hamza forms → ا, ى → ي; see
`attribution.normalize.fold`). Every module that inflects or strips a word imports them from here;
the closed classes of whole words (prepositions, particles, relatives …) are data in
``lexicons/grammar.toml``, read through `attribution.words`. ``tests/test_architecture.py`` fails
when an Arabic string appears in code anywhere else.

Examples:
    >>> strip_conjunction("وقال"), strip_conjunction("فقد", longer_than=3)
    ('قال', 'فقد')
    >>> without_conjunction("قال") is None
    True
    >>> DEFINITE + "وزارة", LAM_DEFINITE + "حكومة"
    ('الوزارة', 'للحكومة')
"""

from __future__ import annotations

__all__ = [
    "ACCUSATIVE",
    "AFFIXED_DEFINITE",
    "ALEF",
    "ARTICLE_ALEF",
    "BA",
    "CONJUNCTIONS",
    "DEFECTIVE_PLURAL",
    "DEFINITE",
    "DERIVED_PERFECT_PREFIXES",
    "DUAL",
    "FA",
    "FEMININE",
    "FEMININE_DUAL",
    "FEMININE_PLURAL",
    "FEMININE_T",
    "FUTURE",
    "KAF",
    "LAM",
    "LAM_DEFINITE",
    "LONG_VOWELS",
    "MASCULINE_PLURAL",
    "NISBA",
    "NISBA_ENDINGS",
    "NISBA_INFLECTED",
    "NOT_PAST_IN_T",
    "OTHER_PERSON_SUFFIXES",
    "PARTICIPLE_ENDINGS",
    "PARTICIPLE_PREFIX",
    "PAST_ENDINGS",
    "PAST_PERSON_ENDINGS",
    "PAST_PLURAL",
    "POSSESSIVE_OTHER_PERSON",
    "PREPOSITIONS",
    "PREPOSITION_PERSON_SUFFIXES",
    "PRESENT_ENDINGS",
    "PRESENT_FIRST_SINGULAR",
    "PRESENT_PLURAL",
    "PRESENT_PREFIXES",
    "PRESENT_SUBJUNCTIVE_ENDINGS",
    "PRESENT_THIRD_PERSON",
    "PROCLITICS",
    "TATWEEL",
    "TA_MARBUTA",
    "WA",
    "strip_conjunction",
    "without_conjunction",
]

# --- proclitics ------------------------------------------------------------------------------------

#: The definite article («الوزارة»).
DEFINITE = "ال"
#: The conjunction و "and", written joined to the next word («وقال»).
WA = "و"
#: The conjunction ف "so, then", written joined to the next word («فقال»).
FA = "ف"
#: The preposition ب "by, with" («بأن», «بالوزارة»).
BA = "ب"
#: The preposition ل "to, for" («لوكالة», «لـ»الأيام»»).
LAM = "ل"
#: The preposition ك "like" («كما»).
KAF = "ك"
#: The conjunction proclitics, as one string for ``word[:1] in CONJUNCTIONS``.
CONJUNCTIONS = WA + FA
#: The preposition proclitics, as one string for ``word[:1] in PREPOSITIONS``.
PREPOSITIONS = BA + LAM + KAF
#: Proclitic sequences a source word may carry, longest first, the order `attribution.sources.strip_clitics`
#: tries them in: a conjunction then a preposition («وبحسب», «فللوزارة»), one of each alone.
PROCLITICS = (WA + BA, WA + LAM, FA + BA, FA + LAM, WA + KAF, WA, FA, BA, LAM, KAF)
#: ل before the article, which loses its alef: ل + الحكومة → «للحكومة».
LAM_DEFINITE = LAM + LAM
#: The alef the article loses after ل, put back to find the definite word: «للحشد» → «الحشد».
ARTICLE_ALEF = DEFINITE[0]
#: The article with a clitic before it, as a word starts: «والوزارة», «فالحكومة», «بالقرار», «كالعادة».
AFFIXED_DEFINITE = (WA + DEFINITE, FA + DEFINITE, BA + DEFINITE, KAF + DEFINITE, LAM_DEFINITE)
#: The letter alef: a long vowel inside a word, or the hamza that opens a derived verb («انسحب»,
#: «أطلق» folded).
ALEF = "ا"
#: The long vowels: a «ه» after one is a root letter («اتجاه», «توجيه», «مشبوه»), not the pronoun.
LONG_VOWELS = "اوي"
#: The tatweel a clitic written apart is drawn out with («لـ»الأيام»»): the view drops it, a name taken
#: from the original text keeps it.
TATWEEL = "ـ"

# --- nominal endings (folded: ة is ه) ---------------------------------------------------------------
#: The ta marbuta as written, before folding: a word that ends in it is a noun or adjective, never a
#: verb with a pronoun («قتلة» "killers", not «قتله» "he killed him").
TA_MARBUTA = "ة"

#: The alef of the indefinite accusative («وفقا», «وفدا»): an adverb or an object, not a name.
ACCUSATIVE = "ا"
#: The feminine ending ة, folded («عراقية» → «عراقيه»).
FEMININE = "ه"
#: The feminine ة as written before a suffix or in a dual («كلمته», «المنظمتان»), and the feminine ت of
#: the past («قالت»).
FEMININE_T = "ت"
#: The dual, nominative and accusative/genitive («مطلعان», «مطلعين»).
DUAL = ("ان", "ين")
#: The feminine dual («المنظمتان», «المنظمتين»).
FEMININE_DUAL = ("تان", "تين")
#: The sound masculine plural, nominative and accusative/genitive («مطلعون», «مطلعين»).
MASCULINE_PLURAL = ("ون", "ين")
#: The sound feminine plural («مطلعات»).
FEMININE_PLURAL = "ات"
#: The nisba (relative adjective) ending: «عراقي», «العمومي».
NISBA = "ي"
#: The endings of a nisba adjective in every gender and number, folded («الدولية», «العمومي»,
#: «الشعبيين»).
NISBA_ENDINGS = ("يه", "ي", "يون", "يين", "يتان", "يتين")
#: The inflected nisba endings that no personal name or title ends in: feminine and plural («البريطانية»,
#: «الأمريكيون»).
NISBA_INFLECTED = ("يه", "يون", "يين")

#: The ending of a broken plural of a defective noun («ضحايا», «قضايا»): not an accusative alef.
DEFECTIVE_PLURAL = "ايا"
# --- pronoun suffixes (the third person ones are data: [morphology] pronoun_suffixes) ------------------
#: The first and second person possessive suffixes of a noun («عدونا», «أرضكم», «بلدكما»).
POSSESSIVE_OTHER_PERSON = ("نا", "كم", "كما")

#: The first and second person pronoun suffixes a complementizer takes («إننا», «أنني», «إنكم»).
OTHER_PERSON_SUFFIXES = ("نا", "ني", "كم")
#: The first and second person pronoun suffixes a preposition takes («لي», «لنا», «لكم», «لك»).
PREPOSITION_PERSON_SUFFIXES = ("ي", "نا", "كم", "ك")

# --- the verb (third person) -------------------------------------------------------------------------

#: Endings of the past after the masculine singular: feminine, masculine plural, feminine dual, feminine
#: plural («قالت», «قالوا», «قالتا», «قلن»).
PAST_ENDINGS = ("ت", "وا", "تا", "ن")
#: The ending of the masculine plural past («قالوا»).
PAST_PLURAL = "وا"
#: The prefixes of the third person present: masculine and feminine («يقول», «تقول»).
PRESENT_THIRD_PERSON = ("ي", "ت")
#: The prefixes of the present that rule out a past form: third person and first person plural
#: («يقول», «تقول», «نقول»).
PRESENT_PREFIXES = ("ي", "ت", "ن")
#: Endings of the present: masculine plural, dual, feminine plural («يقولون», «يقولان», «يقلن»).
PRESENT_ENDINGS = ("ون", "ان", "ن")
#: The future particle written joined to the present («سيقول»).
FUTURE = "س"
#: The prefix of the first person singular present, folded (أ → ا: «أقول»).
PRESENT_FIRST_SINGULAR = "ا"
#: The endings of the subjunctive and jussive plural and dual («لم يقولوا», «أن يقولا»).
PRESENT_SUBJUNCTIVE_ENDINGS = ("وا", "ا")
#: Every person ending of the past the term matcher accepts on a verb: the stem itself, the third
#: persons, the dual, and first and second person plural («قاتل», «قاتلت», «قاتلوا», «قاتلا», «قاتلنا»,
#: «قاتلتم»).
PAST_PERSON_ENDINGS = ("", *PAST_ENDINGS, "ا", "نا", "تم")
#: The prefixes of derived verbs' perfect that the verbal noun shares only with a long alef after them:
#: form VII («انسحب») and form X («استهدف»).
DERIVED_PERFECT_PREFIXES = ("ان", "است")
#: Word endings in ت that are not a past's feminine ت: the feminine plural and nouns in وت / يت
#: («بيروت», «صوت», «بيت»).
NOT_PAST_IN_T = ("ات", "وت", "يت")
#: The ending of the masculine plural present («يقولون»).
PRESENT_PLURAL = "ون"
#: The prefix of a derived verb's participle («متمرد», «مجرم», «مخرب»): an adjective as often as a noun.
PARTICIPLE_PREFIX = "م"
#: Endings of the active participle used adverbially: singular and plural accusative («مؤكدا»,
#: «مؤكدين»).
PARTICIPLE_ENDINGS = ("ا", "ين")


def without_conjunction(word: str, longer_than: int = 0) -> str | None:
    """``word`` without its conjunction و or ف, when it has one and is longer than ``longer_than``
    letters; else ``None``."""
    return word[1:] if word[:1] in CONJUNCTIONS and len(word) > longer_than else None


def strip_conjunction(word: str, longer_than: int = 0) -> str:
    """``word`` without its conjunction و or ف when it is longer than ``longer_than`` letters, else
    ``word`` as it is."""
    return word[1:] if word[:1] in CONJUNCTIONS and len(word) > longer_than else word
