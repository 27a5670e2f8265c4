"""Each attribution rule on short texts of our own."""

from __future__ import annotations

import pytest
from helpers import attribution_at, first_source, speaker_of

import attribution


def test_verb_subject_that_clause() -> None:
    a = attribution.annotate("قال وزير الخارجية المصري إن المفاوضات ستستأنف الأسبوع المقبل.")
    att = attribution_at(a, "المفاوضات ستستأنف")
    assert att is not None and att.source.kind == "official"
    assert att.cue.lemma == "قال" and not att.direct
    assert a.text[att.content.start:att.content.end] == att.content.text


def test_unnamed_source_via_agency() -> None:
    a = attribution.annotate("أفادت ثلاثة مصادر لوكالة رويترز بأن الاجتماع تأجل.")
    att = attribution_at(a, "الاجتماع تأجل")
    assert att.source.kind == "unnamed_source"
    assert [v.name for v in att.via] == ["رويترز"]


def test_agency_citing_sources_and_reference_resolution() -> None:
    text = ("كشفت وكالة فرانس برس أن الوفدين التقيا سرا.\n"
            "وقالت الوكالة نقلا عن مصدرين مطلعين إن اللقاء استمر ساعتين.\n"
            "وأوضح المصدران أن جولة ثانية ستعقد قريبا.")
    a = attribution.annotate(text)
    first = attribution_at(a, "الوفدين التقيا")
    assert first.source.kind == "news_agency"
    second = attribution_at(a, "اللقاء استمر")
    assert second.source.kind == "unnamed_source"
    assert [v.name for v in second.via] == [first.source.name]
    third = attribution_at(a, "جولة ثانية")
    assert third.source.name == second.source.name and [v.name for v in third.via] == [first.source.name]


def test_continuation_and_direct_quote() -> None:
    text = "وقال المتحدث باسم الحكومة الأردنية: «لن نقبل بأي تهجير».\nوأضاف: «موقفنا ثابت».\nوتابع أن الاتصالات مستمرة."
    a = attribution.annotate(text)
    quote = attribution_at(a, "لن نقبل")
    assert quote.direct and quote.content.text == "لن نقبل بأي تهجير"
    for words in ("موقفنا ثابت", "الاتصالات مستمرة"):
        att = attribution_at(a, words)
        assert att is not None and att.source.name == quote.source.name


def test_post_positioned_cue_covers_clause_before() -> None:
    a = attribution.annotate("ستبدأ المفاوضات الشهر المقبل، ذكرت صحيفة نيويورك تايمز، مشيرة إلى أن الموعد قد يتغير.")
    assert speaker_of(a, "ستبدأ المفاوضات")[0] == "media"
    assert attribution_at(a, "الموعد قد يتغير").source.kind == "media"


def test_prepositional_cues_both_positions() -> None:
    a = attribution.annotate("وبحسب مصادر أمنية، فإن الهجوم نفذ فجرا.\nوقتل ثلاثة أشخاص وفقا لوزارة الصحة.")
    assert attribution_at(a, "الهجوم نفذ").source.kind == "unnamed_source"
    assert attribution_at(a, "وقتل ثلاثة").source.kind == "government"


def test_no_attribution_for_ordinary_preposition() -> None:
    a = attribution.annotate("وتم توزيع المساعدات وفقا للخطة المعتمدة.")
    assert a.attributions == ()
    assert a.sentences[0].speaker.kind == "outlet"


def test_preposed_subject() -> None:
    a = attribution.annotate("الحكومة السورية كانت قد أكدت أن الطريق سيفتح.")
    att = attribution_at(a, "الطريق سيفتح")
    assert att.source.kind == "government"


def test_nested_attribution_gets_chain() -> None:
    a = attribution.annotate("وحسب قناة الجزيرة، قال رئيس الوزراء اللبناني إن الحكومة ستجتمع غدا.")
    att = attribution_at(a, "الحكومة ستجتمع")
    assert att.source.kind == "official"
    assert "الجزيرة" in " ".join(v.name for v in att.via)


def test_headline_colon() -> None:
    a = attribution.annotate("\"الأناضول\": أنقرة تستضيف محادثات جديدة\n\nقالت الوزارة في بيان إن المحادثات ستبدأ غدا.")
    assert speaker_of(a, "أنقرة تستضيف") == ("news_agency", attribution_at(a, "أنقرة تستضيف").source.name)
    assert a.sentences[0].region == "headline"


def test_label_before_colon_is_not_a_speaker() -> None:
    a = attribution.annotate("عاجل: انقطاع الكهرباء في العاصمة\n\nانقطعت الكهرباء عن معظم أحياء العاصمة مساء اليوم.")
    assert all(s.speaker.kind == "outlet" for s in a.sentences)


def test_relative_clause_is_not_a_report() -> None:
    a = attribution.annotate("وتأتي الزيارة التي أعلنت عنها الرئاسة أمس في إطار جولة إقليمية.")
    assert a.attributions == ()


def test_impersonal_present_is_not_a_continuation() -> None:
    a = attribution.annotate("قال الوزير إن الاتفاق قريب.\nويتوقع أن يوقع الاتفاق الشهر المقبل.")
    assert speaker_of(a, "يوقع الاتفاق")[0] == "outlet"


@pytest.mark.parametrize("text", [
    "قال الباحث الاقتصادي إن الأسعار سترتفع.\nويضيف أن المخزون يكفي لشهرين فقط.",
    "ويرى المحلل السياسي أن الحوار متعثر. ويوضح أن الطرفين متباعدان.",
    "وقال الباحث الاقتصادي إن الأسعار سترتفع. ويقول: «المخزون يكفي لشهرين فقط».",
])
def test_a_narrative_present_goes_on_with_the_speaker(text: str) -> None:
    # features tell in the present: a subjectless «ويضيف»/«ويوضح»/«ويقول» is the speaker before,
    # not an impersonal "it is added"
    speaker = speaker_of(attribution.annotate(text), "المخزون" if "المخزون" in text else "الطرفين")
    assert speaker[0] == "person" and speaker[1] in ("الباحث الاقتصادي", "المحلل السياسي")


