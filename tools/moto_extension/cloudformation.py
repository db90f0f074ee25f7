"""moto's server with the CloudFormation models this project's stack needs and moto 5.2.5 lacks, for tests only.

`make e2e` deploys the real app with the real CDK CLI into moto (see README, "Deploy proof"). moto's
CloudFormation skips every resource type it has no model for, logs a warning and still reports
CREATE_COMPLETE, so each gap below would make a deploy look complete while creating nothing. Each model here
only translates CloudFormation properties into a call of moto's own backend, which already implements the
service; nothing is emulated that moto does not emulate, except where a line says so.

Gaps filled (moto 5.2.5; tests in tools/tests/test_moto_extension.py):
- AWS::CloudWatch::Alarm, AWS::CloudWatch::CompositeAlarm: no model; the backend's put_metric_alarm (a
  composite is an alarm with a rule there, and DescribeAlarms returns it as a composite).
- AWS::CloudWatch::InsightRule: no model; the backend's put_insight_rule.
- AWS::SNS::Subscription (with RedrivePolicy, FilterPolicy, RawMessageDelivery), AWS::SNS::TopicPolicy: no model;
  subscribe / set_subscription_attributes / set_topic_attribute.
- AWS::SQS::QueuePolicy: no model; set_queue_attributes(Policy).
- AWS::Glue::Database, AWS::Glue::Job, AWS::Glue::Crawler, AWS::Glue::Trigger: no model; create_database /
  create_job / create_crawler / create_trigger (the trigger's StartOnCreation is moto's ACTIVATED state).
- AWS::S3::Bucket: the model keeps only BucketEncryption and Tags. Fixed: PublicAccessBlockConfiguration is
  passed on too (put_public_access_block).
- AWS::Lambda::EventInvokeConfig: no model; put_function_event_invoke_config.
- AWS::Logs::QueryDefinition: no model and no API (PutQueryDefinition, DescribeQueryDefinitions and
  DeleteQueryDefinition are unimplemented). Added: a per-account-and-Region store and those three calls, in the
  shape the CloudWatch Logs API reference documents. This is the one piece of service behaviour added here.
- AWS::Logs::MetricFilter: no model; the backend's put_metric_filter / delete_metric_filter.
- AWS::KMS::Key: the model crashes on Tags (it passes CloudFormation's Key/Value tags where the backend wants
  TagKey/TagValue: KeyError 'TagKey', HTTP 500), and keeps a KeyPolicy object where the API expects JSON text,
  so DescribeKey and GetKeyPolicy of the key answer HTTP 500. Fixed: tags converted, the policy kept as JSON.
- AWS::Lambda::Function: the model drops Layers and TracingConfig. Fixed: both passed on.
- AWS::Lambda::LayerVersion: no physical id, so its Ref is the model object and ListStackResources answers
  HTTP 500; and no delete, so a deleted stack left its layer versions. Fixed: the physical id is the layer
  version's ARN, as in CloudFormation, and deleting the resource deletes the version.
- AWS::Logs::LogGroup: Fn::GetAtt Arn lacks CloudFormation's trailing ":*", so IAM statements on a log group
  deploy with another resource than in AWS. Fixed: the ":*" added.
- AWS::CloudFormation::Stack: no Fn::GetAtt at all, so a parent reading a nested stack's output (Outputs.NAME)
  fails, and with it ListStackResources of the parent (HTTP 500). Fixed: the nested stack's output.
- DescribeChangeSet of a missing change set answers ValidationError where AWS answers ChangeSetNotFound, so
  every `cdk deploy` that updates a stack failed ("Stack with id cdk-deploy-change-set does not exist") while
  waiting for the previous change set's deletion. Fixed: ChangeSetNotFound.
- A parameter of type AWS::SSM::Parameter::Value passed as UsePreviousValue (CDK's BootstrapVersion, on every
  update) is looked up in SSM by its resolved value, which fails (HTTP 500): no stack could be updated. Fixed:
  the previous value is the parameter's name, as in CloudFormation.
- Updates: moto replaces an AWS::Events::Rule under a new name on any change (CloudFormation updates it in
  place), has no update for AWS::Lambda::LayerVersion (the resource vanished from the stack), and never updates
  a resource whose own text did not change but that refers to a replaced one. Fixed: a rule keeps its name, a
  layer version is replaced by a new one, and the resources referring to a replaced resource are updated.
  A changed AWS::CloudFormation::Stack was deleted and created again under a new name; CloudFormation updates
  the nested stack in place. Fixed: updated in place.
- Stacks created or updated through a change set (what `cdk deploy` does) keep the Outputs and template of
  the stack before the change set. Fixed: executing a change set refreshes both.

Not filled (no backend in moto 5.2.5): AWS::CloudWatch::AnomalyDetector, AWS::Chatbot::*, AWS::Oam::*,
AWS::Glue::DataQualityRuleset (moto's Glue has no Data Quality API), AWS::ApplicationSignals::*. Left out on
purpose: AWS::S3::BucketPolicy (no model): moto enforces a bucket policy ignoring its conditions, so a TLS-only
Deny (ours, and the CDK bootstrap bucket's) would refuse every request, asset uploads included; the
deploy proof's allow-list (tools/deploy_readback.py) names them with the reason.

    PYTHONPATH=tools python -m moto_extension -H 127.0.0.1 -p 5000     # the same arguments as moto_server
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation.exceptions import CloudFormationError, ValidationError
from moto.cloudwatch.models import (Dimension, Metric, MetricDataQuery, MetricStat, cloudwatch_backends,
                                    make_arn_for_alarm)
from moto.core.common_models import CloudFormationModel
from moto.glue.models import Action, Predicate, glue_backends
from moto.kms.models import Key
from moto.awslambda.models import LambdaFunction, LayerVersion, lambda_backends
from moto.logs.models import LogGroup, logs_backends
from moto.logs.responses import LogsResponse
from moto.s3.models import FakeBucket, s3_backends
from moto.utilities.utils import get_partition
from moto.sns.models import sns_backends
from moto.sqs.models import sqs_backends


def _tags(properties: dict[str, Any]) -> dict[str, str]:
    return {tag["Key"]: tag["Value"] for tag in properties.get("Tags", [])}


class _Model:
    """What every model here shares: a physical id, no GetAtt but the ones listed, update = delete + create.

    A mixin: moto finds models with CloudFormationModel.__subclasses__(), which lists direct subclasses only,
    so each model names CloudFormationModel as a base of its own."""

    TYPE = ""  # the CloudFormation resource type
    NAME_PROPERTY = ""  # the property that names the resource, if any
    ATTRIBUTES: dict[str, str] = {}  # CloudFormation attribute -> this object's attribute

    def __init__(self, physical_id: str, **attributes: Any):
        self.physical_id = physical_id
        self.__dict__.update(attributes)

    @classmethod
    def cloudformation_type(cls) -> str:
        return cls.TYPE

    @classmethod
    def cloudformation_name_type(cls) -> str:
        return cls.NAME_PROPERTY

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any,  # type: ignore[misc]
                                        account_id: str, region_name: str, **kwargs: Any) -> Any:
        return cls.create(resource_name, cloudformation_json["Properties"], account_id, region_name)

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        """Creates the resource from its (resolved) properties through moto's backend; returns the model."""
        raise NotImplementedError

    @property
    def physical_resource_id(self) -> str:
        return self.physical_id

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.ATTRIBUTES

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
        if attribute_name in self.ATTRIBUTES:
            return getattr(self, self.ATTRIBUTES[attribute_name])
        raise UnformattedGetAttTemplateException()

    @classmethod
    def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str,  # type: ignore[misc]
                                        cloudformation_json: Any, account_id: str, region_name: str) -> Any:
        # A resource without a name property keeps its generated physical id, as CloudFormation's in-place update.
        name = new_resource_name if cls.NAME_PROPERTY else original_resource.physical_id
        original_resource.delete(account_id, region_name)
        return cls.create_from_cloudformation_json(name, cloudformation_json, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any,  # type: ignore[misc]
                                        account_id: str, region_name: str) -> None:
        # moto calls this with the physical id; the models below delete by it.
        cls(resource_name).delete(account_id, region_name)

    def delete(self, account_id: str, region_name: str) -> None:
        raise NotImplementedError


