"""The common political loaded vocabulary of Arabic news in the built-in term lexicons.

Each class of word added to lexicons/terms/ has a loaded sentence that must be tagged (concept,
stance, and the span it covers) and a near miss where the same letters are not the loaded term.
The sentences are written for this file.
"""

from __future__ import annotations

import pytest

import attribution

# (sentence, the span that must be tagged, concept, stance)
LOADED = [
    # religious outlaw labels for militants and dissenters
    ("وأعلنت الشرطة القبض على خلية من الفئة الضالة في المنطقة.", "الفئة الضالة", "outlaw_labels", "negative"),
    ("وأحبطت الأجهزة الأمنية مخططات الفئات الضالة.", "الفئات الضالة", "outlaw_labels", "negative"),
    ("ودعا الخطيب إلى تحصين الشباب من الفكر الضال.", "الفكر الضال", "outlaw_labels", "negative"),
    ("وقال المتحدث إن البغاة لن يفلتوا من العقاب.", "البغاة", "outlaw_labels", "negative"),
    ("وتعهد الوزير بملاحقة الفئة الباغية حتى آخر عنصر.", "الفئة الباغية", "outlaw_labels", "negative"),
    ("وقال الإمام إن المارقين شوهوا صورة الدين.", "المارقين", "outlaw_labels", "negative"),
    ("وحذر الكاتب من الغلاة الذين يكفرون المجتمع.", "الغلاة", "outlaw_labels", "negative"),
    ("وقال البيان إن دعاة الفتنة يحرضون الشباب على التظاهر.", "دعاة الفتنة", "outlaw_labels", "negative"),
    ("ووصفت واشنطن البلد بأنه دولة مارقة تهدد جيرانها.", "دولة مارقة", "outlaw_labels", "negative"),
    ("وقالت الشرطة إن المتشددين فروا إلى الجبال.", "المتشددين", "outlaw_labels", "neutral"),
    ("وقال إن الشباب المغرر بهم سلموا أنفسهم للسلطات.", "المغرر بهم", "outlaw_labels", "negative"),
    ("ودعت الوزارة إلى مكافحة الفكر المنحرف في المدارس.", "الفكر المنحرف", "outlaw_labels", "negative"),
    # condolence and condemnation wording, dehumanizing metaphors
    ("ونعى الأهالي الجنود الذين طالتهم يد الغدر أمس.", "يد الغدر", "condemnatory_qualifiers", "negative"),
    ("وحذر المحافظ الشباب من خفافيش الظلام.", "خفافيش الظلام", "dehumanizing_labels", "negative"),
    # the Gulf usage of «الخوارج» beside security news
    ("وقال الخطيب إن الخوارج نفذوا التفجير في المسجد.", "الخوارج", "isis", "negative"),
    # 'liberated' territory
    ("وعادت الكهرباء إلى المناطق المحررة في جنوب البلاد.", "المناطق المحررة", "liberation_framing", "positive"),
    ("وزار المحافظ المديريات المحررة أمس.", "المديريات المحررة", "liberation_framing", "positive"),
    # invaders, rabble, regime epithets
    ("وقال القائد إن المدينة تحررت من الغزاة الحوثيين.", "الغزاة الحوثيين", "aggression", "negative"),
    ("وتعهد الجيش الأوكراني بطرد الغزاة الروس من أرضه.", "الغزاة الروس", "aggression", "negative"),
    ("وقال الأمير إن هذه الشرذمة لا تمثل أبناء الوطن.", "الشرذمة", "dehumanizing_labels", "negative"),
    ("وقال إن سلطات الأمر الواقع منعت دخول الصحفيين.", "سلطات الأمر الواقع", "tyranny_labels", "negative"),
    ("وهاجم النائب الدولة العميقة في كلمته.", "الدولة العميقة", "tyranny_labels", "negative"),
    ("وعاد بعض رموز العهد البائد إلى المشهد.", "العهد البائد", "tyranny_labels", "negative"),
    # Iran in sectarian and proxy framing
    ("وحذر الكاتب من المد الصفوي في المنطقة.", "المد الصفوي", "iran", "negative"),
    ("وقال إن عملاء إيران يقفون وراء الاضطرابات.", "عملاء إيران", "iran", "negative"),
    ("وانتقد المعارض نظام ولاية الفقيه بشدة.", "نظام ولاية الفقيه", "iran", "negative"),
    # Yemen's legitimacy framing
    ("وقصفت الميليشيات الانقلابية أحياء في تعز.", "الميليشيات الانقلابية", "houthis", "negative"),
    ("واستقبل الرئيس الشرعي لليمن وفدا في عدن.", "الرئيس الشرعي", "yemen_government", "positive"),
    ("وأكد التحالف مواصلة العمليات حتى استعادة الشرعية في اليمن.", "استعادة الشرعية", "yemen_government", "positive"),
    # Jerusalem and al-Aqsa
    (
        "وأعلن الرئيس الأمريكي القدس عاصمة إسرائيل الأبدية.",
        "عاصمة إسرائيل الأبدية",
        "palestinian_territories",
        "positive",
    ),
    ("وأدى آلاف المصلين صلاة الجمعة في المسجد الأقصى المبارك.", "المسجد الأقصى المبارك", "al_aqsa", "neutral"),
    # massacres, bloodbaths and crimes by name
    ("وقال المرصد إن المذابح تواصلت في القرى الشرقية.", "المذابح", "atrocity_labels", "negative"),
    ("وطالبت المنظمة بمحاسبة من ارتكب المجازر بحق المدنيين.", "المجازر", "atrocity_labels", "negative"),
    ("وحذر المبعوث من حمام دم في العاصمة.", "حمام دم", "atrocity_labels", "negative"),
    ("ووصف ناجون السجن بأنه المسلخ البشري.", "المسلخ البشري", "atrocity_labels", "negative"),
    ("وقال البيان إن الإجرام الصهيوني لن يكسر إرادة الشعب.", "الإجرام الصهيوني", "atrocity_labels", "negative"),
    # occupiers, usurpers, remnants
    ("وقال الشيخ إن المحتلين سيرحلون مهما طال الزمن.", "المحتلين", "aggression", "negative"),
    ("وقال إن الاحتلال الغاصب يسرق الأرض والماء.", "الاحتلال الغاصب", "israel", "negative"),
    ("وقال إن الكيان اللقيط إلى زوال.", "الكيان اللقيط", "israel", "negative"),
    ("وواصلت القوات تمشيط الأحياء من فلول المسلحين.", "فلول", "dehumanizing_labels", "negative"),
    # terrorism and treason labels: the nisba's accusative, obscurantism, foreign agendas
    ("وأعلن الجيش مقتل 15 إرهابيا في الجبال.", "إرهابيا", "terrorism_labels", "negative"),
    ("وقتلت القوات عنصرا تكفيريا قرب الحدود.", "تكفيريا", "terrorism_labels", "negative"),
    ("وأعلنت الشرطة القبض على 20 داعشيا في الصحراء.", "داعشيا", "isis", "negative"),
    ("ودعا الوزير إلى مواجهة الفكر الظلامي في المدارس.", "الظلامي", "terrorism_labels", "negative"),
    ("وقال إن التنظيمات الظلامية تستهدف الشباب.", "الظلامية", "terrorism_labels", "negative"),
    ("وقال إن المخربين ينفذون أجندة خارجية.", "أجندة خارجية", "terrorism_labels", "negative"),
    ("وهاجم الخطيب الأنظمة العميلة في المنطقة.", "الأنظمة العميلة", "terrorism_labels", "negative"),
    ("وقال إن الإعلام المتصهين يبرر الحصار.", "المتصهين", "normalization", "negative"),
    # tyranny adjectives
    ("وقال إن النظام الاستبدادي سجن آلاف المعارضين.", "الاستبدادي", "tyranny_labels", "negative"),
    ("وقال إن الأجهزة القمعية اعتقلت الصحفيين.", "القمعية", "tyranny_labels", "negative"),
    ("وقال إن النظام الديكتاتوري سقط بعد ثلاثين عاما.", "الديكتاتوري", "tyranny_labels", "negative"),
    ("وانتقد الأنظمة الدكتاتورية في القارة.", "الأنظمة الدكتاتورية", "tyranny_labels", "negative"),
    # sectarian slurs and Syrian regime militias
    ("وقال إن الحشد الرافضي يهجر السكان.", "الرافضي", "sectarian_slurs", "negative"),
    ("وقال المقاتل إنهم سيطردون النصيرية من الساحل.", "النصيرية", "sectarian_slurs", "negative"),
    ("وقال شهود إن شبيحا أطلق النار على المشيعين.", "شبيحا", "syrian_government", "negative"),
    ("وقال إن العثمانيين الجدد يطمعون في الشمال.", "العثمانيين الجدد", "turkey_in_syria", "negative"),
    ("وقال إن الجزر الإماراتية المحتلة ستعود.", "الجزر الإماراتية المحتلة", "iran", "negative"),
    # glorifying labels for forces, victories and leaders
    ("وحيا الأمير رجال الأمن البواسل على يقظتهم.", "البواسل", "glorifying_labels", "positive"),
    ("وقال إن قواتنا الباسلة صدت الهجوم.", "الباسلة", "glorifying_labels", "positive"),
    ("ودعا الخطيب لجنودنا الأشاوس على الحدود.", "الأشاوس", "glorifying_labels", "positive"),
    ("وقال إن حماة الوطن يسهرون على أمنه.", "حماة الوطن", "glorifying_labels", "positive"),
    ("واستقبلت القرية الأسير البطل بعد الإفراج عنه.", "الأسير البطل", "glorifying_labels", "positive"),
    ("وقال إن النصر الإلهي تحقق بصمود الشعب.", "النصر الإلهي", "glorifying_labels", "positive"),
    ("ورفع المشاركون صور القائد الملهم في الساحة.", "القائد الملهم", "glorifying_labels", "positive"),
    ("وقال إن أفراد القوات المسلحة أغلقوا الطريق.", "أفراد القوات المسلحة", "glorifying_labels", "neutral"),
    ("وأشاد الخطيب بالملاحم البطولية للجيش.", "الملاحم البطولية", "glorifying_labels", "positive"),
    ("وقال الأمير إن جنودنا الأبطال يحمون الحدود.", "جنودنا الأبطال", "glorifying_labels", "positive"),
    ("ونعى الأمير أبناءنا الأبطال الذين استشهدوا على الحدود.", "أبناءنا الأبطال", "glorifying_labels", "positive"),
    # war profiteers, child killers, treason and puppets
    ("وقال إن تجار الحروب لا يريدون السلام.", "تجار الحروب", "terrorism_labels", "negative"),
    ("وقال إن أمراء الحرب تقاسموا المدينة.", "أمراء الحرب", "terrorism_labels", "negative"),
    ("وقال إن قتلة الأطفال لن يفلتوا من العقاب.", "قتلة الأطفال", "terrorism_labels", "negative"),
    ("ووصف الحزب الاتفاق بأنه طعنة في الظهر.", "طعنة في الظهر", "terrorism_labels", "negative"),
    ("وقال إن الصمت خيانة للقضية.", "خيانة للقضية", "terrorism_labels", "negative"),
    ("وقال إن المجلس ليس سوى حكومة دمية.", "حكومة دمية", "terrorism_labels", "negative"),
    ("وقال إن الرئيس دمية بيد العسكر.", "دمية بيد", "terrorism_labels", "negative"),
    ("وقال إن الكيان الموازي تغلغل في القضاء.", "الكيان الموازي", "terrorism_labels", "negative"),
    ("وقال إن الجبال صارت ملاذا للخارجين عن القانون.", "للخارجين عن القانون", "outlaw_labels", "negative"),
    # a former regime's remnants and henchmen
    ("وقال إن فلول النظام السابق يحرضون على الفوضى.", "فلول النظام السابق", "tyranny_labels", "negative"),
    ("وقال إن أزلام القذافي عادوا إلى المدينة.", "أزلام القذافي", "tyranny_labels", "negative"),
    ("وقال إن الطاغية وزبانيته سيحاسبون.", "زبانيته", "tyranny_labels", "negative"),
    ("وقال إن نظام بوتين يسجن المعارضين.", "نظام بوتين", "state_government", "negative"),
    ("وقال إن نظام المخزن يقمع الاحتجاجات.", "نظام المخزن", "state_government", "negative"),
    ("وقال إن نظام الحمدين يمول الإعلام المعادي.", "نظام الحمدين", "state_government", "negative"),
    # sectarian government, dehumanizing
    ("وقال إن الحكومة الطائفية همشت المحافظات.", "الحكومة الطائفية", "sectarian_slurs", "negative"),
    ("وقال إن هؤلاء وحوش بشرية بلا رحمة.", "وحوش بشرية", "dehumanizing_labels", "negative"),
    # Israel's arrogance and plots, al-Aqsa's women
    ("وقال إن الغطرسة الإسرائيلية تهدد المنطقة.", "الغطرسة الإسرائيلية", "israel", "negative"),
    ("وقال إن العربدة الصهيونية في سوريا مستمرة.", "العربدة الصهيونية", "israel", "negative"),
    ("وحذر من المخططات الصهيونية في القدس.", "المخططات الصهيونية", "israel", "negative"),
    ("وتصدت المرابطات لاقتحام المستوطنين باحات الأقصى.", "المرابطات", "al_aqsa", "positive"),
    # the militants' own name, Moscow's West, Yemen's Imamate
    ("وقال البيان إن جنود الخلافة سيطروا على القرية.", "جنود الخلافة", "isis", "positive"),
    ("وقال الكرملين إن الغرب الجماعي يطيل الحرب.", "الغرب الجماعي", "russia_ukraine_war", "negative"),
    ("وقال إن الإماميين الجدد يحكمون صنعاء بالحديد والنار.", "الإماميين", "houthis", "negative"),
    # plurals and suffixed forms the lexicon writes out
    ("وقال إن الديكتاتوريين يخشون شعوبهم.", "الديكتاتوريين", "tyranny_labels", "negative"),
    ("وقال إن طغاة العصر إلى زوال.", "طغاة", "tyranny_labels", "negative"),
    ("وقال إن مجازرهم لن تسقط بالتقادم.", "مجازرهم", "atrocity_labels", "negative"),
    ("وتأجلت محاكمة الرئيس المعزول إلى الشهر المقبل.", "الرئيس المعزول", "tyranny_labels", "neutral"),
    ("وقال إن زمرة المنافقين تنفذ أوامر الأعداء.", "زمرة المنافقين", "terrorism_labels", "negative"),
    ("وقال إن المتطرفين يستغلون الدهماء.", "الدهماء", "dehumanizing_labels", "negative"),
    ("وقال القائد إن المقاومة طردت الغزاة من المدينة.", "الغزاة", "aggression", "negative"),
    ("وقال إن الأجندات الخارجية تحرك الفوضى.", "الأجندات الخارجية", "terrorism_labels", "negative"),
    ("وقال إن جلادي النظام عذبوا المعتقلين.", "جلادي النظام", "tyranny_labels", "negative"),
    ("وقال إن المذهب الوهابي وراء التطرف.", "المذهب الوهابي", "sectarian_slurs", "negative"),
    ("وقال إن الأعمال التخريبية لن تنال من الوحدة الوطنية.", "الأعمال التخريبية", "attacks_framing", "negative"),
    # contempt for a government's supporters, hostile media, the coup and the old order condemned
    ("وهاجم الكاتب المطبلين للحكومة في كل عهد.", "المطبلين", "vilifying_labels", "negative"),
    ("وسخر المعلقون من السحيجة الذين صفقوا للقرار.", "السحيجة", "vilifying_labels", "negative"),
    ("وقال إن عبيد البيادة لا يمثلون الشعب.", "عبيد البيادة", "vilifying_labels", "negative"),
    ("وحذر من حملات الإعلام المعادي للمملكة.", "الإعلام المعادي", "vilifying_labels", "negative"),
    ("وأدان الحزب الانقلاب الدموي على الرئيس المنتخب.", "الانقلاب الدموي", "coup", "negative"),
    ("وقال إن الثورة المضادة تسعى إلى إعادة النظام القديم.", "الثورة المضادة", "arab_spring", "negative"),
]