@pytest.mark.parametrize(("text", "source", "content"), [
    ("وأكد وزير الخارجية دعم بلاده للحكومة الانتقالية.", "وزير الخارجية", "دعم بلاده للحكومة الانتقالية"),
    ("وأكد المتحدث باسم الوزارة خالد عمران عدم صحة الأنباء.", "خالد عمران", "عدم صحة الأنباء"),
    ("وأكد الوزير حرص الحكومة على الحوار.", "الوزير", "حرص الحكومة على الحوار"),
    ("ودانت الوزارة الاعتداء على القافلة.", "الوزارة", "الاعتداء على القافلة"),  # written without its hamza
    # a definite complement takes no definite genitive: the object follows the body's name
    ("وأدانت وزارة الخارجية الاعتداء على القافلة.", "وزارة الخارجية", "الاعتداء على القافلة"),
    ("ووصف البنك المركزي القرار بأنه متسرع.", "البنك المركزي", "بأنه متسرع"),
])
def test_a_verbal_noun_object_ends_the_subject(text: str, source: str, content: str) -> None:
    # «دعم», «عدم», «حرص»: the object of the cue, not the last word of a name
    att = attribution_at(attribution.annotate(text), content[:8])
    assert att.source.name == source
    assert text[att.content.start:att.content.end] == content


@pytest.mark.parametrize("text", [
    "قال الوزير إن الاتفاق قريب. ويذكر أن الجولة السابقة فشلت.",
    "قال الوزير إن الاتفاق قريب. ويقولون إن الجولة السابقة فشلت.",  # "people say"
])
def test_an_impersonal_or_plural_present_stays_the_outlets(text: str) -> None:
    assert speaker_of(attribution.annotate(text), "الجولة السابقة")[0] == "outlet"


def test_document_speaks_for_its_owner() -> None:
    a = attribution.annotate("قال الوزير إن الاتفاق قريب.\nوتشير تقديرات البنك الدولي إلى أن الخسائر كبيرة.")
    assert speaker_of(a, "الخسائر كبيرة") == ("organization", "البنك الدولي")


def test_unknown_stretch_before_a_clause_is_not_a_subject() -> None:
    # a stretch that holds another cue is a clause, not a subject phrase
    a = attribution.annotate("وتشير المعطيات التي أعلنتها اللجنة أمس في مؤتمر صحفي عقدته إلى أن الخسائر كبيرة.")
    att = attribution_at(a, "الخسائر كبيرة")
    assert att is None or "أعلنتها" not in att.source.name


def test_quote_spanning_sentences() -> None:
    a = attribution.annotate("وقال الرئيس الفرنسي: «نحن هنا للمساعدة. وسنبقى حتى النهاية».")
    att = attribution_at(a, "وسنبقى حتى")
    assert att is not None and att.direct
    assert speaker_of(a, "وسنبقى حتى")[0] == "official"


@pytest.mark.parametrize("text", ["", "   \n\n", "Hello world.", "١٢٣ ٤٥٦", "\u200f\u200e"])
def test_degenerate_input_is_an_article(text: str) -> None:
    a = attribution.annotate(text)
    assert a.text == text
    assert all(s.speaker.kind == "outlet" for s in a.sentences)


@pytest.mark.parametrize(("text", "kind", "name", "via"), [
    ("ونقلت وكالة الأنباء الرسمية عن مصدر عسكري قوله إن الدفاعات الجوية تصدت لهجوم.",
     "unnamed_source", "مصدر عسكري", ["وكالة الأنباء الرسمية"]),
    ("وبحسب ما أفادت وكالة الأناضول، فإن الاجتماع سيعقد في أنقرة.", "news_agency", "الأناضول", []),
    ("وتأتي الخطوة بعد أسابيع من التوتر، حسبما ذكرت صحيفة الغارديان.", "media", None, []),
    ("وقال شهود عيان لوكالة فرانس برس إن انفجارات هزت المدينة.", "unnamed_source", "شهود عيان", None),
    ("ونفت حركة حماس في بيان صحة هذه الأنباء.", "group", None, []),
    ("وأفاد مراسل قناة الجزيرة بأن القصف تجدد على المدينة.", "media", None, []),
])
def test_wire_patterns(text: str, kind: str, name: str | None, via: list[str] | None) -> None:
    a = attribution.annotate(text)
    assert a.sentences[0].speaker.kind == kind
    att = a.attributions[a.sentences[0].attribution]  # type: ignore[index]
    if name is not None:
        assert att.source.name == name
    if via is not None:
        assert [v.name for v in att.via] == via
    else:
        assert len(att.via) == 1 and att.via[0].kind == "news_agency"


def test_noun_homograph_of_a_cue_is_not_a_report() -> None:
    a = attribution.annotate("وقالت الوزارة إن نحو 600 ألف طالب حرموا من الدراسة منذ بدء الحرب.")
    assert [x.source.kind for x in a.attributions] == ["government"]


# The construction classes of the who-speaks issue, each with a sentence of our own:
# (class, text, a stretch of it, a substring of the speaker's name or aliases or None for the outlet).
ISSUE_CLASSES = [
    (1, "وقال وزير الزراعة اللبناني، سامر حداد، عقب لقائه نظيره السوري في بيروت يوم الاثنين: «سنفتح الحدود"
        " أمام الشاحنات».", "سنفتح الحدود", "سامر حداد"),
    (2, 'وقال خالد يوسف المتحدث باسم بلدية نابلس لـ"الحياة" " ان البلدية ستعيد فتح السوق غدا".', "البلدية ستعيد",
     "خالد يوسف"),
    (3, "كشف الباحث سامي عطية، أستاذ الاقتصاد في جامعة دمشق، أنه رصد ارتفاعا كبيرا في الأسعار.", "رصد ارتفاعا",
     "سامي عطية"),
    (4, "وجاء في بيان وزارة الداخلية أن الطريق سيغلق ليلا.", "الطريق سيغلق", "وزارة الداخلية"),
    (5, "ونفى الوزير الشائعة قائلا: «لا صحة لما يتداول».\nوأوضح: «الخطة باقية كما هي».", "الخطة باقية", "الوزير"),
    (6, 'ونشرت الجمعية على صفحتها في فيسبوك قائلة "نحتاج إلى متطوعين في كل المدن".', "نحتاج إلى متطوعين",
     "الجمعية"),
    (7, "وأعلنت النرويج والسويد والدنمارك أنها ستخفض الرسوم الجمركية.", "ستخفض الرسوم", "النرويج"),
    (8, "«لن نقبل بأي تسوية»، قال وزير الخارجية الأردني في مؤتمر صحفي.", "لن نقبل", "وزير الخارجية"),
    (9, "وحسب ما ذكرته وكالة الأناضول فإن الحريق أخمد بالكامل.", "الحريق أخمد", "الأناضول"),
    (10, "ونقلت وكالة الأنباء الفرنسية عن صحيفة لوموند، نقلا عن مسؤولين أمنيين، أن الهجوم أحبط.", "الهجوم أحبط",
     "مسؤولين أمنيين"),
    (11, "وقال المدير: «سنعمل ليلا ونهارا.\nولن نتوقف حتى ننتهي من الجسر».", "ولن نتوقف", "المدير"),
    (12, "واستقبل الرئيس سفير فرنسا لدى بغداد وبحث معه العلاقات الثنائية.", "العلاقات الثنائية", None),
    (13, "وقال الوزير إن الخطة جاهزة.\nوأضاف أن التمويل متوفر.", "التمويل متوفر", "الوزير"),
]


