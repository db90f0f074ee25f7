"""tools/moto_extension: each CloudFormation model it adds creates, through moto's own backend, what the AWS API
then reads back, and deletes it again; the fixes to moto's own models hold."""

import copy
import io
import json
import sys
import zipfile
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
        "Crawler": {"Type": "AWS::Glue::Crawler", "Properties": {
            "Name": "sample-etl-job-output-crawler", "Role": "arn:aws:iam::123456789012:role/crawler",
            "DatabaseName": "monitoring_lab_db", "Targets": {"S3Targets": [{"Path": "s3://output/records/"}]},
            "RecrawlPolicy": {"RecrawlBehavior": "CRAWL_NEW_FOLDERS_ONLY"}}},
        "Trigger": {"Type": "AWS::Glue::Trigger", "Properties": {
            "Name": "sample-etl-job-crawl-on-success", "Type": "CONDITIONAL", "StartOnCreation": True,
            "Predicate": {"Conditions": [{"JobName": "sample-etl-job", "State": "SUCCEEDED", "LogicalOperator": "EQUALS"}]},
            "Actions": [{"CrawlerName": "sample-etl-job-output-crawler"}]}},
        "Output": {"Type": "AWS::S3::Bucket", "Properties": {
            "BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]},
            "PublicAccessBlockConfiguration": {"BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True,
                                               "RestrictPublicBuckets": True}}},
        "Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/aws/lambda/AlarmResponseFunction"}},
        "FailedRuns": {"Type": "AWS::Logs::MetricFilter", "Properties": {
            "LogGroupName": {"Ref": "Logs"}, "FilterPattern": "{ $.detail.state = \"FAILED\" }",
            "MetricTransformations": [{"MetricNamespace": "DataPipelineMetrics", "MetricName": "FailedRuns",
                                       "MetricValue": "1", "Unit": "Count",
                                       "Dimensions": [{"Key": "Pipeline", "Value": "$.detail.jobName"}]}]}},
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
    "Outputs": {"AlertTopicArn": {"Value": {"Ref": "Topic"}}, "LogsArn": {"Value": {"Fn::GetAtt": ["Logs", "Arn"]}}},
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
                          "AWS::Glue::Job", "AWS::Lambda::EventInvokeConfig", "AWS::Logs::QueryDefinition",
                          "AWS::Logs::MetricFilter", "AWS::Glue::Crawler", "AWS::Glue::Trigger"):
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
    [metric_filter] = aws("logs").describe_metric_filters(logGroupName="/aws/lambda/AlarmResponseFunction")["metricFilters"]
    assert metric_filter["metricTransformations"][0]["dimensions"] == {"Pipeline": "$.detail.jobName"}
    [query] = aws("logs").describe_query_definitions(queryDefinitionNamePrefix="Glue Job")["queryDefinitions"]
    assert (query["name"], query["logGroupNames"]) == ("Glue Job Error Analysis", ["/aws-glue/jobs/error"])
    function = aws("lambda").get_function(FunctionName="AlarmResponseFunction")["Configuration"]
    assert function["TracingConfig"] == {"Mode": "Active"}
    assert len(function["Layers"]) == 1 and ":layer:" in function["Layers"][0]["Arn"]
    retries = aws("lambda").get_function_event_invoke_config(FunctionName="AlarmResponseFunction")
    assert (retries["MaximumRetryAttempts"], retries["MaximumEventAgeInSeconds"]) == (2, 900)
    assert retries["DestinationConfig"]["OnFailure"]["Destination"].endswith(":dead-letters")


def test_sampleChainCrawlerTriggerAndOutputBucketAreThere(aws):
    deploy(aws)
    crawler = aws("glue").get_crawler(Name="sample-etl-job-output-crawler")["Crawler"]
    assert (crawler["DatabaseName"], crawler["Targets"]) == ("monitoring_lab_db", {"S3Targets": [{"Path": "s3://output/records/"}]})
    trigger = aws("glue").get_trigger(Name="sample-etl-job-crawl-on-success")["Trigger"]
    assert (trigger["Type"], trigger["State"], trigger["Actions"]) == (
        "CONDITIONAL", "ACTIVATED", [{"CrawlerName": "sample-etl-job-output-crawler"}])
    assert trigger["Predicate"]["Conditions"][0]["State"] == "SUCCEEDED"
    [bucket] = [b["Name"] for b in aws("s3").list_buckets()["Buckets"]]
    assert aws("s3").get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True}


def test_kmsKeyWithCloudFormationTagsIsCreatedTaggedAndReadable(aws):
    deploy(aws)
    kms = aws("kms")
    [key] = kms.list_keys()["Keys"]
    assert kms.list_resource_tags(KeyId=key["KeyId"])["Tags"] == [
        {"TagKey": "project", "TagValue": "data-pipeline-monitoring"}]
    assert kms.describe_key(KeyId=key["KeyId"])["KeyMetadata"]["Enabled"] is True
    assert json.loads(kms.get_key_policy(KeyId=key["KeyId"], PolicyName="default")["Policy"]) == {
        "Version": "2012-10-17", "Statement": []}


