"""Read side of newsdrop: the queries behind the lookup API (no boto3 here; reads go through ArticleTable)."""
