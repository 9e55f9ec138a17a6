"""trafilatura's own reading, read where its comparison step swaps another extractor's in, and how it mends that one."""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsdrop.models import Hints
from newsdrop.text.cleaner import clean_article
from newsdrop.text.combine_own import own_or_mended, with_own_reading
from newsdrop.text.html_reading import _swap_watch, read_with_trafilatura

_SENTENCE = "The council voted on the new budget for the coming year after a long debate."
_PARAGRAPH = f"<p>{' '.join([_SENTENCE] * 3)}</p>"
_ITEMS = "".join(
    f"<li>Item {n}: the committee heard evidence from residents about the road plan and the bridge.</li>"
    for n in range(8)
)
_TABLE = (
    "<table><tr><th>Year</th><th>Cost</th></tr>"
    + "".join(f"<tr><td>{2000 + n}</td><td>{n * 7} million</td></tr>" for n in range(6))
    + "</table>"
)
# A story in paragraphs: trafilatura keeps its own reading.
PLAIN_PAGE = f"<html><body><article><h1>Budget</h1>{_PARAGRAPH * 4}</article></body></html>"
# A story set in one layout table's cell with a list and two data tables: the own extraction holds more tables than
# paragraphs, and trafilatura's comparison swaps readability's reading in (the tables' rows run into one line).
LAYOUT_PAGE = (
    f"<html><body><table><tr><td><h1>Budget</h1>{_PARAGRAPH}<h2>Plan</h2><ul>{_ITEMS}</ul>{_TABLE}{_TABLE}"
    "</td></tr></table></body></html>"
)


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.names: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.names.append(record.name)


@pytest.mark.parametrize(("page", "swapped"), [(PLAIN_PAGE, False), (LAYOUT_PAGE, True)])
def test_the_own_reading_is_read_only_where_another_was_swapped_in(page: str, swapped: bool) -> None:
    logger = logging.getLogger("trafilatura.external")
    level, filters = logger.level, list(logger.filters)
    records = _Records()
    logging.getLogger().addHandler(records)
    try:
        read = read_with_trafilatura(page)
    finally:
        logging.getLogger().removeHandler(records)
    assert bool(read.own_text) == swapped
    if swapped:
        # The data table's rows are lines of trafilatura's own reading, not of the one it swapped in.
        row = "| 2003 | 21 million |"
        assert row in [line.strip() for line in read.own_text.split("\n")]
        assert row not in [line.strip() for line in read.text.split("\n")]
    # The comparison's debug records stay unseen, and its logger is as it was.
    assert "trafilatura.external" not in records.names
    assert (logger.level, logger.filters) == (level, filters)


def test_another_threads_comparison_is_not_this_ones_and_the_last_watch_restores_the_logger() -> None:
    logger = logging.getLogger("trafilatura.external")
    level = logger.level
    seen_there: list[list[bool]] = []

    def watch_there() -> None:
        with _swap_watch() as there:
            logger.debug("using %s extraction: %s", "generic", 100)
            seen_there.append(list(there))

    with _swap_watch() as here:
        # The local stack's servers run in threads: a swap another thread's extraction states is not this one's.
        other = threading.Thread(target=watch_there)
        other.start()
        other.join()
        assert (here, seen_there) == ([], [[True]])
        assert logger.level == logging.DEBUG  # still open here
        logger.debug("using %s extraction: %s", "readability", 100)
        logger.debug("using justext, length: %s", 100)
        assert here == [True]
    assert (logger.level, logger.filters) == (level, [])


def test_extractions_in_threads_each_see_their_own_swap() -> None:
    pages = [PLAIN_PAGE, LAYOUT_PAGE] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        reads = list(pool.map(read_with_trafilatura, pages))
    assert [bool(read.own_text) for read in reads] == [page is LAYOUT_PAGE for page in pages]
    assert logging.getLogger("trafilatura.external").filters == []


STORY = [
    "The council voted on the new budget for the coming year after a long debate in the town hall.",
    "Residents asked the committee about the road plan and the bridge over the river near the school.",
    "The mayor said the works would start in spring and last for about two years in all.",
]
COOKIE = "We use cookies and other tracking technologies to improve your browsing experience on our site."
TEASER = "Read more: the new bakery on the market square opens its doors next week for all."
TABLE_ROW = "| 2003 | 21 million |"
OPENING = "Below, we look at what the budget means for each of the town's districts and its schools."
ORIGINAL = "Read the original article in English here on our partner's site today."
LIVE_BLOG = (
    "Since the attack on the harbour the situation in the region has escalated: the latest news in our blog."
)