@pytest.mark.parametrize(("number", "text", "words", "speaker"), ISSUE_CLASSES, ids=[f"class{c[0]}" for c in ISSUE_CLASSES])
def test_issue_construction_classes(number: int, text: str, words: str, speaker: str | None) -> None:
    a = attribution.annotate(text)
    att = attribution_at(a, words)
    kind, name = speaker_of(a, words)
    if speaker is None:
        assert att is None and kind == "outlet", att
        return
    assert att is not None, f"class {number}: nothing attributes «{words}»"
    assert any(speaker in n for n in (att.source.name, *att.source.aliases)), att.source
    assert kind != "outlet" and att.source.name == name


def test_two_hop_chain_is_outermost_first() -> None:
    a = attribution.annotate("ونقلت وكالة الأنباء الفرنسية عن صحيفة لوموند، نقلا عن مسؤولين أمنيين، أن الهجوم أحبط.")
    att = attribution_at(a, "الهجوم أحبط")
    assert [v.name for v in att.via][-1:] == ["لوموند"] and len(att.via) == 2
    assert len([x for x in a.attributions if "الهجوم" in x.content.text]) == 1


def test_quote_first_cue_after_is_direct() -> None:
    a = attribution.annotate("«لن نقبل بأي تسوية»، قال وزير الخارجية الأردني في مؤتمر صحفي.")
    att = attribution_at(a, "لن نقبل")
    assert att.direct and att.content.text == "لن نقبل بأي تسوية" and att.rule == "verb-after-clause"


@pytest.mark.parametrize("first", [
    "التقت وزيرة الصحة سلمى حداد بالوفد أمس.",
    "التقى سامي حداد، وزير الصحة، بالوفد أمس.",
])
def test_a_surname_keeps_the_role_an_earlier_mention_gave(first: str) -> None:
    a = attribution.annotate(first + "\nوقالت حداد إن المستشفيات جاهزة.")
    assert attribution_at(a, "المستشفيات جاهزة").source.kind == "official"


def test_a_surname_with_no_role_is_a_person() -> None:
    a = attribution.annotate("وقال حداد إن المستشفيات جاهزة.")
    assert attribution_at(a, "المستشفيات جاهزة").source.kind == "person"


def test_a_quoted_medium_addressed_after_the_subject_is_the_chain() -> None:
    a = attribution.annotate('وقال خالد يوسف المتحدث باسم البلدية لـ"الحياة" إن السوق سيفتح غدا.')
    att = attribution_at(a, "السوق سيفتح")
    assert [v.name for v in att.via] == ["الحياة"] and "خالد يوسف" in att.source.name


def test_an_intermediary_after_a_cue_with_no_subject() -> None:
    a = attribution.annotate("طالب المجلس البلدي بفتح الطريق.\nثم طالبوا، بحسب بيان صادر عن مكتب الإعلام"
                             " في البلدية، بزيادة عدد الحافلات.")
    att = attribution_at(a, "بزيادة عدد الحافلات")
    assert att is not None and att.rule == "verb-continuation"
    assert any("مكتب الإعلام" in v.name for v in att.via), att.via


@pytest.mark.parametrize("text", ["نقلا عن مصادر طبية، ارتفع عدد الجرحى إلى عشرين.",
                                  "ارتفع عدد الجرحى إلى عشرين، نقلا عن مصادر طبية."])
def test_naqlan_an_is_a_prepositional_cue_not_a_verb(text: str) -> None:
    att = attribution_at(attribution.annotate(text), "عدد الجرحى")
    assert att is not None and att.source.name == "مصادر طبية" and att.rule.startswith("preposition")


def test_a_continuation_relaying_sources() -> None:
    a = attribution.annotate("قال الوزير إن الجسر جاهز.\nوأضاف، نقلا عن مصادر أمنية، أن الطريق آمن.")
    att = attribution_at(a, "الطريق آمن")
    assert att.source.name == "مصادر أمنية" and [v.name for v in att.via] == ["الوزير"]
    assert all(v.name for x in a.attributions for v in x.via)


def test_a_definite_official_head_and_a_portfolio_name_their_kind() -> None:
    a = attribution.annotate("وأوضح المسؤول الأردني أن المعبر سيفتح غدا.\nوكانت الصحة الأردنية أعلنت أن الإصابات تراجعت.")
    assert attribution_at(a, "المعبر سيفتح").source.kind == "official"
    assert attribution_at(a, "الإصابات تراجعت").source.kind == "government"
    b = attribution.annotate("وأوضح مسؤول أردني أن المعبر سيفتح غدا.")
    assert attribution_at(b, "المعبر سيفتح").source.kind == "unnamed_source"


@pytest.mark.parametrize("adverbial", ["أكثر من مرة", "مرارا", "مجددا", "غير مرة"])
def test_an_adverbial_after_the_cue_is_not_its_subject(adverbial: str) -> None:
    a = attribution.annotate(f"قال المدرب إن الفريق جاهز.\nوأكد {adverbial} أن اللاعبين بخير.")
    att = attribution_at(a, "اللاعبين بخير")
    assert att is not None and att.source.name == "المدرب", att
    b = attribution.annotate(f"وقال {adverbial} وزير المالية إن الموازنة جاهزة.")
    assert attribution_at(b, "الموازنة جاهزة").source.name == "وزير المالية"


@pytest.mark.parametrize("owned", ["خطته", "مواقفها", "معارضوها"])
def test_a_noun_with_its_owner_is_not_part_of_a_name(owned: str) -> None:
    a = attribution.annotate(f"وأعلن الوزير {owned}. وأكد أن الخطة ستنفذ في موعدها.")
    att = attribution_at(a, "الخطة ستنفذ")
    assert att is not None and att.source.name == "الوزير", att.source


