"""tools/moto_extension: each CloudFormation model it adds creates, through moto's own backend, what the AWS API
then reads back, and deletes it again; the fixes to moto's own models hold."""

import json
import sys
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import moto_extension  # noqa: E402,F401  (registers the models)
from moto.cloudformation.parsing import get_model_map  # noqa: E402

REGION = "us-east-1"
ACCOUNT = "123456789012"
TAGS = [{"Key": "project", "Value": "data-pipeline-monitoring"}]

TEMPLATE = {
    "Resources": {
        "Key": {"Type": "AWS::KMS::Key", "Properties": {
            "KeyPolicy": {"Version": "2012-10-17", "Statement": []}, "EnableKeyRotation": True, "Tags": TAGS}},
        "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alerts", "KmsMasterKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}},
        "DeadLetters": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "dead-letters"}},
        "DeadLettersPolicy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {
            "Queues": [{"Ref": "DeadLetters"}],
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"},
                                                                       "Action": "sqs:SendMessage", "Resource": {"Fn::GetAtt": ["DeadLetters", "Arn"]}}]}}},
        "TopicPolicy": {"Type": "AWS::SNS::TopicPolicy", "Properties": {
            "Topics": [{"Ref": "Topic"}],
            "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*",
                                                                       "Action": "sns:Publish", "Resource": {"Ref": "Topic"}}]}}},
        "Email": {"Type": "AWS::SNS::Subscription", "Properties": {
            "TopicArn": {"Ref": "Topic"}, "Protocol": "email", "Endpoint": "oncall@example.com",
            "RedrivePolicy": {"deadLetterTargetArn": {"Fn::GetAtt": ["DeadLetters", "Arn"]}}}},
        "Alarm": {"Type": "AWS::CloudWatch::Alarm", "Properties": {
            "AlarmName": "GlueJobFailureAlarm", "Namespace": "Glue", "MetricName": "glue.driver.aggregate.numFailedTasks",
            "Dimensions": [{"Name": "JobName", "Value": "sample-etl-job"}], "Statistic": "Sum", "Period": 300,
            "EvaluationPeriods": 1, "Threshold": 0, "ComparisonOperator": "GreaterThanThreshold",
            "TreatMissingData": "notBreaching", "AlarmActions": [{"Ref": "Topic"}], "OKActions": [{"Ref": "Topic"}]}},
        "MathAlarm": {"Type": "AWS::CloudWatch::Alarm", "Properties": {
            "AlarmName": "LowThroughputAlarm", "EvaluationPeriods": 1, "Threshold": 5, "ComparisonOperator": "LessThanThreshold",
            "Metrics": [{"Id": "rate", "Expression": "records / PERIOD(records)", "ReturnData": True},
                        {"Id": "records", "ReturnData": False, "MetricStat": {"Metric": {
                            "Namespace": "DataPipelineMetrics", "MetricName": "RecordsProcessed",
                            "Dimensions": [{"Name": "Pipeline", "Value": "sample-etl-job"}]}, "Period": 300, "Stat": "Sum"}}]}},
        "Page": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {
            "AlarmName": "PipelineUnhealthyAlarm", "AlarmRule": {"Fn::Join": ["", ["ALARM(\"", {"Fn::GetAtt": ["Alarm", "Arn"]}, "\")"]]},
            "AlarmActions": [{"Ref": "Topic"}]}},
        "TopFailures": {"Type": "AWS::CloudWatch::InsightRule", "Properties": {
            "RuleName": "TopGlueJobFailures", "RuleState": "ENABLED", "RuleBody": "{\"Schema\":{}}", "Tags": TAGS}},
        "Database": {"Type": "AWS::Glue::Database", "Properties": {"CatalogId": ACCOUNT, "DatabaseInput": {"Name": "monitoring_lab_db"}}},
        "Job": {"Type": "AWS::Glue::Job", "Properties": {
            "Name": "sample-etl-job", "Role": "arn:aws:iam::123456789012:role/glue", "GlueVersion": "5.0", "Timeout": 30,
            "Command": {"Name": "glueetl", "ScriptLocation": "s3://assets/sample_etl_job.py"},
            "DefaultArguments": {"--enable-metrics": "true"}, "NotificationProperty": {"NotifyDelayAfter": 10}}},
        "Query": {"Type": "AWS::Logs::QueryDefinition", "Properties": {
            "Name": "Glue Job Error Analysis", "QueryString": "fields @message", "LogGroupNames": ["/aws-glue/jobs/error"]}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
        "Configuration": {"Type": "AWS::Lambda::LayerVersion", "Properties": {"Content": {"ZipFile": "{}"}}},
        "Function": {"Type": "AWS::Lambda::Function", "Properties": {
            "FunctionName": "AlarmResponseFunction", "Runtime": "python3.12", "Handler": "index.handler",
            "Role": {"Fn::GetAtt": ["Role", "Arn"]}, "Code": {"ZipFile": "def handler(event, context): pass"},
            "Layers": [{"Ref": "Configuration"}], "TracingConfig": {"Mode": "Active"}}},
        "Retries": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {
            "FunctionName": {"Ref": "Function"}, "Qualifier": "$LATEST", "MaximumRetryAttempts": 2, "MaximumEventAgeInSeconds": 900,
            "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["DeadLetters", "Arn"]}}}}},
    },
    "Outputs": {"AlertTopicArn": {"Value": {"Ref": "Topic"}}},
}


