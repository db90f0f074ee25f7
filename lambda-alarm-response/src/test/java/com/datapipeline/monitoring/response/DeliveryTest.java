package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static Delivery of(String message) {
        return new Delivery(Corpus.TOPIC_ARN, "m-1", message);
    }

    @Test
    void shortMessageIsItsOwnExcerpt() {
        assertThat(of("{\"AlarmName\":\"x\"}").excerpt()).isEqualTo("{\"AlarmName\":\"x\"}");
    }

    @Test
    void excerptIsTheFirstTwoHundredCharactersOnly() {
        String message = "a".repeat(Delivery.EXCERPT_LENGTH) + "b".repeat(1000);

        assertThat(of(message).excerpt()).hasSize(200).doesNotContain("b");
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertThat(of("line one\nline two\r\ttab\u0000nul\u007fdel\u0085nel").excerpt())
                .isEqualTo("line one line two  tab nul del nel");
    }

    @Test
    void excerptNeverEndsInHalfACharacter() {
        String message = "a".repeat(Delivery.EXCERPT_LENGTH - 1) + "\uD83D\uDE00" + "tail";

        assertThat(of(message).excerpt()).isEqualTo("a".repeat(Delivery.EXCERPT_LENGTH - 1));
    }

    @Test
    void noMessageHasNoExcerpt() {
        assertThat(Delivery.NONE.excerpt()).isNull();
        assertThat(of(null).excerpt()).isNull();
    }
}
