package dev.csat.feedback;

import java.util.List;

/** A page of an admin table (seed 001): rows from an offset, with the tenant's and the filter's totals. */
public record TablePage(List<InboxFeedback> data, long recordsTotal, long recordsFiltered) {}
