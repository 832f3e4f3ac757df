package hotline.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One hotline per data directory. Two instances on one SQLite database each keep the content they last loaded in
 * memory, so the second would go on serving an old version after the first publishes. The lock is an operating
 * system lock on {@code hotline.lock}, held for the life of the process: a crash or a kill releases it, so there
 * is never a stale lock to clean up. Commands such as {@code scripts/hotline user add} do not take it.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE_NAME = "hotline.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws ConfigException naming {@code HOTLINE_DATA_DIR} when another hotline holds it */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new DataDirLock(channel, lock);
            }
        } catch (OverlappingFileLockException heldInThisProcess) {
            // the same as another process holding it
        } catch (IOException e) {
            close(channel);
            throw new ConfigException(Config.DATA_DIR, "\"" + dataDir + "\" cannot be locked (" + file + "): " + e.getMessage());
        }
        close(channel);
        throw new ConfigException(Config.DATA_DIR, "\"" + dataDir + "\" is in use by another hotline that is running "
                + "(it holds " + file + "). Two hotlines on one database would serve different content after a publish: "
                + "stop the other one first, or give this one its own " + Config.DATA_DIR + ".");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