@pytest.mark.parametrize("opener", ["بعد أن", "عندما", "حين"])
def test_a_report_in_a_clause_after_a_comma_and_subordinator_speaks_that_clause(opener: str) -> None:
    a = attribution.annotate(f"أغلق السكان الطريق المؤدي إلى السوق القديم، {opener} قالت البلدية إن الجسر سيغلق لأسبوع.")
    assert speaker_of(a, "الجسر سيغلق") == ("government", "البلدية")
    assert speaker_of(a, "الطريق المؤدي")[0] == "outlet"


def test_a_short_quoted_name_after_a_preposition_is_not_the_content() -> None:
    a = attribution.annotate("يقول المخرج في حوار أجرته معه مجلة فنية، بعد حصوله على “السعفة الذهبية الكبرى” في المهرجان:"
                             " “لم أكن أتوقع هذا الفوز أبدا، فالجائزة للممثلين”.")
    att = attribution_at(a, "لم أكن أتوقع")
    assert att is not None and att.source.name == "المخرج" and att.direct
    assert attribution_at(a, "السعفة الذهبية") is None


def test_a_report_inside_the_main_clause_content_speaks_the_sentence() -> None:
    a = attribution.annotate('وأضاف البيان أن اللجنة الطبية "تؤكد أن المريض يستجيب للعلاج وحالته في تحسن مستمر".')
    kind, name = speaker_of(a, "وحالته في تحسن")
    assert "اللجنة الطبية" in name and kind != "outlet"
    att = attribution_at(a, "وحالته في تحسن")
    assert [v.name for v in att.via] == ["البيان"]


def test_a_ministry_voicing_its_state_keeps_the_sentence() -> None:
    a = attribution.annotate("وأعلنت الخارجية أن مصر «ترحب بالاتفاق الذي وقعه الطرفان في العاصمة أمس».")
    assert speaker_of(a, "وقعه الطرفان") == ("government", "الخارجية")


def test_a_cue_with_its_own_subject_after_wa_starts_a_clause() -> None:
    a = attribution.annotate('ذكرت وسائل إعلام محلية الإثنين أن الرئيس "بخير تماما" وأكد عضو في مكتب الرئاسة'
                             ' نافيا بذلك ما تردد عن تدهور وضعه الصحي مؤخرا.')
    assert speaker_of(a, "بخير تماما") == ("media", "وسائل إعلام محلية")
    assert speaker_of(a, "ما تردد عن تدهور")[1] == "عضو في مكتب الرئاسة"


def test_wa_bayna_in_a_pair_is_a_preposition_not_a_cue() -> None:
    a = attribution.annotate("وقالت اللجنة إنها اختارت الفيلم بعد مفاضلة بينه وبين الجمعية الوطنية للمسرح «التي قدمت"
                             " عملا» قويا.")
    assert [x.cue.text for x in a.attributions] == ["وقالت"]
    assert speaker_of(a, "عملا» قويا")[1] == "اللجنة"


@pytest.mark.parametrize("text,cues", [
    ("وقال المسؤول إن الخلاف بين الشركة وبين الحكومة أن المشروع متوقف انتهى.", ["وقال"]),
    ("وبين الوزير أن المشروع متوقف.", ["وبين"]),
    ("كما بين الوزير أن المشروع متوقف.", ["بين"]),
])
def test_bayna_mid_clause_is_the_preposition(text: str, cues: list[str]) -> None:
    assert [x.cue.text for x in attribution.annotate(text).attributions] == cues


def test_images_spreading_online_do_not_speak() -> None:
    a = attribution.annotate("وكشفت صور متداولة على مواقع التواصل الطابق العلوي من مبنى المدرسة وقد انهار سقفه.")
    assert a.attributions == ()
    assert speaker_of(a, "انهار سقفه")[0] == "outlet"


def test_an_unclosed_quotation_with_a_report_inside_does_not_crash() -> None:
    a = attribution.annotate("وقالت الوزارة في بيان: «إن انفجارا وقع في المدينة عند الظهر، وتوعدت بملاحقة المسؤولين."
                             " بدوره، أعلن مسؤول في مكتب الوزير أن عشرة أشخاص أصيبوا، مشيرا إلى «أنه هجوم مدبر».")
    assert attribution_at(a, "عشرة أشخاص").source.name == "مسؤول في مكتب الوزير"
    assert attribution_at(a, "هجوم مدبر").source.name == "مسؤول في مكتب الوزير"


@pytest.mark.parametrize("text,name,kind", [
    ("وقال بنك الأردن المركزي إن الاحتياطي ارتفع.", "بنك الأردن المركزي", "government"),
    ("وقالت جامعة قطر إن الدراسة مستمرة.", "جامعة قطر", "organization"),
    ("وقالت حركة حماس إن الهدنة صامدة.", "حركة حماس", "group"),
])
def test_an_institution_named_after_a_country_is_not_the_country(text: str, name: str, kind: str) -> None:
    att = attribution.annotate(text).attributions[0]
    assert (att.source.name, att.source.kind) == (name, kind)


def test_an_indefinite_role_takes_its_genitive_and_the_holder_named_between_commas() -> None:
    a = attribution.annotate("أعلن محافظ الساحل، كريم منصور، افتتاح الجسر الجديد.")
    assert speaker_of(a, "افتتاح الجسر") == ("official", "كريم منصور")


def test_a_nisba_adjective_belongs_to_the_body_it_follows() -> None:
    att = attribution_at(attribution.annotate("وهنأت الهيئة الإدارية المتطوعين على ما قدموه."), "المتطوعين")
    assert att is not None and att.source.name == "الهيئة الإدارية"


def test_an_office_holder_after_the_verb_is_its_subject_not_the_word_before() -> None:
    a = attribution.annotate("المدينة : النهار أعلن والي الإقليم الجنوبي، هشام عزيز، استعداد الإقليم للموسم.")
    assert speaker_of(a, "استعداد الإقليم") == ("official", "هشام عزيز")


def test_the_object_of_a_preposition_is_not_the_subject_a_continuation_takes() -> None:
    a = attribution.annotate("وفي روما أصيبت الرسامة اللبنانية نادين خوري بالحمى، وأعلنت إصابتها عبر حسابها.")
    att = attribution_at(a, "إصابتها عبر")
    assert att is not None and "نادين خوري" in att.source.name


def test_a_closing_mark_opened_nowhere_ends_the_quotation_of_the_sentence_before() -> None:
    a = attribution.annotate('وقالت الشركة إن المبيعات ارتفعت. وهذا أفضل أداء لنا منذ سنوات".')
    att = attribution_at(a, "أفضل أداء")
    assert att is not None and att.source.name == "الشركة" and att.direct and att.rule == "quote-sentence"


