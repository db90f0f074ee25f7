"""tools/time_to_page.py: its arithmetic on a small hand-made cloud assembly with round-number facts, and the README's
"Time to page" table against what the tool gives for a fresh synth of the default configuration."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import time_to_page  # noqa: E402
from time_to_page import WhatIf  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# Round numbers, each sum decodable: typical | worst.
FACTS = """
| key | typical | worst | unit | basis | fact |
|---|---|---|---|---|---|
| `glue-metrics` | 15 | 30 | s | | |
| `service-metrics` | 30 | 60 | s | | |
| `metric-filter` | 30 | 60 | s | | |
| `metric-ingest` | 1 | 2 | s | | |
| `log-to-metric` | 3 | 4 | s | | |
| `event-delivery` | 5 | 6 | s | | |
| `function-duration` | 7 | template | s | | |
| `alarm-evaluation` | 30 | 60 | s | | |
| `high-resolution-evaluation` | 5 | 10 | s | | |
| `evaluation-range` | 2 | 2 | periods | | |
| `lambda-first-retry` | 60 | 60 | s | | |
| `lambda-second-retry` | 120 | 120 | s | | |
| `composite-evaluation` | 100 | 200 | s | | |
| `sns-delivery` | 1000 | 2000 | s | | |
| `sns-to-function` | 10000 | 20000 | s | | |
| `pager-duration` | 100000 | template | s | | |
"""

PAGE_MODEL = """
| failure mode | signal (child alarm) | page, topic | response function |
|---|---|---|---|
| heap | `heap.usage` > 0.8 → `HeapAlarm` | page | logs only |
| run failed | event → `FailedRuns` → `FailedAlarm`; later `RateAlarm` | page | restarts |
| collection | `CollectionAlarm` | page | – |
| function | `ScheduleAlarm`; `FailuresAlarm` | health | – |
| alert path | `DeliveryAlarm-RULE` | health | – |
| missed | `GhostAlarm` | page | – |