# CloudWatch ---------------------------------------------------------------------------------------------------

def _metric_data_queries(queries: list[dict[str, Any]]) -> list[MetricDataQuery]:
    result = []
    for query in queries:
        stat = None
        if "MetricStat" in query:
            spec = query["MetricStat"]
            metric = spec["Metric"]
            stat = MetricStat(
                metric=Metric(metric_name=metric.get("MetricName"), namespace=metric.get("Namespace"),
                              dimensions=[Dimension(d["Name"], d["Value"]) for d in metric.get("Dimensions", [])]),
                period=spec.get("Period"), stat=spec.get("Stat"), unit=spec.get("Unit"))
        result.append(MetricDataQuery(query_id=query.get("Id"), label=query.get("Label"), period=query.get("Period"),
                                      return_data=query.get("ReturnData"), expression=query.get("Expression"),
                                      metric_stat=stat))
    return result


def _number(value: Any, kind=float) -> Any:
    return None if value is None else kind(value)


class CloudWatchAlarm(_Model, CloudFormationModel):
    ATTRIBUTES = {"Arn": "arn"}

    TYPE = "AWS::CloudWatch::Alarm"
    NAME_PROPERTY = "AlarmName"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        alarm = cloudwatch_backends[account_id][region_name].put_metric_alarm(
            name=resource_name, namespace=p.get("Namespace"), metric_name=p.get("MetricName"),
            metric_data_queries=_metric_data_queries(p.get("Metrics", [])),
            comparison_operator=p["ComparisonOperator"],
            evaluation_periods=_number(p["EvaluationPeriods"], int),
            datapoints_to_alarm=_number(p.get("DatapointsToAlarm"), int),
            period=_number(p.get("Period"), int), threshold=_number(p.get("Threshold")),
            statistic=p.get("Statistic"), extended_statistic=p.get("ExtendedStatistic"),
            description=p.get("AlarmDescription"), dimensions=p.get("Dimensions", []),
            alarm_actions=p.get("AlarmActions", []), ok_actions=p.get("OKActions", []),
            insufficient_data_actions=p.get("InsufficientDataActions", []), unit=p.get("Unit"),
            actions_enabled=p.get("ActionsEnabled", True), treat_missing_data=p.get("TreatMissingData"),
            evaluate_low_sample_count_percentile=p.get("EvaluateLowSampleCountPercentile"),
            threshold_metric_id=p.get("ThresholdMetricId"), tags=None)
        return cls(alarm.name, arn=alarm.alarm_arn)

    def delete(self, account_id: str, region_name: str) -> None:
        cloudwatch_backends[account_id][region_name].delete_alarms([self.physical_id])


