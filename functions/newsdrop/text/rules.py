"""Line rules of the cleaner: each names one kind of page chrome and says why it is not article text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

_QUOTE_PAIRS = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("–", "-"),
    ("—", "-"),
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Whitespace that str.split() would collapse: a run of two, any but a plain space, one at either edge.
_EXTRA_SPACE = re.compile(r"\s\s|[^\S ]|^\s|\s$")


def _has_extra_space(text: str) -> bool:
    """Whether ``_EXTRA_SPACE`` matches, mostly without the regex: the only whitespace a printable string
    holds is the plain space (str.isprintable() is false for every other str.isspace() character, and
    for a line break), so there only a double space or one at either edge can match."""
    if text.isprintable():
        return "  " in text or text[:1] == " " or text[-1:] == " "
    return _EXTRA_SPACE.search(text) is not None


def normalize_line_key(text: str) -> str:
    """The comparison form of a line: NFKC, case-folded, straight quotes, single spaces (incl. NBSP)."""
    if text.isascii():
        # Most lines have single spaces and no edge whitespace: lower-casing alone gives the same key then,
        # without splitting a long paragraph into words and joining them again.
        if not _has_extra_space(text):
            return text.lower()
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFKC", text).casefold()
    # Chained replace: str.translate with a dict table is far slower on long lines.
    for fancy, plain in _QUOTE_PAIRS:
        if fancy in folded:
            folded = folded.replace(fancy, plain)
    # (re's \s is str.isspace, what str.split() splits on, for every code point.)
    return folded if not _has_extra_space(folded) else " ".join(folded.split())


def count_words(text: str) -> int:
    """Words of a line; CJK script (no spaces) counts one word per two characters."""
    words = len(text.split())
    if not text.isascii():
        cjk = len(_CJK.findall(text))
        if cjk:
            words = max(words, cjk // 2 + words - 1)
    return words


@dataclass(frozen=True, slots=True)
class LineRule:
    """A named test that sends a line to ``role``; ``why`` is the reason it is not article text."""

    name: str
    role: str
    why: str
    test: Callable[[str, str, int], bool]
    max_words: int

    def __call__(self, text: str, key: str, words: int) -> bool:
        return words <= self.max_words and self.test(text, key, words)


RULES: list[LineRule] = []


def _rule(
    max_words: int, role: str = "boilerplate"
) -> Callable[[Callable[[str, str, int], bool]], Callable[[str, str, int], bool]]:
    """Register a rule; ``max_words`` bounds the lines it can claim, so long paragraphs skip it cheaply."""

    def register(test: Callable[[str, str, int], bool]) -> Callable[[str, str, int], bool]:
        RULES.append(LineRule(test.__name__, role, (test.__doc__ or "").strip(), test, max_words))
        return test

    return register


def _full(pattern: str) -> re.Pattern[str]:
    # Rules see the normalised key; a leading bullet or arrow ("› Subscribe") is decoration.
    return re.compile(r"^[\W_]*(?:" + pattern + r")[\W_]*$", re.IGNORECASE)


_COMMENT_FORM = _full(
    r"(?:add|post|send|leave|write|submit|view|show|hide|read|load)(?: an?| your| new| the| all)?"
    r" (?:comments?|reply|replies|responses?)(?: cancel reply)?"
    r"|please (?:enter|type in|write) your (?:comments?|name|e-?mail)(?: here| in \w+)?"
    r"|\* ?comments?|comments?|comment \(required\)|(?:your )?(?:name|e-?mail|website)(?: \(required\)| \*)?"
    r"|submit|cancel reply|post|notify me of (?:follow-up comments|new posts).*|\d+ comments? \(\+\)"
    r"|join the (?:conversation|discussion|debate)|have your say.*|comments are closed.*"
    r"|your email address will not be published.*|required fields are marked.*"
    r"|you must be logged in to (?:post|leave) a comment.*|\d+ (?:comments?|responses?|replies)(?: to .*)?"
    r"|comments? \(\d[\d,.]*\)"
    r"|(?:new, )?\d+ comments?|please enable javascript to view the comments.*|view the discussion thread.*"
    # WordPress's comment form in German, Spanish and French.
    r"|(?:deine|ihre) e-mail-adresse wird nicht veröffentlicht.*|erforderliche felder sind .*markiert.*"
    r"|schreibe einen kommentar.*|tu dirección de correo electrónico no será publicada.*|deja un comentario.*"
    r"|votre adresse (?:e-mail|de messagerie) ne sera pas publiée.*|laisser un commentaire.*"
    # Comment counters and "comments are closed" notices in German, French, Spanish, Italian and Polish.
    r"|(?:vos |leser)?(?:kommentare|réactions|commentaires|comentarios|commenti|komentarze)(?: \(\d+\)| \d+)?"
    r"|(?:hinweis: )?die kommentarfunktion (?:wird|ist) .*(?:geschlossen|deaktiviert).*"
    r"|les commentaires sont fermés.*|los comentarios están cerrados.*|i commenti sono chiusi.*"
)


@_rule(16)
def comment_form(text: str, key: str, words: int) -> bool:
    """Comment forms and counters ("Add comment", "Please enter your comment!") belong to the page, not the story."""
    return words <= 16 and _COMMENT_FORM.match(key) is not None


# Cheap substring guards: a rule's regex runs only on lines that contain one of its stems.


def holds_any(key: str, stems: tuple[str, ...]) -> bool:
    """Whether ``key`` contains one of ``stems``.

    A plain loop: any() over a generator costs about three times as much, on every short line of every page.
    """
    for stem in stems:  # noqa: SIM110 - the loop is the point (see above)
        if stem in key:
            return True
    return False


_POLICY_STEMS = ("comment", "coment", "kommentar", "posting", "submitting", "viewpoint", "repl")
_CAPTCHA_STEMS = ("captcha", "security code", "robot", "verification")
_COPYRIGHT_STEMS = (
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "powered by",
    "creative commons",
    "disclaimer",
    "associate",
    "affiliate",
    "haftung",
    "compensation",
)
# English plus the commonest European spellings: moderation notices look alike in every language.
_POLICY_SUBJECT = re.compile(
    r"\b(?:comments?|commenting|posting|submitting|viewpoints|replies"
    r"|coment[aá]rios?|commentaires?|kommentare?|commenti)\b"
)
_POLICY_TERMS = re.compile(
    r"\b(?:polic(?:y|ies)|guidelines|insults?|libel|moderat\w*|moderad\w*|modér\w*|moderiert\w*|profanity|abusive|offensive|community standards"
    r"|will not be (?:published|disclosed|posted|approved)|respectful|terms of use|be mindful)\b"
)


@_rule(60)
def comment_policy(text: str, key: str, words: int) -> bool:
    """Moderation rules for reader comments are site policy text repeated under every article."""
    if not holds_any(key, _POLICY_STEMS):
        return False
    return _POLICY_SUBJECT.search(key) is not None and _POLICY_TERMS.search(key) is not None


_COUNTER = _full(
    r"rate this (?:item|article|post|story)|\(?\d[\d,.]*\s*(?:votes?|ratings?)\)?"
    r"|read \d[\d,.]* times|(?:\d[\d,.]*[km]?\s*)?(?:views?|reads|shares|likes|hits)(?: \d[\d,.]*[km]?)?"
    r"|viewed \d[\d,.]* times|\d[\d,.]*[km]? (?:people )?(?:viewed|read) this"
)


@_rule(6)
def rating_counter(text: str, key: str, words: int) -> bool:
    """Rating widgets and view counters ("Rate this item", "(0 votes)", "Read 428 times") are live page state."""
    return words <= 6 and _COUNTER.match(key) is not None


_CAPTCHA = re.compile(r"\b(?:re)?captcha\b|^security code\b|i'?m not a robot|verification (?:code|period)")


@_rule(20)
def captcha_notice(text: str, key: str, words: int) -> bool:
    """Captcha prompts guard the comment form; they never carry article text."""
    return holds_any(key, _CAPTCHA_STEMS) and _CAPTCHA.search(key) is not None


_SOCIAL = frozenset(
    "facebook twitter instagram youtube linkedin pinterest reddit whatsapp telegram tumblr flipboard pocket "
    "messenger email e-mail mail print copy link permalink share shares sharing tweet rss feed google+ google "
    "vk snapchat tiktok icon on via this story article options all submit comments sms save".split()
)
_PROMPT = re.compile(
    r"^[\W_]*(?:subscribe|sign up|signup|follow|share|tweet|pin it|like us|join us|get (?:our|the) newsletter"
    r"|newsletter|download (?:our|the) app|get (?:breaking|the latest|more)|stay (?:up to date|informed|connected)"
    r"|click to (?:share|email|print)|email me|get it|(?:view|get) author|e-?mail the author"
    # The same widgets in the commonest European languages (German, Spanish, Portuguese, French, Italian, Polish).
    r"|empfiehl|gefällt mir|compartir|compartilhe|partager|partagez|condividi|udostępnij)\b"
    # "Teilen (mit)" only with nothing but decoration after it. (No lookahead: the guard matches it with RE2.)
    r"|^[\W_]*teilen(?: mit)?\b[\W_]*$"
)
_FOLLOW_NETWORKS = re.compile(
    r"\b(?:facebook|twitter|instagram|youtube|linkedin|telegram|whatsapp|newsletter)\b"
)


@_rule(30)
def share_prompt(text: str, key: str, words: int) -> bool:
    """Subscribe/follow/share prompts and rows of social-network names are site widgets."""
    tokens = key.replace("|", " ").split()
    # A row of network names opens with one (or with decoration): test the first word before all of them.
    first = tokens[0].strip("•·,:;()[]/") if tokens else ""
    if (
        tokens
        and (not first or first in _SOCIAL)
        and all(token.strip("•·,:;()[]/") in _SOCIAL for token in tokens if token.strip("•·,:;()[]/"))
    ):
        return True
    # One match serves both forms: a short prompt, or a longer one that names a network.
    if _PROMPT.match(key) is None:
        return False
    return words <= 12 or (words <= 30 and _FOLLOW_NETWORKS.search(key) is not None)


_NAV_HEADER = _full(
    r"(?:quick|useful|important) links|just watched|must watch|watch next|up next|"
    r"(?:more|other|latest|top|related|recommended|popular|trending|recent|similar|further|featured)"
    r"(?: \w+){0,4}"
    r"|(?:most|best) (?:popular|read|viewed|shared|commented|recent|watched)(?: \w+){0,3}"
    r"|related|read (?:more|next|also)|also read|see (?:more|also)|you (?:may|might) (?:also )?like.*"
    r"|don'?t miss|more:|next|previous|next (?:article|post|story)|previous (?:article|post|story)"
    r"|back to (?:top|gallery|home)|show more|load more|view more|more stories|top stories|in other news"
    r"|what to read next|go to home page.*|skip to (?:content|main content|site index).*|site index"
    r"|replay|more videos.*|(?:« )?previous post(?: next post)?(?: »)?|next post"
)
_MENU_WORD = _full(
    r"menu.*|search.*|home|sections|navigation|breaking news|just watched|must watch|watch (?:now|live)|live"
)
_NAV_PREFIX = re.compile(
    r"^[\W_]*(?:read more|see more|also read|read also|related|more|recommended|watch|listen|read next"
    r"|related (?:article|story|content|post)s?"
    # "Read also:" in the commonest European languages.
    r"|lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|weiterlesen|czytaj (?:też|także|więcej)"
    r"|zobacz (?:też|także|również)|dowiedz się więcej|le[ae] también|leer más|(?:à )?lire aussi|leggi anche"
    r"|leia também|veja também|puedes ver|mira también|ver también|siehe auch"
    r"|les også|læs også|läs också|lees ook)\s*:"
)


_SINGLE_LINK = _full(
    r"next(?: \w+)?|previous(?: \w+)?|back to \w+|show more|load more|view more|go to home page.*"
    r"|skip to .*|site index|replay|(?:« )?previous post(?: next post)?(?: »)?"
)


def is_nav_header(key: str, words: int) -> bool:
    """A navigation heading or link ("Related articles", "Most Popular", "Back to Gallery")."""
    return words <= 6 and _NAV_HEADER.match(key) is not None


def opens_link_list(key: str, words: int) -> bool:
    """A heading that titles a list of links to other pages; single links ("Next", "Back to top") do not."""
    return is_nav_header(key, words) and _SINGLE_LINK.match(key) is None


@_rule(25)
def navigation(text: str, key: str, words: int) -> bool:
    """ "Read more"/"Related"/"More articles" headings and teasers point to other pages, not this story."""
    if is_nav_header(key, words) or (words <= 4 and _MENU_WORD.match(key)):
        return True
    return words <= 25 and _NAV_PREFIX.match(key) is not None


_NEWSLETTER_STEMS = (
    "newsletter",
    "subscri",
    "activation link",
    "inbox",
    "abonn",
    "subskryp",
    "suscr",
    "enter your e",
    "e-mail-adresse",
)
_NEWSLETTER = re.compile(
    r"\b(?:fill (?:in |out )?the form|enter your (?:e-?mail|email address)|your e-?mail address"
    r"|(?:successfully|succesfully) (?:subscribed|signed up)|thank you for (?:subscribing|signing up)"
    r"|activation link|confirm your (?:subscription|e-?mail)|check your inbox"
    r"|(?:subscribe|sign up) (?:to|for) (?:our|the) (?:\w+ )?newsletters?"
    # German, Polish, Spanish, French sign-up prompts.
    r"|unsubscribe at any time|(?:unserem|unseren|zum|den) (?:\w+ )?newsletter|abonnieren sie|jetzt abonnieren|e-?mail-adresse eingeben|do subskrypcji|suscr[ií]bete|abonnez-vous)\b"
)


@_rule(40)
def newsletter_form(text: str, key: str, words: int) -> bool:
    """Newsletter sign-up forms and their confirmations ("You have successfully subscribed") are site widgets."""
    return holds_any(key, _NEWSLETTER_STEMS) and _NEWSLETTER.search(key) is not None


_COOKIE = re.compile(r"\bcookies?\b")
_COOKIE_TERMS = re.compile(r"\b(?:use|uses|accept|policy|consent|preferences|settings|browsing|agree)\b")


@_rule(60)
def cookie_notice(text: str, key: str, words: int) -> bool:
    """Cookie banners and policies are legal notices of the site."""
    return "cookie" in key and _COOKIE.search(key) is not None and _COOKIE_TERMS.search(key) is not None


_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)|all rights reserved|\bpowered by\b"
    # The other legal notices a site prints under every page: a licence, a disclaimer, affiliate terms.
    r"|\bcreative commons\b|^[\W_]*disclaimer\b|\b(?:amazon )?(?:services llc )?associates? program\b"
    r"|\baffiliate (?:links?|commissions?|programs?|partner)\b|\bmay (?:receive|earn) (?:a )?(?:small )?(?:compensation|commission)"
    r"|\bkeine haftung\b"
)


@_rule(25)
def copyright_footer(text: str, key: str, words: int) -> bool:
    """Copyright, licence, disclaimer, affiliate and "powered by" footers close every page of the site."""
    return holds_any(key, _COPYRIGHT_STEMS) and _COPYRIGHT.search(key) is not None


_ADVERT = _full(
    r"advertisements?|advert|ads?|ad choices|adchoices|sponsored(?: content| links?| stories)?|promoted"
    r"|paid content|partner content|continue reading(?: the main story| below)?|supported by"
    r"|(?:story|article) continues below.*|scroll to continue.*|thanks for watching.*"
)


@_rule(10)
def advertisement(text: str, key: str, words: int) -> bool:
    """Advertisement slots and their labels ("Advertisement", "Supported by") interrupt the text."""
    return words <= 10 and _ADVERT.match(key) is not None


_LOGIN = _full(
    r"(?:log ?in|sign ?in|sign out|log ?out|register|my account|create (?:an )?account)"
    r"(?:(?: ?/ ?| or | )(?:log ?in|sign ?in|register|subscribe))*"
    r"|subscribe(?: now| today)?|to (?:read|view|see) the (?:full|whole|rest of the) (?:story|article).*"
    r"|(?:.* )?already (?:a )?(?:subscriber|member)\b.*(?:log ?in|sign ?in).*|already a subscriber.*"
    r"|if you would like to (?:add a )?comment.*|(?:subscribe|register) (?:to|for) (?:continue|read).*"
)


@_rule(20)
def login_prompt(text: str, key: str, words: int) -> bool:
    """Login, registration and paywall prompts belong to the site account system."""
    return words <= 20 and _LOGIN.match(key) is not None


_TAGS = re.compile(
    r"^[\W_]*(?:tags?|topics?|categories|category|filed under|keywords|related topics|posted in|terms)\b"
    r"\s*:?"
)


@_rule(30)
def tag_list(text: str, key: str, words: int) -> bool:
    """Tag and category lists index the site; they are not sentences of the story."""
    match = _TAGS.match(key)
    if words > 30 or match is None or key.rstrip().endswith("."):
        return False
    # A singular "Tag" without a colon and with two words or more after it is a phrase ("Tag des offenen
    # Denkmals", German for "day"), not a label: a list is "Tags ...", "Tag: ..." or the label alone.
    return not (match.group().strip(" \t").endswith("tag") and words >= 3)


# A blog's post footer ("This entry was posted in News and tagged x. Bookmark the permalink."), in the
# languages WordPress prints it in most often on cleaning-train.
_POST_META = re.compile(
    r"^[\W_]*(?:this (?:entry|post) was posted (?:in|on)|bookmark the permalink"
    r"|(?:dieser|der) (?:eintrag|beitrag) wurde (?:.{0,40} )?(?:veröffentlicht|abgelegt)|lesezeichen (?:für|setzen)"
    r"|cette entrée a été publiée|esta entrada (?:fue publicada|se publicó)|questa voce è stata pubblicata"
    r"|ten wpis (?:został opublikowany|opublikowano)|este artigo foi publicado)\b"
)


@_rule(60)
def post_meta(text: str, key: str, words: int) -> bool:
    """A blog post's footer ("This entry was posted in ... and tagged ...") indexes the site, it is no text."""
    return _POST_META.match(key) is not None


