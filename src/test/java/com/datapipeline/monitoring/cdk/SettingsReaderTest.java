package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.config.SampleChain;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import com.datapipeline.monitoring.contract.MetricsSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsReaderTest {

    @Test
    void defaultsAreTheLabsSettings() {
        MonitoringSettings settings = SettingsReader.read(Map.of());
        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.alerting().emails().alert()).isEmpty();
        assertThat(settings.pipelines())
                .containsExactly(new MonitoredPipeline(
                        "sample-etl-job",
                        true,
                        10,
                        OptionalInt.empty(),
                        Optional.empty(),
                        new SampleChain("sample-etl-job", "monitoring_lab_db").stages(OptionalInt.empty()),
                        List.of()));
        assertThat(settings.alarms().missedRunGraceFactor()).isEqualTo(1.5);
        assertThat(settings.alarms().thresholds().jobDurationSeconds()).isEqualTo(300);
        assertThat(settings.alarms().thresholds().failedTasks()).isZero();
        assertThat(settings.alarms().thresholds().heapUsagePercent()).isEqualTo(80);
        assertThat(settings.alarms().thresholds().dataQualityPercent()).isEqualTo(90);
        assertThat(settings.alarms().thresholds().errorRatePercent()).isEqualTo(2);
        assertThat(settings.alarms().thresholds().processingLatencySeconds()).isEqualTo(180);
        assertThat(settings.metricsSource()).isEqualTo(MetricsSource.GLUE);
        assertThat(settings.remediation().enabled()).isTrue();
        assertThat(settings.remediation().maxRestarts()).isEqualTo(2);
        assertThat(settings.remediation().windowMinutes()).isEqualTo(60);
    }

    @Test
    void commandLineStringsAreAcceptedForNumbersAndBooleans() {
        MonitoringSettings settings = SettingsReader.read(Map.of(
                "memoryThresholdPercent",
                "90.5",
                "remediation",
                "false",
                "metricsSource",
                "SIMULATE",
                "alertEmail",
                " oncall@example.com "));
        assertThat(settings.alarms().thresholds().heapUsagePercent()).isEqualTo(90.5);
        assertThat(settings.remediation().enabled()).isFalse();
        assertThat(settings.metricsSource()).isEqualTo(MetricsSource.SIMULATE);
        assertThat(settings.alerting().emails().alert()).contains("oncall@example.com");
    }

    @Test
    void existingJobsReplaceTheSampleJobInListOrCommaForm() {
        List<MonitoredPipeline> expected = List.of(
                new MonitoredPipeline("orders-etl", false, 10, OptionalInt.empty(), Optional.empty()),
                new MonitoredPipeline("billing_etl.v2", false, 10, OptionalInt.empty(), Optional.empty()));
        assertThat(SettingsReader.read(Map.of("monitoredJobs", "orders-etl, billing_etl.v2"))
                        .pipelines())
                .isEqualTo(expected);
        assertThat(SettingsReader.read(Map.of("monitoredJobs", List.of("orders-etl", "billing_etl.v2")))
                        .pipelines())
                .isEqualTo(expected);
        assertThat(SettingsReader.read(Map.of("monitoredJobs", "[\"orders-etl\",\"billing_etl.v2\"]"))
                        .pipelines())
                .isEqualTo(expected);
        assertThat(SettingsReader.read(Map.of("monitoredJobs", "orders-etl")).createsSampleJob())
                .isFalse();
    }

    @Test
    void jobObjectsOverrideTheGlobalRunHealthSettingsAndNullMeansNone() {
        MonitoringSettings settings = SettingsReader.read(Map.of(
                "expectedSuccessEveryMinutes",
                "60",
                "stuckRunMinutes",
                20,
                "monitoredJobs",
                "[\"orders-etl\", {\"jobName\": \"billing-etl\", \"stuckRunMinutes\": 90,"
                        + " \"expectedSuccessEveryMinutes\": null}]"));
        assertThat(settings.pipelines())
                .containsExactly(
                        new MonitoredPipeline("orders-etl", false, 20, OptionalInt.of(60), Optional.empty()),
                        new MonitoredPipeline("billing-etl", false, 90, OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void stuckRunDefaultFollowsTheDurationThreshold() {
        assertThat(SettingsReader.read(Map.of("durationThresholdSeconds", 1200))
                        .pipelines()
                        .get(0)
                        .stuckRunMinutes())
                .isEqualTo(40);
    }

    @Test
    void cdkOwnContextKeysAreIgnored() {
        assertThat(SettingsReader.read(Map.of(
                                "@aws-cdk/core:newStyleStackSynthesis", true, "aws:cdk:enable-path-metadata", true))
                        .prefix())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "alertEmail|not-an-email|context key 'alertEmail' is 'not-an-email'; allowed: an email address",
                "durationThresholdSeconds|-5|context key 'durationThresholdSeconds' is '-5'; allowed: a number from 1 to 172800",
                "memoryThresholdPercent|120|context key 'memoryThresholdPercent' is '120'; allowed: a number from 1 to 100",
                "errorRateThresholdPercent|lots|context key 'errorRateThresholdPercent' is 'lots'; allowed: a number from 0 to 100",
                "monitoredJobs|orders,,billing|context key 'monitoredJobs' is ''; allowed: Glue job names",
                "monitoredJobs|orders,orders|context key 'monitoredJobs' is 'orders'; allowed: each job name once",
                "monitoredJobs|bad name!|context key 'monitoredJobs' is 'bad name!'",
                "prefix|has space|context key 'prefix' is 'has space'; allowed: up to 32 letters",
                "metricsSource|random|context key 'metricsSource' is 'random'; allowed: glue or simulate",
                "remediation|yes|context key 'remediation' is 'yes'; allowed: true or false",
                "maxRestarts|1.5|context key 'maxRestarts' is '1.5'; allowed: a whole number from 0 to 100",
                "logRetentionDays|10|context key 'logRetentionDays' is '10'; allowed: one of CloudWatch's",
                "expectedSuccessEveryMinutes|0|context key 'expectedSuccessEveryMinutes' is '0'; allowed: a whole number of minutes",
                "stuckRunMinutes|-1|context key 'stuckRunMinutes' is '-1'; allowed: a number from 1 to 10080",
                "teamsTeamId|19-team|context key 'teamsTeamId' is '19-team'; allowed: a teams id matching",
                "slackChannelId|C0CRITICAL|context key 'slackWorkspaceId' is ''; allowed: a slack id matching",
                "monitoredJobs|[{\"jobName\": \"a\", \"dataQualityRuleset\": \"bad/name\"}]|context key 'monitoredJobs[a].dataQualityRuleset' is 'bad/name'; allowed: a Glue Data Quality ruleset name",
                "missedRunGraceFactor|0.5|context key 'missedRunGraceFactor' is '0.5'; allowed: a number from 1 to 10",
                "monitoredJobs|[{\"jobName\": \"a\", \"colour\": 1}]|context key 'monitoredJobs' is '{jobName=a, colour=1}'; allowed: job entries with only the keys",
                "monitoredJobs|[\"a\"|context key 'monitoredJobs' is '[\"a\"'; allowed: a JSON list",
            })
    void badValuesStopWithOneLineNamingTheSetting(String key, String value, String message) {
        assertThatThrownBy(() -> SettingsReader.read(Map.of(key, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownKeysStopSynthAndListTheKnownOnes() {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("alertEmial", "x@example.com")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown context key(s) [alertEmial]")
                .hasMessageContaining("alertEmail");
    }
}
