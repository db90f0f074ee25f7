import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sample_etl_job  # noqa: E402
from sample_etl_job import simulate  # noqa: E402

# The same patterns the saved queries and the metrics function rely on (see the CDK app's SavedQueries
# and lambda-metrics' RecordsProcessed source).
BATCH_LINE = re.compile(r"^Processed (\d+) records\. Total: (\d+)$")
SUMMARY_LINE = re.compile(r"^Job completed successfully\. Processed (\d+) records\.$")


def run(seed):
    lines, sleeps = [], []
    result = simulate(random.Random(seed), sleeps.append, lines.append)
    return result, lines, sleeps


def first_seed(predicate):
    return next(seed for seed in range(10_000) if predicate(run(seed)[0]))


def test_batch_lines_match_the_performance_query_and_their_totals_add_up():
    result, lines, _ = run(1)
    batches = [BATCH_LINE.match(line) for line in lines if line.startswith("Processed ")]
    assert all(batches)
    running = 0
    for match in batches:
        running += int(match.group(1))
        assert int(match.group(2)) == running
    assert running == result.records_processed
    assert len(batches) == result.batches


def test_batch_sizes_and_duration_keep_the_labs_ranges():
    for seed in range(50):
        result, lines, _ = run(seed)
        assert 30 <= result.batches <= 120
        sizes = [int(BATCH_LINE.match(line).group(1)) for line in lines if BATCH_LINE.match(line)]
        assert all(10 <= size <= 100 for size in sizes)


def test_successful_run_ends_with_the_summary_line_the_metrics_function_reads():
    seed = first_seed(lambda r: not r.failed)
    result, lines, _ = run(seed)
    summary = SUMMARY_LINE.match(lines[-1])
    assert summary and int(summary.group(1)) == result.records_processed
    assert not any(line.startswith("ERROR") for line in lines)


def test_failed_run_prints_an_error_line_and_no_summary():
    seed = first_seed(lambda r: r.failed)
    _, lines, _ = run(seed)
    assert lines[-1] == "ERROR: Critical failure in data processing"
    assert not any(SUMMARY_LINE.match(line) for line in lines)


def test_warnings_contain_the_word_the_error_query_does_not_match():
    seed = first_seed(lambda r: r.warnings > 0)
    result, lines, sleeps = run(seed)
    warning_lines = [line for line in lines if line.startswith("WARNING:")]
    assert len(warning_lines) == result.warnings
    assert all("ERROR" not in line for line in warning_lines)
    assert sleeps.count(5) == result.warnings
    assert sleeps.count(1) == result.batches


def test_failure_rate_is_about_ten_percent():
    failures = sum(run(seed)[0].failed for seed in range(2000))
    assert 150 <= failures <= 250


def test_main_needs_glue_libraries_and_says_so():
    with pytest.raises(ModuleNotFoundError, match="awsglue"):
        sample_etl_job.main()


def test_successful_run_writes_the_row_the_output_checks_read():
    result = sample_etl_job.SimulationResult(records_processed=420, batches=7, warnings=1, failed=False)
    row = sample_etl_job.output_row(result, "jr_123", "2026-11-30T04:00:00Z")
    # The Data Quality ruleset (SampleGlueJob.OUTPUT_RULES) needs run_id complete and records_processed above 0.
    assert row == {"run_id": "jr_123", "records_processed": 420, "batches": 7, "warnings": 1,
                   "finished_at": "2026-11-30T04:00:00Z"}
