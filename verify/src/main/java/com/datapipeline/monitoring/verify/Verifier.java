package com.datapipeline.monitoring.verify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Runs every check against a deployment, in the order a person would, and collects the report. */
public final class Verifier {
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** How the command keeps time: the real clock and sleep in use, a fake one in tests. */
    public record Settings(Clock clock, Sleeper sleeper, Duration pollInterval) {}

    private final AwsClients aws;
    private final Settings timing;
    private final Consumer<String> progress;

    public Verifier(AwsClients aws, Settings timing, Consumer<String> progress) {
        this.aws = aws;
        this.timing = timing;
        this.progress = progress;
    }

    public Report run(ExpectedStack expected, VerifyOptions options) {
        DeploymentChecks deployment = new DeploymentChecks(aws);
        List<CheckResult> results = new ArrayList<>();
        Map<String, String> topicArns = Map.of();
        try {
            topicArns = deployment.topicArns(expected.topicNames());
        } catch (AwsServiceException e) {
            results.add(DeploymentChecks.unreadable("topics " + String.join(", ", expected.topicNames()), e));
        }
        Map<String, String> topics = topicArns;
        results.addAll(guarded("alarms", () -> deployment.alarms(expected, topics)));
        results.addAll(guarded(
                "topics " + String.join(", ", expected.topicNames()), () -> deployment.topics(expected, topics)));
        results.addAll(
                guarded("schedule " + expected.scheduleRuleName(), () -> List.of(deployment.schedule(expected))));
        results.addAll(guarded("saved queries", () -> deployment.savedQueries(expected)));
        results.addAll(guarded(
                "metrics",
                () -> new MetricsFreshnessCheck(aws, timing.clock()).run(expected, options.metricsWindow())));
        if (!options.drill()) {
            results.add(CheckResult.skip("drill", "--no-drill"));
        } else {
            List<ExpectedAlarm> chosen = options.alarm()
                    .map(name -> expected.alarm(name).stream().toList())
                    .orElse(expected.alarms());
            List<String> drilled = new ArrayList<>();
            List<CheckResult> skipped = new ArrayList<>();
            for (ExpectedAlarm alarm : chosen) {
                AlarmDrill.skipReason(alarm)
                        .ifPresentOrElse(
                                reason -> skipped.add(CheckResult.skip(AlarmDrill.check(alarm.name()), reason)),
                                () -> drilled.add(alarm.name()));
            }
            if (!drilled.isEmpty()) {
                results.addAll(guarded(
                        "drill",
                        () -> new AlarmDrill(aws, timing.clock(), timing.sleeper(), progress, timing.pollInterval())
                                .run(drilled, expected.responseLogGroup(), options.drillTimeout())));
            }
            results.addAll(skipped);
        }
        return new Report(expected.stackName(), results);
    }

    /** A refused call fails its group with AWS's reason; the other groups still run. */
    private static List<CheckResult> guarded(String check, Supplier<List<CheckResult>> group) {
        try {
            return group.get();
        } catch (AwsServiceException e) {
            return List.of(DeploymentChecks.unreadable(check, e));
        }
    }

    static Optional<String> unknownAlarm(ExpectedStack expected, VerifyOptions options) {
        return options.alarm().filter(alarm -> !expected.alarmNames().contains(alarm));
    }
}
