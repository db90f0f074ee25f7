"""The CBOR gateway against a real moto server it starts itself, on ephemeral ports of 127.0.0.1."""

import datetime as dt
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import boto3
import cbor2
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import cbor_gateway  # noqa: E402

REGION = "us-east-1"
# moto reads region and service from the credential scope; it does not check the signature.
AUTH = f"AWS4-HMAC-SHA256 Credential=test/20260101/{REGION}/monitoring/aws4_request, SignedHeaders=host, Signature=0"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:data-pipeline-alerts"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def moto():
    port = free_port()
    server = Path(sys.executable).parent / "moto_server"
    process = subprocess.Popen([str(server), "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/data.json", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("moto did not start")
        yield endpoint
    finally:
        process.terminate()
        process.wait(10)


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def gateway(moto):
    server = cbor_gateway.make_server(moto)
    yield serve(server)
    server.shutdown()
    server.server_close()


def cbor_call(endpoint, operation, params, service="GraniteServiceVersion20100801"):
    """A request shaped like SDK for Java v2's RPC v2 CBOR call; returns (status, headers, decoded body)."""
    request = urllib.request.Request(
        f"{endpoint}/service/{service}/operation/{operation}",
        data=cbor_gateway.encode(params), method="POST",
        headers={"Content-Type": "application/cbor", "Accept": "application/cbor",
                 "smithy-protocol": "rpc-v2-cbor", "Authorization": AUTH})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, cbor2.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, e.headers, cbor2.loads(e.read())


def alarm_params(name, threshold=2.0):
    return {"AlarmName": name, "Namespace": "DataPipelineMetrics", "MetricName": "ErrorRate",
            "Dimensions": [{"Name": "Pipeline", "Value": "sample-etl-job"}], "Statistic": "Average",
            "Period": 300, "EvaluationPeriods": 1, "DatapointsToAlarm": 1, "Threshold": threshold,
            "ComparisonOperator": "GreaterThanThreshold", "TreatMissingData": "notBreaching",
            "AlarmActions": [TOPIC_ARN], "OKActions": [TOPIC_ARN]}


def test_alarm_written_in_cbor_reads_back_in_cbor_with_every_field(gateway):
    status, _, _ = cbor_call(gateway, "PutMetricAlarm", alarm_params("RoundTripAlarm", 2.5))
    assert status == 200

    status, headers, body = cbor_call(gateway, "DescribeAlarms", {"AlarmNames": ["RoundTripAlarm"]})

    assert status == 200
    assert headers["Content-Type"] == "application/cbor"
    assert headers["smithy-protocol"] == "rpc-v2-cbor"
    alarm = body["MetricAlarms"][0]
    assert alarm["Threshold"] == 2.5
    assert alarm["Period"] == 300
    assert alarm["Dimensions"] == [{"Name": "Pipeline", "Value": "sample-etl-job"}]
    assert alarm["AlarmActions"] == [TOPIC_ARN]
    assert alarm["ComparisonOperator"] == "GreaterThanThreshold"
    # A timestamp comes back as CBOR tag 1 (epoch seconds), which cbor2 decodes to a datetime.
    assert isinstance(alarm["StateUpdatedTimestamp"], dt.datetime)


def test_set_alarm_state_changes_the_state_and_keeps_the_reason(gateway):
    cbor_call(gateway, "PutMetricAlarm", alarm_params("StateAlarm"))

    status, _, _ = cbor_call(gateway, "SetAlarmState", {
        "AlarmName": "StateAlarm", "StateValue": "ALARM", "StateReason": "[monitoring-drill] test"})
    _, _, body = cbor_call(gateway, "DescribeAlarms", {"AlarmNames": ["StateAlarm"]})

    assert status == 200
    assert body["MetricAlarms"][0]["StateValue"] == "ALARM"
    assert body["MetricAlarms"][0]["StateReason"] == "[monitoring-drill] test"


def test_metric_data_with_tag_1_timestamps_is_listed_and_read_back(gateway):
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    status, _, _ = cbor_call(gateway, "PutMetricData", {"Namespace": "GatewayTest", "MetricData": [
        {"MetricName": "ProcessingLatency", "Dimensions": [{"Name": "Pipeline", "Value": "job-a"}],
         "Value": 42.0, "Timestamp": now}]})
    assert status == 200

    _, _, listed = cbor_call(gateway, "ListMetrics", {"Namespace": "GatewayTest"})
    _, _, data = cbor_call(gateway, "GetMetricData", {
        "StartTime": now - dt.timedelta(minutes=15), "EndTime": now + dt.timedelta(minutes=1),
        "MetricDataQueries": [{"Id": "q0", "MetricStat": {"Metric": {
            "Namespace": "GatewayTest", "MetricName": "ProcessingLatency",
            "Dimensions": [{"Name": "Pipeline", "Value": "job-a"}]}, "Period": 60, "Stat": "Maximum"}}]})

    assert [m["MetricName"] for m in listed["Metrics"]] == ["ProcessingLatency"]
    result = data["MetricDataResults"][0]
    assert result["Values"] == [42.0]
    assert all(isinstance(t, dt.datetime) for t in result["Timestamps"])


def test_error_keeps_moto_status_and_becomes_a_smithy_error_shape(gateway):
    status, headers, body = cbor_call(gateway, "SetAlarmState", {
        "AlarmName": "NoSuchAlarm", "StateValue": "ALARM", "StateReason": "x"})

    assert status == 404
    assert headers["smithy-protocol"] == "rpc-v2-cbor"
    assert body["__type"] == "com.amazonaws.cloudwatch#ResourceNotFound"
    assert body["message"]
    assert headers["x-amzn-query-error"] == "ResourceNotFound;Sender"


def test_unknown_operation_and_bad_cbor_are_answered_in_cbor(gateway):
    status, _, body = cbor_call(gateway, "NoSuchOperation", {})
    assert status == 404 and body["__type"] == "UnknownOperationException"

    request = urllib.request.Request(
        f"{gateway}/service/GraniteServiceVersion20100801/operation/DescribeAlarms", data=b"\xff\xff",
        method="POST", headers={"Content-Type": "application/cbor", "smithy-protocol": "rpc-v2-cbor"})
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code == 400
    assert cbor2.loads(error.value.read())["__type"] == "SerializationException"


def test_other_protocols_pass_through_unchanged(gateway):
    session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name=REGION)
    sns = session.client("sns", endpoint_url=gateway)
    arn = sns.create_topic(Name="passthrough-topic")["TopicArn"]
    assert arn in [t["TopicArn"] for t in sns.list_topics()["Topics"]]

    # This botocore speaks query to CloudWatch: it passes through and sees what CBOR wrote.
    cbor_call(gateway, "PutMetricAlarm", alarm_params("SeenOverQuery"))
    cloudwatch = session.client("cloudwatch", endpoint_url=gateway)
    alarms = cloudwatch.describe_alarms(AlarmNames=["SeenOverQuery"])["MetricAlarms"]
    assert [a["AlarmName"] for a in alarms] == ["SeenOverQuery"]


class RecordingJsonUpstream(BaseHTTPRequestHandler):
    """Stands in for an emulator that serves CloudWatch over AWS JSON 1.0."""
    requests = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        RecordingJsonUpstream.requests.append((dict(self.headers), json.loads(body)))
        answer = json.dumps({"MetricAlarms": [{"AlarmName": "JsonAlarm", "Threshold": 2.5,
                                               "StateUpdatedTimestamp": 1764000000.0}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


def test_json_upstream_gets_aws_json_1_0_with_the_target_header(monkeypatch):
    # The installed botocore may predate CloudWatch's JSON 1.0 support; give it the newer model's metadata.
    model = cbor_gateway.service_model("cloudwatch")
    json_model = type(model)(dict(model._service_description, metadata=dict(
        model.metadata, protocols=["json", "query"], jsonVersion="1.0",
        targetPrefix="GraniteServiceVersion20100801")), service_name="cloudwatch")
    monkeypatch.setitem(cbor_gateway._models, "cloudwatch", json_model)
    upstream = HTTPServer(("127.0.0.1", 0), RecordingJsonUpstream)
    gateway = cbor_gateway.make_server(serve(upstream))
    endpoint = serve(gateway)
    try:
        status, _, body = cbor_call(endpoint, "DescribeAlarms", {"AlarmNames": ["JsonAlarm"]})
    finally:
        gateway.shutdown()
        upstream.shutdown()

    headers, sent = RecordingJsonUpstream.requests[-1]
    assert headers["X-Amz-Target"] == "GraniteServiceVersion20100801.DescribeAlarms"
    assert headers["Content-Type"] == "application/x-amz-json-1.0"
    assert sent == {"AlarmNames": ["JsonAlarm"]}
    assert status == 200
    assert body["MetricAlarms"][0]["StateUpdatedTimestamp"] == dt.datetime.fromtimestamp(1764000000, dt.timezone.utc)
