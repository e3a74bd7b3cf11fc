package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bayou.history.WriteId;
import bayou.protocol.RecordingEffects.Sent;
import bayou.replica.Bug;
import bayou.replica.Write;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server role and its stable storage: what each batch saves, answers to writes held until
 * the save, and a recovery that comes back with exactly what was saved. Server 0 is the root;
 * 8 and 9 are clients.
 */
class ServerRoleDiskTest {
  private static final Map<Integer, Integer> PORTS = Map.of(0, 100, 1, 101, 2, 102);
  private static final Map<String, Long> NONE = Map.of();
  private static final long CHUNK = Wire.chunkBytes(Wire.LINE_BYTES_MAX);
  private static final long LAZY = ServerRole.LAZY_SAVE_MICROS;
  private static final long BACKSTOP = ServerRole.BACKSTOP_GOSSIP_MICROS;

  private final RecordingEffects fx = new RecordingEffects();
  private final ServerRole s0 = new ServerRole(0, Set.of(), fx, CHUNK);
  private long req = 100;

  private long command(ServerRole role, long now, String cmd) {
    long number = ++req;
    role.handle(now, new Inbound.FromMaster(new Msg.Control(number, cmd, -1, null, null, null,
        cmd.equals("servers") ? PORTS : null)));
    return number;
  }

  private static void from(ServerRole role, long now, int peer, Msg msg) {
    role.handle(now, new Inbound.FromPeer(peer, msg));
  }

  private static Msg.ClientRequest put(long number, String key, String value) {
    return new Msg.ClientRequest(number, "put", key, value, NONE, NONE);
  }

  private static List<Sent> toClients(List<Sent> sent) {
    return sent.stream().filter(s -> s.peer() >= 8).toList();
  }

  private void rootAt(ServerRole role, long now) {
    command(role, now, "servers");
    command(role, now, "root");
  }

  @Test
  void theRootSavesItsStateAtOnce() {
    rootAt(s0, 1_000);
    assertEquals(List.of(Durable.state("R", true, false, Map.of("R", 0L))), fx.disk);
  }

