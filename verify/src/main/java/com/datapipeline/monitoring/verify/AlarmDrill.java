package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.contract.DecisionLine;
import com.datapipeline.monitoring.contract.DrillMarker;
import com.datapipeline.monitoring.contract.LogFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The fire drill: sets alarms to ALARM with the {@link DrillMarker} in the reason, then waits until
 * AlarmResponseFunction has logged its decision for each ({@link DecisionLine}, outcome
 * {@link DecisionLine#DRILL_OUTCOME}), which proves the whole path alarm → topic → function. The function never
 * remediates a drill; metric alarms go back to their real state on their next evaluation. Composite alarms and
 * alarms without actions are not drilled ({@link #skipReason}).
 */
public final class AlarmDrill {
    /** Log event times come from Lambda's clock, not ours. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final AwsClients aws;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<String> progress;
    private final Duration pollInterval;

    public AlarmDrill(AwsClients aws, Clock clock, Sleeper sleeper, Consumer<String> progress, Duration pollInterval) {
        this.aws = aws;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
        this.pollInterval = pollInterval;
    }

    public List<CheckResult> run(List<String> alarms, String responseLogGroup, Duration timeLimit) {
        Instant start = clock.instant();
        Map<String, CheckResult> results = new LinkedHashMap<>();
        Map<String, Instant> pending = new LinkedHashMap<>();
        for (String alarm : alarms) {
            try {
                Instant setAt = clock.instant();
                aws.cloudWatch()
                        .setAlarmState(r -> r.alarmName(alarm)
                                .stateValue(StateValue.ALARM)
                                .stateReason(DrillMarker.TEXT + " make verify drill started " + setAt
                                        + "; the function must not remediate"));
                pending.put(alarm, setAt);
                results.put(alarm, null);
            } catch (AwsServiceException e) {
                results.put(
                        alarm,
                        CheckResult.fail(check(alarm), "could not set it to ALARM: " + DeploymentChecks.refusal(e)));
            }
        }
        Instant deadline = start.plus(timeLimit);
        while (!pending.isEmpty()) {
            for (LogLines.Line line : LogLines.since(aws.logs(), responseLogGroup, start.minus(CLOCK_SKEW))) {
                String alarm = line.text(DecisionLine.ALARM);
                Instant setAt = alarm == null ? null : pending.get(alarm);
                if (setAt == null) {
                    continue;
                }
                String event = line.text(LogFields.EVENT);
                String outcome = line.text(DecisionLine.OUTCOME);
                if (DecisionLine.EVENT.equals(event) && DecisionLine.DRILL_OUTCOME.equals(outcome)) {
                    results.put(
                            alarm,
                            CheckResult.pass(
                                    check(alarm),
                                    "AlarmResponseFunction logged outcome drill after "
                                            + seconds(Duration.between(setAt, line.timestamp()))));
                    pending.remove(alarm);
                } else if (DecisionLine.EVENT.equals(event) && "ALARM".equals(line.text(DecisionLine.STATE))) {
                    results.put(
                            alarm,
                            CheckResult.fail(
                                    check(alarm),
                                    "AlarmResponseFunction answered outcome " + outcome
                                            + ", expected " + DecisionLine.DRILL_OUTCOME
                                            + " (" + line.text(DecisionLine.REASON) + ")"));
                    pending.remove(alarm);
                } else if (DecisionLine.ERROR_EVENT.equals(event)) {
                    results.put(
                            alarm,
                            CheckResult.fail(
                                    check(alarm), "AlarmResponseFunction failed: " + line.text(DecisionLine.REASON)));
                    pending.remove(alarm);
                }
            }
            Instant now = clock.instant();
            long waited = Duration.between(start, now).toSeconds();
            progress.accept("drill: " + (alarms.size() - pending.size()) + " of " + alarms.size()
                    + " alarm responses logged, " + waited + " s of " + timeLimit.toSeconds() + " s");
            if (pending.isEmpty()) {
                break;
            }
            if (!now.isBefore(deadline)) {
                pending.keySet()
                        .forEach(
                                alarm -> results.put(
                                        alarm,
                                        CheckResult.fail(
                                                check(alarm),
                                                "no decision in " + responseLogGroup + " within "
                                                        + timeLimit.toSeconds()
                                                        + " s (is the function subscribed to the topic, and does the alarm notify it?)")));
                break;
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.keySet().forEach(alarm -> results.put(alarm, CheckResult.fail(check(alarm), "interrupted")));
                break;
            }
        }
        return new ArrayList<>(results.values());
    }

    /**
     * Why an alarm is not drilled, or empty when it is. A composite alarm is not: after SetAlarmState AWS
     * re-evaluates a composite only when one of its children changes state, so a drilled composite could stay in
     * ALARM and swallow the notification of the next real incident; its wiring is checked by its {@code alarm} line,
     * and the path topic → function by the drill of the other alarms on the same topic. An alarm without actions
     * (a health signal, which pages through MonitoringHealthAlarm) is not either: there is no response to wait for.
     */
    public static java.util.Optional<String> skipReason(ExpectedAlarm alarm) {
        if (alarm instanceof ExpectedAlarm.Composite) {
            return java.util.Optional.of(
                    "composite alarm: AWS re-evaluates it only when a child changes state, so a drill"
                            + " could leave it in ALARM and hide the next real incident; its actions are checked by its alarm line");
        }
        if (alarm.actionTopic().isEmpty()) {
            return java.util.Optional.of("no actions of its own: it pages through its composite alarm");
        }
        return java.util.Optional.empty();
    }

    static String check(String alarm) {
        return "drill " + alarm;
    }

    private static String seconds(Duration delay) {
        return String.format(java.util.Locale.ROOT, "%.1f s", Math.max(0, delay.toMillis()) / 1000.0);
    }
}
