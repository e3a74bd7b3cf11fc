package bayou.history;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends N realistic events through {@link ChronicleHistory}, reads them back through
 * {@link HistoryReader}, and prints appends/s, reads/s and bytes per event on disk; then times a
 * JSON lines export (to a byte counter, not a file).
 *
 * <p>Usage: {@code HistoryBenchmark [events (default 1000000)] [dir (default: a temp dir,
 * deleted afterwards)]}. A warm-up run of the same size comes first so the JIT has compiled the
 * paths.
 */
public final class HistoryBenchmark {
  private static final int SERVERS = 5;
  private static final int TEMPLATES = 4096;
  /**
   * The benchmark thread's CPU time, reported beside wall time: on a machine shared with other
   * builds, wall time mostly measures the neighbours.
   */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private HistoryBenchmark() {}

  public static void main(String[] args) throws IOException {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path base = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("history-bench");
    boolean deleteAfter = args.length <= 1;
    List<OpEvent> templates = templates();
    try {
      // A full-size warm-up: with a shorter one C2 had not finished with the append path.
      run(base.resolve("warmup"), events, templates, false);
      run(base.resolve("run"), events, templates, true);
    } finally {
      if (deleteAfter) {
        FileTrees.delete(base);
      }
    }
  }

  private static void run(Path runDir, int events, List<OpEvent> templates, boolean print) {
    long c0 = CPU.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    try (ChronicleHistory history = ChronicleHistory.create(runDir)) {
      for (int i = 0; i < events; i++) {
        history.record(templates.get(i % TEMPLATES));
      }
    }
    long t1 = System.nanoTime();
    long c1 = CPU.getCurrentThreadCpuTime();
    long[] seen = new long[2];
    HistoryReader.forEach(runDir, e -> {
      seen[0]++;
      seen[1] += e.index();
    });
    long t2 = System.nanoTime();
    long c2 = CPU.getCurrentThreadCpuTime();
    if (seen[0] != events || seen[1] != (long) events * (events - 1) / 2) {
      throw new IllegalStateException("read back " + seen[0] + " events, wrote " + events);
    }
    CountingStream json = new CountingStream();
    HistoryJson.export(runDir, json);
    long t3 = System.nanoTime();
    if (print) {
      long bytes = bytesUsed(runDir);
      System.out.printf(Locale.ROOT, "events           %,d%n", events);
      System.out.printf(Locale.ROOT, "appends/s        %,.0f  (%.3f s; %,.0f per CPU-second)%n",
          events / seconds(t1 - t0), seconds(t1 - t0), events / seconds(c1 - c0));
      System.out.printf(Locale.ROOT, "reads/s          %,.0f  (%.3f s; %,.0f per CPU-second)%n",
          events / seconds(t2 - t1), seconds(t2 - t1), events / seconds(c2 - c1));
      System.out.printf(Locale.ROOT, "bytes/event      %.1f  (%,d bytes of queue file used)%n",
          (double) bytes / events, bytes);
      System.out.printf(Locale.ROOT, "jsonl export/s   %,.0f  (%.3f s, %.1f bytes/event)%n",
          events / seconds(t3 - t2), seconds(t3 - t2), (double) json.count / events);
    }
  }

  /** Counts what export writes, so export is timed without a disk in the way. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /**
   * Bytes of the cycle file in use: the end of the last document. That counts the file header,
   * Chronicle's 4-byte document headers and its index, but not the sparse, untouched tail of the
   * preallocated file.
   */
  private static long bytesUsed(Path runDir) {
    try (ChronicleQueue queue = QueueFiles.openForReading(QueueFiles.existingQueueDir(runDir));
        ExcerptTailer tailer = queue.createTailer()) {
      tailer.moveToIndex(queue.lastIndex());
      try (DocumentContext dc = tailer.readingDocument()) {
        return dc.wire().bytes().readLimit();
      }
    }
  }

  /**
   * A mix like a course run's: every operation an invoke then an ok; puts carry a write id, gets
   * the write they read from; every completion the server's version vector and the client's
   * read and write sets over five servers.
   */
  private static List<OpEvent> templates() {
    List<String> servers = new ArrayList<>();
    servers.add("0");
    for (int s = 1; s < SERVERS; s++) {
      servers.add("<" + (s * 7) + "," + servers.get(s - 1) + ">");
    }
    List<OpEvent> events = new ArrayList<>(TEMPLATES);
    for (int i = 0; events.size() < TEMPLATES; i++) {
      int process = i % 16;
      int server = i % SERVERS;
      String f = i % 2 == 0 ? "put" : i % 5 == 0 ? "delete" : "get";
      String key = "song-" + (i % 100);
      String url = "http://music.example/" + key + "/v" + i;
      String value = f.equals("delete") ? null : url;
      events.add(OpEvent.invoke(process, f, key, f.equals("put") ? url : null));
      WriteId id = new WriteId(1000L + i, servers.get(server));
      events.add(new OpEvent(-1, -1, OpType.OK, process, f, key, value, null, server,
          servers.get(server), vector(servers, i), f.equals("get") ? null : id,
          f.equals("get") ? id : null, vector(servers, i / 2), vector(servers, i / 3)));
    }
    return events;
  }

  private static Map<String, Long> vector(List<String> servers, int i) {
    Map<String, Long> vv = new LinkedHashMap<>();
    for (int s = 0; s < servers.size(); s++) {
      vv.put(servers.get(s), 1000L + i + s * 31L);
    }
    return vv;
  }
}
