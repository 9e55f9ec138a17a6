"""HTML path edits of the chosen main content: the page's described standfirst comes back in its place."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.main_edits import (
    bare_key,
    described_lines,
    without_about_boilerplate,
    without_headline_lists,
    without_kicked_headline,
    without_slides,
    without_split_kicker,
)
from newsdrop.text.main_tail import without_closing_notices, without_witness_tail

_LEAD = "Exporters welcomed the agreement on Tuesday, saying a year of doubt had cost them orders."
_MAIN = [
    "The minister said the new agreement would take effect next month.",
    "Officials said more talks were planned.",
]
_WORDY = "Exporters welcome the deal after a year of doubt and lost orders"


@pytest.mark.parametrize(
    ("page_lines", "main_lines", "descriptions", "expected"),
    [
        # the standfirst under the headline that the page states as its description comes back above the story
        (["Menu", "Talks resume", "By Jane Doe", _LEAD, "Share", *_MAIN], _MAIN, {_LEAD}, [_LEAD, *_MAIN]),
        # between the extracted lines (the extractor started at the dateline above it): back in its place
        (
            ["Talks resume", "Berlin, 4 May", _LEAD, *_MAIN],
            ["Berlin, 4 May", *_MAIN],
            {_LEAD},
            ["Berlin, 4 May", _LEAD, *_MAIN],
        ),
        # no closing full stop but six words or more: still the standfirst
        (["Talks resume", _WORDY, *_MAIN], _MAIN, {_WORDY}, [_WORDY, *_MAIN]),
        # not the description: a caption or teaser in the same place stays out
        (["Talks resume", _LEAD, *_MAIN], _MAIN, {"Something else entirely, said in a sentence."}, _MAIN),
        # printed twice (a teaser that repeats): not the standfirst
        (["Talks resume", _LEAD, _LEAD, *_MAIN], _MAIN, {_LEAD}, _MAIN),
        # below the main content's last line (a teaser of the page in a footer widget): stays out
        (["Talks resume", *_MAIN, _LEAD], _MAIN, {_LEAD}, _MAIN),
        # already in the main content: nothing added
        (["Talks resume", _LEAD, *_MAIN], [_LEAD, *_MAIN], {_LEAD}, [_LEAD, *_MAIN]),
        # a short label, even if it is the description, is not a standfirst
        (["Talks resume", "Breaking news", *_MAIN], _MAIN, {"Breaking news"}, _MAIN),
        # a page without a description: the main content as it is
        (["Talks resume", _LEAD, *_MAIN], _MAIN, set(), _MAIN),
    ],
)
def test_described_lines_bring_back_the_standfirst_the_page_states_as_its_description(
    page_lines: list[str], main_lines: list[str], descriptions: set[str], expected: list[str]
) -> None:
    keys = frozenset(bare_key(text) for text in descriptions)
    assert described_lines(page_lines, list(main_lines), keys) == expected


_STORY = [
    "Bed bugs spread through hotels faster than most travellers think.",
    "Keep your luggage off the bed.",
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # a slideshow of other stories, counted 1/50, 2/50 ...: out
        ([*_STORY, *[f"- {n}/50 Headline {n} Some caption of slide {n}." for n in range(1, 6)]], _STORY),
        # "N of M" counters too, and the story after the gallery stays
        ([_STORY[0], *[f"{n} of 4 Picture {n}" for n in range(1, 5)], _STORY[1]], _STORY),
        # a slideshow page: the captions are all there is, so they stay
        (
            [f"{n}/3 Slide {n} shows the harbour wall." for n in range(1, 4)],
            [f"{n}/3 Slide {n} shows the harbour wall." for n in range(1, 4)],
        ),
        # two counted lines are no gallery
        ([*_STORY, "1/2 First", "2/2 Second"], [*_STORY, "1/2 First", "2/2 Second"]),
        # a recipe's fractions do not count up: kept
        (
            ["1/3 teaspoon cumin seeds", "1/2 cup of water", "2/3 cup of rice"],
            ["1/3 teaspoon cumin seeds", "1/2 cup of water", "2/3 cup of rice"],
        ),
        # counters of different totals are not one gallery
        (["1/5 a", "2/6 b", "3/7 c"], ["1/5 a", "2/6 b", "3/7 c"]),
        # a date is not a counter
        (
            ["1/05/2024 one", "2/05/2024 two", "3/05/2024 three"],
            ["1/05/2024 one", "2/05/2024 two", "3/05/2024 three"],
        ),
    ],
)
def test_without_slides_drops_a_gallerys_counted_captions(main_lines: list[str], expected: list[str]) -> None:
    assert without_slides(main_lines) == expected


_STORY = "The central bank admitted on Friday that its supervisors had missed the warning signs."


@pytest.mark.parametrize(
    ("main_lines", "title", "expected"),
    [
        # A kicker glued in front of the printed headline: that line is the headline, not text.
        (["Bank collapseFed admits failures in its supervision", _STORY], "Fed admits failures in its supervision",
         [_STORY]),
        # The headline's words with other punctuation (a colon lost between spans): the headline.
        (["Flood inquiry Two resignations - and many open questions", _STORY],
         "Flood inquiry: Two resignations - and many open questions", [_STORY]),
        # A line printing the headline exactly is the cleaner's to mark; a longer line holding it stays (a dateline).
        (["Fed admits failures in its supervision", "WASHINGTON, May 2 - Title: Fed admits failures in its supervision",
          _STORY], "Fed admits failures in its supervision",
         ["Fed admits failures in its supervision", "WASHINGTON, May 2 - Title: Fed admits failures in its supervision",
          _STORY]),
        # More than a kicker in front: a sentence that ends with the headline's words stays.
        (["Then, after many months of quiet talks and a long night, the Fed admits failures in its supervision",
          _STORY], "Fed admits failures in its supervision",
         ["Then, after many months of quiet talks and a long night, the Fed admits failures in its supervision",
          _STORY]),
        # Below the first lines the headline's words are a quote of it, not the headline.
        ([_STORY] * 6 + ["Bank collapse: Fed admits failures in its supervision"],
         "Fed admits failures in its supervision",
         [_STORY] * 6 + ["Bank collapse: Fed admits failures in its supervision"]),
    ],
)  # fmt: skip
def test_without_kicked_headline(main_lines: list[str], title: str, expected: list[str]) -> None:
    assert without_kicked_headline(main_lines, title) == expected


_TITLE = "The Open Journalism Project: Better Student Journalism"


@pytest.mark.parametrize(
    ("main_lines", "title", "expected"),
    [
        # the headline's kicker on a line of its own over the headline's rest: the kicker goes, the rest stays
        (["Open Journalism Project:", "Better Student Journalism", _STORY], _TITLE, ["Better Student Journalism", _STORY]),
        # below a line or two of the main content's opening too
        (["Updated", "Open Journalism Project:", "Better Student Journalism", _STORY], _TITLE,
         ["Updated", "Better Student Journalism", _STORY]),
        # no colon, or the next line is not the headline's rest, or the line is longer than a kicker
        (["Open Journalism Project", "Better Student Journalism", _STORY], _TITLE,
         ["Open Journalism Project", "Better Student Journalism", _STORY]),
        (["Open Journalism Project:", _STORY], _TITLE, ["Open Journalism Project:", _STORY]),
        (["Here is what the Open Journalism Project is about:", "Better Student Journalism", _STORY], _TITLE,
         ["Here is what the Open Journalism Project is about:", "Better Student Journalism", _STORY]),
        # a lead-in of the story that the headline happens to end with is far below the opening
        ([_STORY] * 6 + ["Open Journalism Project:", "Better Student Journalism"], _TITLE,
         [_STORY] * 6 + ["Open Journalism Project:", "Better Student Journalism"]),
        ([_STORY], "", [_STORY]),
    ],
)  # fmt: skip
def test_without_split_kicker(main_lines: list[str], title: str, expected: list[str]) -> None:
    assert without_split_kicker(main_lines, title) == expected


_STORY = [
    "The council approved the harbour plan on Monday after a long debate.",
    "Work on the new wall is to start in the spring and last two years.",
]
_PITCH = "Sign up for our free weekly newsletter to get the latest stories."
_PAYWALL = "Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés."


@pytest.mark.parametrize(
    ("main_lines", "witness_kept", "expected"),
    [
        # a newsletter pitch under the last paragraph, dropped by the witness too: not the story
        ([*_STORY, _PITCH], set(), _STORY),
        # a paywall notice, with a short label under it: both go
        ([*_STORY, _PAYWALL, "Thank you"], set(), _STORY),
        # a label above the notice goes with it
        ([*_STORY, "Something to consider", _PITCH], set(), _STORY),
        # the witness kept the line on the page's own text: the story's closing sentence stays
        ([*_STORY, _PITCH], {_PITCH}, [*_STORY, _PITCH]),
        # the story itself speaks of newsletters: its topic, not a notice
        (
            ["Publishers say the newsletter is their best channel now.", *_STORY, _PITCH],
            set(),
            ["Publishers say the newsletter is their best channel now.", *_STORY, _PITCH],
        ),
        # a stem inside a word is no notice ("werbung" in "Bewerbungen")
        (
            [*_STORY, "Sie hat 200 Bewerbungen verschickt."],
            set(),
            [*_STORY, "Sie hat 200 Bewerbungen verschickt."],
        ),
        # ... nor does one inside a word of the story above: "Werbung" is the site's
        (
            ["Sie hat 200 Bewerbungen verschickt.", "Werbung"],
            set(),
            ["Sie hat 200 Bewerbungen verschickt."],
        ),
        # a notice word inside an address is the mailbox's or the site's name, not the line's topic
        (
            [*_STORY, "Members can join the working group, please email adblocking@example.org to sign up."],
            set(),
            [*_STORY, "Members can join the working group, please email adblocking@example.org to sign up."],
        ),
        (
            [*_STORY, "The group's report is at https://www.newsletter-archive.example/report-2024."],
            set(),
            [*_STORY, "The group's report is at https://www.newsletter-archive.example/report-2024."],
        ),
        # ... but the same words outside it are
        ([*_STORY, "Disable your adblocker to read on: adblocking@example.org"], set(), _STORY),
        # a notice above the last paragraph is left alone (the walk stops at the paragraph)
        ([_STORY[0], _PITCH, _STORY[1]], set(), [_STORY[0], _PITCH, _STORY[1]]),
        # short labels without a notice stay (a credit, "(dmk)")
        ([*_STORY, "(dmk)"], set(), [*_STORY, "(dmk)"]),
        # a main content that is only notices is left whole
        ([_PITCH], set(), [_PITCH]),
        # a long line is a paragraph, whatever words it uses
        (
            [*_STORY, _PITCH + " " + " ".join(["More words here."] * 20)],
            set(),
            [*_STORY, _PITCH + " " + " ".join(["More words here."] * 20)],
        ),
    ],
)
def test_without_closing_notices(main_lines: list[str], witness_kept: set[str], expected: list[str]) -> None:
    assert without_closing_notices(main_lines, frozenset(witness_kept)) == expected


_CALLS = [
    "Get the magazine delivered to your door every month. Click here for more information.",
    "Listen to the programme live on weekdays - or listen back here.",
    "Follow @CityDeals on Twitter to keep up with the latest offers.",
    "If you enjoyed this article, we have a proposition for you: join our members.",
    "An error has occurred, please try again later.",
    "Do you have a story to tell? Email the news desk.",
    "Would you like to comment on this article?",
    "Fehler gefunden? Jetzt melden.",
    "Folgst du schon unserem Kanal auf Whatsapp?",
    "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns mit einer Spende.",
    # the site's free-trial offer
    "2 Wochen kostenlos testen",
    "Start your free trial today.",
    "Essai gratuit pendant 30 jours",
    # the story's source credited under it
    "SOURCE: News agencies",
    "Quelle: ntv.de",
    "Kilde: Helsenorge.no",
    "Source: CDC, Chicago Department of Public Health",
    "With files from The Associated Press and Mohamed El Saife",
    "With reports from Reforma and El Economista",
    "Additional reporting by Steve Gorman; Editing by Marguerita Choy and Simon Cameron-Moore",
    # the site's other networks and calls
    "Follow The Daily Opinion section on Facebook, Twitter (@DailyOpinion) and Instagram.",
    "For more stories like this, check our news page.",
    # a call to pass the piece on
    "Sadly this post did not stop the abuse. Help the word out. Recommend this article to your friends.",
    "Share this story with a friend who needs it.",
    "Teilen Sie diesen Artikel mit Ihren Freunden.",
    "Partagez cet article avec vos proches.",
    # the reporters who contributed, a list of names at times
    "Keith Bradsher contributed reporting from Hong Kong.",
    "Associated Press writers Alan Fram, Zeke Miller, Laurie Kellman and Jill Colvin contributed to this report.",
    "—Associated Press writer John Leicester in Paris contributed to this report.",
]


@pytest.mark.parametrize("call", _CALLS)
def test_the_sites_call_to_the_reader_under_the_story_goes_where_the_witness_dropped_it(call: str) -> None:
    assert without_closing_notices([*_STORY, call], frozenset()) == _STORY
    # with a short label under it too
    assert without_closing_notices([*_STORY, call, "Thank you"], frozenset()) == _STORY
    # the witness kept it on the page's own text: the story's closing line stays
    assert without_closing_notices([*_STORY, call], frozenset({call})) == [*_STORY, call]
    # above the story's last paragraph the walk does not reach it
    assert without_closing_notices([_STORY[0], call, _STORY[1]], frozenset()) == [_STORY[0], call, _STORY[1]]


_LETTERS = (
    "The paper is committed to publishing a diversity of letters to the editor. We'd like to hear what you think"
    " about this or any of our articles. And here's our email: letters@example.com."
)


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        # the site's invitation to write in: an e-mail address and the reader addressed, even where the witness
        # kept it (it reads as a sentence)
        (_LETTERS, True),
        (
            "Ihre Meinung ist uns wichtig. Senden Sie uns Ihr Feedback zu diesem Artikel an: briefe@example.de",
            True,
        ),
        ("Get in touch with our news team by emailing us at news@example.com.", True),
        ("Write to Jane Doe at jane.doe@example.com", True),
        # an address without the reader addressed: the story's (a contact it reports)
        ("The group can be reached at info@example.org, a spokesman said.", False),
        # the reader addressed without an address: left to the witness
        ("We'd like to hear what you think about this article.", False),
    ],
)
def test_the_sites_invitation_to_write_in_goes_whatever_the_witness(line: str, dropped: bool) -> None:
    expected = _STORY if dropped else [*_STORY, line]
    assert without_closing_notices([*_STORY, line], frozenset({line})) == expected


_LONG_TAIL = " Members get all of our content, no paywalls, and access to our writers and editors." * 4


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        # a pitch paragraph that opens with its call to the reader goes whole, up to _PITCH_MAX_CHARS
        ("If you enjoyed this article, we have a proposition for you: join our members." + _LONG_TAIL, True),
        ("Follow @CityDeals on Twitter to keep up with the latest offers." + _LONG_TAIL, True),
        # as long, with the call further in: a paragraph of the story's, whatever words it uses
        ("The members met on Monday." + _LONG_TAIL + " If you enjoyed this, click here.", False),
        # longer than _PITCH_MAX_CHARS: a paragraph too
        ("If you enjoyed this article, we have a proposition for you." + _LONG_TAIL * 2, False),
    ],
)
def test_a_long_pitch_that_opens_with_its_call_goes(line: str, dropped: bool) -> None:
    assert len(line) > 300
    expected = _STORY if dropped else [*_STORY, line]
    assert without_closing_notices([*_STORY, line], frozenset()) == expected
    # with its label above it
    labelled = [*_STORY, "Something to Consider", line]
    assert without_closing_notices(labelled, frozenset()) == (_STORY if dropped else labelled)
    # the witness kept it: the story's
    assert without_closing_notices([*_STORY, line], frozenset({line})) == [*_STORY, line]


@pytest.mark.parametrize(
    "line",
    [
        # the story's own sentences about following, listening or errors are no call to the reader
        "Investigators said they would follow the money wherever it leads.",
        "Fans can listen to the new album from Friday on every service.",
        "The error cost the company more than a million dollars last year.",
        "Follow him on Twitter",
        "The minister said she would recommend this approach to other councils.",
        "Police asked anyone who saw the crash to share this story's pictures with them.",
        # a list's heading, a sentence about sources, a long line that opens with the label
        "Sources:",
        "Sources said the talks would resume on Monday.",
        "Source: the ministry said on Monday that the figures, which it published after a delay of three weeks, "
        "showed a rise in every region of the country.",
        "With reports from the front came the first signs that the offensive had stalled in the east.",
        "Write to us at any time.",
        # the story's own sentence about a contribution
        "The firm contributed to the report on climate change last year.",
        # a story's own trial and test are no offer
        "The trial was free of charge for every patient in the study.",
        "Die Stiftung hat die Geräte kostenlos getestet.",
    ],
)
def test_a_closing_line_without_a_call_stays(line: str) -> None:
    assert without_closing_notices([*_STORY, line], frozenset()) == [*_STORY, line]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("sign up for our newsletter", ("newsletter",)),
        ("la suite est réservée aux abonnés", ("abonn",)),
        # a stem inside a word is no notice ("Bewerbungen" holds "werbung")
        ("sie hat 200 bewerbungen verschickt", ()),
        ("die werbung zahlt die zeitung", ("werbung",)),
    ],
)
def test_notice_stems_open_a_word(key: str, expected: tuple[str, ...]) -> None:
    assert notice_stems(key) == expected


_APP = "For the latest stories download our apps for iOS and Android."
_AD = "[Advertisement] Smith, J. (2021). Leading well. London: Example Press."
_WIDGET = "Videos on this topic"
_TEASER = "Trump has made defending the rioters a central plank of the party's platform."


@pytest.mark.parametrize(
    ("main_lines", "witness_kept", "witness_after", "expected"),
    [
        # a subscription pitch under the last kept paragraph opens a box: it and the app prompt under it go
        ([*_STORY, "Subscribe now for the full story.", _APP], set(_STORY), set(), _STORY),
        # a free-trial offer opens a box, whatever the story's words: it and the pitch under it go
        (
            [*_STORY, "2 Wochen kostenlos testen", "Die Zeitung berichtet seit 1999 über alles.", "Testen Sie jetzt."],
            set(_STORY),
            set(),
            _STORY,
        ),
        # the label right above the notice goes with the box
        ([*_STORY, "Further reading:", _AD, _AD], set(_STORY), set(), _STORY),
        # a notice word inside an address opens no box
        (
            [*_STORY, "Write to the group at newsletter@example.org.", "Its next meeting is in May."],
            set(_STORY),
            set(),
            [*_STORY, "Write to the group at newsletter@example.org.", "Its next meeting is in May."],
        ),
        # the story speaks of subscriptions itself: its topic, not the site's box
        (
            ["Readers subscribe to fewer papers.", *_STORY, "Subscribe now for the full story.", _APP],
            {"Readers subscribe to fewer papers.", *_STORY},
            set(),
            ["Readers subscribe to fewer papers.", *_STORY, "Subscribe now for the full story.", _APP],
        ),
        # a stem inside a word of the story ("werbung" in "Bewerbungen") does not shield the box
        (
            ["Sie hat 200 Bewerbungen verschickt.", "Werbung: Jetzt bestellen", "Folge uns auf Facebook"],
            {"Sie hat 200 Bewerbungen verschickt."},
            set(),
            ["Sie hat 200 Bewerbungen verschickt."],
        ),
        # a long sentence with a notice word is a paragraph, not a box's notice
        (
            [*_STORY, "Small investors welcomed the deal, subscribing for so many shares that each of them will "
             "get only the smallest part of what they asked for.", _APP],
            set(_STORY),
            set(),
            [*_STORY, "Small investors welcomed the deal, subscribing for so many shares that each of them will "
             "get only the smallest part of what they asked for.", _APP],
        ),
        # more than a box's lines under the notice (a preview's reference list): left alone
        (
            [*_STORY, "This is a preview of subscription content.", *[f"- {n}. Author A. Title {n}." for n in range(12)]],
            set(_STORY),
            set(),
            [*_STORY, "This is a preview of subscription content.", *[f"- {n}. Author A. Title {n}." for n in range(12)]],
        ),
        # a line the witness put below the story's end: it and the rest (list items, table rows) go
        (
            [*_STORY, _WIDGET, "- First clip", "| Day | Time |"],
            set(_STORY),
            {_WIDGET},
            _STORY,
        ),
        # one line past the witness's region alone stays: as often the story's last line as the footer's first
        (
            [*_STORY, "More on the plan on the council's site: example.org"],
            set(_STORY),
            {"More on the plan on the council's site: example.org"},
            [*_STORY, "More on the plan on the council's site: example.org"],
        ),
        # ... unless a paragraph is among them: the witness's region ended a paragraph early
        (
            [*_STORY, "Wrap-up", "All in all the harbour plan is the council's best work in years."],
            set(_STORY),
            {"Wrap-up", "All in all the harbour plan is the council's best work in years."},
            [*_STORY, "Wrap-up", "All in all the harbour plan is the council's best work in years."],
        ),
        # a list item the witness kept (printed without the extractor's "- "): the tail starts under it
        (
            [*_STORY, "- Work starts in spring", "Subscribe now for the full story."],
            {*_STORY, "Work starts in spring"},
            set(),
            [*_STORY, "- Work starts in spring"],
        ),
        # above the last kept line nothing is cut, notices included
        (
            [_STORY[0], "Subscribe now for the full story.", _STORY[1]],
            set(_STORY),
            set(),
            [_STORY[0], "Subscribe now for the full story.", _STORY[1]],
        ),
        # the witness kept no line of the main content: no tail to judge
        ([*_STORY, "Subscribe now for the full story."], set(), set(), [*_STORY, "Subscribe now for the full story."]),
        # dropped lines under the story without a notice or a witness's footer line stay (the story's own end)
        ([*_STORY, "The mayor did not comment."], set(_STORY), set(), [*_STORY, "The mayor did not comment."]),
        # a link list's heading under the story: it and the teasers under it go, prose or not
        ([*_STORY, "More from the Herald", _TEASER, "Bus timetable changes"], set(_STORY), set(), _STORY),
        ([*_STORY, "Related", _TEASER], set(_STORY), set(), _STORY),
        # ... not when it is the main content's last line (nothing under it to judge)
        ([*_STORY, "Related"], set(_STORY), set(), [*_STORY, "Related"]),
        # ... nor above the last line the witness kept
        ([_STORY[0], "Related", _STORY[1]], set(_STORY), set(), [_STORY[0], "Related", _STORY[1]]),
    ],
)  # fmt: skip
def test_without_witness_tail(
    main_lines: list[str], witness_kept: set[str], witness_after: set[str], expected: list[str]
) -> None:
    assert without_witness_tail(main_lines, frozenset(witness_kept), frozenset(witness_after)) == expected


_P1 = "The council voted on Tuesday to close the old bridge to heavy traffic from next month."
_P2 = "Engineers had warned for years that the steel beams were corroding faster than expected."
# A table of contents between the opening paragraphs, its items printed again as the section headings.
_CONTENTS = [
    _P1,
    "- Why the beams corrode so fast",
    "- What the closure means for drivers",
    _P2,
    "Why the beams corrode so fast",
    _P2,
]
_TEASERS = [
    "- Mayor resigns after months of pressure from his own party",
    "- New tram line opens two years late",
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # other stories' headlines listed between two paragraphs of the story: out
        ([_P1, *_TEASERS, _P2], [_P1, _P2]),
        # one item alone is no list of teasers
        ([_P1, _TEASERS[0], _P2], [_P1, _TEASERS[0], _P2]),
        # a fact list's short items ("- Ruler", "- 10 GB data") stay
        (
            [_P1, "- Steel beams", "- Two lanes", "- Built 1962", _P2],
            [_P1, "- Steel beams", "- Two lanes", "- Built 1962", _P2],
        ),
        # the story's own points end a sentence or a clause: they stay
        (
            [_P1, "- The bridge closes to lorries next month.", "- Buses will take a detour,", _P2],
            [_P1, "- The bridge closes to lorries next month.", "- Buses will take a detour,", _P2],
        ),
        # a table of contents: its items come back as the story's section headings, so the list stays
        (_CONTENTS, _CONTENTS),
        # at the story's end (no paragraph below) the edge and tail edits decide, not this one
        ([_P1, *_TEASERS], [_P1, *_TEASERS]),
        # under a heading or label rather than a paragraph: left alone
        (["Read more", *_TEASERS, _P2], ["Read more", *_TEASERS, _P2]),
        # a label over the list, between the story's paragraphs, goes with it
        ([_P1, "Read more", *_TEASERS, _P2], [_P1, _P2]),
        # a section's heading under the list stays, the list goes
        ([_P1, *_TEASERS, "Council responds", _P2], [_P1, "Council responds", _P2]),
        # a paragraph closing on a German quote is a paragraph
        (
            [
                _P1,
                *_TEASERS,
                "„Das muss man sich als Betroffener erst mal leisten können, und darum wird es am Ende gehen.“",
            ],
            [
                _P1,
                "„Das muss man sich als Betroffener erst mal leisten können, und darum wird es am Ende gehen.“",
            ],
        ),
        # a sentence leading into the story's own list is no label: the list stays
        (
            [_P1, "Traditionally, your options are limited: either", *_TEASERS, _P2],
            [_P1, "Traditionally, your options are limited: either", *_TEASERS, _P2],
        ),
    ],
)
def test_without_headline_lists_drops_teasers_between_paragraphs(
    main_lines: list[str], expected: list[str]
) -> None:
    assert without_headline_lists(main_lines) == expected


_RELEASE = [
    "Acme and Borealis introduce a joint alarm system for hospitals in North America.",
    "Acme said the system would reach the first hospitals in the spring.",
    "Borealis and Acme have worked together in Europe since 2015, the companies said.",
]
_ABOUT = [
    "Acme is a global solutions provider focused on healthcare communication and workflow.",
    "Acme is headquartered in Baar (Switzerland) and employs around 1,300 people worldwide.",
]


@pytest.mark.parametrize(
    ("main_lines", "expected"),
    [
        # two paragraphs under the story, each opening with a company the story names and what it is
        ([*_RELEASE, *_ABOUT], _RELEASE),
        # with the "About Acme" label above them
        ([*_RELEASE, "About Acme", *_ABOUT], _RELEASE),
        # one such line is the story's closing sentence about its subject
        ([*_RELEASE, _ABOUT[0]], [*_RELEASE, _ABOUT[0]]),
        # an author's note: a name the story does not use
        (
            [*_RELEASE, "Jane Doe is a reporter for the Herald.", "Jane Doe is based in Boston."],
            [*_RELEASE, "Jane Doe is a reporter for the Herald.", "Jane Doe is based in Boston."],
        ),
        # the story names the company once only: not its subject
        ([_RELEASE[0], *_ABOUT], [_RELEASE[0], *_ABOUT]),
        # two different names: no one party's boilerplate
        (
            [*_RELEASE, _ABOUT[0], "Borealis is a maker of patient monitors."],
            [*_RELEASE, _ABOUT[0], "Borealis is a maker of patient monitors."],
        ),
        # a main content that is only the boilerplate is left whole
        (_ABOUT, _ABOUT),
    ],
)
def test_without_about_boilerplate(main_lines: list[str], expected: list[str]) -> None:
    assert without_about_boilerplate(main_lines) == expected
