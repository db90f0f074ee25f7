package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.functions.ScopedGrant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

/** Many named resources never outgrow IAM's policy sizes; a few stay in the role's own policy. */
class ScopedGrantTest {

    @Test
    void aFewResourcesStayInlineAndManySplitIntoManagedPoliciesUnderTheLimit() {
        Template few = grant(3);
        few.resourceCountIs("AWS::IAM::ManagedPolicy", 0);
        assertThat(few.findResources("AWS::IAM::Policy").toString()).contains("job-3");

        Template many = grant(500);
        Map<String, Map<String, Object>> policies = many.findResources("AWS::IAM::ManagedPolicy");
        assertThat(policies).hasSizeBetween(5, 9);
        int arns = 0;
        for (Map<String, Object> policy : policies.values()) {
            String document = policy.get("Properties").toString();
            // As deployed each ARN is about 50 characters plus the name; the template's Fn::Join is longer.
            int count = document.split(":job/", -1).length - 1;
            assertThat(count * (52 + "job-500".length())).as("deployed size").isLessThan(6_144);
            arns += count;
        }
        assertThat(arns).isEqualTo(500);
        assertThat(many.findResources("AWS::IAM::Policy").toString()).doesNotContain(":job/");
    }

    private static Template grant(int jobs) {
        Stack stack = new Stack(new App(), "Grants");
        Role role = Role.Builder.create(stack, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        List<String> names =
                IntStream.rangeClosed(1, jobs).mapToObj(i -> "job-" + i).toList();
        ScopedGrant.grant(
                stack,
                "ReadRuns",
                role,
                List.of("glue:GetJobRuns"),
                names,
                names.stream()
                        .map(name -> "arn:aws:glue:us-east-1:123456789012:job/" + name)
                        .toList());
        return Template.fromStack(stack);
    }
}
