package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** `cdk destroy` must remove everything, including what CloudFormation would otherwise retain. */
class DestroyTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
    }

    @Test
    @SuppressWarnings("unchecked")
    void nothingIsRetainedOnDelete() {
        Map<String, Map<String, Object>> resources = template.toJSON().entrySet().stream()
                .filter(e -> e.getKey().equals("Resources"))
                .map(e -> (Map<String, Map<String, Object>>) e.getValue())
                .findFirst()
                .orElseThrow();
        resources.forEach((id, resource) -> assertThat(resource.get("DeletionPolicy"))
                .as("DeletionPolicy of %s", id)
                .isNotIn("Retain", "RetainExceptOnCreate", "Snapshot"));
    }

    @Test
    void stateKeepingResourcesAreExplicitlyDeleted() {
        // A bucket too: `make destroy` (tools/empty_buckets.py) empties exactly the buckets with DeletionPolicy Delete
        // before `cdk destroy`, since CloudFormation deletes only an empty bucket.
        for (String type : List.of("AWS::KMS::Key", "AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::S3::Bucket")) {
            template.findResources(type)
                    .forEach((id, resource) -> assertThat(resource.get("DeletionPolicy"))
                            .as("DeletionPolicy of %s", id)
                            .isEqualTo("Delete"));
        }
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Map.of(
                        "PendingWindowInDays",
                        7,
                        "EnableKeyRotation",
                        true,
                        "Description",
                        software.amazon.awscdk.assertions.Match.anyValue(),
                        "KeyPolicy",
                        software.amazon.awscdk.assertions.Match.anyValue()));
    }

    @Test
    void everyResourceTheLabsCleanupDeletesIsInTheStack() {
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        template.resourceCountIs("AWS::Glue::Job", 1);
        template.resourceCountIs("AWS::Glue::Database", 1);
        template.resourceCountIs("AWS::Lambda::Function", 2);
        // The alert topic, the monitoring-health topic and the remediation topic.
        template.resourceCountIs("AWS::SNS::Topic", 3);
        // The sample chain: its crawler, trigger, ruleset and output bucket go with the stack too.
        template.resourceCountIs("AWS::Glue::Crawler", 1);
        template.resourceCountIs("AWS::Glue::Trigger", 1);
        template.resourceCountIs("AWS::Glue::DataQualityRuleset", 1);
        template.resourceCountIs("AWS::S3::Bucket", 1);
        assertThat(template.findResources("AWS::CloudWatch::Alarm")).hasSize(28);
    }
}
