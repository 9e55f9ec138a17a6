"""The local intrinsic resolver that reads template.yaml: intrinsics, conditions, registered values, short tags."""

from __future__ import annotations

from typing import Any

import pytest

from infra.resolver import Resolver
from infra.template import NO_VALUE, StackContext, TemplateError, parse_yaml

ACCOUNT = "111122223333"
REGION = "eu-west-1"

MINI = parse_yaml(
    """
Parameters:
  Env: {Type: String, Default: dev}
  Size: {Type: Number, Default: 3}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsBig: !Not [!Equals [!Ref Size, 3]]
  Either: !Or [!Condition IsProd, !Condition IsBig]
  Both: !And [!Condition IsProd, !Condition IsBig]
Mappings:
  Tiers: {dev: {Memory: 256}, prod: {Memory: 2048}}
Resources:
  Queue: {Type: AWS::SQS::Queue, Properties: {QueueName: !Sub "${AWS::StackName}-q"}}
  Bucket: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "b-${Env}"}}
  Table: {Type: AWS::DynamoDB::Table, Properties: {}}
  Only: {Type: AWS::SNS::Topic, Condition: IsProd}
"""
)


def mini(**parameters: Any) -> Resolver:
    return Resolver(MINI, StackContext("st", account_id=ACCOUNT, region=REGION, parameters=parameters))


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ({"Fn::Sub": "${AWS::StackName}/${AWS::Region}/${AWS::AccountId}"}, f"st/{REGION}/{ACCOUNT}"),
        ({"Fn::Sub": "arn:${AWS::Partition}:x:${AWS::URLSuffix}"}, "arn:aws:x:amazonaws.com"),
        ({"Fn::Sub": "${Env}-${Size}"}, "dev-3"),
        ({"Fn::Sub": "${Queue.Arn}"}, f"arn:aws:sqs:{REGION}:{ACCOUNT}:st-q"),
        ({"Fn::Sub": "${!Literal}-${Env}"}, "${Literal}-dev"),
        ({"Fn::Sub": ["${X}/${Env}", {"X": {"Ref": "Bucket"}}]}, "b-dev/dev"),
        ({"Ref": "Queue"}, f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/st-q"),
        ({"Fn::GetAtt": ["Queue", "QueueName"]}, "st-q"),
        ({"Fn::GetAtt": ["Queue", "QueueUrl"]}, f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/st-q"),
        ({"Fn::GetAtt": ["Bucket", "Arn"]}, "arn:aws:s3:::b-dev"),
        ({"Ref": "Table"}, "st-Table"),
        ({"Fn::Join": ["-", ["a", {"Ref": "Env"}, {"Ref": "Size"}]]}, "a-dev-3"),
        ({"Fn::Select": [1, {"Ref": "Names"}]}, "b"),
        ({"Fn::Select": ["2", {"Fn::Split": ["/", "x/y/z"]}]}, "z"),
        ({"Fn::If": ["IsProd", "big", "small"]}, "small"),
        ({"Fn::FindInMap": ["Tiers", {"Ref": "Env"}, "Memory"]}, 256),
        ({"Fn::Base64": "hi"}, "aGk="),
        ({"Ref": "AWS::NoValue"}, NO_VALUE),
        ({"Keep": 1, "Drop": {"Fn::If": ["IsProd", 1, {"Ref": "AWS::NoValue"}]}}, {"Keep": 1}),
        ([1, {"Fn::If": ["IsProd", 2, {"Ref": "AWS::NoValue"}]}, 3], [1, 3]),
    ],
)
def test_resolver_evaluates_intrinsics(expression, expected):
    assert mini().resolve(expression) == expected


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ({}, {"IsProd": False, "IsBig": False, "Either": False, "Both": False}),
        ({"Env": "prod"}, {"IsProd": True, "IsBig": False, "Either": True, "Both": False}),
        ({"Env": "prod", "Size": 9}, {"IsProd": True, "IsBig": True, "Either": True, "Both": True}),
    ],
)
def test_conditions_combine_and_decide_which_resources_exist(parameters, expected):
    r = mini(**parameters)

    assert {name: r.condition(name) for name in expected} == expected
    assert r.is_active("Only") is expected["IsProd"]
    assert r.is_active("Queue") is True


def test_registered_values_replace_derived_ones():
    r = mini()
    r.register("Queue", "http://127.0.0.1:5000/1/st-q", Arn="arn:moto:q")

    assert r.resolve({"Fn::Sub": "${Queue}|${Queue.Arn}"}) == "http://127.0.0.1:5000/1/st-q|arn:moto:q"


@pytest.mark.parametrize(
    "expression",
    [
        {"Ref": "Nowhere"},
        {"Fn::GetAtt": ["Queue", "NoSuchAttribute"]},
        {"Fn::If": ["NoSuchCondition", 1, 2]},
        {"Fn::ImportValue": "shared"},
        {"Fn::Sub": "${AWS::Nonsense}"},
        {"Fn::Select": [5, ["a"]]},
    ],
)
def test_resolver_refuses_what_it_cannot_resolve_with_a_reason(expression):
    with pytest.raises(TemplateError):
        mini().resolve(expression)


def test_loader_turns_short_tags_into_long_form():
    loaded = parse_yaml(
        "a: !GetAtt Res.Attr.With.Dots\nb: !Ref X\nc: !Sub '${X}'\nd: !If [C, !Ref Y, !Ref AWS::NoValue]\n"
    )

    assert loaded == {
        "a": {"Fn::GetAtt": ["Res", "Attr.With.Dots"]},
        "b": {"Ref": "X"},
        "c": {"Fn::Sub": "${X}"},
        "d": {"Fn::If": ["C", {"Ref": "Y"}, {"Ref": "AWS::NoValue"}]},
    }