def test_a_publishing_verb_after_ma_names_the_source_of_a_trailing_cue() -> None:
    a = attribution.annotate("وتتضمن الخطة الجديدة 12 بندا بحسب ما نشرته الصحيفة الرسمية.")
    assert speaker_of(a, "12 بندا")[0] == "media"


def test_a_qualifier_of_the_document_before_an_that_is_not_the_content() -> None:
    a = attribution.annotate("وأفادت رسالة العميد المؤرخة أمس بأن الامتحانات ستؤجل.")
    att = attribution_at(a, "الامتحانات ستؤجل")
    assert att is not None and att.content.text.startswith("بأن")


def test_ashar_ila_with_a_noun_reports_what_the_speaker_pointed_to() -> None:
    a = attribution.annotate("وقالت الوزيرة إن الموازنة جاهزة.\nوأشارت إلى عجز كبير في قطاع الكهرباء.")
    assert speaker_of(a, "عجز كبير") == ("official", "الوزيرة")


def test_a_bulletin_issued_by_a_body_speaks_for_it() -> None:
    a = attribution.annotate("وكشفت النشرة الفصلية التي يصدرها المصرف المركزي عن تراجع التضخم.")
    assert speaker_of(a, "تراجع التضخم")[0] == "government"


def test_a_relayed_statement_is_not_issued_by_its_relay() -> None:
    a = attribution.annotate("وأوضح البيان الذي نقلته الإذاعة الرسمية أن الحدود ستفتح.")
    att = attribution_at(a, "الحدود ستفتح")
    assert att is not None and att.source.kind != "media" and [v.kind for v in att.via] == ["media"]


def test_a_demonstrative_opens_the_subject() -> None:
    a = attribution.annotate("وأكد هذا المسؤول أن المعبر سيفتح غدا.")
    assert speaker_of(a, "المعبر سيفتح")[1] == "المسؤول"


@pytest.mark.parametrize("told", ["لـ«الوطن»", 'لـ "الوطن"'])
def test_a_quoted_medium_told_before_the_subject(told: str) -> None:
    a = attribution.annotate(f"وقال {told}، الدكتور نبيل عيسى أستاذ التاريخ إن المخطوطة أصلية.")
    att = attribution_at(a, "المخطوطة أصلية")
    assert att is not None and "نبيل عيسى" in att.source.name and [v.name for v in att.via] == ["الوطن"]


def test_a_continuation_verb_with_saying_after_it() -> None:
    a = attribution.annotate("وقال المدرب إن الفريق جاهز.\nوأضاف قائلا في حديث للإذاعة: «سنلعب للفوز».")
    assert speaker_of(a, "سنلعب للفوز") == ("person", "المدرب")


@pytest.mark.parametrize(("text", "speaks"), [
    ("وتتضمن المذكرة زيادة رواتب الممرضين بنسبة الثلث.", True),
    ("ونصت اللائحة على تشكيل لجنة للتظلمات.", True),
    ("وتضمن المهرجان عروضا مسرحية متنوعة.", False),
])
def test_a_document_only_verb_reports_with_a_document_for_subject(text: str, speaks: bool) -> None:
    a = attribution.annotate(text)
    assert bool(a.attributions) is speaks


def test_a_participle_after_a_non_speech_verb_takes_that_verbs_subject_not_a_label() -> None:
    a = attribution.annotate("صحيفة الميدان: وجه المعلق الرياضي سامر خليل، انتقادا حادا، بشأن حارس الفريق، "
                             "قائلا: إنه لا يستحق مكانه.")
    assert speaker_of(a, "لا يستحق مكانه") == ("person", "سامر خليل")


@pytest.mark.parametrize(("text", "source"), [
    ("وتم توزيع المساعدات على الأسر وفقا لقرارات مجلس الأمن.", None),
    ("وستجري الانتخابات في موعدها طبقا للدستور.", None),
    ("وارتفعت الأسعار بنسبة الخمس وفقا لبيانات المصرف المركزي.", "government"),
])
def test_in_accordance_with_a_norm_is_not_according_to_a_source(text: str, source: str | None) -> None:
    att = attribution_at(attribution.annotate(text), text.split()[1])
    assert (att.source.kind if att is not None else None) == source


def test_a_masculine_plural_verb_does_not_go_on_with_a_body() -> None:
    a = attribution.annotate("وذكرت وسائل إعلام محلية أن وزراء ونوابا من دول عدة، مثل تونس والأردن، دعوا إلى الحوار.")
    att = attribution_at(a, "إلى الحوار")
    assert att is not None and att.rule == "verb-subject" and att.source.kind == "media"


def test_an_unnamed_head_placed_in_a_body_and_a_place_then_named_is_an_official() -> None:
    a = attribution.annotate('وقال المسؤول في إدارة الطوارئ في ولاية كيرالا راجو مينون "الوضع صعب جدا".')
    assert speaker_of(a, "الوضع صعب") == ("official", "راجو مينون")


def test_news_of_opens_an_unnamed_report() -> None:
    a = attribution.annotate("أنباء عن تسرب غاز في مصنع الأسمدة وإجلاء العمال.")
    assert speaker_of(a, "تسرب غاز") == ("unnamed_source", "أنباء")


def test_workers_acting_together_are_a_group() -> None:
    a = attribution.annotate("وأكد العاملون في الميناء أنهم سيواصلون الإضراب.")
    assert speaker_of(a, "سيواصلون الإضراب") == ("group", "العاملون")


def test_a_role_takes_an_organization_from_the_gazetteer_as_its_genitive() -> None:
    a = attribution.annotate("ورغم أن مبعوث الأمم المتحدة سالم حداد قال أمس إن الطرفين اتفقا فقد تأجل اللقاء.")
    att = attribution_at(a, "الطرفين اتفقا")
    assert att is not None and att.source.name == "سالم حداد" and att.source.kind == "official"


def test_a_letter_owned_by_a_definite_role_speaks_for_it_past_an_aside() -> None:
    a = attribution.annotate("وأفادت رسالة العميد المؤرخة بتاريخ 3 مايو، والتي اطلعت «الوطن» على نسخة منها، "
                             "بأن «الامتحانات ستؤجل».")
    att = attribution_at(a, "الامتحانات ستؤجل")
    assert att is not None and att.source.name == "العميد" and "الامتحانات ستؤجل" in att.content.text
    assert "المؤرخة" not in att.content.text


