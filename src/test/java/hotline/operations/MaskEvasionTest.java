package hotline.operations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The mask, attacked from both sides: numbers written so as to slip past it (other separators, URL-encoded,
 * full-width digits), and addresses it must not eat (the source of a failed sign-in is worth keeping).
 */
class MaskEvasionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "call 213/555/0199 now                     | call [number removed] now",
            "call 213_555_0199 now                     | call [number removed] now",
            "From=+1%20213%20555%200199&To=x           | From=[number removed]&To=x",
            "From=%2B1%20%28213%29%20555-0199          | From=[number removed]",
            "Body=call%20me%20at%20213%20555%200199    | Body=call%20me%20at%20[number removed]",
            "From=+1+213+555+0199                      | From=[number removed]",
            "213%2D555%2D0199                          | [number removed]",
            "２１３－５５５－０１９９                   | [number removed]",
            "＋１ （２１３） ５５５ ０１９９             | [number removed]",
            "٢١٣٥٥٥٠١٩٩                                | [number removed]",
            "call 213 / 555 / 0199                     | call [number removed]",
            "x_2135550199                              | x_[number removed]"})
    void numbersWrittenToSlipPastAreStillRemoved(String line, String masked) {
        assertEquals(masked, PhoneNumberMask.mask(line.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Failed sign-in for account 'maria' from 203.0.113.9 (4 in a row)",
            "X-Forwarded-For 198.51.100.23, 10.0.0.1",
            "listening on 192.168.100.200:8080",
            "peer 255.255.255.255 and 0.0.0.0",
            "from 2001:db8::8a2e:370:7334",
            "exported on 11/29/2026 and 2026/11/29"})
    void addressesAndDatesStay(String line) {
        assertEquals(line, PhoneNumberMask.mask(line));
    }
}