# Invitations to write to the paper, in English, German, French and Spanish.
_LETTERS_STEMS = (
    "letter to the editor",
    "letters to the editor",
    "leserbrief",
    "courrier des lecteurs",
    "carta al director",
)
_LETTERS = re.compile(
    r"\b(?:submit|send|write) (?:us )?(?:a|your) letters? to the editor|letters? to the editor (?:via|using) this form"
    r"|leserbrief (?:schreiben|senden|einreichen)|schreiben sie (?:uns )?einen leserbrief"
    r"|écri(?:re|vez) au courrier des lecteurs|envíe? (?:una|su) carta al director"
)


@_rule(40)
def letters_prompt(text: str, key: str, words: int) -> bool:
    """ "Submit a letter to the editor" invites the reader to write to the site: a widget under every story."""
    return holds_any(key, _LETTERS_STEMS) and _LETTERS.search(key) is not None


_MEDIA = _full(
    r"enlarge (?:image|photo)|view (?:all|gallery|photos?|slideshow)(?: \(\d+\))?|\d+ of \d+|image/\S+"
    r"|created with sketch\.?|fill \d+(?: copy \d+)?|play video|watch video|video|photo|image|getty(?: images)?"
    r"|hide caption|toggle caption|expand|close|open|report|×|✕|x|…|\.\.\.|,|/|\|"
)


