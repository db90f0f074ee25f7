package com.datapipeline.monitoring.response;

import java.util.Objects;

/**
 * A page or a resolution as the function publishes it on a human topic: plain text, one fact a line, so that email
 * and chat read alike. SNS takes a subject of "UTF-8 text with no line breaks or control characters, and less than
 * 100 characters long" (SNS Publish); this one is printable ASCII only (anything else becomes '?', as email subject
 * lines are 7-bit) and cut to {@link #SUBJECT_LIMIT}. The body is bounded by {@link #BODY_LIMIT}, far below SNS's 256
 * KB, and long enough for every line of a page and a long error.
 */
public record PageMessage(String subject, String body) {

    /** SNS: "less than 100 characters". */
    public static final int SUBJECT_LIMIT = 99;
    /** The whole page text (the same bound as the decision line's page). */
    public static final int BODY_LIMIT = PageText.FULL_LIMIT;

    public PageMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        subject = PageText.cut(printable(subject), SUBJECT_LIMIT);
        body = PageText.cut(body, BODY_LIMIT);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else {
                out.append(c >= 0x20 && c < 0x7f ? (char) c : '?');
            }
        });
        String line = out.toString().strip();
        return line.isEmpty() ? "Pipeline page" : line;
    }
}
