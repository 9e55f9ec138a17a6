"""Each boilerplate rule removes its kind of chrome and keeps article sentences that resemble it."""

from __future__ import annotations

import pytest

from newsdrop.models import Hints
from newsdrop.text.cleaner import clean_article, normalize_line_key
from newsdrop.text.line_keys import count_words
from newsdrop.text.prompt_rules import opens_link_list
from newsdrop.text.rule_dispatch import first_rule
from newsdrop.text.rules import RULES

PARAGRAPH = (
    "The minister said on Tuesday that the new agreement would take effect next month, "
    "after weeks of talks between the two governments over trade and security."
)
SECOND = (
    "Officials from both countries described the negotiations as difficult but constructive, "
    "and said further meetings were planned before the end of the year."
)

# (rule name, lines it must claim, lines it must leave alone)
RULE_TABLE: list[tuple[str, list[str], list[str]]] = [
    (
        "comment_form",
        [
            "Add comment",
            "Please enter your comment!",
            "Send comment",
            "* Comment:",
            "Leave a Reply",
            "Please enable JavaScript to view the comments powered by Disqus.",
            "Please enter your name here",
            "Add new comment",
            "34 Comments",
            "Leave a Reply Cancel reply",
            "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind markiert *",
            "Schreibe einen Kommentar",
            "Votre adresse e-mail ne sera pas publiée.",
            # Counters and closed-comment notices in other languages.
            "Kommentare (0)",
            "Comments (10,580)",
            "Vos réactions (11)",
            "Komentarze (9)",
            "Comentarios",
            "HINWEIS: Die Kommentarfunktion wird 2 Tage nach Veröffentlichungsdatum des Beitrages geschlossen.",
            "Die Kommentarfunktion ist geschlossen.",
            "Les commentaires sont fermés.",
        ],
        [
            "He said he would comment later on the proposal.",
            "Comments from the minister drew criticism.",
            "Comments (and a few insults) followed the vote.",
            "Kommentare des Ministers sorgten für Kritik im Landtag.",
        ],
    ),
    (
        "comment_policy",
        [
            "Read our comment policy before posting your viewpoints",
            "The comments that contain insults or libel to individuals will not be disclosed",
            "When submitting comments, please abide by our community guidelines.",
            "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.",
            "Les commentaires sont modérés avant publication.",
            "Kommentare werden moderiert.",
        ],
        [
            "The policy was debated in parliament for three days.",
            "The comments were published on Monday.",
            "Os comentários do ministro foram publicados ontem.",
        ],
    ),
    (
        "newsletter_form",
        [
            "Please, fill the form to subscribe to our newsletter",
            "You have successfully subscribed. Thank you!",
            "An email with an activation link has just been sent to your email address.",
            "Enter your email address to subscribe to our daily newsletter",
            "Thank you for signing up! Check your inbox to confirm your subscription.",
            "Missing out on the latest developments? Enter your email below to receive future announcements.",
            "Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.",
            "Keine Neuigkeiten mehr verpassen: Abonnieren Sie kostenlos den Newsletter",
            "Zapraszamy też do subskrypcji tygodnika",
            "Suscríbete a nuestro boletín",
            "Abonnez-vous à notre lettre d'information",
            "No spam, we promise. You can unsubscribe at any time.",
            "Bleiben Sie auf dem Laufenden mit unserem kostenlosen Newsletter",
        ],
        [
            "The newsletter, founded in 1990, had 4,000 subscribers when it closed.",
            "Subscribers complained that the service raised prices twice in one year.",
            "Die Zeitung hatte 4.000 Abonnenten, als sie eingestellt wurde.",
            "Er gab seine E-Mail-Adresse nicht an, sagte die Polizei.",
        ],
    ),
    (
        "rating_counter",
        ["Rate this item", "(0 votes)", "Read 428 times", "1,234 views", "12 votes"],
        ["Voters read the manifesto 428 times, he joked.", "The bill passed with 12 votes to 3."],
    ),
    (
        "captcha_notice",
        ["The reCAPTCHA verification period has expired. Please reload the page.", "Security code"],
        ["The security forces closed the road.", "Security is a concern, the code says."],
    ),
    (
        "share_prompt",
        [
            "› Subscribe",
            "Share this",
            "Follow us on Twitter",
            "Share on: Facebook Twitter Reddit",
            "Facebook Twitter Email LinkedIn",
            "Sign up for our newsletter",
            "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
            "Teilen mit:",
            "Teilen",
            "Gefällt mir Wird geladen...",
            "Empfiehl dies deinen Freunden.",
            "Compartir en Facebook",
            "Partager sur Twitter",
            "Udostępnij",
        ],
        [
            "Shares of the company rose 4% on Monday after the report.",
            "Followers of the cleric gathered.",
            "Teilen sich die Kosten, sagten die beiden Firmen.",
            "Die Parteien teilen die Auffassung, dass der Vertrag gilt.",
        ],
    ),
    (
        "navigation",
        [
            "More Articles",
            "Related",
            "Related articles",
            "Quick Links",
            "Read more",
            "Most Popular",
            "Read more: Alibaba poised to launch record-breaking listing",
            "Don't miss",
            "Previous article",
            "Lesen Sie auch: Die Bahn streikt wieder",
            "Czytaj też: Wyścig zbrojeń ruszył",
            "Dowiedz się więcej: Kto jak głosował?",
            "Lea también: El presidente viaja a Chile",
            "À lire aussi : La réforme adoptée",
            "Leggi anche: Il governo cade",
            "PUEDES VER: ¿Qué es la Sunedu?",
            "Siehe auch: Die Reform im Überblick",
            "Les også: Tone Damli røper detaljer om frieriet",
            "Läs också: Regeringen presenterar budgeten",
            "Lees ook: Kabinet valt over stikstof",
        ],
        [
            "More than 2,500 civilians have been killed this year.",
            "Related talks will resume in May.",
            "Lesen Sie auch die Bedingungen, sagte der Anwalt.",
        ],
    ),
    (
        "cookie_notice",
        ["This website uses cookies to improve your experience.", "Cookie Policy", "Accept cookies"],
        ["The bakery sold cookies to raise money for the school."],
    ),
    (
        "copyright_footer",
        [
            "© 2019 Example Media. All rights reserved.",
            "Copyright 2018 The Daily",
            "Powered by WordPress",
            "Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.",
            "This site participates in the Amazon Associate program and earns revenue from qualifying purchases.",
            "We may receive compensation when you click on links to those products.",
            "Disclaimer: The responses below are not provided or commissioned by the advertiser.",
            "Trotz sorgfältiger Kontrolle übernehme ich keine Haftung für die Inhalte externer Links.",
        ],
        [
            "The copyright dispute went to court in 2018 and lasted two years.",
            "The company said it had no affiliate in Germany and would pay compensation.",
            "The associate professor said the commission would meet.",
        ],
    ),
    (
        "advertisement",
        ["Advertisement", "ADVERTISEMENT", "Sponsored content", "Continue reading the main story"],
        ["The advertisement campaign cost the party millions, the report said."],
    ),
    (
        "login_prompt",
        [
            "Log In",
            "Sign In",
            "Register",
            "Login/Register",
            "To Read the Full Story",
            "To view the full story, please subscribe to The Daily Paper.",
            "If you’re seeing this message but you’re already a subscriber, you can log in for immediate access.",
        ],
        [
            "Voters must register before the deadline next week, officials said.",
            "She was already a member of the board when she signed the letter.",
        ],
    ),
    (
        "tag_list",
        [
            "Tags: Alibaba",
            "Filed under afghanistan, hostages, middle east",
            "Categories:",
            "Tag: Klima",
            "TAG",
        ],
        [
            "Tagged suspects were later released by police.",
            # a singular "Tag" opening a phrase is German for "day", no label
            "Tag des Zweinutzungshuhns am 22. Januar",
            "Tag der Arbeit",
        ],
    ),
    (
        "post_meta",
        [
            "This entry was posted in News and tagged harbour, storms. Bookmark the permalink.",
            "Dieser Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit berlin von Simon. Permanentlink.",
            "Dieser Beitrag wurde unter Schulleben abgelegt und mit lernen, bloggen verschlagwortet.",
            "Cette entrée a été publiée dans Actualités, avec comme mot(s)-clef(s) port.",
            "Esta entrada fue publicada en Noticias y etiquetada puerto.",
        ],
        [
            "The entry was posted in the register on Tuesday, the clerk said.",
            "Der Beitrag wurde im Landtag lange diskutiert.",
        ],
    ),
    (
        "letters_prompt",
        [
            "Submit your letter to the editor via this form. Read more Letters to the Editor.",
            "We want to hear what you think about this article. Submit a letter to the editor or write to us.",
            "Leserbrief schreiben",
        ],
        [
            "In a letter to the editor last week, the mayor defended the harbour plan.",
            "Der Leserbrief des Bürgermeisters löste eine Debatte aus.",
        ],
    ),
    (
        "media_widget",
        ["Enlarge Image", "View all (23)", "Hide caption", "1 of 4", "Getty Images", "Report"],
        ["The gallery reopened after four years of renovation work."],
    ),
    ("bare_number", ["0", "191119052250266", "12:45", "3."], ["3 killed in blast", "Room 101 was empty."]),
    (
        "url_line",
        ["https://example.com/news/1", "info@example.com", "[email protected]"],
        ["Visit example.com for details, he said."],
    ),
    (
        "photo_caption",
        [
            "Protesters have worn masks (Image: GETTY )",
            "Photo by Kirk Irwin/Getty Images",
            # A bracketed credit in German, Spanish or Polish closes a caption as "(Image: ...)" does.
            "Maxi Taucher ist in der Weltspitze der Junioren angekommen. (Foto: Privat)",
            "La plaza quedó vacía tras la protesta (Imagen: Archivo)",
            "Trump asked voters for a win. Credit... Doug Mills/The New York Times",
            "The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)",
            "1 of 4 A shopper looks at extension cords at the hardware store on Tuesday.",
            "Image caption Scooter Braun has managed Justin Bieber, among others",
            "Foto: Galli/Malteser",
            "Bild: shutterstock",
            "Son tres los periodos de vacaciones durante el año escolar. Foto: Andina",
            "Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com",
            "Wer die Äste immer wieder auf die Wege zieht, ist unklar (Symbolbild).",
            "[Photo: RADsan/iStock]",
            "Crédits photos : Bestimage",
            "[Featured Image by Joe Raedle/Getty Images]",
            "A man walks past the shop. [Photo: Jane Doe]",
        ],
        [
            "The photo showed the minister at the border, officials said.",
            "Er sagte: Das Foto zeigt den Minister.",
            "Das Bild: ein Erfolg für alle Beteiligten, sagte er.",
            "The car reached 200 (km/h).",
            "[Verse 1]",
            "[Alden: Et tu, Lexi?]",
            "The result was clear. Bild: a word the German press uses for picture, and for a tabloid too.",
            # reference marks close sentences and headings: citations and edit links, no picture credits
            "In mathematics, the quotient reaches its minimum at the smallest eigenvalue.[4]",
            "The inevitable moment came when their Empire reached the borders. [M1]",
            "Spectral properties[edit]",
            "The claim was never checked.[citation needed]",
        ],
    ),
    (
        "byline",
        [
            "By Jane Doe",
            "By LISA MASCARO and ERIC TUCKER",
            "Catherine Shu @catherineshu / 2 days",
            "Author:",
            # names with particles, a date, a place, an outlet or an address after them
            "Von Fanny Guénon des Mesnards",
            "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST",
            "von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr",
            "By Daniel Bader last updated 4 April 17",
            "by From DAILY NEWS Reporter in Dodoma",
            "Von unserem Korrespondenten Max Muster",
            "Por María Alejandra Carrasquilla Reina maria.carrasquilla@example.com",
            # a short credit may print a name in lower case
            "Posted by Mobasir hassan",
        ],
        [
            "By the end of the week the talks had collapsed.",
            # headlines opening with the preposition: a lower-case word among the "names"
            "Von München bis Aachen: Im Netz der China-Agenten",
            "Von der Leyen will Kriegsland Ukraine in EU holen – Österreich zahlt die Zeche",
            "Von Kopf bis Fuß: Frost-Schützer für Mountainbiker",
            "By subscribing I accept the terms of use",
        ],
    ),
]

