"""Decoding article bytes (UTF-8, UTF-16, legacy code pages) and normalising the text."""

from __future__ import annotations

import codecs

import pytest

from newsdrop.errors import UndecodableText
from newsdrop.text.decode import decode_bytes, normalize_text

ENGLISH = "He said “hello” — it’s fine.\nThe café was closed; naïve résumé.\n"
ARABIC = (
    "قال الرئيس إن الحكومة ستعمل على تحسين الاقتصاد الوطني وزيادة فرص العمل للشباب في جميع المحافظات.\n"
    "وأضاف أن المرحلة المقبلة ستشهد مشاريع جديدة في مجالات التعليم والصحة والطاقة.\n"
)
POLISH = "Wczoraj prezydent powiedział, że rząd będzie pracował nad łatwiejszym życiem. Żółć gęślą jaźń.\n"


@pytest.mark.parametrize(
    ("data", "expected_encoding"),
    [
        pytest.param(ENGLISH.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "utf-8-sig", id="utf-8-bom"),
        pytest.param(ENGLISH.encode("utf-16"), "utf-16", id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ENGLISH.encode("utf-16-be"), "utf-16", id="utf-16-be-bom"),
        pytest.param(ENGLISH.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
        pytest.param(ENGLISH.encode("utf-16-be"), "utf-16-be", id="utf-16-be-no-bom"),
        pytest.param(ENGLISH.encode("utf-32"), "utf-32", id="utf-32-bom"),
        pytest.param(ENGLISH.encode("cp1252"), "cp1252", id="cp1252-curly-quotes"),
        pytest.param(ARABIC.encode("cp1256"), "cp1256", id="cp1256-arabic"),
        pytest.param(POLISH.encode("cp1250"), "cp1250", id="cp1250-polish"),
    ],
)
def test_decodes_text_in_supported_encodings(data: bytes, expected_encoding: str) -> None:
    text, encoding = decode_bytes(data)
    assert encoding == expected_encoding
    assert text in (ENGLISH, ARABIC, POLISH)


def test_bom_is_not_part_of_the_text() -> None:
    text, _ = decode_bytes(codecs.BOM_UTF8 + b"Title\n")
    assert text == "Title\n"


def test_empty_bytes_are_empty_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)), id="zip"),
        pytest.param(b"%PDF-1.4\n" + b"\x00" * 64, id="nul-heavy"),
        pytest.param(bytes(range(1, 32)) * 20, id="control-characters"),
    ],
)
def test_binary_is_undecodable_with_a_hint(data: bytes) -> None:
    with pytest.raises(UndecodableText) as raised:
        decode_bytes(data)
    assert raised.value.code == "undecodable"
    assert raised.value.hint


def test_broken_bom_is_undecodable() -> None:
    with pytest.raises(UndecodableText, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("a\r\nb\rc\n", "a\nb\nc\n", id="crlf-and-cr"),
        pytest.param("Re\u0301sume\u0301", "R\u00e9sum\u00e9", id="nfc"),
        pytest.param("tab\there\x00\x07\x1b", "tab\there", id="controls-dropped"),
        pytest.param("page\fbreak", "page\fbreak", id="form-feed-kept"),
        pytest.param("word\u00a0word  \nnext\u00a0\t", "word\u00a0word\nnext", id="trailing-space-and-nbsp"),
        pytest.param("keep\u00a0inside\u00a0line", "keep\u00a0inside\u00a0line", id="internal-nbsp-kept"),
        pytest.param("“curly” ‘quotes’", "“curly” ‘quotes’", id="quotes-verbatim"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_composes_accents() -> None:
    assert normalize_text("cafe\u0301") == "caf\u00e9"
