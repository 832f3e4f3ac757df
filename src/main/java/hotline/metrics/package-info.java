/**
 * Anonymized call metrics. The call flow reports {@link hotline.metrics.CallEvent}s; the
 * {@link hotline.metrics.CallEventWriter} queues them without blocking the call and writes them in batches with
 * their hourly rollup; {@link hotline.metrics.CallStatistics} answers dashboards from the rollup alone.
 * No phone number, CallSid, name or location is stored, and timestamps are kept to the minute.
 */
package hotline.metrics;
