"""Resolves the template's intrinsic functions (Ref, Fn::Sub, Fn::GetAtt, Fn::If, ...) locally, and the
environment a function gets in the cloud."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from infra.template import NO_VALUE, StackContext, TemplateError, function_properties, resolve_parameters

_SUB_VARIABLE = re.compile(r"\$\{([^}]*)\}")


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)) or value is NO_VALUE:
        raise TemplateError(f"{value!r} cannot be placed in a string (Fn::Sub / Fn::Join take scalars)")
    return str(value)


def _prune(value: Any) -> Any:
    """Drop ``AWS::NoValue`` from mappings and lists, as CloudFormation does."""
    if isinstance(value, dict):
        return {key: _prune(item) for key, item in value.items() if item is not NO_VALUE}
    if isinstance(value, list):
        return [_prune(item) for item in value if item is not NO_VALUE]
    return value


class Resolver:
    """Evaluates Ref, Fn::Sub, Fn::GetAtt, Fn::If and friends against one stack context.

    A resource's Ref and attributes come from ``register`` once it exists; before that they are
    derived from its name property, the way CloudFormation names it (ARNs built from the context).
    """

    def __init__(self, template: Mapping[str, Any], context: StackContext) -> None:
        self.template = template
        self.context = context
        self.resources: Mapping[str, Mapping[str, Any]] = template["Resources"]
        self.parameters = resolve_parameters(template, context.parameters)
        self._registered: dict[str, dict[str, Any]] = {}
        self._conditions: dict[str, bool] = {}
        self._evaluating: set[str] = set()

    # -- registration of created resources
    def register(self, logical_id: str, ref: Any, **attributes: Any) -> None:
        """Record what a created resource's Ref and attributes really are (e.g. a queue URL from moto)."""
        if logical_id not in self.resources:
            raise TemplateError(f"{logical_id} is not a resource of the template")
        self._registered[logical_id] = {"Ref": ref, **attributes}

    # -- conditions
    def condition(self, name: str) -> bool:
        if name in self._conditions:
            return self._conditions[name]
        conditions = self.template.get("Conditions", {}) or {}
        if name not in conditions:
            raise TemplateError(f"unknown condition {name}; declare it under Conditions")
        if name in self._evaluating:
            raise TemplateError(f"condition {name} refers to itself")
        self._evaluating.add(name)
        try:
            result = bool(self.resolve(conditions[name]))
        finally:
            self._evaluating.discard(name)
        self._conditions[name] = result
        return result

    def is_active(self, logical_id: str) -> bool:
        """Whether the resource is created at all (its ``Condition`` holds, or it has none)."""
        condition = self.resources[logical_id].get("Condition")
        return condition is None or self.condition(condition)

    # -- references
    def physical_name(self, logical_id: str) -> str:
        """The name a resource gets: its name property, else ``<stack>-<LogicalId>`` (CFN adds a random tail)."""
        resource = self._resource(logical_id)
        name_property = _NAME_PROPERTIES.get(resource.get("Type", ""))
        properties = resource.get("Properties", {}) or {}
        if name_property and name_property in properties:
            return _as_text(self.resolve(properties[name_property]))
        return f"{self.context.stack_name}-{logical_id}"

    def ref(self, name: str) -> Any:
        if name.startswith("AWS::"):
            return self.context.pseudo(name)
        if name in self.parameters:
            return self.parameters[name]
        if name in self._registered:
            return self._registered[name]["Ref"]
        return self._derived(name)["Ref"]

    def get_att(self, logical_id: str, attribute: str) -> Any:
        known = self._registered.get(logical_id) or self._derived(logical_id)
        if attribute not in known:
            raise TemplateError(
                f"attribute {attribute} of {logical_id} is not known locally; have infra register it"
            )
        return known[attribute]

    def _resource(self, logical_id: str) -> Mapping[str, Any]:
        if logical_id not in self.resources:
            raise TemplateError(f"reference to {logical_id}, which is neither a parameter nor a resource")
        return self.resources[logical_id]

    def _derived(self, logical_id: str) -> dict[str, Any]:
        kind = self._resource(logical_id).get("Type", "")
        ctx = self.context
        name = self.physical_name(logical_id)
        arn_head = f"arn:{ctx.partition}"
        if kind == "AWS::S3::Bucket":
            return {
                "Ref": name,
                "Arn": f"{arn_head}:s3:::{name}",
                "DomainName": f"{name}.s3.{ctx.url_suffix}",
                "RegionalDomainName": f"{name}.s3.{ctx.region}.{ctx.url_suffix}",
            }
        if kind == "AWS::SQS::Queue":
            url = f"https://sqs.{ctx.region}.{ctx.url_suffix}/{ctx.account_id}/{name}"
            return {
                "Ref": url,
                "QueueUrl": url,
                "QueueName": name,
                "Arn": f"{arn_head}:sqs:{ctx.region}:{ctx.account_id}:{name}",
            }
        if kind == "AWS::DynamoDB::Table":
            return {"Ref": name, "Arn": f"{arn_head}:dynamodb:{ctx.region}:{ctx.account_id}:table/{name}"}
        if kind == "AWS::Logs::LogGroup":
            return {"Ref": name, "Arn": f"{arn_head}:logs:{ctx.region}:{ctx.account_id}:log-group:{name}:*"}
        if kind == "AWS::SNS::Topic":
            arn = f"{arn_head}:sns:{ctx.region}:{ctx.account_id}:{name}"
            return {"Ref": arn, "TopicArn": arn, "TopicName": name}
        if kind == "AWS::Serverless::Api":
            # A REST API id; the local stack replaces the URL built from it with its own gateway's.
            rest_api_id = hashlib.sha256(name.encode()).hexdigest()[:10]
            return {"Ref": rest_api_id, "RootResourceId": rest_api_id}
        if kind == "AWS::SecretsManager::Secret":
            # Locally a dynamic reference to it stays a literal string: fixed, but unique per stack name.
            arn = f"{arn_head}:secretsmanager:{ctx.region}:{ctx.account_id}:secret:{name}"
            return {"Ref": arn, "Id": arn}
        raise TemplateError(
            f"{logical_id} ({kind}) has no local value: infra creates only what tests need; "
            "register it with Resolver.register or avoid resolving properties that refer to it"
        )

    # -- evaluation
    def resolve(self, value: Any) -> Any:
        """Evaluate every intrinsic in ``value``; ``AWS::NoValue`` entries are dropped from the result."""
        return _prune(self._eval(value))

    def _eval(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self._eval(item) for item in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, argument),) = value.items()
            if key == "Ref":
                return self.ref(argument)
            if key == "Condition" and isinstance(argument, str):
                return self.condition(argument)
            if key.startswith("Fn::"):
                return self._function(key, argument)
        return {key: self._eval(item) for key, item in value.items()}

    def _function(self, name: str, argument: Any) -> Any:
        handler = getattr(self, "_fn_" + name[4:].lower(), None)
        if handler is None:
            raise TemplateError(f"{name} is not supported by the local resolver (infra/template.py)")
        return handler(argument)

    def _fn_sub(self, argument: Any) -> str:
        if isinstance(argument, str):
            text, variables = argument, {}
        elif isinstance(argument, list) and len(argument) == 2 and isinstance(argument[1], dict):
            text, variables = argument[0], {k: self._eval(v) for k, v in argument[1].items()}
        else:
            raise TemplateError(f"Fn::Sub takes a string or [string, {{variables}}], got {argument!r}")

        def substitute(match: re.Match[str]) -> str:
            expression = match.group(1)
            if expression.startswith("!"):
                return "${" + expression[1:] + "}"  # ${!Literal} stays literal
            if expression in variables:
                return _as_text(variables[expression])
            if "." in expression and not expression.startswith("AWS::"):
                logical_id, attribute = expression.split(".", 1)
                return _as_text(self.get_att(logical_id, attribute))
            return _as_text(self.ref(expression))

        return _SUB_VARIABLE.sub(substitute, text)

    def _fn_getatt(self, argument: Any) -> Any:
        if not (isinstance(argument, list) and len(argument) == 2):
            raise TemplateError(f"Fn::GetAtt takes [resource, attribute], got {argument!r}")
        logical_id, attribute = argument
        return self.get_att(logical_id, _as_text(self._eval(attribute)))

    def _fn_join(self, argument: Any) -> str:
        delimiter, items = argument
        resolved = self._eval(items)
        if not isinstance(resolved, list):
            raise TemplateError(f"Fn::Join needs a list to join, got {resolved!r}")
        return _as_text(delimiter).join(_as_text(item) for item in resolved if item is not NO_VALUE)

    def _fn_select(self, argument: Any) -> Any:
        index, items = (self._eval(part) for part in argument)
        try:
            return items[int(index)]
        except (IndexError, ValueError, TypeError) as exc:
            raise TemplateError(f"Fn::Select index {index!r} is not valid for {items!r}") from exc

    def _fn_split(self, argument: Any) -> list[str]:
        delimiter, source = argument
        return _as_text(self._eval(source)).split(_as_text(delimiter))

    def _fn_if(self, argument: Any) -> Any:
        condition, when_true, when_false = argument
        return self._eval(when_true if self.condition(condition) else when_false)

    def _fn_equals(self, argument: Any) -> bool:
        left, right = (self._eval(part) for part in argument)
        # CloudFormation compares the string forms: a Number parameter 0 equals "0".
        return _as_text(left) == _as_text(right)

    def _fn_not(self, argument: Any) -> bool:
        (inner,) = argument
        return not self._truth(inner)

    def _fn_and(self, argument: Any) -> bool:
        return all(self._truth(item) for item in argument)

    def _fn_or(self, argument: Any) -> bool:
        return any(self._truth(item) for item in argument)

    def _truth(self, value: Any) -> bool:
        result = self._eval(value)
        if not isinstance(result, bool):
            raise TemplateError(f"a condition must evaluate to true or false, got {result!r}")
        return result

    def _fn_findinmap(self, argument: Any) -> Any:
        map_name, top_key, second_key = (_as_text(self._eval(part)) for part in argument)
        try:
            return self.template["Mappings"][map_name][top_key][second_key]
        except KeyError as exc:
            raise TemplateError(
                f"Fn::FindInMap {map_name}/{top_key}/{second_key} is not in Mappings"
            ) from exc

    def _fn_base64(self, argument: Any) -> str:
        return base64.b64encode(_as_text(self._eval(argument)).encode()).decode()

    def _fn_getazs(self, argument: Any) -> list[str]:
        region = _as_text(self._eval(argument)) or self.context.region
        return [f"{region}{zone}" for zone in "abc"]


_NAME_PROPERTIES: dict[str, str] = {
    "AWS::S3::Bucket": "BucketName",
    "AWS::SQS::Queue": "QueueName",
    "AWS::DynamoDB::Table": "TableName",
    "AWS::Logs::LogGroup": "LogGroupName",
    "AWS::SNS::Topic": "TopicName",
    "AWS::Serverless::Function": "FunctionName",
    "AWS::Lambda::Function": "FunctionName",
}


def function_environment(resolver: Resolver, logical_id: str) -> dict[str, str]:
    """The environment variables a function gets in the cloud (Globals merged), as strings."""
    properties = function_properties(resolver.template, logical_id)
    variables = resolver.resolve(properties.get("Environment", {}).get("Variables", {}))
    return {name: _as_text(value) for name, value in variables.items()}
