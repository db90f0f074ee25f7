"""The stops a new user hits first: an old JDK under plain `mvn`, missing AWS credentials, JSON through make."""
import glob
import os
import subprocess
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JDK_MESSAGE = "This project needs JDK 21 or newer"
CREDENTIALS_MESSAGE = "No AWS credentials found for make deploy:"


def old_jdk():
    """A JDK older than 21 (Java 17 is the default `java` on the build machine), or None."""
    for home in sorted(glob.glob("/usr/lib/jvm/*17*")):
        if os.access(os.path.join(home, "bin", "javac"), os.X_OK):
            return home
    return None


def environment_without_aws(home):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(HOME=str(home), AWS_EC2_METADATA_DISABLED="true")
    return env


@pytest.mark.skipif(old_jdk() is None, reason="no JDK older than 21 installed")
def test_plain_mvn_on_jdk_17_stops_with_the_projects_message_before_compiling():
    home = old_jdk()
    env = dict(os.environ, JAVA_HOME=home, PATH=f"{home}/bin:{os.environ['PATH']}", MAVEN_OPTS="")
    result = subprocess.run(["mvn", "-B", "-q", "-o", "-Dstyle.color=never", "compile"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert JDK_MESSAGE in output
    assert "release version" not in output
    assert "pipeline-contract" in output  # the first module of the reactor, before anything compiles


def test_deploy_without_credentials_stops_before_any_build_with_one_line(tmp_path):
    started = time.monotonic()
    result = subprocess.run(["make", "--no-print-directory", "deploy"], cwd=ROOT,
                            env=environment_without_aws(tmp_path), capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    own_lines = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert len(own_lines) == 1 and own_lines[0].startswith(CREDENTIALS_MESSAGE)
    assert "aws configure" in own_lines[0] and "AWS_PROFILE" in own_lines[0]
    assert result.stdout == ""  # nothing installed, built or synthesized first
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("setup", ["keys", "profile file", "web identity"])
def test_credentials_found_where_the_sdks_look(tmp_path, setup):
    env = environment_without_aws(tmp_path)
    if setup == "keys":
        env.update(AWS_ACCESS_KEY_ID="AKIAEXAMPLE", AWS_SECRET_ACCESS_KEY="secret")
    elif setup == "profile file":
        (tmp_path / ".aws").mkdir()
        (tmp_path / ".aws" / "config").write_text("[profile dev]\nsso_session = corp\n")
        env.update(AWS_PROFILE="dev")
    else:
        env.update(AWS_WEB_IDENTITY_TOKEN_FILE="/var/run/token", AWS_ROLE_ARN="arn:aws:iam::111122223333:role/ci")
    result = subprocess.run([os.path.join(ROOT, "tools", "require-aws-credentials")], env=env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_json_context_through_make_keeps_its_quotes():
    result = subprocess.run(["make", "--no-print-directory", "-n", "synth",
                             'CDK_CONTEXT=monitoredJobs=["orders-etl","billing-etl"] prefix=dev-'],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert """-c 'monitoredJobs=["orders-etl","billing-etl"]' -c 'prefix=dev-'""" in result.stdout
