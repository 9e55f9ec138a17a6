"""Headline stage, site furniture: a form's or a link's own words, the site's name; never the headline."""

from __future__ import annotations

import re

from newsdrop.text.cleaner.lines import _TITLE_SEPARATORS

# A hint a form or a link prints beside its control: a field marked required ("E-Mail (erforderlich)"), a link
# that opens a new window ("Bluesky (öffnet im neuen Fenster)"), a player's dialog ("This is a modal window.").
_CONTROL_HINT = re.compile(
    r"\((?:required|erforderlich|obligatoire|obligatorio|obrigatório|verplicht|pflichtfeld)\)"
    r"|\((?:opens|öffnet|s'ouvre|se abre|abre)\b[^)]*\)"
    r"|\bmodal (?:window|dialog)\b",
    re.IGNORECASE,
)


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
# Two control words make a form's row only on a short line: a longer line is a sentence about such acts.
_CONTROL_MIN_WORDS = 2
_CONTROL_MAX_WORDS = 8


def interface_text(text: str) -> bool:
    """The line is a form's or a link's own text: a control's hint ("(required)", "(opens in a new window)",
    "modal window"), or a short line (up to eight words) of two button words or more ("Login Sign up",
    "Kommentar verfassen Antwort abbrechen"). Never the headline, however the ranker scores it."""
    if _CONTROL_HINT.search(text) is not None:
        return True
    if len(text.split()) > _CONTROL_MAX_WORDS:
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