RULE_CASES = [
    pytest.param(name, line, id=f"{name}-claims-{index}")
    for name, claimed, _kept in RULE_TABLE
    for index, line in enumerate(claimed)
]
KEEP_CASES = [
    pytest.param(name, line, id=f"{name}-keeps-{index}")
    for name, _claimed, kept in RULE_TABLE
    for index, line in enumerate(kept)
]


def _rule_for(line: str) -> str | None:
    rule = first_rule(line, normalize_line_key(line), count_words(line))
    return rule.name if rule else None


def test_every_rule_has_a_table_row_and_a_reason() -> None:
    assert {rule.name for rule in RULES} == {name for name, _, _ in RULE_TABLE}
    assert all(rule.why for rule in RULES)


@pytest.mark.parametrize(("rule_name", "line"), RULE_CASES)
def test_rule_claims_its_chrome(rule_name: str, line: str) -> None:
    assert _rule_for(line) == rule_name


@pytest.mark.parametrize(("rule_name", "line"), KEEP_CASES)
def test_rule_keeps_article_sentences(rule_name: str, line: str) -> None:
    assert _rule_for(line) != rule_name


def _article(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "chrome",
    ["Add comment", "Rate this item", "› Subscribe", "Advertisement", "More Articles", "Read 428 times"],
)
def test_chrome_in_trailing_block_is_not_body(chrome: str) -> None:
    article = clean_article(_article("A headline about talks", PARAGRAPH, SECOND, chrome))
    assert chrome not in article.body
    assert article.body == f"{PARAGRAPH}\n\n{SECOND}"


