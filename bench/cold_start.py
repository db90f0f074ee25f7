"""Cold invocations, fresh process to first result, of each Java function beside its Python/boto3 equivalent,
against the bench's emulator. Rounds alternate the order (Java first, then Python first) so neither side
always runs on a warmer machine. Prints medians, min/max and the Java/Python ratio; one run more per Java
variant counts the classes loaded up to the result (-Xlog:class+load).

Usage (bench/run calls it): cold_start.py --rounds 15 --variant ours:METRICS_JAR:RESPONSE_JAR [--variant ...]
A variant may add JVM flags and environment variables: NAME:METRICS_JAR:RESPONSE_JAR:-Dkey=value NAME=value.
A variant with TRACE_SDK_CALLS=true sends its subsegments to an X-Ray daemon stand-in here (a UDP socket on
loopback) that counts them, so the figures show tracing was on.
Environment: BENCH_ENDPOINT (https://127.0.0.1:5103), BENCH_TRUSTSTORE (JDK cacerts + the emulator's
certificate), BENCH_CA_BUNDLE (botocore's bundle + the same certificate), BENCH_LAUNCHERS (compiled
bench/java), JAVA (the java binary), PYTHON (the bench venv's python).
"""
import argparse
import json
import os
import statistics
import subprocess
import socket
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# What Lambda's java25 runtime starts the JVM with, without SnapStart, for a 512 MB function (approximately:
# the heap is ~85% of the memory size; C1 only; serial GC for small memory sizes; the JDK's CDS archive).
LAMBDA_JVM = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
              "-XX:MaxHeapSize=445645k"]
METRICS_CONFIG = json.dumps({"namespace": "DataPipelineMetrics", "lookbackMinutes": 1440, "intervalMinutes": 5,
                             "pipelines": [{"name": "bench-etl-job", "jobName": "bench-etl-job", "source": "glue",
                                            "outputLogGroup": "/aws-glue/jobs/output"}]})
RESPONSE_CONFIG = json.dumps({"remediationEnabled": True, "restartBudget": {"maxRestarts": 0, "windowMinutes": 60},
                              "routes": {"GlueJobFailureAlarm": {"action": "restart-job",
                                                                 "jobName": "bench-etl-job"}}})
NOTIFICATION = os.path.join(HERE, "notification.json")


def environment(home):
    # What Lambda gives a function: region, the role's credentials in variables, no profile files (empty HOME).
    env = {"PATH": os.environ["PATH"], "HOME": home, "LANG": "C.UTF-8", "TZ": "UTC",
           "AWS_REGION": "us-east-1", "AWS_DEFAULT_REGION": "us-east-1",
           "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing",
           "AWS_ENDPOINT_URL": os.environ["BENCH_ENDPOINT"], "AWS_CA_BUNDLE": os.environ["BENCH_CA_BUNDLE"],
           "PIPELINES_CONFIG": METRICS_CONFIG, "RESPONSE_CONFIG": RESPONSE_CONFIG, "BENCH_ENDPOINT": os.environ["BENCH_ENDPOINT"],
           # What the CDK app sets besides: the incident ledger (seed.py creates it) and the topic it may act on.
           "RESPONSE_LEDGER_TABLE": "bench-incident-ledger",
           "RESPONSE_SOURCE_TOPIC_ARNS": "arn:aws:sns:us-east-1:123456789012:data-pipeline-remediation"}
    return env


CPUS = None
FLAGS = {}
ENVS = {}
DATAGRAMS = []


def xray_daemon_stand_in():
    """A UDP socket on loopback that counts the segment documents it receives; returns its address."""
    daemon = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    daemon.bind(("127.0.0.1", 0))

    def receive():
        while True:
            DATAGRAMS.append(daemon.recv(65536))

    threading.Thread(target=receive, daemon=True).start()
    return "127.0.0.1:%d" % daemon.getsockname()[1]


def java_env(env, jar):
    return {**env, **ENVS.get(jar, {})}


def java_cmd(jar, main, extra=()):
    return [os.environ["JAVA"], *LAMBDA_JVM, *FLAGS.get(jar, []), *extra,
            "-Djavax.net.ssl.trustStore=" + os.environ["BENCH_TRUSTSTORE"],
            "-Djavax.net.ssl.trustStorePassword=changeit",
            "-cp", jar + os.pathsep + os.environ["BENCH_LAUNCHERS"], main,
            *([NOTIFICATION] if main == "ResponseColdStart" else [])]


def python_cmd(function):
    script = os.path.join(HERE, "python", function + "_function.py")
    return [os.environ["PYTHON"], script, *([NOTIFICATION] if function == "response" else [])]


EXPECT = {"metrics": "RecordsProcessed", "response": '"outcome":"skipped-no-failed-run"'}
EXPECT_PY = {"metrics": "RecordsProcessed", "response": '"outcome": "skipped-no-failed-run"'}


def timed(cmd, env, expect):
    """Milliseconds from fork to the BENCH-RESULT line, and the process's CPU milliseconds (user + system, all
    threads); checks the function did the expected work."""
    if CPUS:
        cmd = ["taskset", "-c", CPUS, *cmd]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen, elapsed = [], None
    for line in proc.stdout:
        seen.append(line)
        if line.startswith("BENCH-RESULT"):
            elapsed = (time.perf_counter() - start) * 1000
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    out = "".join(seen)
    if elapsed is None or proc.returncode != 0 or expect not in out:
        sys.exit(f"bench: {' '.join(cmd[:2])}... did not produce the expected result (exit {proc.returncode}):\n"
                 f"{out[-2000:]}\n{err[-3000:]}")
    return elapsed, cpu