def test_deletingTheStackRemovesWhatTheModelsCreated(aws):
    deploy(aws)
    [layer] = [layer["LayerName"] for layer in aws("lambda").list_layers()["Layers"]]
    aws("cloudformation").delete_stack(StackName="Stack")
    assert aws("cloudwatch").describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"]) | {"ResponseMetadata": None} == {
        "MetricAlarms": [], "CompositeAlarms": [], "ResponseMetadata": None}
    assert aws("cloudwatch").describe_insight_rules()["InsightRules"] == []
    assert aws("glue").get_jobs()["Jobs"] == [] and aws("glue").get_databases()["DatabaseList"] == []
    assert aws("glue").get_crawlers()["Crawlers"] == [] and aws("glue").get_triggers()["Triggers"] == []
    assert aws("s3").list_buckets()["Buckets"] == []
    assert aws("logs").describe_query_definitions()["queryDefinitions"] == []
    assert aws("logs").describe_metric_filters()["metricFilters"] == []
    assert aws("sns").list_subscriptions()["Subscriptions"] == []
    assert aws("lambda").list_layer_versions(LayerName=layer)["LayerVersions"] == []


def test_stackCreatedThroughAChangeSetHasItsOutputs(aws):
    cloudformation = aws("cloudformation")
    cloudformation.create_change_set(StackName="ChangeSetStack", ChangeSetName="create", ChangeSetType="CREATE",
                                     TemplateBody=json.dumps(TEMPLATE))
    cloudformation.execute_change_set(ChangeSetName="create", StackName="ChangeSetStack")
    stack = cloudformation.describe_stacks(StackName="ChangeSetStack")["Stacks"][0]
    assert {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]} == {
        "AlertTopicArn": "arn:aws:sns:us-east-1:123456789012:alerts",
        "LogsArn": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/AlarmResponseFunction:*"}


def test_queryDefinitionApiPagesAndDeletes(aws):
    logs = aws("logs")
    ids = [logs.put_query_definition(name=f"q{i}", queryString="fields @message")["queryDefinitionId"] for i in range(3)]
    first = logs.describe_query_definitions(maxResults=2)
    assert [q["name"] for q in first["queryDefinitions"]] == ["q0", "q1"]
    rest = logs.describe_query_definitions(maxResults=2, nextToken=first["nextToken"])
    assert [q["name"] for q in rest["queryDefinitions"]] == ["q2"] and "nextToken" not in rest
    assert logs.delete_query_definition(queryDefinitionId=ids[0])["success"] is True
    assert logs.delete_query_definition(queryDefinitionId=ids[0])["success"] is False


def test_parentReadsANestedStacksOutput(aws):
    s3 = aws("s3")
    s3.create_bucket(Bucket="assets")
    nested = {"Resources": {"Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "nested"}}},
              "Outputs": {"TopicArn": {"Value": {"Ref": "Topic"}}}}
    s3.put_object(Bucket="assets", Key="nested.json", Body=json.dumps(nested))
    parent = {"Resources": {
        "Nested": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "https://s3.amazonaws.com/assets/nested.json"}},
        "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "q"}},
        "Policy": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": [{"Ref": "Queue"}], "PolicyDocument": {
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*",
                           "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["Nested", "Outputs.TopicArn"]}}}}]}}}}}
    deploy(aws, parent, name="Parent")
    resources = aws("cloudformation").list_stack_resources(StackName="Parent")["StackResourceSummaries"]
    assert len(resources) == 3
    url = aws("sqs").get_queue_url(QueueName="q")["QueueUrl"]
    policy = json.loads(aws("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])["Attributes"]["Policy"])
    assert policy["Statement"][0]["Condition"]["ArnEquals"]["aws:SourceArn"] == "arn:aws:sns:us-east-1:123456789012:nested"
    # An update of the nested template updates the nested stack in place.
    nested_id = next(r["PhysicalResourceId"] for r in resources if r["LogicalResourceId"] == "Nested")
    nested["Resources"]["Queue"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "added"}}
    s3.put_object(Bucket="assets", Key="nested-2.json", Body=json.dumps(nested))
    parent["Resources"]["Nested"]["Properties"]["TemplateURL"] = "https://s3.amazonaws.com/assets/nested-2.json"
    aws("cloudformation").update_stack(StackName="Parent", TemplateBody=json.dumps(parent))
    after = aws("cloudformation").list_stack_resources(StackName="Parent")["StackResourceSummaries"]
    assert next(r["PhysicalResourceId"] for r in after if r["LogicalResourceId"] == "Nested") == nested_id
    assert aws("sqs").get_queue_url(QueueName="added")["QueueUrl"].endswith("/added")


def test_aMissingChangeSetIsChangeSetNotFound(aws):
    # What the CDK CLI waits for after deleting the previous deploy's change set.
    deploy(aws)
    with pytest.raises(aws("cloudformation").exceptions.ChangeSetNotFoundException) as raised:
        aws("cloudformation").describe_change_set(ChangeSetName="cdk-deploy-change-set", StackName="Stack")
    assert raised.value.response["Error"]["Code"] == "ChangeSetNotFound"


def test_anUpdateKeepsAnSsmParameterByName(aws):
    # CDK's templates read BootstrapVersion from SSM and pass UsePreviousValue for it on every update.
    aws("ssm").put_parameter(Name="/cdk-bootstrap/hnb659fds/version", Value="28", Type="String")
    template = copy.deepcopy(TEMPLATE)
    template["Parameters"] = {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>",
                                                   "Default": "/cdk-bootstrap/hnb659fds/version"}}
    deploy(aws, template)
    template["Resources"]["Second"] = {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "second"}}
    cloudformation = aws("cloudformation")
    cloudformation.create_change_set(StackName="Stack", ChangeSetName="update", ChangeSetType="UPDATE",
                                     TemplateBody=json.dumps(template),
                                     Parameters=[{"ParameterKey": "BootstrapVersion", "UsePreviousValue": True}])
    cloudformation.execute_change_set(ChangeSetName="update", StackName="Stack")
    assert aws("sqs").get_queue_url(QueueName="second")["QueueUrl"].endswith("/second")


def test_anUpdateKeepsRuleAndPolicyInPlaceAndMovesFunctionsToTheNewLayerVersion(aws):
    template = copy.deepcopy(TEMPLATE)
    template["Resources"]["RunFailed"] = {"Type": "AWS::Events::Rule", "Properties": {
        "EventPattern": {"source": ["aws.glue"], "detail": {"jobName": ["job-1"]}}, "Targets": [{"Id": "t", "Arn": {"Ref": "Topic"}}]}}
    template["Resources"]["RuleAlarm"] = {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmName": "EventDeliveryFailedAlarm", "Namespace": "AWS/Events", "MetricName": "FailedInvocations",
        "Dimensions": [{"Name": "RuleName", "Value": {"Ref": "RunFailed"}}], "Statistic": "Sum", "Period": 300,
        "EvaluationPeriods": 1, "Threshold": 0, "ComparisonOperator": "GreaterThanThreshold"}}
    # Code from S3, as CDK deploys it (moto's update re-reads inline code as base64 and fails on plain text).
    aws("s3").create_bucket(Bucket="code")
    aws("s3").put_object(Bucket="code", Key="function.zip", Body=zip_with("index.py", "def handler(event, context): pass"))
    for key, text in (("layer-1.zip", '{"pipelines": 1}'), ("layer-2.zip", '{"pipelines": 2}')):
        aws("s3").put_object(Bucket="code", Key=key, Body=zip_with("config.json", text))
    template["Resources"]["Function"]["Properties"]["Code"] = {"S3Bucket": "code", "S3Key": "function.zip"}
    template["Resources"]["Configuration"]["Properties"]["Content"] = {"S3Bucket": "code", "S3Key": "layer-1.zip"}
    deploy(aws, template)
    [rule] = aws("events").list_rules()["Rules"]
    [layer] = aws("lambda").get_function(FunctionName="AlarmResponseFunction")["Configuration"]["Layers"]
    before = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in
              aws("cloudformation").list_stack_resources(StackName="Stack")["StackResourceSummaries"]}
    template["Resources"]["DeadLettersPolicy"]["Properties"]["PolicyDocument"]["Statement"][0]["Sid"] = "Changed"
    template["Resources"]["RunFailed"]["Properties"]["EventPattern"]["detail"]["jobName"].append("job-2")
    template["Resources"]["Configuration"]["Properties"]["Content"] = {"S3Bucket": "code", "S3Key": "layer-2.zip"}
    aws("cloudformation").update_stack(StackName="Stack", TemplateBody=json.dumps(template))
    [updated] = aws("events").list_rules()["Rules"]
    assert updated["Name"] == rule["Name"] and "job-2" in updated["EventPattern"]
    [new_layer] = aws("lambda").get_function(FunctionName="AlarmResponseFunction")["Configuration"]["Layers"]
    assert new_layer["Arn"] != layer["Arn"]
    physical = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in
                aws("cloudformation").list_stack_resources(StackName="Stack")["StackResourceSummaries"]}
    assert physical["Configuration"] == new_layer["Arn"]
    assert physical["DeadLettersPolicy"] == before["DeadLettersPolicy"]  # updated in place


def zip_with(name: str, text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, text)
    return buffer.getvalue()