def test_ownerless_data_cited_inside_a_report_stays_the_reporters() -> None:
    a = attribution.annotate("أعلنت لجنة الطوارئ في البلدة أن مريضا سابقا، وبعدما شفي، أظهرت نتيجة فحص جديد أنه "
                             "أصيب مرة أخرى.")
    att = attribution_at(a, "أصيب مرة أخرى")
    assert att is not None and att.source.name == "لجنة الطوارئ"


@pytest.mark.parametrize("text", [
    "وقال السفير لمحطة التلفزيون المحلية «ن تي في»: «لن نغادر قبل نهاية المهمة».",
    "وقال سامر خليل، المؤسس والمدير العام لدى «شركة الندى للأغذية»: «لن نغادر قبل نهاية المهمة».",
])
def test_a_quoted_name_before_the_colon_is_not_the_content(text: str) -> None:
    att = attribution_at(attribution.annotate(text), "لن نغادر")
    assert att is not None and att.content.text.startswith("لن نغادر") and att.source.kind == "official"


def test_a_medium_spoken_to_after_a_name_is_not_part_of_it() -> None:
    a = attribution.annotate('وقال كريم منصور لشبكة "أخبار اليوم" أمس (الاثنين)، "يجب أن يعتذر الوزير".')
    att = attribution_at(a, "يعتذر الوزير")
    assert att is not None and att.source.name == "كريم منصور" and att.via


@pytest.mark.parametrize("text", [
    'وقال المدير إن الإنتاج تضاعف. وقال المهندس سامر في تصريح لـ»الوطن» إن الآلات جديدة".',
    'وقال المدير إن الإنتاج تضاعف. يذكر أن المصنع افتتح قبل عشرين عاما".',
])
def test_quote_sentence_leaves_a_sentence_with_its_own_cue_or_the_outlets_aside(text: str) -> None:
    assert all(a.rule != "quote-sentence" for a in attribution.annotate(text).attributions)


def test_an_impersonal_present_shares_no_subject() -> None:
    a = attribution.annotate("واستقبل الوزير الوفد الزائر ويذكر أن الوفد يضم عشرين عضوا.")
    assert all(a.rule != "coordinated-subject" for a in a.attributions)


def test_a_stretch_with_a_subordinator_is_no_subject() -> None:
    a = attribution.annotate("ولم يذكر المصدر سبب الزيارة رغم أنه كان قد رفضها من قبل.")
    assert attribution_at(a, "كان قد رفضها") is None


@pytest.mark.parametrize(("text", "kind", "name"), [
    # a relative clause after the subject's comma, then the content
    ("وقال فرانك مولر، الذي يرأس شركة استشارات في برلين، إن الطلب ارتفع.", "person", "فرانك مولر"),
    ("وأشار هاريسون، الذي يشغل المنصب منذ عام 2010، في مؤتمره الصحافي إلى أن الميزانية تراجعت.", "person", "هاريسون"),
    # «وهو»/«وهي» describing the subject, with or without commas; a role there makes an official
    ("وقال سامر الخطيب وهو متحدث باسم المجلس المحلي في المدينة إن الطريق أغلق أمس.", "official", "سامر الخطيب"),
    ("وقال سامر الخطيب، وهو متحدث باسم المجلس المحلي، إن الطريق أغلق أمس.", "official", "سامر الخطيب"),
    ("وقالت لينا حداد وهي أم لثلاثة أطفال إن المدرسة أغلقت أبوابها.", "person", "لينا حداد"),
    ("وقال الطبيب رامي وهو يتفقد الجرحى إن المستشفى يحتاج إلى الوقود.", "person", "رامي"),
])
def test_a_description_after_the_subject_is_not_the_content(text: str, kind: str, name: str) -> None:
    a = attribution.annotate(text)
    att = a.attributions[a.sentences[0].attribution]  # type: ignore[index]
    assert (att.source.kind, att.source.name) == (kind, name)
    assert a.text[att.content.start:att.content.end].startswith(("إن", "أن"))


@pytest.mark.parametrize(("text", "name"), [
    ("وقال المتحدث باسم شرطة محافظة الجيزة إن التحقيقات جارية.", "المتحدث باسم شرطة محافظة الجيزة"),
    ("وقال مدير شرطة ولاية كادونا إن الطرق أغلقت.", "مدير شرطة ولاية كادونا"),
    ("وقال المتحدث باسم شرطة الرياض إن التحقيقات جارية.", "المتحدث باسم شرطة الرياض"),
    ("وقال رئيس بلدية مدينة صور إن المياه قطعت.", "رئيس بلدية مدينة صور"),
])
def test_an_indefinite_body_keeps_the_place_it_serves(text: str, name: str) -> None:
    a = attribution.annotate(text)
    att = a.attributions[a.sentences[0].attribution]  # type: ignore[index]
    assert (att.source.kind, att.source.name) == ("official", name)


