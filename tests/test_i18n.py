"""Messages in English and Arabic (issue 17): the catalogues are complete and compiled, every check rule's
finding and every report section renders in both languages from the catalogue alone, and codes, rule ids and
machine-readable fields are the same in both; the language is chosen by --lang, the environment and the
configuration, in that order; a house can write its own message for a rule."""

from __future__ import annotations

import ast
import csv
import functools
import gettext
import io
import json
import os
import re
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import CHROMIUM, NO_CHROMIUM, PageTexts, probe, screenshot

import attribution
from attribution import i18n
from attribution.check import check_text, render_findings
from attribution.check.config import ConceptPolicy, Config, load_config
from attribution.check.rules import RULE_IDS, RULES, Context
from attribution.errors import Errors, UsageError
from attribution.i18n import LANGUAGES, environ_language, language, use_language
from attribution.report import render

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "attribution"
LOCALE = PACKAGE / "locale"
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_LETTER = re.compile(r"[A-Za-z]")

# --- the catalogues --------------------------------------------------------------------------------------------


def _po(lang: str) -> Any:
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "attribution.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _extracted() -> dict[tuple[str | None, str], tuple[str, ...]]:
    """Every message Babel finds in the package (as ``python3 dev.py i18n`` extracts them): (context, id) →
    the message and its plural."""
    from babel.messages.extract import extract_from_dir

    found: dict[tuple[str | None, str], tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(str(PACKAGE), [("**.py", "python")]):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[context, forms[0]] = forms
    return found


def _fields(text: str) -> set[str]:
    """The ``{name}`` fields and ``%(name)s`` placeholders of a message."""
    names = {name.split(".")[0].split("[")[0].split("!")[0] for _t, name, _s, _c in string.Formatter().parse(text)
             if name}
    return names | set(re.findall(r"%\((\w+)\)", text))


def test_babel_finds_no_message_missing_from_either_catalogue() -> None:
    pytest.importorskip("babel")
    extracted = _extracted()
    assert len(extracted) > 200
    for lang in LANGUAGES:
        catalog = _po(lang)
        for (context, msgid), forms in extracted.items():
            entry = catalog.get(msgid, context=context)
            assert entry is not None and not entry.fuzzy, f"{lang}: {msgid!r} is not in the catalogue (python3 dev.py i18n)"
            strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
            assert all(strings), f"{lang}: {msgid!r} is not translated"
            if lang == "en":
                assert strings == forms, f"en: {msgid!r} reads {strings!r}"
            allowed = _fields(msgid) | ({"label"} if "concept" in _fields(msgid) else set())
            for s in strings:
                assert _fields(s) <= allowed, f"{lang}: {s!r} names fields that {msgid!r} is not given"
        stale = [m.id for m in catalog if m.id and ((m.context, m.id if isinstance(m.id, str) else m.id[0])
                                                    not in extracted)]
        assert not stale, f"{lang}: messages no longer in the code: {stale[:3]} (python3 dev.py i18n)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_committed_mo_is_the_compiled_po(lang: str) -> None:
    pytest.importorskip("babel")
    from babel.messages.mofile import write_mo

    compiled = io.BytesIO()
    write_mo(compiled, _po(lang))
    committed = (LOCALE / lang / "LC_MESSAGES" / "attribution.mo").read_bytes()
    assert compiled.getvalue() == committed, f"{lang}: the .mo is stale; run python3 dev.py i18n"


def test_arabic_plural_forms() -> None:
    with use_language("ar"):
        assert [i18n.ngettext("{n} file", "{n} files", n).format(n=n) for n in (1, 2, 5, 11, 100)] == [
            "ملف واحد", "ملفان", "5 ملفات", "11 ملفًا", "100 ملف"]


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def test_every_message_can_be_extracted() -> None:
    """Babel reads a message from a call with a string literal: not from inside an f-string, and not from a
    variable (``_(x)`` is only for a message marked with ``N_`` where it is defined)."""
    calls = {"_", "N_", "ngettext", "pgettext"}
    problems = []
    for path, tree in _modules():
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id in calls:
                        problems.append(f"{where}:{inner.lineno}: {inner.func.id}() inside an f-string")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in calls - {"_"}:
                if path.name != "i18n.py" and not all(isinstance(a, ast.Constant) for a in node.args[:2]):
                    problems.append(f"{where}:{node.lineno}: {node.func.id}() of something not a literal")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_" and \
                    node.args and isinstance(node.args[0], ast.JoinedStr):
                problems.append(f"{where}:{node.lineno}: _() of an f-string")
    assert not problems, problems


# --- strict catalogues: a message missing at run time fails the test -------------------------------------------


class _Missing(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        raise AssertionError(f"not in the catalogue: {message!r}")

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise AssertionError(f"not in the catalogue: {msgid1!r}")

    def pgettext(self, context: str, message: str) -> str:
        raise AssertionError(f"not in the catalogue: {context!r} {message!r}")


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each catalogue with a fallback that fails instead of giving back the English."""

    @functools.cache
    def load(lang: str) -> gettext.NullTranslations:
        with (LOCALE / lang / "LC_MESSAGES" / "attribution.mo").open("rb") as fh:
            catalogue = gettext.GNUTranslations(fh)
        catalogue.add_fallback(_Missing())
        return catalogue

    monkeypatch.setattr(i18n, "catalogue", load)


# --- check: every rule's every message, in both languages ------------------------------------------------------

#: A draft written for these tests that sets off every message of every rule (checked below).
DRAFT = ("وشنت فصائل المقاومة هجوما على القاعدة. وقصف الكيان الصهيوني البلدة.\n"
         "وقال المتحدث إن «فصائل المقاومة» ستواصل القتال ضد «الكيان الصهيوني».\n"
         "ويُعتقد أن الاتفاق قريب.\n"
         "وقال مسؤول أمريكي كبير إن الاتفاق قريب.\n"
         "وهاجمت فصائل مسلحة القاعدة. ونفذت الميليشيات هجوما آخر.\n"
         "وتقود واشنطن ما يسمى «التحالف الدولي». وشنت «الميليشيات» هجوما.\n"
         "وقصف الكيان الصهيوني البلدة. [attribution: ignore loaded-trem]\n"
         "وقصف الكيان الصهيوني البلدة. [attribution: ignroe loaded-term]\n"
         "واتهم البيان جماعة الظلام بالهجوم، وقال الوزير إن جماعة الظلام هاجمت البلدة.\n")
#: A house lexicon with a loaded term and no suggested replacement (every built-in one has a suggestion).
LEXICON = """[[concept]]
id = "darkness"
label_en = "The group of darkness"
label_ar = "جماعة الظلام"
description_en = "A group named here for these tests."
description_ar = "جماعة مسماة هنا للاختبار."

  [[concept.variant]]
  term = "جماعة الظلام"
  stance = "negative"
  frame = "dehumanizing"
"""


@pytest.fixture(scope="module")
def house_terms(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("house") / "terms.toml"
    path.write_text(LEXICON, encoding="utf-8")
    return str(path)


def _config(lexicon: str) -> Config:
    return Config(concepts=(("armed_groups", ConceptPolicy("فصائل مسلحة")),), check_quoted=True, lexicons=(lexicon,))


def _rule_messages() -> set[str]:
    """The messages the finders of check/rules.py can yield (``N_`` outside the RULES catalogue)."""
    tree = ast.parse((PACKAGE / "check" / "rules.py").read_text(encoding="utf-8"))
    finders = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    return {node.args[0].value for f in finders for node in ast.walk(f)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_"
            and isinstance(node.args[0], ast.Constant)}


def _hits(lang: str, lexicon: str) -> tuple[set[str], list[tuple[str, str]]]:
    from attribution.compiled import load
    from attribution.readers import read_draft

    with use_language(lang):
        draft = read_draft(Path("draft.txt"), DRAFT)
        config = _config(lexicon)
        compiled = load(config.lexicons)
        ctx = Context(attribution.annotate(draft.masked, lexicons=config.lexicons), config,
                      compiled.variants, draft.markers, compiled.labels)
        templates, messages = set(), []
        for rule in RULES:
            for _start, _end, template, fields in rule.find(ctx):
                templates.add(str.__str__(template))
                assert set(fields) <= set(rule.fields), (rule.id, set(fields) - set(rule.fields))
                messages.append((rule.id, i18n._(template).format_map(fields)))
    return templates, messages


@pytest.mark.usefixtures("strict")
def test_every_rule_message_renders_in_both_languages(house_terms: str) -> None:
    fired, english = _hits("en", house_terms)
    assert fired == _rule_messages(), f"the draft does not set off {_rule_messages() - fired}"
    _, arabic = _hits("ar", house_terms)
    assert [r for r, _ in arabic] == [r for r, _ in english]
    for (rule, en), (_, ar) in zip(english, arabic, strict=True):
        prose_en, prose_ar = re.sub("«[^»]*»", "", en), re.sub("«[^»]*»", "", ar)
        assert "{" not in en + ar and en != ar, (rule, en, ar)
        assert not ARABIC_LETTER.search(prose_en), (rule, en)  # the English quotes Arabic, it is not Arabic
        assert ARABIC_LETTER.search(prose_ar) and not re.search(r"\b(?:the|is|in|of)\b", prose_ar), (rule, ar)


@pytest.mark.usefixtures("strict")
def test_the_issue_example_reads_as_an_editor_would_write_it() -> None:
    config = Config(concepts=(("armed_groups", ConceptPolicy("فصائل مسلحة")),))
    with use_language("ar"):
        (finding,) = check_text("draft.md", "وشنت فصائل المقاومة هجوما.", config)
    assert finding.message.startswith("مصطلح محمّل «فصائل المقاومة» (الفصائل المسلحة")
    assert finding.message.endswith("، إيجابي) بصوت المؤسسة نفسها؛ الصياغة المعتمدة: «فصائل مسلحة»")


def _same_but_text(a: Any, b: Any, path: str = "") -> None:
    """``a`` and ``b`` have the same structure and the same values, except the prose a reader reads."""
    prose = ("message", "text")
    assert type(a) is type(b), path
    if isinstance(a, dict):
        assert list(a) == list(b), path
        for k in a:
            if k in prose and isinstance(a[k], str):
                assert a[k] != b[k] or not LATIN_LETTER.search(a[k]) or "://" in a[k], f"{path}.{k} not translated"
                continue
            _same_but_text(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same_but_text(x, y, f"{path}[{i}]")
    else:
        assert a == b, (path, a, b)


@pytest.mark.usefixtures("strict")
def test_findings_codes_ids_and_fields_are_the_same_in_both_languages(house_terms: str) -> None:
    found = {}
    for lang in LANGUAGES:
        with use_language(lang):
            findings = check_text("draft.txt", DRAFT, _config(house_terms))
            found[lang] = {fmt: render_findings(findings, fmt) for fmt in ("json", "sarif", "text")}
            found[lang]["findings"] = findings
    en, ar = found["en"], found["ar"]
    assert len(en["findings"]) >= 10 and {f.rule for f in en["findings"]} == set(RULE_IDS)
    _same_but_text(json.loads(en["json"]), json.loads(ar["json"]))
    _same_but_text(json.loads(en["sarif"]), json.loads(ar["sarif"]))
    sarif = json.loads(ar["sarif"])["runs"][0]
    assert [r["id"] for r in sarif["tool"]["driver"]["rules"]] == list(RULE_IDS)
    assert all(ARABIC_LETTER.search(r["shortDescription"]["text"]) for r in sarif["tool"]["driver"]["rules"])
    # text: path:line:column: level rule-id, then the message
    heads = [[re.match(r"\S+ \S+ \S+", line).group() for line in found[lang]["text"].splitlines()[:-1]]  # type: ignore[union-attr]
             for lang in LANGUAGES]
    assert heads[0] == heads[1]
    errors = sum(f.level == "error" for f in en["findings"])
    assert en["text"].splitlines()[-1].startswith(f"{errors} errors, ")
    assert ar["text"].splitlines()[-1].startswith(f"{errors} أخطاء، ")


# --- the reports: every section in both languages --------------------------------------------------------------

#: Three short reports of one story, written for these tests: a quote that drifts in every way a quote can.
STORY = ("الجيش ينسحب من البلدة\n"
         "أفادت مصادر أمنية لوكالة فرانس برس أن الجيش سيبدأ الانسحاب من البلدة بعد توقف هجمات فصائل المقاومة على مواقعه.\n"
         "وتقع البلدة قرب الحدود.",
         "انسحاب قريب للجيش\n"
         "قالت مصادر أمنية لوكالة فرانس برس: «الجيش سيبدأ الانسحاب من البلدة بعد توقف هجمات ميليشيات موالية لإيران على مواقعه».\n"
         "وقصفت ميليشيات موالية لإيران مواقع الجيش.",
         "الجيش يغادر البلدة\n"
         "قال مسؤول عسكري إن الجيش سيبدأ الانسحاب من البلدة بعد توقف الهجمات على مواقعه.\n"
         "وشنت فصائل مسلحة هجمات على البلدة.")


@pytest.fixture(scope="module")
def articles() -> list[attribution.Article]:
    return [attribution.annotate(t) for t in STORY]


def _comparison(articles: list[attribution.Article], lang: str) -> attribution.Comparison:
    with use_language(lang):
        return attribution.compare(articles, names=["Alpha", "Beta", "Gamma"])


@pytest.mark.usefixtures("strict")
def test_every_report_section_renders_in_both_languages(articles: list[attribution.Article]) -> None:
    en, ar = _comparison(articles, "en"), _comparison(articles, "ar")
    types = {d.type for g in en.drift for d in g.differences}
    assert types == {"term_swap", "chain_dropped", "source_changed", "direct_to_paraphrase"}
    assert en.concepts[0].disagreement and en.only_here and any(o.chains for o in en.outlets)
    with use_language("ar"):
        md_ar, html_ar, csv_ar, json_ar = (render(ar, f) for f in ("markdown", "html", "csv", "json"))
    with use_language("en"):
        md_en, html_en, csv_en, json_en = (render(en, f) for f in ("markdown", "html", "csv", "json"))
    # machine-readable: CSV the same; JSON the same but for the detail a reader reads
    assert csv_ar == csv_en and next(csv.reader(io.StringIO(csv_ar)))[0] == "outlet"
    data_en, data_ar = json.loads(json_en), json.loads(json_ar)
    for g_en, g_ar in zip(data_en["drift"], data_ar["drift"], strict=True):
        assert [d["type"] for d in g_en["differences"]] == [d["type"] for d in g_ar["differences"]]
        for d in g_ar["differences"]:
            d["detail"] = ""
        for d in g_en["differences"]:
            d["detail"] = ""
    assert data_en == data_ar
    # Markdown: every heading in Arabic, the same number of lines and sections as in English
    headings = [line for line in md_ar.splitlines() if line.startswith("#")]
    assert len(headings) == len([line for line in md_en.splitlines() if line.startswith("#")]) >= 6
    assert all(ARABIC_LETTER.search(h) and not LATIN_LETTER.search(h) for h in headings), headings
    assert md_ar.count("\n|") == md_en.count("\n|")
    for heading in ("Whom each outlet lets speak", "Which words for the same thing", "Quote drift", "Only here"):
        assert heading in md_en and heading not in md_ar
    # HTML: right to left, Arabic headings, every Latin run and number isolated
    page = PageTexts(html_ar)
    assert '<html lang="ar" dir="rtl">' in html_ar
    for text, where in page.texts:
        tags = [tag for tag, _ in where]
        if "script" in tags or "style" in tags:
            continue
        if any(t in ("h1", "h2", "h3", "th") for t in tags) and "bdi" not in tags:
            assert not LATIN_LETTER.search(text), f"English in an Arabic heading: {text!r}"
        if LATIN_LETTER.search(text) or re.fullmatch(r"[\d.%]+", text.strip()):
            assert "bdi" in tags or "svg" in tags, f"{text!r} is not isolated"
        assert not any(a.get("dir") == "ltr" and tag != "bdi" for tag, a in where), f"{text!r} in a left-to-right block"
    for label in ("own voice", "top sources", "Quote drift", "similarity", "paraphrase", "term_swap"):
        assert label in html_en and label not in html_ar.split('<script id="data"')[0]
    assert "الفصائل المسلحة في العراق والمنطقة" in html_ar  # concepts by their Arabic label (label_ar)
    # the chart is mirrored in Arabic: the outlets' names right of the bars, not left
    for html, rtl in ((html_en, False), (html_ar, True)):
        names = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="end" font-size="14">', html)]
        bars = [(float(x), float(w)) for x, w in re.findall(r'<rect class="bar" [^>]*x="([\d.]+)" y="\d+" width="([\d.]+)"',
                                                           html)]
        assert len(names) == 3 and bars
        if rtl:
            assert min(names) > max(x + w for x, w in bars) and max(x + w for x, w in bars) <= 900 - 170 + 0.1
        else:
            assert max(names) < min(x for x, _w in bars)


# --- choosing the language -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, None), ({"LANG": "C.UTF-8"}, None), ({"LANG": "POSIX"}, None), ({"LANG": "ar_SA.UTF-8"}, "ar"),
    ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "fr_FR.UTF-8"}, None), ({"LC_MESSAGES": "ar_EG", "LANG": "en_GB"}, "ar"),
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ar_EG"}, "en"), ({"LANGUAGE": "fr:ar", "LANG": "en_US.UTF-8"}, "ar"),
    ({"LANGUAGE": "", "LANG": "ar_MA.utf8@euro"}, "ar"),
])
def test_the_environment_names_a_language(environ: dict[str, str], expected: str | None) -> None:
    assert environ_language(environ) == expected


def test_flag_then_environment_then_configuration() -> None:
    assert language({}, config="ar") == "ar" and language({}) == "en"
    assert language({"LANG": "en_US.UTF-8"}, config="ar") == "en"
    assert language({"LANG": "C.UTF-8"}, config="ar") == "ar"
    with use_language("ar"):
        assert language({"LANG": "en_US.UTF-8"}, config="en") == "ar"
    with pytest.raises(ValueError, match="fr"), use_language("fr"):
        pass


def _cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([sys.executable, "-m", "attribution.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env={**environ, **(env or {})})


def test_check_speaks_arabic_on_request_with_the_same_exit_codes(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("# خبر\n\nوشنت فصائل المقاومة هجوما.\n", encoding="utf-8")
    english = _cli("check", "draft.md", cwd=tmp_path)
    arabic = _cli("check", "--lang", "ar", "draft.md", cwd=tmp_path)
    by_locale = _cli("check", "draft.md", cwd=tmp_path, env={"LANG": "ar_SA.UTF-8"})
    assert english.returncode == arabic.returncode == by_locale.returncode == 1
    assert arabic.stdout == by_locale.stdout != english.stdout
    assert arabic.stdout.startswith("draft.md:3:6: error loaded-term مصطلح محمّل «فصائل المقاومة»")
    assert arabic.stdout.splitlines()[-1] == "خطأ واحد في ملف واحد."
    assert _cli("check", "--lang", "en", "draft.md", cwd=tmp_path, env={"LANG": "ar_SA.UTF-8"}).stdout == english.stdout
    # the configuration speaks when the environment does not
    (tmp_path / ".attribution.toml").write_text('lang = "ar"\n', encoding="utf-8")
    assert _cli("check", "draft.md", cwd=tmp_path).stdout == arabic.stdout
    assert _cli("check", "draft.md", cwd=tmp_path, env={"LANG": "en_US.UTF-8"}).stdout == english.stdout
    # errors and help: codes and options as they are, the prose in Arabic
    missing = _cli("check", "--lang", "ar", "nope.md", cwd=tmp_path)
    assert missing.returncode == 2 and "E001 nope.md: لا يوجد ملف بهذا الاسم" in missing.stderr
    helped = _cli("check", "--help", cwd=tmp_path)  # lang = "ar" in the configuration of the current folder
    assert helped.returncode == 0 and helped.stdout.startswith("الاستعمال: attribution check")
    assert "--fail-level" in helped.stdout and "رمز الخروج:" in helped.stdout
    bad = _cli("--lang", "ar", "check", "--format", "xml", "draft.md", cwd=tmp_path)
    assert bad.returncode == 2 and "attribution check: خطأ: المعامل --format: اختيار غير صالح: 'xml'" in bad.stderr


def test_annotate_and_compare_speak_arabic(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(STORY):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    shown = _cli("annotate", "--lang", "ar", "--format", "text", "--bidi", "never", str(paths[0]), cwd=tmp_path)
    assert shown.returncode == 0 and "المؤسسة: (غير معروفة)" in shown.stdout and "[body] مجهول: مصادر أمنية" in shown.stdout
    report = _cli("compare", *map(str, paths), "--format", "markdown", cwd=tmp_path, env={"LC_ALL": "ar_SA.UTF-8"})
    assert report.returncode == 0 and report.stdout.startswith("# مقارنة بين 3 مؤسسات")


# --- a house's own messages --------------------------------------------------------------------------------------


def test_a_house_writes_its_own_message_for_a_rule(tmp_path: Path) -> None:
    cfg = tmp_path / ".attribution.toml"
    cfg.write_text('[messages]\nloaded-term = "«{term}» ليس من أسلوبنا ({concept}); اكتب «{house}»"\n'
                   '[concepts.armed_groups]\nhouse = "فصائل مسلحة"\n', encoding="utf-8")
    config = load_config(cfg, RULE_IDS)
    for lang in LANGUAGES:
        with use_language(lang):
            messages = [f.message for f in check_text("a.md", "وشنت فصائل المقاومة هجوما. ويُعتقد أن الاتفاق قريب.",
                                                      config)]
            assert messages[0] == "«فصائل المقاومة» ليس من أسلوبنا (armed_groups); اكتب «فصائل مسلحة»"
            assert messages[1] != messages[0] and "{" not in messages[1]  # other rules keep the catalogue's


@pytest.mark.parametrize(("text", "line", "problem"), [
    ('[messages]\nloaded-term = "«{trem}»"\n', 2, "unknown field {trem} (did you mean 'term'?)"),
    ('lang = "ar"\n\n[messages]\nloaded-trem = "x"\n', 4, "unknown rule (did you mean 'loaded-term'?)"),
    ('[messages]\ndistancing = ""\n', 2, "must be a non-empty string"),
    ('[messages]\ndistancing = "{marker"\n', 2, "not a message template"),
    ('lang = "fr"\n', 1, "must be one of en, ar, got 'fr'"),
])
def test_a_wrong_message_or_language_names_the_file_and_line(tmp_path: Path, text: str, line: int,
                                                               problem: str) -> None:
    cfg = tmp_path / ".attribution.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_config(cfg, RULE_IDS)
    assert str(info.value).startswith(f"E040 {cfg}:{line}: ") and problem in str(info.value)


def test_an_error_is_translated_when_it_is_shown() -> None:
    error = UsageError(Errors.E043)
    assert str(error).startswith("E043 check: no FILE")
    with use_language("ar"):
        assert str(error).startswith("E043 check: لم يُعطَ FILE") and f"{Errors.E052}".startswith("E052 --resume يحتاج")
        assert Errors.E001.format(path="a.md") == "E001 a.md: لا يوجد ملف بهذا الاسم"


# --- the Arabic report in a browser ------------------------------------------------------------------------------

#: A page that loads the report in a frame and writes what the browser laid out: each block's computed
#: direction and rendered text (innerText).
_PROBE = """<!DOCTYPE html><html><body><iframe id="f" src="report.html" style="width:1200px;height:900px"></iframe>
<pre id="out">pending</pre><script>
document.getElementById("f").addEventListener("load", () => {
  const d = document.getElementById("f").contentDocument;
  const items = [...d.querySelectorAll("h1, h2, h3, th, p, li, td")].map(el => ({
    tag: el.tagName.toLowerCase(), dir: getComputedStyle(el).direction, text: el.innerText}));
  document.getElementById("out").textContent = JSON.stringify({
    dir: getComputedStyle(d.body).direction, lang: d.documentElement.lang, items});
});
</script></body></html>"""


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_the_arabic_report_in_chromium(articles: list[attribution.Article], tmp_path: Path) -> None:
    with use_language("ar"):
        (tmp_path / "report.html").write_text(render(_comparison(articles, "ar"), "html"), encoding="utf-8")
    laid_out = probe(tmp_path, _PROBE)
    assert laid_out["dir"] == "rtl" and laid_out["lang"] == "ar"
    items = laid_out["items"]
    assert len(items) > 30 and all(i["dir"] == "rtl" for i in items), [i for i in items if i["dir"] != "rtl"][:3]
    headings = [i["text"] for i in items if i["tag"] in ("h1", "h2", "th")]
    assert "مقارنة بين 3 مؤسسات" in headings and "تحوّل الاقتباس" in headings and "أبرز المصادر" in headings
    assert not any(LATIN_LETTER.search(h) for h in headings), headings  # no English left in headings
    drift = next(i["text"] for i in items if i["tag"] == "h3" and "التشابه" in i["text"])
    assert re.fullmatch(r"1\. التشابه 0\.\d\d", drift)  # rendered text in logical order, the number kept whole
    shot = tmp_path / "report.png"
    screenshot(tmp_path, tmp_path / "report.html", shot, "--allow-file-access-from-files")
    assert shot.exists() and shot.stat().st_size > 20_000


def test_worker_processes_speak_the_parents_language() -> None:
    """A spawned worker does not inherit the parent's context: its initializer is given the language."""
    import contextvars
    import signal

    from attribution.corpus import _init_worker

    handler = signal.getsignal(signal.SIGINT)
    try:
        assert contextvars.copy_context().run(lambda: (_init_worker(None, (), None, "ar"), language())[1]) == "ar"
    finally:
        signal.signal(signal.SIGINT, handler)
