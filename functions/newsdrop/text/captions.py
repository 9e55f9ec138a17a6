"""Picture captions and credits: the caption line rule's test and the captions printed in the story's flow."""

from __future__ import annotations

import re

_CAPTION_START = re.compile(
    r"(?:image|photo|picture|pictured|file photo|photograph|credit|caption)s?\s*:"
    # "Foto:", "Bild:", "Imagen:" ...: the same credit in other European languages.
    r"|(?:foto|bild|bilder|imagen|immagine|zdjęcie|fotografía|cr[ée]dits? photos?)s?\s*:"
    r"|(?:photo|image|picture)s? (?:by|courtesy|credit|caption|copyright)\b"
    r"|\d+ of \d+ (?=\S)",
    re.IGNORECASE,
)
# The characters ``_CAPTION_START``'s word openings start with, paired case-blind as ``re`` pairs them (the dotted
# and dotless i with "i"; a unit test reads every code point); its counter form opens with a digit (str.isdecimal
# is ``re``'s ``\d``).
_CAPTION_FIRST = frozenset("iIİıpPfFcCbBzZ")
_CAPTION_END = re.compile(
    r"(?:\((?:image|photo|picture|pic|credit|source|file|foto|bild|imagen|immagine|zdjęcie)s?\s*:[^)]*\)"
    r"|\((?:symbolbild|symbolfoto|archivbild|archivfoto)[^)]*\)\.?"
    # A credit in brackets after the caption ("... [Photo: X]"); a line that is only a bracket is a label
    # ("[Verse 1]", "[Chorus]") or an aside, not a caption.
    # A reference mark closing a sentence or heading ("[4]", "[M1]", "[edit]") cites or edits; it credits no picture.
    r"|(?<=\S)\s*\[(?!(?:[a-z]{0,2}\d{1,3}|edit|citation needed)\])(?:file|photo|image)?:?[^\]]*\]"
    r"|^\[(?:featured )?(?:file|photo|image|picture|credit)s?\b[^\]]*\]"
    r"|\([^()]*/[^()]*\)"
    r"|(?:/|\b)(?:getty images|shutterstock|afp|ap photo|epa|istock(?:photo)?)\s*\)?)\s*$",
    re.IGNORECASE,
)
_AGENCIES = ("getty images", "shutterstock", "afp", "ap photo", "epa", "istock", "istockphoto")
_AGENCY_LAST = frozenset(agency[-1] for agency in _AGENCIES)
_CAPTION_CREDIT = re.compile(r"\bcredit\s*(?:\.\.\.|…|:)", re.IGNORECASE)
# A caption that ends with its credit after a sentence ("... the school year. Foto: Andina"), or a tail that is
# only the credit. (Two patterns, the line's start matched and the sentence end searched, where one searched
# ``(?:^|[.!?]\s+)...``: the scan jumps between sentence ends instead of trying both at every character.)
_CREDIT_LABEL_TAIL = (
    r"(?:foto|bild|photo|image|imagen|immagine|zdjęcie|credit)s?\s*:\s*(?:[^.!?:]|\.(?=\S)){1,50}$"
)
_CREDIT_TAIL_ALONE = re.compile(_CREDIT_LABEL_TAIL, re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"[.!?]\s+" + _CREDIT_LABEL_TAIL, re.IGNORECASE)
_CREDIT_TAIL_CHARS = 70
# Credits sit at the end of a caption; searching only its tail keeps long lines cheap.
_CAPTION_TAIL_CHARS = 160


# RE2 searches over an ASCII key (``rules.ASCII_KEY_SCANS``), one of which matches wherever ``photo_caption`` claims
# the line: its opening (the key starts with it), its closing bracket or agency (the key ends with it), a credit
# label ("Foto:") anywhere, or "credit..." anywhere. Looser than the tests (the key's spaces are single, its letters
# lower case): they only spare the three lines in four that hold none of them the test's call.
CAPTION_ASCII_KEY_SCANS: tuple[str, ...] = (
    r"^(?:image|photo|picture|pictured|file photo|photograph|credit|caption|foto|bild|bilder|imagen|immagine"
    r"|credits? photos?)s?\s*:",
    r"^(?:photo|image|picture)s? (?:by|courtesy|credit|caption|copyright)",
    r"^\d+ of \d+ ",
    r"(?:\)|\]|\)\.|getty images|shutterstock|afp|ap photo|epa|istock|istockphoto)$",
    r"(?:foto|bild|photo|image|imagen|immagine|credit)s?\s*:",
    r"credit\s*\.\.\.",
)