def test_the_construct_chain_of_an_indefinite_body_goes_on() -> None:
    a = attribution.annotate("وقال مدير إدارة سجون منطقة الجوف العميد سامي الفهد إن الزيارات مستمرة.")
    att = a.attributions[a.sentences[0].attribution]  # type: ignore[index]
    assert (att.source.kind, att.source.name) == ("official", "سامي الفهد")
    b = attribution.annotate("وأعلنت بعثة لحفظ السلام أن الهدوء عاد.")
    assert b.attributions[0].source.name == "بعثة"  # «لحفظ السلام» is not a genitive: a purpose


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("وقال نائب مدير الشرطة راجيش كومار إن المبنى انهار.", "official", "راجيش كومار"),
    ("وقال مساعد وزير الخارجية إن المحادثات مستمرة.", "official", "مساعد وزير الخارجية"),
    ("وأعلن نائب قائد الشرطة بمحافظة ديالى، العقيد سالم الخزرجي، أن الطريق فتح.", "official", "سالم الخزرجي"),
])
def test_a_role_in_construct_with_a_role(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الدكتور علي الزبيدي إن الدراسة اكتملت.", "علي الزبيدي"),  # «علي» (Ali) folds like «على» (on)
    ("وقال علي الزبيدي إن الدراسة اكتملت.", "علي الزبيدي"),
    ("وقال الوزير على هامش المؤتمر إن الدراسة اكتملت.", "الوزير"),
    ("وقال الوزير علي هامش المؤتمر إن الدراسة اكتملت.", "الوزير"),  # the preposition typed with ي
])
def test_a_name_that_folds_like_a_preposition(text: str, name: str) -> None:
    assert first_source(text)[1] == name


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("وأوضح معالي وزير العدل الشيخ سالم بن حمد الراشد أن القرار صدر.", "official", "سالم بن حمد الراشد"),
    ("وأكد سمو أمير منطقة الجوف أن الموسم سيشهد تنظيما أفضل.", "official", "أمير منطقة الجوف"),
    ("وقال رئيس إقليم الشمال إن الانتخابات ستجرى في موعدها.", "official", "رئيس إقليم الشمال"),
    ("ويوضح د. علي أن الروبوت يرى ما حوله.", "person", "علي"),
])
def test_honorifics_and_roles_over_a_place(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


@pytest.mark.parametrize(("text", "kind", "name"), [
    ("وكشفت شركة هاليفاكس عن تراجع أرباحها.", "organization", "شركة هاليفاكس"),
    ("وقال رئيس لجنة تجار الخضار بغرفة الدمام إن الأسعار مستقرة.", "official", "رئيس لجنة تجار الخضار بغرفة الدمام"),
    ("وقال مصدر طبي بمكتب الصحة في المدينة إن المستشفى امتلأ.", "unnamed_source", "مصدر طبي بمكتب الصحة"),
    ("وأظهرت دراسة أجرتها جامعة كوينزلاند في بريزبن نتائج واعدة.", "organization", "جامعة كوينزلاند"),
    ("وقالت الحكومة المؤقتة برئاسة سالم الحربي إن الانتخابات ستجرى.", "government", "الحكومة المؤقتة"),
])
def test_organisation_names_and_where_a_speaker_sits(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


@pytest.mark.parametrize(("text", "name"), [
    ("وقال العقيد الهيضل إن الحادث وقع ليلا.", "الهيضل"),  # a rank, then a definite surname
    ("وقال اللواء الركن سعد القرني إن الحدود آمنة.", "سعد القرني"),  # a rank's qualifier is not the name
    ("وقال الوزير الجديد إن الخطة جاهزة.", "الوزير"),  # a role, not a title: «الجديد» is no surname
])
def test_titles_ranks_and_surnames(text: str, name: str) -> None:
    assert first_source(text)[1] == name


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الأمير فيصل بن خالد بن عبدالعزيز إن الموسم ناجح.", "فيصل بن خالد بن عبدالعزيز"),
    ("وقال الشيخ محمد بن راشد آل مكتوم إن المعرض سيفتتح.", "محمد بن راشد آل مكتوم"),
    ("وقال الأمير فيصل بن سلمان بن عبد العزيز إن الموسم ناجح.", "فيصل بن سلمان بن عبد العزيز"),
])
def test_a_lineage_completes_a_long_name(text: str, name: str) -> None:
    assert first_source(text)[1] == name


@pytest.mark.parametrize(("text", "name"), [
    ("وأكد الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد سامي القرشي أن التحقيق مستمر.", "سامي القرشي"),
    ("وقال أمير منطقة المدينة المنورة إن الموسم ناجح.", "أمير منطقة المدينة المنورة"),
    ("وقال المتحدث باسم الشرطة العقيد دكتور سامي القرشي إن التحقيق مستمر.", "سامي القرشي"),
])
def test_a_place_keeps_its_adjective_and_a_rank_its_title(text: str, name: str) -> None:
    assert first_source(text)[1] == name


