"""HTML path: the site's lines under the story that the chosen main content ends with: notices, boxes, a lead-in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from newsdrop.text.cleaner.cues_notice import notice_stems
from newsdrop.text.cleaner.lines import _ends_sentence, _reads_as_prose
from newsdrop.text.cleaner.pitch_tail import addresses_reader
from newsdrop.text.extraction import _key
from newsdrop.text.line_keys import count_words, normalize_line_key
from newsdrop.text.main_edits import bare_key
from newsdrop.text.prompt_rules import opens_link_list

# A lead-in names what follows it in a clause: "Mehr zur Lage lesen Sie in unserem Liveblog:", "More on this:".
# A longer line that ends with a colon is a paragraph that quotes or lists after it.
_LEAD_IN_MAX_WORDS = 20
_COLONS = (":", "\uff1a")


def without_dangling_lead_in(main_lines: list[str]) -> list[str]:
    """The main content without a last line that leads into something it no longer holds: a line of at most
    ``_LEAD_IN_MAX_WORDS`` words that ends with a colon ("Mehr zur Lage im Nahen Osten lesen Sie in unserem
    Liveblog:", "Mehr Themen auf ...:", "See photos from this story:"). The extractor dropped the box, list or
    embed it introduced (a live blog's teaser, a gallery, other stories' links) and kept its label; the story's
    own lead-in has its list or quote under it. A main content that is that one line is left whole."""
    if len(main_lines) < 2:
        return main_lines
    last = main_lines[-1].rstrip()
    if last.endswith(_COLONS) and count_words(last) <= _LEAD_IN_MAX_WORDS:
        return main_lines[:-1]
    return main_lines


# A closing notice is a line or two of the site's: longer lines under the story are its own paragraphs.
_NOTICE_MAX_CHARS = 300
# ... except a pitch that opens with its call to the reader ("If you enjoyed this article, we have a proposition
# for you: Join ...", "Follow @... on Twitter to keep up with ... Prices are subject to change ..."): the site's
# whole paragraph, up to this long.
_PITCH_MAX_CHARS = 600
# A label between or under the notices ("Thank you", "Something to Consider", "(dmk)"): this many words at most,
# no sentence end.
_LABEL_MAX_WORDS = 4
# A widget's status line among the notices ("Please wait...", "Thanks!", "Loading…"): as short as a label,
# trailing off or exclaiming.
_STATUS_ENDS = ("!", "...", "…")


# The site's call to the reader under a story, in the corpus's main languages: to click or listen on, to follow
# the site, to rate or support the article, to send a story, a comment or an error; and a widget's error line.
_READER_CALL = re.compile(
    r"\b(?:click here|klicken sie hier|cliquez ici|haga clic|clicca qui"
    r"|follow us|follow @|folgen sie uns|folgst du|suivez-nous|síguenos"
    r"|follow (?:the|our) [^.]{1,60}? on (?:facebook|twitter|instagram|linkedin|youtube|tiktok)\b"
    r"|if you (?:enjoyed|liked) this|hat ihnen (?:dieser|der|unser) (?:artikel|beitrag|text) gefallen"
    r"|do you have a (?:story|tip)|tell us what you think|would you like to comment"
    r"|fehler gefunden|an error has occurred|please try again|try again later|ein fehler ist aufgetreten"
    r"|listen back|delivered (?:through|to) your|get in touch with (?:us|our)|e-?mail(?:ing)? us at"
    r"|for more stories like (?:this|these)"
    # An app's download prompt: "Now check your email ... to download your new app.", "Download our app".
    r"|download (?:our|the|your(?: new)?) (?:free )?app\b"
    # A call to pass the piece on: "Recommend this article to ...", "Share this story with your friends",
    # "Teilen Sie diesen Artikel", "Partagez cet article", "Comparte este artículo", "Condividi questo articolo".
    r"|(?:recommend|share) this (?:article|story|post) (?:to|with)\b|(?:empfehlen|teilen) sie diesen (?:artikel|beitrag)"
    r"|partagez cet article|comparte (?:este artículo|esta nota)|condividi questo articolo"
    # The writer's address to write to: "Write to Jane Doe at jane.doe@example.com".
    r"|write to [^@]{1,60} at \S+@\S+)"
)
# The story's sources credited on their own line under it: a label and what it names ("SOURCE: News agencies",
# "Quelle: AFP", "Kilde: Helsenorge.no"; the label alone, "Sources:", heads a list the story cites), or the wire's
# and reporters' share ("With files from The Associated Press", "Additional reporting by ...").
# An e-mail address: a line that gives one and addresses the reader is the site's invitation to write in.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w[\w.]*")
# An address the line gives (an e-mail or a web address): its names are no words of the line.
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.\w[\w.]*|\b(?:https?://|www\.)\S+")
_SOURCE_CREDIT = re.compile(
    r"^(?:(?:sources?|quellen?|fuentes?|fontes?|fonti?|kilder?|källa|källor|źródł[oa]|bron(?:nen)?) ?: ?\S"
    r"|(?:with (?:files|reports|information|additional reporting) from|(?:additional )?reporting by"
    r"|con información de|mit material von)\b)"
)
_SOURCE_CREDIT_MAX_WORDS = 16
# The reporters' share credited at the story's end: "Keith Bradsher contributed reporting from Hong Kong.",
# "Associated Press writers A, B and C contributed to this report." (a list of names runs longer).
_CONTRIBUTED = re.compile(
    r"\bcontributed (?:reporting|to this (?:report|story|article))\b|\ba contribué à (?:cet|ce) (?:article|reportage)\b"
)
_CONTRIBUTED_MAX_WORDS = 40
# The site's free-trial offer: "2 Wochen kostenlos testen", "Start your free trial", "Essai gratuit".
_FREE_TRIAL = re.compile(
    r"\b(?:kostenlos|gratis|unverbindlich) testen|\bfree trial|\btry (?:it )?(?:for )?free\b"
    r"|\bessai gratuit|\bprueba gratu?i|\bprova gratu?i|\bteste grátis|\bprøv gratis|\bdarmowy okres"
)


def without_closing_notices(main_lines: list[str], witness_kept: frozenset[str]) -> list[str]:
    """The main content without the site's notices under the story's last paragraph: a subscription or
    newsletter pitch, a paywall's "La suite est réservée aux abonnés", a reprint-rights notice.

    Walking up from the last line, a notice line speaks of the site (``cues_notice.notice_stems``: the stems
    of subscription, newsletter, consent and advertising words, each opening a word), is at most
    ``_NOTICE_MAX_CHARS`` long (``_PITCH_MAX_CHARS`` when it opens with a call to the reader), the line
    cleaner dropped it on the page's own text (``witness_kept``, the line model's verdict: a story's closing
    sentence that happens to say "privacy" it keeps), and none of its stems is a word of the story above it
    (a story about newsletters or ad blocking ends on its topic).
    A call to the reader (``_READER_CALL``: click here, follow us, if you enjoyed this, a widget's error
    line, the writer's address to write to), a free-trial offer (``_FREE_TRIAL``) or a source credit
    (``_SOURCE_CREDIT``: "Quelle: AFP"; ``_CONTRIBUTED``: "X contributed to this report.") the witness dropped is such a notice too, whatever the story's words. Short labels without a
    sentence end between and under the notices go with them; the walk stops at the first other line.
    Nothing is dropped without a notice, nor the main content's every line.
    """
    run: list[int] = []
    notices = 0
    for index in range(len(main_lines) - 1, -1, -1):
        line = main_lines[index]
        key = normalize_line_key(line)
        dropped = line not in witness_kept and (
            len(line) <= _NOTICE_MAX_CHARS or (len(line) <= _PITCH_MAX_CHARS and _opens_with_call(key))
        )
        # A notice word read inside an address ("adblocking@..." for the stem "adblock") names a mailbox or
        # a site, not the line's topic.
        stems = notice_stems(_without_addresses(key)) if dropped else ()
        if stems:
            above = " ".join(normalize_line_key(other) for other in main_lines[:index])
            stems = () if _opens_a_word(stems, above) else stems
        if (
            stems
            or (dropped and (_READER_CALL.search(key) or _FREE_TRIAL.search(key) or _source_credit(key)))
            or _invites_mail(line, key)
        ):
            notices += 1
        elif not (
            count_words(line) <= _LABEL_MAX_WORDS
            and (line.rstrip()[-1:] not in ".!?" or line.rstrip().endswith(_STATUS_ENDS))
        ):
            break
        run.append(index)
    if not notices or len(run) == len(main_lines):
        return main_lines
    return main_lines[: len(main_lines) - len(run)]


def _without_addresses(key: str) -> str:
    """The line key without the e-mail and web addresses it gives (``_ADDRESS``)."""
    return _ADDRESS.sub(" ", key) if "@" in key or "www." in key or "http" in key else key


def _invites_mail(line: str, key: str) -> bool:
    """The site's invitation to write in: a line of at most ``_NOTICE_MAX_CHARS`` that gives an e-mail address
    and addresses the reader ("We'd like to hear what you think ... here's our email: letters@...", "Senden
    Sie uns Ihr Feedback ... an: briefe@..."). The witness may keep it (it reads as a sentence): the address
    and the reader addressed are the site's, not the story's."""
    return (
        len(line) <= _NOTICE_MAX_CHARS
        and _EMAIL.search(line) is not None
        and (addresses_reader(line) or _READER_CALL.search(key) is not None)
    )


def _opens_with_call(key: str) -> bool:
    """A line whose first words call on the reader (``_READER_CALL`` at its start): a pitch paragraph."""
    return _READER_CALL.match(key) is not None


def _source_credit(key: str) -> bool:
    """A line that credits the story's source: a label, a colon and a few words (``_SOURCE_CREDIT``), or the
    reporters who contributed (``_CONTRIBUTED``)."""
    if _SOURCE_CREDIT.match(key) is not None and count_words(key) <= _SOURCE_CREDIT_MAX_WORDS:
        return True
    return _CONTRIBUTED.search(key) is not None and count_words(key) <= _CONTRIBUTED_MAX_WORDS


def _opens_a_word(stems: tuple[str, ...], text: str) -> bool:
    """Whether one of ``stems`` opens a word of ``text`` ("werbung" in "die werbung", not in "bewerbungen")."""
    return any(re.search(r"(?<!\w)" + re.escape(stem), text) for stem in stems)


# A box of the site's under the story (a pitch, an app or follow prompt, a reading list) is a few short lines.
_BOX_MAX_LINES = 10
# One line past the witness's region is as often the story's last (a pointer to the video below, the maker's
# site) as the footer's first: the footer is cut from two lines on (both halves of cleaning-train's HTML view).
_FOOTER_MIN_LINES = 2
# On markup without class names, the witness's end of the story is taken at a label over a box of this many lines
# (with the label) at least, and a label is at most this many words, no paragraph. Under make eval-perturbed's
# "all" 5 words gained dev +0.009, fun +0.018, rdb +0.008 in page F1 over cutting nothing; 8 words also cut a
# feature's second half after a crosshead of 6 (rdb -0.3 on one page); boxes of 2 lines cut a review's "Wrap-up".
_UNNAMED_MIN_LINES = 3
_UNNAMED_LABEL_MAX_WORDS = 5
# On such markup trafilatura reads on through the whole layout cell the story sits in: the site's lines under the
# story (an author box, a news service's pitch, the footer's address and links), none of them kept by the witness.
# A run of this many lines at least under the witness's last kept line is that cell's rest, not the story's, when
# labels (``_label``) make up this share of it at least; from a line the witness put past the story's end a smaller
# share (``_CELL_AFTER_LABEL_SHARE``) suffices. Over make eval-perturbed's "all" (219 body pages, simulated on the
# captured main content) the two gained 18 pages (page F1 summed: dev +0.03, fun +0.67, rdb +0.12) and lost two
# (-0.014, -0.023); half for both gained fun +0.43 only; 40% for both also cut a story's closing spec list (-0.11);
# 3 lines cut a story's last paragraph under an ad box's two labels (-0.08); from the witness's footer line on
# alone, a share of its lines past the end instead of labels cut a product list and a feature's end (-0.23, -0.12).
_CELL_REST_MIN_LINES = 4
_CELL_REST_LABEL_SHARE = 0.5
_CELL_AFTER_LABEL_SHARE = 0.4


def _cell_rest(lines: Sequence[str], share: float) -> bool:
    """Lines under the story that are the rest of its layout cell: ``_CELL_REST_MIN_LINES`` at least, labels
    (``_label``) ``share`` of them at least."""
    return len(lines) >= _CELL_REST_MIN_LINES and sum(map(_label, lines)) >= share * len(lines)


def _label(line: str) -> bool:
    """A short line that is no paragraph: a credit, an ad's label, a section's heading, a date."""
    words = count_words(line)
    return words <= _UNNAMED_LABEL_MAX_WORDS and not _reads_as_prose(line, words)


# A teaser's headline link is a line of this many words at least (a section's or an author's link is shorter).
_HEADLINE_LINK_MIN_WORDS = 3
# A list of teaser cards holds this many summaries at least: one line under a link is as often the story's own
# paragraph under a related story's link (a box of related links set inside the story, over its last paragraph).
_TEASER_MIN_CARDS = 2


def _teaser_summaries(page_lines: Sequence[str], links: frozenset[str]) -> set[str]:
    """The ``_key`` keys of the page lines, no links themselves, every printing of which sits right under a link's
    whole text of ``_HEADLINE_LINK_MIN_WORDS`` words or more: the summaries of teaser cards under their headlines."""
    under: dict[str, bool] = {}
    for above, line in pairwise(page_lines):
        if bare_key(line) in links:
            continue
        key = _key(line)
        headline = count_words(above) >= _HEADLINE_LINK_MIN_WORDS and bare_key(above) in links
        under[key] = under.get(key, True) and headline
    return {key for key, teaser in under.items() if teaser} - {""}


# The notice that opens such a box is a pitch or a label: a longer sentence with a notice word is the story's
# ("Small investors ... subscribing for so many shares ...").
_BOX_NOTICE_MAX_WORDS = 20


def without_witness_tail(
    main_lines: list[str],
    witness_kept: frozenset[str],
    witness_after: frozenset[str],
    unnamed: bool = False,
    witness_comments: frozenset[str] = frozenset(),
    page_lines: Sequence[str] = (),
    links: frozenset[str] = frozenset(),
) -> list[str]:
    """The main content without the page's boxes under the story: below the last line the witness (the line
    cleaner on the page's own text) kept, from the first line that is one of

    - a line the witness put below the story's end (``witness_after``: past its region, as footer and widgets:
      a "Videos on this topic" heading, a schedule table's caption), when it and the lines under it are
      ``_FOOTER_MIN_LINES`` at least and no paragraph (prose ending a sentence) is among them: the witness's
      region can end a line or a paragraph early; on a page whose markup names almost none of its elements
      (``unnamed``: no class or id for the extractor's boilerplate cues) also with paragraphs among them (readers'
      comments, teasers' summaries), when it is a label (``_label``: a credit, an ad's label, "Comments") over
      ``_UNNAMED_MIN_LINES`` lines at least with it (a crosshead over the story's last paragraph is two);
    - a link list's heading (``rules.opens_link_list``: "More from ...", "Related", "Most popular") with a line
      under it: the teasers under it read as prose ("Trump has made ... a central plank of the GOP platform.");
    - a notice (``cues_notice.notice_stems``: subscription, app, advertising words opening a word, none of them
      a word of the story above) or a free-trial offer ("2 Wochen kostenlos testen", ``_FREE_TRIAL``) of at most
      ``_BOX_NOTICE_MAX_WORDS`` words, with the labels right above it, when
      the box it opens is at most ``_BOX_MAX_LINES`` lines of at most ``_NOTICE_MAX_CHARS`` each (a "Subscribe
      now ..." under which a preview's long reference list follows is not a box, and the walk goes on under it:
      a site's newsletter pitch over its whole footer leaves the footer's "More from ..." heading to cut);
    - on a page whose markup names almost none of its elements (``unnamed``), a line the witness read as the
      readers' comments or the form opening them (``witness_comments``): with no comment section named,
      trafilatura reads on from the story into the comments' bodies (on named markup the witness's section can
      open at a "Comments" button between two paragraphs, where trafilatura rightly keeps the story's last one);
    - on such a page too, a teaser's summary (``_teaser_summaries``: every printing of it on the page,
      ``page_lines``, sits right under a headline link, ``links`` as ``bare_key`` keys), with that headline when the
      main content holds it right above, when from there on ``_TEASER_MIN_CARDS`` summaries at least make up half
      the lines that are no links: trafilatura reads on into a list of teaser cards, whose summaries read as prose;

    to the end; and on such a page, when no line opens a box, the lines under the witness's last kept line when
    they are the rest of the story's layout cell (``_cell_rest``: ``_CELL_REST_MIN_LINES`` at least, half of them
    labels; from a line the witness put past the story's end, ``_CELL_AFTER_LABEL_SHARE`` of them). trafilatura
    keeps such boxes when they sit in the story's container; every line cut is one the witness dropped (or one it
    never printed alone, a list item or a table row). Lines are matched to the witness's by their word keys: the
    extractor marks list items ("- ") and table cells ("|").
    """
    kept = {_key(text) for text in witness_kept} - {""}
    keys = [_key(line) for line in main_lines]
    last = max((index for index, key in enumerate(keys) if key in kept), default=None)
    if last is None:
        return main_lines
    after = {_key(text) for text in witness_after} - {""}
    comments = {_key(text) for text in witness_comments} - {""}
    if (
        unnamed
        and comments
        and (cut := next((at for at in range(last + 1, len(keys)) if keys[at] in comments), None))
    ):
        # The comments go first: a box above them (a newsletter's pitch) is then judged as the last lines.
        main_lines, keys = main_lines[:cut], keys[:cut]
    summaries = _teaser_summaries(page_lines, links) if unnamed and links else set()
    if summaries and (cut := next((at for at in range(last + 1, len(keys)) if keys[at] in summaries), None)):
        # A list of teaser cards: two summaries at least, half the lines from there on that are no links.
        texts = [
            key for line, key in zip(main_lines[cut:], keys[cut:], strict=True) if bare_key(line) not in links
        ]
        if (held := sum(key in summaries for key in texts)) >= _TEASER_MIN_CARDS and 2 * held >= len(texts):
            # The first teaser's headline goes with it when the extractor kept it.
            cut -= cut - 1 > last and bare_key(main_lines[cut - 1]) in links
            main_lines, keys = main_lines[:cut], keys[:cut]
    for index in range(last + 1, len(main_lines)):
        line = main_lines[index]
        if index + 1 < len(main_lines) and opens_link_list(normalize_line_key(line), count_words(line)):
            return main_lines[:index]
        if keys[index] in after:
            cut = main_lines[index:]
            if unnamed and (
                (len(cut) >= _UNNAMED_MIN_LINES and _label(line)) or _cell_rest(cut, _CELL_AFTER_LABEL_SHARE)
            ):
                # Markup without class names: the extractor reads on into the comments and teasers under the story.
                return main_lines[:index]
            if len(cut) < _FOOTER_MIN_LINES or any(
                _reads_as_prose(text, count_words(text)) and _ends_sentence(text) for text in cut
            ):
                return _without_cell_rest(main_lines, last, unnamed)
            return main_lines[:index]
        if count_words(line) > _BOX_NOTICE_MAX_WORDS:
            continue
        key = normalize_line_key(line)
        stems = notice_stems(_without_addresses(key))
        # A free-trial offer is the site's whatever the story's words ("testen" is a story's word as often).
        if _FREE_TRIAL.search(key) is None and (
            not stems
            or _opens_a_word(stems, " ".join(normalize_line_key(other) for other in main_lines[:index]))
        ):
            continue
        start = index
        while (
            start - 1 > last
            and count_words(main_lines[start - 1]) <= _LABEL_MAX_WORDS
            and main_lines[start - 1].rstrip()[-1:] not in ".!?"
        ):
            start -= 1
        box = main_lines[start:]
        if len(box) > _BOX_MAX_LINES or any(len(text) > _NOTICE_MAX_CHARS for text in box):
            # No box: a notice over a long run of lines (a preview's reference list, a site's footer) is left, but
            # a link list's heading or the witness's footer further down still ends the main content.
            continue
        return main_lines[:start]
    return _without_cell_rest(main_lines, last, unnamed)


def _without_cell_rest(main_lines: list[str], last: int, unnamed: bool) -> list[str]:
    """On markup that names almost none of its elements (``unnamed``), the main content without the lines under
    the witness's last kept one (``last``) when they are the rest of the story's layout cell (``_cell_rest``)."""
    if unnamed and _cell_rest(main_lines[last + 1 :], _CELL_REST_LABEL_SHARE):
        return main_lines[: last + 1]
    return main_lines
