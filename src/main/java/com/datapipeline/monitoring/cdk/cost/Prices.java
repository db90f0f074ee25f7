package com.datapipeline.monitoring.cdk.cost;

/**
 * Every price the estimate uses, in one place: us-east-1 list prices per month, without free tiers,
 * as recorded in shared/reference/aws-facts.md (check the AWS pricing pages for the day's figures).
 */
public final class Prices {
    public static final double STANDARD_ALARM = 0.10;
    public static final double HIGH_RESOLUTION_ALARM = 0.30;
    /** An anomaly-detection alarm is billed as three alarm metrics (the metric and its two band bounds). */
    public static final double ANOMALY_DETECTION_ALARM = 3 * STANDARD_ALARM;

    public static final double COMPOSITE_ALARM = 0.50;
    /** Per metric (one name and dimension set) per month, first 10,000 metrics. */
    public static final double CUSTOM_METRIC = 0.30;
    /** Per dashboard per month; the first three dashboards of an account are free. */
    public static final double DASHBOARD = 3.00;

    public static final double LOG_INGESTION_PER_GB = 0.50;
    public static final double LOG_STORAGE_PER_GB_MONTH = 0.03;
    public static final double LAMBDA_PER_MILLION_REQUESTS = 0.20;
    public static final double LAMBDA_PER_GB_SECOND = 0.0000166667;
    /** A customer managed KMS key; not in the reference sheet: AWS KMS pricing page, $1 per key per month. */
    public static final double KMS_KEY = 1.00;
    /** A Contributor Insights rule; not in the reference sheet: CloudWatch pricing page, $0.50 per rule per month
     *  (plus $0.02 per million matched log events, negligible for job state changes). */
    public static final double CONTRIBUTOR_INSIGHTS_RULE = 0.50;

    /** X-Ray traces recorded; not in the reference sheet: AWS X-Ray pricing page, $5.00 per million (first 100,000
     *  a month free). */
    public static final double XRAY_PER_MILLION_TRACES = 5.00;

    private Prices() {}
}
