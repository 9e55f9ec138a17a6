"""The whole service on one machine without Docker: moto server, ingest poller, API gateway, drop folder."""