def test_crosshead_in_the_middle_is_kept_as_subheading() -> None:
    article = clean_article(_article("Talks resume", PARAGRAPH, "Economic Pressure", SECOND, PARAGRAPH))
    assert article.subheadings == ("Economic Pressure",)
    assert "Economic Pressure" in article.body.split("\n\n")


@pytest.mark.parametrize(
    "repeat",
    [
        "Talks resume after long pause",
        "Talks resume after long pause\u00a0",
        "Talks  resume after long pause",
        "Talks resume after long pause\u00a0Talks resume after long pause\u00a0",
    ],
)
def test_headline_repeated_in_text_is_title_repeat(repeat: str) -> None:
    article = clean_article(_article("Talks resume after long pause", repeat, PARAGRAPH, SECOND))
    roles = [line.role for line in article.lines]
    assert roles[:2] == ["title", "title_repeat"]
    assert article.title == "Talks resume after long pause"
    assert repeat.strip() not in article.body


def test_bundle_chrome_lines_are_boilerplate() -> None:
    chrome = "Breaking: markets open lower"
    article = clean_article(
        _article("Talks resume", chrome, PARAGRAPH, SECOND),
        bundle_chrome=frozenset({normalize_line_key(chrome)}),
    )
    decision = next(line for line in article.lines if line.text == chrome)
    assert (decision.role, decision.rule) == ("boilerplate", "bundle_chrome")