  @Test
  void aWritesAnswerIsHeldUntilItsBatchIsSaved() {
    rootAt(s0, 1_000);
    from(s0, 2_000, 9, put(1, "k", "a"));
    from(s0, 2_000, 8, put(4, "j", "b"));
    assertEquals(List.of(), fx.takeSent(), "nothing answered before the save");
    assertEquals(1, fx.disk.size(), "nothing saved before the batch ends");
    s0.afterBatch(2_000);
    Write a = new Write(2_000, "R", Write.PUT, "k", "a", 1);
    Write b = new Write(2_001, "R", Write.PUT, "j", "b", 2);
    assertEquals(List.of(Durable.write(a), Durable.write(b), Durable.ack(9, 1, 2_000),
        Durable.ack(8, 4, 2_001), Durable.state("R", true, false, Map.of("R", 2_001L))),
        fx.disk.subList(1, fx.disk.size()), "one save for the batch: writes, answers, state");
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "ok", null, null,
        Map.of("R", 2_000L), new WriteId(2_000, "R"), null, "R")),
        new Sent(8, new Msg.ClientReply(4, "ok", null, null, Map.of("R", 2_001L),
        new WriteId(2_001, "R"), null, "R"))), toClients(fx.takeSent()));
    from(s0, 3_000, 9, put(1, "k", "a"));
    assertEquals(List.of(), fx.takeSent(), "a repeated write's answer waits for the batch too");
    s0.afterBatch(3_000);
    assertEquals(1, toClients(fx.takeSent()).size());
    assertEquals(6, fx.disk.size(), "nothing new to save");
  }

  @Test
  void aReadIsAnsweredAtOnceAndSavesNothing() {
    rootAt(s0, 1_000);
    from(s0, 2_000, 9, new Msg.ClientRequest(1, "get", "k", null, NONE, NONE));
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "ok", null, "ERR_KEY",
        Map.of("R", 0L), null, null, "R", 0L, null))), fx.takeSent());
    s0.afterBatch(2_000);
    s0.afterBatch(2_000 + BACKSTOP);
    assertEquals(1, fx.disk.size(), "a batch without changes saves nothing");
  }

  @Test
  void aDroppedWriteIsAnsweredButLeavesNoAnswerOnDisk() {
    rootAt(s0, 1_000);
    from(s0, 2_000, 9, new Msg.ClientRequest(1, "put", "k", "a", NONE, Map.of("R", 5_000L)));
    s0.afterBatch(2_000);
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "dropped", null, "dropped",
        Map.of("R", 0L), null, null, "R", 0L, null))), toClients(fx.takeSent()));
    assertEquals(1, fx.disk.size());
  }

  @Test
  void aRecoveredServerHasExactlyWhatWasSavedAndAnswersResentWritesTheSame() {
    rootAt(s0, 1_000);
    from(s0, 2_000, 9, put(1, "k", "a"));
    s0.afterBatch(2_000);
    from(s0, 2_500, 8, put(7, "k", "b"));
    s0.afterBatch(2_500);
    long before = command(s0, 2_600, "log");
    Msg.LogDump saved = ((Msg.Reply) fx.takeReplies().get(1 + 1)).log();
    RecordingEffects fxr = new RecordingEffects();
    fxr.disk.addAll(fx.disk);
    ServerRole again = new ServerRole(0, Set.of(), fxr, CHUNK);
    command(again, 10_000, "servers");
    long recover = command(again, 10_000, "recover");
    assertEquals(List.of(Msg.Reply.ok(recover - 1), new Msg.Reply(recover, true, null, "R",
        null, null, null)), fxr.takeReplies());
    long log = command(again, 10_000, "log");
    assertEquals(List.of(new Msg.Reply(log, true, null, null, null, saved, null)),
        fxr.takeReplies(), "the log as it was, " + before);
    again.afterBatch(10_000);
    assertEquals(fx.disk, fxr.disk, "recovery adds nothing to the disk");
    fxr.takeSent();
    from(again, 10_100, 9, put(1, "k", "a"));
    from(again, 10_100, 8, put(6, "k", "stale"));
    again.afterBatch(10_100);
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "ok", null, null,
        Map.of("R", 2_500L), new WriteId(2_000, "R"), null, "R"))), toClients(fxr.takeSent()),
        "the answer on disk, not a second write; an older request of client 8 is stale");
    from(again, 10_200, 8, put(8, "k", "c"));
    again.afterBatch(10_200);
    assertEquals(List.of(new Sent(8, new Msg.ClientReply(8, "ok", null, null,
        Map.of("R", 10_200L), new WriteId(10_200, "R"), null, "R"))),
        toClients(fxr.takeSent()), "a new write after the restart: a new stamp, CSN 3");
    assertEquals(Durable.write(new Write(10_200, "R", Write.PUT, "k", "c", 3)),
        fxr.disk.get(fx.disk.size()));
  }

  @Test
  void aRecoveryIsRefusedWhenThereIsNothingToRecoverOrAReplicaAlready() {
    RecordingEffects blank = new RecordingEffects();
    ServerRole empty = new ServerRole(5, Set.of(), blank, CHUNK);
    long nothing = command(empty, 1, "recover");
    assertEquals(List.of(Msg.Reply.failed(nothing,
        "server 5 cannot recover: no server state on disk")), blank.takeReplies());
    blank.disk.add(Durable.decode("{\"k\":\"q\"}"));
    long garbage = command(empty, 2, "recover");
    assertEquals(List.of(Msg.Reply.failed(garbage,
        "server 5 cannot recover: unknown record kind q")), blank.takeReplies());
    rootAt(s0, 1_000);
    fx.takeReplies();
    long twice = command(s0, 2_000, "recover");
    assertEquals(List.of(Msg.Reply.failed(twice, "server 0 has joined already")),
        fx.takeReplies());
  }

  @Test
  void aRecoveredServerCannotJoinAgain() {
    rootAt(s0, 1_000);
    RecordingEffects fxr = new RecordingEffects();
    fxr.disk.addAll(fx.disk);
    ServerRole again = new ServerRole(0, Set.of(), fxr, CHUNK);
    command(again, 2_000, "recover");
    long root = command(again, 2_000, "root");
    long recover = command(again, 2_000, "recover");
    assertEquals(List.of(Msg.Reply.failed(root, "server 0 has joined already"),
        Msg.Reply.failed(recover, "server 0 has joined already")),
        fxr.takeReplies().subList(1, 3));
  }

  /** Forget-retired re-adds a vector entry a peer lists: the state on disk follows it. */
  @Test
  void aVectorChangedWithoutAWriteIsSavedToo() {
    RecordingEffects fxf = new RecordingEffects();
    ServerRole s = new ServerRole(0, Set.of(Bug.FORGET_RETIRED), fxf, CHUNK);
    rootAt(s, 1_000);
    s.afterBatch(1_000);
    fxf.takeSent();
    Map<String, Long> relisted = Map.of("R", 0L, "<5,R>", 7L);
    from(s, 2_000, 1, new Msg.Notice(new Msg.Summary(relisted, 0)));
    from(s, 2_000, 2, new Msg.Notice(new Msg.Summary(Map.of("R", 0L), 0)));
    s.afterBatch(2_000);
    assertEquals(List.of(Durable.state("R", true, false, Map.of("R", 0L)),
        Durable.state("R", true, false, relisted)), fxf.disk);
    assertEquals(List.of(), fxf.takeSent().stream().filter(m -> m.msg() instanceof Msg.Push)
        .toList(), "server 2 lacks the entry but no write this server could send: no push");
  }

  /** The ack-before-persist defect: answers at once, records reach the disk once a second. */
  @Test
  void withAckBeforePersistAnswersGoAtOnceAndSavesLag() {
    RecordingEffects lazy = new RecordingEffects();
    ServerRole s = new ServerRole(0, Set.of(Bug.ACK_BEFORE_PERSIST), lazy, CHUNK);
    rootAt(s, 1_000);
    assertEquals(1, lazy.disk.size(), "the root's state is forced out");
    from(s, 2_000, 9, put(1, "k", "a"));
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "ok", null, null,
        Map.of("R", 2_000L), new WriteId(2_000, "R"), null, "R"))), lazy.takeSent(),
        "answered before any save");
    s.afterBatch(2_000);
    assertEquals(1, lazy.disk.size(), "buffered");
    assertEquals(1_000 + LAZY, s.wakeAt(), "the buffer's save is the next thing due");
    s.afterBatch(1_000 + LAZY - 1);
    assertEquals(1, lazy.disk.size());
    s.afterBatch(1_000 + LAZY);
    assertEquals(List.of(Durable.write(new Write(2_000, "R", Write.PUT, "k", "a", 1)),
        Durable.ack(9, 1, 2_000), Durable.state("R", true, false, Map.of("R", 2_000L))),
        lazy.disk.subList(1, lazy.disk.size()));
    assertEquals(2_000 + BACKSTOP, s.wakeAt(), "an empty buffer wakes nobody");
    s.afterBatch(1_000 + 3 * LAZY);
    assertEquals(4, lazy.disk.size(), "an empty buffer is not saved");
  }

  /** The master's log command with the count and hash of the committed prefix it holds. */
  private Msg.LogDump log(long now, int known, String hash) {
    long number = ++req;
    s0.handle(now, new Inbound.FromMaster(new Msg.Control(number, "log", known, null, hash,
        null, null)));
    List<Msg> replies = fx.takeReplies();
    assertEquals(1, replies.size());
    assertEquals(number, ((Msg.Reply) replies.get(0)).req());
    return ((Msg.Reply) replies.get(0)).log();
  }

  private static Write committed(long stamp, int csn) {
    return new Write(stamp, "R", Write.PUT, "k" + csn, "v", csn);
  }

  private static String hash(List<Write> log, int n) {
    return Long.toString(bayou.replica.LogDigest.committedHash(log, n));
  }

  @Test
  void aLogStartsAfterThePrefixTheAskerProvesItHolds() {
    rootAt(s0, 1_000);
    for (int csn = 1; csn <= 6; csn++) {
      from(s0, 2_000 + csn, 9, put(csn, "k" + csn, "v"));
    }
    fx.takeReplies();
    List<Write> all = List.of(committed(2_001, 1), committed(2_002, 2), committed(2_003, 3),
        committed(2_004, 4), committed(2_005, 5), committed(2_006, 6));
    Map<String, Long> vv = Map.of("R", 2_006L);
    assertEquals(new Msg.LogDump("R", true, all.subList(2, 6), List.of(), vv, 0, 1, 2),
        log(3_000, 2, hash(all, 2)));
    assertEquals(new Msg.LogDump("R", true, all, List.of(), vv),
        log(3_000, 2, hash(all, 3)), "a prefix it does not hold: the whole log");
    assertEquals(new Msg.LogDump("R", true, all, List.of(), vv),
        log(3_000, 2, null), "no hash, no proof");
    assertEquals(new Msg.LogDump("R", true, List.of(), List.of(), vv, 0, 1, 6),
        log(3_000, 6, hash(all, 6)), "it holds all");
    assertEquals(new Msg.LogDump("R", true, all, List.of(), vv),
        log(3_000, 7, hash(all, 6)), "more than there is");
    assertEquals(new Msg.LogDump("R", true, all.subList(4, 6), List.of(), vv, 0, 1, 4),
        log(3_000, 4, hash(all, 4)), "a prefix other than the last one shown");
    assertEquals(new Msg.LogDump("R", true, all.subList(3, 6), List.of(), vv, 0, 1, 3),
        log(3_000, 3, hash(all, 3)));
  }

  @Test
  void aLogAskedForAfterTheLastOneShownStartsWhereThatEnded() {
    rootAt(s0, 1_000);
    fx.takeReplies();
    from(s0, 2_001, 9, put(1, "k1", "v"));
    from(s0, 2_002, 9, put(2, "k2", "v"));
    List<Write> two = List.of(committed(2_001, 1), committed(2_002, 2));
    assertEquals(two, log(3_000, 0, null).committed());
    from(s0, 3_001, 9, put(3, "k3", "v"));
    assertEquals(new Msg.LogDump("R", true, List.of(committed(3_001, 3)), List.of(),
        Map.of("R", 3_001L), 0, 1, 2), log(4_000, 2, hash(two, 2)));
  }

  @Test
  void aLogShownIsOnDiskAndItsWritesAnswered() {
    rootAt(s0, 1_000);
    fx.takeReplies();
    from(s0, 2_000, 9, put(1, "k", "a"));
    Write a = new Write(2_000, "R", Write.PUT, "k", "a", 1);
    assertEquals(List.of(a), log(2_000, 0, null).committed());
    assertEquals(Durable.write(a), fx.disk.get(1), "saved before it is shown");
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "ok", null, null,
        Map.of("R", 2_000L), new WriteId(2_000, "R"), null, "R"))), fx.takeSent(),
        "and its answer released with the save");
  }

  @Test
  void aCreatedServerSavesWhatItStartsWithAtOnce() {
    rootAt(s0, 1_000);
    RecordingEffects fx1 = new RecordingEffects();
    ServerRole s1 = new ServerRole(1, Set.of(), fx1, CHUNK);
    command(s1, 2_000, "servers");
    long join = ++req;
    s1.handle(2_000, new Inbound.FromMaster(new Msg.Control(join, "join", 0, null, null, null,
        null)));
    from(s0, 2_000, 1, fx1.takeSent().get(0).msg());
    from(s1, 2_000, 0, fx.takeSent().get(0).msg());
    String name = "<2000,R>";
    assertEquals(List.of(Durable.write(new Write(2_000, "R", Write.CREATE, name, null, 1)),
        Durable.state(name, false, false, Map.of("R", 2_000L, name, 2_000L))), fx1.disk);
  }
}
