package dev.csat.feedback;

/** The number of feedbacks matching a filter. */
record CountView(long count) {}
