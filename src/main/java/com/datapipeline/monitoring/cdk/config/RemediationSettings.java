package com.datapipeline.monitoring.cdk.config;

/** How far AlarmResponseFunction may act on its own. */
public record RemediationSettings(boolean enabled, int maxRestarts, int windowMinutes) {}
