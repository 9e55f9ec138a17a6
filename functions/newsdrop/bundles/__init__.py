"""Bundle format detection and streaming splitting into members (pure: no AWS calls)."""

from newsdrop.bundles.detect import FORMATS, HEAD_BYTES, SUPPORTED_FORMATS, detect_format, format_label
from newsdrop.bundles.split import iter_members

__all__ = ["FORMATS", "HEAD_BYTES", "SUPPORTED_FORMATS", "detect_format", "format_label", "iter_members"]
