"""The text cleaner's instruction count under callgrind: the steady measure of a speed change on a shared machine.

Cleans every Nth page's article and page views of the corpus (the order make eval's text pass reads them) in a
child process under valgrind, and once with nothing cleaned, and prints the difference: the cleaning's own
instructions, start-up subtracted. A fixed hash seed, one BLAS thread and no address randomisation make two runs
of one build agree to a few instructions (without them the same build moved by up to 90 M; docs/eval.md, the
merge of stop 31), so differences well under 1 % read true.

Usage: .venv/bin/python -m bench.instructions [--every 15]   (needs valgrind and setarch; about 2 minutes)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.corpus import REPO

WARM_UP = "Warm-up line of text, long enough to be a sentence of prose here."
_TOTAL = re.compile(r"^(?:summary|totals): (\d+)", re.MULTILINE)


def total_instructions(callgrind_out: str) -> int:
    """The instruction total a callgrind output file states (its ``summary:`` or ``totals:`` line)."""
    found = _TOTAL.search(callgrind_out)
    if found is None:
        raise ValueError("no 'summary:' or 'totals:' line: is this a callgrind output file?")
    return int(found.group(1))


def clean_every(step: int) -> None:
    """Load the cleaner, its model and the corpus, then clean every ``step``th text view (none for 0)."""
    import py3langid

    from newsdrop.text.cleaner import clean_article
    from newsdrop.text.cleaner.model import load_model
    from tools.cleaning_corpus import Corpus

    clean_article(WARM_UP)
    py3langid.classify(WARM_UP)
    model = load_model()
    texts = [page.read(view) for view in ("article", "page") for page in Corpus().pages]
    if step:
        for text in texts[::step]:
            clean_article(text, None, main_content=False, model=model)


def counted(step: int, workdir: Path) -> int:
    """Instructions of one child process cleaning every ``step``th view, under callgrind."""
    out = workdir / f"callgrind.{step}.out"
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "OPENBLAS_NUM_THREADS": "1",
        "PYTHONPATH": os.pathsep.join([str(REPO / "functions"), str(REPO)]),
    }
    command = ["setarch", os.uname().machine, "-R", "valgrind", "--tool=callgrind"]
    command += [
        f"--callgrind-out-file={out}",
        sys.executable,
        "-m",
        "bench.instructions",
        "--child",
        str(step),
    ]
    subprocess.run(command, env=env, cwd=REPO, check=True, capture_output=True)
    return total_instructions(out.read_text(errors="replace"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=15, help="clean every Nth text view (default 15)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        clean_every(args.child)
        return 0
    if args.every < 1:
        parser.error("--every must be 1 or more")
    missing = [tool for tool in ("valgrind", "setarch") if shutil.which(tool) is None]
    if missing:
        print(
            f"missing {', '.join(missing)}: install it (apt-get install valgrind util-linux)", file=sys.stderr
        )
        return 2
    with tempfile.TemporaryDirectory(prefix="newsdrop-callgrind-") as workdir:
        print(f"counting the start-up, then every {args.every}th text view (about 2 minutes) ...", flush=True)
        start_up = counted(0, Path(workdir))
        cleaning = counted(args.every, Path(workdir))
    print(
        f"every {args.every}th text view: {cleaning - start_up:,} instructions (start-up {start_up:,} subtracted)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
