"""A compressed archive cut short still yields every member read before the cut, then CorruptBundle."""

from __future__ import annotations

import gzip
import io
import lzma
import tarfile
from collections.abc import Callable

import pytest

from newsdrop.bundles import iter_members
from newsdrop.config import Limits
from newsdrop.errors import CorruptBundle
from newsdrop.models import Member

ARTICLES = {
    f"{i:02d}.txt": (f"Headline {i}\n\n" + f"Paragraph {i} says something new. " * 40).encode()
    for i in range(12)
}


def tar_of(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# bzip2 is left out: it decodes whole 900 kB blocks, so a cut inside the only block yields nothing.
@pytest.mark.parametrize("compress", [gzip.compress, lzma.compress], ids=["gz", "xz"])
def test_members_before_the_cut_survive(compress: Callable[[bytes], bytes]):
    whole = compress(tar_of(ARTICLES))
    cut = whole[: len(whole) * 7 // 10]
    seen: list[str] = []
    with pytest.raises(CorruptBundle, match="corrupt or truncated"):
        for item in iter_members(io.BytesIO(cut), name="cut.tar", limits=Limits()):
            assert isinstance(item, Member)
            seen.append(item.name)
    assert 1 <= len(seen) < len(ARTICLES)
    assert seen == sorted(ARTICLES)[: len(seen)]
