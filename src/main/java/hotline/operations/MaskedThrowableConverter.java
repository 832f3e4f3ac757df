package hotline.operations;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %maskedError} in logback.xml: a logged exception's stack trace, with anything phone-shaped removed. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PhoneNumberMask.mask(super.convert(event));
    }
}
