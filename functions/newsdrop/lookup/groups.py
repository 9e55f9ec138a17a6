"""A bundle's near-duplicate groups of two or more articles, read in group order from its bundle group items."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from newsdrop.dal import Store
from newsdrop.dal.store import StartKey
from newsdrop.lookup.cursor import CursorCodec
from newsdrop.lookup.errors import InvalidCursor, NoSuchItem
from newsdrop.lookup.params import pick

# --- bounds on the work one page may do (documented in docs/api.md) ---------------------------------------
MEMBERS_PER_GROUP = 20  # members of one group listed; the rest are counted (members_truncated)
# More than MEMBERS_PER_GROUP, so every Query completes at least one group: a page always moves on.
LINKS_PER_QUERY = 100
# Query calls over the bundle's group items per page. A page that runs out of them comes back short, with a
# next_cursor that carries on (every group is still reached).
MAX_LINK_QUERIES = 20
COUNT_CAP = 1000  # counts of members stop here (counts_capped): one Query each, whatever the group's size
MAX_GROUP_ID_LENGTH = 200
MEMBER_FIELDS = ("id", "title", "published", "source", "member")


@dataclass(slots=True)
class Run:
    """The bundle's consecutive items of one group: up to MEMBERS_PER_GROUP of them, and whether more follow."""

    group_id: str
    members: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False


@dataclass(slots=True)
class RunReader:
    """Reads a bundle's group items after ``after`` (a group id) in whole runs, at most MAX_LINK_QUERIES Queries."""

    store: Store
    bundle_id: str
    after: str | None
    exhausted: bool = False

    def batches(self) -> Iterator[list[Run]]:
        """The complete runs each Query finished; ``exhausted`` is set once the partition has no more."""
        after, start, current = self.after, None, None
        for _ in range(MAX_LINK_QUERIES):
            page, start = self._read(after, start)
            done: list[Run] = []
            jumped = False
            for item in page:
                if current is None or item.get("group_id") != current.group_id:
                    if current is not None:
                        done.append(current)
                    current = Run(str(item.get("group_id")))
                if len(current.members) < MEMBERS_PER_GROUP:
                    current.members.append(item)
                    continue
                # A group with more members here than are listed: count the rest, read on after the group.
                current.truncated = True
                done.append(current)
                after, start, current, jumped = current.group_id, None, None, True
                break
            if not jumped and start is None:
                if current is not None:
                    done.append(current)
                self.exhausted = True
                yield done
                return
            yield done

    def _read(self, after: str | None, start: StartKey | None) -> tuple[list[dict[str, Any]], Any]:
        return self.store.bundle_group_links(
            self.bundle_id, after_group=after, start=start, limit=LINKS_PER_QUERY
        )


def _after(position: dict[str, Any]) -> str | None:
    after = position.get("g")
    if after is not None and (not isinstance(after, str) or not 0 < len(after) <= MAX_GROUP_ID_LENGTH):
        raise InvalidCursor("cursor position is not a group id")
    return after


class BundleGroups:
    """GET /bundles/{id}/groups: each group with its members from the bundle and its count of other articles.

    Ingest files an article under its group in a bundle only once the group has two or more articles
    (``ArticleWriter._filings``), so lone stories cost no write and no read here. Groups come in group id
    order. Per page: at most MAX_LINK_QUERIES Queries of group items, one BatchGetItem per Query to check the
    founders filed alone (a duplicate of a founder may still be lone), and one or two counting Queries per
    group listed. Nothing read grows with the table.
    """

    def __init__(self, store: Store, codec: CursorCodec) -> None:
        self.store = store
        self.codec = codec

    def page(self, bundle_id: str, *, limit: int, cursor: str | None) -> dict[str, Any]:
        scope = f"groups\x1f{bundle_id}"
        after = _after({} if cursor is None else self.codec.decode(cursor, scope))
        record = self.store.bundle(bundle_id)
        if record is None:
            raise NoSuchItem(
                f"no bundle with id {bundle_id}",
                hint="bundle ids come from GET /bundles or GET /bundles?key=",
            )
        answer: dict[str, Any] = {"bundle_id": bundle_id, "items": [], "next_cursor": None, "reason": None}
        if not record.get("group_links"):
            answer["reason"] = (
                "the bundle was ingested before bundle groups were recorded, so only groups joined since are "
                "listed: open each article's similar articles, or drop the bundle again (a new bundle)"
            )
        groups: list[dict[str, Any]] = answer["items"]
        reader = RunReader(self.store, bundle_id, after)
        for batch in reader.batches():
            alone = [run.group_id for run in batch if self._founder_alone(run)]
            founded = self.store.groups_with_members(alone) if alone else set()
            for run in batch:
                after = run.group_id
                if self._founder_alone(run) and run.group_id not in founded:
                    continue  # a duplicate of a lone story: filed, but its group has one article
                groups.append(self._describe(bundle_id, run))
                if len(groups) >= limit:
                    answer["next_cursor"] = self.codec.encode({"g": after}, scope)
                    return answer
        if not reader.exhausted:  # the work bound: a short page that carries on after the last group read
            answer["next_cursor"] = self.codec.encode({"g": after}, scope)
        return answer

    @staticmethod
    def _founder_alone(run: Run) -> bool:
        """The run is one article that founded its group: whether others joined needs a look at the group."""
        return len(run.members) == 1 and not run.truncated and run.members[0].get("id") == run.group_id

    def _describe(self, bundle_id: str, run: Run) -> dict[str, Any]:
        here = len(run.members)
        if run.truncated:
            here = max(here, self.store.bundle_group_size(bundle_id, run.group_id, cap=COUNT_CAP))
        # Every article of a group of two or more has a member item, this bundle's included.
        total = self.store.group_size(run.group_id, cap=COUNT_CAP)
        others, capped = max(0, total - here), here >= COUNT_CAP or total >= COUNT_CAP
        return {
            "group_id": run.group_id,
            "articles": here,
            "others": others,
            "counts_capped": capped,
            "members": [pick(item, MEMBER_FIELDS) for item in run.members],
            "members_truncated": run.truncated,
        }
