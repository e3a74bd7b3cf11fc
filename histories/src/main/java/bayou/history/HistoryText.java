package bayou.history;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Histories for people: a table like Jepsen's history.txt, one line per event, and a summary.
 *
 * <pre>
 *       0        0.001  3        invoke put    song        http://a/1
 *       1        2.500  3        ok     put    song        http://a/1              s2 &lt;5,0&gt;
 *       3        3.100  4        fail   get    song        ERR_DEP                 s0 0
 *       4        4.000  nemesis  info   break 0 2 -
 *       5        4.200  4        ok     get    song        http://a/1              s0 0  commits=1
 *       6        5.000  snapshot s0 0  reason=final primary committed=1 tentative=1 vv={0=4}
 * </pre>
 */
public final class HistoryText {
  /** Lines of column names and units above the events, each starting with {@code #}. */
  public static final int HEADER_LINES = 3;

  private HistoryText() {}

  /**
   * Prints {@link #HEADER_LINES} lines of column names and units (starting with {@code #}),
   * then one line per event of the history in runDir: index, time in ms, process, type, f,
   * key, value (or error) and serving server; nemesis and snapshot events as summaries.
   *
   * @throws IllegalArgumentException if runDir holds no history
   */
  public static void show(Path runDir, PrintStream out) {
    StringBuilder line = new StringBuilder(160);
    QueueFiles.existingQueueDir(runDir); // no header above a "no history" error
    TextLines.header().forEach(out::println);
    HistoryReader.forEach(runDir, e -> {
      line.setLength(0);
      TextLines.append(line, e);
      out.println(line);
    });
    out.flush();
  }

  /** Writes what {@link #show} prints into file (UTF-8), replacing it. */
  public static void writeHistoryTxt(Path runDir, Path file) {
    QueueFiles.existingQueueDir(runDir);
    try (TxtFile txt = TxtFile.create(file)) {
      HistoryReader.forEach(runDir, txt);
    }
  }

  /**
   * history.txt written event by event, so that one reading of a queue can feed it and the
   * checkers together: what {@link #show} prints, the header first.
   */
  public static final class TxtFile implements java.util.function.Consumer<HistoryEvent>,
      AutoCloseable {
    private final Path file;
    private final PrintStream out;
    private final StringBuilder line = new StringBuilder(160);

    private TxtFile(Path file, PrintStream out) {
      this.file = file;
      this.out = out;
    }

    public static TxtFile create(Path file) {
      try {
        PrintStream out = new PrintStream(new BufferedOutputStream(Files.newOutputStream(file),
            1 << 16), false, StandardCharsets.UTF_8);
        TextLines.header().forEach(out::println);
        return new TxtFile(file, out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void accept(HistoryEvent event) {
      line.setLength(0);
      TextLines.append(line, event);
      out.println(line);
    }

    @Override
    public void close() {
      out.close();
      if (out.checkError()) {
        throw new UncheckedIOException("cannot write " + file,
            new IOException("write failed"));
      }
    }
  }

  /**
   * Prints counts by type and by f, operations completed, duration, servers and clients seen,
   * and snapshots and nemesis events by kind.
   *
   * @throws IllegalArgumentException if runDir holds no history
   */
  public static void stats(Path runDir, PrintStream out) {
    stats(runDir, 0, out);
  }

  /**
   * {@link #stats(Path, PrintStream)}, then, when {@code windowSeconds > 0}, operations and
   * queue bytes per window of that many seconds.
   */
  public static void stats(Path runDir, long windowSeconds, PrintStream out) {
    HistoryStats stats = new HistoryStats();
    HistoryWindows windows = windowSeconds > 0 ? new HistoryWindows(windowSeconds) : null;
    HistoryReader.forEachSized(runDir, (event, bytes) -> {
      stats.add(event);
      if (windows != null) {
        windows.add(event, bytes);
      }
    });
    stats.print(out);
    if (windows != null) {
      windows.print(out);
    }
    out.flush();
  }
}
