package com.datapipeline.monitoring.cdk.naming;

/** Numbers as a user reads them in messages and alarm descriptions: 300, not 300.0; 0.8 stays 0.8. */
public final class NumberText {
    private NumberText() {}

    public static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
