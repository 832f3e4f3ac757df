package hotline.web;

/** A page that only tells the reader something: an error, a refusal, a confirmation. */
public record MessagePage(Frame frame, String heading, String text) {
}
