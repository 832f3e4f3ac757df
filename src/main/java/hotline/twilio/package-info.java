/**
 * Going live on a Twilio number from the command line, through the Twilio Java SDK's REST client:
 * {@code scripts/hotline twilio connect} shows, then makes in one update, the settings that point a number at this
 * hotline (voice URL, status callback, the fallback that answers when this server cannot); {@code scripts/hotline
 * twilio check} reads the number back and says, line by line, what is right and what is not, and whether the hotline
 * answers at its public address. Credentials come from the environment only. {@code TWILIO_API_BASE_URL} sends the
 * SDK's requests to a stand-in of Twilio's API, for tests.
 */
package hotline.twilio;
