package bayou.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleHistoryTest {
  @TempDir Path tmp;

  @Test
  void everyKindRoundTripsWithNullsAndMaps() {
    Path run = tmp.resolve("run");
    List<HistoryEvent> recorded = new ArrayList<>();
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (HistoryEvent e : TestEvents.edgeCases()) {
        recorded.add(TestEvents.record(history, e));
      }
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertEquals(recorded, read);
    for (int i = 0; i < read.size(); i++) {
      assertEquals(i, read.get(i).index());
    }
    OpEvent full = (OpEvent) read.get(3);
    assertEquals(Long.MAX_VALUE, full.vv().get("<3,0>"));
    assertEquals(Map.of(), full.writeSet());
    OpEvent bare = (OpEvent) read.get(2);
    assertEquals(null, bare.key());
    assertEquals(null, bare.vv());
    assertEquals(-1, bare.server());
  }

  @Test
  void recordAssignsIndexAndNondecreasingTime() {
    Path run = tmp.resolve("run");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      OpEvent first = history.record(OpEvent.invoke(1, "get", "k", null));
      NemesisEvent second = history.record(NemesisEvent.of("pause", 2, -1, null, null));
      assertEquals(0, first.index());
      assertEquals(1, second.index());
      assertTrue(first.timeNanos() >= 0);
      assertTrue(second.timeNanos() >= first.timeNanos());
    }
  }

  @Test
  void readsWhatIsThereWhileTheWriterIsOpen() {
    Path run = tmp.resolve("run");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      assertEquals(List.of(), HistoryReader.readAll(run), "an open, empty history reads empty");
      HistoryEvent e = history.record(OpEvent.invoke(1, "get", "k", null));
      assertEquals(List.of(e), HistoryReader.readAll(run));
      HistoryEvent f = history.record(OpEvent.invoke(2, "get", "k", null));
      assertEquals(List.of(e, f), HistoryReader.readAll(run));
    }
  }

  @Test
  void concurrentWritersKeepIndexEqualToQueueOrder() throws Exception {
    Path run = tmp.resolve("run");
    int threads = 4;
    int perThread = 5_000;
    Map<Long, HistoryEvent> returned = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perThread; i++) {
            HistoryEvent e = TestEvents.record(history, TestEvents.event(thread * perThread + i));
            returned.put(e.index(), e);
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertEquals(threads * perThread, read.size());
    long lastTime = Long.MIN_VALUE;
    for (int i = 0; i < read.size(); i++) {
      HistoryEvent e = read.get(i);
      assertEquals(i, e.index(), "queue position and index agree");
      assertEquals(returned.get((long) i), e, "read back as recorded");
      assertTrue(e.timeNanos() >= lastTime, "time never decreases along the queue");
      lastTime = e.timeNanos();
    }
  }

  @Test
  void keysBeyondTheSymbolTableRoundTrip() {
    Path run = tmp.resolve("run");
    int n = EventFormat.MAX_SYMBOLS + 1_000;
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (int i = 0; i < n; i++) {
        history.record(OpEvent.invoke(1, "get", "key-" + i, null));
      }
    }
    int[] i = {0};
    HistoryReader.forEach(run, e -> {
      assertEquals("key-" + i[0], ((OpEvent) e).key());
      assertEquals("get", ((OpEvent) e).f());
      i[0]++;
    });
    assertEquals(n, i[0]);
  }

  @Test
  void aRejectedEventTakesNoIndex() {
    Path run = tmp.resolve("run");
    Map<String, Long> withNull = new HashMap<>();
    withNull.put("s0", null);
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      history.record(OpEvent.invoke(1, "get", "k", null));
      OpEvent bad = new OpEvent(-1, -1, OpType.OK, 1, "get", "k", null, null, 0, "s0", withNull,
          null, null, null, null);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> history.record(bad));
      assertTrue(e.getMessage().contains("vv"), e.getMessage());
      assertEquals(1, history.record(OpEvent.invoke(2, "get", "k", null)).index());
    }
    assertEquals(2, HistoryReader.readAll(run).size());
  }

  @Test
  void equalLogEntriesOfDifferentSnapshotsAreSharedUnequalOnesKept() {
    Path run = tmp.resolve("run");
    LogEntry put = new LogEntry(new WriteId(1, "0"), 1, "PUT", "k", "v");
    LogEntry changed = new LogEntry(new WriteId(1, "0"), 1, "PUT", "k", "other");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (int server = 0; server < 3; server++) {
        history.record(new SnapshotEvent(-1, -1, server, "s" + server, "stabilize", false,
            List.of(put), List.of(), Map.of()));
      }
      history.record(new SnapshotEvent(-1, -1, 3, "s3", "final", false, List.of(changed),
          List.of(), Map.of()));
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    LogEntry first = ((SnapshotEvent) read.get(0)).committed().get(0);
    assertSame(first, ((SnapshotEvent) read.get(1)).committed().get(0));
    assertSame(first, ((SnapshotEvent) read.get(2)).committed().get(0));
    assertEquals(put, first);
    assertEquals(changed, ((SnapshotEvent) read.get(3)).committed().get(0));
  }

  /**
   * Snapshots are written as deltas of the same server's previous one: a log that grows, one that
   * changes in its middle (a defect), one that shrinks and another server's all read back exactly.
   */
  @Test
  void snapshotDeltasReadBackEveryLogExactly() {
    Path run = tmp.resolve("run");
    List<LogEntry> log = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      log.add(new LogEntry(new WriteId(i, "R"), i + 1, "PUT", "k" + i % 3, "v" + i));
    }
    List<LogEntry> rewritten = new ArrayList<>(log);
    rewritten.set(20, new LogEntry(new WriteId(20, "R"), 21, "DELETE", "k2", null));
    List<List<LogEntry>> logs = List.of(log.subList(0, 10), log.subList(0, 30), log,
        rewritten, log.subList(0, 5), List.of(), log);
    List<SnapshotEvent> written = new ArrayList<>();
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (List<LogEntry> committed : logs) {
        written.add(history.record(new SnapshotEvent(-1, -1, 0, "R", "periodic", true,
            committed, List.of(), Map.of("R", 50L, "<1,R>", 3L))));
        written.add(history.record(new SnapshotEvent(-1, -1, 1, "<1,R>", "periodic", false,
            log.subList(0, 7), committed, Map.of())));
      }
    }
    assertEquals(written, HistoryReader.readAll(run));
  }

  /**
   * A tentative part equal to the server's previous one is written as a flag; after a
   * retireServer, writer and reader both forget the server's bases, and what follows still
   * reads back exactly.
   */
  @Test
  void repeatedTentativePartsAndForgottenBasesReadBackExactly() {
    Path run = tmp.resolve("run");
    List<LogEntry> log = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      log.add(new LogEntry(new WriteId(i, "R"), i + 1, "PUT", "k" + i % 3, "v" + i));
    }
    List<LogEntry> tentative = List.of(new LogEntry(new WriteId(99, "<1,R>"), 0, "PUT", "k",
        "t"));
    List<HistoryEvent> written = new ArrayList<>();
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (int round = 0; round < 3; round++) {
        written.add(history.record(new SnapshotEvent(-1, -1, 1, "<1,R>", "periodic", false,
            log.subList(0, 5 + round), tentative, Map.of())));
      }
      written.add(history.record(NemesisEvent.of("retireServer", 1, -1, "<1,R>", null)));
      written.add(history.record(new SnapshotEvent(-1, -1, 1, "<1,R>", "periodic", false,
          log.subList(0, 3), tentative, Map.of())));
      written.add(history.record(new SnapshotEvent(-1, -1, 1, "<1,R>", "final", false,
          log, List.of(), Map.of())));
    }
    assertEquals(written, HistoryReader.readAll(run));
  }

  /** What each of a run's first {@code events} events takes in the queue. */
  private static long[] sizes(Path run, int events) {
    long[] bytes = new long[events];
    int[] at = {0};
    HistoryReader.forEachSized(run, (event, size) -> bytes[at[0]++] = size);
    return bytes;
  }

  /**
   * Under a long partition a server's tentative part grows by a few writes at a time while
   * commits take some off its front: each snapshot writes those few, not the whole part again.
   * Whatever else happens to the part (an insertion, a changed entry, a part unrelated to the
   * last, an empty one) still reads back exactly.
   */
  @Test
  void tentativePartsAreWrittenAsTheirChangeAndReadBackExactly() {
    Path run = tmp.resolve("run");
    List<LogEntry> pending = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      pending.add(new LogEntry(new WriteId(1_000 + i, "<1,R>"), 0, "PUT", "k" + i % 3, "t" + i));
    }
    List<List<LogEntry>> parts = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      parts.add(pending.subList(round * 10, 1_000 + round * 50)); // commits off, writes on
    }
    List<LogEntry> inserted = new ArrayList<>(parts.get(19));
    inserted.add(500, new LogEntry(new WriteId(1_500, "<2,R>"), 0, "DELETE", "k1", null));
    parts.add(inserted);
    List<LogEntry> changed = new ArrayList<>(inserted);
    changed.set(700, new LogEntry(changed.get(700).id(), 0, "PUT", "k0", "other"));
    parts.add(changed);
    parts.add(pending.subList(1_990, 2_000));
    parts.add(List.of());
    parts.add(pending.subList(0, 5));
    List<HistoryEvent> written = new ArrayList<>();
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (List<LogEntry> part : parts) {
        written.add(history.record(new SnapshotEvent(-1, -1, 1, "<1,R>", "periodic", false,
            List.of(), part, Map.of("<1,R>", 3_000L))));
      }
    }
    assertEquals(written, HistoryReader.readAll(run));
    long[] bytes = sizes(run, parts.size());
    long oneWhole = bytes[0];
    for (int round = 1; round < 20; round++) {
      assertTrue(bytes[round] < oneWhole / 10, "round " + round + " took " + bytes[round]
          + " bytes; the whole part took " + oneWhole);
    }
  }

  /**
   * A new server's log is a copy of its creator's, and the recorder extends the list it holds of
   * the creator: its first snapshot is written as a delta against the creator's last one, and
   * reads back exactly, sharing its list as written.
   */
  @Test
  void aNewServersFirstSnapshotBuildsOnAnotherServersLog() {
    Path run = tmp.resolve("run");
    List<LogEntry> log = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      log.add(new LogEntry(new WriteId(i, "R"), i + 1, "PUT", "k" + i % 3, "v" + i));
    }
    List<LogEntry> creator = SharedPrefixList.extend(List.of(), 0, log.subList(0, 2_990));
    List<LogEntry> newcomer = SharedPrefixList.extend(creator, 2_990, log.subList(2_990, 3_000));
    List<HistoryEvent> written = new ArrayList<>();
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      written.add(history.record(new SnapshotEvent(-1, -1, 0, "R", "periodic", true, creator,
          List.of(), Map.of("R", 3_000L))));
      written.add(history.record(NemesisEvent.of("joinServer", 4, -1, "<1,R>", null)));
      written.add(history.record(new SnapshotEvent(-1, -1, 4, "<1,R>", "periodic", false,
          newcomer, List.of(), Map.of("R", 3_000L))));
      written.add(history.record(new SnapshotEvent(-1, -1, 0, "R", "periodic", true,
          SharedPrefixList.extend(creator, 2_990, log), List.of(), Map.of("R", 3_000L))));
    }
    List<HistoryEvent> read = HistoryReader.readAll(run);
    assertEquals(written, read);
    long[] bytes = sizes(run, written.size());
    assertTrue(bytes[2] < bytes[0] / 50, "the newcomer's first snapshot took " + bytes[2]
        + " bytes, its creator's " + bytes[0]);
  }

  /**
   * Whole-log snapshots of a long run are large documents (here about 900 KB each, each server a
   * log of its own so no delta helps), written across the queue's 1 MB blocks. Reading such a
   * document back out of the mapped file for the digest once crashed the JVM.
   */
  @Test
  void largeSnapshotsAcrossBlocksAreWrittenAndReadBack() {
    Path run = tmp.resolve("run");
    List<SnapshotEvent> written = new ArrayList<>();
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      for (int server = 0; server < 8; server++) {
        List<LogEntry> log = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
          log.add(new LogEntry(new WriteId(i, "<" + server + ",R>"), i + 1, "PUT", "k" + i % 5,
              "http://example.com/song/" + server + "/" + i));
        }
        written.add(history.record(new SnapshotEvent(-1, -1, server, "<" + server + ",R>",
            "final", server == 0, log, List.of(), Map.of("R", 5L))));
      }
      assertEquals(64, history.digest().length());
    }
    assertEquals(written, HistoryReader.readAll(run));
  }

  @Test
  void theDigestIsAFunctionOfTheEvents() {
    String[] digests = new String[3];
    for (int run = 0; run < 3; run++) {
      try (ChronicleHistory history = ChronicleHistory.create(tmp.resolve("d" + run), () -> 7)) {
        history.record(OpEvent.invoke(1, "put", "k", "v"));
        Map<String, Long> vv = new HashMap<>();
        // insertion order differs between runs; the encoding must not
        for (String name : run == 0 ? List.of("a", "b", "c") : List.of("c", "a", "b")) {
          vv.put(name, 1L);
        }
        history.record(new SnapshotEvent(-1, -1, 0, "R", "final", true, List.of(), List.of(),
            vv));
        if (run == 2) {
          history.record(OpEvent.invoke(2, "get", "k", null));
        }
        digests[run] = history.digest();
      }
    }
    assertEquals(digests[0], digests[1]);
    assertFalse(digests[0].equals(digests[2]));
  }

  @Test
  void recordAfterCloseFails() {
    ChronicleHistory history = ChronicleHistory.create(tmp.resolve("run"));
    history.close();
    history.close();
    assertThrows(IllegalStateException.class,
        () -> history.record(OpEvent.invoke(1, "get", "k", null)));
  }

  @Test
  void createRefusesADirectoryThatHoldsAHistory() {
    Path run = tmp.resolve("run");
    ChronicleHistory.create(run).close();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChronicleHistory.create(run));
    assertTrue(e.getMessage().contains(run.toAbsolutePath().toString()), e.getMessage());
  }

  @Test
  void readingADirectoryWithoutHistoryNamesThePath() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("nothing-here"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HistoryReader.readAll(empty));
    assertTrue(e.getMessage().contains(empty.toAbsolutePath().toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertThrows(IllegalArgumentException.class,
        () -> HistoryReader.readAll(tmp.resolve("missing")));
  }

  @Test
  void theQueueDirectoryItselfIsAccepted() {
    Path run = tmp.resolve("run");
    try (ChronicleHistory history = ChronicleHistory.create(run)) {
      history.record(OpEvent.invoke(1, "get", "k", null));
    }
    assertEquals(HistoryReader.readAll(run), HistoryReader.readAll(run.resolve("queue")));
  }
}
