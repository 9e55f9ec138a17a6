"""Metadata the cleaner reads from the text: dates, source credits, news ids, kickers, captions, hints."""

from __future__ import annotations

import pytest

from newsdrop.models import Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.cleaner.metadata import (
    _FUNCTION_MIN_WORDS,
    _FUNCTION_WORDS,
    _PAST_LATIN,
    _SCRIPT_SHARE,
    _SCRIPTS,
    _WORD_EDGES,
    _cheap_language,
)
from newsdrop.text.dates import find_date, parse_published

LEAD = (
    "Lieutenant Commander Hossein Salami described the liberation of the city as a strategic victory, "
    "and said it defused plots to disintegrate the country."
)
SECOND = (
    "The army and popular forces have almost completed the operation, with militants having surrendered "
    "most of their remaining territory in the past few days."
)
THIRD = "Thousands of residents have returned to their homes in the eastern districts since Sunday, officials said."


def _article(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("18 December 2016 - 15:21", "2016-12-18T15:21"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03-05:00"),  # ET in winter is EST
        ("July 4, 2019 8:03 am ET", "2019-07-04T08:03-04:00"),  # ... and EDT in summer
        ("March 10, 2019 1:30 am PT", "2019-03-10T01:30-08:00"),  # before the 2:00 switch
        ("2019-11-18T23:30:00+02:00", "2019-11-18T23:30+02:00"),
        ("20 Nov 2019 08:00 GMT+2", "2019-11-20T08:00+02:00"),
        ("Nov 19, 2019 8:03 AM The minister said", "2019-11-19T08:03"),  # a word, not a zone
        ("2019-11-19", "2019-11-19"),
        ("19/11/2019", "2019-11-19"),
        ("11/19/2019", "2019-11-19"),
        ("2019-11-18T23:30:00Z", "2019-11-18T23:30Z"),
        ("Updated 10:01 pm PST, Tuesday, November 19, 2019", "2019-11-19T22:01-08:00"),
        ("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", "2019-11-19T10:48"),
        ("Wednesday 20 November 2019 9:22 am", "2019-11-20T09:22"),
        ("20 Nov 2019 08:00 GMT", "2019-11-20T08:00Z"),
        ("19 NOV 2019", "2019-11-19"),
        ("Nov 20 2019, 10:18am ist", "2019-11-20T10:18"),  # IST names three zones: no offset
        ("by Office / 2016.12.01", "2016-12-01"),
        ("November 19, 2019 at 12:05 pm", "2019-11-19T12:05"),
        ("1st March 2020", "2020-03-01"),
        ("segunda-feira, 22 de janeiro de 2018 às 0:13", "2018-01-22T00:13"),
        ("5 de mayo de 2020", "2020-05-05"),
        ("12 mars 2019", "2019-03-12"),
        ("19. November 2019, 14:30 Uhr", "2019-11-19T14:30"),
        ("2019年11月19日 10:05", "2019-11-19T10:05"),
        ("2019년 11월 19일", "2019-11-19"),
    ],
)
def test_printed_dates_parse_to_iso(printed: str, iso: str) -> None:
    assert parse_published(printed) == iso


@pytest.mark.parametrize(
    "printed",
    [
        "2 hours ago",
        "13 hours ago",
        "Catherine Shu / 2 days",
        "31/02/2019",
        "2019-13-01",
        "May 2019",
        "Mars 2019 mission",
        "hace 2 días",
        "yesterday",
    ],
)
def test_relative_or_impossible_dates_are_dropped(printed: str) -> None:
    assert parse_published(printed) is None


def test_found_date_keeps_the_printed_span() -> None:
    found = find_date("Posted 18 December 2016 - 15:21 by staff")
    assert found is not None
    assert found.text == "18 December 2016 - 15:21"