def test_link_list_after_related_heading_is_removed() -> None:
    article = clean_article(
        _article(
            "Talks resume",
            PARAGRAPH,
            "Related stories",
            "Minister resigns over budget row",
            "Markets fall on trade fears",
            SECOND,
        )
    )
    assert "Minister resigns over budget row" not in article.body
    assert SECOND in article.body


def test_reader_comments_after_the_article_are_removed() -> None:
    comment = "I completely disagree with this analysis, the minister has been wrong for years."
    article = clean_article(_article("Talks resume", PARAGRAPH, SECOND, "Leave a Reply", comment, comment))
    assert comment not in article.body


def test_rules_alone_keep_a_standfirst_before_the_byline() -> None:
    # Most gold bodies of cleaning-train include the standfirst (rule ``standfirst``, docs/eval.md).
    standfirst = "The deal ends a year of uncertainty for exporters on both sides of the border."
    article = clean_article(
        _article("Talks resume", standfirst, "By Jane Doe", PARAGRAPH, SECOND), model=None
    )
    assert article.byline == "By Jane Doe"
    assert article.body.startswith(standfirst + "\n")
    assert PARAGRAPH in article.body
    assert {line.text: line.rule for line in article.lines}[standfirst] == "standfirst"


def test_every_non_empty_line_gets_a_decision() -> None:
    text = _article("Talks resume", "Advertisement", PARAGRAPH, "   ", SECOND, "Share this")
    article = clean_article(text)
    assert [line.n for line in article.lines] == [1, 3, 5, 9, 11]
    assert {line.role for line in article.lines} <= {
        "title", "title_repeat", "body", "subheading", "boilerplate", "date", "news_id",
        "kicker", "caption", "byline", "source",
    }  # fmt: skip


