# The documented commands (see README). Everything runs offline: no AWS account, credentials or Docker.
#   make            build everything, synthesize the app, print what would be deployed
#   make test       every test of every module, against a local AWS API emulator, then a real synth
#   make check      cdk-nag, cfn-lint and checkov over the synthesized templates
#   make deploy     deploy to the AWS account of your current credentials
#   make verify     check a deployed stack end to end, with a fire drill (VERIFY_ARGS=--json for CI)
SHELL := /bin/bash
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
MVN := mvn -B -q
# Tests keep Maven's per-class and summary lines, so a reader (and CI) sees what ran.
MVN_TEST := mvn -B -ntp
CDK := npx --no-install cdk --no-notices --no-version-reporting
CONTEXT := $(foreach kv,$(CDK_CONTEXT),-c $(kv))

.PHONY: synth build test check bootstrap deploy destroy diff verify clean

synth: build node_modules
	@$(CDK) synth -q $(CONTEXT) > /dev/null
	@cat cdk.out/monitoring-summary.txt

build:
	$(MVN) package -DskipTests

test: node_modules
	@tools/venv
	@endpoint=$$(tools/emulator start) && trap 'tools/emulator stop' EXIT && \
	  echo "AWS API emulator (moto) on $$endpoint" && \
	  AWS_EMULATOR_ENDPOINT=$$endpoint $(MVN_TEST) verify && \
	  .venv/bin/python -m pytest -q glue-scripts/tests tools/tests && \
	  tools/check-templates && \
	  $(CDK) synth -q > /dev/null && echo "cdk synth: OK" && \
	  tools/e2e

# Deploy proof (also part of `make test`): cdk deploy, read-back, make verify and cdk destroy against a local emulator.
.PHONY: e2e
e2e: build node_modules
	@tools/venv
	@tools/e2e

# cdk-nag, cfn-lint and checkov over every covered configuration (also part of `make test`).
check: build
	tools/check-templates

# Once per account and Region: the bucket and roles `cdk deploy` uses for the jars, the Glue script and layers.
bootstrap: node_modules
	$(CDK) bootstrap

deploy: build node_modules
	$(CDK) deploy $(CONTEXT)

destroy: node_modules
	$(CDK) destroy $(CONTEXT)

diff: build node_modules
	$(CDK) diff $(CONTEXT)

# Reads the deployed stack of the same configuration (CDK_CONTEXT, cdk.json) back and runs the fire drill.
# The in-memory synth that gives the expected names and thresholds needs no jar and no CloudFormation validation.
verify:
	@$(MVN) compile
	@CDK_VALIDATION=false java -cp "target/classes:$$(cat target/app.classpath)" \
	  com.datapipeline.monitoring.cdk.verify.VerifyCommand $(CONTEXT) $(VERIFY_ARGS)

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules

clean:
	mvn -B -q clean
	rm -rf cdk.out

# Performance figures (README "Performance"): cold starts against Python, jar sizes, synth and test times.
# Benchmarks that print numbers, not tests; about 6 minutes. See bench/run for the knobs.
.PHONY: bench
bench: node_modules
	@bench/run