@pytest.fixture
def aws():
    with mock_aws():
        yield lambda service: boto3.client(service, region_name=REGION)


def deploy(aws, template=TEMPLATE, name="Stack"):
    aws("cloudformation").create_stack(StackName=name, TemplateBody=json.dumps(template))
    return aws("cloudformation").describe_stacks(StackName=name)["Stacks"][0]


def test_everyTypeTheIssueNamesHasAModel():
    for resource_type in ("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm", "AWS::CloudWatch::InsightRule",
                          "AWS::SNS::Subscription", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy", "AWS::Glue::Database",
                          "AWS::Glue::Job", "AWS::Lambda::EventInvokeConfig", "AWS::Logs::QueryDefinition"):
        assert resource_type in get_model_map(), resource_type


def test_stackResourcesAreAllCreatedAndListed(aws):
    deploy(aws)
    listed = {r["LogicalResourceId"] for r in
              aws("cloudformation").list_stack_resources(StackName="Stack")["StackResourceSummaries"]}
    assert listed == set(TEMPLATE["Resources"])


def test_alarmsKeepThresholdActionsAndMetric(aws):
    deploy(aws)
    topic = "arn:aws:sns:us-east-1:123456789012:alerts"
    alarms = aws("cloudwatch").describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"])
    failure = next(a for a in alarms["MetricAlarms"] if a["AlarmName"] == "GlueJobFailureAlarm")
    assert (failure["Namespace"], failure["MetricName"], failure["Statistic"], failure["Period"], failure["Threshold"],
            failure["ComparisonOperator"], failure["TreatMissingData"]) == (
        "Glue", "glue.driver.aggregate.numFailedTasks", "Sum", 300, 0.0, "GreaterThanThreshold", "notBreaching")
    assert failure["AlarmActions"] == [topic] and failure["OKActions"] == [topic]
    assert failure["Dimensions"] == [{"Name": "JobName", "Value": "sample-etl-job"}]
    math = next(a for a in alarms["MetricAlarms"] if a["AlarmName"] == "LowThroughputAlarm")
    assert [q["Id"] for q in math["Metrics"]] == ["rate", "records"]
    assert math["Metrics"][1]["MetricStat"]["Metric"]["MetricName"] == "RecordsProcessed"
    [page] = alarms["CompositeAlarms"]
    assert page["AlarmRule"] == 'ALARM("arn:aws:cloudwatch:us-east-1:123456789012:alarm:GlueJobFailureAlarm")'
    assert page["AlarmActions"] == [topic]
    [rule] = aws("cloudwatch").describe_insight_rules()["InsightRules"]
    assert (rule["Name"], rule["State"]) == ("TopGlueJobFailures", "ENABLED")


def test_subscriptionAndPoliciesReachTheirTopicAndQueue(aws):
    deploy(aws)
    sns = aws("sns")
    topic = "arn:aws:sns:us-east-1:123456789012:alerts"
    [subscription] = sns.list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert (subscription["Protocol"], subscription["Endpoint"]) == ("email", "oncall@example.com")
    attributes = sns.get_subscription_attributes(SubscriptionArn=subscription["SubscriptionArn"])["Attributes"]
    assert json.loads(attributes["RedrivePolicy"]) == {"deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:dead-letters"}
    topic_attributes = sns.get_topic_attributes(TopicArn=topic)["Attributes"]
    assert json.loads(topic_attributes["Policy"])["Statement"][0]["Sid"] == "TlsOnly"
    assert topic_attributes["KmsMasterKeyId"].startswith("arn:aws:kms:")
    sqs = aws("sqs")
    url = sqs.get_queue_url(QueueName="dead-letters")["QueueUrl"]
    policy = json.loads(sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])["Attributes"]["Policy"])
    assert policy["Statement"][0]["Principal"] == {"Service": "sns.amazonaws.com"}