@pytest.mark.parametrize(("text", "kind", "name"), [
    # a name, then its role in apposition with no comma: the name is the speaker, the role an alias
    ("وقال سامر الجبوري المتحدث باسم الشركة إن الرحلات عادت.", "official", "سامر الجبوري"),
    ("وقالت هند القاسمي المديرة التنفيذية للمهرجان إن الحضور زاد.", "official", "هند القاسمي"),
    # a first name whose letters after the first spell a reporting verb («ناصر»: «أصر») still opens a subject
    ("وقال ناصر الكعبي المتحدث باسم البلدية إن الطريق أغلق.", "official", "ناصر الكعبي"),
])
def test_a_name_and_its_role_without_a_comma(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


@pytest.mark.parametrize(("text", "kind", "name"), [
    # after a quantifier an unnamed head is a genitive: the ـين form of a plural listed in ـون, or the reverse
    ("ويقول عدد من المواطنين إن الأسعار ارتفعت.", "unnamed_source", "عدد من المواطنين"),
    ("وقال أحد المحتجين إن الشرطة فرقتهم.", "unnamed_source", "أحد المحتجين"),
    ("وأكد بعض المزارعين والمستثمرين أن الموسم جيد.", "unnamed_source", "بعض المزارعين والمستثمرين"),
])
def test_a_quantified_plural_source(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


def test_the_oblique_plural_right_after_a_verb_is_its_object() -> None:
    article = attribution.annotate("وناشد المواطنين تجديد ثقتهم بالمشروع.")
    assert all(a.source.name != "المواطنين" for a in article.attributions)


@pytest.mark.parametrize(("text", "kind", "name"), [
    # a topic opened by «أما» and resumed by ف is the subject of the verb after ف
    ("أما الوزير فقال إن الطريق مفتوح.", "official", "الوزير"),
    ("وأما المتحدثة باسم الوزارة فأكدت أن القرار نهائي.", "official", "المتحدثة باسم الوزارة"),
    ("أما الباحث سالم الكعبي، فيرى أن السوق ستتعافى.", "person", "سالم الكعبي"),
    ("أما نقابة المعلمين فقد أعلنت أن الإضراب مستمر.", "organization", "نقابة المعلمين"),
])
def test_a_topic_resumed_by_fa_is_the_subject(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


@pytest.mark.parametrize("text", [
    "أما عن الشعر السياسي، فقال: «الشعر مرآة».",        # «أما عن …»: a subject matter, not a speaker
    "وزار الوفد المدينة، فقال الدليل إن السور قديم.",   # ف after a comma with no topic: not this rule
])
def test_no_topic_subject_without_a_topic(text: str) -> None:
    article = attribution.annotate(text)
    assert all(not a.source.name.startswith(("الشعر", "الوفد", "زار")) for a in article.attributions if a.source)


@pytest.mark.parametrize(("text", "kind", "name"), [
    # a relative clause on a time, resumed by «فيه», has a subject of its own
    ("في الوقت الذي قال فيه مصدر مطلع إن الصفقة تأجلت.", "unnamed_source", "مصدر مطلع"),
    ("يأتي ذلك في وقت أعلنت فيه وزارة الصحة أن الإصابات تراجعت.", "government", "وزارة الصحة"),
])
def test_a_resumed_relative_clause_has_its_own_subject(text: str, kind: str, name: str) -> None:
    article = attribution.annotate(text)
    assert [(a.source.kind, a.source.name) for a in article.attributions] == [(kind, name)]


def test_a_plural_verb_before_a_resumptive_carries_its_own_subject() -> None:
    article = attribution.annotate("ورفع المحتجون لافتات اتهموا فيها الحكومة بالفساد.")
    assert [a.source.name for a in article.attributions] == ["المحتجون"]  # the government is the object


def test_appearing_is_not_reporting() -> None:
    assert attribution.annotate("ويظهر الممثل في الفيلم وهو يقود سيارة.").attributions == ()  # «يظهر» without أن


@pytest.mark.parametrize(("text", "kind", "name"), [
    # a discourse adverbial with no comma: the verb after it opens the main clause
    ("من جهة أخرى أكد فريق الدفاع أن الحكم غير عادل.", "person", "فريق الدفاع"),
    ("وفي السياق نفسه قال سامر الجبوري إن الرحلات عادت.", "person", "سامر الجبوري"),
    # the verb's preposition before its content is not part of the subject
    ("وأشارت النشرة إلى أن عدد الأجهزة ارتفع.", "unnamed_source", "النشرة"),
    ("كذلك يشير الباحث سالم الكعبي إلى أن التنظيم بات منظما.", "person", "سالم الكعبي"),
])
def test_discourse_adverbials_and_the_verbs_preposition(text: str, kind: str, name: str) -> None:
    assert first_source(text) == (kind, name)


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال بأسى: «لقد خسرنا كثيرا».", None),                          # manner, not a subject
    ("وقال سامر الجبوري للصحفيين إن الفريق جاهز.", "سامر الجبوري"),   # whom he spoke to is not his name
    ("وقالت هند القاسمي للتلفزيون إن المهرجان سيعود.", "هند القاسمي"),
])
def test_manner_and_addressee_after_the_verb(text: str, expected: str | None) -> None:
    names = [a.source.name for a in attribution.annotate(text).attributions]
    assert names == ([expected] if expected else [])


def test_a_manner_adverbial_keeps_the_speaker_before() -> None:
    article = attribution.annotate("وقال الوزير إن الوضع صعب. وقال بأسى: «لقد خسرنا كثيرا».")
    assert [a.source.name for a in article.attributions] == ["الوزير", "الوزير"]


def test_the_object_of_a_preposition_is_no_speaker_to_go_on_with() -> None:
    text = "وحول أهمية الصفقة بالنسبة للجيش المصري، كشفت تصريحات أن الطائرات وصلت."
    assert all(a.source.name != "للجيش المصري" for a in attribution.annotate(text).attributions)


@pytest.mark.parametrize(("text", "name"), [
    ("وقال الدكتور سامي الحربي عنه إن المشروع ناجح.", "سامي الحربي"),
    ("وقالت الباحثة منى العلي لها إن التجربة مفيدة.", "منى العلي"),
    ("وقال فاروق نجيب بك إن الطريق مغلق.", "فاروق نجيب بك"),  # «بك» is a title, not «ب» + «ك»
    ("صرح المتحدث عقب الاجتماع، أن الحكومة ستواجه الأزمة بحزم.", "المتحدث"),  # when he spoke
    ("وقال الوزير فور وصوله إن الوضع مستقر.", "الوزير"),
    ("وقال الكاتب سالم الحربي أثناء الندوة إن الرواية تأخرت.", "سالم الحربي"),
])
def test_a_preposition_with_a_pronoun_or_a_time_word_ends_a_name(text: str, name: str) -> None:
    [att] = attribution.annotate(text).attributions
    assert att.source.name == name


@pytest.mark.parametrize(("text", "name", "content"), [
    ("وأدان الأمير سلطان بن فيصل الهجوم على المسجد.", "سلطان بن فيصل", "الهجوم على المسجد"),
    ("واستنكر النائب خالد الزامل التفجير الذي استهدف السوق.", "خالد الزامل", "التفجير الذي استهدف السوق"),
    ("ورحب الوزير ماجد العتيبي القرار الأممي.", "ماجد العتيبي", "القرار الأممي"),
])
def test_the_event_a_verb_of_judgement_takes_ends_the_name(text: str, name: str, content: str) -> None:
    # a definite word after a given name is read as a surname («خالد الزامل»), but not an event
    [att] = attribution.annotate(text).attributions
    assert (att.source.name, att.content.text.rstrip(".")) == (name, content)


@pytest.mark.parametrize(("text", "name"), [
    ("وأكد صاحب السمو الملكي الأمير سلطان بن فيصل أن المشروع اكتمل.", "سلطان بن فيصل"),
    ("وأكد صاحب السمو الأمير ماجد بن سعد أن المتطوعين أنجزوا عملهم.", "ماجد بن سعد"),
    ("وأوضح صاحب المعالي وزير التعليم أن الدراسة تبدأ غدا.", "وزير التعليم"),
])
def test_an_honorific_phrase_opens_a_role(text: str, name: str) -> None:
    [att] = attribution.annotate(text).attributions
    assert att.source.name == name and att.source.kind == "official"
    assert att.source.mention is not None and att.source.mention.text.startswith("صاحب")


def test_an_owner_is_no_honorific() -> None:
    [att] = attribution.annotate("وقال صاحب المطعم إن الزبائن كثر.").attributions
    assert att.source.name == "صاحب المطعم"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("وقال أصدقاء له إن الاعتقال فاجأهم.", "أصدقاء", "unnamed_source"),
    ("وأوضح عدد من جيران المبنى أن الحريق بدأ ليلا.", "عدد من جيران", "unnamed_source"),
    ("وأعلن الوزير سالم الحربي النتائج في المؤتمر.", "سالم الحربي", "official"),
])
def test_friends_neighbours_and_announced_results(text: str, name: str, kind: str) -> None:
    [att] = attribution.annotate(text).attributions
    assert (att.source.name, att.source.kind) == (name, kind)


def test_an_honorific_phrase_before_a_title() -> None:
    [att] = attribution.annotate("وقال صاحب السماحة الشيخ سالم الحربي إن الوحدة واجبة.").attributions
    assert att.source.name == "سالم الحربي"
    assert att.source.mention is not None and att.source.mention.text.startswith("صاحب السماحة")