# (sentence, a concept that must not be tagged there)
NEAR_MISSES = [
    ("وألف الباحث كتابا عن الخوارج في صدر الإسلام.", "isis"),
    ("وحارب الأجداد الغزاة في القرن الثامن عشر.", "aggression"),
    ("واتخذت الحكومة مواقف متشددة في المفاوضات.", "outlaw_labels"),
    ("وعرف بين زملائه في الجامعة كشخص مارق.", "outlaw_labels"),
    ("وتحدث الشيخ عن الفتنة في درس المساء.", "outlaw_labels"),
    ("وأفرج عن الأسيرة المحررة أمس.", "liberation_framing"),
    ("وقالت المحررة في الصحيفة إن العدد صدر متأخرا.", "liberation_framing"),
    ("وفرضت الشركة سياسة الأمر الواقع على المنافسين.", "tyranny_labels"),
    ("وناقش العلماء الأحكام الشرعية للصيام.", "yemen_government"),
    ("وانتخبت الجمعية العمومية الرئيس الشرعي للنادي.", "yemen_government"),
    ("وقالت الحكومة الليبية إن الميليشيات الانقلابية هاجمت طرابلس.", "houthis"),
    ("وافتتحت البلدية مشروع المجازر الحديثة لذبح الأضاحي.", "atrocity_labels"),
    ("وقال الكاتب إن الدكتاتورية طريق الجهل والتخلف.", "tyranny_labels"),
    ("وقال إن النظام الديكتاتوري سقط في إسبانيا عام 1975.", "syrian_government"),
    ("وأعلن الوزير أن الأجندة الخارجية للمملكة تقوم على الشراكات.", "terrorism_labels"),
    ("وحذرت الأمم المتحدة رافضي السلام من العقوبات.", "sectarian_slurs"),
    ("وزار العقيد النصيري مستشفى الأطفال.", "sectarian_slurs"),
    ("وأقامت الجمعية مهرجانا للثقافة البربرية في تيزي وزو.", "condemnatory_qualifiers"),
    ("وكتب الطلاب عن الربيع البربري عام 1980.", "condemnatory_qualifiers"),
    ("وقال المؤرخ إن المحرقة النازية راح ضحيتها الملايين.", "gaza_war"),
    ("وفاز مرشح حزب حماة الوطن في الدائرة.", "glorifying_labels"),
    ("وقال إن باسل حضر الاجتماع.", "glorifying_labels"),
    ("وقدم الحضور التحية للجنود البواسل المرابطين بالحد الجنوبي.", "al_aqsa"),
    ("وقال الكاتب إن الإماميين في التاريخ الإسلامي هم الشيعة الاثنا عشرية.", "houthis"),
    ("وأقامت المدرسة حفلا لتكريم الشهداء الأبطال.", "glorifying_labels"),
    ("وقال الكاتب إن المرابطات في الرواية نساء من الأندلس.", "al_aqsa"),
    ("وقال إن الحركة تسعى إلى إقامة النظام الإسلامي وطرد المحتلين.", "syrian_government"),
    ("وقالت الشركة إن اقتصادها المعزول يحتاج إلى الاستثمار.", "tyranny_labels"),
    ("وبنى الأهالي السور لحماية القرية من الغزاة في القرن الماضي.", "aggression"),
    ("وأصيب الجهاز ببرنامج خبيث يسرق كلمات المرور.", "condemnatory_qualifiers"),
    ("وتأهل الفريق إلى نهائي دوري الأبطال.", "glorifying_labels"),
    ("واحتفل اللاعب بالانبطاح أرضا بعد الهدف.", "vilifying_labels"),
]


