"""Every access pattern of the articles table, by name: the only place (with its pattern modules) that writes
expressions or keys."""

from __future__ import annotations

from newsdrop.dal.article_reads import ArticleReads
from newsdrop.dal.article_writes import ArticleWrites
from newsdrop.dal.bundle_records import LAYOUT_VERSION, BundleRecords, Claim, ReprocessClaim
from newsdrop.dal.expressions import (
    ARTICLE_SUMMARY,
    BUNDLE_SUMMARY,
    GSI_PROJECTION,
    MAX_QUERIES_PER_PAGE,
    BadStartKey,
    StartKey,
    check_start_key,
)

__all__ = [
    "ARTICLE_SUMMARY",
    "BUNDLE_SUMMARY",
    "GSI_PROJECTION",
    "LAYOUT_VERSION",
    "MAX_QUERIES_PER_PAGE",
    "BadStartKey",
    "Claim",
    "ReprocessClaim",
    "StartKey",
    "Store",
    "check_start_key",
]


class Store(BundleRecords, ArticleWrites, ArticleReads):
    """Named reads and writes over one ArticleTable, one class per family of patterns."""
