package hotline.operations;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedMessage} in logback.xml: the log message with anything phone-shaped removed. */
public final class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PhoneNumberMask.mask(super.convert(event));
    }
}
