package hotline.recordings;

import hotline.catalog.Catalog;
import hotline.db.Database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Recorded audio, kept in the database (so that every instance sharing it can play what an admin uploaded to one)
 * and copied to the data directory's {@code recordings/}, from which it is served: Twilio fetches a recording
 * during a call, and a copy at hand plays even while the database cannot be reached. A recording is named by the
 * SHA-256 of its content, so its URL cannot be guessed, the same audio is kept once, and it never changes once
 * written. Only WAV and MP3 files Twilio can play are taken, up to 5 MB. (Releases before recordings were kept in
 * the database left them as files only; those are still served.)
 */
public final class RecordingStore {
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String FILE_NAME = "[0-9a-f]{64}\\.(wav|mp3)";
    private static final Logger log = LoggerFactory.getLogger(RecordingStore.class);

    private static final Duration MISSING_FOR = Duration.ofMinutes(1);
    private static final int MOST_MISSING_REMEMBERED = 10_000;

    private final Path dir;
    private final Database database;
    private final Map<String, Long> missing = new ConcurrentHashMap<>();
    private final Semaphore lookups = new Semaphore(2);

    public RecordingStore(Path dataDir, Database database) {
        this.dir = dataDir.resolve("recordings");
        this.database = database;
    }

    /** An upload that is not a recording the hotline can play; the message says why, for the person who sent it. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Checks and keeps an uploaded recording; returns its file name. Nothing is written for a refused upload. */
    public String save(String uploadName, byte[] audio) {
        return save(uploadName, audio, audio.length);
    }

    /**
     * @param audio the upload, or its beginning when it is over the limit (it is not read further then)
     * @param size  the upload's whole size, as received
     */
    public String save(String uploadName, byte[] audio, long size) {
        String name = uploadName == null ? "" : uploadName;
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.isBlank() || hasControls(name)) {
            throw new Refused("\"" + printable(name) + "\" is not a plain file name; send the file itself, named like welcome.wav.");
        }
        if (size > MAX_BYTES) {
            throw new Refused("\"" + name + "\" is " + size(size) + "; a recording can be at most 5 MB."
                    + " A short prompt saved as mono MP3 or 8 kHz WAV is far smaller.");
        }
        String extension = name.toLowerCase(Locale.ROOT).endsWith(".wav") ? "wav" : name.toLowerCase(Locale.ROOT).endsWith(".mp3") ? "mp3" : "";
        String type = typeOf(audio);
        if (extension.isEmpty() || !extension.equals(type)) {
            throw new Refused("\"" + name + "\" is not a WAV or MP3 recording" + (type.isEmpty() ? "" : " (it looks like " + type
                    + " but is named otherwise)") + ". Twilio plays WAV and MP3; export the recording as one of them.");
        }
        String file = sha256(audio) + "." + type;
        try (Connection connection = database.connect();
             PreparedStatement keep = connection.prepareStatement(
                     "INSERT INTO recording (name, audio, saved_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            keep.setString(1, file);
            keep.setBytes(2, audio);
            keep.setLong(3, System.currentTimeMillis() / 1000);
            keep.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the recording in " + database + ": " + e.getMessage(), e);
        }
        copyHere(file, audio);
        return file;
    }

    /**
     * The path of a kept recording, copied here from the database if this instance has no copy yet; empty for a name
     * that is not one of ours, or a recording that is nowhere (or only in a database that cannot be reached now).
     */
    public Optional<Path> file(String name) {
        if (name == null || !name.matches(FILE_NAME)) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        // Anyone may ask for /audio/<name>: a name just found missing is not looked up again for a minute, and at most
        // two lookups run at once, so made-up names cannot take the connections the event writer needs.
        Long missingUntil = missing.get(name);
        if (missingUntil != null && missingUntil - System.nanoTime() > 0) {
            return Optional.empty();
        }
        try {
            if (!lookups.tryAcquire(1, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return fetch(name, file);
        } finally {
            lookups.release();
        }
    }

    /** Copies here, from the database, the recordings that {@code catalog} plays and this instance has no copy of yet. */
    public void copyAhead(Catalog catalog) {
        catalog.recordings().values().stream().flatMap(slots -> slots.values().stream()).distinct().forEach(this::file);
    }

    private Optional<Path> fetch(String name, Path file) {
        try (Connection connection = database.connect();
             PreparedStatement read = connection.prepareStatement("SELECT audio FROM recording WHERE name = ?")) {
            read.setString(1, name);
            try (ResultSet row = read.executeQuery()) {
                if (!row.next()) {
                    if (missing.size() >= MOST_MISSING_REMEMBERED) {
                        missing.clear();
                    }
                    missing.put(name, System.nanoTime() + MISSING_FOR.toNanos());
                    return Optional.empty();
                }
                copyHere(name, row.getBytes(1));
                return Optional.of(file);
            }
        } catch (SQLException | UncheckedIOException e) {
            log.warn("Could not fetch the recording {} from {}: {}", name, database, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the copy whole or not at all: a recording half written is never served. */
    private void copyHere(String name, byte[] audio) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                Path temp = Files.createTempFile(dir, "upload", ".tmp");
                Files.write(temp, audio);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the recording under " + dir, e);
        }
    }

    public boolean has(String name) {
        return file(name).isPresent();
    }

    /** Control and invisible formatting characters (a NUL, a right-to-left override): no file name needs them. */
    private static boolean hasControls(String name) {
        return name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
    }

    private static String printable(String name) {
        return name.codePoints().map(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * A size as it is, to a tenth of a megabyte ("5.9 MB"); in bytes when that would round to the limit itself, since
     * "5.0 MB; at most 5 MB" would make no sense to the person refused.
     */
    static String size(long bytes) {
        String megabytes = String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
        if (bytes > MAX_BYTES && Double.parseDouble(megabytes) * 1024 * 1024 <= MAX_BYTES) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        return megabytes + " MB";
    }

    /** "wav", "mp3", or empty, from the first bytes, whatever the file is called. */
    static String typeOf(byte[] audio) {
        if (audio.length >= 12 && audio[0] == 'R' && audio[1] == 'I' && audio[2] == 'F' && audio[3] == 'F'
                && audio[8] == 'W' && audio[9] == 'A' && audio[10] == 'V' && audio[11] == 'E') {
            return "wav";
        }
        if (audio.length >= 3 && audio[0] == 'I' && audio[1] == 'D' && audio[2] == '3') {
            return "mp3";
        }
        if (audio.length >= 2 && (audio[0] & 0xFF) == 0xFF && (audio[1] & 0xE0) == 0xE0) {
            return "mp3";
        }
        return "";
    }

    private static String sha256(byte[] audio) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(audio));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
