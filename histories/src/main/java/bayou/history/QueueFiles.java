package bayou.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/** Where a run's queue lives and how it is opened. */
final class QueueFiles {
  /** The queue's directory inside a run directory. */
  static final String QUEUE_DIR = "queue";

  /**
   * How much a queue file grows at a time. Chronicle's default (64 MB) made every run's file at
   * least 80 MB as ls counts it (sparse, but copied, archived and reported at that size); a run
   * records about 100 bytes per event, so 1 MB steps waste little and cost few remappings.
   */
  static final long BLOCK_BYTES = 1 << 20;

  /** Chronicle writes this table when it creates a queue, before the first event. */
  private static final String METADATA = "metadata.cq4t";

  private QueueFiles() {}

  static Path queueDir(Path runDir) {
    return runDir.resolve(QUEUE_DIR);
  }

  /** True if runDir already holds a queue (possibly still empty). */
  static boolean holdsHistory(Path runDir) {
    return Files.isRegularFile(queueDir(runDir).resolve(METADATA));
  }

  /**
   * The queue directory of a run directory that must hold a history. The queue directory itself
   * is accepted too, since users tend to pass it.
   */
  static Path existingQueueDir(Path runDir) {
    if (holdsHistory(runDir)) {
      return queueDir(runDir);
    }
    if (Files.isRegularFile(runDir.resolve(METADATA))) {
      return runDir;
    }
    throw new IllegalArgumentException("no history in " + runDir.toAbsolutePath()
        + ": expected a Chronicle Queue in " + queueDir(runDir).toAbsolutePath());
  }

  static ChronicleQueue openForWriting(Path queueDir) {
    ChronicleFlags.prepare();
    try {
      Files.createDirectories(queueDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + queueDir + ": " + e.getMessage(), e);
    }
    return SingleChronicleQueueBuilder.binary(queueDir).rollCycle(rollCycle())
        .blockSize(BLOCK_BYTES).build();
  }

  /**
   * Read-only, so a reader never changes a queue another process may still be writing, nor one
   * left behind by a killed writer.
   */
  static ChronicleQueue openForReading(Path queueDir) {
    ChronicleFlags.prepare();
    return SingleChronicleQueueBuilder.binary(queueDir).rollCycle(rollCycle()).readOnly(true)
        .build();
  }

  /**
   * One file per day: a run (minutes to hours) stays in one or two files, and the cycle holds far
   * more events than any run produces. A method, not a constant, so no Chronicle class loads
   * before {@link ChronicleFlags#prepare()} has run.
   */
  private static RollCycle rollCycle() {
    return LargeRollCycles.LARGE_DAILY;
  }
}
