"""Headline stage, site furniture: a form's or a link's own words, the site's name; never the headline."""

from __future__ import annotations

import re
from functools import lru_cache

from newsdrop.text.cleaner.lines import _TITLE_SEPARATORS
from newsdrop.text.re2_pretest import pretested
from newsdrop.text.re2_sets import superset_source

# A hint a form or a link prints beside its control: a field marked required ("E-Mail (erforderlich)"), a link
# that opens a new window ("Bluesky (öffnet im neuen Fenster)"), a player's dialog ("This is a modal window.").
_CONTROL_HINT = re.compile(
    r"\((?:required|erforderlich|obligatoire|obligatorio|obrigatório|verplicht|pflichtfeld)\)"
    r"|\((?:opens|öffnet|s'ouvre|se abre|abre)\b[^)]*\)"
    r"|\bmodal (?:window|dialog)\b",
    re.IGNORECASE,
)
# Most lines the headline stage asks about are no furniture: each unanchored case-blind search below runs behind an
# RE2 superset of its pattern (``pretested``, one pass in C where ``re`` tries the alternation at every position).
_CONTROL_HINT_SEARCH = pretested(_CONTROL_HINT)


# The verbs and nouns of a form's buttons (search, log in, sign up, cancel, reply) in the corpora's languages.
# One of them alone is no cue ("Search for the missing climbers", "Suche nach dem Täter"): a headline names
# one such act, a form prints two side by side ("Suche nach: Suchen", "Login Sign up", "Antwort abbrechen").
_CONTROL_WORD = re.compile(
    r"\b(?:log ?in|log ?out|sign ?in|sign ?up|register|cancel|search|reply|submit"
    r"|anmelden|abmelden|einloggen|registrieren|abbrechen|suche|suchen|antworten|kommentar|absenden"
    r"|buscar|cancelar|registrarse|iniciar sesi[oó]n|responder|enviar"
    r"|rechercher|recherche|annuler|connexion|s'inscrire|r[ée]pondre|envoyer)\b",
    re.IGNORECASE,
)
# A line without one button word holds no two: ``findall`` runs only where the pre-tested search finds one.
_CONTROL_WORD_SEARCH = pretested(_CONTROL_WORD)
# A read-aloud player's button, the whole line ("Vorlesen", "Artikel anhören", "Listen to this article",
# "Escuchar artículo", "Écouter l'article"): a headline that opens so says what to listen to.
_LISTEN_CONTROL = re.compile(
    r"^\W*(?:(?:jetzt\s+)?(?:(?:den\s+)?artikel\s+)?(?:vor)?lesen(?:\s+lassen)?|(?:jetzt\s+)?(?:(?:den\s+)?artikel\s+)?"
    r"(?:in\s+der\s+app\s+)?anh[öo]ren|listen(?:\s+to\s+(?:this\s+)?(?:article|story))?"
    r"|[ée]couter(?:\s+(?:l['’]|cet\s+)article)?|escuchar(?:\s+(?:el\s+)?(?:art[íi]culo|noticia))?)\W*$",
    re.IGNORECASE,
)
# Two control words make a form's row only on a short line: a longer line is a sentence about such acts.
_CONTROL_MIN_WORDS = 2
_CONTROL_MAX_WORDS = 8


def interface_text(text: str) -> bool:
    """The line is a form's or a link's own text: a control's hint ("(required)", "(opens in a new window)",
    "modal window"), a read-aloud player's button ("Vorlesen", "Listen to this article"), or a short line (up to
    eight words) of two button words or more ("Login Sign up", "Kommentar verfassen Antwort abbrechen"). Never the headline, however the ranker scores it."""
    if _CONTROL_HINT_SEARCH(text) is not None or _LISTEN_CONTROL.match(text) is not None:
        return True
    if len(text.split()) > _CONTROL_MAX_WORDS or _CONTROL_WORD_SEARCH(text) is None:
        return False
    return len(_CONTROL_WORD.findall(text)) >= _CONTROL_MIN_WORDS


# A site's name closing the page's title line ("Headline | The New Republic") is this short; the headline before
# it holds this many words at least.
_SITE_NAME_MAX_WORDS = 5
_HEADLINE_MIN_WORDS = 3


def site_of_opening(opening: str, key: str) -> bool:
    """The line (a key) is the closing part of the page's opening line ("<headline> | <site>", a page view's
    <title>), short, after a headline of three words or more: the site's name printed again in its masthead,
    never the headline. The opening line itself is not meant."""
    if not opening or key == opening:
        return False
    for separator in _TITLE_SEPARATORS:
        head, found, tail = opening.rpartition(separator)
        if (
            found
            and tail.strip() == key
            and len(head.split()) >= _HEADLINE_MIN_WORDS
            and len(key.split()) <= _SITE_NAME_MAX_WORDS
        ):
            return True
    return False


