"""The data-access layer: the table's key layout, item shapes and every access pattern (``Store``)."""

from newsdrop.dal.store import LAYOUT_VERSION, Claim, ReprocessClaim, Store
from newsdrop.dal.table import ArticleTable

__all__ = ["LAYOUT_VERSION", "ArticleTable", "Claim", "ReprocessClaim", "Store"]
