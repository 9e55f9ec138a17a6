"""Line rules for the site's forms and prompts: comment forms and policies, counters, captchas, share rows,
menus, newsletter, cookie, copyright, advert and login lines."""

from __future__ import annotations

import re

from newsdrop.text.rule_registry import LineRule, full_key, holds_any, registrar

PROMPT_RULES: list[LineRule] = []
_rule = registrar(PROMPT_RULES)

_COMMENT_FORM = full_key(
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
# English plus the commonest European spellings: moderation notices look alike in every language. (Each word
# opens with its first letter and looks back for the word boundary before it, the same matches as
# ``\b(?:comments?|...)\b``: the scan jumps between those letters instead of trying every word at every character.)
_POLICY_SUBJECT = re.compile(
    r"(?:c(?<!\wc)(?:omments?|ommenting|oment[aá]rios?|ommentaires?|ommenti)|p(?<!\wp)osting|s(?<!\ws)ubmitting"
    r"|v(?<!\wv)iewpoints|r(?<!\wr)eplies|k(?<!\wk)ommentare?)\b"
)
_POLICY_TERMS = re.compile(
    r"(?:p(?<!\wp)(?:olic(?:y|ies)|rofanity)|g(?<!\wg)uidelines|i(?<!\wi)nsults?|l(?<!\wl)ibel"
    r"|m(?<!\wm)od(?:erat\w*|erad\w*|ér\w*|eriert\w*)|a(?<!\wa)busive|o(?<!\wo)ffensive|c(?<!\wc)ommunity standards"
    r"|w(?<!\ww)ill not be (?:published|disclosed|posted|approved)|r(?<!\wr)espectful|t(?<!\wt)erms of use"
    r"|b(?<!\wb)e mindful)\b"
)


@_rule(60)
def comment_policy(text: str, key: str, words: int) -> bool:
    """Moderation rules for reader comments are site policy text repeated under every article."""
    if not holds_any(key, _POLICY_STEMS):
        return False
    return _POLICY_SUBJECT.search(key) is not None and _POLICY_TERMS.search(key) is not None


_COUNTER = full_key(
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


_NAV_HEADER = full_key(
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
_MENU_WORD = full_key(
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


_SINGLE_LINK = full_key(
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


_NOTICE = (
    r"^(?:©|\(c\)|copyright\b)|all rights reserved"
    # The other legal notices a site prints under every page: a licence, a disclaimer, affiliate terms.
    r"|\bcreative commons\b|^[\W_]*disclaimer\b|\b(?:amazon )?(?:services llc )?associates? program\b"
    r"|\baffiliate (?:links?|commissions?|programs?|partner)\b|\bmay (?:receive|earn) (?:a )?(?:small )?(?:compensation|commission)"
    r"|\bkeine haftung\b"
)
_COPYRIGHT = re.compile(_NOTICE + r"|\bpowered by\b")
_COPYRIGHT_NOTICE = re.compile(_NOTICE)
# A "powered by" credit: the line or one of its parts opens with it, after a label of a few words at most
# ("Proudly powered by X", "© Site | Powered by X", "Comments powered by X", "A newsroom, powered by X").
_POWERED_BY_CREDIT = re.compile(
    r"(?:^|[|·•©]|[.!?] )\s*(?:[\w'-]+ ){0,4}powered by\b|(?:, |\()powered by\b|\bcomments powered by\b"
)


@_rule(25)
def copyright_footer(text: str, key: str, words: int) -> bool:
    """Copyright, licence, disclaimer, affiliate and "powered by" footers close every page of the site."""
    return holds_any(key, _COPYRIGHT_STEMS) and _COPYRIGHT.search(key) is not None


def powered_by_in_prose(key: str) -> bool:
    """A line ``copyright_footer`` claims for a "powered by" deep inside it, no credit's shape and no other
    notice: a headline's or a sentence's words ("Here Are 6 Gadgets Powered by Alexa", "... a revolution
    powered by AI"), not a footer. (The rule itself keeps its wider claim: narrowing it moves the line model's
    training rows and, retrained, the ranker's near ties by more than the headline gains.)"""
    return (
        "powered by" in key
        and _COPYRIGHT_NOTICE.search(key) is None
        and _POWERED_BY_CREDIT.search(key) is None
    )


_ADVERT = full_key(
    r"advertisements?|advert|ads?|ad choices|adchoices|sponsored(?: content| links?| stories)?|promoted"
    r"|paid content|partner content|continue reading(?: the main story| below)?|supported by"
    r"|(?:story|article) continues below.*|scroll to continue.*|thanks for watching.*"
)


@_rule(10)
def advertisement(text: str, key: str, words: int) -> bool:
    """Advertisement slots and their labels ("Advertisement", "Supported by") interrupt the text."""
    return words <= 10 and _ADVERT.match(key) is not None


_LOGIN = full_key(
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


# A share row's first word, as ``share_prompt`` reads it (split on spaces and "|", stripped of decoration):
# a network's name or nothing. Spaces are ``\s`` here and str.isspace() there: the same characters.
_SOCIAL_ROW_START = re.compile(
    r"[\s|]*[•·,:;()\[\]/]*(?:"
    + "|".join(re.escape(word) for word in sorted(_SOCIAL, key=len, reverse=True))
    + r")?[•·,:;()\[\]/]*(?:[\s|]|$)"
)


# These rules' entries in ``rules.KEY_GUARDS`` and ``rules.STEM_GUARDS`` (what each rule's test requires first).
PROMPT_KEY_GUARDS: dict[str, tuple[re.Pattern[str], ...]] = {
    "comment_form": (_COMMENT_FORM,),
    "rating_counter": (_COUNTER,),
    "share_prompt": (_SOCIAL_ROW_START, _PROMPT),
    "navigation": (_NAV_HEADER, _MENU_WORD, _NAV_PREFIX),
    "advertisement": (_ADVERT,),
    "login_prompt": (_LOGIN,),
}
PROMPT_STEM_GUARDS: dict[str, tuple[str, ...]] = {
    "comment_policy": _POLICY_STEMS,
    "captcha_notice": _CAPTCHA_STEMS,
    "newsletter_form": _NEWSLETTER_STEMS,
    "cookie_notice": ("cookie",),
    "copyright_footer": _COPYRIGHT_STEMS,
}
