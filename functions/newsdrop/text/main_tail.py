"""HTML path: what the chosen main content ends with that points past the story: a lead-in to a dropped box."""

from __future__ import annotations

from newsdrop.text.line_keys import count_words

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
