"""What the local stack derives before it starts: the seed bundle, the API key kept in the state directory, local
values for the template's secret references, and both functions' environment merged into one process."""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import string
import zipfile
from pathlib import Path

from infra.provision import INGEST_FUNCTION_ID, LOOKUP_FUNCTION_ID, StackResources
from infra.template import REPO_ROOT, TemplateError

SEEDS_DIR = REPO_ROOT / "data" / "seeds"
API_KEY_FILE = "api-key"
_API_KEY_ALPHABET = string.ascii_letters + string.digits


def seed_bundle(seeds_dir: Path = SEEDS_DIR) -> bytes:
    """The sample articles as one zip; fixed timestamps so the bytes (and their mirror) are the same every run."""
    paths = sorted(seeds_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}: restore data/seeds from git")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            info = zipfile.ZipInfo(path.name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def load_or_create_api_key(state_dir: Path, given: str | None = None) -> str:
    """The API key: given, else the one kept in the state directory, else a new random 40-character key."""
    path = state_dir / API_KEY_FILE
    if given:
        key = given
    elif path.exists() and path.read_text(encoding="utf-8").strip():
        return path.read_text(encoding="utf-8").strip()
    else:
        key = "".join(secrets.choice(_API_KEY_ALPHABET) for _ in range(40))
    if not 20 <= len(key) <= 128:
        raise ValueError("the API key must be 20 to 128 characters long (API Gateway's bounds)")
    path.write_text(key + "\n", encoding="utf-8")
    path.chmod(0o600)
    return key


_DYNAMIC_REFERENCE = re.compile(r"\{\{resolve:([a-z-]+):([^}]*)\}\}")


def resolve_dynamic_references(value: str, secrets_dir: Path) -> str:
    """CloudFormation's ``{{resolve:secretsmanager:...}}``: a random secret kept per reference in ``secrets_dir``.

    The template generates such secrets (nobody types them), so a local random one is faithful, and
    keeping it on disk lets cursors handed out before a restart stay valid after it.
    """

    def local_value(match: re.Match[str]) -> str:
        service, reference = match.groups()
        if service != "secretsmanager":
            raise TemplateError(
                f"the local stack has no value for {{{{resolve:{service}:...}}}}: use a secretsmanager "
                "reference or a parameter"
            )
        secrets_dir.mkdir(parents=True, exist_ok=True)
        path = secrets_dir / hashlib.sha256(reference.encode()).hexdigest()[:32]
        if not path.exists():
            path.write_text(secrets.token_urlsafe(32), encoding="utf-8")
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()

    return _DYNAMIC_REFERENCE.sub(local_value, value)


def function_environment(resources: StackResources, secrets_dir: Path | None = None) -> dict[str, str]:
    """Both functions' template environment in one process; a variable they set differently is an error."""
    merged = dict(resources.lookup_environment)
    for name, value in resources.ingest_environment.items():
        if name in merged and merged[name] != value:
            raise TemplateError(
                f"{INGEST_FUNCTION_ID} and {LOOKUP_FUNCTION_ID} set {name} differently; the local stack runs "
                "both in one process: use the same value or give infra/local a process per function"
            )
        merged[name] = value
    if secrets_dir is not None:
        merged = {name: resolve_dynamic_references(value, secrets_dir) for name, value in merged.items()}
    return merged