def test_glueQueryDefinitionAndLambdaSettingsAreThere(aws):
    deploy(aws)
    job = aws("glue").get_job(JobName="sample-etl-job")["Job"]
    assert (job["GlueVersion"], job["Timeout"], job["NotificationProperty"]) == ("5.0", 30, {"NotifyDelayAfter": 10})
    assert aws("glue").get_database(Name="monitoring_lab_db")["Database"]["Name"] == "monitoring_lab_db"
    [query] = aws("logs").describe_query_definitions(queryDefinitionNamePrefix="Glue Job")["queryDefinitions"]
    assert (query["name"], query["logGroupNames"]) == ("Glue Job Error Analysis", ["/aws-glue/jobs/error"])
    function = aws("lambda").get_function(FunctionName="AlarmResponseFunction")["Configuration"]
    assert function["TracingConfig"] == {"Mode": "Active"}
    assert len(function["Layers"]) == 1 and ":layer:" in function["Layers"][0]["Arn"]
    retries = aws("lambda").get_function_event_invoke_config(FunctionName="AlarmResponseFunction")
    assert (retries["MaximumRetryAttempts"], retries["MaximumEventAgeInSeconds"]) == (2, 900)
    assert retries["DestinationConfig"]["OnFailure"]["Destination"].endswith(":dead-letters")


def test_kmsKeyWithCloudFormationTagsIsCreatedTagged(aws):
    deploy(aws)
    [key] = aws("kms").list_keys()["Keys"]
    assert aws("kms").list_resource_tags(KeyId=key["KeyId"])["Tags"] == [
        {"TagKey": "project", "TagValue": "data-pipeline-monitoring"}]


def test_deletingTheStackRemovesWhatTheModelsCreated(aws):
    deploy(aws)
    aws("cloudformation").delete_stack(StackName="Stack")
    assert aws("cloudwatch").describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"]) | {"ResponseMetadata": None} == {
        "MetricAlarms": [], "CompositeAlarms": [], "ResponseMetadata": None}
    assert aws("cloudwatch").describe_insight_rules()["InsightRules"] == []
    assert aws("glue").get_jobs()["Jobs"] == [] and aws("glue").get_databases()["DatabaseList"] == []
    assert aws("logs").describe_query_definitions()["queryDefinitions"] == []
    assert aws("sns").list_subscriptions()["Subscriptions"] == []


def test_stackCreatedThroughAChangeSetHasItsOutputs(aws):
    cloudformation = aws("cloudformation")
    cloudformation.create_change_set(StackName="ChangeSetStack", ChangeSetName="create", ChangeSetType="CREATE",
                                     TemplateBody=json.dumps(TEMPLATE))
    cloudformation.execute_change_set(ChangeSetName="create", StackName="ChangeSetStack")
    stack = cloudformation.describe_stacks(StackName="ChangeSetStack")["Stacks"][0]
    assert stack["Outputs"] == [{"OutputKey": "AlertTopicArn", "OutputValue": "arn:aws:sns:us-east-1:123456789012:alerts"}]


def test_queryDefinitionApiPagesAndDeletes(aws):
    logs = aws("logs")
    ids = [logs.put_query_definition(name=f"q{i}", queryString="fields @message")["queryDefinitionId"] for i in range(3)]
    first = logs.describe_query_definitions(maxResults=2)
    assert [q["name"] for q in first["queryDefinitions"]] == ["q0", "q1"]
    rest = logs.describe_query_definitions(maxResults=2, nextToken=first["nextToken"])
    assert [q["name"] for q in rest["queryDefinitions"]] == ["q2"] and "nextToken" not in rest
    assert logs.delete_query_definition(queryDefinitionId=ids[0])["success"] is True
    assert logs.delete_query_definition(queryDefinitionId=ids[0])["success"] is False
