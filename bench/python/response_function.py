"""The Python/boto3 side of the response cold-start comparison: the same work as AlarmResponseFunction does for
one alarm notification routed to `restart-job`: read the SNS event, parse the CloudWatch alarm message and
check its required fields, the drill marker and the state, look the route up, read the job's runs of the last
7 days with GetJobRuns, apply the running check, find the newest finished run, and print one JSON decision line.
(The bench's runs all succeed, so both functions stop at "skipped-no-failed-run": no ledger write, no
StartJobRun.) The Glue and DynamoDB clients are built at import time, as a Python Lambda would (its init phase).
"""
import hashlib
import json
import os
import sys
from datetime import datetime, timedelta, timezone

import boto3

CONFIG = json.loads(os.environ["RESPONSE_CONFIG"])
glue = boto3.client("glue", region_name=os.environ["AWS_REGION"])
ledger = boto3.client("dynamodb", region_name=os.environ["AWS_REGION"])
LEDGER = os.environ["RESPONSE_LEDGER_TABLE"]
FAILED = {"FAILED", "TIMEOUT", "ERROR"}
ACTIVE = {"STARTING", "RUNNING", "STOPPING", "WAITING"}
KEY = "--remediation-key"


def decide(message):
    if not message or len(message.encode("utf-8")) > 256 * 1024:
        return {"outcome": "malformed", "reason": "empty or too large"}
    try:
        alarm = json.loads(message)
        name, state, changed = alarm["AlarmName"], alarm["NewStateValue"], alarm["StateChangeTime"]
    except (ValueError, KeyError, TypeError) as e:
        return {"outcome": "malformed", "reason": str(e)}
    base = {"alarm": name, "state": state}
    if "[monitoring-drill]" in (alarm.get("NewStateReason") or ""):
        return {**base, "outcome": "drill"}
    if state != "ALARM":
        return {**base, "outcome": "ignored-state"}
    route = CONFIG["routes"].get(name)
    if route is None:
        return {**base, "outcome": "unknown-route"}
    if route["action"] == "notify-only":
        return {**base, "action": "notify-only", "outcome": "notify-only"}
    if not CONFIG["remediationEnabled"]:
        return {**base, "action": route["action"], "outcome": "disabled"}
    job = route["jobName"]
    now = datetime.now(timezone.utc)
    since = now - timedelta(days=7)
    runs, token = [], None
    for _ in range(5):
        page = glue.get_job_runs(JobName=job, MaxResults=200, **({"NextToken": token} if token else {}))
        recent = [r for r in page["JobRuns"] if r.get("StartedOn") is None or r["StartedOn"] >= since]
        runs += recent
        token = page.get("NextToken")
        if not token or not recent:
            break
    base.update(action=route["action"], target=job)
    if any(r["JobRunState"] in ACTIVE for r in runs):
        return {**base, "outcome": "skipped-running"}
    finished = [r for r in runs if r["JobRunState"] not in ACTIVE and r.get("CompletedOn")]
    newest = max(finished, key=lambda r: r["CompletedOn"], default=None)
    if newest is None or newest["JobRunState"] not in FAILED:
        return {**base, "outcome": "skipped-no-failed-run"}
    incident = job + "/run/" + newest["Id"]
    expires = int((now + timedelta(days=7)).timestamp())
    try:
        ledger.put_item(TableName=LEDGER, Item={"pk": {"S": "incident#" + incident}, "expiresAt": {"N": str(expires)}},
                        ConditionExpression="attribute_not_exists(pk)")
    except ledger.exceptions.ConditionalCheckFailedException:
        return {**base, "outcome": "skipped-duplicate"}
    key = "incident-" + hashlib.sha256(incident.encode()).hexdigest()[:32]
    run_id = glue.start_job_run(JobName=job, Arguments={KEY: key})["JobRunId"]
    return {**base, "outcome": "started", "jobRunId": run_id}


def handler(event, context):
    records = (event or {}).get("Records") or []
    for record in records:
        decision = decide((record.get("Sns") or {}).get("Message"))
        print(json.dumps({"level": "INFO", "event": "alarm-response", **decision}))


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        message = f.read()
    handler({"Records": [{"EventSource": "aws:sns", "Sns": {"Message": message, "Type": "Notification"}}]}, None)
    print("BENCH-RESULT done", flush=True)
