package com.datapipeline.monitoring.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void writesOneLineWithFieldsInTheMapsOrderAndNullsIncluded() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("level", "INFO");
        fields.put("event", "e");
        fields.put("jobRunId", null);
        fields.put("count", 3L);
        fields.put("ok", true);
        fields.put("items", List.of("a\nb"));

        assertThat(JsonLines.format(fields))
                .isEqualTo("{\"level\":\"INFO\",\"event\":\"e\",\"jobRunId\":null,\"count\":3,\"ok\":true,"
                        + "\"items\":[\"a\\nb\"]}")
                .doesNotContain("\n");
    }

    @Test
    void nestedMapsKeepTheirOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", 2);

        assertThat(JsonLines.format(Map.of("inner", inner))).isEqualTo("{\"inner\":{\"z\":1,\"a\":2}}");
    }
}