def seed(env):
    subprocess.run([os.environ["PYTHON"], os.path.join(HERE, "seed.py")], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def class_count(jar, main, env):
    with tempfile.NamedTemporaryFile(suffix=".log") as log:
        timed(java_cmd(jar, main, ["-Xlog:class+load=info:file=" + log.name]), java_env(env, jar),
              EXPECT["metrics" if main == "MetricsColdStart" else "response"])
        lines = open(log.name).read().splitlines()
    from_jar = sum(1 for l in lines if "source: file:" in l or "source: jar:" in l)
    shared = sum(1 for l in lines if "shared objects file" in l)
    return len(lines), from_jar, shared


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--variant", action="append", required=True,
                        help="NAME:METRICS_JAR:RESPONSE_JAR[:JVM flags, space-separated]")
    parser.add_argument("--cpus", help="run every process pinned to these CPUs (taskset -c), e.g. 0")
    parser.add_argument("--json", help="write the figures here too")
    args = parser.parse_args()
    global CPUS
    CPUS = args.cpus
    variants = []
    for spec in args.variant:
        name, mjar, rjar, *flags = spec.split(":", 3)
        if flags:  # the same jar with other flags: a copy, so the flags can be looked up by jar path
            tokens = flags[0].split()
            variables = dict(t.split("=", 1) for t in tokens if not t.startswith("-"))
            if variables.get("TRACE_SDK_CALLS") == "true":
                variables["AWS_XRAY_DAEMON_ADDRESS"] = xray_daemon_stand_in()
            copies = []
            for jar in (mjar, rjar):
                copy = os.path.join(tempfile.mkdtemp(prefix="bench-" + name + "-"), os.path.basename(jar))
                os.symlink(os.path.abspath(jar), copy)
                FLAGS[copy] = [t for t in tokens if t.startswith("-")]
                ENVS[copy] = variables
                copies.append(copy)
            mjar, rjar = copies
        variants.append((name, mjar, rjar))
    home = tempfile.mkdtemp(prefix="bench-home-")
    env = environment(home)
    mains = {"metrics": "MetricsColdStart", "response": "ResponseColdStart"}
    times = {(f, n): [] for f in mains for n in ["python"] + [v[0] for v in variants]}
    cpu = {key: [] for key in times}
    seed(env)
    for f, main in mains.items():  # one untimed run of each: page cache and moto warm, as on a busy host
        timed(python_cmd(f), env, EXPECT_PY[f])
        for name, mjar, rjar in variants:
            jar = mjar if f == "metrics" else rjar
            timed(java_cmd(jar, main), java_env(env, jar), EXPECT[f])
    for r in range(args.rounds):
        if r % 5 == 0:
            seed(env)  # keeps a run inside the metrics function's 5-minute interval
        for f, main in mains.items():
            order = [("python", None)] + [(v[0], v[1] if f == "metrics" else v[2]) for v in variants]
            if r % 2:
                order.reverse()
            for name, jar in order:
                if name == "python":
                    wall, used = timed(python_cmd(f), env, EXPECT_PY[f])
                else:
                    wall, used = timed(java_cmd(jar, main), java_env(env, jar), EXPECT[f])
                times[(f, name)].append(wall)
                cpu[(f, name)].append(used)
    results = {}
    where = f", pinned to CPU {CPUS}" if CPUS else ""
    print(f"\nCold invocation, fresh process to first result, median of {args.rounds} alternating runs{where} (ms)")
    print(f"{'function':9} {'runtime':26} {'median':>6} {'min':>5} {'max':>5} {'vs Python':>9} {'CPU ms':>6} {'CPU vs Py':>9}")
    for f in mains:
        py = statistics.median(times[(f, 'python')])
        py_cpu = statistics.median(cpu[(f, 'python')])
        for name in ["python"] + [v[0] for v in variants]:
            t = times[(f, name)]
            med, med_cpu = statistics.median(t), statistics.median(cpu[(f, name)])
            label = "Python 3.11 + boto3" if name == "python" else "Java 25 (" + name + ")"
            print(f"{f:9} {label:26} {med:6.0f} {min(t):5.0f} {max(t):5.0f} {med / py:9.2f} {med_cpu:6.0f} "
                  f"{med_cpu / py_cpu:9.2f}")
            results[f"{f}/{name}"] = {"median_ms": med, "min_ms": min(t), "max_ms": max(t), "ratio": med / py,
                                      "cpu_ms": med_cpu, "cpu_ratio": med_cpu / py_cpu}
    traced = [v[0] for v in variants if ENVS.get(v[1], {}).get("TRACE_SDK_CALLS") == "true"]
    if traced:
        invocations = len(traced) * len(mains) * (args.rounds + 1)
        print(f"\nSubsegments the X-Ray daemon stand-in received from {', '.join(traced)}: {len(DATAGRAMS)} in "
              f"{invocations} invocations")
        results["subsegments"] = {"received": len(DATAGRAMS), "invocations": invocations}
    seed(env)
    print("\nClasses loaded up to the first result (total / from the jar / from the JDK's CDS archive)")
    for name, mjar, rjar in variants:
        for f, main in mains.items():
            total, from_jar, shared = class_count(mjar if f == "metrics" else rjar, main, env)
            print(f"{f:9} Java 25 ({name}): {total} / {from_jar} / {shared}")
            results[f"{f}/{name}"]["classes"] = {"total": total, "from_jar": from_jar, "cds": shared}
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
