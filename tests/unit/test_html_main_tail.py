"""HTML path edits of the main content's tail: the site's closing notices, calls to the reader, the witness tail."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.main_tail import without_closing_notices, without_witness_tail

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
        # a widget's status lines between and above its notices go with them ("Please wait...", "Thanks!")
        (
            [
                *_STORY,
                "Today on the site",
                "Please wait...",
                "An error has occurred, please try again.",
                "Thanks!",
                "Now check your email on your phone to download your new app.",
            ],
            set(),
            _STORY,
        ),
        ([*_STORY, "Loading…", _PITCH], set(), _STORY),
        # ... but a short exclamation without a notice stays, and so does a longer line that trails off
        ([*_STORY, "Thanks!"], set(), [*_STORY, "Thanks!"]),
        (
            [*_STORY, "And then the rain came down again...", _PITCH],
            set(),
            [*_STORY, "And then the rain came down again..."],
        ),
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
    # an app's download prompt
    "Now check your email account on your mobile phone to download your new app.",
    "Download our free app for the latest headlines.",
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


_COMMENTS = [
    "Comments",
    "Pat says:",
    "The council promised the same plan two years ago and nothing happened then either.",
    "Sam says:",
    "Good to see the harbour finally getting the attention it deserves from the council.",
]


@pytest.mark.parametrize(
    ("main_lines", "witness_after", "unnamed", "expected"),
    [
        # markup without class names: the readers' comments under the story go from the witness's label on
        ([*_STORY, *_COMMENTS], set(_COMMENTS), True, _STORY),
        # ... not where the markup names its elements (the extractor's cues dropped what is no story)
        ([*_STORY, *_COMMENTS], set(_COMMENTS), False, [*_STORY, *_COMMENTS]),
        # ... nor from a line that is a paragraph, or longer than a label (a crosshead over the story's second half)
        (
            [*_STORY, *_COMMENTS[2:]],
            set(_COMMENTS),
            True,
            [*_STORY, *_COMMENTS[2:]],
        ),
        (
            [*_STORY, "What the council's harbour plan means for you", *_COMMENTS[2:]],
            {"What the council's harbour plan means for you", *_COMMENTS},
            True,
            [*_STORY, "What the council's harbour plan means for you", *_COMMENTS[2:]],
        ),
        # ... nor a label over one paragraph (a review's "Wrap-up")
        (
            [*_STORY, "Wrap-up", "All in all the harbour plan is the council's best work in years."],
            {"Wrap-up", "All in all the harbour plan is the council's best work in years."},
            True,
            [*_STORY, "Wrap-up", "All in all the harbour plan is the council's best work in years."],
        ),
    ],
)  # fmt: skip
def test_without_witness_tail_on_unnamed_markup(
    main_lines: list[str], witness_after: set[str], unnamed: bool, expected: list[str]
) -> None:
    assert without_witness_tail(main_lines, frozenset(_STORY), frozenset(witness_after), unnamed) == expected
