/** Recorded prompts: kept under the data directory, uploaded in the editor, served to Twilio for {@code <Play>}. */
package hotline.recordings;
