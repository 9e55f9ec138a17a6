"""Settings.from_env takes the environment as a mapping and requires the table and the bucket; wiring builds once."""

from __future__ import annotations

import pytest

from newsdrop import wiring
from newsdrop.config import MissingSetting, Settings

BASE = {"TABLE_NAME": "t1", "BUCKET_NAME": "b1"}


def test_settings_come_from_the_mapping_given_not_the_process():
    settings = Settings.from_env({**BASE, "AWS_REGION": "eu-west-1", "MAX_MEMBERS": "7"})
    assert (settings.table_name, settings.bucket_name, settings.region) == ("t1", "b1", "eu-west-1")
    assert settings.limits.max_members == 7 and settings.endpoint_url is None


@pytest.mark.parametrize("missing", ["TABLE_NAME", "BUCKET_NAME"])
@pytest.mark.parametrize("value", [None, "", "  "])
def test_a_missing_table_or_bucket_is_an_error_naming_the_variable_and_what_to_do(missing, value):
    environ = dict(BASE)
    if value is None:
        del environ[missing]
    else:
        environ[missing] = value
    with pytest.raises(MissingSetting) as caught:
        Settings.from_env(environ)
    assert missing in str(caught.value) and "set it to the stack's" in str(caught.value)


def test_a_malformed_limit_names_its_variable():
    with pytest.raises(ValueError, match="MAX_MEMBERS='many' must be an integer"):
        Settings.from_env({**BASE, "MAX_MEMBERS": "many"})


def test_wiring_builds_each_part_once_and_reset_forgets_them_all(monkeypatch):
    monkeypatch.setenv("TABLE_NAME", "first-table")
    monkeypatch.setenv("BUCKET_NAME", "first-bucket")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("CURSOR_SECRET_ARN", raising=False)
    monkeypatch.setenv("CURSOR_SECRET", "a local development key")  # the lookup fails closed without one
    wiring.reset()
    service = wiring.lookup()
    assert wiring.lookup() is service and wiring.ingestor() is wiring.ingestor()
    assert service.store.table.name == "first-table"
    assert wiring.ingestor().bucket.name == "first-bucket"
    monkeypatch.setenv("TABLE_NAME", "second-table")
    assert wiring.lookup().store.table.name == "first-table", "built once per process"
    wiring.reset()
    assert wiring.lookup().store.table.name == "second-table"
    assert wiring.ingestor().store.table.name == "second-table"
    wiring.reset()
