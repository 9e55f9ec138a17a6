"""Cleaner stage after the line model: a slideshow page, where the gallery is the story, keeps its slides' text."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.text.cleaner.lines import _ends_sentence

# A slide's text runs this many words at least: its title ("Pocket friendly"), its credit ("Image credit: ...")
# and its counter ("2 / 5") are shorter or end in no full stop.
MIN_SLIDE_WORDS = 8


def slideshow_story(
    texts: Sequence[str], kept: Sequence[bool], rules: Sequence[str | None], gallery: Sequence[int]
) -> list[int]:
    """Indices of the slides' sentences on a page whose only story is its gallery, else [].

    The gallery stage drops a picture gallery's slides (``gallery.gallery_lines``) as other pictures' captions
    beside a story; where nothing of the page is kept once they are gone, the slides were the story (a
    slideshow page: one paragraph per slide). The lines of the gallery (``gallery``) that end a sentence and
    run ``MIN_SLIDE_WORDS`` words or more, dropped by that stage or by the line model (``rules``, not by a named
    rule for what they say), are its text.
    """
    if any(kept) or "gallery" not in rules:
        return []
    return [
        index
        for index in gallery
        if (rules[index] == "gallery" or (rules[index] or "").startswith("line_model"))
        and len(texts[index].split()) >= MIN_SLIDE_WORDS
        and _ends_sentence(texts[index])
    ]
