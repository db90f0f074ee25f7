package com.datapipeline.monitoring.cdk.functions;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * Grants a role actions on exactly the named resources, however many there are, without outgrowing IAM's limits:
 * a few go into the role's inline policy (all inline policies of a role share 10,240 characters); many go into
 * customer managed policies of at most {@value #MANAGED_POLICY_BUDGET} characters each (IAM allows 6,144, white space
 * not counted). CDK's own overflow policies do not count the ARNs as deployed and reached 7.5 K characters at 150
 * jobs, which IAM refuses at deploy time.
 */
public final class ScopedGrant {
    /** Left for the statement around the ARNs and for ARNs longer than estimated. */
    static final int MANAGED_POLICY_BUDGET = 5_000;
    /** Up to this many characters of ARNs stay inline, beside the role's other statements. */
    static final int INLINE_BUDGET = 2_500;
    /** An ARN as deployed: arn:aws-us-gov:glue:ap-southeast-2:123456789012:job/ is 52 characters before the name. */
    private static final int ARN_OVERHEAD = 60;

    private ScopedGrant() {}

    /**
     * @param names the resources' names, whose length decides how many fit a policy
     * @param arns  their ARNs (tokens), in the same order
     */
    public static void grant(
            Construct scope, String id, IRole role, List<String> actions, List<String> names, List<String> arns) {
        if (size(names) <= INLINE_BUDGET) {
            role.addToPrincipalPolicy(statement(id, actions, arns));
            return;
        }
        List<String> chunk = new ArrayList<>();
        int chunkSize = 0;
        int number = 1;
        for (int i = 0; i < arns.size(); i++) {
            int size = ARN_OVERHEAD + names.get(i).length();
            if (chunkSize + size > MANAGED_POLICY_BUDGET) {
                managedPolicy(scope, id + number++, role, actions, chunk);
                chunk = new ArrayList<>();
                chunkSize = 0;
            }
            chunk.add(arns.get(i));
            chunkSize += size;
        }
        managedPolicy(scope, id + number, role, actions, chunk);
    }

    private static void managedPolicy(Construct scope, String id, IRole role, List<String> actions, List<String> arns) {
        ManagedPolicy.Builder.create(scope, id)
                .description(id + ": " + String.join(", ", actions) + " on " + arns.size() + " named resources")
                .statements(List.of(statement(id, actions, arns)))
                .roles(List.of(role))
                .build();
    }

    private static PolicyStatement statement(String sid, List<String> actions, List<String> arns) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .actions(actions)
                .resources(List.copyOf(arns))
                .build();
    }

    private static int size(List<String> names) {
        return names.stream().mapToInt(name -> ARN_OVERHEAD + name.length()).sum();
    }
}