def _terms(text: str) -> list[attribution.TermHit]:
    return list(attribution.annotate(text).terms)


@pytest.mark.parametrize(("text", "span", "concept", "stance"), LOADED, ids=[c[1] for c in LOADED])
def test_loaded_word_is_tagged(text: str, span: str, concept: str, stance: str) -> None:
    start = text.index(span)
    found = [(t.start, t.end, t.text, t.concept, t.stance) for t in _terms(text)]
    assert (start, start + len(span), span, concept, stance) in found, found


@pytest.mark.parametrize(("text", "concept"), NEAR_MISSES, ids=[c[0][:30] for c in NEAR_MISSES])
def test_near_miss_is_not_tagged(text: str, concept: str) -> None:
    found = [(t.text, t.concept, t.stance) for t in _terms(text)]
    assert not [f for f in found if f[1] == concept], found


def test_every_new_loaded_variant_has_a_neutral_wording() -> None:
    """`attribution check` needs a suggestion for each loaded word of these concepts."""
    from attribution.lexicons import load_terms

    lexicon = load_terms()
    concepts = {"outlaw_labels", "liberation_framing", "glorifying_labels"}
    seen = set()
    for concept in lexicon.concepts:
        if concept.id not in concepts:
            continue
        seen.add(concept.id)
        stances = {v.stance for v in concept.variants}
        assert "neutral" in stances, concept.id
        for v in concept.variants:
            if v.stance != "neutral":
                assert v.suggest, (concept.id, v.term)
    assert seen == concepts
