"""Page regions, sentences and outlet detection on pages of our own."""

from __future__ import annotations

import pytest

import attribution

PAGE = """الرئيسية
سياسة
اقتصاد
  • فيديوهات
وزير الخارجية يصل إلى القاهرة في زيارة رسمية
تاريخ النشر: 12 أبريل 2024
وصل وزير الخارجية إلى القاهرة اليوم في زيارة تستمر يومين، يلتقي خلالها عددا من المسؤولين.
وقال الوزير في تصريحات للصحفيين إن الزيارة تهدف إلى تعزيز التعاون الثنائي بين البلدين.
المصدر: الشروق نيوز
كلمات دلالية: القاهرة زيارة
إقرأ أيضاً:
الرئيس يستقبل وفدا برلمانيا
ارتفاع أسعار الذهب في السوق المحلية
تابعنا على تويتر
"""


def kinds(a: attribution.Article, words: str) -> str:
    pos = a.text.index(words)
    return next(r.kind for r in a.regions if r.start <= pos < r.end)


def test_regions_of_a_page() -> None:
    a = attribution.annotate(PAGE)
    assert kinds(a, "سياسة") == "boilerplate"
    assert kinds(a, "وزير الخارجية يصل") == "headline"
    assert kinds(a, "تاريخ النشر") in ("dateline", "boilerplate")
    assert kinds(a, "وصل وزير") == "body"
    assert kinds(a, "وقال الوزير") == "body"
    assert kinds(a, "كلمات دلالية") == "boilerplate"
    assert kinds(a, "الرئيس يستقبل") == "related"
    assert kinds(a, "تابعنا على") == "boilerplate"
    assert a.outlet.name == "الشروق نيوز"
    # nothing is dropped: every non-blank line is inside some sentence
    covered = "".join(s.text for s in a.sentences)
    for line in PAGE.splitlines():
        for word in line.split():
            assert word in covered


def test_outlet_override_and_byline_and_credit() -> None:
    assert attribution.annotate(PAGE, outlet="My Outlet").outlet.name == "My Outlet"
    byline = attribution.annotate("عنوان الخبر هنا\nالنهار الجديد/ متابعات\nقال الوزير إن الاجتماع انتهى دون اتفاق نهائي.")
    assert byline.outlet.name == "النهار الجديد"
    credit = attribution.annotate("(NewsWire) – الحكومة تعلن موازنة جديدة\n\nأعلنت الحكومة اليوم موازنة جديدة للعام المقبل.")
    assert credit.outlet.name == "NewsWire"


def test_outlet_canonical_from_gazetteer() -> None:
    a = attribution.annotate("خبر قصير عن الاجتماع الوزاري اليوم.\nالمصدر: \"رويترز\"+الجزيرة")
    assert a.outlet.name == "الجزيرة" or "الجزيرة" in a.outlet.aliases


def test_sentence_boundaries() -> None:
    text = "ارتفع المؤشر 2.5 في المئة. ونقلت أ.ف.ب عن د. أحمد قوله إن الوضع مستقر؛ وسط ترقب! ماذا بعد؟ زوروا https://example.com/a.b"
    a = attribution.annotate(text)
    got = [s.text for s in a.sentences]
    assert got == [
        "ارتفع المؤشر 2.5 في المئة.",
        "ونقلت أ.ف.ب عن د. أحمد قوله إن الوضع مستقر؛",
        "وسط ترقب!",
        "ماذا بعد؟",
        "زوروا https://example.com/a.b",
    ]


def test_a_latin_initial_inside_a_name_ends_no_sentence() -> None:
    a = attribution.annotate("وقالت الباحثة ماري جيه. بلوم إن النتائج مشجعة. وأضافت أن الدراسة مستمرة.")
    assert [s.text for s in a.sentences] == ["وقالت الباحثة ماري جيه. بلوم إن النتائج مشجعة.",
                                              "وأضافت أن الدراسة مستمرة."]
    assert [s.speaker.name for s in a.sentences] == ["ماري جيه. بلوم"] * 2
    # a letter's name at the end of a line, an acronym's last letter and a letter before a new clause
    # still end their sentence
    assert len(attribution.annotate("وفاز بالجائزة فريق بي.\nوقال المدرب إن الفوز مستحق.").sentences) == 2
    assert len(attribution.annotate("وبثت الخبر قناة بي بي سي. ونقلته الصحف.").sentences) == 2
    assert len(attribution.annotate("وانتقل المستخدمون إلى منصة إكس. وقال المدير إن ذلك طبيعي.").sentences) == 2


def test_closing_quote_stays_with_its_sentence() -> None:
    a = attribution.annotate("قال: «انتهى الأمر.» ثم غادر.")
    assert [s.text for s in a.sentences] == ["قال: «انتهى الأمر.»", "ثم غادر."]


def test_crlf_bom_and_marks_keep_offsets() -> None:
    text = "\ufeffوقـــال الوزيرُ إن\u200f الاتفاق مع الجانب الآخر بات قريبا.\r\nوأضاف أن التوقيع سيتم قريبا.\r\n"
    a = attribution.annotate(text)
    assert len(a.attributions) == 2
    for att in a.attributions:
        assert text[att.content.start:att.content.end] == att.content.text


_NEWS = ("قوات أجنبية تصل إلى المدينة\n"
         "وصلت قوات أجنبية إلى المدينة صباح اليوم بحسب شهود عيان في المنطقة الشمالية.\n")


@pytest.mark.parametrize(("lines", "body", "boilerplate"), [
    # long: a sentence whatever its end
    ("المصدر المطلع، أكد أن القوات وصلت إلى المدينة بعد رحلة طويلة عبر الصحراء من الجنوب.\n"
     "صور الأقمار الصناعية تظهر أرتالا من الآليات على الطريق الدولي الذي يربط المدينتين.\n"
     "المصدر: وكالات\n", ["المصدر المطلع", "صور الأقمار"], "المصدر: وكالات"),
    # short: a sentence when it ends like one
    ("المصدر المطلع أكد أن القوات وصلت إلى المدينة.\n"
     "المصدر وكالات\n", ["المصدر المطلع"], "المصدر وكالات"),
])
def test_a_sentence_opening_with_a_furniture_word_is_body(lines: str, body: list[str], boilerplate: str) -> None:
    a = attribution.annotate(_NEWS + lines)
    for words in body:
        assert kinds(a, words) == "body"
    assert kinds(a, boilerplate) == "boilerplate"
