"""Reads a deployed stack back through the AWS APIs and compares every resource with the synthesized template.

`cdk deploy` into moto ends CREATE_COMPLETE even when resources were skipped or half-made (see
tools/moto_extension), so `make e2e` never trusts the CLI's exit code: it runs this after each deploy and after
`cdk destroy`. The expected resources come from the cloud assembly the CLI deployed (cdk.out: the stack's template
and its nested stacks' templates), never from a hand-written list, so the check cannot drift from the app.

    python tools/deploy_readback.py deployed --app cdk.out --record ids.json    # every resource, every output
    python tools/deploy_readback.py destroyed --record ids.json                  # nothing of it is left

Per resource type, a reader fetches the resource by its physical id and returns the properties it can read in
the template's own shape; each of those the template sets must be equal after resolving Ref, Fn::GetAtt,
Fn::Join, Fn::Sub, Fn::Select and Fn::Split with the deployed ids. Targets (rule targets, subscription endpoints,
on-failure destinations) must also exist. A type without a reader fails the run, unless ALLOWED_UNREAD names it
with the reason. Exit status: 0 all good, 1 a check failed, 2 cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

import boto3
from botocore.exceptions import ClientError

from cloud_assembly import nested_template, stack_templates

# Types that may be in a template but that the emulator cannot create, so they are not read back. Each needs a
# reason; anything else without a reader fails the run.
ALLOWED_UNREAD = {
    "AWS::Chatbot::SlackChannelConfiguration": "moto has no AWS Chatbot (switch 6, off by default)",
    "AWS::Chatbot::MicrosoftTeamsChannelConfiguration": "moto has no AWS Chatbot (switch 6, off by default)",
    "AWS::Oam::Sink": "moto has no Observability Access Manager (switch 7, its own stack)",
    "AWS::Oam::Link": "moto has no Observability Access Manager (switch 7, its own stack)",
    "AWS::CloudWatch::AnomalyDetector": "moto has no anomaly detectors (switch 2, off by default)",
    "AWS::CloudWatch::AlarmMuteRule": "moto has no alarm mute rules (muteWindows, none by default)",
    "AWS::CDK::Metadata": "CDK's version reporting, no resource",
    "AWS::Glue::DataQualityRuleset": "moto has no Glue Data Quality API (the sample chain's ruleset)",
    "AWS::S3::BucketPolicy": "moto enforces bucket policies without their conditions: a TLS-only Deny would refuse"
                             " every request (the sample output bucket's; SampleGlueJobTest asserts it)",
    "AWS::ApplicationSignals::ServiceLevelObjective": "moto has no Application Signals (declared output with"
                                                      " freshWithinMinutes, none by default)",
}

NOT_FOUND = {"ResourceNotFound", "ResourceNotFoundException", "NotFoundException", "NoSuchEntity", "EntityNotFoundException",
             "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "NotFound", "ResourceNotFoundFault",
             "InvalidParameterValue", "ValidationError", "InvalidParameter", "ResourceNotFoundError", "NoSuchBucket"}


class Unresolvable(Exception):
    """A template value this checker cannot compute from the deployed ids."""


# --- resolving the template with the deployed ids ---------------------------------------------------------------

ARN_OF = {  # Fn::GetAtt [X, Arn] from X's physical id
    "AWS::SQS::Queue": "arn:aws:sqs:{region}:{account}:{last}",
    "AWS::KMS::Key": "arn:aws:kms:{region}:{account}:key/{id}",
    "AWS::Lambda::Function": "arn:aws:lambda:{region}:{account}:function:{id}",
    "AWS::IAM::Role": "arn:aws:iam::{account}:role/{id}",
    "AWS::Events::Rule": "arn:aws:events:{region}:{account}:rule/{id}",
    "AWS::DynamoDB::Table": "arn:aws:dynamodb:{region}:{account}:table/{id}",
    "AWS::Logs::LogGroup": "arn:aws:logs:{region}:{account}:log-group:{id}:*",
    "AWS::CloudWatch::Alarm": "arn:aws:cloudwatch:{region}:{account}:alarm:{id}",
    "AWS::CloudWatch::CompositeAlarm": "arn:aws:cloudwatch:{region}:{account}:alarm:{id}",
    "AWS::SNS::Topic": "{id}",
    "AWS::S3::Bucket": "arn:aws:s3:::{id}",
}


class Resolver:
    def __init__(self, template: dict, ids: dict[str, str], parameters: dict[str, str], stack: dict,
                 nested_outputs: Callable[[str], dict[str, str]], region: str, account: str):
        self.resources = template.get("Resources", {})
        self.ids = ids
        self.parameters = parameters
        self.stack = stack
        self.nested_outputs = nested_outputs
        self.region = region
        self.account = account

    def ref(self, name: str) -> Any:
        pseudo = {"AWS::Region": self.region, "AWS::AccountId": self.account, "AWS::Partition": "aws",
                  "AWS::URLSuffix": "amazonaws.com", "AWS::StackName": self.stack["StackName"],
                  "AWS::StackId": self.stack["StackId"]}
        if name in pseudo:
            return pseudo[name]
        if name in self.parameters:
            return self.parameters[name]
        if name in self.ids:
            return self.ids[name]
        raise Unresolvable(f"Ref {name}: no such deployed resource or parameter")

    def get_att(self, name: str, attribute: str) -> Any:
        if name not in self.ids:
            raise Unresolvable(f"Fn::GetAtt {name}.{attribute}: no such deployed resource")
        resource_type = self.resources[name]["Type"]
        physical = self.ids[name]
        if attribute.startswith("Outputs.") and resource_type == "AWS::CloudFormation::Stack":
            outputs = self.nested_outputs(physical)
            if attribute[len("Outputs."):] not in outputs:
                raise Unresolvable(f"Fn::GetAtt {name}.{attribute}: the nested stack has no such output")
            return outputs[attribute[len("Outputs."):]]
        if attribute == "Arn" and resource_type in ARN_OF:
            return ARN_OF[resource_type].format(region=self.region, account=self.account, id=physical,
                                                last=physical.rstrip("/").rsplit("/", 1)[-1])
        if attribute in ("QueueName", "TopicName"):
            return re.split(r"[/:]", physical)[-1]
        raise Unresolvable(f"Fn::GetAtt {name}.{attribute} ({resource_type})")

    def __call__(self, node: Any) -> Any:
        if isinstance(node, list):
            return [self(item) for item in node]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, value), = node.items()
            if key == "Ref":
                return self.ref(value)
            if key == "Fn::GetAtt":
                name, attribute = value if isinstance(value, list) else value.split(".", 1)
                return self.get_att(name, attribute)
            if key == "Fn::Join":
                return self(value[0]).join(str(part) for part in self(value[1]))
            if key == "Fn::Select":
                return self(value[1])[int(self(value[0]))]
            if key == "Fn::Split":
                return self(value[1]).split(self(value[0]))
            if key == "Fn::Sub":
                text, variables = (value, {}) if isinstance(value, str) else (value[0], self(value[1]))

                def substitute(match: re.Match) -> str:
                    name = match.group(1)
                    if name in variables:
                        return str(variables[name])
                    return str(self.get_att(*name.split(".", 1)) if "." in name and not name.startswith("AWS::")
                               else self.ref(name))
                return re.sub(r"\$\{([^!}][^}]*)\}", substitute, text)
            if key.startswith("Fn::"):
                raise Unresolvable(key)
        return {key: self(value) for key, value in node.items()}


# --- comparing ------------------------------------------------------------------------------------------------

def canonical(value: Any) -> Any:
    """One form for equal values that APIs spell differently: JSON text, numbers as text, "true", list order."""
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in "{[":
            try:
                return canonical(json.loads(text))
            except ValueError:
                pass
        if text in ("true", "false"):
            return text == "true"
        try:
            return float(text)
        except ValueError:
            return value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((canonical(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


def differences(expected: dict, actual: dict) -> list[str]:
    """Each property the reader returned and the template sets, where the two differ."""
    problems = []
    for key in actual:
        if key in expected and canonical(expected[key]) != canonical(actual[key]):
            problems.append(f"{key} is {json.dumps(actual[key], default=str)[:300]}, "
                            f"the template says {json.dumps(expected[key], default=str)[:300]}")
    return problems


# --- readers: the deployed resource in the template's shape, or None when it does not exist ----------------------

class Aws:
    def __init__(self, endpoint: str | None, region: str):
        session = boto3.session.Session(region_name=region)
        self._clients: dict[str, Any] = {}
        self._make = lambda service: session.client(service, endpoint_url=endpoint)
        self.region = region
        self.account = self.client("sts").get_caller_identity()["Account"]

    def client(self, service: str) -> Any:
        if service not in self._clients:
            self._clients[service] = self._make(service)
        return self._clients[service]


def absent_on_not_found(reader: Callable) -> Callable:
    def read(aws: Aws, physical: str, properties: dict) -> dict | None:
        try:
            return reader(aws, physical, properties)
        except ClientError as e:
            if e.response.get("Error", {}).get("Code") in NOT_FOUND:
                return None
            raise
    return read


def pick(source: dict, *keys: str) -> dict:
    return {key: source.get(key) for key in keys}


def read_alarm(aws: Aws, name: str, properties: dict) -> dict | None:
    alarms = aws.client("cloudwatch").describe_alarms(AlarmNames=[name], AlarmTypes=["MetricAlarm", "CompositeAlarm"])
    found = alarms["MetricAlarms"] + alarms["CompositeAlarms"]
    if not found:
        return None
    alarm = found[0]
    if "AlarmRule" in alarm:
        return pick(alarm, "AlarmName", "AlarmRule", "AlarmActions", "OKActions", "AlarmDescription")
    actual = pick(alarm, "AlarmName", "Namespace", "MetricName", "Dimensions", "Statistic", "Period", "EvaluationPeriods",
                  "DatapointsToAlarm", "Threshold", "ComparisonOperator", "TreatMissingData", "AlarmActions", "OKActions",
                  "AlarmDescription", "ThresholdMetricId")
    actual["Metrics"] = [{key: value for key, value in query.items() if value not in (None, [])}
                         for query in alarm.get("Metrics", [])]
    for query in actual["Metrics"]:
        # A metric without dimensions (a stack-wide count) comes back with "Dimensions": [], the template omits it.
        metric = query.get("MetricStat", {}).get("Metric", {})
        if metric.get("Dimensions") == []:
            del metric["Dimensions"]
    if not actual["Metrics"] and "Metrics" not in properties:
        del actual["Metrics"]
    return actual


def read_insight_rule(aws: Aws, name: str, properties: dict) -> dict | None:
    rules = [r for r in aws.client("cloudwatch").describe_insight_rules()["InsightRules"] if r["Name"] == name]
    return {"RuleName": rules[0]["Name"], "RuleState": rules[0]["State"], "RuleBody": rules[0]["Definition"]} if rules else None


@absent_on_not_found
def read_dashboard(aws: Aws, name: str, properties: dict) -> dict | None:
    dashboard = aws.client("cloudwatch").get_dashboard(DashboardName=name)
    return {"DashboardName": dashboard["DashboardName"], "DashboardBody": dashboard["DashboardBody"]}


@absent_on_not_found
def read_table(aws: Aws, name: str, properties: dict) -> dict | None:
    table = aws.client("dynamodb").describe_table(TableName=name)["Table"]
    return {"KeySchema": table["KeySchema"], "AttributeDefinitions": table["AttributeDefinitions"],
            "BillingMode": table.get("BillingModeSummary", {}).get("BillingMode", "PROVISIONED")}


@absent_on_not_found
def read_rule(aws: Aws, name: str, properties: dict) -> dict | None:
    events = aws.client("events")
    rule = events.describe_rule(Name=name)
    targets = events.list_targets_by_rule(Rule=name)["Targets"]
    actual = pick(rule, "Name", "State", "Description")
    if "ScheduleExpression" in rule:
        actual["ScheduleExpression"] = rule["ScheduleExpression"]
    if "EventPattern" in rule:
        actual["EventPattern"] = rule["EventPattern"]
    actual["Targets"] = targets
    return actual


@absent_on_not_found
def read_glue_database(aws: Aws, name: str, properties: dict) -> dict | None:
    database = aws.client("glue").get_database(Name=name)["Database"]
    return {"DatabaseInput": {key: database[key] for key in properties.get("DatabaseInput", {}) if key in database}}


@absent_on_not_found
def read_glue_job(aws: Aws, name: str, properties: dict) -> dict | None:
    job = aws.client("glue").get_job(JobName=name)["Job"]
    actual = pick(job, "Name", "Role", "Command", "DefaultArguments", "Description", "ExecutionProperty", "GlueVersion",
                  "MaxRetries", "NotificationProperty", "NumberOfWorkers", "Timeout", "WorkerType")
    return {key: value for key, value in actual.items() if key in properties}


@absent_on_not_found
def read_glue_crawler(aws: Aws, name: str, properties: dict) -> dict | None:
    crawler = aws.client("glue").get_crawler(Name=name)["Crawler"]
    actual = pick(crawler, "Name", "Role", "DatabaseName", "Description", "RecrawlPolicy", "SchemaChangePolicy",
                  "Configuration")
    actual["Targets"] = {"S3Targets": [{"Path": t["Path"]} for t in crawler["Targets"].get("S3Targets", [])]}
    return {key: value for key, value in actual.items() if key in properties}


@absent_on_not_found
def read_glue_trigger(aws: Aws, name: str, properties: dict) -> dict | None:
    trigger = aws.client("glue").get_trigger(Name=name)["Trigger"]
    actual = pick(trigger, "Name", "Type", "Description", "Actions", "Predicate")
    # A trigger created with StartOnCreation is ACTIVATED; without, CREATED.
    actual["StartOnCreation"] = trigger["State"] == "ACTIVATED"
    return {key: value for key, value in actual.items() if key in properties}


@absent_on_not_found
def read_bucket(aws: Aws, name: str, properties: dict) -> dict | None:
    s3 = aws.client("s3")
    rules = s3.get_bucket_encryption(Bucket=name)["ServerSideEncryptionConfiguration"]["Rules"]
    actual = {"BucketEncryption": {"ServerSideEncryptionConfiguration": [
        {"ServerSideEncryptionByDefault": rule["ApplyServerSideEncryptionByDefault"]} for rule in rules]}}
    if "PublicAccessBlockConfiguration" in properties:
        actual["PublicAccessBlockConfiguration"] = s3.get_public_access_block(Bucket=name)["PublicAccessBlockConfiguration"]
    return actual


@absent_on_not_found
def read_role(aws: Aws, name: str, properties: dict) -> dict | None:
    role = aws.client("iam").get_role(RoleName=name)["Role"]
    return {"AssumeRolePolicyDocument": role["AssumeRolePolicyDocument"]}


def read_role_policy(aws: Aws, physical: str, properties: dict) -> dict | None:
    documents = []
    for role in properties["Roles"]:
        try:
            documents.append(aws.client("iam").get_role_policy(RoleName=role, PolicyName=properties["PolicyName"])["PolicyDocument"])
        except ClientError as e:
            if e.response["Error"]["Code"] in NOT_FOUND:
                return None
            raise
    if any(canonical(document) != canonical(documents[0]) for document in documents):
        return {"PolicyDocument": documents}
    return {"PolicyDocument": documents[0]} if documents else None


def read_key(aws: Aws, key_id: str, properties: dict) -> dict | None:
    kms = aws.client("kms")
    try:
        key = kms.describe_key(KeyId=key_id)["KeyMetadata"]
    except ClientError as e:
        if e.response["Error"]["Code"] in NOT_FOUND:
            return None
        raise
    if key.get("KeyState") in ("PendingDeletion", "PendingReplicaDeletion"):
        return None  # as CloudFormation leaves a deleted key: scheduled for deletion, unusable
    return {"Description": key.get("Description"), "Enabled": key["Enabled"],
            "EnableKeyRotation": kms.get_key_rotation_status(KeyId=key_id)["KeyRotationEnabled"],
            "KeyPolicy": kms.get_key_policy(KeyId=key_id, PolicyName="default")["Policy"]}


@absent_on_not_found
def read_function(aws: Aws, name: str, properties: dict) -> dict | None:
    function = aws.client("lambda").get_function(FunctionName=name)["Configuration"]
    actual = pick(function, "FunctionName", "Runtime", "Handler", "MemorySize", "Timeout", "Role", "Description",
                  "Architectures", "TracingConfig")
    actual["Environment"] = {"Variables": function.get("Environment", {}).get("Variables", {})}
    actual["Layers"] = [layer["Arn"] for layer in function.get("Layers", [])]
    return actual


@absent_on_not_found
def read_layer(aws: Aws, arn: str, properties: dict) -> dict | None:
    # GetLayerVersion by name and number: moto 5.2.5 has no GetLayerVersionByArn.
    name, version = arn.rsplit(":", 2)[-2:]
    layer = aws.client("lambda").get_layer_version(LayerName=name, VersionNumber=int(version))
    return pick(layer, "Description", "CompatibleRuntimes")


@absent_on_not_found
def read_permission(aws: Aws, physical: str, properties: dict) -> dict | None:
    policy = json.loads(aws.client("lambda").get_policy(FunctionName=properties["FunctionName"])["Policy"])
    for statement in policy["Statement"]:
        principal = statement.get("Principal", {})
        source = statement.get("Condition", {}).get("ArnLike", {}).get("AWS:SourceArn")
        if (principal.get("Service") if isinstance(principal, dict) else principal) == properties["Principal"] \
                and source == properties.get("SourceArn"):
            return {"Action": statement["Action"], "Principal": properties["Principal"], "SourceArn": source}
    return None


@absent_on_not_found
def read_event_invoke_config(aws: Aws, physical: str, properties: dict) -> dict | None:
    config = aws.client("lambda").get_function_event_invoke_config(FunctionName=properties["FunctionName"])
    return pick(config, "MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig")


def read_log_group(aws: Aws, name: str, properties: dict) -> dict | None:
    groups = [g for g in aws.client("logs").describe_log_groups(logGroupNamePrefix=name)["logGroups"] if g["logGroupName"] == name]
    return {"LogGroupName": name, "RetentionInDays": groups[0].get("retentionInDays")} if groups else None


def read_log_resource_policy(aws: Aws, name: str, properties: dict) -> dict | None:
    policies = [p for p in aws.client("logs").describe_resource_policies()["resourcePolicies"]
                if p["policyName"] == properties["PolicyName"]]
    return {"PolicyName": policies[0]["policyName"], "PolicyDocument": policies[0]["policyDocument"]} if policies else None


def read_metric_filter(aws: Aws, name: str, properties: dict) -> dict | None:
    found = [f for f in aws.client("logs").describe_metric_filters(
        logGroupName=properties["LogGroupName"], filterNamePrefix=name)["metricFilters"] if f["filterName"] == name]
    if not found:
        return None
    transformations = [{
        "MetricName": t["metricName"], "MetricNamespace": t["metricNamespace"], "MetricValue": t["metricValue"],
        **({"Dimensions": [{"Key": k, "Value": v} for k, v in t["dimensions"].items()]} if t.get("dimensions") else {}),
        **({"Unit": t["unit"]} if t.get("unit") else {}),
    } for t in found[0]["metricTransformations"]]
    return {"FilterPattern": found[0]["filterPattern"], "LogGroupName": found[0]["logGroupName"],
            "MetricTransformations": transformations}


def read_query_definition(aws: Aws, definition_id: str, properties: dict) -> dict | None:
    found = [d for d in aws.client("logs").describe_query_definitions(queryDefinitionNamePrefix=properties["Name"])["queryDefinitions"]
             if d["queryDefinitionId"] == definition_id]
    return {"Name": found[0]["name"], "QueryString": found[0]["queryString"],
            "LogGroupNames": found[0].get("logGroupNames", [])} if found else None


@absent_on_not_found
def read_topic(aws: Aws, arn: str, properties: dict) -> dict | None:
    attributes = aws.client("sns").get_topic_attributes(TopicArn=arn)["Attributes"]
    return {"TopicName": arn.rsplit(":", 1)[-1], "DisplayName": attributes.get("DisplayName"),
            "KmsMasterKeyId": attributes.get("KmsMasterKeyId")}


@absent_on_not_found
def read_subscription(aws: Aws, arn: str, properties: dict) -> dict | None:
    attributes = aws.client("sns").get_subscription_attributes(SubscriptionArn=arn)["Attributes"]
    return pick(attributes, "TopicArn", "Protocol", "Endpoint", "RedrivePolicy")


def read_topic_policy(aws: Aws, physical: str, properties: dict) -> dict | None:
    documents = [read_topic_attribute(aws, topic, "Policy") for topic in properties["Topics"]]
    if any(document is None for document in documents):
        return None
    return {"PolicyDocument": documents[0] if len({json.dumps(canonical(d)) for d in documents}) == 1 else documents}


@absent_on_not_found
def read_topic_attribute(aws: Aws, arn: str, name: str) -> Any:
    return aws.client("sns").get_topic_attributes(TopicArn=arn)["Attributes"].get(name)


@absent_on_not_found
def read_queue(aws: Aws, url: str, properties: dict) -> dict | None:
    attributes = aws.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    return pick(attributes, "MessageRetentionPeriod", "SqsManagedSseEnabled", "KmsMasterKeyId", "VisibilityTimeout")


def read_queue_policy(aws: Aws, physical: str, properties: dict) -> dict | None:
    documents = []
    for url in properties["Queues"]:
        queue = read_queue_attribute(aws, url, "Policy")
        if not queue:
            return None
        documents.append(queue)
    return {"PolicyDocument": documents[0] if len({json.dumps(canonical(d)) for d in documents}) == 1 else documents}


@absent_on_not_found
def read_queue_attribute(aws: Aws, url: str, name: str) -> Any:
    return aws.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=[name])["Attributes"].get(name)


def read_nested_stack(aws: Aws, stack_id: str, properties: dict) -> dict | None:
    try:
        stack = aws.client("cloudformation").describe_stacks(StackName=stack_id)["Stacks"][0]
    except ClientError:
        return None
    if stack["StackStatus"] == "DELETE_COMPLETE":
        return None
    return {"Parameters": {p["ParameterKey"]: p["ParameterValue"] for p in stack.get("Parameters", [])}}


READERS: dict[str, Callable[[Aws, str, dict], dict | None]] = {
    "AWS::CloudWatch::Alarm": read_alarm,
    "AWS::CloudWatch::CompositeAlarm": read_alarm,
    "AWS::CloudWatch::InsightRule": read_insight_rule,
    "AWS::CloudWatch::Dashboard": read_dashboard,
    "AWS::DynamoDB::Table": read_table,
    "AWS::Events::Rule": read_rule,
    "AWS::Glue::Database": read_glue_database,
    "AWS::Glue::Job": read_glue_job,
    "AWS::Glue::Crawler": read_glue_crawler,
    "AWS::Glue::Trigger": read_glue_trigger,
    "AWS::S3::Bucket": read_bucket,
    "AWS::IAM::Role": read_role,
    "AWS::IAM::Policy": read_role_policy,
    "AWS::KMS::Key": read_key,
    "AWS::Lambda::Function": read_function,
    "AWS::Lambda::LayerVersion": read_layer,
    "AWS::Lambda::Permission": read_permission,
    "AWS::Lambda::EventInvokeConfig": read_event_invoke_config,
    "AWS::Logs::LogGroup": read_log_group,
    "AWS::Logs::ResourcePolicy": read_log_resource_policy,
    "AWS::Logs::MetricFilter": read_metric_filter,
    "AWS::Logs::QueryDefinition": read_query_definition,
    "AWS::SNS::Topic": read_topic,
    "AWS::SNS::Subscription": read_subscription,
    "AWS::SNS::TopicPolicy": read_topic_policy,
    "AWS::SQS::Queue": read_queue,
    "AWS::SQS::QueuePolicy": read_queue_policy,
    "AWS::CloudFormation::Stack": read_nested_stack,
}


# --- what must exist: targets and destinations ------------------------------------------------------------------

def exists(aws: Aws, arn: str) -> bool:
    """Whether the resource an ARN names exists (the services a rule, subscription or destination may point at)."""
    parts = arn.split(":", 5)
    if len(parts) < 6:
        return False
    service, resource = parts[2], parts[5]
    probes = {
        "sns": lambda: read_topic(aws, arn, {}),
        "sqs": lambda: read_queue(aws, aws.client("sqs").get_queue_url(QueueName=resource)["QueueUrl"], {}),
        "lambda": lambda: read_function(aws, resource.split(":")[1], {}),
        "logs": lambda: read_log_group(aws, resource.split(":", 1)[1].removesuffix(":*"), {}),
    }
    if service not in probes:
        return False
    try:
        return probes[service]() is not None
    except ClientError as e:
        if e.response["Error"]["Code"] in NOT_FOUND:
            return False
        raise


def missing_targets(aws: Aws, resource_type: str, properties: dict) -> list[str]:
    arns: list[str] = []
    if resource_type == "AWS::Events::Rule":
        for target in properties.get("Targets", []):
            arns.append(target["Arn"])
            arns += [target["DeadLetterConfig"]["Arn"]] if "DeadLetterConfig" in target else []
    elif resource_type == "AWS::SNS::Subscription" and properties.get("Protocol") in ("lambda", "sqs"):
        arns.append(properties["Endpoint"])
    elif resource_type == "AWS::Lambda::EventInvokeConfig":
        arns += [d["Destination"] for d in properties.get("DestinationConfig", {}).values()]
    return [f"points at {arn}, which does not exist" for arn in arns if not exists(aws, arn)]


# --- the two checks ---------------------------------------------------------------------------------------------

class Report:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.counts = {"PASS": 0, "SKIP": 0, "FAIL": 0}

    def add(self, status: str, what: str, detail: str = "") -> None:
        self.counts[status] += 1
        if status != "PASS":
            print(f"{status}  {what}{': ' + detail if detail else ''}")
        if status == "FAIL":
            self.failures.append(what)


def check_stack(aws: Aws, app: Path, stack_name: str, template: dict, report: Report, record: dict,
                parameters: dict[str, str] | None = None, label: str | None = None) -> None:
    cloudformation = aws.client("cloudformation")
    label = label or stack_name
    stack = cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]
    if not stack["StackStatus"].endswith("_COMPLETE") or "ROLLBACK" in stack["StackStatus"]:
        report.add("FAIL", f"stack {label}", f"status {stack['StackStatus']}")
    summaries = []
    token = None
    while True:
        page = cloudformation.list_stack_resources(StackName=stack["StackId"], **({"NextToken": token} if token else {}))
        summaries += page["StackResourceSummaries"]
        token = page.get("NextToken")
        if not token:
            break
    ids = {s["LogicalResourceId"]: s["PhysicalResourceId"] for s in summaries}

    def nested_outputs(stack_id: str) -> dict[str, str]:
        nested = cloudformation.describe_stacks(StackName=stack_id)["Stacks"][0]
        return {o["OutputKey"]: o["OutputValue"] for o in nested.get("Outputs") or []}

    resolve = Resolver(template, ids, parameters or {}, stack, nested_outputs, aws.region, aws.account)
    for logical, resource in template.get("Resources", {}).items():
        resource_type = resource["Type"]
        what = f"{resource_type} {label}/{logical}"
        if resource_type in ALLOWED_UNREAD:
            report.add("SKIP", what, ALLOWED_UNREAD[resource_type])
            continue
        if resource_type not in READERS:
            report.add("FAIL", what, "no read-back for this type and not on the allow-list (tools/deploy_readback.py)")
            continue
        if logical not in ids:
            report.add("FAIL", what, "not created (not among the stack's resources)")
            continue
        record.setdefault("resources", []).append(
            {"stack": label, "logical": logical, "type": resource_type, "physical": ids[logical]})
        try:
            properties = resolve(resource.get("Properties", {}))
        except Unresolvable as e:
            report.add("FAIL", what, f"cannot resolve the template: {e}")
            continue
        record["resources"][-1]["properties"] = properties
        actual = READERS[resource_type](aws, ids[logical], properties)
        if actual is None:
            report.add("FAIL", what, f"{ids[logical]} cannot be read back: it does not exist")
            continue
        problems = differences(properties, actual) + missing_targets(aws, resource_type, properties)
        report.add("FAIL" if problems else "PASS", what, "; ".join(problems))
        if resource_type == "AWS::CloudFormation::Stack" and not problems:
            check_stack(aws, app, ids[logical], nested_template(app, resource), report, record,
                        parameters=actual["Parameters"], label=f"{label}/{logical}")
    for key, output in template.get("Outputs", {}).items():
        what = f"output {label}.{key}"
        deployed = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs") or []}
        try:
            expected = resolve(output["Value"])
        except Unresolvable as e:
            report.add("FAIL", what, f"cannot resolve the template: {e}")
            continue
        if key not in deployed:
            report.add("FAIL", what, "missing from the deployed stack")
        elif str(expected) != deployed[key]:
            report.add("FAIL", what, f"is {deployed[key][:300]!r}, the template says {str(expected)[:300]!r}")
        else:
            report.add("PASS", what)


def deployed(aws: Aws, app: Path, stacks: list[str] | None, record_file: Path | None) -> Report:
    report = Report()
    record: dict[str, Any] = {"stacks": []}
    for name, template in stack_templates(app).items():
        if stacks and name not in stacks:
            continue
        stack = aws.client("cloudformation").describe_stacks(StackName=name)["Stacks"][0]
        record["stacks"].append({"name": name, "id": stack["StackId"]})
        check_stack(aws, app, name, template, report, record)
    if record_file:
        record_file.write_text(json.dumps(record, indent=1, default=str))
    return report


def destroyed(aws: Aws, record_file: Path) -> Report:
    """Every stack of the record is deleted and every resource it had can no longer be read."""
    report = Report()
    record = json.loads(record_file.read_text())
    for stack in record["stacks"]:
        try:
            status = aws.client("cloudformation").describe_stacks(StackName=stack["id"])["Stacks"][0]["StackStatus"]
        except ClientError:
            status = "gone"
        report.add("PASS" if status in ("DELETE_COMPLETE", "gone") else "FAIL", f"stack {stack['name']}", f"status {status}")
    for resource in record["resources"]:
        what = f"{resource['type']} {resource['stack']}/{resource['logical']}"
        left = READERS[resource["type"]](aws, resource["physical"], resource.get("properties", {}))
        report.add("FAIL" if left is not None else "PASS", what, f"{resource['physical']} is still there" if left else "")
    return report


# Resources CloudFormation replaces (new physical id) when their properties change, which adding a pipeline does.
REPLACED_WHEN_CHANGED = {
    "AWS::Lambda::LayerVersion": "a layer version is immutable: the functions' new configuration is a new version",
}


def in_place(before: dict, after: dict) -> list[str]:
    """What an update that should be in place did otherwise: a stack replaced, a resource removed or replaced."""
    problems = [f"stack {stack['name']} was replaced ({stack['id']})" for stack in before["stacks"]
                if stack not in after["stacks"]]
    now = {(r["stack"], r["logical"]): r for r in after["resources"]}
    for resource in before["resources"]:
        key = (resource["stack"], resource["logical"])
        if key not in now:
            problems.append(f"{resource['type']} {'/'.join(key)} was removed")
        elif now[key]["physical"] != resource["physical"] and resource["type"] not in REPLACED_WHEN_CHANGED:
            problems.append(f"{resource['type']} {'/'.join(key)} was replaced: {resource['physical']} -> {now[key]['physical']}")
    return problems


# `make verify` against the emulator: the one check that cannot pass there, and why.
VERIFY_FAILS_ALLOWED = {
    "metrics ": ("no datum and no run of ", "the metrics function never runs in moto (no Lambda without Docker), so "
                 "neither a datum nor its log line exists; verify looked in the right namespace and log group and said so"),
}


def verify_report_problems(report: dict) -> list[str]:
    """The failed checks of a `make verify --json` report that the emulator does not explain."""
    problems = []
    for check in report["checks"]:
        if check["status"] != "FAIL":
            continue
        allowed = [reason for prefix, (detail, reason) in VERIFY_FAILS_ALLOWED.items()
                   if check["check"].startswith(prefix) and (check["detail"] or "").startswith(detail)]
        if not allowed:
            problems.append(f"{check['check']}: {check['detail']}")
    if report["passed"] == 0:
        problems.append("no check passed")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["deployed", "destroyed", "in-place", "verify-report"])
    parser.add_argument("files", nargs="*", type=Path, help="in-place: two records; verify-report: the JSON report")
    parser.add_argument("--app", type=Path, help="the cloud assembly the CLI deployed (cdk.out)")
    parser.add_argument("--stack", action="append", help="only this stack of the assembly (repeatable)")
    parser.add_argument("--record", type=Path, help="where the deployed ids are written (deployed) or read (destroyed)")
    parser.add_argument("--endpoint", default=os.environ.get("AWS_ENDPOINT_URL"))
    parser.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
    args = parser.parse_args(argv)
    if args.mode == "in-place":
        before, after = (json.loads(path.read_text()) for path in args.files)
        problems = in_place(before, after)
        print("\n".join(f"FAIL  {p}" for p in problems) or f"update in place: every resource of {args.files[0]} kept")
        return 1 if problems else 0
    if args.mode == "verify-report":
        try:
            text = args.files[0].read_text()
            # `make verify` first compiles, and Maven may print a few escape codes before the report.
            report = json.loads(text[text.index("{"):])
        except ValueError:
            print(f"deploy_readback: {args.files[0]} is no JSON report of make verify", file=sys.stderr)
            return 2
        problems = verify_report_problems(report)
        print("\n".join(f"FAIL  {p}" for p in problems) or
              f"make verify: {report['passed']} passed, {report['skipped']} skipped, {report['failed']} failed only "
              f"where the emulator cannot run the functions")
        return 1 if problems else 0
    if (args.mode == "deployed" and not args.app) or (args.mode == "destroyed" and not args.record):
        print("deploy_readback: deployed needs --app, destroyed needs --record", file=sys.stderr)
        return 2
    aws = Aws(args.endpoint, args.region)
    report = deployed(aws, args.app, args.stack, args.record) if args.mode == "deployed" else destroyed(aws, args.record)
    counts = report.counts
    print(f"read-back ({args.mode}): {counts['PASS']} passed, {counts['SKIP']} skipped (allow-list), {counts['FAIL']} failed")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
