package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.lambda.JsonLines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A page or a resolution as the function publishes it on a human topic: plain text, one fact a line, so that email
 * and chat read alike. SNS takes a subject of "UTF-8 text with no line breaks or control characters, and less than
 * 100 characters long" (SNS Publish); this one is printable ASCII only (anything else becomes '?', as email subject
 * lines are 7-bit) and cut to {@link #SUBJECT_LIMIT}. The body is bounded by {@link #BODY_LIMIT}, far below SNS's 256
 * KB, and long enough for every line of a page and a long error.
 *
 * <p>One message per protocol ({@link #snsMessage()}, SNS {@code MessageStructure=json}): email gets the plain text;
 * every other subscriber, AWS Chatbot (Amazon Q Developer in chat applications) among them, gets a Chatbot custom
 * notification ({@code version} "1.0", {@code source} "custom", {@code content.title} and {@code description}): Chatbot
 * renders only the notifications of AWS services it knows and custom ones, not plain text.
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

    /** The message for SNS {@code Publish} with {@code MessageStructure=json}: per protocol, the form it reads. */
    public String snsMessage() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", subject);
        content.put("description", body);
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("version", "1.0");
        custom.put("source", "custom");
        custom.put("content", content);
        Map<String, Object> perProtocol = new LinkedHashMap<>();
        perProtocol.put("default", JsonLines.format(custom));
        perProtocol.put("email", body);
        return JsonLines.format(perProtocol);
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
