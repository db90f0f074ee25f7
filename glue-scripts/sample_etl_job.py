"""Lab 5.2 sample ETL job: simulated batches, occasional warnings and errors, a 10% failure rate.

The simulation is a plain function whose random source, sleep and output are passed in, so tests run it
without Spark, Glue or AWS. Glue runs ``main()``, which wires it to the real Glue job context.

The lines it prints are part of the monitoring contract:
  ``Processed N records. Total: M``          parsed by the "Glue Job Performance Analysis" saved query
  ``WARNING: ...`` / ``ERROR: ...``          found by the "Glue Job Error Analysis" query and the logs widget
  ``Job completed successfully. Processed N records.``  read by DataPipelineMetricsFunction (RecordsProcessed)

A successful run also writes one row (``output_row``) as JSON under ``--output_path``, in a folder per run
(``run_id=...``): the sample chain's crawler adds that folder to the output table as a partition, and its Data
Quality ruleset checks the row's ``run_id`` and ``records_processed``.
"""
import random
import sys
import time
from dataclasses import dataclass
from typing import Callable

FAILURE_PROBABILITY = 0.10
WARNING_PROBABILITY = 0.05


@dataclass(frozen=True)
class SimulationResult:
    records_processed: int
    batches: int
    warnings: int
    failed: bool


def simulate(rng: random.Random, sleep: Callable[[float], None], emit: Callable[[str], None]) -> SimulationResult:
    """Runs the lab's simulated processing and reports what it did; never exits the process itself."""
    processing_time = rng.randint(30, 120)
    emit(f"Processing will take approximately {processing_time} seconds")
    records_processed = 0
    warnings = 0
    for _ in range(processing_time):
        batch_size = rng.randint(10, 100)
        records_processed += batch_size
        emit(f"Processed {batch_size} records. Total: {records_processed}")
        if rng.random() < WARNING_PROBABILITY:
            warnings += 1
            emit("WARNING: Encountered processing error, retrying...")
            sleep(5)
        sleep(1)

    if rng.random() < FAILURE_PROBABILITY:
        emit("ERROR: Critical failure in data processing")
        return SimulationResult(records_processed, processing_time, warnings, failed=True)

    emit(f"Job completed successfully. Processed {records_processed} records.")
    return SimulationResult(records_processed, processing_time, warnings, failed=False)


def output_row(result: SimulationResult, run_id: str, finished_at: str) -> dict:
    """The row a successful run writes for the chain's crawler and Data Quality ruleset."""
    return {
        "run_id": run_id,
        "records_processed": result.records_processed,
        "batches": result.batches,
        "warnings": result.warnings,
        "finished_at": finished_at,
    }


def main() -> None:
    # Imported here so that tests can import this module without Glue's libraries.
    from awsglue.context import GlueContext
    from awsglue.job import Job
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext

    args = getResolvedOptions(sys.argv, ["JOB_NAME", "JOB_RUN_ID", "output_path"])
    glue_context = GlueContext(SparkContext())
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)

    result = simulate(random.Random(), time.sleep, lambda line: print(line, flush=True))
    if result.failed:
        # Fails the run without failing a Spark task: only the job-state event sees this (see README).
        sys.exit(1)
    finished_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    row = output_row(result, args["JOB_RUN_ID"], finished_at)
    # A folder per run: the crawler (CRAWL_NEW_FOLDERS_ONLY) adds it as a partition, whose creation time is the
    # output's age that OutputAgeSeconds measures.
    glue_context.spark_session.createDataFrame([row]).write.mode("append").partitionBy("run_id").json(
        args["output_path"])
    job.commit()


if __name__ == "__main__":
    main()