After the table.
"""


def alarm(name, namespace, metric, statistic, period, **more):
    properties = {"AlarmName": name, "Namespace": namespace, "MetricName": metric, "Statistic": statistic,
                  "Period": period, "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanThreshold",
                  "Threshold": 0, "TreatMissingData": "notBreaching"}
    properties.update(more)
    return {"Type": "AWS::CloudWatch::Alarm", "Properties": properties}


def any_of(*alarm_ids):
    parts = []
    for alarm_id in alarm_ids:
        parts += ['ALARM("', {"Fn::GetAtt": list(alarm_id) if isinstance(alarm_id, tuple) else [alarm_id, "Arn"]}, '") OR ']
    return {"Fn::Join": ["", parts[:-1] + ['")']]}


PARENT = {"Resources": {
    "Topic": {"Type": "AWS::SNS::Topic", "Properties": {}},
    # Glue metric, not hidden by older data: Glue report + ingest, next evaluation, one composite, SNS.
    "Heap": alarm("HeapAlarm", "Glue", "glue.driver.jvm.heap.usage", "Maximum", 300),
    "HeapTwo": alarm("HeapAlarm-job-2", "Glue", "glue.driver.jvm.heap.usage", "Maximum", 300),
    # An event in a log group, counted by a metric filter.
    "History": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/aws/events/history"}},
    "Filter": {"Type": "AWS::Logs::MetricFilter", "Properties": {
        "LogGroupName": {"Ref": "History"}, "FilterPattern": "{ $.state = \"FAILED\" }",
        "MetricTransformations": [{"MetricNamespace": "Pipelines", "MetricName": "FailedRuns", "MetricValue": "1"}]}},
    "Events": {"Type": "AWS::Events::Rule", "Properties": {
        "EventPattern": {"source": ["aws.glue"]},
        "Targets": [{"Id": "T", "Arn": {"Fn::Join": ["", ["arn:aws:logs:r:a:log-group:/aws/events/history"]]}}]}},
    "Failed": alarm("FailedAlarm", "Pipelines", "FailedRuns", "Sum", 60),
    # The metrics function: on rate(2 minutes), its namespace in the configuration file of its layer.
    "Function": {"Type": "AWS::Lambda::Function", "Properties": {
        "FunctionName": "MetricsFunction", "Timeout": 40, "Layers": [{"Ref": "Layer"}]}},
    "Layer": {"Type": "AWS::Lambda::LayerVersion", "Properties": {
        "Content": {"S3Bucket": "b", "S3Key": "abc123.zip"}}},
    "Schedule": {"Type": "AWS::Events::Rule", "Properties": {
        "ScheduleExpression": "rate(2 minutes)", "State": "ENABLED",
        "Targets": [{"Id": "T", "Arn": {"Fn::GetAtt": ["Function", "Arn"]}}]}},
    # An average over 300 s of data every 120 s: older data can hide the breach for up to 180 s.
    "Rate": alarm("RateAlarm", "Custom", "ErrorRate", "Average", 300),
    # 2 of 3 at 60 s, data every 120 s: one more publication interval of breaching data.
    "Collection": alarm("CollectionAlarm", "Custom", "CollectionErrors", "Maximum", 60,
                        EvaluationPeriods=3, DatapointsToAlarm=2),
    # No invocation: (2 + 2) periods of 300 s of range, minus the interval the first missed run was due in.
    "Absent": alarm("ScheduleAlarm", "AWS/Lambda", "Invocations", "Sum", 300, EvaluationPeriods=2,
                    DatapointsToAlarm=2, ComparisonOperator="LessThanThreshold", Threshold=1,
                    TreatMissingData="breaching", Dimensions=[{"Name": "FunctionName", "Value": {"Ref": "Function"}}]),
    # A function's failure queue: 2 retries with Lambda's waits, 3 runs of up to 40 s (7 s typical).
    "Failures": {"Type": "AWS::SQS::Queue", "Properties": {}},
    "InvokeConfig": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {
        "FunctionName": {"Ref": "Function"}, "MaximumRetryAttempts": 2, "MaximumEventAgeInSeconds": 900,
        "DestinationConfig": {"OnFailure": {"Destination": {"Fn::GetAtt": ["Failures", "Arn"]}}}}},
    "FailuresDepth": alarm("FailuresAlarm", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "Maximum", 300,
                           Dimensions=[{"Name": "QueueName", "Value": {"Fn::GetAtt": ["Failures", "QueueName"]}}]),
    "Page": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {
        "AlarmName": "PipelineUnhealthyAlarm", "AlarmActions": [{"Ref": "Topic"}],
        "AlarmRule": any_of("Heap", "HeapTwo", "Failed", "Rate", "Collection")}},
    "Health": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {
        "AlarmName": "HealthAlarm", "AlarmActions": [{"Ref": "Topic"}],
        "AlarmRule": any_of("Absent", "FailuresDepth", ("Nested", "Outputs.GroupArn"))}},
    "Nested": {"Type": "AWS::CloudFormation::Stack", "Properties": {
        "TemplateURL": "https://s3.example/nested123.json", "Parameters": {"TopicParameter": {"Ref": "Topic"}}}},
}}

# A nested stack: a rule whose target retries for up to 900 s, its delivery alarm, and a group composite without
# actions that the parent's health page names through the nested stack's output.
NESTED = {
    "Parameters": {"TopicParameter": {"Type": "String"}},
    "Resources": {
        "Runs": {"Type": "AWS::Events::Rule", "Properties": {
            "EventPattern": {"source": ["aws.glue"]},
            "Targets": [{"Id": "T", "Arn": {"Ref": "TopicParameter"},
                         "RetryPolicy": {"MaximumRetryAttempts": 8, "MaximumEventAgeInSeconds": 900}}]}},
        "Delivery": alarm("DeliveryAlarm-Runs", "AWS/Events", "FailedInvocations", "Sum", 300,
                          Dimensions=[{"Name": "RuleName", "Value": {"Ref": "Runs"}}]),
        "Group": {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {
            "AlarmName": "GroupAlarm", "AlarmRule": any_of("Delivery")}},
    },
    "Outputs": {"GroupArn": {"Value": {"Fn::GetAtt": ["Group", "Arn"]}}},
}


@pytest.fixture
def assembly(tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps({"artifacts": {
        "Stack": {"type": "aws:cloudformation:stack", "properties": {"templateFile": "Stack.template.json"}}}}))
    (tmp_path / "Stack.template.json").write_text(json.dumps(PARENT))
    (tmp_path / "Stack-nested.template.json").write_text(json.dumps(NESTED))
    (tmp_path / "asset.abc123" / "monitoring").mkdir(parents=True)
    (tmp_path / "asset.abc123" / "monitoring" / "config.json").write_text(json.dumps({"namespace": "Custom"}))
    (tmp_path / "Stack.assets.json").write_text(json.dumps({"files": {
        "abc123": {"source": {"path": "asset.abc123", "packaging": "zip"}},
        "nested123": {"source": {"path": "Stack-nested.template.json", "packaging": "file"}}}}))
    return tmp_path


def rows_by_signal(assembly, what_if=WhatIf()):
    result = time_to_page.rows(time_to_page.Graph(assembly, what_if), time_to_page.page_model(PAGE_MODEL),
                               time_to_page.load_facts(FACTS))
    return {row.timing.signal if row.timing else row.mode: row for row in result}


def totals(row):
    return row.timing.total("typical"), row.timing.total("worst")


def test_a_glue_metric_alarm_adds_the_report_ingestion_evaluation_composite_and_sns(assembly):
    heap = rows_by_signal(assembly)["HeapAlarm"]
    assert totals(heap) == (15 + 1 + 30 + 100 + 1000, 30 + 2 + 60 + 200 + 2000)
    assert heap.timing.pages == ("PipelineUnhealthyAlarm",)
    assert heap.count == 2, "two pipelines' alarms that take the same time make one row"
    assert not heap.timing.event_driven


def test_an_event_counted_by_a_metric_filter_is_event_driven_and_waits_for_the_filters_minute(assembly):
    failed = rows_by_signal(assembly)["FailedAlarm"]
    assert totals(failed) == (5 + 30 + 1 + 30 + 1100, 6 + 60 + 2 + 60 + 2200)
    assert failed.timing.event_driven and failed.goal() == 30
    assert "metric filter `FailedRuns`" in failed.timing.source


def test_a_custom_metric_waits_for_the_scheduled_run_and_an_average_for_older_data_to_leave(assembly):
    rate = rows_by_signal(assembly)["RateAlarm"]
    # next run (120 s / 2 | 120) + run (7 | timeout 40) + log line (3 | 4); evaluation; (300 - 120) / 2 | 180.
    assert totals(rate) == (60 + 7 + 3 + 30 + 90 + 1100, 120 + 40 + 4 + 60 + 180 + 2200)
    assert rate.later, "named after 'later' in the page model: shown, not counted"
    assert "`MetricsFunction` on `rate(2 minutes)`" in rate.timing.source


def test_m_of_n_needs_m_minus_1_more_intervals_of_breaching_data(assembly):
    collection = rows_by_signal(assembly)["CollectionAlarm"]
    assert totals(collection) == (70 + 30 + 120 + 1100, 164 + 60 + 120 + 2200)


def test_an_alarm_on_absent_data_fires_when_the_real_data_has_left_its_evaluation_range(assembly):
    absent = rows_by_signal(assembly)["ScheduleAlarm"]
    assert absent.timing.publish == ()
    assert totals(absent) == ((2 + 2) * 300 - 120 + 30 + 1100, (2 + 2) * 300 - 120 + 60 + 2200)
    assert absent.timing.pages == ("HealthAlarm",)


def test_a_failure_queue_counts_after_the_functions_retries(assembly):
    failures = rows_by_signal(assembly)["FailuresAlarm"]
    # waits 60 + 120, three runs (7 | 40 each), then the queue's minute and ingestion.
    assert totals(failures) == (180 + 21 + 30 + 1 + 30 + 1100, 180 + 120 + 60 + 2 + 60 + 2200)


def test_a_nested_alarm_pages_through_its_group_and_counts_the_targets_retries(assembly):
    delivery = rows_by_signal(assembly)["DeliveryAlarm-Runs"]
    assert delivery.timing.pages == ("GroupAlarm", "HealthAlarm")
    # A refused delivery (4xx) is not retried; a failing one (5xx, 429) is, for up to the target's 900 s.
    assert totals(delivery) == (0 + 30 + 1 + 30 + 2 * 100 + 1000, 900 + 60 + 2 + 60 + 2 * 200 + 2000)


def test_what_if_periods_and_schedules_come_from_the_options_instead(assembly):
    rows = rows_by_signal(assembly, WhatIf(period=60, schedule=60))
    rate = rows["RateAlarm"]
    assert totals(rate) == (30 + 7 + 3 + 30 + 1100, 60 + 40 + 4 + 60 + 2200), "no average hiding at 60 s"
    assert rows["HeapAlarm"].timing.alarm.startswith("60 s × 1")


def test_periods_too_short_for_the_data_are_flagged_and_never_meet_the_goal(assembly):
    fitting = rows_by_signal(assembly, WhatIf(period=60))
    # 2 of 3 at 60 s, data every 120 s: two data fit in three periods. No invocation: 4 periods of range hold data.
    assert not fitting["CollectionAlarm"].timing.flawed and not fitting["ScheduleAlarm"].timing.flawed
    too_short = rows_by_signal(assembly, WhatIf(period=60, schedule=300))
    assert "never fires: 2 data 300 s apart do not fit in 3 periods" in too_short["CollectionAlarm"].timing.alarm
    assert "fires between data" in too_short["ScheduleAlarm"].timing.alarm
    assert not too_short["ScheduleAlarm"].meets() and not too_short["CollectionAlarm"].meets()


def test_the_table_names_modes_without_alarms_and_counts_the_goal(assembly):
    result = time_to_page.rows(time_to_page.Graph(assembly), time_to_page.page_model(PAGE_MODEL),
                               time_to_page.load_facts(FACTS))
    table = time_to_page.table(result)
    assert "| missed | not in this configuration |" in table
    assert "| heap | `HeapAlarm` and 1 more → `PipelineUnhealthyAlarm` |" in table
    assert "Goal met by 0 of 6 rows (0 of 1 event-driven ones within 0:30)" in table


def test_alarm_kinds_match_with_a_prefix_a_pipeline_suffix_or_an_anomaly_twin_only():
    # A prefix may be letters, digits, '-' or '_' with no separator ("dev" gives "devHeapAlarm").
    pattern_names = ["team1-HeapAlarm", "devHeapAlarm", "HeapAlarm-orders", "HeapAlarmAnomaly-orders", "HeapAlarms",
                     "HeapAlarmist"]

    class Names:
        resources = {name: {"Type": "AWS::CloudWatch::Alarm", "Properties": {"AlarmName": name}} for name in pattern_names}
        of_type = time_to_page.Graph.of_type
        name = time_to_page.Graph.name

    assert time_to_page.alarms_of_kind(Names(), "HeapAlarm") == pattern_names[:4]


def test_bad_input_stops_with_one_line(tmp_path, capsys):
    assert time_to_page.main([str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("time-to-page: no cloud assembly at")


def test_a_facts_table_without_a_needed_fact_is_refused():
    with pytest.raises(time_to_page.InputError, match="no row for sns-delivery"):
        time_to_page.load_facts(FACTS.replace("| `sns-delivery` | 1000 | 2000 | s | | |", ""))


def test_the_readme_table_is_what_the_tool_gives_for_a_fresh_synth_of_the_default_configuration(tmp_path):
    classpath = subprocess.run([str(ROOT / "tools" / "app-classpath")], capture_output=True, text=True)
    assert classpath.returncode == 0, classpath.stderr
    java = subprocess.run([str(ROOT / "tools" / "find-jdk")], capture_output=True, text=True, check=True).stdout.strip()
    env = dict(os.environ, CDK_CONTEXT_JSON="{}", CDK_OUTDIR=str(tmp_path / "default"), CDK_VALIDATION="false")
    synth = subprocess.run([f"{java}/bin/java", "-cp", classpath.stdout.strip(),
                            "com.datapipeline.monitoring.cdk.MonitoringApp"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert synth.returncode == 0, synth.stderr[-2000:]
    readme = time_to_page.README.read_text()
    fresh = time_to_page.table(time_to_page.generate(tmp_path / "default", readme, time_to_page.FACTS.read_text()))
    assert time_to_page.readme_table(readme) == fresh, \
        "README's time-to-page table is stale: run tools/time-to-page --readme on a synth of the default configuration"


def test_a_filled_absence_alarm_fires_once_the_empty_periods_pass_and_a_one_alarm_page_has_no_composite(assembly):
    parent = json.loads((assembly / "Stack.template.json").read_text())
    resources = parent["Resources"]
    metric = {"Namespace": "AWS/Lambda", "MetricName": "Invocations",
              "Dimensions": [{"Name": "FunctionName", "Value": {"Ref": "Function"}}]}
    resources["Absent"]["Properties"] = {
        "AlarmName": "ScheduleAlarm", "EvaluationPeriods": 2, "DatapointsToAlarm": 2,
        "ComparisonOperator": "LessThanThreshold", "Threshold": 1, "TreatMissingData": "breaching",
        "Metrics": [{"Id": "m", "MetricStat": {"Metric": metric, "Period": 300, "Stat": "Sum"}, "ReturnData": False},
                    {"Id": "e", "Expression": "FILL(m, 0)", "ReturnData": True}]}
    # A one-alarm page over a Glue metric's bit (1024) and the Breach metric's bits, with its legend.
    glue = {"Namespace": "Glue", "MetricName": "glue.driver.jvm.heap.usage", "Dimensions": []}
    breach = {"Namespace": "Custom", "MetricName": "Breach", "Dimensions": []}
    resources["OneAlarmPage"] = {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmName": "PipelineUnhealthyAlarm-job-3", "AlarmActions": [{"Ref": "Topic"}],
        "AlarmDescription": "Sum of: 2 error rate [RateAlarm], 1024 heap [HeapAlarm].",
        "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold", "Threshold": 1,
        "TreatMissingData": "notBreaching",
        "Metrics": [{"Id": "breach", "MetricStat": {"Metric": breach, "Period": 60, "Stat": "Maximum"},
                     "ReturnData": False},
                    {"Id": "heap", "MetricStat": {"Metric": glue, "Period": 60, "Stat": "Maximum"},
                     "ReturnData": False},
                    {"Id": "e", "Expression": "FILL(breach, 0) + IF(FILL(heap, 0) > 0.8, 1024, 0)",
                     "ReturnData": True}]}}
    (assembly / "Stack.template.json").write_text(json.dumps(parent))
    by_signal = rows_by_signal(assembly)
    absent = by_signal["ScheduleAlarm"]
    # The empty period ends (150 | 300) and is ingested; evaluation; one more breaching period; composite, SNS.
    assert totals(absent) == (150 + 1 + 30 + 300 + 1100, 300 + 2 + 60 + 300 + 2200)
    page = by_signal["bit of HeapAlarm"]
    assert page.timing.pages == ("PipelineUnhealthyAlarm-job-3",)
    # Glue's report and ingestion, evaluation, then SNS only: the page is the alarm itself.
    assert totals(page) == (15 + 1 + 30 + 1000, 30 + 2 + 60 + 2000)


def test_a_one_alarm_page_whose_pager_is_the_function_pages_through_it_and_a_failed_run_by_its_event(assembly):
    parent = json.loads((assembly / "Stack.template.json").read_text())
    resources = parent["Resources"]
    failed = {"Namespace": "Pipelines", "MetricName": "FailedRuns", "Dimensions": []}
    resources["Remediation"] = {"Type": "AWS::SNS::Topic", "Properties": {"TopicName": "remediation"}}
    # The page notifies the remediation topic; the responder reads it and, by its configuration, pages the alarm.
    resources["OneAlarmPage"] = {"Type": "AWS::CloudWatch::Alarm", "Properties": {
        "AlarmName": "PipelineUnhealthyAlarm-job-3", "AlarmActions": [{"Ref": "Remediation"}],
        "AlarmDescription": "Sum of: 256 run failed [FailedAlarm].",
        "EvaluationPeriods": 1, "ComparisonOperator": "GreaterThanOrEqualToThreshold", "Threshold": 1,
        "TreatMissingData": "notBreaching",
        "Metrics": [{"Id": "runFailed", "MetricStat": {"Metric": failed, "Period": 60, "Stat": "Sum"},
                     "ReturnData": False},
                    {"Id": "e", "Expression": "IF(FILL(runFailed, 0) > 0, 256, 0)", "ReturnData": True}]}}
    resources["Responder"] = {"Type": "AWS::Lambda::Function", "Properties": {
        "FunctionName": "ResponseFunction", "Timeout": 50, "Layers": [{"Ref": "ResponderLayer"}]}}
    resources["ResponderLayer"] = {"Type": "AWS::Lambda::LayerVersion", "Properties": {
        "Content": {"S3Bucket": "b", "S3Key": "def456.zip"}}}
    resources["Subscription"] = {"Type": "AWS::SNS::Subscription", "Properties": {
        "Protocol": "lambda", "TopicArn": {"Ref": "Remediation"}, "Endpoint": {"Fn::GetAtt": ["Responder", "Arn"]}}}
    resources["RunFailures"] = {"Type": "AWS::Events::Rule", "Properties": {
        "EventPattern": {"source": ["aws.glue"], "detail": {"jobName": ["job-3"], "state": ["FAILED", "TIMEOUT"]}},
        "Targets": [{"Id": "T", "Arn": {"Ref": "Remediation"}}]}}
    (assembly / "Stack.template.json").write_text(json.dumps(parent))
    (assembly / "asset.def456" / "monitoring").mkdir(parents=True)
    (assembly / "asset.def456" / "monitoring" / "response.json").write_text(json.dumps({"pipelines": {"job-3": {
        "pageAlarm": "PipelineUnhealthyAlarm-job-3",
        "pageTopics": {"PipelineUnhealthyAlarm-job-3": "alerts"}}}}))
    assets = json.loads((assembly / "Stack.assets.json").read_text())
    assets["files"]["def456"] = {"source": {"path": "asset.def456", "packaging": "zip"}}
    (assembly / "Stack.assets.json").write_text(json.dumps(assets))
    result = time_to_page.rows(time_to_page.Graph(assembly), time_to_page.page_model(PAGE_MODEL),
                               time_to_page.load_facts(FACTS))
    run_failed = [row for row in result if row.mode == "run failed"]
    event, bit = run_failed[0], next(row for row in run_failed if row.timing.signal == "bit of FailedAlarm")
    # The event (5 | 6), SNS to the function (10000 | 20000), its run (100000 | its 50 s timeout), SNS (1000 | 2000).
    assert event.timing.signal == "Glue Job State Change"
    assert event.timing.event_driven and not event.later
    assert totals(event) == (5 + 10000 + 100000 + 1000, 6 + 20000 + 50 + 2000)
    assert event.timing.pages == ("ResponseFunction",)
    # The bit's alarm: the metric filter's path, then the same pager stage; it finds the page open (later).
    assert bit.later
    assert bit.timing.pages == ("PipelineUnhealthyAlarm-job-3", "ResponseFunction")
    assert [span.what for span in bit.timing.page] == [
        "SNS invokes the function", "the function publishes the page", "SNS delivery"]
