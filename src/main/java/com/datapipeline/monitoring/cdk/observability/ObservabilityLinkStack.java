package com.datapipeline.monitoring.cdk.observability;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.oam.CfnLink;
import software.constructs.Construct;

/** For a source account: links it to the monitoring account's sink, sharing metrics, logs and traces. */
public final class ObservabilityLinkStack extends Stack {
    private final CfnLink link;

    public ObservabilityLinkStack(Construct scope, String id, StackProps props, String sinkArn) {
        super(scope, id, props);
        link = CfnLink.Builder.create(this, "Link")
                .labelTemplate("$AccountName")
                .resourceTypes(ObservabilitySinkStack.SHARED_RESOURCE_TYPES)
                .sinkIdentifier(sinkArn)
                .build();
    }

    public CfnLink link() {
        return link;
    }
}