def photo_caption(text: str, key: str, words: int) -> bool:
    """Photo captions and credits ("(Image: GETTY)", "Photo by X/Getty Images") describe pictures."""
    # (The opening's match only where the first character allows it: three lines in four skip it.)
    if (text[:1] in _CAPTION_FIRST or text[:1].isdecimal()) and _CAPTION_START.match(text):
        return True
    tail = text[-_CAPTION_TAIL_CHARS:].rstrip()
    # Every credit form ends in a bracket or an agency's name: test that before the unanchored search.
    # (Lower-casing only a tail that ends in an agency name's last letter: the same verdict, rarely paid.)
    # (A symbolic-image note may close a sentence: "... ist unklar (Symbolbild).")
    closes = (
        tail[-1:] in (")", "]")
        or tail.endswith(").")
        or (tail[-1:].lower() in _AGENCY_LAST and tail.lower().endswith(_AGENCIES))
    )
    if closes and _CAPTION_END.search(tail):
        return True
    credit_tail = tail[-_CREDIT_TAIL_CHARS:]
    if ":" in credit_tail and (
        _CREDIT_TAIL_ALONE.match(credit_tail) is not None or _CREDIT_TAIL.search(credit_tail) is not None
    ):
        return True
    return "redit" in key and _CAPTION_CREDIT.search(text) is not None


# A caption closed by a copyright credit ("... vorbei. © Axel Heimken/dpa", "... Luik. — © BELGA"): the ©
# follows caption words and ends the line within a credit's length, with no sentence after it (an initial's
# full stop is part of the name: "© C. Schlippes"). A footer that opens with © is ``copyright_footer``'s.
_COPYRIGHT_CREDIT = re.compile(r"\w\W{0,4}\s©\s?(?:[^©.!?]|\.(?=\S)|(?<=\b[A-Z])\.){1,80}$")
_COPYRIGHT_CREDIT_CHARS = 100


# A caption's own label ("Legende:", "Bildunterschrift:", "Légende :", "Leyenda:", "Didascalia:").
_CAPTION_LABEL = re.compile(
    r"(?:legende|legenda|bildlegende|bildunterschrift|légende|leyenda|didascalia|bijschrift|billedtekst|bildtext)\s*:",
    re.IGNORECASE,
)
# A credit of the picture's rights after the caption ("... geschlachtet. Bildrechte: MDR/David Straub").
_RIGHTS_CREDIT = re.compile(
    r"[.!?]\s+(?:bildrechte|bildquelle|bildnachweis|fotonachweis|fotoquelle)\s*:\s*(?:[^.!?:]|\.(?=\S)){1,50}$",
    re.IGNORECASE,
)
# Where the people pictured stand ("Sir Tony Blair (left) being interviewed", "Vargas Llosa (l.) auf Mallorca"):
# a caption points into its picture; a story names people without pointing.
_PICTURE_POSITION = re.compile(
    r"\((?:left|right|cent(?:er|re)|second (?:left|right)|far (?:left|right)|l\.|r\.|li\.|re\.|links|rechts|mitte"
    r"|à gauche|à droite|izq\.|dcha\.|izquierda|derecha|a sinistra|a destra|od lewej|z lewej|z prawej)\)",
    re.IGNORECASE,
)


def region_caption(text: str) -> bool:
    """A picture's caption printed in the story's flow: closed by its copyright credit ("... © dpa") or a
    rights credit ("... Bildrechte: MDR"), opened by a caption label ("Legende:"), or pointing at where the
    people pictured stand ("(left)", "(l.)", "(links)").

    The region stage applies it (rule ``photo_caption``) to the lines it would keep, after the region and
    the headline are chosen: as a line rule it also took the lines out of the prose runs and the headline
    candidates' context, and the headline ranker, retrained on those rows, lost titles on near ties.
    """
    tail = text[-_CAPTION_TAIL_CHARS:].rstrip()
    if "©" in tail and _COPYRIGHT_CREDIT.search(tail[-_COPYRIGHT_CREDIT_CHARS:]) is not None:
        return True
    if ":" in text and (
        _CAPTION_LABEL.match(text) is not None
        or _RIGHTS_CREDIT.search(tail[-_CREDIT_TAIL_CHARS:]) is not None
    ):
        return True
    return "(" in text and _PICTURE_POSITION.search(text) is not None
