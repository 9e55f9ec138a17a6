"""trafilatura's title and site name set the right way round where it swapped the <title>'s headline and site parts."""

from __future__ import annotations

import pytest

from newsdrop.text.html_title_parts import title_and_site

_POST = "The Washington Post"
_STORM = "A few tornadoes could strike central U.S. Friday"


@pytest.mark.parametrize(
    ("meta", "site", "page_title", "expected"),
    [
        # The headline's full stop read as a web address's: the parts swap back.
        (_POST, _STORM, f"{_STORM} - {_POST}", (_STORM, _POST)),
        # The dotted part last: a site's name with a dot of its own, or a headline's tail; nothing swaps.
        ("Balsamo Stella, Guido (I)", "Deutsche Exlibris-Gesellschaft e.V.",
         "Balsamo Stella, Guido (I) - Deutsche Exlibris-Gesellschaft e.V.",
         ("Balsamo Stella, Guido (I)", "Deutsche Exlibris-Gesellschaft e.V.")),
        ("Atkins diet (14 days)", "lose up to 10 kg. Reviews", "Atkins diet (14 days) - lose up to 10 kg. Reviews",
         ("Atkins diet (14 days)", "lose up to 10 kg. Reviews")),
        # The last part longer than the dotted first one: no site's name.
        ("Nord - the quantum leap for the town", "06.11.2023, 11.41",
         "06.11.2023, 11.41 - Nord - the quantum leap for the town",
         ("Nord - the quantum leap for the town", "06.11.2023, 11.41")),
        # A headline ending on its full stop (no space in it); the title, an <h1>, was right: only the site swaps.
        ("Elektro-Zapfsäulen.", "Elektro-Zapfsäulen.", "Elektro-Zapfsäulen. – Sprechblase",
         ("Elektro-Zapfsäulen.", "Sprechblase")),
        # The title a form of the other part (the blog's logo in an <h1>): the headline part is the title.
        ("WordPress.com", "Want to See More? So Do We.", "Want to See More? So Do We. — The WordPress.com Blog",
         ("Want to See More? So Do We.", "The WordPress.com Blog")),
        # A web address is the site's name: nothing swaps.
        ("Der Tag des Herrn", "kath.net", "kath.net - Der Tag des Herrn", ("Der Tag des Herrn", "kath.net")),
        ("Headline", "MDR.DE", "Headline | MDR.DE", ("Headline", "MDR.DE")),
        # The other part too long for a site's name: nothing swaps.
        ("Part two has six words in it", "Part one. Done", "Part one. Done - Part two has six words in it",
         ("Part two has six words in it", "Part one. Done")),
        # The site no part of the <title> (og:site_name, the URL's host), or no dot in it: nothing swaps.
        (_POST, "Some Site. Inc", f"{_STORM} - {_POST}", (_POST, "Some Site. Inc")),
        (_POST, "Washington", f"{_STORM} - {_POST}", (_POST, "Washington")),
        (_POST, _STORM, None, (_POST, _STORM)),
    ],
)  # fmt: skip
def test_title_and_site_swap_back_only_where_the_site_is_the_titles_headline_part(
    meta: str | None, site: str | None, page_title: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert title_and_site(meta, site, page_title) == expected
