"""The attribution grammar: every rule that can give a stretch of text a speaker, as a value.

Each `Rule` has an id (recorded as ``Attribution.rule`` and shown by
``attribution annotate --format text --explain``), a one-line description of the construction it
reads, and examples that must and must not match. ``tests/test_grammar.py`` runs every example, and
fails when a rule has none; ``docs/grammar.md`` documents each id. The rules themselves run in
`attribution.attributions` (one module per rule family), in the order listed here; their word
lists are in ``lexicons/``.

Examples:
    >>> from attribution.grammar import RULES, rule
    >>> rule("verb-subject").summary
    'A reporting verb followed by its subject, then the content (أن/إن, a colon, a quote or an object).'
    >>> len({r.id for r in RULES}) == len(RULES)
    True
"""

from __future__ import annotations

import attrs

__all__ = ["RULES", "Example", "Rule", "rule"]


@attrs.frozen
class Example:
    """A text, a stretch of it (``anchor``) and who must speak that stretch: a substring of the
    source's name or mention, or ``None`` for the outlet's own voice."""

    text: str
    anchor: str
    speaker: str | None
    kind: str | None = None
    via: tuple[str, ...] = ()  # substrings of the intermediaries' names, outermost first


@attrs.frozen
class Rule:
    """One construction of Arabic reported speech."""

    id: str
    summary: str
    examples: tuple[Example, ...]
    counter_examples: tuple[Example, ...] = ()


