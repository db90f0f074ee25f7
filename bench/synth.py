"""Synth time of the CDK app, without the CDK CLI (java -cp on what `make build` compiled, as tools/cdk-app runs
it), with the built-in CloudFormation validation on and off (CDK_VALIDATION=false), at 1, 10, 50 and 100 monitored
pipelines, beside BareApp (one stack, one topic) as the floor. Runs alternate between the apps; medians.
Also the number of resources per template (CloudFormation's limit is 500 per stack).

Usage (bench/run calls it): synth.py --repeats 3. Environment: JAVA, BENCH_BARE_CLASSES (compiled BareApp),
BENCH_APP_CLASSES (a copy of target/classes taken right after the build, so a concurrent build cannot pull the
classes away mid-run).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# 50 too: with 100 pipelines the stack passes CloudFormation's 500-resource limit and the CDK refuses to synth.
SIZES = [1, 10, 50, 100]


def classpath(extra):
    deps = open(os.path.join(ROOT, "target", "app.classpath")).read().strip()
    return os.pathsep.join([extra, deps])


def synth(app, pipelines, validation):
    """Seconds for one synth in a fresh JVM; the template's resource count, or the error."""
    out = tempfile.mkdtemp(prefix="bench-synth-")
    env = dict(os.environ, CDK_OUTDIR=out)
    if not validation:
        env["CDK_VALIDATION"] = "false"
    if app == "bare":
        cmd = [os.environ["JAVA"], "-cp", classpath(os.environ["BENCH_BARE_CLASSES"]), "BareApp"]
    else:
        jobs = ",".join(f"job-{i}" for i in range(1, pipelines + 1))
        env["CDK_CONTEXT_JSON"] = json.dumps({"monitoredJobs": jobs})
        cmd = [os.environ["JAVA"], "-cp", classpath(os.environ["BENCH_APP_CLASSES"]),
               "com.datapipeline.monitoring.cdk.MonitoringApp"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    resources, error = None, None
    if proc.returncode != 0:
        lines = [l.strip() for l in proc.stderr.splitlines()]
        causes = [l for l in lines if l.startswith(("Exception", "Error", "Caused by"))]
        error = (causes or lines or ["exit " + str(proc.returncode)])[0][:200]
    else:
        templates = [f for f in os.listdir(out) if f.endswith(".template.json")]
        resources = sum(len(json.load(open(os.path.join(out, t))).get("Resources", {})) for t in templates)
    shutil.rmtree(out, ignore_errors=True)
    return elapsed, resources, error


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    cases = [("bare", 0)] + [("app", n) for n in SIZES]
    results = {}
    for validation in (True, False):
        times = {c: [] for c in cases}
        info = {}
        synth("bare", 0, validation)  # untimed: page cache and jsii's package cache warm
        for r in range(args.repeats):
            for case in (cases if r % 2 == 0 else list(reversed(cases))):
                elapsed, resources, error = synth(*case, validation)
                times[case].append(elapsed)
                info[case] = (resources, error)
        label = "on" if validation else "off (CDK_VALIDATION=false)"
        print(f"\nSynth without the CLI, fresh JVM, median of {args.repeats}; built-in validation {label}")
        print(f"{'app':28} {'seconds':>8} {'vs bare':>8} {'resources':>9}")
        bare = statistics.median(times[("bare", 0)])
        for case in cases:
            med = statistics.median(times[case])
            resources, error = info[case]
            name = "bare app (1 topic)" if case[0] == "bare" else f"our app, {case[1]} pipeline(s)"
            shown = str(resources) if error is None else "FAILED"
            print(f"{name:28} {med:8.2f} {med / bare:8.2f} {shown:>9}" + (f"  {error}" if error else ""))
            results[f"{'on' if validation else 'off'}/{case[0]}-{case[1]}"] = {
                "seconds": med, "ratio": med / bare, "resources": resources, "error": error}
        ok = [(n, statistics.median(times[("app", n)])) for n in SIZES if info[("app", n)][1] is None]
        if len(ok) >= 2:
            (n0, t0), (n1, t1) = ok[0], ok[-1]
            per = (t1 - t0) / (n1 - n0) * 1000
            mid = [t for n, t in ok if n == 10]
            line = f"cost per added pipeline: {per:.0f} ms ({n0} -> {n1} pipelines)"
            if mid and n0 == 1 and n1 > 10:
                predicted = t0 + (10 - 1) * (t1 - t0) / (n1 - 1)
                line += f"; 10 pipelines measured {mid[0]:.2f} s, linear fit predicts {predicted:.2f} s"
            print(line)
            results[f"{'on' if validation else 'off'}/per-pipeline-ms"] = per
    if args.json:
        json.dump(results, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
