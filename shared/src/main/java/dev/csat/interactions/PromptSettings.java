package dev.csat.interactions;

/** The feature's settings that decide whether to prompt. */
public record PromptSettings(
    int interactionThreshold, int rejectionThreshold, int cooldownDays, boolean enabled) {}
