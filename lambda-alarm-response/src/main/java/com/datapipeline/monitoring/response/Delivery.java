package com.datapipeline.monitoring.response;

/**
 * One SNS record as the function received it: where it came from, SNS's id for it, and its message unread.
 *
 * @param topicArn  the topic that delivered it; null if the record had none
 * @param messageId SNS's MessageId, by which an operator finds the message again; null if the record had none
 * @param message   the raw {@code Message}; null if the record had none
 */
public record Delivery(String topicArn, String messageId, String message) {

    /** An SNS event or record that carried no message at all. */
    static final Delivery NONE = new Delivery(null, null, null);

    /** Enough of a message to recognise it in a log line; never the whole of up to 256 KB. */
    public static final int EXCERPT_LENGTH = 200;

    /** The message's first {@value #EXCERPT_LENGTH} characters with control characters as spaces; null without one. */
    public String excerpt() {
        if (message == null) {
            return null;
        }
        int end = Math.min(message.length(), EXCERPT_LENGTH);
        // Never cut a character in half: half a surrogate pair is not valid text in a JSON log line.
        if (end < message.length() && Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        StringBuilder excerpt = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = message.charAt(i);
            excerpt.append(Character.isISOControl(c) ? ' ' : c);
        }
        return excerpt.toString();
    }
}
