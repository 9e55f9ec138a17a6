"""HTML main content: a label or table row printed twice in a row (a sticky table header, a box's title and link)."""

from __future__ import annotations

from collections.abc import Sequence

from newsdrop.text.cleaner.lines import _ends_sentence

# A label names a box, a gallery or a table's columns: a few words. Longer lines repeated in a row are a
# poem's or a song's refrain, or the same sentence quoted again.
LABEL_MAX_WORDS = 8


def _label(text: str) -> bool:
    """A table's row ("| Pos | Player | Plays |") or a short label: no sentence end, no comma (a refrain's
    line, "Purple rain, purple rain", pauses on one), at most ``LABEL_MAX_WORDS`` words."""
    stripped = text.strip()
    if stripped.startswith("|"):
        return True
    return (
        bool(stripped)
        and len(stripped.split()) <= LABEL_MAX_WORDS
        and not _ends_sentence(stripped)
        and not any(mark in stripped for mark in ",;\u3001\uff0c")
    )


def repeated_labels(texts: Sequence[str], kept: Sequence[bool], code: Sequence[bool]) -> list[int]:
    """The indexes of the kept lines that repeat the kept line right above them, where it is a label or a table
    row (``_label``) and no code (``code``: the markup's code block, where a closing brace repeats).

    A sticky table header is printed again over the table's rows: its first printing heads the table and
    stays. A label printed twice in a row outside a table is a gallery's or a box's, as its title and as its
    link ("Business news in pictures" twice): a story never repeats a label, and both printings go."""
    found: list[int] = []
    previous: int | None = None
    for index, (text, keep) in enumerate(zip(texts, kept, strict=True)):
        if not keep:
            continue
        if (
            previous is not None
            and not code[index]
            and " ".join(text.split()) == " ".join(texts[previous].split())
            and _label(text)
        ):
            if not text.lstrip().startswith("|") and (not found or found[-1] != previous):
                found.append(previous)
            found.append(index)
        previous = index
    return sorted(set(found))
