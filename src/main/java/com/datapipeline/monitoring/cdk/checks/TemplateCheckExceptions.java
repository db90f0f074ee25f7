package com.datapipeline.monitoring.cdk.checks;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * The one way a construct excuses itself from a template check: always on the narrowest resource and
 * always with a written reason. cdk-nag reads its suppressions from the construct tree; checkov and
 * cfn-lint read theirs from the resource's template metadata. The README lists every exception.
 */
public final class TemplateCheckExceptions {
    private TemplateCheckExceptions() {}

    /** A cdk-nag (AwsSolutions) suppression; {@code appliesTo} narrows it to named findings, empty for all. */
    public static void cdkNag(IConstruct construct, String ruleId, String reason, List<String> appliesTo) {
        NagPackSuppression.Builder suppression =
                NagPackSuppression.builder().id(ruleId).reason(reason);
        if (!appliesTo.isEmpty()) {
            suppression.appliesTo(List.copyOf(appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }

    /** A checkov skip on one resource, with its reason as checkov's comment. */
    @SuppressWarnings("unchecked")
    public static void checkov(IConstruct construct, String checkId, String reason) {
        CfnResource resource = cfnResource(construct);
        Map<String, Object> checkov = (Map<String, Object>) resource.getMetadata("checkov");
        List<Object> skips = checkov == null ? new ArrayList<>() : new ArrayList<>((List<Object>) checkov.get("skip"));
        Map<String, Object> skip = new LinkedHashMap<>();
        skip.put("id", checkId);
        skip.put("comment", reason);
        skips.add(skip);
        resource.addMetadata("checkov", Map.of("skip", skips));
    }

    /** A cfn-lint rule ignored on one resource; cfn-lint's metadata has no reason field, so it is the caller's comment. */
    @SuppressWarnings("unchecked")
    public static void cfnLint(IConstruct construct, String ruleId) {
        CfnResource resource = cfnResource(construct);
        Map<String, Object> existing = (Map<String, Object>) resource.getMetadata("cfn-lint");
        List<Object> ignored = new ArrayList<>();
        if (existing != null) {
            ignored.addAll((List<Object>) ((Map<String, Object>) existing.get("config")).get("ignore_checks"));
        }
        ignored.add(ruleId);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ignore_checks", ignored);
        resource.addMetadata("cfn-lint", Map.of("config", config));
    }

    private static CfnResource cfnResource(IConstruct construct) {
        if (construct instanceof CfnResource resource) {
            return resource;
        }
        return (CfnResource) construct.getNode().getDefaultChild();
    }
}
