package dev.csat.interactions;

/** A stored interaction together with its feature's settings, as one read returns them. */
public record TrackedInteraction(Interaction interaction, PromptSettings settings) {}
