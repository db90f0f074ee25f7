package com.datapipeline.monitoring.response;

/** What {@link NotificationParser#parse(String)} made of a message: a notification, or why it is not one. */
public sealed interface ParseResult {

    /** The message is a notification this function understands. */
    record Parsed(Notification notification) implements ParseResult {}

    /** The message is not one: not JSON, missing fields, too large, or some other kind of message. */
    record Malformed(String reason) implements ParseResult {}
}
