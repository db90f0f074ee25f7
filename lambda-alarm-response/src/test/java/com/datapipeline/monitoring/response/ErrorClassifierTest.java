package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.response.ErrorClassifier.Classification;
import com.datapipeline.monitoring.response.ErrorClassifier.Evidence;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorClassifierTest {

    /** One row of glue-error-texts.json. */
    record Row(String errorClass, String evidence, String text, String source) {
        @Override
        public String toString() {
            return errorClass + " <- " + evidence + ": " + (text.length() > 70 ? text.substring(0, 70) + "..." : text);
        }

        Evidence asEvidence() {
            return switch (evidence) {
                case "errorMessage" -> Evidence.ofMessage(text);
                case "rootCause" -> new Evidence("Command Failed with Exit Code 1", List.of(text), Set.of());
                case "category" -> new Evidence("", List.of(), Set.of(text));
                default -> throw new IllegalArgumentException("unknown evidence kind " + evidence);
            };
        }
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = ErrorClassifierTest.class.getResourceAsStream("/error-classes/glue-error-texts.json")) {
            Map<String, Object> root = JSON.std.mapFrom(in);
            return ((List<?>) root.get("rows"))
                    .stream()
                            .map(item -> (Map<?, ?>) item)
                            .map(row -> new Row(
                                    (String) row.get("class"),
                                    (String) row.get("evidence"),
                                    (String) row.get("text"),
                                    (String) row.get("source")))
                            .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void realGlueErrorTextGetsItsClass(Row row) {
        Classification classification = ErrorClassifier.classify(row.asEvidence());

        assertThat(classification.errorClass().configName())
                .as(classification.basis())
                .isEqualTo(row.errorClass());
    }

    @Test
    void everyClassHasRowsAndEveryRowCitesAnHttpsSource() throws IOException {
        List<Row> rows = rows();

        assertThat(rows).allSatisfy(row -> assertThat(row.source()).startsWith("https://"));
        assertThat(rows.stream().collect(Collectors.groupingBy(Row::errorClass, Collectors.counting())))
                .containsOnlyKeys(Arrays.stream(ErrorClass.values())
                        .map(ErrorClass::configName)
                        .toList())
                .allSatisfy((errorClass, count) -> assertThat(count).isGreaterThanOrEqualTo(3));
    }

    @Test
    void lostExecutorIsTransientUnlessYarnKilledItForMemory() {
        assertThat(ErrorClassifier.classify(
                                Evidence.ofMessage(
                                        "ExecutorLostFailure (executor 7 exited unrelated to the running tasks) Reason: Executor heartbeat timed out"))
                        .errorClass())
                .isEqualTo(ErrorClass.TRANSIENT);
        assertThat(ErrorClassifier.classify(Evidence.ofMessage(
                                "ExecutorLostFailure (executor 4 exited caused by one of the running tasks) Reason: Container killed by"
                                        + " YARN for exceeding memory limits."))
                        .errorClass())
                .isEqualTo(ErrorClass.RESOURCES);
    }

    @Test
    void accessErrorWrappedInAPythonTracebackIsPermissions() {
        Classification classification = ErrorClassifier.classify(Evidence.ofMessage("Traceback (most recent call last):"
                + " File \"/tmp/job.py\", line 40, in <module> ... botocore.exceptions.ClientError: An error occurred"
                + " (AccessDeniedException) when calling the GetTable operation"));

        assertThat(classification.errorClass()).isEqualTo(ErrorClass.PERMISSIONS);
        assertThat(classification.basis()).isEqualTo("'AccessDenied' in the run's error message");
    }

    @Test
    void rootCauseOfJobRunInsightsWinsOverTheVagueErrorMessage() {
        Classification classification = ErrorClassifier.classify(new Evidence(
                "An error occurred while calling o111.collectToPython. Traceback (most recent call last):",
                List.of("ModuleNotFoundError: No module named 'tensorflow'"),
                Set.of()));

        assertThat(classification.errorClass()).isEqualTo(ErrorClass.CODE);
        assertThat(classification.basis()).isEqualTo("'ModuleNotFoundError' in the job run insights root cause");
    }

    @Test
    void textRulesComeBeforeTheErrorCategory() {
        // QUERY_ERROR has no class of its own; the text says the input lacks a column.
        assertThat(ErrorClassifier.classify(Evidence.ofMessage("Error Category: QUERY_ERROR; AnalysisException:"
                                + " cannot resolve 'order_total' given input columns: [order_id, total]"))
                        .errorClass())
                .isEqualTo(ErrorClass.DATA);
        // A permission category with a text that matches nothing known.
        Classification byCategory = ErrorClassifier.classify(
                Evidence.ofMessage("Error Category: PERMISSION_ERROR; Failed Line Number: 3; something went wrong"));
        assertThat(byCategory.errorClass()).isEqualTo(ErrorClass.PERMISSIONS);
        assertThat(byCategory.basis()).isEqualTo("Glue error category PERMISSION_ERROR");
    }

    @Test
    void nothingKnownIsUnknownAndSaysWhetherThereWasText() {
        assertThat(ErrorClassifier.classify(Evidence.ofMessage("The job went sideways")))
                .isEqualTo(new Classification(ErrorClass.UNKNOWN, "no known error text"));
        assertThat(ErrorClassifier.classify(Evidence.ofMessage(null)))
                .isEqualTo(new Classification(ErrorClass.UNKNOWN, "Glue reported no error text"));
        assertThat(ErrorClassifier.classify(new Evidence("", List.of(), Set.of("UNCLASSIFIED_SPARK_ERROR")))
                        .errorClass())
                .isEqualTo(ErrorClass.UNKNOWN);
    }

    @Test
    void onlyTransientFailuresAreRestartedByDefault() {
        assertThat(Stream.of(ErrorClass.values()).filter(c -> c.defaultAction() == RouteAction.RESTART_JOB))
                .containsExactly(ErrorClass.TRANSIENT);
        assertThat(ErrorClass.fromConfigName("permissions")).contains(ErrorClass.PERMISSIONS);
        assertThat(ErrorClass.fromConfigName("PERMISSIONS")).isEmpty();
    }
}