def test_empty_text_gives_empty_article() -> None:
    article = clean_article("")
    assert (article.title, article.body, article.lines, article.word_count) == (None, "", (), 0)


def test_line_printed_three_times_is_a_template_not_prose() -> None:
    caption = "2018 Theater Series Performance at the Welcome Festival in the park"
    article = clean_article(
        _article("Talks resume", PARAGRAPH, caption, SECOND, caption, PARAGRAPH, caption, SECOND)
    )
    assert caption not in article.body
    assert {line.rule for line in article.lines if line.text == caption} == {"repeated_line"}


FEATURE_ITEM = "- Easy setup for all your devices at home and at work"
TABLE_HEADER = "| Pos | Player | Plays | Share of snaps | Stats |"


@pytest.mark.parametrize(
    ("repeated", "main_content", "kept"),
    [
        # In an extractor's main content a list item printed under each listed product is the products' feature.
        (FEATURE_ITEM, True, True),
        # On a page's whole text the same item is a template like any other repeated line.
        (FEATURE_ITEM, False, False),
        # A repeated line that is no list item is a template in the main content too (a gallery caption).
        (FEATURE_ITEM[2:], True, False),
        # A table row printed again in the main content is the header row of each of the story's tables.
        (TABLE_HEADER, True, True),
        (TABLE_HEADER, False, False),
    ],
)
def test_a_list_item_repeated_in_the_main_content_is_no_template(
    repeated: str, main_content: bool, kept: bool
) -> None:
    text = _article(
        "Best deals", PARAGRAPH, "Headphones", repeated, SECOND, "Speakers", repeated, PARAGRAPH, "Watch",
        repeated, SECOND,
    )  # fmt: skip
    article = clean_article(text, Hints(title="Best deals"), main_content=main_content)
    assert (repeated in article.body.split("\n")) is kept
    rules = {line.rule for line in article.lines if line.text == repeated}
    assert ("repeated_line" in rules) is not kept


_COMMENTS_SENTENCE = (
    "As she tried to stop the comments from taking over her pages, many readers told her they did not find"
    " the picture offensive."
)
_PRIVACY_SENTENCE = (
    "We use cookies and similar technologies to improve your experience; by continuing you consent to our"
    " privacy policy."
)


@pytest.mark.parametrize(
    ("lines", "main_content", "kept"),
    [
        # Between two of the story's paragraphs in an extractor's main content: the story's own sentence.
        ([PARAGRAPH, _COMMENTS_SENTENCE, SECOND], True, True),
        ([PARAGRAPH, _PRIVACY_SENTENCE, SECOND], True, True),
        # Under the story's last paragraph, it is the site's policy or notice.
        ([PARAGRAPH, SECOND, _COMMENTS_SENTENCE], True, False),
        # A label on one side is no paragraph of the story.
        ([PARAGRAPH, _COMMENTS_SENTENCE, "Comments", SECOND], True, False),
        # On a page's whole text the rule's verdict stands (the region and the line model judge the page).
        ([PARAGRAPH, _COMMENTS_SENTENCE, SECOND], False, False),
    ],
)
def test_a_vocabulary_rules_line_between_the_storys_paragraphs_in_the_main_content_is_the_story(
    lines: list[str], main_content: bool, kept: bool
) -> None:
    article = clean_article(
        "\n".join(["Talks resume", *lines]), Hints(title="Talks resume"), main_content=main_content
    )
    sentence = next(line for line in lines if line in (_COMMENTS_SENTENCE, _PRIVACY_SENTENCE))
    assert (sentence in article.body.split("\n")) is kept