@_rule(6)
def media_widget(text: str, key: str, words: int) -> bool:
    """Gallery and player controls ("Enlarge Image", "View all (23)") are leftovers of interactive widgets."""
    return words <= 6 and _MEDIA.match(key) is not None


_BARE_NUMBER = re.compile(r"^[\W_]*[\d.,:/%+-]+[\W_]*$")


@_rule(12)
def bare_number(text: str, key: str, words: int) -> bool:
    """A line that is only a number is a list index, a counter or an id, never a sentence."""
    return _BARE_NUMBER.match(key) is not None and any(ch.isdigit() for ch in key)


_URL_LINE = re.compile(
    r"^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$|^\[javascript protected email address\]$|^\[email protected\]$"
)


@_rule(3)
def url_line(text: str, key: str, words: int) -> bool:
    """A bare URL or e-mail address on its own line is page furniture (permalink, contact)."""
    return _URL_LINE.match(key) is not None


_CAPTION_START = re.compile(
    r"(?:image|photo|picture|pictured|file photo|photograph|credit|caption)s?\s*:"
    # "Foto:", "Bild:", "Imagen:" ...: the same credit in other European languages.
    r"|(?:foto|bild|bilder|imagen|immagine|zdjęcie|fotografía|cr[ée]dits? photos?)s?\s*:"
    r"|(?:photo|image|picture)s? (?:by|courtesy|credit|caption|copyright)\b"
    r"|\d+ of \d+ (?=\S)",
    re.IGNORECASE,
)
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
# A caption that ends with its credit after a sentence ("... the school year. Foto: Andina").
_CREDIT_TAIL = re.compile(
    r"(?:^|[.!?]\s+)(?:foto|bild|photo|image|imagen|immagine|zdjęcie|credit)s?\s*:\s*(?:[^.!?:]|\.(?=\S)){1,50}$",
    re.IGNORECASE,
)
_CREDIT_TAIL_CHARS = 70
# Credits sit at the end of a caption; searching only its tail keeps long lines cheap.
_CAPTION_TAIL_CHARS = 160


