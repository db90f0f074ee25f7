# The documented commands (see README, or `make help`). Everything but deploy, diff, bootstrap, destroy and verify
# runs offline: no AWS account, credentials or Docker.
SHELL := /bin/bash
# A failing Maven in `mvn ... | sed` fails the recipe.
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := synth
JAVA_HOME := $(shell tools/find-jdk)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
# Maven's bundled Guava uses sun.misc.Unsafe, which JDK 23+ warns about on every run; allow it explicitly there.
JAVA_MAJOR := $(shell "$(JAVA_HOME)/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
ifeq ($(shell [ "$(JAVA_MAJOR)" -ge 23 ] 2>/dev/null && echo yes),yes)
export MAVEN_OPTS += --sun-misc-unsafe-memory-access=allow
endif
# Keep the CDK CLI offline and quiet: no notices or telemetry fetched, no version reporting.
export CDK_DISABLE_CLI_TELEMETRY := true
# jsii's 24-line end-of-life banner for Node 20 on every app start (README, Prerequisites, says what to expect).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 20
# Batch mode, no colours; Maven 3.8 on JDK 23+ still writes a reset code, which the sed removes from logs.
MVN := mvn -B -q -Dstyle.color=never
PLAIN := sed -u 's/\x1b\[[0-9;]*m//g'
# Tests keep Maven's per-class and summary lines, so a reader (and CI) sees what ran.
MVN_TEST := mvn -B -ntp -Dstyle.color=never
CDK := npx --no-install cdk --no-notices --no-version-reporting
# One -c per space-separated key=value; each is single-quoted, so a JSON value without spaces keeps its quotes:
#   make deploy CDK_CONTEXT='monitoredJobs=["orders-etl","billing-etl"] prefix=dev-'
CONTEXT := $(foreach kv,$(CDK_CONTEXT),-c '$(kv)')

.PHONY: help synth build test check format bootstrap deploy destroy diff verify clean aws-credentials

help:
	@echo "make            build what changed, synthesize the app, print what a deploy would create"
	@echo "make test       every test of every module, the template checks, a reproducible-build check, a synth"
	@echo "make format     format every Java source (palantir-java-format; make test fails on unformatted code)"
	@echo "make check      cdk-nag, cfn-lint and checkov over the synthesized templates (part of make test)"
	@echo "make check-scale the same checks on 500 generated pipelines from a pipelines file (several minutes)"
	@echo "make bootstrap  once per account and Region: the CDK's asset bucket and roles (needs AWS credentials)"
	@echo "make deploy     deploy to the account of your AWS credentials; make diff shows the changes first"
	@echo "make verify     check a deployed stack end to end, with a fire drill (VERIFY_ARGS=--help)"
	@echo "make destroy    remove the deployed stack, emptying the sample's output bucket first (DESTROY_ARGS=--force: no question)"
	@echo "make time-to-page how long each failure mode takes from its signal to the page, for this configuration"
	@echo "make bench      the README's performance figures (benchmarks, several minutes)"
	@echo "make config-table  every configuration key: default, what it accepts, what it does"
	@echo "make clean      remove build output and cdk.out"
	@echo "Configuration: CDK_CONTEXT='key=value key2=value2' (see README, Configuration), or cdk.json."

# tools/cdk-app (cdk.json's app) builds what is stale first, so synth needs no separate build step.
synth: node_modules
	@echo "Synthesizing (builds first what changed since the last build) ..."
	@$(CDK) synth -q $(CONTEXT) > /dev/null
	@cat cdk.out/monitoring-summary.txt

build:
	@echo "Building the app and the functions (mvn package -DskipTests, about 40 s) ..."
	@$(MVN) package -DskipTests 2>&1 | $(PLAIN)

# Each step's output goes to target/test-logs/; the terminal gets progress lines and, at the end, the summary.
test: node_modules
	@tools/venv
	@tools/test-step --start
	@endpoint=$$(tools/emulator start) && trap 'tools/emulator stop; tools/test-summary' EXIT && \
	  echo "AWS API emulator (moto) on $$endpoint" && \
	  tools/test-step "format check" $(MVN_TEST) -N spotless:check && \
	  AWS_EMULATOR_ENDPOINT=$$endpoint tools/test-step "mvn verify (all modules)" $(MVN_TEST) verify && \
	  tools/test-step "pytest (Glue script, tools)" \
	    .venv/bin/python -m pytest -q --junitxml=target/test-logs/pytest.xml glue-scripts/tests tools/tests && \
	  tools/test-step "template checks" tools/check-templates && \
	  tools/test-step "reproducible build" tools/check-reproducible && \
	  tools/test-step "cdk synth" $(CDK) synth -q && \
	  tools/test-step "deploy proof (e2e)" tools/e2e

# The formatter the format check of `make test` holds every Java source to (root pom.xml, Spotless).
format:
	@$(MVN) -N spotless:apply 2>&1 | $(PLAIN)

# Deploy proof (also part of `make test`): cdk deploy, read-back, make verify and cdk destroy against a local emulator.
.PHONY: e2e
e2e: build node_modules
	@tools/venv
	@tools/e2e

# cdk-nag, cfn-lint and checkov over every covered configuration (also part of `make test`).
check: build
	tools/check-templates

# The same checks on 500 pipelines from a generated pipelines file (a few minutes; not part of make test).
.PHONY: check-scale
check-scale: build
	@tools/generate-pipelines 500 target/pipelines-500.json
	@echo '{"500-pipelines": {"pipelinesFile": "target/pipelines-500.json"}}' > target/scale-configurations.json
	TEMPLATE_CONFIGURATIONS=target/scale-configurations.json tools/check-templates

# Once per account and Region: the bucket and roles `cdk deploy` uses for the jars, the Glue script and layers.
bootstrap: aws-credentials node_modules
	$(CDK) bootstrap

deploy: aws-credentials node_modules
	$(CDK) deploy $(CONTEXT)

# Empties the buckets the stacks delete with themselves (the sample's output), then cdk destroy; asks once first.
destroy: aws-credentials node_modules
	@tools/venv
	@tools/destroy $(CONTEXT) $(DESTROY_ARGS)

diff: aws-credentials node_modules
	$(CDK) diff $(CONTEXT)

# Before any build: without credentials the CLI would build and synthesize first, then fail.
aws-credentials:
	@tools/require-aws-credentials "make $(MAKECMDGOALS)"

# Reads the deployed stack of the same configuration (CDK_CONTEXT, cdk.json) back and runs the fire drill.
# The in-memory synth that gives the expected names and thresholds needs no jar and no CloudFormation validation.
# verify/ is its own module (with the AWS SDK); compiling it compiles the app and the contract it reads.
verify:
	@$(MVN) compile -pl verify -am 2>&1 | $(PLAIN)
	@CDK_VALIDATION=false java -cp "verify/target/classes:$$(cat verify/target/verify.classpath)" \
	  com.datapipeline.monitoring.verify.VerifyCommand $(CONTEXT) $(VERIFY_ARGS)

# The key registry (src/main/java/.../config/ConfigKeys.java) as the README's configuration table; config-docs writes
# it into the README and every default into cdk.json (tests fail while either differs from the registry).
.PHONY: config-table config-docs
config-table:
	@$(MVN) package -DskipTests -pl app -am 2>&1 | $(PLAIN)
	@java -cp "$$(tools/app-classpath)" com.datapipeline.monitoring.cdk.context.ConfigTable

config-docs:
	@$(MVN) package -DskipTests -pl app -am 2>&1 | $(PLAIN)
	@java -cp "$$(tools/app-classpath)" com.datapipeline.monitoring.cdk.context.ConfigTable --write

node_modules: package.json package-lock.json
	@echo "Installing the pinned CDK CLI (npm ci) ..."
	@npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules

clean:
	mvn -B -q clean
	rm -rf cdk.out

# Time to page per failure mode (README "Time to page"), for the configuration of CDK_CONTEXT and cdk.json.
.PHONY: time-to-page
time-to-page: node_modules
	@tools/venv
	@echo "Synthesizing (builds first what changed since the last build) ..."
	@$(CDK) synth -q $(CONTEXT) > /dev/null
	@tools/time-to-page cdk.out

# Performance figures (README "Performance"): cold starts against Python, jar sizes, synth and test times.
# Benchmarks that print numbers, not tests; about 6 minutes. See bench/run for the knobs.
.PHONY: bench
bench: node_modules
	@bench/run