class CloudWatchCompositeAlarm(CloudWatchAlarm, CloudFormationModel):
    TYPE = "AWS::CloudWatch::CompositeAlarm"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        alarm = cloudwatch_backends[account_id][region_name].put_metric_alarm(
            name=resource_name, namespace=None, metric_name=None, comparison_operator=None, evaluation_periods=None,
            period=None, threshold=None, statistic=None, description=p.get("AlarmDescription"), dimensions=[],
            alarm_actions=p.get("AlarmActions", []), ok_actions=p.get("OKActions", []),
            insufficient_data_actions=p.get("InsufficientDataActions", []),
            actions_enabled=p.get("ActionsEnabled", True), rule=p["AlarmRule"])
        return cls(alarm.name, arn=alarm.alarm_arn)


class CloudWatchInsightRule(_Model, CloudFormationModel):
    ATTRIBUTES = {"Arn": "arn", "RuleName": "physical_id"}

    TYPE = "AWS::CloudWatch::InsightRule"
    NAME_PROPERTY = "RuleName"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        rule = cloudwatch_backends[account_id][region_name].put_insight_rule(
            name=resource_name, state=p.get("RuleState", "ENABLED"), definition=p["RuleBody"],
            tags=[{"Key": k, "Value": v} for k, v in _tags(p).items()] or None)
        return cls(resource_name, arn=rule.rule_arn)

    def delete(self, account_id: str, region_name: str) -> None:
        cloudwatch_backends[account_id][region_name].delete_insight_rules([self.physical_id])