@_rule(45, "caption")
def photo_caption(text: str, key: str, words: int) -> bool:
    """Photo captions and credits ("(Image: GETTY)", "Photo by X/Getty Images") describe pictures."""
    if _CAPTION_START.match(text):
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
    if ":" in tail[-_CREDIT_TAIL_CHARS:] and _CREDIT_TAIL.search(tail[-_CREDIT_TAIL_CHARS:]) is not None:
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


_BYLINE = re.compile(
    r"^(?i:by|written by|posted by|reported by|words by|von|par|por|di)\s+(?:[A-Z\u00c0-\u024f@]|\w+\s+[A-Z])"
    r"|^(?i:author|autor|auteur|reporter|correspondent)s?\s*:"
    r"|^(?i:by)$",
)
_HANDLE_BYLINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+@\w+\b")


# The "By"/"Von" form's prefix, for ``_names_people``.
_BY_PREFIX = re.compile(r"^(?i:by|written by|posted by|reported by|words by|von|par|por|di)\s+")
# Where a byline's names end: a separator, a bracket, a digit (its date), an e-mail address, or a connector
# to its date, place, outlet or agency ("on May 3", "am 3. Mai", "in Arusha", "for MailOnline", "mit AP").
_NAMES_END = re.compile(
    r"\s[-–—]\s|[:|,/·•(;\d]|\s\S*@|\s(?:on|am|um|at|in|for|with|mit|via|published|updated|last|le|el|il)\b"
)
# Lower-case words inside a name ("Ursula von der Leyen", "Fanny Guénon des Mesnards") or joining two.
_NAME_PARTICLES = frozenset(
    "von van der den des de la le du da di del della dos das ten ter zu y e et and und & bin al el".split()
)
# A line of this many words or fewer after a "By"/"Von" prefix stays a byline whatever its words: a short
# credit may print a name in lower case ("By Cindy mangomini").
_SHORT_BYLINE_WORDS = 4


