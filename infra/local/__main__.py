"""`python -m infra.local` (what `make run` runs): start the local stack, ingest the seeds, serve until Ctrl-C."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path
from types import FrameType

from infra.local.banner import describe
from infra.local.stack import LocalOptions, LocalStack

LOG_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a TCP port (0-65535; 0 picks a free one)")
    return value


def _seconds(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 43200:
        raise argparse.ArgumentTypeError(f"{value} must be 0..43200 seconds (the SQS visibility bounds)")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ
    parser = argparse.ArgumentParser(prog="python -m infra.local", description=__doc__)
    parser.add_argument("--aws-port", type=_port, default=int(env.get("NEWSDROP_AWS_PORT", 4566)))
    parser.add_argument("--api-port", type=_port, default=int(env.get("NEWSDROP_API_PORT", 3000)))
    parser.add_argument("--state-dir", type=Path, default=Path(env.get("NEWSDROP_STATE_DIR", ".newsdrop")))
    parser.add_argument("--drop-dir", type=Path, default=Path(env.get("NEWSDROP_DROP_DIR", "drop")))
    parser.add_argument("--stack", default=env.get("NEWSDROP_STACK", "newsdrop-local"))
    parser.add_argument(
        "--api-key", default=env.get("NEWSDROP_API_KEY") or None, help="default: kept in the state dir"
    )
    parser.add_argument(
        "--retry-visibility",
        type=_seconds,
        default=int(env["NEWSDROP_RETRY_VISIBILITY"]) if env.get("NEWSDROP_RETRY_VISIBILITY") else None,
        metavar="SECONDS",
        help="a failed message comes back after SECONDS instead of the queue's visibility timeout (5400 s)",
    )
    parser.add_argument("--no-seed", action="store_true", help="do not ingest the sample bundle")
    parser.add_argument(
        "--no-replay", action="store_true", help="do not ingest the bundles kept from earlier runs"
    )
    parser.add_argument(
        "--parameter", action="append", default=[], metavar="NAME=VALUE", help="template parameter override"
    )
    parser.add_argument(
        "--dynamodb",
        choices=("dynalite", "moto"),
        default=env.get("NEWSDROP_DYNAMODB", "dynalite"),
        help="dynalite (default): the table on disk in the state dir, kept across restarts (needs Node, "
        "`make node`); moto: in memory, every kept bundle ingested again at start, slow past a few "
        "thousand articles",
    )
    parser.add_argument(
        "--ingest-workers",
        type=int,
        default=int(env["NEWSDROP_INGEST_WORKERS"]) if env.get("NEWSDROP_INGEST_WORKERS") else None,
        metavar="N",
        help="ingest processes polling the queue, like concurrent invocations (default: one per core, up to 4)",
    )
    parser.add_argument("--quiet", action="store_true", help="warnings only from the functions' logs")
    parser.add_argument(
        "--trace",
        action="store_true",
        help="send X-Ray segments to AWS_XRAY_DAEMON_ADDRESS (default 127.0.0.1:2000); off by default",
    )
    args = parser.parse_args(argv)
    parameters = {}
    for item in args.parameter:
        name, sep, value = item.partition("=")
        if not sep:
            parser.error(f"--parameter {item!r} must look like NAME=VALUE")
        parameters[name] = value
    args.parameters = parameters
    return args


def configure_logging() -> None:
    """Plain lines for the stack's own parts, on a handler of their own.

    The functions' Powertools Logger (service "newsdrop") puts its JSON handler on the "newsdrop" logger, with the
    last invocation's function name and request id: the stack's "newsdrop.local.*" lines must not go through it.
    """
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    stack_logger = logging.getLogger("newsdrop.local")
    if not stack_logger.handlers:
        own = logging.StreamHandler()
        own.setFormatter(logging.Formatter(LOG_FORMAT))
        stack_logger.addHandler(own)
    stack_logger.propagate = False


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    configure_logging()
    logging.getLogger("botocore").setLevel(logging.WARNING)  # "Found credentials" on every client
    options = LocalOptions(
        aws_port=args.aws_port,
        api_port=args.api_port,
        state_dir=args.state_dir,
        drop_dir=args.drop_dir,
        stack=args.stack,
        parameters=args.parameters,
        seed=not args.no_seed,
        replay=not args.no_replay,
        retry_visibility=args.retry_visibility,
        api_key=args.api_key,
        function_log_level="WARNING" if args.quiet else None,
        trace=args.trace,
        dynamodb=args.dynamodb,
        **({"ingest_workers": args.ingest_workers} if args.ingest_workers else {}),
    )
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    stack = LocalStack(options)
    try:
        stack.start()
    except OSError as exc:
        print(f"newsdrop local stack: {exc}", file=sys.stderr)
        return 2
    try:
        records = (
            stack.api_client.wait_for_bundles(stack.uploaded_at_start, stop=stop)
            if stack.uploaded_at_start
            else {}
        )
        print(describe(stack, records), flush=True)
        while not stop.is_set() and not stack.ready.wait(0.5):
            pass
        if stack.ready.is_set():
            # Scripts wait for this line, or poll GET /health until "ready": true.
            print(
                f"ready: {stack.api_url} (every kept bundle back; GET /health says ready: true)",
                flush=True,
            )
        while not stop.wait(1):
            pass
    finally:
        print("stopping the local stack ...", file=sys.stderr, flush=True)
        stack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
