package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudWatchLogsRecordsReaderTest {

    @Test
    void readsTheCountFromTheJobsFinalLine() {
        assertThat(CloudWatchLogsRecordsReader.parseRecords("Job completed successfully. Processed 12345 records."))
                .hasValue(12345);
    }

    @Test
    void ignoresOtherLinesAndMalformedCounts() {
        assertThat(CloudWatchLogsRecordsReader.parseRecords("Job completed successfully."))
                .isEmpty();
        assertThat(CloudWatchLogsRecordsReader.parseRecords("Processed 12 records."))
                .isEmpty();
        assertThat(CloudWatchLogsRecordsReader.parseRecords(
                        "Job completed successfully. Processed 99999999999999999999999 records."))
                .isEmpty();
        assertThat(CloudWatchLogsRecordsReader.parseRecords(null)).isEmpty();
    }
}
