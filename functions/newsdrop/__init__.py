"""newsdrop: serverless ingestion of news-article bundles."""

__version__ = "0.1.0"
