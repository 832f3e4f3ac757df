/**
 * The call path. Twilio posts to {@link hotline.voice.VoiceRoutes}; {@link hotline.voice.VoiceController} checks
 * nothing but parses, asks {@link hotline.voice.CallFlow} (a pure function of catalog, step, input and time) and
 * renders TwiML. Call state lives in the step URLs ({@link hotline.voice.StepUrls}), signed by Twilio and verified
 * by {@link hotline.voice.TwilioSignatureCheck} before any handler runs.
 */
package hotline.voice;
