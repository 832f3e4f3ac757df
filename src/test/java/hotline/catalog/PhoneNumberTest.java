package hotline.catalog;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberTest {
    @Test
    void validNumbersAreExactlyE164() {
        assertTrue(PhoneNumber.isValidE164("+18883737888"));
        assertTrue(PhoneNumber.isValidE164("+525512345678"));
        for (String bad : new String[]{"18883737888", "+1 888 373 7888", "+1888373788", "+188837378889", "+11234567890", "", null}) {
            assertFalse(PhoneNumber.isValidE164(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumber("(888) 373-7888"));
    }

    @Test
    void numbersAreShownAsPeopleWriteThemAndSpokenDigitByDigit() {
        PhoneNumber nhtrc = new PhoneNumber("+18883737888");
        assertEquals("(888) 373-7888", nhtrc.formatted());
        assertEquals("8 8 8, 3 7 3, 7 8 8 8", nhtrc.spokenDigits());
        PhoneNumber mexico = new PhoneNumber("+525512345678");
        assertEquals("+52 55 1234 5678", mexico.formatted());
        assertEquals("5 2, 5 5, 1 2 3 4, 5 6 7 8", mexico.spokenDigits());
    }
}