def test_list_introduced_by_a_colon_after_the_last_paragraph_is_kept() -> None:
    dates = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 10 -- Arena, Tampa, FL"]
    text = _article(
        "Tour announced", PARAGRAPH, SECOND, "The tour dates:\n" + "\n".join(dates), "Most Popular"
    )
    article = clean_article(text)
    assert article.body.endswith("The tour dates:\n\n" + "\n\n".join(dates))
    assert "Most Popular" not in article.body


def test_short_lines_after_the_article_without_colon_are_chrome() -> None:
    article = clean_article(_article("Tour announced", PARAGRAPH, SECOND, "Music\nTours\nNews"))
    assert article.body == f"{PARAGRAPH}\n\n{SECOND}"


def test_article_split_by_a_long_widget_is_joined() -> None:
    widget = "\n".join(f"Product feature number {i}" for i in range(12))
    text = _article(
        "Deals of the week", PARAGRAPH, SECOND, widget, PARAGRAPH.replace("minister", "envoy"), SECOND
    )
    article = clean_article(text)
    assert PARAGRAPH.replace("minister", "envoy") in article.body
    assert article.body.startswith(PARAGRAPH)


def test_far_away_teaser_is_not_joined_to_the_article() -> None:
    teaser = "Readers also liked this other story about a completely different topic, the editors said."
    widget = "\n".join(f"Link number {i}" for i in range(12))
    text = _article("Talks resume", PARAGRAPH, SECOND, PARAGRAPH, SECOND, widget, teaser)
    article = clean_article(text)
    assert teaser not in article.body


def test_tags_printed_under_a_bare_tags_heading_are_chrome() -> None:
    tags = "calendario stock car 2018, stock car brasil, stock car cascavel"
    article = clean_article(_article("Talks resume", PARAGRAPH, SECOND, "Tags", tags, PARAGRAPH))
    assert tags not in article.body


@pytest.mark.parametrize(
    ("field", "paragraphs", "cuts"),
    [
        ("Email", 2, False),  # a share row or newsletter field under a short standfirst
        ("New, 6 comments", 2, False),  # a header counter next to the byline
        ("Name (required)", 2, False),
        # After a full article, a bare form field is the comment form when a thread follows: its rows part
        # the comments (followed by the story's next paragraphs it opens nothing: test_cleaner_comment_openers).
        ("Email", 8, True),
        ("Leave a Reply", 2, True),  # an explicit opener needs no more than two prose lines
    ],
)
def test_weak_comment_fields_open_comments_only_after_much_prose(
    field: str, paragraphs: int, cuts: bool
) -> None:
    comment = "I completely disagree with this analysis, the minister has been wrong for years."
    lead = [PARAGRAPH, SECOND] + [PARAGRAPH.replace("The", f"Then {i}") for i in range(paragraphs - 2)]
    below = [comment, "Reply", comment] if paragraphs > 2 else [comment, comment]
    article = clean_article(_article("Talks resume", *lead, field, *below))
    assert (comment not in article.body) is cuts


def test_main_content_keeps_short_lines_an_extractor_kept() -> None:
    schedule = [
        "Round 1: 10 March - Interlagos",
        "Round 2: 8 April - Curitiba",
        "Round 3: 22 April - Velopark",
    ]
    text = "\n".join(["Season calendar", "22 January 2018 10:13", *schedule, "Share on Facebook"])
    extracted = clean_article(text, Hints(title="Season calendar"), main_content=True)
    assert extracted.body.split("\n\n") == schedule
    assert extracted.published is not None and extracted.published.startswith("2018-01-22")
    assert "Share on Facebook" not in extracted.body


