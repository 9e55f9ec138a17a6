"""Each boilerplate rule removes its kind of chrome and keeps article sentences that resemble it."""

from __future__ import annotations

import pytest

from newsdrop.text.cleaner import normalize_line_key
from newsdrop.text.line_keys import count_words
from newsdrop.text.rule_dispatch import first_rule
from newsdrop.text.rules import RULES

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
