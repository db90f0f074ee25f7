package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
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
        assertThat(config.routes())
                .containsEntry("GlueJobFailureAlarm", new Route(RouteAction.RESTART_JOB, "sample-etl-job"))
                .containsEntry("GlueJobDurationAlarm", new Route(RouteAction.NOTIFY_ONLY, null))
                .containsEntry("DataQualityAlarm", new Route(RouteAction.START_VALIDATION_JOB, "sample-dq-job"))
                .containsEntry("glue-job-state:sample-etl-job", new Route(RouteAction.RESTART_JOB, "sample-etl-job"));
    }

    @Test
    void errorClassActionsDefaultToRestartingTransientFailuresOnly() {
        ResponseConfig config = ResponseConfig.parse(Corpus.CONFIG_JSON);

        assertThat(config.errorClassActions().actionFor("any-job", ErrorClass.TRANSIENT))
                .isEqualTo(RouteAction.RESTART_JOB);
        for (ErrorClass errorClass : new ErrorClass[] {
            ErrorClass.RESOURCES, ErrorClass.PERMISSIONS, ErrorClass.CODE, ErrorClass.DATA, ErrorClass.UNKNOWN
        }) {
            assertThat(config.errorClassActions().actionFor("any-job", errorClass))
                    .isEqualTo(RouteAction.NOTIFY_ONLY);
        }
        assertThat(config.insightsLogGroups()).isEmpty();
    }

    @Test
    void errorClassActionsMayBeSetForAllPipelinesAndOverriddenForOne() {
        ResponseConfig config = ResponseConfig.parse("""
                {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},
                 "errorClassActions":{"transient":"notify-only","resources":"restart-job"},
                 "pipelines":{"orders-etl":{"errorClassActions":{"transient":"restart-job"}}},
                 "jobRunInsightsLogGroups":["/aws-glue/jobs/error","/aws-glue/jobs/logs-v2"]}""");

        assertThat(config.errorClassActions().actionFor("billing-etl", ErrorClass.TRANSIENT))
                .isEqualTo(RouteAction.NOTIFY_ONLY);
        assertThat(config.errorClassActions().actionFor("billing-etl", ErrorClass.RESOURCES))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor("orders-etl", ErrorClass.TRANSIENT))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor("orders-etl", ErrorClass.RESOURCES))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor("orders-etl", ErrorClass.CODE))
                .isEqualTo(RouteAction.NOTIFY_ONLY);
        assertThat(config.insightsLogGroups()).containsExactly("/aws-glue/jobs/error", "/aws-glue/jobs/logs-v2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                          | remediation on                                                        | not valid JSON
            missing remediationEnabled        | {"routes":{}}                                                          | 'remediationEnabled'
            missing restartBudget             | {"remediationEnabled":true,"routes":{}}                                | 'restartBudget' is missing
            missing windowMinutes             | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2},"routes":{}} | 'restartBudget.windowMinutes' is missing
            remediationEnabled as a string    | {"remediationEnabled":"yes","routes":{}}                               | 'remediationEnabled'
            missing routes                    | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60}} | 'routes'
            unknown top-level field           | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},"remediationEnable":false}      | 'remediationEnable'
            unknown action                    | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{"A":{"action":"reboot"}}}         | 'routes.A.action'
            restart without jobName           | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{"A":{"action":"restart-job"}}}    | 'routes.A.jobName'
            validation with blank jobName     | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{"A":{"action":"start-validation-job","jobName":" "}}} | 'routes.A.jobName'
            route not an object               | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{"A":"restart-job"}}               | 'routes.A'
            negative maxRestarts              | {"remediationEnabled":true,"restartBudget":{"maxRestarts":-1,"windowMinutes":60},"routes":{}}     | 'restartBudget.maxRestarts'
            fractional windowMinutes          | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":1.5},"routes":{}}  | 'restartBudget.windowMinutes'
            window longer than the lookback   | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":20000},"routes":{}} | 'restartBudget.windowMinutes'
            unknown budget field              | {"remediationEnabled":true,"restartBudget":{"max":1},"routes":{}}      | 'restartBudget.max'
            glue route without a job name     | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{"glue-job-state:":{"action":"notify-only"}}} | 'routes'
            unknown error class               | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},"errorClassActions":{"flaky":"restart-job"}} | 'errorClassActions.flaky'
            class to a validation start       | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},"errorClassActions":{"data":"start-validation-job"}} | 'errorClassActions.data'
            unknown pipeline field            | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},"pipelines":{"a":{"errorClassAction":{}}}} | 'pipelines.a.errorClassAction'
            pipeline class action not a name  | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},"pipelines":{"a":{"errorClassActions":{"code":true}}}} | 'pipelines.a.errorClassActions.code'
            insights groups not a list        | {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},"routes":{},"jobRunInsightsLogGroups":"/aws-glue/jobs/error"} | 'jobRunInsightsLogGroups'
            """)
    void badConfigIsRefusedNamingTheField(String caseName, String json, String namedField) {
        assertThatThrownBy(() -> ResponseConfig.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RESPONSE_CONFIG")
                .hasMessageContaining(namedField);
    }

    @Test
    void nullConfigIsRefused() {
        assertThatThrownBy(() -> ResponseConfig.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }
}
