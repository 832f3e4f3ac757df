package hotline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP as an attacker writes it, byte by byte over a plain socket: bodies cut short, headers that never end,
 * content types no client library would send.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** What came back: the status (0 if none) and everything read. */
    public record Answer(int status, String text) {
    }

    /**
     * Sends {@code head} and {@code body} (nothing is added: the head carries its own Content-Length), then closes
     * the sending side, as a client that stopped writing, and reads what the server answers.
     *
     * @param patience only to catch a server that never answers; not a measure of speed
     */
    public static Answer send(int port, String head, byte[] body, Duration patience) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) patience.toMillis());
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException stoppedAnswering) {
            // what came so far is the answer
        }
        String text = out.toString(StandardCharsets.UTF_8);
        int status = text.matches("(?s)HTTP/1\\.[01] [0-9]{3}.*") ? Integer.parseInt(text.substring(9, 12)) : 0;
        return new Answer(status, text);
    }
}