def test_date_line_in_header_sets_published() -> None:
    article = clean_article(_article("18 December 2016 - 15:21", "Headline of the day", LEAD, SECOND, THIRD))
    assert article.published == "2016-12-18T15:21"
    assert article.published_text == "18 December 2016 - 15:21"
    assert article.lines[0].role == "date"


def test_dates_inside_the_body_do_not_set_published() -> None:
    body = "The agreement was signed on 12 May 2019 in Geneva after months of talks between both sides."
    article = clean_article(_article("Headline of the day", body, SECOND, THIRD))
    assert article.published is None


@pytest.mark.parametrize(
    ("lead", "second", "source", "evidence"),
    [
        pytest.param("Press TV- " + LEAD, SECOND, "Press TV", "Press TV-", id="name-credit"),
        pytest.param(
            "Rasa - " + LEAD, "RNA - " + SECOND, "Rasa News Agency", "Rasa - / RNA -", id="acronym-expands"
        ),
        pytest.param(
            "Mehr - " + LEAD, "MNA - " + SECOND, "Mehr News Agency", "Mehr - / MNA -", id="other-agency"
        ),
        pytest.param("IRNA - " + LEAD, SECOND, "IRNA", "IRNA -", id="acronym-alone"),
        pytest.param("WASHINGTON (Reuters) - " + LEAD, SECOND, "Reuters", "(Reuters) -", id="dateline"),
        pytest.param("HAYWARD, Calif. (AP) — " + LEAD, SECOND, "AP", "(AP) —", id="dateline-em-dash"),
        pytest.param(
            LEAD, "According to Press TV, " + SECOND, "Press TV", "According to Press TV", id="according"
        ),
        pytest.param(LEAD, SECOND, None, None, id="no-credit"),
        pytest.param(LEAD, "According to the minister, " + SECOND, None, None, id="according-to-a-person"),
        pytest.param("MADRID — " + LEAD, SECOND, None, None, id="bare-dateline-is-not-a-source"),
    ],
)
def test_source_credit(lead: str, second: str, source: str | None, evidence: str | None) -> None:
    article = clean_article(_article("Headline of the day", lead, second, THIRD))
    assert article.source == source
    assert article.source_evidence == evidence


def test_mismatched_acronym_does_not_expand() -> None:
    article = clean_article(_article("Headline of the day", "Rasa - " + LEAD, "IRNA - " + SECOND, THIRD))
    assert article.source == "Rasa"


@pytest.mark.parametrize(
    ("line", "news_id"),
    [("News ID: 425867", "425867"), ("Story code: 1234-ab", "1234-ab"), ("News Id 99812", "99812")],
)
def test_news_id(line: str, news_id: str) -> None:
    article = clean_article(_article(line, "Headline of the day", LEAD, SECOND, THIRD))
    assert article.news_id == news_id
    assert article.lines[0].role == "news_id"
    assert line not in article.body


def test_kicker_is_not_the_title() -> None:
    text = "18 December 2016 - 15:21\nNews ID: 425867\nIRGC Deputy Top Commander:\n" + _article(LEAD, SECOND)
    article = clean_article(text)
    assert article.kicker == "IRGC Deputy Top Commander:"
    assert article.title is None


def test_name_caption_between_paragraphs() -> None:
    text = LEAD + "\nHossein Salami\n\n" + _article(SECOND, THIRD)
    article = clean_article("Headline of the day\n\n" + text)
    assert article.caption == "Hossein Salami"
    assert "Hossein Salami\n" not in article.body + "\n"


def test_byline_is_metadata() -> None:
    article = clean_article(_article("Headline of the day", "By Jane Doe", LEAD, SECOND))
    assert article.byline == "By Jane Doe"
    assert "By Jane Doe" not in article.body


