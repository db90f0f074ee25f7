"""tools/empty_buckets.py (`make destroy`'s first step) against moto: it empties, a page of at most 1,000 keys at a
time, exactly the buckets a stack deletes with itself, found through the deployed stack; it says in one line when
there is no stack, when the bucket is already gone and which permission is missing; it deletes nothing unasked."""

import io
import json
import sys
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import empty_buckets  # noqa: E402

STACK = "MonitoringStack"
TEMPLATE = {
    "Resources": {
        # The sample's output bucket: RemovalPolicy.DESTROY synthesizes to DeletionPolicy Delete.
        "SampleJobOutput": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Delete",
                            "UpdateReplacePolicy": "Delete"},
        # A bucket the stack keeps (RemovalPolicy.RETAIN): never emptied.
        "Kept": {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"},
    },
}


def assembly(tmp_path: Path, template: dict = TEMPLATE) -> Path:
    app = tmp_path / "cdk.out"
    app.mkdir(exist_ok=True)
    (app / f"{STACK}.template.json").write_text(json.dumps(template))
    (app / "manifest.json").write_text(json.dumps({"artifacts": {STACK: {
        "type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
        "properties": {"templateFile": f"{STACK}.template.json"}}}}))
    return app


@pytest.fixture
def session(monkeypatch):
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with mock_aws():
        yield boto3.session.Session(region_name="us-east-1")


def deploy(session) -> dict[str, str]:
    cloudformation = session.client("cloudformation")
    cloudformation.create_stack(StackName=STACK, TemplateBody=json.dumps(TEMPLATE))
    return {r["LogicalResourceId"]: r["PhysicalResourceId"]
            for r in cloudformation.describe_stack_resources(StackName=STACK)["StackResources"]}


def put(s3, bucket: str, count: int) -> None:
    for number in range(count):
        s3.put_object(Bucket=bucket, Key=f"records/run_id={number}/part-0.json", Body=b"{}")


def keys(s3, bucket: str) -> int:
    return sum(page.get("KeyCount", 0) for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket))


def test_emptiesTheBucketTheStackDeletesInPagesOfAtMost1000AndKeepsTheRetainedOne(session, tmp_path, capsys):
    buckets = deploy(session)
    s3 = session.client("s3")
    put(s3, buckets["SampleJobOutput"], 2345)
    put(s3, buckets["Kept"], 3)
    batches = []
    session.events.register("before-parameter-build.s3.DeleteObjects",
                            lambda params, **_: batches.append(len(params["Delete"]["Objects"])))

    assert empty_buckets.run(assembly(tmp_path), force=True, session=session) == 0

    assert keys(s3, buckets["SampleJobOutput"]) == 0
    assert batches == [1000, 1000, 345]
    assert keys(s3, buckets["Kept"]) == 3
    assert capsys.readouterr().out == (
        f"make destroy: emptied bucket {buckets['SampleJobOutput']} of {STACK}: 2345 objects deleted\n")
    # Now CloudFormation can delete the stack and its bucket.
    session.client("cloudformation").delete_stack(StackName=STACK)
    names = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    assert buckets["SampleJobOutput"] not in names and buckets["Kept"] in names


def test_noStackMeansNothingToEmpty(session, tmp_path, capsys):
    assert empty_buckets.run(assembly(tmp_path), force=True, session=session) == 0
    assert capsys.readouterr().out == f"make destroy: no stack {STACK}: nothing to empty\n"


def test_aBucketAlreadyGoneIsFine(session, tmp_path, capsys):
    buckets = deploy(session)
    session.client("s3").delete_bucket(Bucket=buckets["SampleJobOutput"])
    assert empty_buckets.run(assembly(tmp_path), force=True, session=session) == 0
    assert capsys.readouterr().out == f"make destroy: bucket {buckets['SampleJobOutput']} is already gone\n"


def test_aStackWithoutTheBucketHasNothingToEmpty(session, tmp_path, capsys):
    session.client("cloudformation").create_stack(
        StackName=STACK, TemplateBody=json.dumps({"Resources": {"Kept": TEMPLATE["Resources"]["Kept"]}}))
    assert empty_buckets.run(assembly(tmp_path), force=True, session=session) == 0
    assert capsys.readouterr().out == f"make destroy: {STACK} has no SampleJobOutput (already deleted): nothing to empty\n"


