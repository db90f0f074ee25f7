"""The Python/boto3 side of the metrics cold-start comparison: the same work as DataPipelineMetricsFunction
does for one `glue` pipeline, so the two are timed on equal terms.

The lab's function makes up four random numbers and sends them in one PutMetricData call; ours measures
instead, so this function does what ours does: GetJobRuns over the look-back window (paged, newest first),
ErrorRate / ProcessingLatency / SecondsSinceLastSuccess / LongestRunningSeconds from the runs, one
FilterLogEvents per run that succeeded in the last interval for "Processed N records", then one EMF line and
one JSON log line on stdout. Clients are built at import time, as a Python Lambda would (its init phase).
Run by bench/cold_start.py with PIPELINES_CONFIG, AWS_REGION, AWS_ENDPOINT_URL and dummy credentials set.
"""
import json
import os
import re
import time
from datetime import datetime, timedelta, timezone

import boto3

CONFIG = json.loads(os.environ["PIPELINES_CONFIG"])
glue = boto3.client("glue", region_name=os.environ["AWS_REGION"])
logs = boto3.client("logs", region_name=os.environ["AWS_REGION"])
RECORDS = re.compile(r"Job completed successfully\. Processed (\d+) records")
ACTIVE = {"STARTING", "RUNNING", "STOPPING", "WAITING"}


def recent_runs(job_name, since):
    runs, token = [], None
    while True:
        page = glue.get_job_runs(JobName=job_name, MaxResults=200, **({"NextToken": token} if token else {}))
        older = False
        for run in page["JobRuns"]:
            runs.append(run)
            older |= run.get("StartedOn") is not None and run["StartedOn"] < since
        token = None if older else page.get("NextToken")
        if not token:
            break
    runs.sort(key=lambda r: r.get("StartedOn") or datetime.max.replace(tzinfo=timezone.utc), reverse=True)
    return runs


def records_processed(group, run):
    latest, latest_ts, token = None, -1, None
    while True:
        kwargs = {"logGroupName": group, "logStreamNamePrefix": run["Id"],
                  "filterPattern": '"Job completed successfully"'}
        if run.get("StartedOn"):
            kwargs["startTime"] = int(run["StartedOn"].timestamp() * 1000)
        if token:
            kwargs["nextToken"] = token
        page = logs.filter_log_events(**kwargs)
        for event in page.get("events", []):
            if not event.get("logStreamName", "").startswith(run["Id"]):
                continue
            m = RECORDS.search(event.get("message", ""))
            if m and event.get("timestamp", -1) >= latest_ts:
                latest, latest_ts = int(m.group(1)), event.get("timestamp", -1)
        token = page.get("nextToken")
        if not token:
            return latest


def measure(pipeline, now):
    lookback = timedelta(minutes=CONFIG.get("lookbackMinutes", 1440))
    interval = timedelta(minutes=CONFIG.get("intervalMinutes", 5))
    since = now - lookback
    runs = recent_runs(pipeline.get("jobName", pipeline["name"]), since)
    finished = [r for r in runs if r.get("CompletedOn") and r["CompletedOn"] >= since]
    metrics, skipped = {}, {}
    if finished:
        failed = sum(1 for r in finished if r["JobRunState"] in ("FAILED", "TIMEOUT", "ERROR"))
        metrics["ErrorRate"] = ("Percent", 100.0 * failed / len(finished))
        latest = max(finished, key=lambda r: r["CompletedOn"])
        if latest.get("ExecutionTime") is not None:
            metrics["ProcessingLatency"] = ("Seconds", float(latest["ExecutionTime"]))
    else:
        skipped["ErrorRate"] = skipped["ProcessingLatency"] = "no run finished in the window"
    successes = [r for r in runs if r["JobRunState"] == "SUCCEEDED" and r.get("CompletedOn")]
    if successes:
        newest = max(successes, key=lambda r: r["CompletedOn"])
        metrics["SecondsSinceLastSuccess"] = ("Seconds", max(0.0, (now - newest["CompletedOn"]).total_seconds()))
    else:
        skipped["SecondsSinceLastSuccess"] = "no successful run in the window"
    running = [r for r in runs if r["JobRunState"] in ACTIVE and r.get("StartedOn")]
    metrics["LongestRunningSeconds"] = ("Seconds", max([(now - r["StartedOn"]).total_seconds() for r in running],
                                                       default=0.0))
    recent_successes = [r for r in successes if r["CompletedOn"] > now - interval]
    if pipeline.get("outputLogGroup") and recent_successes:
        counts = [n for n in (records_processed(pipeline["outputLogGroup"], r) for r in recent_successes)
                  if n is not None]
        if counts:
            metrics["RecordsProcessed"] = ("Count", float(sum(counts)))
        else:
            skipped["RecordsProcessed"] = "no 'Processed N records' line"
    else:
        skipped["RecordsProcessed"] = "no run succeeded in the interval"
    skipped["DataQualityScore"] = "no dataQualityRuleset configured"
    return metrics, skipped


def handler(event, context):
    summary = {}
    now = datetime.now(timezone.utc)
    for pipeline in CONFIG["pipelines"]:
        metrics, skipped = measure(pipeline, now)
        emf = {"_aws": {"Timestamp": int(time.time() * 1000), "CloudWatchMetrics": [{
            "Namespace": CONFIG.get("namespace", "DataPipelineMetrics"), "Dimensions": [["Pipeline"]],
            "Metrics": [{"Name": k, "Unit": u} for k, (u, _) in metrics.items()]}]},
            "Pipeline": pipeline["name"], **{k: v for k, (_, v) in metrics.items()}}
        print(json.dumps(emf, separators=(",", ":")))
        published = {k: v for k, (_, v) in metrics.items()}
        print(json.dumps({"level": "INFO", "event": "pipeline-metrics", "pipeline": pipeline["name"],
                          "source": "glue", "published": published, "skipped": skipped}))
        summary[pipeline["name"]] = {"published": sorted(published), "skipped": sorted(skipped)}
    return {"pipelines": summary, "failed": 0}


if __name__ == "__main__":
    print("BENCH-RESULT", handler({"source": "aws.events", "detail-type": "Scheduled Event"}, None), flush=True)
