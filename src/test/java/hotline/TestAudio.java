package hotline;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Recordings for tests. */
public final class TestAudio {
    private TestAudio() {
    }

    /** A real, playable WAV file: 8 kHz mono 8-bit, a quarter second, its samples different for each {@code seed}. */
    public static byte[] wav(String seed) {
        byte[] samples = new byte[2000];
        byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (byte) (128 + 40 * Math.sin(i / 4.0) + seedBytes[i % seedBytes.length] % 7);
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        header.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(8000).putShort((short) 1).putShort((short) 8);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(header.array());
        file.writeBytes(samples);
        return file.toByteArray();
    }

}
