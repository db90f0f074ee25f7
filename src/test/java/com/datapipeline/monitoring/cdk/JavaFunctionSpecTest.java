package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.functions.JavaFunction;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;

/** A function's spec names what is missing, and has no failure destination unless one is given. */
class JavaFunctionSpecTest {
    private static final Code CODE = Code.fromInline("handler");

    @Test
    void aCompleteSpecHasNoFailureDestinationUnlessGiven() {
        JavaFunction.Spec spec = complete().build();
        assertThat(spec.onFailure()).isEmpty();
        assertThat(spec.tracing()).isFalse();
        assertThat(spec.function()).isEqualTo(MonitoringFunction.METRICS);
    }

    @Test
    void aMissingSettingIsNamed() {
        assertThatThrownBy(() -> JavaFunction.Spec.builder("Fn", CODE, MonitoringFunction.METRICS)
                        .memoryMb(512)
                        .timeout(Duration.seconds(5))
                        .logRetentionDays(30)
                        .description("d")
                        .build())
                .hasMessage("JavaFunction.Spec needs configuration");
        assertThatThrownBy(() -> complete().memoryMb(0).build()).hasMessage("JavaFunction.Spec needs memoryMb above 0");
    }

    private static JavaFunction.Spec.Builder complete() {
        return JavaFunction.Spec.builder("Fn", CODE, MonitoringFunction.METRICS)
                .description("example")
                .memoryMb(512)
                .timeout(Duration.seconds(5))
                .configuration("{}")
                .logRetentionDays(30);
    }
}
