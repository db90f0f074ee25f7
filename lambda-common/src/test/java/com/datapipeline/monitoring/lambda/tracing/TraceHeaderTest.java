package com.datapipeline.monitoring.lambda.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceHeaderTest {
    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";

    @Test
    void readsRootParentAndSampledInAnyOrder() {
        assertThat(TraceHeader.parse("Root=" + ROOT + ";Parent=53995c3f42cd8ad8;Sampled=1"))
                .contains(new TraceHeader(ROOT, "53995c3f42cd8ad8", true));
        assertThat(TraceHeader.parse("Sampled=0;Lineage=a87bd80c:1;Parent=53995c3f42cd8ad8;Root=" + ROOT))
                .contains(new TraceHeader(ROOT, "53995c3f42cd8ad8", false));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Root=" + ROOT + ";Sampled=1",
                "Parent=53995c3f42cd8ad8;Sampled=1",
                "Root=1-xyz;Parent=53995c3f42cd8ad8;Sampled=1",
                "Root=" + ROOT + ";Parent=53995c3f;Sampled=1",
                "garbage"
            })
    void withoutAWellFormedRootAndParentThereIsNothingToHangASubsegmentUnder(String header) {
        assertThat(TraceHeader.parse(header)).isEmpty();
    }

    @Test
    void theRuntimesPerInvocationPropertyWinsOverTheEnvironment() {
        String fromProperty = "Root=" + ROOT + ";Parent=1111111111111111;Sampled=1";
        String fromEnvironment = "Root=" + ROOT + ";Parent=2222222222222222;Sampled=1";
        Map<String, String> properties = Map.of(TraceHeader.RUNTIME_PROPERTY, fromProperty);
        Map<String, String> environment = Map.of(TraceHeader.ENVIRONMENT_VARIABLE, fromEnvironment);

        assertThat(TraceHeader.current(properties::get, environment::get)
                        .orElseThrow()
                        .parent())
                .isEqualTo("1111111111111111");
        assertThat(TraceHeader.current(Map.<String, String>of()::get, environment::get)
                        .orElseThrow()
                        .parent())
                .isEqualTo("2222222222222222");
        assertThat(TraceHeader.current(Map.<String, String>of()::get, Map.<String, String>of()::get))
                .isEmpty();
    }
}
