/**
 * The local call simulator ({@code scripts/simulate-call}): plays a call against a running hotline exactly as
 * Twilio would, signed, so the whole call path can be walked in a terminal, in scripts and in tests.
 */
package hotline.simulator;