def test_anAppWithoutSuchBucketHasNothingToEmpty(session, tmp_path, capsys):
    app = assembly(tmp_path, {"Resources": {"Kept": TEMPLATE["Resources"]["Kept"]}})
    assert empty_buckets.run(app, force=True, session=session) == 0
    assert "no stack of the app deletes a bucket with itself: nothing to empty" in capsys.readouterr().out


def test_answeringNoDeletesNothing(session, tmp_path, capsys, monkeypatch):
    buckets = deploy(session)
    put(session.client("s3"), buckets["SampleJobOutput"], 2)
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    assert empty_buckets.run(assembly(tmp_path), force=False, session=session) == empty_buckets.DECLINED
    assert keys(session.client("s3"), buckets["SampleJobOutput"]) == 2
    out = capsys.readouterr().out
    assert f"delete every object in bucket {buckets['SampleJobOutput']}, then stack {STACK}? (y/n)" in out
    assert out.endswith("make destroy: not confirmed: nothing deleted\n")


def test_answeringYesEmpties(session, tmp_path, monkeypatch):
    buckets = deploy(session)
    put(session.client("s3"), buckets["SampleJobOutput"], 2)
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    assert empty_buckets.run(assembly(tmp_path), force=False, session=session) == 0
    assert keys(session.client("s3"), buckets["SampleJobOutput"]) == 0


class StubbedSession:
    """Clients whose answers the test sets (moto does not enforce IAM by default)."""

    def __init__(self):
        self.clients = {name: boto3.client(name, region_name="us-east-1", aws_access_key_id="x",
                                           aws_secret_access_key="x") for name in ("cloudformation", "s3")}
        self.stubs = {name: Stubber(client) for name, client in self.clients.items()}
        for stub in self.stubs.values():
            stub.activate()

    def client(self, name, region_name=None):
        return self.clients[name]


def stubbed_stack(stubs: StubbedSession) -> None:
    stubs.stubs["cloudformation"].add_response("describe_stack_resource", {"StackResourceDetail": {
        "StackName": STACK, "LogicalResourceId": "SampleJobOutput", "PhysicalResourceId": "sample-output",
        "ResourceType": "AWS::S3::Bucket", "LastUpdatedTimestamp": "2026-01-01T00:00:00Z",
        "ResourceStatus": "CREATE_COMPLETE"}})


def test_accessDeniedNamesThePermission(tmp_path):
    stubs = StubbedSession()
    stubs.stubs["cloudformation"].add_client_error("describe_stack_resource", "AccessDenied", "denied")
    with pytest.raises(empty_buckets.Stop, match="need cloudformation:DescribeStackResource on it"):
        empty_buckets.run(assembly(tmp_path), force=True, session=stubs)

    stubs = StubbedSession()
    stubbed_stack(stubs)
    stubs.stubs["s3"].add_client_error("list_objects_v2", "AccessDenied", "denied", 403)
    with pytest.raises(empty_buckets.Stop, match=r"need s3:ListBucket on arn:aws:s3:::sample-output"):
        empty_buckets.run(assembly(tmp_path), force=True, session=stubs)

    stubs = StubbedSession()
    stubbed_stack(stubs)
    stubs.stubs["s3"].add_response("list_objects_v2", {"Contents": [{"Key": "records/a"}], "KeyCount": 1})
    stubs.stubs["s3"].add_response("delete_objects", {"Errors": [
        {"Key": "records/a", "Code": "AccessDenied", "Message": "Access Denied"}]})
    with pytest.raises(empty_buckets.Stop, match=r"need s3:DeleteObject on arn:aws:s3:::sample-output/\*"):
        empty_buckets.run(assembly(tmp_path), force=True, session=stubs)


def test_oneLineAndNoStackTraceWhenItCannotRun(tmp_path, capsys):
    assert empty_buckets.main(["--app", str(tmp_path / "missing"), "--force"]) == 1
    err = capsys.readouterr().err
    assert err == f"make destroy: no cloud assembly at {tmp_path / 'missing'} (no manifest.json): synthesize first\n"
