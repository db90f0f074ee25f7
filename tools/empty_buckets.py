"""`make destroy`'s first step (tools/destroy): empties the buckets the stacks delete with themselves, so that
`cdk destroy` can delete them (CloudFormation deletes only an empty bucket and otherwise leaves the stack
DELETE_FAILED).

Which buckets: those a stack's synthesized template declares with `DeletionPolicy: Delete` (the app's
RemovalPolicy.DESTROY; today only the sample's output bucket), each found in the deployed stack by its logical id
(DescribeStackResource), never by a name pattern. A bucket the template retains, or that is in no stack of the app,
is never touched. Unless --force, it asks once, before deleting anything. One line per outcome, no stack trace.
Exit status: 0 `cdk destroy` may go on, 1 it may not (the line says why), 3 the question was answered no.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cloud_assembly import AssemblyError, stack_artifacts, stack_region, stack_templates  # noqa: E402

PREFIX = "make destroy:"
# DeleteObjects takes at most 1,000 keys, the most ListObjectsV2 returns per page.
BATCH = 1000
DECLINED = 3


class Stop(Exception):
    """`cdk destroy` must not run; the message says why, in one line."""


@dataclass(frozen=True)
class Target:
    stack: str
    logical_id: str
    region: str | None


def targets(app: Path) -> tuple[list[str], list[Target]]:
    """The assembly's stack names, and its buckets that are deleted with their stack."""
    artifacts = stack_artifacts(app)
    templates = stack_templates(app)
    found = [Target(stack, logical_id, stack_region(artifacts[stack]))
             for stack, template in templates.items()
             for logical_id, resource in template.get("Resources", {}).items()
             if resource.get("Type") == "AWS::S3::Bucket" and resource.get("DeletionPolicy") == "Delete"]
    return list(artifacts), found


def bucket_name(cloudformation, target: Target) -> str | None:
    """The deployed bucket's name, or None (with a line) when there is no stack or no such bucket in it."""
    try:
        resource = cloudformation.describe_stack_resource(
            StackName=target.stack, LogicalResourceId=target.logical_id)["StackResourceDetail"]
    except ClientError as error:
        code, message = error.response["Error"]["Code"], error.response["Error"]["Message"]
        if code == "ValidationError" and message.startswith("Stack") and "does not exist" in message:
            print(f"{PREFIX} no stack {target.stack}: nothing to empty")
            return None
        if code == "ValidationError" and "does not exist" in message:
            print(f"{PREFIX} {target.stack} has no {target.logical_id} (already deleted): nothing to empty")
            return None
        if code in ("AccessDenied", "AccessDeniedException"):
            raise Stop(f"cannot read stack {target.stack}: your credentials need"
                       f" cloudformation:DescribeStackResource on it") from None
        raise Stop(f"cannot read stack {target.stack}: {code}: {message}") from None
    if resource.get("ResourceStatus") == "DELETE_COMPLETE" or not resource.get("PhysicalResourceId"):
        print(f"{PREFIX} bucket {target.logical_id} of {target.stack} is already gone")
        return None
    return resource["PhysicalResourceId"]


def empty(s3, bucket: str) -> int:
    """Deletes every object of the bucket, a page of at most 1,000 keys at a time; the number deleted, or -1 when
    the bucket is already gone. The bucket has no versioning, so deleting a key deletes its data."""
    deleted = 0
    try:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, PaginationConfig={"PageSize": BATCH}):
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if not keys:
                continue
            try:
                answer = s3.delete_objects(Bucket=bucket, Delete={"Objects": keys, "Quiet": True})
            except ClientError as error:
                if error.response["Error"]["Code"] == "AccessDenied":
                    raise Stop(denied_delete(bucket)) from None
                raise
            errors = answer.get("Errors", [])
            if errors:
                if any(e.get("Code") == "AccessDenied" for e in errors):
                    raise Stop(denied_delete(bucket))
                raise Stop(f"could not delete {len(errors)} objects of bucket {bucket}, e.g. {errors[0].get('Key')}:"
                           f" {errors[0].get('Code')}: {errors[0].get('Message')}")
            deleted += len(keys)
    except ClientError as error:
        code, message = error.response["Error"]["Code"], error.response["Error"]["Message"]
        if code == "NoSuchBucket":
            return -1
        if code == "AccessDenied":
            raise Stop(f"cannot list bucket {bucket}: your credentials need s3:ListBucket on arn:aws:s3:::{bucket}"
                       f" (and s3:DeleteObject on arn:aws:s3:::{bucket}/*)") from None
        raise Stop(f"cannot empty bucket {bucket}: {code}: {message}") from None
    return deleted


def denied_delete(bucket: str) -> str:
    return f"cannot empty bucket {bucket}: your credentials need s3:DeleteObject on arn:aws:s3:::{bucket}/*"


def confirm(stacks: list[str], buckets: list[str]) -> bool:
    what = f"every object in bucket {', '.join(buckets)}, then " if buckets else ""
    print(f"{PREFIX} delete {what}stack {', '.join(stacks)}? (y/n) ", end="", flush=True)
    answer = sys.stdin.readline().strip().lower()
    if not sys.stdin.isatty():  # a piped answer is not echoed: end the question's line
        print()
    return answer in ("y", "yes")


def run(app: Path, force: bool, session=None) -> int:
    session = session or boto3.session.Session()
    stacks, found = targets(app)
    named = []
    for target in found:
        cloudformation = session.client("cloudformation", region_name=target.region)
        bucket = bucket_name(cloudformation, target)
        if bucket:
            named.append((target, bucket))
    if not found:
        print(f"{PREFIX} no stack of the app deletes a bucket with itself: nothing to empty")
    if not force and not confirm(stacks, [bucket for _, bucket in named]):
        print(f"{PREFIX} not confirmed: nothing deleted")
        return DECLINED
    for target, bucket in named:
        deleted = empty(session.client("s3", region_name=target.region), bucket)
        if deleted < 0:
            print(f"{PREFIX} bucket {bucket} is already gone")
        else:
            print(f"{PREFIX} emptied bucket {bucket} of {target.stack}: {deleted} objects deleted")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app", type=Path, required=True, help="the synthesized cloud assembly (cdk.out)")
    parser.add_argument("--force", action="store_true", help="do not ask before deleting")
    args = parser.parse_args(argv)
    try:
        return run(args.app, args.force)
    except (Stop, AssemblyError) as error:
        print(f"{PREFIX} {error}", file=sys.stderr)
    except BotoCoreError as error:  # no credentials or Region, an endpoint that does not answer
        print(f"{PREFIX} {error}", file=sys.stderr)
    except KeyboardInterrupt:
        print(f"\n{PREFIX} interrupted", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
