package com.datapipeline.monitoring.response;

/** A CloudWatch alarm's state, as in {@code NewStateValue}. */
public enum AlarmState {
    ALARM,
    OK,
    INSUFFICIENT_DATA
}
