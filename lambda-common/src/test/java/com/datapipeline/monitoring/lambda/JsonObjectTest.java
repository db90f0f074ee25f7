package com.datapipeline.monitoring.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.lambda.JsonObject.JsonShapeException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonObjectTest {

    private static final String JSON = """
            {"name":"orders","blank":" ","count":5,"flag":true,"ratio":0.5,"nothing":null,
             "inner":{"deeper":{"x":"y"}},"items":[{"a":1},{"a":2}]}""";

    @Test
    void typedReadersReturnPresentValuesAndEmptyForAbsentOrNull() {
        JsonObject json = JsonObject.parse(JSON, "test");

        assertThat(json.requiredString("name")).isEqualTo("orders");
        assertThat(json.optionalString("nothing")).isEmpty();
        assertThat(json.optionalString("absent")).isEmpty();
        assertThat(json.optionalText("blank")).contains(" ");
        assertThat(json.optionalInt("count", 1, 10)).contains(5);
        assertThat(json.optionalBoolean("flag")).contains(true);
        assertThat(json.optionalNumber("ratio")).contains(0.5);
        assertThat(json.requiredObject("inner").requiredObject("deeper").requiredString("x"))
                .isEqualTo("y");
        assertThat(json.objectList("items")).hasSize(2);
        assertThat(json.objectList("absent")).isEmpty();
        assertThat(json.has("nothing")).isFalse();
        assertThat(json.names()).contains("name", "items");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing string      | field 'absent' is missing
            blank string        | field 'blank' must not be blank
            not a string        | field 'count' must be a string
            int out of range    | field 'count' must be between 6 and 9, was 5
            int below a minimum | field 'count' must be at least 6, was 5
            not a whole number  | field 'ratio' must be a whole number
            not a boolean       | field 'name' must be true or false
            not an object       | field 'name' must be a JSON object
            not a list          | field 'name' must be a list
            missing nested      | field 'inner.deeper.x2' is missing
            nested path         | field 'items[1].b' is missing
            """)
    void errorsNameTheFieldByItsPath(String caseName, String message) {
        JsonObject json = JsonObject.parse(JSON, "test");
        Runnable read = switch (caseName) {
            case "missing string" -> () -> json.requiredString("absent");
            case "blank string" -> () -> json.optionalString("blank");
            case "not a string" -> () -> json.optionalString("count");
            case "int out of range" -> () -> json.optionalInt("count", 6, 9);
            case "int below a minimum" -> () -> json.optionalInt("count", 6, Integer.MAX_VALUE);
            case "not a whole number" -> () -> json.optionalInt("ratio", 0, 1);
            case "not a boolean" -> () -> json.optionalBoolean("name");
            case "not an object" -> () -> json.optionalObject("name");
            case "not a list" -> () -> json.objectList("name");
            case "missing nested" ->
                () -> json.requiredObject("inner").requiredObject("deeper").requiredString("x2");
            case "nested path" -> () -> json.objectList("items").get(1).requiredString("b");
            default -> throw new AssertionError(caseName);
        };
        assertThatThrownBy(read::run).isInstanceOf(JsonShapeException.class).hasMessage(message);
    }

    @Test
    void aListElementThatIsNotAnObjectIsNamedByItsIndex() {
        assertThatThrownBy(
                        () -> JsonObject.parse("{\"items\":[{},\"x\"]}", "test").objectList("items"))
                .hasMessage("field 'items[1]' must be a JSON object");
    }

    @Test
    void stringListsAreReadAndTheirBadElementsNamedByIndex() {
        assertThat(JsonObject.parse("{\"groups\":[\"a\",\"b\"]}", "test").stringList("groups"))
                .containsExactly("a", "b");
        assertThat(JsonObject.parse("{}", "test").stringList("groups")).isEmpty();
        assertThatThrownBy(
                        () -> JsonObject.parse("{\"groups\":[\"a\",1]}", "test").stringList("groups"))
                .hasMessage("field 'groups[1]' must be a non-blank string");
        assertThatThrownBy(
                        () -> JsonObject.parse("{\"groups\":[\" \"]}", "test").stringList("groups"))
                .hasMessage("field 'groups[0]' must be a non-blank string");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPathAndTheKnownOnes() {
        JsonObject json = JsonObject.parse("{\"inner\":{\"known\":1,\"typo\":2}}", "test");

        json.refuseUnknown(Set.of("inner"));
        assertThatThrownBy(() -> json.requiredObject("inner").refuseUnknown(Set.of("known", "other")))
                .hasMessage("field 'inner.typo' is not a known setting; expected one of [known, other]");
    }

    @Test
    void malformedInputIsRefusedWithOneLine() {
        assertThatThrownBy(() -> JsonObject.parse(null, "X")).hasMessage("X is missing");
        assertThatThrownBy(() -> JsonObject.parse("[1]", "X")).hasMessage("X is not a JSON object");
        assertThatThrownBy(() -> JsonObject.parse("{} {}", "X")).hasMessage("X has content after the JSON value");
        assertThatThrownBy(() -> JsonObject.parse("{\"a\":1,\"a\":2}", "X"))
                .hasMessageStartingWith("X is not valid JSON");
        assertThatThrownBy(() -> JsonObject.parse("{\"a\":", "X"))
                .hasMessageStartingWith("X is not valid JSON: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readConfigurationStartsEveryErrorWithTheVariable() {
        String value = JsonObject.readConfiguration("X_CONFIG", "{\"a\":\"b\"}", json -> json.requiredString("a"));
        assertThat(value).isEqualTo("b");
        assertThatThrownBy(() -> JsonObject.readConfiguration("X_CONFIG", "{\"a\":{\"b\":1}}", json -> {
                    json.requiredObject("a").refuseUnknown(Set.of());
                    return null;
                }))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("X_CONFIG field 'a.b' is not a known setting; expected one of []");
        assertThatThrownBy(() -> JsonObject.readConfiguration("X_CONFIG", "nope", json -> json))
                .hasMessageStartingWith("X_CONFIG value is not valid JSON");
        assertThatThrownBy(() -> JsonObject.readConfiguration("X_CONFIG", "{}", json -> {
                    throw json.invalid("a", "is wrong");
                }))
                .hasMessage("X_CONFIG field 'a' is wrong");
    }
}
