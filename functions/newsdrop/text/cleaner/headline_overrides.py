"""The ranker's pick given up at inference where it reads as another line of the headline's block (a standfirst,
bullet points, a picture's caption, the story's lead sentence, a label over it), a plain-typed copy of the typeset
headline, or the page's `<title>` the page rewords."""

from __future__ import annotations

from collections.abc import Callable

from newsdrop.text.cleaner.headline_block import headline_over_standfirst
from newsdrop.text.cleaner.headline_caption import headline_beside_caption
from newsdrop.text.cleaner.headline_kicker_block import headline_under_kicker
from newsdrop.text.cleaner.headline_kicker_standfirst import headline_over_kicker_standfirst
from newsdrop.text.cleaner.headline_label import headline_under_label
from newsdrop.text.cleaner.headline_lead_sentence import headline_over_lead_sentence
from newsdrop.text.cleaner.headline_masthead import title_over_masthead
from newsdrop.text.cleaner.headline_people_caption import headline_over_people_caption
from newsdrop.text.cleaner.headline_plain_copy import typeset_copy
from newsdrop.text.cleaner.headline_reworded import printed_for_title
from newsdrop.text.cleaner.headline_standfirst import headline_over_block
from newsdrop.text.cleaner.headline_title_block import headline_under_title_printing
from newsdrop.text.cleaner.headline_title_printed import title_printed_over_pick
from newsdrop.text.cleaner.headline_title_top import title_over_top_rewording
from newsdrop.text.cleaner.lines import _Line


def pick_over_ranker(
    lines: list[_Line],
    chosen: int,
    region_start: int,
    scores: dict[int, float],
    barred: Callable[[int], bool],
) -> int:
    """The line to name the headline from in place of the ranker's pick ``chosen`` (``chosen`` where none).

    A standfirst the ranker nearly ties with the shorter line printed over it gives way to that line; a standfirst
    or bullet point under a run of long lines to the run's best line; a standfirst opening with the kicker printed over
    the line over it to that line (the headline); a caption beside its picture's credit, naming
    two people, or a long sentence right over the story to the candidate nearly tying it; a short bare label (a
    kicker, a section's name) to the headline-shaped line printed right under it; a headline typed with plain quotes
    to the nearly tied candidate printing it again typeset; a line in other words than the page's `<title>` to the
    line printing the `<title>`'s headline word for word; the masthead right under a "Post | Site" `<title>` to the
    post's headline; the `<title>` itself to the headline of a kicker's block printed under the `<title>`'s printing;
    a printing of the `<title>`'s headline to the nearly tied headline of the same story printed right under it;
    a line right under a `<title>` printed nowhere else, in other words about the same story, to the `<title>`
    (the first of these that applies). Then the page's `<title>`, printed nowhere else, gives way to the headline the
    page prints for it, and where that line is a bare label (a name or a kicker sharing the title's words) to the
    headline under it.
    """
    overrides = (
        lambda: headline_over_standfirst(lines, chosen, scores, barred),
        lambda: headline_over_block(lines, chosen, scores, barred),
        lambda: headline_over_kicker_standfirst(lines, chosen, scores, barred),
        lambda: headline_beside_caption(lines, chosen, scores, barred),
        lambda: headline_over_people_caption(lines, chosen, region_start, scores, barred),
        lambda: headline_over_lead_sentence(lines, chosen, region_start, scores, barred),
        lambda: headline_under_label(lines, chosen, region_start, scores, barred),
        lambda: typeset_copy(lines, chosen, scores, barred),
        lambda: title_printed_over_pick(lines, chosen, scores, barred),
        lambda: title_over_masthead(lines, chosen, scores, barred),
        lambda: headline_under_kicker(lines, chosen, scores, barred),
        lambda: headline_under_title_printing(lines, chosen, scores, barred),
        lambda: title_over_top_rewording(lines, chosen, scores, barred),
    )
    over = next((line for line in (override() for override in overrides) if line is not None), None)
    if over is not None:
        chosen = over
    printed = printed_for_title(lines, chosen, scores, barred)
    if printed is not None:
        # (The <title>'s words name the story's people: a kicker naming them shares its words as the headline does.)
        under = headline_under_label(lines, printed, region_start, scores, barred)
        return under if under is not None else printed
    return chosen
