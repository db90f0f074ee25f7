package com.datapipeline.monitoring.lambda.tracing;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The X-Ray trace header of the current invocation, such as
 * {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1}.
 *
 * @param root     the trace id
 * @param parent   the id of the segment Lambda records for this invocation, which SDK call subsegments hang under
 * @param sampled  whether X-Ray records this trace
 */
public record TraceHeader(String root, String parent, boolean sampled) {

    /** Set per invocation by Lambda's Java runtime (the environment cannot change inside a running JVM). */
    static final String RUNTIME_PROPERTY = "com.amazonaws.xray.traceHeader";

    static final String ENVIRONMENT_VARIABLE = "_X_AMZN_TRACE_ID";

    private static final Pattern TRACE_ID = Pattern.compile("1-[0-9a-f]{8}-[0-9a-f]{24}");
    private static final Pattern SEGMENT_ID = Pattern.compile("[0-9a-f]{16}");

    /** The header as Lambda's runtime passes it, or empty when there is none or it names no parent segment. */
    public static Optional<TraceHeader> current(
            UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String header = systemProperties.apply(RUNTIME_PROPERTY);
        return parse(header != null && !header.isBlank() ? header : environment.apply(ENVIRONMENT_VARIABLE));
    }

    /** Empty unless the header has a well-formed Root and Parent; fields may come in any order. */
    public static Optional<TraceHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String root = null;
        String parent = null;
        boolean sampled = false;
        for (String field : header.split(";")) {
            int equals = field.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = field.substring(0, equals).trim();
            String value = field.substring(equals + 1).trim();
            switch (key) {
                case "Root" -> root = value;
                case "Parent" -> parent = value;
                case "Sampled" -> sampled = value.equals("1");
                default -> {
                    // Lineage and other fields say nothing about where a subsegment belongs.
                }
            }
        }
        if (root == null
                || parent == null
                || !TRACE_ID.matcher(root).matches()
                || !SEGMENT_ID.matcher(parent).matches()) {
            return Optional.empty();
        }
        return Optional.of(new TraceHeader(root, parent, sampled));
    }
}
