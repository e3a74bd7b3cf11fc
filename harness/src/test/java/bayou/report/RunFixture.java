package bayou.report;

import bayou.checker.CheckRun;
import bayou.history.ChronicleHistory;
import bayou.history.LogEntry;
import bayou.history.NemesisEvent;
import bayou.history.OpEvent;
import bayou.history.OpType;
import bayou.history.SnapshotEvent;
import bayou.history.WriteId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small recorded runs for the report and serve tests, checked like a real run: a valid one, one
 * that breaks read-your-writes (with a key that is markup, to prove escaping), and a large
 * synthetic one for timings.
 */
final class RunFixture {
  static final String R = "R";
  static final String S = "<5,R>";
  /** A key that would be markup if a page forgot to escape it. */
  static final String MARKUP_KEY = "<b id=\"injected\">k</b>";

  private RunFixture() {}

  /** A put, a read of it at the same server, a partition healed, a stabilize: valid. */
  static Path valid(Path dir) {
    try (ChronicleHistory h = ChronicleHistory.create(dir)) {
      servers(h);
      h.record(NemesisEvent.of("break", 0, 1, null, null));
      put(h, 1, "k", "a", 0, R, new WriteId(10, R), Map.of(R, 10L));
      get(h, 1, "k", "a", 0, R, new WriteId(10, R), Map.of(R, 10L));
      h.record(NemesisEvent.of("restore", 0, 1, null, null));
      finale(h, List.of(committed(1, 10, "k", "a")), Map.of(R, 10L));
    }
    return checked(dir);
  }

  /** A put at R, then a read at S that lacks it: read-your-writes is broken. */
  static Path invalid(Path dir) {
    try (ChronicleHistory h = ChronicleHistory.create(dir)) {
      servers(h);
      h.record(NemesisEvent.of("break", 0, 1, null, null));
      put(h, 1, MARKUP_KEY, "a", 0, R, new WriteId(10, R), Map.of(R, 10L));
      h.record(NemesisEvent.of("moveClient", 1, 1, null, null));
      get(h, 1, MARKUP_KEY, null, 1, S, null, Map.of(R, 5L, S, 6L));
      h.record(NemesisEvent.of("restore", 0, 1, null, null));
      finale(h, List.of(committed(1, 10, MARKUP_KEY, "a")), Map.of(R, 10L, S, 6L));
    }
    return checked(dir);
  }

  /** About opsCount operations by 10 clients with every outcome and faults: for timings. */
  static Path large(Path dir, int opsCount) {
    Random random = new Random(13);
    String[] outcomes = {"OK", "OK", "OK", "OK", "OK", "OK", "FAIL", "INFO"};
    try (ChronicleHistory h = ChronicleHistory.create(dir)) {
      servers(h);
      for (int i = 0; i < opsCount; i++) {
        int client = 10 + random.nextInt(10);
        if (i % 500 == 0) {
          h.record(NemesisEvent.of(i % 1000 == 0 ? "break" : "restore", 0, 1, null, null));
          h.record(snapshot(0, R, List.of(), Map.of(R, (long) i)));
        }
        OpType type = OpType.valueOf(outcomes[random.nextInt(outcomes.length)]);
        String error = type == OpType.FAIL ? (i % 2 == 0 ? "ERR_DEP" : "dropped") : null;
        h.record(OpEvent.invoke(client, "get", "k" + (i % 5), null));
        Map<String, Long> vv = campaignVector(i);
        h.record(new OpEvent(-1, -1, type, client, "get", "k" + (i % 5), "v" + i, error, 0, R,
            vv, new WriteId(STAMP_1970_MICROS + i, R), new WriteId(STAMP_1970_MICROS + i, R),
            vv, vv));
      }
      finale(h, List.of(), Map.of(R, (long) opsCount));
    }
    return dir;
  }

  /**
   * How many times over the machine's cores are busy (at least 1): timing budgets, set for an
   * idle machine, are scaled by it because the machine is shared with other builds.
   */
  static double loadPerCore() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return Math.max(1, os.getSystemLoadAverage() / os.getAvailableProcessors());
  }

  /** A stamp of late 2026 in microseconds, as real servers write them. */
  static final long STAMP_1970_MICROS = 1_796_164_820_063_768L;

  /** A version vector as large as a default campaign's: seven servers with real names. */
  private static Map<String, Long> campaignVector(int i) {
    Map<String, Long> vv = new java.util.HashMap<>();
    for (int s = 0; s < 7; s++) {
      vv.put("<" + (STAMP_1970_MICROS + s * 7_919) + ",R>", STAMP_1970_MICROS + i * 10L + s);
    }
    return vv;
  }

  private static void servers(ChronicleHistory h) {
    h.record(NemesisEvent.of("joinServer", 0, -1, R, null));
    h.record(NemesisEvent.of("joinServer", 1, -1, S, null));
    h.record(NemesisEvent.of("joinClient", 1, 0, null, null));
  }

  private static void put(ChronicleHistory h, int client, String key, String value, int server,
      String name, WriteId id, Map<String, Long> vv) {
    h.record(OpEvent.invoke(client, "put", key, value));
    h.record(new OpEvent(-1, -1, OpType.OK, client, "put", key, value, null, server, name, vv,
        id, null, Map.of(), vv));
  }

  private static void get(ChronicleHistory h, int client, String key, String value, int server,
      String name, WriteId readFrom, Map<String, Long> vv) {
    h.record(OpEvent.invoke(client, "get", key, null));
    h.record(new OpEvent(-1, -1, OpType.OK, client, "get", key, value,
        value == null ? "ERR_KEY" : null, server, name, vv, null, readFrom, vv, Map.of(),
        value == null ? 0L : 1L)); // the commit count at the reply, for the exact-read check
  }

  private static void finale(ChronicleHistory h, List<LogEntry> log, Map<String, Long> vv) {
    h.record(NemesisEvent.of("stabilizeBegin", -1, -1, null, null));
    h.record(NemesisEvent.of("stabilizeEnd", -1, -1, null, null));
    h.record(snapshot(0, R, log, vv));
    h.record(new SnapshotEvent(-1, -1, 1, S, "final", false, log, List.of(), vv));
  }

  private static SnapshotEvent snapshot(int server, String name, List<LogEntry> log,
      Map<String, Long> vv) {
    return new SnapshotEvent(-1, -1, server, name, "final", true, log, List.of(), vv);
  }

  private static LogEntry committed(long csn, long stamp, String key, String value) {
    return new LogEntry(new WriteId(stamp, R), csn, "PUT", key, value);
  }

  /** Checks the run as {@code bayou check} does, then writes its pictures. */
  private static Path checked(Path dir) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    CheckRun.run(dir, quiet, quiet);
    try {
      RunReport.write(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return dir;
  }
}