# Lines of a page's furniture that read like a headline to the ranker (near ties it loses to the story's headline
# on pages of other outlets), each a kind no gold title of the corpora (877) prints:
# a cross-reference ("See also: X and Y", a wiki's hatnote) ...
_CROSS_REFERENCE = re.compile(
    r"^[\W_]*(?:see also|siehe auch|voir aussi|v[ée]ase tambi[ée]n|ver tambi[ée]n|vedi anche|zie ook|veja tamb[ée]m)\b",
    re.IGNORECASE,
)
# ... a relative time stamp ("Nizaar Kinsella 2 minutes ago", "vor 14 Minuten", "il y a 2 heures"): a byline's
# or a teaser's stamp, where a story's dateline would print the date ...
_RELATIVE_TIME = re.compile(
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b"
    r"|\bvor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|wochen)\b"
    r"|\bil y a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?)\b"
    r"|\bhace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?)\b",
    re.IGNORECASE,
)
_RELATIVE_TIME_SEARCH = pretested(_RELATIVE_TIME)
# ... a picture's label in brackets opening the line ("(Symbolbild) Wenn Bus und Bahn ...", "(Foto: X) ..."): a
# caption ...
_PICTURE_LABEL = re.compile(
    r"^\s*\((?:symbolbild|archivbild|foto|fotos|bild|photo|image|imagen|video)\b[^)]*\)", re.IGNORECASE
)
# ... a topic row under its label ("Themen: Krieg in der Ukraine Russland", "Tags: ...") ...
_TOPIC_LABEL = re.compile(
    r"^\s*(?:themen|topics|tags|schlagw[öo]rter|temas|sujets|th[èe]mes)\s*:", re.IGNORECASE
)
# ... a comment link or count closing the line ("Bildung, Schule Add comments", "5343 mal gelesen | 32 Kommentare") or
# an author's archive link ("View all posts by X", "Zeige alle Beiträge von X"): a post's meta row or author box ...
_COMMENT_LINK = re.compile(
    r"(?:\badd comments?|\bleave a (?:comment|reply)|\bno comments|\b\d+\s+comments?"
    r"|\bkommentare? (?:hinzufügen|schreiben|hinterlassen)|\bkeine kommentare|\b\d+\s+kommentare?)\s*$",
    re.IGNORECASE,
)
# ``re``'s ``$`` holds at the text's end and before a final line break (``pretest_source`` refuses it): the rest
# of the pattern's superset, then ``\n?\z``.
_COMMENT_LINK_SUPERSET = "(?i)" + superset_source(_COMMENT_LINK.pattern.removesuffix("$")) + r"\n?\z"
_COMMENT_LINK_SEARCH = pretested(_COMMENT_LINK, _COMMENT_LINK_SUPERSET)
_AUTHOR_ARCHIVE = re.compile(
    r"\b(?:view|see) all posts by\b|\balle beiträge von\b|\bvoir tous les articles de\b|\bver todas las entradas de\b",
    re.IGNORECASE,
)
_AUTHOR_ARCHIVE_SEARCH = pretested(_AUTHOR_ARCHIVE)
# ... a gifted article's notice ("Ein Mitglied schenkt dir diesen Artikel.", "This article was gifted to you") or
# a feature kept for subscribers ("Esta funcionalidad es sólo para registrados", "This feature is for subscribers
# only"): a paywall's notes around a shared link ...
_GIFT_NOTICE = re.compile(
    r"\b(?:schenkt (?:dir|ihnen|euch)|verschenkt) diesen artikel\b|\bartikel verschenken\b"
    r"|\bgift (?:this |the )?(?:article|story)\b|\bthis (?:article|story) (?:was|has been|is) (?:a )?gift"
    r"|\boffrir (?:cet |l['’])article\b|\bregalar (?:este |el )?art[íi]culo\b",
    re.IGNORECASE,
)
_GIFT_NOTICE_SEARCH = pretested(_GIFT_NOTICE)
_SUBSCRIBER_FEATURE = re.compile(
    r"\b(?:esta funcionalidad|esta funci[óo]n|this feature|diese funktion|cette fonctionnalit[ée])\b.{0,40}?"
    r"\b(?:registrad|suscript|subscri|registered|abonn|registriert|premium|members)",
    re.IGNORECASE,
)
_SUBSCRIBER_FEATURE_SEARCH = pretested(_SUBSCRIBER_FEATURE)
# ... and a kicker cut off at its separator ("Umbau des Weissen Hauses –", "Startseite | Schweiz |"): the
# headline is the line it introduces.
_DANGLING_SEPARATOR = re.compile(r"\s[-\u2013\u2014|:]\s*$")


def furniture_line(text: str) -> bool:
    """The line is page furniture the ranker may take for a headline: a cross-reference ("See also: ..."), a
    relative time stamp ("2 minutes ago"), a picture's label opening a caption ("(Symbolbild) ..."), a topic
    row ("Themen: ..."), a comment link or count closing the line ("... Add comments"), an author's archive link
    ("View all posts by X"), a gifted article's notice or a feature kept for subscribers ("Esta funcionalidad es sólo
    para registrados") or a kicker ending in its separator ("Kicker –"). Never the headline."""
    return (
        _CROSS_REFERENCE.search(text) is not None
        or _RELATIVE_TIME_SEARCH(text) is not None
        or _PICTURE_LABEL.search(text) is not None
        or _TOPIC_LABEL.search(text) is not None
        or _COMMENT_LINK_SEARCH(text) is not None
        or _AUTHOR_ARCHIVE_SEARCH(text) is not None
        or _GIFT_NOTICE_SEARCH(text) is not None
        or _SUBSCRIBER_FEATURE_SEARCH(text) is not None
        or _DANGLING_SEPARATOR.search(text) is not None
    )


# A page asks about its rules' best candidate up to three times (the trust check, the block test, the barred test),
# and a site prints its header lines on every page: the verdict is memoised by text.
_SITE_TEXT_CACHE_SIZE = 4096


@lru_cache(maxsize=_SITE_TEXT_CACHE_SIZE)
def site_text(text: str) -> bool:
    """``interface_text(text) or furniture_line(text)``: a form's or a link's own text, or page furniture."""
    return interface_text(text) or furniture_line(text)
