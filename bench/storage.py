"""Write cost and search recall of the storage layout: distinct articles through the real ingest on moto.

``python -m bench.storage --articles 1000`` prints items and write request units (WRU) per new article by
kind, GSI copies included, the cost per million articles at on-demand prices, the cost of the first and the
last quarter of the articles, and /search recall against its documented scope and against every word.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.storage_meter import MeteredTable, WriteMeter

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "functions") not in sys.path:
    sys.path.insert(0, str(REPO / "functions"))

# On-demand prices, us-east-1, since the November 2024 price cut (aws.amazon.com/dynamodb/pricing/on-demand).
USD_PER_MILLION_WRU = 0.625
USD_PER_GB_MONTH = 0.25
KB = 1024
GOLD_DIRS = (REPO / "data" / "cleaning-train" / "gold", REPO / "data" / "cleaning-dev" / "gold")
OUTLETS = [
    f"{place} {kind}"
    for place in ("Valley", "Coast", "Harbour", "Capital", "Northern", "Metro")
    for kind in ("Herald", "Times", "Post", "Gazette", "Courier", "Observer", "Wire")
]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


# --- a corpus of distinct articles ----------------------------------------------------------------------
def _sentences() -> list[str]:
    """Sentences of the English gold bodies (the issue's corpus was English news; ~7,800 sentences)."""
    pool: list[str] = []
    for folder in GOLD_DIRS:
        for path in sorted(folder.glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if not str(gold.get("lang") or "en").startswith("en"):
                continue
            body = gold.get("body") or ""
            pool += [s.strip() for s in _SENTENCE.split(body) if 40 <= len(s.strip()) <= 400]
    if not pool:
        raise SystemExit("no gold bodies under data/: run from a full checkout of the repository")
    return pool


def distinct_articles(count: int, *, seed: int = 11, body_bytes: int = 3000) -> Iterator[dict[str, Any]]:
    """``count`` distinct news-like records (JSON Lines fields): real sentences of the repository's English
    gold bodies drawn at random into bodies of ``body_bytes`` UTF-8 bytes, a headline cut from one of them,
    an outlet and a date. Deterministic for a seed."""
    rng = random.Random(seed)
    pool = _sentences()
    for n in range(count):
        words = rng.choice(pool).split()
        start = rng.randrange(max(1, len(words) - 6))
        title = " ".join(words[start : start + rng.randint(6, 11)]).strip(" ,;:")
        paragraphs, size, sentences = [], 0, []
        while size < body_bytes:
            sentence = rng.choice(pool)
            sentences.append(sentence)
            size += len(sentence.encode("utf-8")) + 1
            if len(sentences) == 3:
                paragraphs.append(" ".join(sentences))
                sentences = []
        if sentences:
            paragraphs.append(" ".join(sentences))
        yield {
            "id": f"bench-{seed}-{n}",
            "title": title,
            "source": rng.choice(OUTLETS),
            "published": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "text": "\n\n".join(paragraphs),
        }


def jsonl(records: Iterable[Mapping[str, Any]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records)


# --- the run ---------------------------------------------------------------------------------------------
@dataclass
class Stack:
    """moto (in-process) with the template's bucket and table, and the real ingest and lookup over them."""

    store: Any
    bucket: Any
    settings: Any
    s3: Any
    meter: WriteMeter

    def ingest(self, key: str, data: bytes) -> dict[str, Any]:
        from newsdrop.ingest.pipeline import Ingestor
        from newsdrop.ingest.records import ObjectRef

        put = self.s3.put_object(Bucket=self.settings.bucket_name, Key=key, Body=data)
        ref = ObjectRef(bucket=self.settings.bucket_name, key=key, version_id=put.get("VersionId"))
        return Ingestor(self.store, self.bucket, self.settings).ingest(ref).record

    def lookup(self) -> Any:
        from newsdrop.lookup.cursor import CursorCodec
        from newsdrop.lookup.service import Lookup

        return Lookup(self.store, CursorCodec(b"bench"))


def moto_stack(session: Any) -> Stack:
    """Inside ``moto.mock_aws``: provision template.yaml's resources and build the real parts over them."""
    from infra.provision import provision
    from newsdrop.adapters.bucket import DropBucket
    from newsdrop.config import Settings
    from newsdrop.dal import ArticleTable, Store

    clients = {name: session.client(name) for name in ("s3", "sqs", "dynamodb")}
    resources = provision(clients, stack="newsdrop-bench", region="us-east-1")
    settings = Settings(
        table_name=resources.table, bucket_name=resources.bucket, region="us-east-1", endpoint_url=None
    )
    meter = WriteMeter()
    table = MeteredTable(ArticleTable(clients["dynamodb"], resources.table, sleep=lambda _s: None), meter)
    return Stack(Store(table), DropBucket(clients["s3"], resources.bucket), settings, clients["s3"], meter)


def search_all(lookup: Any, word: str, limit: int = 100) -> list[str]:
    """Every id /search answers for ``word``, following next_cursor to the end."""
    ids, cursor = [], None
    while True:
        page = lookup.search(word, limit=limit, cursor=cursor)
        if not page.complete:
            raise AssertionError(f"search for {word!r} says it is incomplete")
        ids += [item["id"] for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return ids


def recall(
    lookup: Any, stored: Mapping[str, tuple[str | None, str]], words: int, seed: int
) -> dict[str, Any]:
    """Mean recall of single-word searches: against the scope (index_terms) and against every word."""
    from newsdrop.terms import index_terms, tokens

    scope: dict[str, set[str]] = defaultdict(set)
    everything: dict[str, set[str]] = defaultdict(set)
    for aid, (title, body) in stored.items():
        for term in index_terms(title, body):
            scope[term].add(aid)
        for term in set(tokens(f"{title or ''} {body}")):
            everything[term].add(aid)
    rng = random.Random(seed)
    common = sorted(scope, key=lambda t: (-len(scope[t]), t))[:10]
    sample = sorted(set(rng.sample(sorted(scope), min(words, len(scope))) + common))
    full_sample = sorted(set(rng.sample(sorted(everything), min(words, len(everything))) + common))
    frequent = sorted(everything, key=lambda t: (-len(everything[t]), t))[:10]
    answers = {word: set(search_all(lookup, word)) for word in sorted(set(sample) | set(full_sample))}

    def mean(pairs: list[tuple[set[str], set[str]]]) -> float:
        return round(sum(len(found & truth) / len(truth) for found, truth in pairs) / len(pairs), 4)

    in_scope = [(answers[w], scope[w]) for w in sample]
    return {
        "words_in_scope_sampled": len(sample),
        "recall_in_scope": mean(in_scope),
        "min_recall_in_scope": round(min(len(f & t) / len(t) for f, t in in_scope), 4),
        "precision_in_scope": round(
            sum(len(f & t) for f, t in in_scope) / max(1, sum(len(f) for f, _ in in_scope)), 4
        ),
        "words_of_title_and_body_sampled": len(full_sample),
        "recall_every_word": mean([(answers[w], everything[w]) for w in full_sample]),
        "recall_every_word_weighted_by_articles": round(
            sum(len(answers[w] & everything[w]) for w in full_sample)
            / sum(len(everything[w]) for w in full_sample),
            4,
        ),
        "recall_every_word_10_most_common": mean(
            [(answers.get(w) or set(search_all(lookup, w)), everything[w]) for w in frequent]
        ),
        "most_common_word": f"{common[0]} ({len(scope[common[0]])} articles)",
        "index_terms_per_article": round(
            sum(len(index_terms(t, b)) for t, b in stored.values()) / len(stored), 1
        ),
    }


def run(articles: int = 1000, bundles: int = 4, words: int = 100, seed: int = 11) -> dict[str, Any]:
    import boto3
    from moto import mock_aws

    from newsdrop.articles import heavy_fields_of

    records = list(distinct_articles(articles, seed=seed))
    per_bundle = math.ceil(articles / bundles)
    quarters: list[int] = []
    with mock_aws():
        stack = moto_stack(boto3.session.Session(region_name="us-east-1"))
        new = 0
        for start in range(0, articles, per_bundle):
            before = stack.meter.total()
            record = stack.ingest(
                f"incoming/bench-{start:07d}.jsonl", jsonl(records[start : start + per_bundle])
            )
            new += int(record["counts"]["new"])
            quarters.append(stack.meter.total() - before)
            if record["status"] != "DONE":
                raise SystemExit(f"bundle ended {record['status']}: {record.get('errors')}")
        metas = article_items(stack)
        stored = {m["id"]: (m.get("title"), heavy_fields_of(m).get("body", "")) for m in metas}
        found = recall(stack.lookup(), stored, words, seed)
    kinds = stack.meter.by_kind()
    total = stack.meter.total()
    article_kinds = {k: v for k, v in kinds.items() if k != "bundle record"}
    per_article = {
        k: {"items": round(n / new, 3), "wru": round(w / new, 3), "bytes": round(b / new)}
        for k, (n, b, w) in kinds.items()
    }
    stored_bytes = sum(b for k, (n, b, w) in kinds.items() if k not in ("bundle record",))
    return {
        "articles": articles,
        "new_articles": new,
        "bundles": len(quarters),
        "article_kb": round(
            sum(len(jsonl([{"t": r["text"], "h": r["title"]}])) for r in records) / articles / KB, 2
        ),
        "wru_per_new_article": round(total / new, 2),
        "wru_per_new_article_without_bundle_record": round(
            sum(w for _, _, w in article_kinds.values()) / new, 2
        ),
        "items_per_new_article": round(sum(n for n, _, _ in kinds.values()) / new, 2),
        "by_kind_per_new_article": per_article,
        "wru_per_article_by_bundle": [round(q / per_bundle, 2) for q in quarters],
        "usd_per_million_articles_writes": round(total / new * USD_PER_MILLION_WRU, 2),
        "usd_per_million_articles_stored_per_month": round(
            stored_bytes / new * 1e6 / 1e9 * USD_PER_GB_MONTH, 2
        ),
        "price_assumed": f"${USD_PER_MILLION_WRU} per million WRU, ${USD_PER_GB_MONTH} per GB-month "
        "(DynamoDB on-demand, us-east-1, since November 2024); storage counts items and GSI copies, "
        "not the 100 bytes of overhead DynamoDB adds per item",
        "search": found,
    }


def article_items(stack: Stack) -> list[dict[str, Any]]:
    """Every stored article item (a bench-only Scan, through the same client the table uses)."""
    from boto3.dynamodb.types import TypeDeserializer

    from newsdrop.dal import keys
    from newsdrop.dal.items import with_text

    client = stack.store.table._client
    name = stack.store.table.name
    deserializer = TypeDeserializer()
    kwargs: dict[str, Any] = {
        "TableName": name,
        "FilterExpression": "sk IN (:meta, :content)",
        "ExpressionAttributeValues": {":meta": {"S": keys.ARTICLE_SK}, ":content": {"S": keys.CONTENT_SK}},
    }
    found = []
    while True:
        reply = client.scan(**kwargs)
        found += [{k: deserializer.deserialize(v) for k, v in item.items()} for item in reply["Items"]]
        if "LastEvaluatedKey" not in reply:
            break
        kwargs["ExclusiveStartKey"] = reply["LastEvaluatedKey"]
    # A META's body may sit on its content item (newsdrop.dal.items.place_heavy): merged back here.
    texts = {item["pk"]: item for item in found if item["sk"] == keys.CONTENT_SK}
    return [
        with_text(item, texts.get(keys.content_pk(str(item.get("content_key")))))
        for item in found
        if item["sk"] == keys.ARTICLE_SK
    ]


def table(figures: Mapping[str, Any]) -> str:
    """The figures as docs/bench.md shows them."""
    lines = [
        f"{figures['new_articles']:,} new articles ({figures['article_kb']} KB of text each) in "
        f"{figures['bundles']} bundles: {figures['wru_per_new_article']} WRU and "
        f"{figures['items_per_new_article']} items per new article (GSI copies and bundle records included)",
        "",
        "| kind | items / article | WRU / article | bytes / article |",
        "| --- | ---: | ---: | ---: |",
    ]
    for kind, row in figures["by_kind_per_new_article"].items():
        lines.append(f"| {kind} | {row['items']} | {row['wru']} | {row['bytes']:,} |")
    s = figures["search"]
    lines += [
        "",
        f"WRU per article, bundle by bundle: {figures['wru_per_article_by_bundle']}",
        f"cost per million articles: ${figures['usd_per_million_articles_writes']} in writes, "
        f"${figures['usd_per_million_articles_stored_per_month']} per month stored ({figures['price_assumed']})",
        f"search recall against its scope (title words + key terms, {s['index_terms_per_article']} terms per "
        f"article): {s['recall_in_scope']} mean, {s['min_recall_in_scope']} worst of {s['words_in_scope_sampled']} "
        f"words, precision {s['precision_in_scope']}",
        f"search recall against every word of title and body: {s['recall_every_word']} mean over "
        f"{s['words_of_title_and_body_sampled']} words, {s['recall_every_word_weighted_by_articles']} weighted by "
        f"articles, {s['recall_every_word_10_most_common']} for the 10 most common words; most common word in "
        f"scope: {s['most_common_word']}",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--bundles", type=int, default=4)
    parser.add_argument("--words", type=int, default=100, help="words sampled for the recall figures")
    args = parser.parse_args()
    figures = run(args.articles, args.bundles, args.words)
    print(table(figures), file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