# SNS and SQS --------------------------------------------------------------------------------------------------

class SnsSubscription(_Model, CloudFormationModel):
    # Properties that are subscription attributes, with their values as SNS keeps them (strings).
    ATTRIBUTE_PROPERTIES = ("RedrivePolicy", "FilterPolicy", "FilterPolicyScope", "RawMessageDelivery",
                            "DeliveryPolicy")

    TYPE = "AWS::SNS::Subscription"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        backend = sns_backends[account_id][region_name]
        subscription = backend.subscribe(p["TopicArn"], p.get("Endpoint"), p["Protocol"])
        for name in cls.ATTRIBUTE_PROPERTIES:
            if name in p:
                value = p[name]
                value = json.dumps(value) if isinstance(value, (dict, list)) else str(value).lower() \
                    if isinstance(value, bool) else str(value)
                backend.set_subscription_attributes(subscription.arn, name, value)
        return cls(subscription.arn)

    def delete(self, account_id: str, region_name: str) -> None:
        sns_backends[account_id][region_name].unsubscribe(self.physical_id)


class SnsTopicPolicy(_Model, CloudFormationModel):
    TYPE = "AWS::SNS::TopicPolicy"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        backend = sns_backends[account_id][region_name]
        for topic in p["Topics"]:
            backend.set_topic_attribute(topic, "policy", json.dumps(p["PolicyDocument"]))
        return cls(resource_name, topics=list(p["Topics"]))

    def delete(self, account_id: str, region_name: str) -> None:
        # As in AWS, the topics get their default policy back (moto builds it when a topic is created).
        backend = sns_backends[account_id][region_name]
        for arn in getattr(self, "topics", []):
            topic = backend.topics.get(arn)
            if topic is not None:
                topic._policy_json = topic._create_default_topic_policy(region_name, account_id, topic.name)


class SqsQueuePolicy(_Model, CloudFormationModel):
    TYPE = "AWS::SQS::QueuePolicy"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        cls._set(p["Queues"], json.dumps(p["PolicyDocument"]), account_id, region_name)
        return cls(resource_name, queues=list(p["Queues"]))

    @staticmethod
    def _set(queue_urls: list[str], policy: str, account_id: str, region_name: str) -> None:
        backend = sqs_backends[account_id][region_name]
        for url in queue_urls:
            name = url.rstrip("/").rsplit("/", 1)[-1]
            if name in backend.queues:
                backend.set_queue_attributes(name, {"Policy": policy})

    def delete(self, account_id: str, region_name: str) -> None:
        self._set(getattr(self, "queues", []), "", account_id, region_name)


# Glue ---------------------------------------------------------------------------------------------------------

class _GlueModel(_Model):
    """A Glue resource by name: deleting it deletes it from the backend's store, if it is still there."""

    STORE = ""  # the backend's dict of these resources
    DELETE = ""  # the backend's delete call

    def delete(self, account_id: str, region_name: str) -> None:
        backend = glue_backends[account_id][region_name]
        if self.physical_id in getattr(backend, self.STORE):
            getattr(backend, self.DELETE)(self.physical_id)


class GlueDatabase(_GlueModel, CloudFormationModel):
    STORE, DELETE = "databases", "delete_database"
    TYPE = "AWS::Glue::Database"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        database_input = dict(p["DatabaseInput"])
        name = database_input.setdefault("Name", resource_name.lower())
        glue_backends[account_id][region_name].create_database(name, database_input)
        return cls(name)