RULES: tuple[Rule, ...] = (
    Rule(
        "headline-colon",
        "A short source phrase and a colon open a headline or paragraph: «المتحدث باسم الوزارة: …».",
        (Example("الناطق باسم الجيش: لا انسحاب قبل نهاية العام", "لا انسحاب", "الناطق باسم الجيش", "official"),),
        (Example("غوتيريش زار بيروت: جولة جديدة من المحادثات", "جولة جديدة", None),),
    ),
    Rule(
        "speaker-label",
        "The labels of an interview or transcript: one to three words and a colon that open at least two"
        " paragraphs of the page («المحاور: …»).",
        (Example("المحاور: كيف ترى الوضع اليوم؟\nالضيف: الوضع صعب جدا.\nالمحاور: وماذا بعد؟\n"
                 "الضيف: ننتظر القرار.", "الوضع صعب", "الضيف"),),
        (Example("ملاحظة: الطريق مغلق اليوم بسبب الأمطار الغزيرة.\nوقال المحافظ إن الفرق تعمل.",
                 "الطريق مغلق", None),),
    ),
    Rule(
        "verb-subject",
        "A reporting verb followed by its subject, then the content (أن/إن, a colon, a quote or an object).",
        # a document or data speaks for its owner: "بيانات وزارة العمل", "دراسة أجرتها جامعة X"
        (Example("قالت وزارة الصحة إن المستشفيات امتلأت.", "المستشفيات امتلأت", "وزارة الصحة", "government"),
         Example("أعلن الجيش انتهاء العملية في الشمال.", "انتهاء العملية", "الجيش", "government"),
         Example("وأظهرت بيانات وزارة العمل أن البطالة انخفضت.", "البطالة انخفضت", "وزارة العمل", "government"),
         Example("وكشفت دراسة أجرتها جامعة القاهرة أن النوم يحسن الذاكرة.", "النوم يحسن", "جامعة القاهرة"),
         # a verb carrying its object pronoun reports only a content opened by أن/إن
         Example("وصادقت اللجنة على الخطة.\nووصفها وزير المالية سالم خليل بأنها خطوة ضرورية.", "خطوة ضرورية",
                 "سالم خليل", "official"),
         # intermediaries after the subject
         Example("وقالت وسائل إعلام محلية، نقلا عن مصادر أمنية، إن الطريق أغلق.", "الطريق أغلق", "مصادر أمنية",
                 "unnamed_source", ("وسائل إعلام محلية",)),
         Example("وقال الوزير بحسب صحيفة الأيام إن الخطة جاهزة.", "الخطة جاهزة", "الوزير", via=("الأيام",)),
         Example("وقال لصحيفة الأيام، الخبير الاقتصادي نبيل حداد إن الأسعار سترتفع.", "الأسعار سترتفع",
                 "نبيل حداد", via=("الأيام",)),
         Example("وأوضح المتحدث - في تصريح أوردته وكالة الأنباء الرسمية - أن الحدود مفتوحة.", "الحدود مفتوحة",
                 "المتحدث", via=("وكالة الأنباء الرسمية",))),
        (Example("ذكر التقرير أرقاما كثيرة عن المدارس.", "أرقاما كثيرة", None),
         Example("ولم يذكر المصدر سبب الزيارة المفاجئة للوفد.", "سبب الزيارة", None),
         Example("وجلس بينهم الوزير يستمع إلى مطالبهم بهدوء.", "يستمع إلى مطالبهم", None),
         Example("ويعتبر اللاعب من أفضل المهاجمين في الدوري هذا الموسم.", "من أفضل المهاجمين", None)),
    ),
    Rule(
        "verb-subject-to-content",
        "After a clause-initial reporting verb, everything up to where the content starts (أن/إن/ان, a colon,"
        " a quote) is the subject, less a trailing adverbial or addressee: appositions, long roles and"
        " names no list holds.",
        (Example("كشف رئيس نقابة المزارعين، المهندس سالم العبيدي، ان المحصول تراجع هذا العام.", "المحصول تراجع",
                 "سالم العبيدي", "official"),
         Example("كشف سالم العبيدي، رئيس نقابة المزارعين في المحافظة الشمالية، ان المحصول تراجع.",
                 "المحصول تراجع", "سالم العبيدي", "official"),),
        (Example("وتشير المعطيات التي نشرتها اللجنة أمس إلى أن الخسائر كبيرة.", "المعطيات التي", None),),
    ),
    Rule(
        "relative-report",
        "A report, a source or a document qualified by a relative clause whose verb reports: «الأنباء التي"
        " تحدثت عن …», «التقارير التي تفيد بأن …».",
        (Example("ونفى المتحدث الأنباء التي تحدثت عن إغلاق الحدود مع الجارة الشرقية.", "إغلاق الحدود", "الأنباء",
                 "unnamed_source"),),
        (Example("وزار الوفد المدينة التي أعلنت الحكومة عنها أمس.", "أمس", None),),
    ),
    Rule(
        "verb-that-subject",
        "«أوضح ذلك X», «صرح بذلك X»: the cue and its subject come after what was said, which is the"
        " sentence before (or the paragraph before, when the cue opens its paragraph).",
        (Example("وسيفتح المعبر أمام المسافرين صباح الغد.\nصرح بذلك مدير المعابر سامي نوفل.", "سيفتح المعبر",
                 "سامي نوفل", "official"),),
        (Example("صرح بذلك.", "صرح", None),),
    ),
    Rule(
        "verb-preposed-subject",
        "The subject stands before its reporting verb, possibly with an auxiliary: «الحكومة كانت أكدت أن …».",
        (Example("ودمشق أكدت أن الطريق سيفتح قريبا.", "الطريق سيفتح", "سوريا", "government"),
         Example("مديرة الجمعية الخيرية في المدينة سلمى ناصر قالت إن التبرعات زادت.", "التبرعات زادت",
                 "سلمى ناصر"),
         Example("وكانت هيئة الطيران المدني قد أعلنت، أمس، أن الرحلات ستستأنف.", "الرحلات ستستأنف",
                 "هيئة الطيران المدني", "government"),
         # a quotation that opens by reporting someone reports them to its end, through the quoter
         Example("وكتب المعلق سامر يوسف على صفحته: «الوزير يؤكد أن الخطة جاهزة.. وسنرى النتائج قريبا في كل"
                 " المدن».", "وسنرى النتائج", "الوزير", "official", ("سامر يوسف",))),
        (Example("وكمثال على ذلك تقول الكاتبة: «البحر لا ينام».", "البحر لا ينام", None),),
    ),
    Rule(
        "verb-continuation",
        "A reporting verb with no subject of its own (وأضاف، وتابع، مشيرا إلى) continues the previous speaker; so "
        "does the present of a verb of the narrative present (ويضيف، ويرى), but not an impersonal present (ويتوقع).",
        (Example("قال وزير النقل إن الجسر جاهز.\nوأضاف: «سنفتحه الشهر المقبل».", "سنفتحه", "وزير النقل", "official"),
         Example("قال وزير النقل إن الجسر جاهز.\nويضيف أن التمويل ناقص.", "التمويل ناقص", "وزير النقل", "official"),
         Example("قال وزير النقل إن الجسر جاهز، لكنه أضاف أن التمويل ناقص.", "التمويل ناقص", "وزير النقل",
                 "official"),
         Example("قالت الوزيرة إن الجسر جاهز.\nوأضافت \"سنفتحه للسيارات والشاحنات الشهر المقبل بعد الفحص\".",
                 "سنفتحه", "الوزيرة")),
        (Example("قال وزير النقل إن الجسر جاهز.\nويتوقع أن يفتح الجسر الشهر المقبل.", "يفتح الجسر", None),),
    ),
    Rule(
        "that-continuation",
        "A sentence that opens with وأن/وإن right after a reported content goes on with it: «… ! وإنه كان …».",
        (Example("قال بعض المسافرين إنهم انتظروا ساعات طويلة في المطار! وإنه لم يبلغهم أحد بسبب تأخر"
                 " الرحلة.", "بسبب تأخر", "بعض المسافرين"),
         Example("وأوضح المتحدث أن الاجتماع سيعقد الأسبوع المقبل. وأن جدول الأعمال يشمل ملف المياه.",
                 "ملف المياه", "المتحدث", "official")),
        (Example("قال المتحدث: «سنعقد الاجتماع غدا». وأن يتأخر الاجتماع أمر وارد دائما في مثل هذه الظروف.",
                 "أمر وارد", None),
         Example("أعلنت الشركة أرباحها السنوية. وأن ترتفع الأرباح أمر متوقع.", "أمر متوقع", None)),
    ),
    Rule(
        "verb-after-clause",
        "A reporting verb and its subject after the clause they cover, set off by a comma: «…، ذكرت رويترز».",
        (Example("المحادثات ستستأنف الأسبوع المقبل، ذكرت رويترز.", "المحادثات ستستأنف", "رويترز", "news_agency"),),
    ),
    Rule(
        "preposition-opening",
        "A prepositional cue opens the sentence and covers what follows: «بحسب وكالة الأنباء الرسمية، …».",
        (Example("وبحسب مصادر طبية، ارتفع عدد الجرحى إلى عشرين.", "ارتفع عدد الجرحى", "مصادر طبية",
                 "unnamed_source"),
         Example("وبحسب المعطيات، فإن الأسعار ارتفعت في الربع الأخير.", "الأسعار ارتفعت", "المعطيات",
                 "unnamed_source"),
         Example("ووفقا لما نقلته صحيفة الأيام، فإن الاجتماع تأجل.", "الاجتماع تأجل", "الأيام", "media")),
    ),
    Rule(
        "preposition-trailing",
        "A prepositional cue after a clause covers that clause: «…، وفقا لوزارة الداخلية».",
        (Example("ارتفع عدد الجرحى إلى عشرين، وفقا لوزارة الصحة.", "ارتفع عدد الجرحى", "وزارة الصحة",
                 "government"),),
    ),
    Rule(
        "coordinated-subject",
        "A reporting verb coordinated with an earlier verb of its sentence shares that verb's subject: «التقى"
        " الرئيس وفدا من المزارعين وقال إن …».",
        (Example("ورفضت الوزيرة هذه الاتهامات وقالت إنها كاذبة.", "كاذبة", "الوزيرة", "official"),
         Example("وألقى الكاتب المعروف باللوم على الناشر وقال إن العقد لم يحترم.", "العقد لم يحترم", "الكاتب",
                 "person"),
         Example("واستقبل الوزير الوفد الزائر وقال إن التعاون سيتوسع.", "التعاون سيتوسع", "الوزير", "official")),
        (Example("وفي الصباح خرجت العائلات إلى الحدائق وقالت الشرطة إن الطرق مزدحمة.", "الطرق مزدحمة", None),),
    ),
    Rule(
        "passive-report",
        "A passive reporting verb and أن/إن («يقال إن …», «وأشيع أن …»): what nobody in particular says,"
        " an unnamed source.",
        (Example("ويقال إن المصنع سيغلق أبوابه قبل نهاية العام.", "المصنع سيغلق", "يقال", "unnamed_source"),),
        (Example("يذكر أن المصنع افتتح قبل عشرين عاما.", "المصنع افتتح", None),),
    ),
    Rule(
        "news-of",
        "A sentence that opens with «أنباء عن» or «تقارير عن»: news nobody in particular gives, an unnamed source.",
        (Example("أنباء عن حريق في سوق الخضار وإصابة ثلاثة باعة.", "حريق في سوق", "أنباء", "unnamed_source"),),
        (Example("وتحدث الوزير عن أنباء عن حريق في السوق.", "حريق في السوق", None),),
    ),
    Rule(
        "quote-sentence",
        "A sentence that ends with a closing quotation mark opened nowhere in its paragraph, right after a"
        " reported sentence, is the rest of that quotation.",
        (Example("وقال مدير المصنع إن الإنتاج تضاعف هذا العام. ويمثل ذلك أعلى رقم منذ تأسيس المصنع\".",
                 "أعلى رقم منذ تأسيس", "مدير المصنع", "official"),),
        (Example("وقال مدير المصنع إن الإنتاج تضاعف. ويمثل ذلك أعلى رقم \"منذ التأسيس\".",
                 "ويمثل ذلك أعلى", None),),
    ),
    Rule(
        "quote-paragraph",
        "A paragraph that opens with a quotation and has no cue continues the speaker of the paragraph before.",
        (Example("وقالت الوزيرة إن الحوار مستمر.\n«لن نتراجع عن هذا الطريق».", "لن نتراجع", "الوزيرة", "official"),),
    ),
)

_BY_ID = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with id ``rule_id``."""
    return _BY_ID[rule_id]
