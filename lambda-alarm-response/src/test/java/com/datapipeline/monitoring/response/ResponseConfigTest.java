package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.response.ResponseConfig.RestartBudget;
import com.datapipeline.monitoring.response.ResponseConfig.Route;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseConfigTest {

    @Test
    void exampleConfigOfTheCdkAppParsesIntoRoutes() {
        ResponseConfig config = ResponseConfig.parse(Corpus.CONFIG_JSON);

        assertThat(config.remediationEnabled()).isTrue();
        assertThat(config.restartBudget()).isEqualTo(new RestartBudget(2, Duration.ofMinutes(60)));
        assertThat(config.routes()).containsEntry("GlueJobFailureAlarm", new Route(ResponseAction.RESTART_JOB, "sample-etl-job"))
                .containsEntry("GlueJobDurationAlarm", new Route(ResponseAction.NOTIFY_ONLY, null))
                .containsEntry("DataQualityAlarm", new Route(ResponseAction.START_VALIDATION_JOB, "sample-dq-job"))
                .containsEntry("glue-job-state:sample-etl-job", new Route(ResponseAction.RESTART_JOB, "sample-etl-job"));
    }

    @Test
    void missingRestartBudgetDefaultsToTwoPerHour() {
        ResponseConfig config = ResponseConfig.parse("{\"remediationEnabled\":false,\"routes\":{}}");

        assertThat(config.restartBudget()).isEqualTo(RestartBudget.DEFAULT);
        assertThat(RestartBudget.DEFAULT).isEqualTo(new RestartBudget(2, Duration.ofMinutes(60)));
        assertThat(config.remediationEnabled()).isFalse();
    }

    @Test
    void actionNamesAreTheConfigNamesTheCdkAppWrites() {
        assertThat(ResponseAction.RESTART_JOB.configName()).isEqualTo("restart-job");
        assertThat(ResponseAction.START_VALIDATION_JOB.configName()).isEqualTo("start-validation-job");
        assertThat(ResponseAction.NOTIFY_ONLY.configName()).isEqualTo("notify-only");
        assertThat(ResponseAction.fromConfigName("restart-job")).contains(ResponseAction.RESTART_JOB);
        assertThat(ResponseAction.fromConfigName("RESTART_JOB")).isEmpty();
    }

    @Test
    void errorClassActionsDefaultToRestartingTransientFailuresOnly() {
        ResponseConfig config = ResponseConfig.parse(Corpus.CONFIG_JSON);

        assertThat(config.errorClassActions().actionFor("any-job", ErrorClass.TRANSIENT)).isEqualTo(ResponseAction.RESTART_JOB);
        for (ErrorClass errorClass : new ErrorClass[] {ErrorClass.RESOURCES, ErrorClass.PERMISSIONS, ErrorClass.CODE,
                ErrorClass.DATA, ErrorClass.UNKNOWN}) {
            assertThat(config.errorClassActions().actionFor("any-job", errorClass)).isEqualTo(ResponseAction.NOTIFY_ONLY);
        }
        assertThat(config.insightsLogGroups()).isEmpty();
    }

    @Test
    void errorClassActionsMayBeSetForAllPipelinesAndOverriddenForOne() {
        ResponseConfig config = ResponseConfig.parse("""
                {"remediationEnabled":true,"routes":{},
                 "errorClassActions":{"transient":"notify-only","resources":"restart-job"},
                 "pipelines":{"orders-etl":{"errorClassActions":{"transient":"restart-job"}}},
                 "jobRunInsightsLogGroups":["/aws-glue/jobs/error","/aws-glue/jobs/logs-v2"]}""");

        assertThat(config.errorClassActions().actionFor("billing-etl", ErrorClass.TRANSIENT)).isEqualTo(ResponseAction.NOTIFY_ONLY);
        assertThat(config.errorClassActions().actionFor("billing-etl", ErrorClass.RESOURCES)).isEqualTo(ResponseAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor("orders-etl", ErrorClass.TRANSIENT)).isEqualTo(ResponseAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor("orders-etl", ErrorClass.RESOURCES)).isEqualTo(ResponseAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor("orders-etl", ErrorClass.CODE)).isEqualTo(ResponseAction.NOTIFY_ONLY);
        assertThat(config.insightsLogGroups()).containsExactly("/aws-glue/jobs/error", "/aws-glue/jobs/logs-v2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                          | remediation on                                                        | not valid JSON
            missing remediationEnabled        | {"routes":{}}                                                          | 'remediationEnabled'
            remediationEnabled as a string    | {"remediationEnabled":"yes","routes":{}}                               | 'remediationEnabled'
            missing routes                    | {"remediationEnabled":true}                                            | 'routes'
            unknown top-level field           | {"remediationEnabled":true,"routes":{},"remediationEnable":false}      | 'remediationEnable'
            unknown action                    | {"remediationEnabled":true,"routes":{"A":{"action":"reboot"}}}         | 'routes.A.action'
            restart without jobName           | {"remediationEnabled":true,"routes":{"A":{"action":"restart-job"}}}    | 'routes.A.jobName'
            validation with blank jobName     | {"remediationEnabled":true,"routes":{"A":{"action":"start-validation-job","jobName":" "}}} | 'routes.A.jobName'
            route not an object               | {"remediationEnabled":true,"routes":{"A":"restart-job"}}               | 'routes.A'
            negative maxRestarts              | {"remediationEnabled":true,"restartBudget":{"maxRestarts":-1},"routes":{}}     | 'restartBudget.maxRestarts'
            fractional windowMinutes          | {"remediationEnabled":true,"restartBudget":{"windowMinutes":1.5},"routes":{}}  | 'restartBudget.windowMinutes'
            window longer than the lookback   | {"remediationEnabled":true,"restartBudget":{"windowMinutes":20000},"routes":{}} | 'restartBudget.windowMinutes'
            unknown budget field              | {"remediationEnabled":true,"restartBudget":{"max":1},"routes":{}}      | 'restartBudget.max'
            glue route without a job name     | {"remediationEnabled":true,"routes":{"glue-job-state:":{"action":"notify-only"}}} | 'routes'
            unknown error class               | {"remediationEnabled":true,"routes":{},"errorClassActions":{"flaky":"restart-job"}} | 'errorClassActions.flaky'
            class to a validation start       | {"remediationEnabled":true,"routes":{},"errorClassActions":{"data":"start-validation-job"}} | 'errorClassActions.data'
            unknown pipeline field            | {"remediationEnabled":true,"routes":{},"pipelines":{"a":{"errorClassAction":{}}}} | 'pipelines.a.errorClassAction'
            pipeline class action not a name  | {"remediationEnabled":true,"routes":{},"pipelines":{"a":{"errorClassActions":{"code":true}}}} | 'pipelines.a.errorClassActions.code'
            insights groups not a list        | {"remediationEnabled":true,"routes":{},"jobRunInsightsLogGroups":"/aws-glue/jobs/error"} | 'jobRunInsightsLogGroups'
            """)
    void badConfigIsRefusedNamingTheField(String caseName, String json, String namedField) {
        assertThatThrownBy(() -> ResponseConfig.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RESPONSE_CONFIG")
                .hasMessageContaining(namedField);
    }

    @Test
    void nullConfigIsRefused() {
        assertThatThrownBy(() -> ResponseConfig.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }
}