class GlueJob(_GlueModel, CloudFormationModel):
    STORE, DELETE = "jobs", "delete_job"
    TYPE = "AWS::Glue::Job"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        glue_backends[account_id][region_name].create_job(
            name=resource_name, role=p["Role"], command=p["Command"], description=p.get("Description"),
            log_uri=p.get("LogUri"), execution_property=p.get("ExecutionProperty"),
            default_arguments=p.get("DefaultArguments"), non_overridable_arguments=p.get("NonOverridableArguments"),
            connections=p.get("Connections"), max_retries=_number(p.get("MaxRetries"), int),
            allocated_capacity=_number(p.get("AllocatedCapacity"), int), timeout=_number(p.get("Timeout"), int),
            max_capacity=_number(p.get("MaxCapacity")), security_configuration=p.get("SecurityConfiguration"),
            tags=_tags(p) if isinstance(p.get("Tags"), list) else (p.get("Tags") or {}),
            notification_property=p.get("NotificationProperty"), glue_version=p.get("GlueVersion"),
            number_of_workers=_number(p.get("NumberOfWorkers"), int), worker_type=p.get("WorkerType"),
            code_gen_configuration_nodes=None, execution_class=p.get("ExecutionClass"), source_control_details=None)
        return cls(resource_name)



class GlueCrawler(_GlueModel, CloudFormationModel):
    STORE, DELETE = "crawlers", "delete_crawler"
    TYPE = "AWS::Glue::Crawler"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        glue_backends[account_id][region_name].create_crawler(
            name=resource_name, role=p["Role"], database_name=p.get("DatabaseName"), description=p.get("Description"),
            targets=p["Targets"], schedule=(p.get("Schedule") or {}).get("ScheduleExpression"),
            classifiers=p.get("Classifiers"), table_prefix=p.get("TablePrefix"),
            schema_change_policy=p.get("SchemaChangePolicy"), recrawl_policy=p.get("RecrawlPolicy"),
            lineage_configuration=None, configuration=p.get("Configuration"),
            crawler_security_configuration=p.get("CrawlerSecurityConfiguration"),
            tags=p.get("Tags") if isinstance(p.get("Tags"), dict) else _tags(p))
        return cls(resource_name)



class GlueTrigger(_GlueModel, CloudFormationModel):
    STORE, DELETE = "triggers", "delete_trigger"
    TYPE = "AWS::Glue::Trigger"
    NAME_PROPERTY = "Name"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        glue_backends[account_id][region_name].create_trigger(
            name=resource_name, workflow_name=p.get("WorkflowName"), trigger_type=p["Type"],
            schedule=p.get("Schedule"),
            # moto wants Logical, which AWS reads as AND when the one condition leaves it out.
            predicate=Predicate({"Logical": "AND", **p["Predicate"]}) if p.get("Predicate") else None,
            actions=[Action(action) for action in p["Actions"]], description=p.get("Description"),
            start_on_creation=str(p.get("StartOnCreation", False)).lower() == "true",
            tags=p.get("Tags") if isinstance(p.get("Tags"), dict) else _tags(p), event_batching_condition=None)
        return cls(resource_name)



# S3 -----------------------------------------------------------------------------------------------------------

