package hotline.metrics;

/** A call event as stored: its call's pseudonymous key and the minute it happened (never finer). */
record StoredEvent(String callKey, long minute, CallEvent event) {
    StoredEvent with(CallEvent changed) {
        return new StoredEvent(callKey, minute, changed);
    }
}