@pytest.mark.parametrize(
    ("swapped", "own", "witness", "expected"),
    [
        # The own reading's table and crosshead between two shared paragraphs join; its closing line stays out.
        (
            STORY,
            [STORY[0], "Costs", TABLE_ROW, *STORY[1:], ORIGINAL],
            STORY,
            [STORY[0], "Costs", TABLE_ROW, *STORY[1:]],
        ),
        # The swapped-in reading's cookie notice above and teaser below, which the witness dropped, leave.
        ([COOKIE, *STORY, TEASER], STORY, STORY, STORY),
        # ... but stay where the witness kept them.
        ([COOKIE, *STORY, TEASER], STORY, [COOKIE, *STORY, TEASER], [COOKIE, *STORY, TEASER]),
        # A line too short for a shingle stays (a dateline split off the first paragraph).
        (["NEW DELHI:", *STORY], STORY, STORY, ["NEW DELHI:", *STORY]),
        # The own reading's opening right above the shared span joins where the witness kept it, else not.
        (STORY[1:], [OPENING, *STORY[1:]], [OPENING, *STORY[1:]], [OPENING, *STORY[1:]]),
        (STORY[1:], [OPENING, *STORY[1:]], STORY[1:], STORY[1:]),
        # Past the last shared line the witness kept, a closing teaser both readings hold: its box's labels stay out.
        ([*STORY, LIVE_BLOG], [*STORY, "Topic", "with video", LIVE_BLOG], STORY, [*STORY, LIVE_BLOG]),
        # A list's bullet on a line of its own holds no word: it stays out.
        (STORY, [STORY[0], "-", *STORY[1:]], STORY, STORY),
        # Nothing shared: the swapped-in reading as it is.
        (STORY, [OPENING, TEASER], STORY, STORY),
    ],
)
def test_the_own_reading_mends_the_swapped_in_one(
    swapped: list[str], own: list[str], witness: list[str], expected: list[str]
) -> None:
    from newsdrop.text.reading_shingles import held_share, shingles

    said, owned, held = shingles("\n".join(witness)), shingles("\n".join(own)), shingles("\n".join(swapped))
    mended = with_own_reading(
        "\n".join(swapped),
        "\n".join(own),
        witnessed=lambda line: held_share(line, said) >= 0.5,
        shared=lambda line: held_share(line, owned) >= 0.5,
        new=lambda line: held_share(line, held) < 0.8,
    )
    assert mended.split("\n") == expected


def test_an_own_line_the_swapped_in_reading_holds_already_is_not_added() -> None:
    joined = f"{STORY[1]} {STORY[2]}"
    mended = with_own_reading(
        "\n".join([STORY[0], joined, OPENING]),
        "\n".join([STORY[0], STORY[1], STORY[2], OPENING]),
        witnessed=lambda line: True,
        shared=lambda line: True,
        new=lambda line: line not in joined,
    )
    assert mended.split("\n") == [STORY[0], joined, OPENING]


@pytest.mark.parametrize(
    ("swapped", "own", "replaced"),
    [
        # The other extractor read another block of the page: the own reading, the witness's, replaces it.
        ([TEASER, COOKIE], STORY, True),
        # Both agree with the witness: the swapped-in one stays (mended).
        (STORY, [STORY[0], TABLE_ROW, *STORY[1:], ORIGINAL], False),
    ],
)
def test_the_own_reading_replaces_the_swapped_in_one_only_where_the_witness_is_sure_of_it_alone(
    swapped: list[str], own: list[str], replaced: bool
) -> None:
    hints = Hints()
    page = clean_article("\n".join(["Budget", *STORY]), hints, model=None)
    swapped_text, own_text = "\n".join(swapped), "\n".join(own)
    body = clean_article(swapped_text, hints, main_content=True, model=None).body
    chosen, chosen_body = own_or_mended(swapped_text, body, own_text, page, hints, 0.8, 0.8)
    assert (chosen == own_text) is replaced
    # Mended, the swapped-in reading takes the own one's table row but not its closing line.
    assert chosen.split("\n") == (own if replaced else [STORY[0], TABLE_ROW, *STORY[1:]])
    assert chosen_body == clean_article(chosen, hints, main_content=True, model=None).body
