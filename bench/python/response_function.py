"""The Python/boto3 side of the response cold-start comparison: the same work as AlarmResponseFunction does for
one alarm notification routed to `restart-job`: read the SNS event, parse the CloudWatch alarm message and
check its required fields, the drill marker and the state, look the route up, read the job's runs of the last
7 days with GetJobRuns, apply the duplicate / running / budget checks, and print one JSON decision line.
(The bench's budget is 0 starts, so both functions stop at "skipped-budget": no StartJobRun, no state change.)
The Glue client is built at import time, as a Python Lambda would (its init phase).
"""
import hashlib
import json
import os
import sys
from datetime import datetime, timedelta, timezone

import boto3

CONFIG = json.loads(os.environ["RESPONSE_CONFIG"])
glue = boto3.client("glue", region_name=os.environ["AWS_REGION"])
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
    key = "alarm-" + hashlib.sha256((name + "|" + changed).encode()).hexdigest()[:32]
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
    if any((r.get("Arguments") or {}).get(KEY) == key for r in runs):
        return {**base, "outcome": "skipped-duplicate"}
    if any(r["JobRunState"] in ACTIVE for r in runs):
        return {**base, "outcome": "skipped-running"}
    budget = CONFIG.get("restartBudget", {})
    window_start = now - timedelta(minutes=budget.get("windowMinutes", 60))
    used = sum(1 for r in runs if (r.get("Arguments") or {}).get(KEY) and (r.get("StartedOn") or now) >= window_start)
    if used >= budget.get("maxRestarts", 2):
        return {**base, "outcome": "skipped-budget", "reason": f"{used} of {budget.get('maxRestarts', 2)} starts used"}
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