def test_a_headline_printed_twice_in_other_words_beats_score_lines_near_the_article() -> None:
    text = _article(
        "Prep Roundup: Eagles edge Hawks to stay unbeaten",
        "Menu",
        "High School Prep Roundup: Eagles edge Hawks to stay unbeaten",
        "Sam Writer Daily Courier",
        "Published 2:16 AM EST Nov 20, 2019",
        "GIRLS BASKETBALL",
        "Eagles d. Hawks 70-44",
        "Hawks 14 11 6 15 — 44",
        "Eagles 18 22 13 17 — 70",
        PARAGRAPH,
        SECOND,
    )
    article = clean_article(text)
    assert article.title is not None and article.title.endswith("Eagles edge Hawks to stay unbeaten")


@pytest.mark.parametrize(
    ("heading", "opens"),
    [
        ("Related articles", True),
        ("Most Popular", True),
        ("More stories", True),
        ("You may also like", True),
        ("Back to Gallery", False),
        ("Next", False),
        ("Previous article", False),
        ("Skip to main content", False),
        ("Load more", False),
        ("JUST WATCHED", True),  # a video playlist
        ("Must watch", True),
    ],
)
def test_only_list_headings_open_a_link_list(heading: str, opens: bool) -> None:
    key = normalize_line_key(heading)
    assert opens_link_list(key, count_words(heading)) is opens


def test_a_headline_after_a_single_navigation_link_is_not_a_related_link() -> None:
    article = clean_article(
        _article("Back to Gallery", "Power cut ordered as fire danger rises", PARAGRAPH, SECOND)
    )
    assert article.title == "Power cut ordered as fire danger rises"


def test_a_sentence_standfirst_under_the_headline_is_not_the_headline() -> None:
    lead = (
        "The minister's picks for events, competitions and fun this month include talks, fairs and the new "
        "agreement festival in the capital."
    )
    text = _article(
        "Four things to do in October",
        "The minister's picks for events, competitions and fun for the month of October.",
        "By Jane Doe",
        "Oct 4, 2018",
        lead,
        PARAGRAPH,
        SECOND,
    )
    assert clean_article(text).title == "Four things to do in October"


def test_a_prose_line_past_a_long_menu_does_not_join_the_article() -> None:
    menu = [f"Desk {n}" for n in range(40)]
    disclaimer = (
        "Market data on this page is delayed by at least fifteen minutes and is provided for information only, "
        "not for trading purposes or advice. Indices are shown in real time except where the exchange requires "
        "a delay, and all times are in the local time of the exchange."
    )
    article = clean_article(
        _article("Talks resume", PARAGRAPH, SECOND, PARAGRAPH + " Again.", *menu, disclaimer)
    )
    assert disclaimer not in article.body
    assert "Desk 1" not in article.body.split("\n\n")


def test_long_title_case_teasers_after_the_article_are_not_prose() -> None:
    teasers = [
        "New Graphics Card With Twenty Four Gigabytes Of Memory Announced For Workstations And Creators Ahead Of "
        "The Big Trade Show In Las Vegas",
        "Next Generation Console Every Official News Leak And Rumor On The Upcoming Machine Collected In One Place "
        "For Fans Who Cannot Wait Any Longer",
    ]
    article = clean_article(_article("Talks resume", PARAGRAPH, SECOND, "Trending Stories", *teasers))
    for teaser in teasers:
        assert teaser not in article.body


def test_a_long_credits_line_with_commas_stays_text() -> None:
    credits = (
        "Choreographer Jane Doe, Director John Roe, Writer Mary Major, Composer Richard Miles, Costume Designer "
        "Anna Smith, Lighting Designer Peter Parker"
    )
    article = clean_article(_article("Talks resume", PARAGRAPH, credits, SECOND))
    assert credits in article.body


def test_a_video_playlist_title_between_headline_and_article_is_not_the_headline() -> None:
    clip = "Minister: talks between the two governments are going well"
    text = _article(
        "Exporters unsure what to make of the new trade agreement",
        "By Jane Doe, Business desk",
        "Updated 0339 GMT November 19, 2019",
        "JUST WATCHED",
        clip,
        "Replay",
        "MUST WATCH",
        clip,
        PARAGRAPH,
        SECOND,
    )
    assert clean_article(text).title == "Exporters unsure what to make of the new trade agreement"
