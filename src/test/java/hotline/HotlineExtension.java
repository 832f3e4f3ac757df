package hotline;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * "A running hotline" and "a signed-in admin" for each test, in one place: a field {@code @Started TestHotline}
 * gets a fresh hotline before each test, started as scripts/run starts one, and closed after it; a field
 * {@code @SignedIn WebClient} gets the admin maria, signed in to it.
 */
public final class HotlineExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HotlineExtension.class);

    /** A fresh hotline for each test. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Started {
    }

    /** The admin "maria", signed in to the test's hotline. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface SignedIn {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Object test = context.getRequiredTestInstance();
        TestHotline hotline = null;
        for (Field field : fields(test.getClass())) {
            if (field.isAnnotationPresent(Started.class)) {
                hotline = TestHotline.start();
                context.getStore(NAMESPACE).put("hotline", hotline);
                set(field, test, hotline);
            }
        }
        for (Field field : fields(test.getClass())) {
            if (field.isAnnotationPresent(SignedIn.class)) {
                if (hotline == null) {
                    throw new IllegalStateException("@SignedIn needs a @Started TestHotline field in " + test.getClass());
                }
                set(field, test, hotline.signedInAdmin());
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestHotline hotline = context.getStore(NAMESPACE).remove("hotline", TestHotline.class);
        if (hotline != null) {
            hotline.close();
        }
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            fields.addAll(List.of(c.getDeclaredFields()));
        }
        return fields;
    }

    private static void set(Field field, Object test, Object value) throws IllegalAccessException {
        field.setAccessible(true);
        field.set(test, value);
    }
}
