package com.datapipeline.monitoring.cdk.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.AnomalyDetection;
import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The typed value readers: what each accepts from cdk.json (JSON types) and from -c (strings), and its error. */
class ValueTypesTest {

    @Test
    void numbersComeAsJsonNumbersOrAsText() {
        ValueType<Double> percent = ValueTypes.number(0, 100);
        assertThat(percent.read("k", 80)).isEqualTo(80.0);
        assertThat(percent.read("k", " 90.5 ")).isEqualTo(90.5);
        assertThat(percent.allowed()).isEqualTo("a number from 0 to 100");
        assertError(percent, "101", "context key 'k' is '101'; allowed: a number from 0 to 100");
        assertError(percent, "NaN", "context key 'k' is 'NaN'; allowed: a number from 0 to 100");
        assertError(percent, List.of(1), "context key 'k' is '[1]'; allowed: a single value");
    }

    @Test
    void wholeNumbersRefuseFractionsAfterTheRange() {
        ValueType<Integer> restarts = ValueTypes.wholeNumber(0, 100);
        assertThat(restarts.read("k", "3.0")).isEqualTo(3);
        assertError(restarts, "1.5", "context key 'k' is '1.5'; allowed: a whole number from 0 to 100");
        assertError(restarts, "-1", "context key 'k' is '-1'; allowed: a number from 0 to 100");
    }

    @Test
    void oneOfNumbersNamesItsList() {
        ValueType<Integer> days = ValueTypes.oneOfNumbers(List.of(1, 3, 5), "one of [1, 3, 5]");
        assertThat(days.read("k", 3)).isEqualTo(3);
        assertError(days, 2, "context key 'k' is '2'; allowed: one of [1, 3, 5]");
    }

    @Test
    void booleansAndEnumsIgnoreCase() {
        assertThat(ValueTypes.bool().read("k", "FALSE")).isFalse();
        assertThat(ValueTypes.bool().read("k", true)).isTrue();
        assertError(ValueTypes.bool(), "yes", "context key 'k' is 'yes'; allowed: true or false");
        ValueType<AnomalyDetection> mode = ValueTypes.oneOf(AnomalyDetection.values(), AnomalyDetection::configName);
        assertThat(mode.read("k", " Beside ")).isEqualTo(AnomalyDetection.BESIDE);
        assertError(mode, "Sometimes", "context key 'k' is 'sometimes'; allowed: off, beside or instead");
    }

    @Test
    void emailsAreTrimmedAndMayBeEmpty() {
        assertThat(ValueTypes.email().read("k", " a@example.com ")).contains("a@example.com");
        assertThat(ValueTypes.email().read("k", "")).isEmpty();
        assertError(
                ValueTypes.email(),
                "a@b",
                "context key 'k' is 'a@b'; allowed: an email address like" + " oncall@example.com, or empty for none");
    }

    @Test
    void textIsTrimmedUnlessExact() {
        Pattern word = Pattern.compile("^[a-z]+$");
        assertThat(ValueTypes.text(word, "a word").read("k", " dev ")).isEqualTo("dev");
        assertError(ValueTypes.exactText(word, "a word"), " dev", "context key 'k' is ' dev'; allowed: a word");
        ValueType<Optional<String>> optional = ValueTypes.text(word, "a word").orEmpty();
        assertThat(optional.read("k", " ")).isEmpty();
        assertThat(optional.allowed()).isEqualTo("a word, or empty");
    }

    @Test
    void listsComeAsJsonListsJsonTextOrCommaSeparatedNames() {
        ValueType<List<Object>> jobs = ValueTypes.list("job names");
        assertThat(jobs.read("k", List.of("a", Map.of("jobName", "b")))).containsExactly("a", Map.of("jobName", "b"));
        assertThat(jobs.read("k", "[\"a\", \"b\"]")).containsExactly("a", "b");
        assertThat(jobs.read("k", " a, b ")).containsExactly("a", "b");
        assertThat(jobs.read("k", "")).isEmpty();
        assertThatThrownBy(() -> jobs.read("k", "[\"a\""))
                .hasMessageStartingWith("context key 'k' is '[\"a\"'; allowed: a JSON list of job names: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesAreCheckedOneByOne() {
        ValueType<List<String>> alarms = ValueTypes.namesFrom("alarm names", List.of("A", "B"));
        assertThat(alarms.read("k", "B, A")).containsExactly("B", "A");
        assertError(
                alarms,
                "A,C",
                "context key 'k' is 'C'; allowed: alarm names from [A, B], comma-separated or a JSON list");
    }

    @Test
    void minutesMayBeEmptyOrJsonNull() {
        ValueType<OptionalInt> minutes = ValueTypes.minutesOrEmpty();
        assertThat(minutes.read("k", null)).isEmpty();
        assertThat(minutes.read("k", "")).isEmpty();
        assertThat(minutes.read("k", 60)).hasValue(60);
        assertError(
                minutes, "0", "context key 'k' is '0'; allowed: a whole number of minutes from 1 to 10080, or empty");
    }

    private static void assertError(ValueType<?> type, Object raw, String message) {
        assertThatThrownBy(() -> type.read("k", raw))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }
}