_create_bucket = FakeBucket.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _create_bucket_with_public_access_block(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    bucket = _create_bucket(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    block = cloudformation_json.get("Properties", {}).get("PublicAccessBlockConfiguration")
    if block:
        s3_backends[account_id][get_partition(region_name)].put_public_access_block(
            bucket.name, {key: str(value).lower() for key, value in block.items()})
    return bucket


FakeBucket.create_from_cloudformation_json = classmethod(_create_bucket_with_public_access_block)  # type: ignore[assignment]


# Lambda -------------------------------------------------------------------------------------------------------

class LambdaEventInvokeConfig(_Model, CloudFormationModel):
    TYPE = "AWS::Lambda::EventInvokeConfig"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        config = {key: p[key] for key in ("MaximumRetryAttempts", "MaximumEventAgeInSeconds", "DestinationConfig")
                  if key in p}
        for key in ("MaximumRetryAttempts", "MaximumEventAgeInSeconds"):
            if key in config:
                config[key] = int(config[key])
        lambda_backends[account_id][region_name].put_function_event_invoke_config(p["FunctionName"], config)
        return cls(p["FunctionName"])

    def delete(self, account_id: str, region_name: str) -> None:
        backend = lambda_backends[account_id][region_name]
        try:
            backend.delete_function_event_invoke_config(self.physical_id)
        except Exception:  # the function went first: its configuration went with it
            pass


_create_function = LambdaFunction.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _create_function_with_layers(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    function = _create_function(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    properties = cloudformation_json["Properties"]
    if "Layers" in properties:
        function.layers = function._get_layers_data(properties["Layers"])
    if "TracingConfig" in properties:
        function.tracing_config = properties["TracingConfig"]
    return function


LambdaFunction.create_from_cloudformation_json = classmethod(_create_function_with_layers)  # type: ignore[assignment]
# Ref of a layer version is its ARN; without a physical id moto returns the object itself, and ListStackResources
# and every Ref to the layer fail with HTTP 500.
LayerVersion.physical_resource_id = property(lambda self: self.arn)  # type: ignore[attr-defined]


def _delete_layer_version(self: LayerVersion, account_id: str, region_name: str) -> None:
    lambda_backends[account_id][region_name].delete_layer_version(self.name, self.version)


# Without it, `cdk destroy` left every layer version behind.
LayerVersion.delete = _delete_layer_version  # type: ignore[attr-defined]


# KMS ----------------------------------------------------------------------------------------------------------

_create_key = Key.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _create_key_with_cloudformation_tags(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = dict(cloudformation_json["Properties"])
    properties["Tags"] = [{"TagKey": t["Key"], "TagValue": t["Value"]} for t in properties.get("Tags", [])]
    if isinstance(properties.get("KeyPolicy"), dict):
        properties["KeyPolicy"] = json.dumps(properties["KeyPolicy"])
    return _create_key(cls, resource_name, {**cloudformation_json, "Properties": properties}, account_id,
                       region_name, **kwargs)


Key.create_from_cloudformation_json = classmethod(_create_key_with_cloudformation_tags)  # type: ignore[assignment]


# Logs log groups: Fn::GetAtt Arn --------------------------------------------------------------------------------

_log_group_attribute = LogGroup.get_cfn_attribute


def _log_group_attribute_as_cloudformation(self: LogGroup, attribute_name: str) -> Any:
    # CloudFormation's Arn of a log group ends in ":*" (the form IAM statements need); moto's ends at the name.
    value = _log_group_attribute(self, attribute_name)
    return value + ":*" if attribute_name == "Arn" and not value.endswith(":*") else value


LogGroup.get_cfn_attribute = _log_group_attribute_as_cloudformation  # type: ignore[method-assign]


# Logs query definitions (model and API) -----------------------------------------------------------------------

def query_definitions(account_id: str, region_name: str) -> dict[str, dict[str, Any]]:
    """The saved queries of one account and Region, by id, in the API's shape."""
    backend = logs_backends[account_id][region_name]
    if not hasattr(backend, "query_definitions"):
        backend.query_definitions = {}
    return backend.query_definitions


def put_query_definition(account_id: str, region_name: str, name: str, query_string: str,
                         log_group_names: list[str] | None = None, query_definition_id: str | None = None) -> str:
    definitions = query_definitions(account_id, region_name)
    definition_id = query_definition_id or str(uuid.uuid4())
    definitions[definition_id] = {"queryDefinitionId": definition_id, "name": name, "queryString": query_string,
                                  "logGroupNames": list(log_group_names or []), "lastModified": int(time.time() * 1000)}
    return definition_id


class LogsMetricFilter(_Model, CloudFormationModel):
    TYPE = "AWS::Logs::MetricFilter"
    NAME_PROPERTY = "FilterName"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        name = p.get("FilterName") or resource_name
        transformations = [{
            "metricName": t["MetricName"], "metricNamespace": t["MetricNamespace"], "metricValue": t["MetricValue"],
            **({"dimensions": {d["Key"]: d["Value"] for d in t["Dimensions"]}} if t.get("Dimensions") else {}),
            **({"unit": t["Unit"]} if t.get("Unit") else {}),
        } for t in p["MetricTransformations"]]
        logs_backends[account_id][region_name].put_metric_filter(name, p.get("FilterPattern", ""), p["LogGroupName"],
                                                                 transformations)
        return cls(name, log_group_name=p["LogGroupName"])

    def delete(self, account_id: str, region_name: str) -> None:
        logs_backends[account_id][region_name].delete_metric_filter(self.physical_id, getattr(self, "log_group_name", None))


class LogsQueryDefinition(_Model, CloudFormationModel):
    ATTRIBUTES = {"QueryDefinitionId": "physical_id"}

    TYPE = "AWS::Logs::QueryDefinition"

    @classmethod
    def create(cls, resource_name: str, p: dict[str, Any], account_id: str, region_name: str) -> Any:
        return cls(put_query_definition(account_id, region_name, p["Name"], p["QueryString"], p.get("LogGroupNames")))

    def delete(self, account_id: str, region_name: str) -> None:
        query_definitions(account_id, region_name).pop(self.physical_id, None)


def _put_query_definition(self: LogsResponse) -> str:
    definition_id = put_query_definition(
        self.current_account, self.region, self._get_param("name"), self._get_param("queryString"),
        self._get_param("logGroupNames"), self._get_param("queryDefinitionId"))
    return json.dumps({"queryDefinitionId": definition_id})


def _describe_query_definitions(self: LogsResponse) -> str:
    prefix = self._get_param("queryDefinitionNamePrefix") or ""
    found = [d for d in query_definitions(self.current_account, self.region).values() if d["name"].startswith(prefix)]
    start = int(self._get_param("nextToken") or 0)
    size = int(self._get_param("maxResults") or 1000)
    answer: dict[str, Any] = {"queryDefinitions": found[start:start + size]}
    if start + size < len(found):
        answer["nextToken"] = str(start + size)
    return json.dumps(answer)


def _delete_query_definition(self: LogsResponse) -> str:
    removed = query_definitions(self.current_account, self.region).pop(self._get_param("queryDefinitionId"), None)
    return json.dumps({"success": removed is not None})


LogsResponse.put_query_definition = _put_query_definition  # type: ignore[attr-defined]
LogsResponse.describe_query_definitions = _describe_query_definitions  # type: ignore[attr-defined]
LogsResponse.delete_query_definition = _delete_query_definition  # type: ignore[attr-defined]


# Updates: what CloudFormation updates in place keeps its name; what it replaces, its dependents follow ----------

from moto.cloudformation import parsing as cfn_parsing  # noqa: E402
from moto.events.models import Rule  # noqa: E402


def _update_rule_in_place(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    # moto replaces a rule under a new generated name on any change; CloudFormation updates it in place (a new
    # pattern or target keeps the rule's name, and the alarms watching its metrics keep working).
    name = cloudformation_json["Properties"].get("Name") or original_resource.name
    original_resource.delete(account_id, region_name)
    return cls.create_from_cloudformation_json(name, cloudformation_json, account_id, region_name)


Rule.update_from_cloudformation_json = classmethod(_update_rule_in_place)  # type: ignore[assignment]


def _replace_layer_version(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    # A layer version is immutable: CloudFormation publishes a new one and deletes the old (moto had no update,
    # and the resource vanished from the stack).
    replacement = cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
    original_resource.delete(account_id, region_name)
    return replacement


LayerVersion.update_from_cloudformation_json = classmethod(_replace_layer_version)  # type: ignore[assignment]


def _references(node: Any) -> set[str]:
    if isinstance(node, list):
        return set().union(*(_references(item) for item in node)) if node else set()
    if not isinstance(node, dict):
        return set()
    found: set[str] = set()
    if isinstance(node.get("Ref"), str):
        found.add(node["Ref"])
    if "Fn::GetAtt" in node:
        target = node["Fn::GetAtt"]
        found.add(target[0] if isinstance(target, list) else str(target).split(".")[0])
    return found.union(*(_references(value) for value in node.values()))


_update_resources = cfn_parsing.ResourceMap.update


def _update_and_follow_replacements(self: cfn_parsing.ResourceMap, template: dict[str, Any],
                                    parameters: dict[str, Any] | None = None) -> None:
    # moto updates only resources whose template text changed. CloudFormation also updates every resource that
    # refers to one it replaced (a function whose layer got a new version, an alarm on a replaced rule).
    before = {name: getattr(resource, "physical_resource_id", None)
              for name, resource in self._parsed_resources.items() if isinstance(resource, CloudFormationModel)}
    _update_resources(self, template, parameters)
    replaced = {name for name, physical in before.items() if name in self._parsed_resources
                and getattr(self._parsed_resources[name], "physical_resource_id", None) != physical}
    for name, resource_json in template["Resources"].items():
        if name in before and name not in replaced and _references(resource_json.get("Properties", {})) & replaced:
            updated = cfn_parsing.parse_and_update_resource(name, resource_json, self, self._account_id,
                                                            self._region_name)
            if updated is not None:
                self._parsed_resources[name] = updated


cfn_parsing.ResourceMap.update = _update_and_follow_replacements  # type: ignore[method-assign]


def _update_nested_stack_in_place(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                  region_name):
    # moto deletes a nested stack and creates another under a new name on any change; CloudFormation updates the
    # nested stack, which keeps its id and every resource the change does not touch.
    properties = cloudformation_json["Properties"]
    template = cfn_models.get_stack_from_s3_url(properties["TemplateURL"], account_id=account_id,
                                                partition=cfn_models.get_partition(region_name))
    original_resource.update(template=template, parameters=properties.get("Parameters", {}))
    return original_resource


cfn_models.Stack.update_from_cloudformation_json = classmethod(_update_nested_stack_in_place)  # type: ignore[assignment]


# Nested stacks: Fn::GetAtt Outputs.NAME ---------------------------------------------------------------------------

def _nested_stack_output(self: cfn_models.Stack, attribute_name: str) -> Any:
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
    if attribute_name.startswith("Outputs."):
        for output in self.output_map.values():
            if output and output.key == attribute_name[len("Outputs."):]:
                return output.value
    raise UnformattedGetAttTemplateException()


# A parent that reads a nested stack's output (CDK does so for every value a nested stack exports) crashed.
cfn_models.Stack.get_cfn_attribute = _nested_stack_output  # type: ignore[attr-defined]


# Stack parameters kept from SSM: UsePreviousValue means the parameter's name, not its value -------------------------

def _stack_parameters_as_given(self: cfn_models.Stack) -> dict[str, Any]:
    # moto answers UsePreviousValue with the resolved value of an AWS::SSM::Parameter::Value parameter, then looks
    # that value up in SSM as if it were the parameter's name, and the update fails (HTTP 500). CDK passes
    # UsePreviousValue for BootstrapVersion on every update, so no stack could be updated.
    parameters = dict(self.resource_map.resolved_parameters)
    for name, slot in self.template_dict.get("Parameters", {}).items():
        if str(slot.get("Type", "")).startswith("AWS::SSM::Parameter::") and name in parameters:
            parameters[name] = self.parameters.get(name) or slot.get("Default")
    return parameters


cfn_models.Stack.stack_parameters = property(_stack_parameters_as_given)  # type: ignore[assignment]


# Change sets: a missing one is ChangeSetNotFound ------------------------------------------------------------------

class ChangeSetNotFound(CloudFormationError):
    code = "ChangeSetNotFoundException"  # the shape; moto's serializer answers its query code ChangeSetNotFound, HTTP 404


_describe_change_set = cfn_models.CloudFormationBackend.describe_change_set


def _describe_change_set_or_not_found(self: cfn_models.CloudFormationBackend, change_set_name: str) -> Any:
    # moto answers ValidationError "Stack with id NAME does not exist"; AWS answers ChangeSetNotFound, which is what
    # the CDK CLI waits for after deleting the previous deploy's change set (every update deploy does).
    try:
        return _describe_change_set(self, change_set_name)
    except ValidationError:
        raise ChangeSetNotFound(f"ChangeSet [{change_set_name}] does not exist")


cfn_models.CloudFormationBackend.describe_change_set = _describe_change_set_or_not_found  # type: ignore[method-assign]


# Change sets: Outputs and template after execution -------------------------------------------------------------

_apply_change_set = cfn_models.ChangeSet.apply


def _apply_and_refresh_outputs(self: cfn_models.ChangeSet) -> None:
    _apply_change_set(self)
    stack = self.stack
    stack.template = self.template
    stack._parse_template()
    stack.output_map = stack._create_output_map()


cfn_models.ChangeSet.apply = _apply_and_refresh_outputs  # type: ignore[method-assign]