def _names_people(text: str, words: int) -> bool:
    """A "By"/"Von" line's words up to its date, place or separator are names: capitalised words and name
    particles. A headline opening with the preposition ("Von München bis Aachen: ...", "Von der Leyen will
    ...") holds a lower-case word there (a preposition or a verb) after its first word; the first may be a
    lower-case "von unserem Korrespondenten" or "by staff"."""
    prefix = _BY_PREFIX.match(text)
    if prefix is None or words <= _SHORT_BYLINE_WORDS:
        return True
    rest = text[prefix.end() :]
    end = _NAMES_END.search(rest)
    names = (rest[: end.start()] if end is not None else rest).split()
    return all(not word[0].islower() or word in _NAME_PARTICLES for word in names[1:])


@_rule(14, "byline")
def byline(text: str, key: str, words: int) -> bool:
    """Author lines ("By Jane Doe", "Jane Doe @jdoe / 2 days") credit the writer; they are metadata."""
    if words > 14 or (text.rstrip().endswith((".", "!", "?")) and not text.rstrip().endswith(" ...")):
        return False
    if _BYLINE.match(text) is not None:
        return _names_people(text, words)
    # The handle form holds an "@": a line without one skips its backtracking match.
    return "@" in text and _HANDLE_BYLINE.match(text) is not None


