"""tools/deploy_readback.py: a deployment that differs from the synthesized template, a rule pointed at a
missing target, a type nobody reads back, an output missing and a resource left after destroy each fail it."""

import copy
import json
import sys
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import moto_extension  # noqa: E402,F401
import deploy_readback  # noqa: E402

STACK = "MonitoringStack"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:alerts"

TEMPLATE = {
    "Resources": {
        "Topic": {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "alerts"}},
        "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600}},
        "FailureAlarm": {"Type": "AWS::CloudWatch::Alarm", "Properties": {
            "AlarmName": "GlueJobFailureAlarm", "Namespace": "Glue", "MetricName": "glue.driver.aggregate.numFailedTasks",
            "Dimensions": [{"Name": "JobName", "Value": "sample-etl-job"}], "Statistic": "Sum", "Period": 300,
            "EvaluationPeriods": 1, "Threshold": 0, "ComparisonOperator": "GreaterThanThreshold",
            "TreatMissingData": "notBreaching", "AlarmActions": [{"Ref": "Topic"}], "OKActions": [{"Ref": "Topic"}]}},
        "Page": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {
            "AlarmName": "PipelineUnhealthyAlarm", "AlarmActions": [{"Ref": "Topic"}],
            "AlarmRule": {"Fn::Join": ["", ["ALARM(\"", {"Fn::GetAtt": ["FailureAlarm", "Arn"]}, "\")"]]}}},
        "RunFailed": {"Type": "AWS::Events::Rule", "Properties": {
            "Name": "RunFailedRule", "State": "ENABLED",
            "EventPattern": {"source": ["aws.glue"], "detail-type": ["Glue Job State Change"]},
            "Targets": [{"Id": "Target0", "Arn": {"Ref": "Topic"}, "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["Queue", "Arn"]}}}]}},
    },
    "Outputs": {"AlertTopicArn": {"Value": {"Ref": "Topic"}}},
}


def assembly(tmp_path: Path, template: dict) -> Path:
    app = tmp_path / "cdk.out"
    app.mkdir(exist_ok=True)
    (app / f"{STACK}.template.json").write_text(json.dumps(template))
    (app / "manifest.json").write_text(json.dumps({"artifacts": {STACK: {
        "type": "aws:cloudformation:stack", "properties": {"templateFile": f"{STACK}.template.json"}}}}))
    return app


@pytest.fixture
def aws():
    with mock_aws():
        yield deploy_readback.Aws(None, "us-east-1")


def deploy(aws, template):
    aws.client("cloudformation").create_stack(StackName=STACK, TemplateBody=json.dumps(template))


def failures(report):
    return report.failures


def test_aDeploymentAsTheTemplateSaysPasses(aws, tmp_path):
    deploy(aws, TEMPLATE)
    report = deploy_readback.deployed(aws, assembly(tmp_path, TEMPLATE), None, None)
    assert failures(report) == []
    assert report.counts["PASS"] == len(TEMPLATE["Resources"]) + 1  # and the output


def test_anAlarmWhoseActionWentMissingFails(aws, tmp_path, capsys):
    broken = copy.deepcopy(TEMPLATE)
    del broken["Resources"]["FailureAlarm"]["Properties"]["AlarmActions"]
    deploy(aws, broken)
    report = deploy_readback.deployed(aws, assembly(tmp_path, TEMPLATE), None, None)
    assert failures(report) == [f"AWS::CloudWatch::Alarm {STACK}/FailureAlarm"]
    assert f'AlarmActions is [], the template says ["{TOPIC_ARN}"]' in capsys.readouterr().out


def test_aThresholdThatDiffersFails(aws, tmp_path):
    broken = copy.deepcopy(TEMPLATE)
    broken["Resources"]["FailureAlarm"]["Properties"]["Threshold"] = 5
    deploy(aws, broken)
    assert failures(deploy_readback.deployed(aws, assembly(tmp_path, TEMPLATE), None, None)) == [
        f"AWS::CloudWatch::Alarm {STACK}/FailureAlarm"]


def test_aRulePointedAtAMissingTargetFails(aws, tmp_path, capsys):
    broken = copy.deepcopy(TEMPLATE)
    missing = "arn:aws:lambda:us-east-1:123456789012:function:DataPipelineMetricsFunction"
    broken["Resources"]["RunFailed"]["Properties"]["Targets"][0]["Arn"] = missing
    deploy(aws, broken)
    report = deploy_readback.deployed(aws, assembly(tmp_path, broken), None, None)
    assert failures(report) == [f"AWS::Events::Rule {STACK}/RunFailed"]
    assert f"points at {missing}, which does not exist" in capsys.readouterr().out


def test_aResourceTheEmulatorSkippedFails(aws, tmp_path, capsys):
    with_unmodelled = copy.deepcopy(TEMPLATE)
    with_unmodelled["Resources"]["Detector"] = {"Type": "AWS::CloudWatch::AnomalyDetector", "Properties": {}}
    with_unmodelled["Resources"]["Unknown"] = {"Type": "AWS::Scheduler::Schedule", "Properties": {}}
    deploy(aws, with_unmodelled)
    report = deploy_readback.deployed(aws, assembly(tmp_path, with_unmodelled), None, None)
    assert failures(report) == [f"AWS::Scheduler::Schedule {STACK}/Unknown"]
    out = capsys.readouterr().out
    assert "no read-back for this type and not on the allow-list" in out
    assert f"SKIP  AWS::CloudWatch::AnomalyDetector {STACK}/Detector: moto has no anomaly detectors" in out


def test_aMissingOutputFails(aws, tmp_path):
    without_output = copy.deepcopy(TEMPLATE)
    del without_output["Outputs"]
    deploy(aws, without_output)
    assert failures(deploy_readback.deployed(aws, assembly(tmp_path, TEMPLATE), None, None)) == [
        f"output {STACK}.AlertTopicArn"]


def test_destroyedPassesOnlyWhenNothingIsLeft(aws, tmp_path):
    deploy(aws, TEMPLATE)
    record = tmp_path / "ids.json"
    deploy_readback.deployed(aws, assembly(tmp_path, TEMPLATE), None, record)
    aws.client("cloudformation").delete_stack(StackName=STACK)
    assert failures(deploy_readback.destroyed(aws, record)) == []
    boto3.client("sns", region_name="us-east-1").create_topic(Name="alerts")  # left behind, e.g. retained
    assert failures(deploy_readback.destroyed(aws, record)) == [f"AWS::SNS::Topic {STACK}/Topic"]


def test_inPlaceAllowsOnlyLayerVersionsToBeReplaced():
    before = {"stacks": [{"name": STACK, "id": "stack/1"}], "resources": [
        {"stack": STACK, "logical": "Alarm", "type": "AWS::CloudWatch::Alarm", "physical": "A"},
        {"stack": STACK, "logical": "Config", "type": "AWS::Lambda::LayerVersion", "physical": "layer:1"}]}
    after = copy.deepcopy(before)
    after["resources"][1]["physical"] = "layer:2"
    after["resources"].append({"stack": STACK, "logical": "New", "type": "AWS::CloudWatch::Alarm", "physical": "N"})
    assert deploy_readback.in_place(before, after) == []
    after["resources"][0]["physical"] = "A2"
    after["stacks"][0]["id"] = "stack/2"
    assert deploy_readback.in_place(before, after) == [
        f"stack {STACK} was replaced (stack/1)", f"AWS::CloudWatch::Alarm {STACK}/Alarm was replaced: A -> A2"]


def test_verifyReportMayFailOnlyOnMetricsTheEmulatorCannotProduce():
    report = {"passed": 3, "checks": [
        {"check": "alarm GlueJobFailureAlarm", "status": "PASS", "detail": ""},
        {"check": "metrics sample-etl-job", "status": "FAIL", "detail": "no datum and no run of DataPipelineMetricsFunction ..."}]}
    assert deploy_readback.verify_report_problems(report) == []
    report["checks"].append({"check": "schedule DataPipelineMetricsSchedule", "status": "FAIL", "detail": "not found"})
    assert deploy_readback.verify_report_problems(report) == ["schedule DataPipelineMetricsSchedule: not found"]
