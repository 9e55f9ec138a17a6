"""Reads template.yaml (CloudFormation short tags included): the template, its functions' properties, and the
stack context and parameters its intrinsic functions resolve against (``infra.resolver``)."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_PATH = REPO_ROOT / "template.yaml"
DEFAULT_ACCOUNT_ID = "123456789012"  # moto's account unless MOTO_ACCOUNT_ID says otherwise
DEFAULT_REGION = "us-east-1"


class TemplateError(ValueError):
    """The template cannot be read or resolved locally; the message names the part and what to change."""


class _NoValue:
    """``AWS::NoValue``: the property or list item it stands in is dropped."""

    _instance: _NoValue | None = None

    def __new__(cls) -> _NoValue:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "AWS::NoValue"


NO_VALUE = _NoValue()


# ---------------------------------------------------------------------------- loading
class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that also understands !Ref, !Sub, !GetAtt and the other short forms."""


def _construct_intrinsic(loader: _CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if suffix in ("Ref", "Condition"):
        return {suffix: value}
    if suffix == "GetAtt" and isinstance(value, str):
        # The short form "Resource.Attribute" splits at the first dot only (attributes may hold dots).
        value = value.split(".", 1)
    return {f"Fn::{suffix}": value}


_CfnLoader.add_multi_constructor("!", _construct_intrinsic)


def parse_yaml(text: str) -> Any:
    """YAML with CloudFormation short tags turned into long-form intrinsics; safe (no arbitrary objects)."""
    return yaml.load(text, Loader=_CfnLoader)


def load_template(path: str | Path = TEMPLATE_PATH) -> dict[str, Any]:
    """Parse a CloudFormation/SAM template into plain dicts with long-form intrinsics (``Fn::Sub``...)."""
    template_path = Path(path)
    if not template_path.is_absolute() and not template_path.exists():
        template_path = REPO_ROOT / template_path
    try:
        text = template_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(
            f"cannot read template {template_path}: {exc}; pass the path of template.yaml"
        ) from exc
    try:
        document = parse_yaml(text)
    except yaml.YAMLError as exc:
        raise TemplateError(f"{template_path} is not valid YAML: {exc}; fix the line it names") from exc
    if not isinstance(document, dict) or not isinstance(document.get("Resources"), dict):
        raise TemplateError(f"{template_path} has no Resources mapping; is it a CloudFormation template?")
    return document


def function_properties(template: Mapping[str, Any], logical_id: str) -> dict[str, Any]:
    """A SAM function's properties with ``Globals.Function`` merged in, as the SAM transform does."""
    resource = template["Resources"].get(logical_id)
    if resource is None or resource.get("Type") != "AWS::Serverless::Function":
        raise TemplateError(f"{logical_id} is not an AWS::Serverless::Function in the template")
    merged = copy.deepcopy(template.get("Globals", {}).get("Function", {}))
    own = copy.deepcopy(resource.get("Properties", {}))
    for key, value in own.items():
        if key == "Environment" and "Environment" in merged:
            variables = dict(merged["Environment"].get("Variables", {}))
            variables.update(value.get("Variables", {}))
            merged["Environment"] = {**merged["Environment"], **value, "Variables": variables}
        else:
            merged[key] = value
    return merged


# ---------------------------------------------------------------------------- context
@dataclass(frozen=True, slots=True)
class StackContext:
    """Where the template is being resolved: what CloudFormation would supply as pseudo parameters."""

    stack_name: str
    account_id: str = DEFAULT_ACCOUNT_ID
    region: str = DEFAULT_REGION
    partition: str = "aws"
    parameters: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def url_suffix(self) -> str:
        return "amazonaws.com.cn" if self.partition == "aws-cn" else "amazonaws.com"

    @property
    def stack_id(self) -> str:
        return (
            f"arn:{self.partition}:cloudformation:{self.region}:{self.account_id}:"
            f"stack/{self.stack_name}/00000000-0000-0000-0000-000000000000"
        )

    def pseudo(self, name: str) -> Any:
        values: dict[str, Any] = {
            "AWS::StackName": self.stack_name,
            "AWS::AccountId": self.account_id,
            "AWS::Region": self.region,
            "AWS::Partition": self.partition,
            "AWS::URLSuffix": self.url_suffix,
            "AWS::StackId": self.stack_id,
            "AWS::NotificationARNs": [],
            "AWS::NoValue": NO_VALUE,
        }
        if name not in values:
            raise TemplateError(f"unknown pseudo parameter {name}; use one of {sorted(values)}")
        return values[name]


def _number(name: str, raw: Any) -> int | float:
    try:
        number = float(raw)
    except (TypeError, ValueError) as exc:
        raise TemplateError(f"parameter {name}={raw!r} must be a number") from exc
    return int(number) if number.is_integer() else number


def resolve_parameters(template: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Parameter values from overrides or defaults, checked against the template's own constraints."""
    declared: Mapping[str, Mapping[str, Any]] = template.get("Parameters", {}) or {}
    unknown = sorted(set(overrides) - set(declared))
    if unknown:
        raise TemplateError(
            f"unknown parameter override(s) {unknown}; the template declares {sorted(declared)}"
        )
    values: dict[str, Any] = {}
    for name, spec in declared.items():
        if name in overrides:
            raw = overrides[name]
        elif "Default" in spec:
            raw = spec["Default"]
        else:
            raise TemplateError(f"parameter {name} has no default: pass it in the parameter overrides")
        kind = spec.get("Type", "String")
        value: Any
        if kind == "Number":
            value = _number(name, raw)
            if "MinValue" in spec and value < float(spec["MinValue"]):
                raise TemplateError(f"parameter {name}={value} is below its MinValue {spec['MinValue']}")
            if "MaxValue" in spec and value > float(spec["MaxValue"]):
                raise TemplateError(f"parameter {name}={value} is above its MaxValue {spec['MaxValue']}")
        elif kind == "CommaDelimitedList" or kind.startswith("List<"):
            value = raw if isinstance(raw, list) else [part.strip() for part in str(raw).split(",")]
        else:
            value = str(raw)
            pattern = spec.get("AllowedPattern")
            if pattern is not None and re.fullmatch(pattern, value) is None:
                hint = spec.get("ConstraintDescription", f"match {pattern}")
                raise TemplateError(f"parameter {name}={value!r} is not allowed: {hint}")
            if not int(spec.get("MinLength", 0)) <= len(value) <= int(spec.get("MaxLength", len(value))):
                raise TemplateError(
                    f"parameter {name}={value!r} has a length outside its MinLength/MaxLength"
                )
        allowed = spec.get("AllowedValues")
        if allowed is not None and str(value) not in {str(option) for option in allowed}:
            raise TemplateError(f"parameter {name}={value!r} must be one of {allowed}")
        values[name] = value
    return values