_NEWS_ID = re.compile(
    r"^(?:news|story|article|content|post)\s*(?:id|code|no\.?|number)\s*[:#]?\s*(?P<id>[\w-]{2,40})$",
    re.IGNORECASE,
)


def news_id_of(text: str) -> str | None:
    """The id printed on a "News ID: 425867" / "Story code: 1234" line."""
    match = _NEWS_ID.match(text)
    return match["id"] if match else None


# A share row's first word, as ``share_prompt`` reads it (split on spaces and "|", stripped of decoration):
# a network's name or nothing. Spaces are ``\s`` here and str.isspace() there: the same characters.
_SOCIAL_ROW_START = re.compile(
    r"[\s|]*[•·,:;()\[\]/]*(?:"
    + "|".join(re.escape(word) for word in sorted(_SOCIAL, key=len, reverse=True))
    + r")?[•·,:;()\[\]/]*(?:[\s|]|$)"
)


# The fast path of ``rule_dispatch.first_rule``. Each rule named here claims a line only when one of its patterns matches
# the line's key at its start (its test above requires one), so one combined match that fails rules them
# all out at once: most lines are text, which no rule claims. A rule not named here always runs its test.
# Changing a named rule's test to claim lines none of its patterns match means changing its entry too.
KEY_GUARDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "comment_form": (_COMMENT_FORM,),
    "rating_counter": (_COUNTER,),
    "share_prompt": (_SOCIAL_ROW_START, _PROMPT),
    "navigation": (_NAV_HEADER, _MENU_WORD, _NAV_PREFIX),
    "advertisement": (_ADVERT,),
    "login_prompt": (_LOGIN,),
    "tag_list": (_TAGS,),
    "post_meta": (_POST_META,),
    "media_widget": (_MEDIA,),
    "bare_number": (_BARE_NUMBER,),
    "url_line": (_URL_LINE,),
}


