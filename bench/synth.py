"""Synth time of the CDK app, without the CDK CLI (java -cp on what `make build` compiled, as tools/cdk-app runs
it), with the built-in CloudFormation validation on and off (CDK_VALIDATION=false), at 1, 10, 100 and 500 monitored
pipelines (more than 20 from a pipelines file, as a user would), beside BareApp (one stack, one topic) as the floor.
Runs alternate between the apps; medians (500 pipelines run once per mode: a minute each). Also what a user should
expect at each size: templates, the largest template, resources per stack (CloudFormation allows 500), the monthly
cost estimate per pipeline, and any "Deploy limit" line the app printed.

Usage (bench/run calls it): synth.py --repeats 3. Environment: JAVA, BENCH_BARE_CLASSES (compiled BareApp),
BENCH_APP_CLASSES (a copy of app/target/classes taken right after the build, so a concurrent build cannot pull the
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
SIZES = [1, 10, 100, 500]
ONCE = {500}


def classpath(extra):
    deps = subprocess.run([os.path.join(ROOT, "tools", "app-classpath"), "--dependencies"], check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.pathsep.join([extra, deps])


def synth(app, pipelines, validation):
    """Seconds for one synth in a fresh JVM; the template's resource count, or the error."""
    out = tempfile.mkdtemp(prefix="bench-synth-")
    env = dict(os.environ, CDK_OUTDIR=out)
    if not validation:
        env["CDK_VALIDATION"] = "false"
    if app == "bare":
        cmd = [os.environ["JAVA"], "-cp", classpath(os.environ["BENCH_BARE_CLASSES"]), "BareApp"]
        env["CDK_CONTEXT_JSON"] = "{}"
    elif pipelines <= 20:
        jobs = ",".join(f"job-{i}" for i in range(1, pipelines + 1))
        env["CDK_CONTEXT_JSON"] = json.dumps({"monitoredJobs": jobs})
    else:
        pipelines_file = os.path.join(tempfile.mkdtemp(prefix="bench-pipelines-"), "pipelines.json")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "generate-pipelines"), str(pipelines), pipelines_file],
                       check=True, capture_output=True)
        env["CDK_CONTEXT_JSON"] = json.dumps({"pipelinesFile": pipelines_file})
    if app != "bare":
        cmd = [os.environ["JAVA"], "-cp", classpath(os.environ["BENCH_APP_CLASSES"]),
               "com.datapipeline.monitoring.cdk.MonitoringApp"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    shape, error = None, None
    if proc.returncode != 0:
        lines = [l.strip() for l in proc.stderr.splitlines()]
        causes = [l for l in lines if l.startswith(("Deploy limit", "Exception", "Error", "Caused by"))]
        error = (causes or lines or ["exit " + str(proc.returncode)])[0][:200]
    else:
        templates = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".template.json")]
        counts = [len(json.load(open(t)).get("Resources", {})) for t in templates]
        cost = os.path.join(out, "monitoring-cost.txt")
        total = next((float(l.split()[-1]) for l in open(cost) if l.strip().startswith("Total")), None) \
            if os.path.exists(cost) else None
        shape = {"templates": len(templates), "resources": sum(counts), "max_per_stack": max(counts),
                 "largest_kb": max(os.path.getsize(t) for t in templates) / 1000, "monthly_usd": total}
    shutil.rmtree(out, ignore_errors=True)
    return elapsed, shape, error


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
                if case[1] in ONCE and times[case]:
                    continue
                elapsed, shape, error = synth(*case, validation)
                times[case].append(elapsed)
                info[case] = (shape, error)
        label = "on" if validation else "off (CDK_VALIDATION=false)"
        print(f"\nSynth without the CLI, fresh JVM, median of {args.repeats}; built-in validation {label}")
        print(f"{'app':28} {'seconds':>8} {'vs bare':>8} {'stacks':>6} {'resources':>9} {'max/stack':>9}"
              f" {'largest KB':>10} {'USD/month':>9} {'USD/pipeline':>12}")
        bare = statistics.median(times[("bare", 0)])
        for case in cases:
            med = statistics.median(times[case])
            shape, error = info[case]
            name = "bare app (1 topic)" if case[0] == "bare" else f"our app, {case[1]} pipeline(s)"
            if error is not None:
                print(f"{name:28} {med:8.2f} {med / bare:8.2f}  FAILED  {error}")
            else:
                usd = shape["monthly_usd"]
                per = f"{usd / case[1]:12.2f}" if usd is not None and case[1] else f"{'':>12}"
                print(f"{name:28} {med:8.2f} {med / bare:8.2f} {shape['templates']:6} {shape['resources']:9}"
                      f" {shape['max_per_stack']:9} {shape['largest_kb']:10.0f} {usd or 0:9.2f} {per}")
            results[f"{'on' if validation else 'off'}/{case[0]}-{case[1]}"] = {
                "seconds": med, "ratio": med / bare, "shape": shape, "error": error}
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