def test_hints_take_precedence() -> None:
    hints = Hints(
        title="Headline of the day",
        published="2019-11-19T08:03:00Z",
        source="Example Wire",
        url="https://example.com/a",
    )
    article = clean_article(_article("Menu", "Headline of the day", LEAD, SECOND), hints)
    assert article.title == "Headline of the day"
    assert article.published == "2019-11-19T08:03Z"
    assert article.source == "Example Wire"
    assert article.url == "https://example.com/a"
    assert [line.role for line in article.lines][:2] == ["boilerplate", "title"]


def test_title_hint_absent_from_text_still_titles_the_article() -> None:
    article = clean_article(_article(LEAD, SECOND), Hints(title="Stated elsewhere"))
    assert article.title == "Stated elsewhere"
    assert article.body == f"{LEAD}\n\n{SECOND}"


def test_language_and_word_count() -> None:
    article = clean_article(_article("Headline of the day", LEAD, SECOND))
    assert article.language == "en"
    assert article.word_count == len(f"{LEAD} {SECOND}".replace(",", " ").replace(".", " ").split())


def test_language_of_other_scripts() -> None:
    arabic = (
        "قال الرئيس إن الحكومة ستعمل على تحسين الاقتصاد الوطني وزيادة فرص العمل للشباب في جميع المحافظات."
    )
    article = clean_article(_article("عنوان الخبر", arabic, arabic))
    assert article.language == "ar"


def test_cheap_language_signals_settle_english_and_one_language_scripts_only() -> None:
    assert _cheap_language(f"{LEAD} {SECOND}") == "en"
    assert _cheap_language("東京都は十九日、新しい計画を発表した。これからの予定について説明した。") == "ja"
    # Latin text in another language, or Han characters alone (Chinese or Japanese), go to the full model.
    french = (
        "Le gouvernement a annoncé mardi une réforme des retraites qui sera présentée au parlement en juin."
    )
    assert _cheap_language(french) is None
    assert _cheap_language("北京市政府今天宣布了新的城市规划方案。") is None
    assert clean_article(_article("Titre du jour", french, french)).language == "fr"


@pytest.mark.parametrize(
    ("sample", "language"),
    [
        # German prose: its function words settle it without the full model.
        (
            "Die Bundesregierung hat am Dienstag einen Entwurf vorgelegt, der die Renten sichern soll. Nach"
            " Angaben des Ministeriums wird das Gesetz im Herbst im Bundestag beraten und soll zum Jahresende"
            " in Kraft treten.",
            "de",
        ),
        # Dutch and Danish share a few of German's short words ("die", "der", "den"): not enough to count.
        (
            "De regering heeft dinsdag een wetsvoorstel gepresenteerd dat de pensioenen moet veiligstellen."
            " Volgens het ministerie wordt de wet in het najaar in de Tweede Kamer besproken en treedt die"
            " aan het einde van het jaar in werking.",
            None,
        ),
        (
            "Regeringen fremlagde tirsdag et lovforslag, der skal sikre pensionerne. Ifølge ministeriet skal"
            " loven behandles i Folketinget til efteråret, og den træder i kraft ved årets udgang, men der er"
            " stadig tvivl om finansieringen.",
            None,
        ),
        # Too few words to tell: the full model decides.
        ("Die Regierung und der Bundestag sind sich einig.", None),
    ],
)
def test_cheap_language_tells_german_by_its_function_words(sample: str, language: str | None) -> None:
    assert _cheap_language(sample) == language


def _cheap_language_by_loops(sample: str) -> str | None:
    """``_cheap_language`` as it was written before its shortcuts: every script counted, the words in Python."""
    if not sample.isascii():
        for script, language in _SCRIPTS:
            found = len(script.findall(sample))
            if found >= _SCRIPT_SHARE * len(sample):
                return language
            if found:
                return None
    words = sample.lower().split()
    if len(words) < _FUNCTION_MIN_WORDS:
        return None
    stripped = [word.strip(_WORD_EDGES) for word in words]
    for language, function_words, share in _FUNCTION_WORDS:
        if sum(1 for word in stripped if word in function_words) >= share * len(words):
            return language
    return None