# Likewise each rule named here claims a line only when its key holds one of these stems (its test above
# tests them first), so one search that finds none rules them all out.
STEM_GUARDS: dict[str, tuple[str, ...]] = {
    "comment_policy": _POLICY_STEMS,
    "captcha_notice": _CAPTCHA_STEMS,
    "newsletter_form": _NEWSLETTER_STEMS,
    "cookie_notice": ("cookie",),
    "letters_prompt": _LETTERS_STEMS,
    "copyright_footer": _COPYRIGHT_STEMS,
}


# Rules the cleaner applies by a line's position and neighbours rather than its own text. Names are
# stable: they are stored with every line decision and shown by the API and the CLI.
STRUCTURAL_RULES: dict[str, str] = {
    "news_id": 'A "News ID: 425867" line carries the outlet\'s id of the story: metadata, not text.',
    "bundle_chrome": "A line repeated across several articles of one bundle is that site's chrome.",
    "link_list": 'Short unpunctuated lines under a "Related"/"Most popular" heading link to other pages.',
    "repeated_line": "A sentence-long line printed three or more times is a template (gallery caption, promo).",
    "comment_section": "Everything after a comment form that follows the article is reader comments.",
    "article_region": "A line inside the densest run of prose (or the extractor's main content) is the article.",
    "crosshead": "A short heading-like line inside the article, followed by prose, is a subheading.",
    "name_caption": "A short Title-Case name that the next paragraph repeats labels a picture.",
    "preformatted": "A line the page's markup prints in a code block (<pre>) inside the extractor's main content"
    " is code, not page chrome: it is kept whatever the line rules would say.",
    "colon_list": 'Lines printed directly under a last paragraph ending in ":" are the list it introduces.',
    "headline": "The best-scored line above the article (length, shape, repeats, overlap with the lead).",
    "title_hint": "The title the bundle states next to the text (JSON/CSV field or the HTML <h1>).",
    "title_repeat": "A later printing of the headline (page title, breadcrumb, share text).",
    "title_with_site": 'The headline with the site name ("Headline | Site"): the page <title>.',
    "standfirst": "The sentence right under the headline, printed once and not the headline again, opens the"
    " story although it stands above the byline.",
    "kicker": 'A short line ending in ":" right above the article is the story\'s kicker (rubric).',
    "date_line": "A short line above the article that prints a date is the dateline, metadata.",
    "header_chrome": "Other lines above the article are the page header: menus, section names, teasers.",
    "above_headline": "In an extractor's main content, a prose line above a headline printed inside it is"
    " the story's opening, not page header: the extractor already cut the header away.",
    "trailing_chrome": "Lines after the article's last paragraph are page footer and widgets.",
    "author_box": "One of the story's last paragraphs that opens with the writer's name (from the byline or a"
    ' name line just above it) or follows an "About the author" heading is the site\'s author box.',
    "trailing_island": "After the line model, a line or three kept below the story past two or more dropped"
    " lines, with under 12 % of the story's text, is a teaser, author box, pitch or comment.",
    "far_island": "After the line model, text kept below the story past 18 or more dropped lines, most of them"
    " region lines the model rejected (a feed, a thread, a second story, a footer), with under 60 % of the story's"
    " text, is not the story.",
    "closing_notice": "After the line model, the story's last line, when short and it speaks of the site"
    " (newsletter, subscription, paywall, advertising words; not privacy or consent words alone), is the site's"
    " notice, not the story.",
    "related_run": "After the line model, three or more kept headline-like lines (under 20 words, no sentence"
    ' end or closing colon) within 12 lines under a "Related" / "Mehr zum Thema" label list other pages.',
    "dated_run": "After the line model, three or more kept lines in a row that each open with a date (with an"
    ' archive\'s "January 2020" headings among them) are a feed of teasers or archive entries, not the story.',
    "related_label": 'After the line model, a kept label that titles other pages\' headlines ("Mehr zum Thema",'
    ' "Lesen Sie auch", "Related articles", an icon font\'s name before it or not) is no part of the story.',
    "story_hole": "After the line model, a line it dropped alone between two kept lines, printed once on the"
    " page, with no notice words, no pipe and at most 3 digits, is the story's crosshead or list item: kept.",
    "kept_repeat": "After the line model, a kept paragraph of 6 or more words that a kept line above already"
    " printed (a teaser, summary box or caption printing it again, a pitch under each widget) is dropped.",
    "lead_under_headline": "After the line model, the sentence under the headline's byline, date or picture"
    " credit, printed once (or again only as the story's own teaser, under the headline printed again) and not"
    " the headline again, opens the story although it stands in the header.",
    "header_hole": "After the line model, a header line alone between two header paragraphs the model kept"
    " (the region started below the story's opening), printed once, with no notice words, no pipe and at most"
    " 3 digits, is the story's crosshead.",
    "skipped_story": "After the line model, the prose the region's start skipped as a standfirst (above a byline,"
    " date or share row) is the story when it holds more text than everything kept below the marker: the"
    " marker was the story's closing share row.",
    "standfirst_notice": "After the line model, a standfirst that names the site's cookies, consent, JavaScript"
    " or browser is the site's notice, not the story's opening.",
    "aside": "After the line model, an author box under its heading, a picture credit, an agency's or picture's"
    ' signature alone on its line ("aja/PAP", "iStock/Name"), a disclaimer or affiliate disclosure, a reading'
    " time or a tag list kept inside the story is the site's aside.",
    "gallery": "After the line model, a picture gallery's slides (3 or more lines opening with counters of one"
    ' count numbered one after another, "12/50 ...", "3 of 8 ...") and the lines between them, up to the last'
    " slide's end, are other pictures' titles and captions, not the story.",
    "numbered_section": "After the line model, a dropped heading of the story's numbered sections (3 or more lines"
    ' opening "1.", "2.", ... one after another, standing 2 or more lines apart, with a kept line among them or'
    " starting at most 10 lines under the story's last kept line; not a comment or a link list) is the story's.",
    "default": "A line no rule decided stays in the body (nothing is dropped without a named reason).",
    "line_model": "The learned line scorer (make train) overruled the rules' keep-or-drop verdict; the rule is"
    " recorded as line_model:<feature>, the feature that pushed hardest towards the decision.",
}


def rule_catalogue() -> dict[str, str]:
    """Every rule name the cleaner can record, with why it decides as it does."""
    return {**{rule.name: rule.why for rule in RULES}, **STRUCTURAL_RULES}
