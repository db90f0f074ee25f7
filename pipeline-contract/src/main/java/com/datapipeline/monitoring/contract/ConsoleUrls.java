package com.datapipeline.monitoring.contract;

import java.nio.charset.StandardCharsets;

/**
 * Addresses in the AWS console that pages and alarm descriptions link to, in one form for the app (alarm
 * descriptions) and the response function (page text): the global console host, which reaches every Region's pages
 * with {@code ?region=} and is shorter than a Region's own host (a page is at most 1,023 characters).
 */
public final class ConsoleUrls {
    public static final String CONSOLE = "https://console.aws.amazon.com/";

    private ConsoleUrls() {}

    /**
     * A CloudWatch dashboard.
     *
     * @param region the dashboard's Region; null when not known (an environment-agnostic synth): the console then
     *               opens the Region the reader last used
     */
    public static String dashboard(String region, String name) {
        return CONSOLE + "cloudwatch/home" + (region == null ? "" : "?region=" + region) + "#dashboards:name="
                + pathSegment(name);
    }

    /** The console's escaping inside a queryDetail value: every byte but letters, digits, '-', '_' and '.' as *XX. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((Character.isLetterOrDigit(c) && c < 128) || c == '-' || c == '_' || c == '.') {
                escaped.append(c);
            } else {
                escaped.append('*').append(String.format("%02x", b & 0xff));
            }
        }
        return escaped.toString();
    }

    /** A name in a URL path: percent-encoded where it is not a plain letter, digit, '-', '_' or '.'. */
    public static String pathSegment(String name) {
        return escape(name).replace('*', '%');
    }
}
