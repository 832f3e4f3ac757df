package hotline;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A suite that takes long: a real browser, many concurrent calls, attacks that wait out timeouts. CI runs every
 * suite; a developer may leave these out while working: {@code mvn test -DexcludedGroups=slow}.
 */
@Tag("slow")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Slow {
}