_ENGLISH = f"{LEAD} {SECOND}"


@pytest.mark.parametrize(
    "sample",
    [
        _ENGLISH,
        _ENGLISH.replace("'", "\u2019") + " \u201cQuoted,\u201d she said \u2014 twice.",
        # A script's character at either end, alone or beside Latin text: the per-script counts decide.
        "\u0393" + _ENGLISH,
        _ENGLISH + "\u05d0",
        "Ηλίας Παπαδόπουλος είπε ότι η κυβέρνηση θα ανακοινώσει νέα μέτρα για την οικονομία αύριο το πρωί.",
        "ข่าวล่าสุด " + _ENGLISH,
        "東京都は十九日、新しい計画を発表した。",
        "서울시는 오늘 새로운 계획을 발표했다. " * 3,
        "Die Bundesregierung hat am Dienstag einen Entwurf vorgelegt, der die Renten für alle sichern soll. Nach"
        " Angaben des Ministeriums wird das Gesetz im Herbst im Bundestag beraten und soll zum Jahresende"
        " in Kraft treten.",
        "Le gouvernement a annoncé mardi une réforme des retraites qui sera présentée au parlement en juin,"
        " après des mois de négociations avec les syndicats et le patronat.",
        "Ünlü « quotes » — dash-led -- words ‘the’ (of) [and] to; in: is! that? " * 3,
        # Past Latin but in none of the scripts (Cyrillic, the euro sign): the words decide.
        "Цена 5 € " + _ENGLISH,
        "é",
        "short é text",
    ],
)
def test_cheap_language_is_the_loops_verdict(sample: str) -> None:
    assert _cheap_language(sample) == _cheap_language_by_loops(sample)


def test_a_character_of_a_script_is_past_latin() -> None:
    # One pass over the Basic Multilingual Plane (lone surrogates too): the gate passes every script's characters.
    for code in range(0x10000):
        char = chr(code)
        if any(script.match(char) for script, _ in _SCRIPTS):
            assert _PAST_LATIN.match(char) is not None, code


def test_a_line_without_a_year_has_no_date() -> None:
    assert find_date("Updated on the 5th of March at 10:30") is None
    assert find_date("Updated 5 March 2019 at 10:30") is not None


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        (
            "Published Tue, Nov 19 2019 7:05 AM EST Updated Tue, Nov 19 2019 7:16 AM EST",
            "2019-11-19T07:05-05:00",
        ),
        ("Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET", "2019-11-19T08:21-05:00"),
    ],
)
def test_long_publication_stamps_in_the_header_set_published(stamp: str, iso: str) -> None:
    article = clean_article(_article("Headline of the day", stamp, LEAD, SECOND, THIRD))
    assert article.published == iso
    assert stamp not in article.body


def test_a_long_sentence_that_starts_like_a_stamp_is_not_a_date_line() -> None:
    sentence = (
        "Posted guards stood at every gate of the compound on 12 May 2019 while the delegations met for "
        "talks that lasted well into the night."
    )
    article = clean_article(_article("Headline of the day", LEAD, sentence, SECOND, THIRD))
    assert sentence in article.body
    assert article.published is None


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("# Harbour cranes return to the port", "Harbour cranes return to the port"),
        ("## Harbour cranes return to the port ##", "Harbour cranes return to the port"),
        ("#5 Harbour cranes return to the port", "#5 Harbour cranes return to the port"),
    ],
)
def test_a_markdown_heading_title_loses_its_marks_but_the_line_keeps_them(heading: str, title: str) -> None:
    body = (
        "The port authority said on Monday that the harbour cranes, idle for months, are working again "
        "and ships are being loaded through the night.\n\n"
        "Dock workers welcomed the news after weeks of uncertainty about the future of the terminal."
    )
    article = clean_article(f"{heading}\n\n{body}\n")
    assert article.title == title
    assert article.lines[0].text == heading and article.lines[0].role == "title"
