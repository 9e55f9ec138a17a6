"""template.yaml as the tests read it: the resolved template, its resources by type, every IAM statement."""

from __future__ import annotations

from typing import Any

from infra.resolver import Resolver
from infra.template import StackContext, load_template

STACK = "newsdrop-test"
ACCOUNT = "111122223333"
REGION = "eu-west-1"
TEMPLATE = load_template()
RESOURCES = TEMPLATE["Resources"]


def resolver(**parameters: Any) -> Resolver:
    context = StackContext(STACK, account_id=ACCOUNT, region=REGION, parameters=parameters)
    return Resolver(TEMPLATE, context)


def props(logical_id: str, **parameters: Any) -> dict[str, Any]:
    return resolver(**parameters).resolve(RESOURCES[logical_id]["Properties"])


def of_type(kind: str) -> list[str]:
    return [lid for lid, res in RESOURCES.items() if res["Type"] == kind]


def listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def all_policy_statements() -> list[tuple[str, dict[str, Any]]]:
    """Every IAM statement the template writes: function policies and resource policies, resolved."""
    r = resolver(AlarmEmail="ops@example.org", CreateApiGatewayLoggingRole="true")
    found: list[tuple[str, dict[str, Any]]] = []
    for lid in of_type("AWS::Serverless::Function"):
        for policy in RESOURCES[lid]["Properties"].get("Policies", []):
            found += [(lid, st) for st in r.resolve(policy)["Statement"]]
    for lid, res in RESOURCES.items():
        for key in ("PolicyDocument", "AssumeRolePolicyDocument"):
            if key in res.get("Properties", {}):
                found += [(lid, st) for st in listed(r.resolve(res["Properties"][key])["Statement"])]
    return found


def bucket_arn() -> str:
    return f"arn:aws:s3:::{STACK}-drop-{ACCOUNT}"


def table_arns() -> set[str]:
    table = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{STACK}-articles"
    return {table, f"{table}/index/gsi1", f"{table}/index/gsi2"}


def function_statements(logical_id: str) -> list[dict[str, Any]]:
    r = resolver()
    return [st for p in RESOURCES[logical_id]["Properties"]["Policies"] for st in r.resolve(p)["Statement"]]


def granted(logical_id: str) -> dict[str, set[str]]:
    """Action -> the resources a function may apply it to."""
    grants: dict[str, set[str]] = {}
    for statement in function_statements(logical_id):
        assert statement["Effect"] == "Allow"
        for action in listed(statement["Action"]):
            grants.setdefault(action, set()).update(listed(statement["Resource"]))
    return grants
