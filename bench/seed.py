"""Puts what the two functions read into the bench's own emulator (moto on BENCH_ENDPOINT): the Glue job
`bench-etl-job` with one more SUCCEEDED run per call, the response function's ledger table, and that run's "Processed N records" line in
/aws-glue/jobs/output, stream <runId>-driver. Called before every timed phase, so a run always finished within
the metrics function's 5-minute interval and each invocation makes one FilterLogEvents call.
"""
import os
import time

import boto3

JOB = "bench-etl-job"
GROUP = "/aws-glue/jobs/output"
kw = {"region_name": "us-east-1", "endpoint_url": os.environ["BENCH_ENDPOINT"]}
glue = boto3.client("glue", **kw)
logs = boto3.client("logs", **kw)
dynamodb = boto3.client("dynamodb", **kw)

try:  # the response function's incident ledger, as the CDK app creates it
    dynamodb.create_table(TableName="bench-incident-ledger", BillingMode="PAY_PER_REQUEST",
                          AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                          KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}])
except dynamodb.exceptions.ResourceInUseException:
    pass

try:
    glue.get_job(JobName=JOB)
except glue.exceptions.EntityNotFoundException:
    glue.create_job(Name=JOB, Role="arn:aws:iam::123456789012:role/bench", GlueVersion="5.0",
                    Command={"Name": "glueetl", "ScriptLocation": "s3://bench/sample_etl_job.py"})
run_id = glue.start_job_run(JobName=JOB)["JobRunId"]
for _ in range(5):  # moto advances STARTING -> RUNNING -> SUCCEEDED on reads
    if glue.get_job_run(JobName=JOB, RunId=run_id)["JobRun"]["JobRunState"] == "SUCCEEDED":
        break
try:
    logs.create_log_group(logGroupName=GROUP)
except logs.exceptions.ResourceAlreadyExistsException:
    pass
logs.create_log_stream(logGroupName=GROUP, logStreamName=run_id + "-driver")
logs.put_log_events(logGroupName=GROUP, logStreamName=run_id + "-driver", logEvents=[
    {"timestamp": int(time.time() * 1000), "message": "Job completed successfully. Processed 1000 records."}])
print(f"seeded {JOB} run {run_id}")
