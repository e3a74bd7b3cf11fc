package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.WriteId;
import bayou.protocol.RecordingEffects.Sent;
import bayou.replica.Replica;
import bayou.replica.Write;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server role as a pure state machine: commands and peer messages go in by hand with their
 * local time, and each test checks the exact messages and replies that come out. Server 0 is the
 * root (the primary); server 1 is created at it where a test needs a real peer; 2 is a peer
 * known only by its id; 9 is a client.
 */
class ServerRoleTest {
  private static final Map<Integer, Integer> PORTS = Map.of(0, 100, 1, 101, 2, 102);
  private static final Map<String, Long> NONE = Map.of();
  private static final Msg.Summary EMPTY_ROOT = new Msg.Summary(Map.of("R", 0L), 0);
  private static final long BACKSTOP = ServerRole.BACKSTOP_GOSSIP_MICROS;
  private static final long RESEND = ServerRole.RESEND_MICROS;
  private static final long PULL_TIMEOUT = ServerRole.PULL_TIMEOUT_MICROS;
  private static final long CHUNK = bayou.wire.Wire.chunkBytes(bayou.wire.Wire.LINE_BYTES_MAX);

  private final RecordingEffects fx0 = new RecordingEffects();
  private final ServerRole s0 = new ServerRole(0, Set.of(), fx0, CHUNK);
  private final RecordingEffects fx1 = new RecordingEffects();
  private final ServerRole s1 = new ServerRole(1, Set.of(), fx1, CHUNK);
  private long req = 100;

  @BeforeEach
  void rootWithThreePeers() {
    command(s0, 1_000, "servers", -1, PORTS);
    command(s0, 1_000, "root", -1, null);
    assertEquals(List.of(Msg.Reply.ok(101), new Msg.Reply(102, true, null, "R", null, null,
        null)), fx0.takeReplies());
  }

  private long command(ServerRole role, long now, String cmd, int a, Map<Integer, Integer> ports) {
    long number = ++req;
    role.handle(now, new Inbound.FromMaster(new Msg.Control(number, cmd, a, null, null, null,
        ports)));
    return number;
  }

  private static void from(ServerRole role, long now, int peer, Msg msg) {
    role.handle(now, new Inbound.FromPeer(peer, msg));
  }

  /** Hands every message {@code fx} sent to {@code peer} to that peer's role, as from {@code id}. */
  private static void deliver(RecordingEffects fx, int id, ServerRole peer, int peerId,
      long now) {
    for (Sent sent : fx.takeSent()) {
      if (sent.peer() == peerId) {
        from(peer, now, id, sent.msg());
      }
    }
  }

  private static List<Sent> to(List<Sent> sent, int peer) {
    return sent.stream().filter(s -> s.peer() == peer).toList();
  }

  private static Msg.ClientRequest put(long number, String key, String value) {
    return new Msg.ClientRequest(number, "put", key, value, NONE, NONE);
  }

  /** Server 1 created at server 0 by the join exchange; both flushed. */
  private String joinS1(long now) {
    command(s1, now, "servers", -1, PORTS);
    long join = command(s1, now, "join", 0, null);
    deliver(fx1, 1, s0, 0, now);
    deliver(fx0, 0, s1, 1, now);
    Msg.Reply reply = (Msg.Reply) fx1.replies.get(fx1.replies.size() - 1);
    assertEquals(join, reply.req());
    fx1.takeReplies();
    s0.afterBatch(now);
    s1.afterBatch(now);
    fx0.takeSent();
    fx1.takeSent();
    return reply.name();
  }

  @Test
  void everyCommandIsAnsweredWithItsRequestNumber() {
    long clients = command(s0, 2_000, "clients", -1, Map.of(9, 109));
    long block = command(s0, 2_000, "block", 1, null);
    long unblock = command(s0, 2_000, "unblock", 1, null);
    assertEquals(List.of(new Sent(1, new Msg.Notice(EMPTY_ROOT))), fx0.takeSent(),
        "what was pushed across the broken link may be lost: say what is held");
    long pause = command(s0, 2_000, "pause", -1, null);
    long unblockPaused = command(s0, 2_000, "unblock", 1, null);
    assertEquals(List.of(), fx0.takeSent(), "a paused server says nothing");
    long start = command(s0, 2_000, "start", -1, null);
    long watch = command(s0, 2_000, "watch", 1, null);
    long unwatch = command(s0, 2_000, "watch", 0, null);
    long forget = command(s0, 2_000, "forget", 2, null);
    long bogus = command(s0, 2_000, "bogus", -1, null);
    assertEquals(List.of(Msg.Reply.ok(clients), Msg.Reply.ok(block), Msg.Reply.ok(unblock),
        Msg.Reply.ok(pause), Msg.Reply.ok(unblockPaused), Msg.Reply.ok(start),
        Msg.Reply.ok(watch), Msg.Reply.ok(unwatch), Msg.Reply.ok(forget),
        Msg.Reply.failed(bogus, "unknown command bogus")), fx0.takeReplies());
    assertEquals(List.of(PORTS, Map.of(9, 109)), fx0.learned);
    assertEquals(List.of(2), fx0.forgotten);
    assertFalse(fx0.stopped);
    long exit = command(s0, 2_000, "exit", -1, null);
    assertEquals(List.of(Msg.Reply.ok(exit)), fx0.takeReplies());
    assertTrue(fx0.stopped);
  }

  @Test
  void digestAndLogDescribeTheReplica() {
    from(s0, 2_000, 9, put(1, "k", "v"));
    long digest = command(s0, 3_000, "digest", -1, null);
    long log = command(s0, 3_000, "log", -1, null);
    Replica same = Replica.root(Set.of());
    Write write = same.write(Write.PUT, "k", "v", NONE, NONE, 2_000);
    Msg.Digest expected = new Msg.Digest(0, 1, 0, same.digest().hash(), true);
    assertEquals(List.of(new Msg.Reply(digest, true, null, null, expected, null, null),
        new Msg.Reply(log, true, null, null, null, new Msg.LogDump("R", true, List.of(write),
            List.of(), Map.of("R", 2_000L)), null)), fx0.takeReplies());
    RecordingEffects fx = new RecordingEffects();
    ServerRole blank = new ServerRole(5, Set.of(), fx, CHUNK);
    long blankDigest = command(blank, 1, "digest", -1, null);
    long blankLog = command(blank, 1, "log", -1, null);
    assertEquals(List.of(new Msg.Reply(blankDigest, true, null, null, null, null, null),
        new Msg.Reply(blankLog, true, null, null, null, null, null)), fx.replies);
  }

  @Test
  void theFirstBatchTellsEveryPeerWhatIsHeldAndArmsTheBackstop() {
    assertEquals(Long.MIN_VALUE, s0.wakeAt(), "the backstop is due at once");
    s0.afterBatch(5_000);
    Msg.Notice notice = new Msg.Notice(EMPTY_ROOT);
    assertEquals(List.of(new Sent(1, notice), new Sent(2, notice), new Sent(1, notice),
        new Sent(2, notice)), fx0.takeSent(), "unknown peers get a notice; then the backstop");
    assertEquals(5_000 + BACKSTOP, s0.wakeAt());
    s0.afterBatch(5_000 + BACKSTOP - 1);
    assertEquals(List.of(), fx0.takeSent(), "nothing changed and the backstop is not due");
    s0.afterBatch(5_000 + BACKSTOP);
    assertEquals(List.of(new Sent(1, notice), new Sent(2, notice)), fx0.takeSent());
    assertEquals(5_000 + 2 * BACKSTOP, s0.wakeAt());
  }

  @Test
  void aChangeIsPushedToEachKnownPeerOnTopOfWhatItWasLastSent() {
    s0.afterBatch(5_000);
    fx0.takeSent();
    from(s0, 6_000, 1, new Msg.Notice(EMPTY_ROOT));
    s0.afterBatch(6_000);
    assertEquals(List.of(), fx0.takeSent(), "server 1 holds all there is");
    from(s0, 7_000, 9, put(1, "k", "a"));
    Msg.ClientReply accepted = new Msg.ClientReply(1, "ok", null, null, Map.of("R", 7_000L),
        new WriteId(7_000, "R"), null, "R");
    assertEquals(List.of(), fx0.takeSent(), "the answer waits for the batch's save");
    s0.afterBatch(7_000);
    Write a = new Write(7_000, "R", Write.PUT, "k", "a", 1);
    Msg.Summary afterA = new Msg.Summary(Map.of("R", 7_000L), 1);
    assertEquals(List.of(new Sent(9, accepted), new Sent(1, new Msg.Push(0, EMPTY_ROOT,
        List.of(a), List.of(), afterA, List.of(1))), new Sent(2, new Msg.Notice(afterA))),
        fx0.takeSent());
    from(s0, 8_000, 9, put(2, "k", "b"));
    fx0.takeSent();
    s0.afterBatch(8_000);
    Write b = new Write(8_000, "R", Write.PUT, "k", "b", 2);
    Msg.Summary afterB = new Msg.Summary(Map.of("R", 8_000L), 2);
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(2, "ok", null, null,
        Map.of("R", 8_000L), new WriteId(8_000, "R"), null, "R")), new Sent(1, new Msg.Push(0, afterA, List.of(b), List.of(), afterB,
        List.of(1))), new Sent(2, new Msg.Notice(afterB))), fx0.takeSent(),
        "the second push assumes the first arrived");
  }

  @Test
  void aPushThatCouldNotBeSentIsNotAssumedDelivered() {
    s0.afterBatch(5_000);
    from(s0, 6_000, 1, new Msg.Notice(EMPTY_ROOT));
    fx0.down.add(1);
    from(s0, 7_000, 9, put(1, "k", "a"));
    s0.afterBatch(7_000);
    fx0.down.clear();
    from(s0, 8_000, 9, put(2, "k", "b"));
    fx0.takeSent();
    s0.afterBatch(8_000);
    List<Sent> toOne = to(fx0.takeSent(), 1);
    assertEquals(1, toOne.size());
    Msg.Push push = (Msg.Push) toOne.get(0).msg();
    assertEquals(EMPTY_ROOT, push.base());
    assertEquals(2, push.committed().size(), "both writes, the first was never sent");
  }

  @Test
  void blockedAndForgottenPeersGetNothingAndAreNotHeard() {
    s0.afterBatch(5_000);
    fx0.takeSent();
    command(s0, 6_000, "block", 1, null);
    command(s0, 6_000, "forget", 2, null);
    from(s0, 6_000, 1, new Msg.Pull(0, EMPTY_ROOT));
    from(s0, 6_000, 9, put(1, "k", "a"));
    s0.afterBatch(6_000);
    s0.afterBatch(6_000 + BACKSTOP);
    assertEquals(List.of(9), fx0.takeSent().stream().map(Sent::peer).toList(),
        "only the client's answer");
  }

  @Test
  void aPeerHeardToLackSomethingIsPushedToWithoutAChange() {
    from(s0, 2_000, 9, put(1, "k", "a"));
    s0.afterBatch(2_000);
    fx0.takeSent();
    from(s0, 3_000, 1, new Msg.Notice(EMPTY_ROOT));
    assertEquals(List.of(), fx0.takeSent(), "the root lacks nothing: no pull");
    s0.afterBatch(3_000);
    Write a = new Write(2_000, "R", Write.PUT, "k", "a", 1);
    Msg.Summary mine = new Msg.Summary(Map.of("R", 2_000L), 1);
    assertEquals(List.of(new Sent(1, new Msg.Push(0, EMPTY_ROOT, List.of(a), List.of(), mine,
        List.of(1))), new Sent(2, new Msg.Notice(mine))), fx0.takeSent());
    s0.afterBatch(4_000);
    assertEquals(List.of(), fx0.takeSent(), "told once");
  }

  @Test
  void aNoticeOfMoreIsPulledOnceAtATimeAndAgainWhenThePullExpires() {
    s0.afterBatch(1_000); // the backstop is next due at 1_000 + BACKSTOP
    fx0.takeSent();
    Msg.Summary more = new Msg.Summary(Map.of("R", 0L, "<5,R>", 7L), 0);
    from(s0, 2_000, 1, new Msg.Notice(more));
    Msg.Pull pull = new Msg.Pull(0, EMPTY_ROOT);
    assertEquals(List.of(new Sent(1, pull)), fx0.takeSent());
    assertEquals(2_000 + PULL_TIMEOUT, s0.wakeAt());
    from(s0, 3_000, 1, new Msg.Notice(more));
    assertEquals(List.of(), fx0.takeSent(), "one pull outstanding per peer");
    s0.afterBatch(2_000 + PULL_TIMEOUT - 1);
    assertEquals(List.of(), fx0.takeSent());
    s0.afterBatch(2_000 + PULL_TIMEOUT);
    assertEquals(List.of(new Sent(1, pull)), fx0.takeSent(), "expired: the wish stands");
    s0.afterBatch(2_000 + 2 * PULL_TIMEOUT);
    assertTrue(fx0.takeSent().stream().noneMatch(s -> s.msg() instanceof Msg.Pull),
        "no wish left: an expiry frees the peer only");
  }

  @Test
  void aPauseForgetsThePullsInFlightAndTheWishes() {
    s0.afterBatch(1_000);
    Msg.Summary more = new Msg.Summary(Map.of("R", 0L, "<5,R>", 7L), 0);
    from(s0, 2_000, 1, new Msg.Notice(more));
    from(s0, 2_100, 1, new Msg.Notice(more));
    fx0.takeSent();
    command(s0, 2_200, "pause", -1, null);
    assertEquals(Long.MAX_VALUE, s0.wakeAt(), "no wait and no backstop while paused");
    command(s0, 2_300, "start", -1, null);
    s0.afterBatch(2_300);
    fx0.takeSent();
    from(s0, 2_400, 1, new Msg.Push(0, EMPTY_ROOT, List.of(), List.of(), more, List.of()));
    assertTrue(fx0.takeSent().stream().noneMatch(s -> s.msg() instanceof Msg.Pull),
        "the wish before the pause is gone");
  }

  @Test
  void theAnswerToAPullAppliesItsWritesAndAStandingWishPullsAgain() {
    s0.afterBatch(1_000);
    Msg.Summary more = new Msg.Summary(Map.of("R", 0L, "<5,R>", 7L), 0);
    from(s0, 2_000, 1, new Msg.Notice(more));
    from(s0, 2_100, 1, new Msg.Notice(more));
    fx0.takeSent();
    Write x = new Write(7, "<5,R>", Write.PUT, "k", "x", 0);
    from(s0, 2_500, 1, new Msg.Push(0, EMPTY_ROOT, List.of(), List.of(x), more, List.of()));
    Msg.Summary now = new Msg.Summary(Map.of("R", 0L, "<5,R>", 7L), 1);
    assertEquals(List.of(new Sent(1, new Msg.Pull(0, now))), fx0.takeSent(),
        "answered: the second wish is sent now");
    assertEquals(2_500 + PULL_TIMEOUT, s0.wakeAt(), "the first wait is over");
    command(s0, 2_600, "log", -1, null);
    Msg.LogDump dump = ((Msg.Reply) fx0.takeReplies().get(0)).log();
    assertEquals(List.of(x.id()), dump.committed().stream().map(Write::id).toList(),
        "the primary commits what it receives");
  }

  @Test
  void aPushOnAWrongGuessIsRefusedWithANotice() {
    s0.afterBatch(1_000);
    fx0.takeSent();
    Msg.Summary wrongBase = new Msg.Summary(Map.of("R", 0L, "<5,R>", 7L), 0);
    Write x = new Write(9, "<5,R>", Write.PUT, "k", "x", 0);
    from(s0, 2_000, 1, new Msg.Push(0, wrongBase, List.of(), List.of(x), wrongBase,
        List.of()));
    assertEquals(List.of(new Sent(1, new Msg.Notice(EMPTY_ROOT))), fx0.takeSent());
    command(s0, 2_000, "log", -1, null);
    assertEquals(List.of(), ((Msg.Reply) fx0.takeReplies().get(0)).log().committed());
  }

  @Test
  void aPullIsAnsweredWithWhatThePeerLacksAndThePeerIsAssumedToHoldIt() {
    from(s0, 2_000, 9, put(1, "k", "a"));
    s0.afterBatch(2_000);
    fx0.takeSent();
    from(s0, 3_000, 1, new Msg.Pull(0, EMPTY_ROOT));
    Write a = new Write(2_000, "R", Write.PUT, "k", "a", 1);
    Msg.Summary mine = new Msg.Summary(Map.of("R", 2_000L), 1);
    assertEquals(List.of(new Sent(1, new Msg.Push(0, EMPTY_ROOT, List.of(a), List.of(), mine,
        List.of()))), fx0.takeSent());
    from(s0, 4_000, 9, put(2, "k", "b"));
    fx0.takeSent();
    s0.afterBatch(4_000);
    Msg.Push next = (Msg.Push) to(fx0.takeSent(), 1).get(0).msg();
    assertEquals(mine, next.base(), "pushed on top of the answer to its pull");
  }

  @Test
  void aPausedServerAnswersOnlySyncsAndStartSaysWhatIsHeld() {
    s0.afterBatch(1_000);
    fx0.takeSent();
    command(s0, 2_000, "pause", -1, null);
    Msg.Summary more = new Msg.Summary(Map.of("R", 0L, "<5,R>", 7L), 0);
    from(s0, 2_000, 1, new Msg.Notice(more));
    from(s0, 2_000, 1, new Msg.Pull(0, EMPTY_ROOT));
    Write x = new Write(7, "<5,R>", Write.PUT, "k", "x", 0);
    from(s0, 2_000, 1, new Msg.Push(0, EMPTY_ROOT, List.of(), List.of(x), more, List.of()));
    from(s0, 2_000, 9, put(1, "k", "a")); // a paused server still serves its clients
    s0.afterBatch(2_000); // once the batch is saved
    assertEquals(List.of(9), fx0.takeSent().stream().map(Sent::peer).toList());
    s0.afterBatch(1_000 + BACKSTOP);
    assertEquals(List.of(), fx0.takeSent(), "no gossip while paused");
    assertEquals(Long.MAX_VALUE, s0.wakeAt());
    from(s0, 2_100, 1, new Msg.Pull(7, EMPTY_ROOT));
    Msg.Summary mine = new Msg.Summary(Map.of("R", 2_000L), 1);
    Write a = new Write(2_000, "R", Write.PUT, "k", "a", 1);
    assertEquals(List.of(new Sent(1, new Msg.Push(7, EMPTY_ROOT, List.of(a), List.of(), mine,
        List.of()))), fx0.takeSent(), "a sync is answered even while paused");
    command(s0, 3_000_000, "start", -1, null);
    assertEquals(3_000_000, s0.wakeAt(), "pushes were dropped while paused: notices at once");
    s0.afterBatch(3_000_000);
    List<Sent> sent = fx0.takeSent();
    assertTrue(sent.contains(new Sent(2, new Msg.Notice(mine))), sent.toString());
    assertEquals(3_000_000 + BACKSTOP, s0.wakeAt());
  }

  @Test
  void aWatchedServerReportsItsDigestAfterEachChangedBatch() {
    command(s0, 1_000, "watch", 1, null);
    assertEquals(1_000, s0.wakeAt(), "a watch asks for fresh notices at once");
    fx0.takeReplies();
    s0.afterBatch(1_000);
    Replica same = Replica.root(Set.of());
    Msg.Digest digest = new Msg.Digest(0, 0, 0, same.digest().hash(), true);
    assertEquals(List.of(new Msg.Reply(0, true, null, null, digest, null, null)),
        fx0.takeReplies());
    s0.afterBatch(1_500);
    assertEquals(List.of(), fx0.takeReplies(), "nothing changed");
    command(s0, 1_600, "watch", 0, null);
    fx0.takeReplies();
    from(s0, 2_000, 9, put(1, "k", "a"));
    s0.afterBatch(2_000);
    assertEquals(List.of(), fx0.takeReplies(), "no longer watched");
  }

  @Test
  void clientRequestsAreAnsweredOnceEachAndAgainWhenRepeated() {
    from(s0, 2_000, 9, put(1, "k", "a"));
    Msg.ClientReply putReply = new Msg.ClientReply(1, "ok", null, null, Map.of("R", 2_000L),
        new WriteId(2_000, "R"), null, "R");
    s0.afterBatch(2_000); // a write is answered once its batch is saved
    assertEquals(List.of(new Sent(9, putReply)), to(fx0.takeSent(), 9));
    from(s0, 2_100, 9, put(1, "k", "a"));
    s0.afterBatch(2_100);
    assertEquals(List.of(new Sent(9, putReply)), to(fx0.takeSent(), 9), "the same request again");
    from(s0, 2_200, 9, new Msg.ClientRequest(2, "get", "k", null, NONE, Map.of("R", 2_000L)));
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(2, "ok", "a", null,
        Map.of("R", 2_000L), null, new WriteId(2_000, "R"), "R", 1L, null))), fx0.takeSent());
    from(s0, 2_300, 9, new Msg.ClientRequest(3, "delete", "k", null, NONE, NONE));
    fx0.takeSent();
    s0.afterBatch(2_300);
    fx0.takeSent();
    from(s0, 2_400, 9, put(2, "k", "late"));
    s0.afterBatch(2_400);
    assertEquals(List.of(), to(fx0.takeSent(), 9), "an older request is stale: no answer");
    from(s0, 2_500, 9, new Msg.ClientRequest(4, "get", "k", null, Map.of("R", 9_999L), NONE));
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(4, "ERR_DEP", null, "ERR_DEP",
        Map.of("R", 2_300L), null, null, "R", 2L, null))), fx0.takeSent());
    from(s0, 2_600, 9, new Msg.ClientRequest(5, "get", "k", null, NONE, NONE));
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(5, "ok", null, "ERR_KEY",
        Map.of("R", 2_300L), null, new WriteId(2_300, "R"), "R", 2L, null))), fx0.takeSent());
  }

  @Test
  void aCreationIsAnsweredOnceAndARepeatedRequestGetsTheSameAnswer() {
    command(s1, 1_000, "servers", -1, PORTS);
    fx1.takeReplies();
    long join = command(s1, 1_000, "join", 0, null);
    assertEquals(List.of(new Sent(0, new Msg.CreateRequest(join))), fx1.sent);
    assertEquals(1_000 + RESEND, s1.wakeAt());
    s1.afterBatch(1_000 + RESEND - 1);
    assertEquals(1, fx1.sent.size());
    s1.afterBatch(1_000 + RESEND);
    assertEquals(List.of(new Sent(0, new Msg.CreateRequest(join)),
        new Sent(0, new Msg.CreateRequest(join))), fx1.takeSent(), "sent again, unanswered");
    from(s0, 2_000, 1, new Msg.CreateRequest(join));
    from(s0, 2_100, 1, new Msg.CreateRequest(join));
    List<Sent> answers = fx0.takeSent();
    assertEquals(2, answers.size());
    assertEquals(answers.get(0), answers.get(1), "the same server, not a second one");
    Msg.CreateReply created = (Msg.CreateReply) answers.get(0).msg();
    assertEquals("<2000,R>", created.name());
    from(s1, 2_200, 0, created);
    from(s1, 2_300, 0, created);
    assertEquals(List.of(new Msg.Reply(join, true, null, "<2000,R>", null, null, null)),
        fx1.takeReplies(), "answered once");
    s1.afterBatch(1_000 + 3 * RESEND);
    assertTrue(fx1.takeSent().stream().noneMatch(s -> s.msg() instanceof Msg.CreateRequest));
    long again = command(s1, 3_000, "join", 0, null);
    assertEquals(List.of(Msg.Reply.failed(again, "server 1 has joined already")),
        fx1.takeReplies());
  }

  @Test
  void aJoinWithAnUnreachableCreatorFails() {
    fx1.down.add(0);
    long join = command(s1, 1_000, "join", 0, null);
    assertEquals(List.of(Msg.Reply.failed(join, "creator 0 unreachable")), fx1.replies);
    long retry = command(s1, 1_000, "join", 0, null);
    assertEquals(Msg.Reply.failed(retry, "server 1 has joined already"), fx1.replies.get(1),
        "a creation already asked for stays asked for");
  }

  @Test
  void aSyncIsAnsweredWhenThePeersWritesAreInAndSentAgainUntilThen() {
    joinS1(2_000);
    from(s0, 3_000, 9, put(1, "k", "a"));
    fx0.takeSent();
    long sync = command(s1, 3_000, "sync", 0, null);
    Msg.Pull pull = (Msg.Pull) fx1.sent.get(0).msg();
    assertEquals(new Sent(0, new Msg.Pull(sync, pull.have())), fx1.sent.get(0));
    assertEquals(List.of(), fx1.replies, "not answered yet");
    s1.afterBatch(3_000 + RESEND);
    List<Sent> resent = fx1.takeSent().stream().filter(s -> s.msg() instanceof Msg.Pull)
        .toList();
    assertEquals(List.of(new Sent(0, pull), new Sent(0, pull)), resent);
    from(s0, 3_400, 1, pull);
    Msg.Push answer = (Msg.Push) fx0.takeSent().get(0).msg();
    assertEquals(sync, answer.sync());
    from(s1, 3_500, 0, answer);
    assertEquals(List.of(Msg.Reply.ok(sync)), fx1.takeReplies());
    s1.afterBatch(3_000 + 3 * RESEND);
    assertTrue(fx1.takeSent().stream().noneMatch(s -> s.msg() instanceof Msg.Pull),
        "answered: not sent again");
    command(s1, 4_000, "log", -1, null);
    Msg.LogDump log = ((Msg.Reply) fx1.takeReplies().get(0)).log();
    assertEquals(2, log.committed().size(), "the CREATE and the put");
  }

  @Test
  void aSyncThatCannotHappenIsAnsweredAtOnce() {
    joinS1(2_000);
    command(s1, 3_000, "block", 0, null);
    long blocked = command(s1, 3_000, "sync", 0, null);
    command(s1, 3_000, "unblock", 0, null);
    command(s1, 3_000, "pause", -1, null);
    long paused = command(s1, 3_000, "sync", 0, null);
    command(s1, 3_000, "start", -1, null);
    fx1.down.add(0);
    long unreachable = command(s1, 3_000, "sync", 0, null);
    List<Msg> replies = fx1.takeReplies();
    assertTrue(replies.contains(Msg.Reply.ok(blocked)), replies.toString());
    assertTrue(replies.contains(Msg.Reply.ok(paused)), replies.toString());
    assertTrue(replies.contains(Msg.Reply.failed(unreachable, "server 0 unreachable")),
        replies.toString());
    assertTrue(fx1.takeSent().stream().noneMatch(s -> s.msg() instanceof Msg.Pull));
    fx1.down.clear();
    s1.afterBatch(3_000 + RESEND);
    assertTrue(fx1.takeSent().stream().noneMatch(s -> s.msg() instanceof Msg.Pull),
        "nothing awaited, nothing sent again");
  }

  @Test
  void aSyncAwaitedAcrossABlockIsSentAgainOnceUnblocked() {
    joinS1(2_000);
    command(s1, 3_000, "sync", 0, null);
    Msg.Pull pull = (Msg.Pull) fx1.takeSent().get(0).msg();
    command(s1, 3_100, "block", 0, null);
    s1.afterBatch(3_000 + RESEND);
    assertEquals(List.of(), fx1.takeSent());
    command(s1, 3_200, "unblock", 0, null);
    fx1.takeSent();
    s1.afterBatch(3_000 + 2 * RESEND);
    assertEquals(List.of(new Sent(0, pull)), fx1.takeSent());
  }

  @Test
  void aRetirementHandsTheLogToTheHeirUntilItIsAcknowledged() {
    String name = joinS1(2_000);
    long retire = command(s1, 3_000, "retire", 0, null);
    Msg.Handoff handoff = (Msg.Handoff) fx1.sent.get(0).msg();
    assertEquals(retire, handoff.req());
    assertFalse(handoff.primary());
    Write last = handoff.tentative().get(handoff.tentative().size() - 1);
    assertEquals(new Write(3_000, name, Write.RETIRE, name, null, 0), last);
    assertEquals(List.of(), fx1.replies, "not before the heir has it");
    s1.afterBatch(3_000);
    assertEquals(List.of(new Sent(0, handoff)), fx1.takeSent(), "no gossip from a retiree");
    s1.afterBatch(3_000 + RESEND);
    assertEquals(List.of(new Sent(0, handoff)), fx1.takeSent(), "sent again");
    from(s0, 3_500, 1, handoff);
    from(s0, 3_600, 1, handoff);
    assertEquals(List.of(new Sent(1, new Msg.HandoffAck(retire)),
        new Sent(1, new Msg.HandoffAck(retire))), fx0.takeSent());
    from(s1, 3_700, 0, new Msg.HandoffAck(retire));
    from(s1, 3_800, 0, new Msg.HandoffAck(retire));
    assertEquals(List.of(new Msg.Reply(retire, true, null, name, null, null, null)),
        fx1.takeReplies(), "answered once");
    s1.afterBatch(3_000 + 3 * RESEND);
    assertEquals(List.of(), fx1.takeSent());
    assertEquals(Long.MAX_VALUE, s1.wakeAt());
    from(s1, 4_000, 0, new Msg.Notice(new Msg.Summary(Map.of("R", 9_000L), 5)));
    from(s1, 4_000, 0, new Msg.Pull(0, EMPTY_ROOT));
    from(s1, 4_000, 9, put(1, "k", "a"));
    s1.afterBatch(4_000);
    assertEquals(List.of(new Sent(9, new Msg.ClientReply(1, "dropped", null, "dropped",
        Map.of("R", 2_000L, name, 3_000L), null, null, name, 1L, null))), fx1.takeSent(),
        "a retiree pulls nothing, answers no pull and drops client writes");
    command(s0, 4_000, "log", -1, null);
    Msg.LogDump log = ((Msg.Reply) fx0.takeReplies().get(0)).log();
    assertFalse(log.vv().containsKey(name), "the primary committed the RETIRE");
  }

  @Test
  void aRetiringPrimaryHandsOverTheRole() {
    joinS1(2_000);
    from(s1, 2_500, 9, put(1, "k", "a"));
    s1.afterBatch(2_500);
    fx1.takeSent();
    long retire = command(s0, 3_000, "retire", 1, null);
    Msg.Handoff handoff = (Msg.Handoff) fx0.takeSent().get(0).msg();
    assertTrue(handoff.primary());
    from(s1, 3_100, 0, handoff);
    s1.afterBatch(3_100);
    from(s0, 3_200, 1, fx1.takeSent().stream().map(Sent::msg)
        .filter(m -> m instanceof Msg.HandoffAck).findFirst().orElseThrow());
    assertEquals(List.of(new Msg.Reply(retire, true, null, "R", null, null, null)),
        fx0.takeReplies());
    command(s1, 3_300, "digest", -1, null);
    Msg.Digest digest = ((Msg.Reply) fx1.takeReplies().get(0)).digest();
    assertTrue(digest.primary());
    assertEquals(0, digest.tentative(), "the new primary committed what it held");
  }

  /**
   * A 30-minute soak: a primary's retirement was reported failed (its heir was not reachable
   * yet), its hand-off was resent and arrived, and the heir became primary while the retiree
   * still committed what reached it: two primaries gave CSN 133128 to different writes. A
   * retiring primary gives up the role as it writes its RETIRE.
   */
  @Test
  void aRetiringPrimaryCommitsNothingAfterItsRetire() {
    String name1 = joinS1(2_000);
    fx0.down.add(1);
    long retire = command(s0, 3_000, "retire", 1, null);
    assertEquals(List.of(Msg.Reply.failed(retire, "heir 1 unreachable")), fx0.takeReplies());
    command(s0, 3_100, "digest", -1, null);
    Msg.Digest before = ((Msg.Reply) fx0.takeReplies().get(0)).digest();
    assertFalse(before.primary(), "the role goes with the hand-off");
    Write late = new Write(3_050, name1, Write.PUT, "k", "late", 0);
    from(s0, 3_200, 1, new Msg.Push(0, new Msg.Summary(Map.of("R", 3_000L, name1, 3_050L), 0),
        List.of(), List.of(late), EMPTY_ROOT, List.of()));
    command(s0, 3_300, "digest", -1, null);
    Msg.Digest after = ((Msg.Reply) fx0.takeReplies().get(0)).digest();
    assertEquals(before.committed(), after.committed(), "nothing committed after the RETIRE");
  }

  /**
   * A hand-off is a whole log: sent again at doubling intervals (capped), not every
   * {@code RESEND}, so a heir slow to read one copy is not sent a pile of them.
   */
  @Test
  void anUnconfirmedHandOffIsSentAgainAtDoublingIntervals() {
    joinS1(2_000);
    long retire = command(s0, 3_000, "retire", 1, null);
    assertEquals(1, handoffsTo1(fx0.takeSent()));
    List<Long> resentAt = new java.util.ArrayList<>();
    for (long t = 3_000; t <= 3_000 + 40 * ServerRole.MAX_LOG_RESEND_MICROS; t += RESEND / 3) {
      s0.afterBatch(t);
      if (handoffsTo1(fx0.takeSent()) > 0) {
        resentAt.add(t - 3_000);
      }
    }
    assertTrue(resentAt.size() > 3, "sent again while unconfirmed: " + resentAt);
    for (int i = 1; i < resentAt.size(); i++) {
      long gap = resentAt.get(i) - resentAt.get(i - 1);
      long earlier = i == 1 ? resentAt.get(0) : resentAt.get(i - 1) - resentAt.get(i - 2);
      assertTrue(gap >= Math.min(2 * earlier, ServerRole.MAX_LOG_RESEND_MICROS) - RESEND,
          "intervals double up to the cap: " + resentAt);
      assertTrue(gap <= ServerRole.MAX_LOG_RESEND_MICROS + RESEND, "capped: " + resentAt);
    }
    from(s0, 50_000_000, 1, new Msg.HandoffAck(retire));
    assertEquals(retire, ((Msg.Reply) fx0.takeReplies().get(0)).req());
    s0.afterBatch(50_000_000 + 2 * ServerRole.MAX_LOG_RESEND_MICROS);
    assertEquals(0, handoffsTo1(fx0.takeSent()), "confirmed: not sent again");
  }

  private static long handoffsTo1(List<Sent> sent) {
    return to(sent, 1).stream().filter(s -> s.msg() instanceof Msg.Handoff).count();
  }

  @Test
  void aRetirementWithAnUnreachableHeirFails() {
    fx0.down.add(1);
    long retire = command(s0, 2_000, "retire", 1, null);
    assertEquals(List.of(Msg.Reply.failed(retire, "heir 1 unreachable")), fx0.takeReplies());
  }

  @Test
  void aCreatedServerTellsItsPeersWhatItHolds() {
    String name = joinS1(2_000);
    command(s1, 3_000, "log", -1, null);
    Msg.LogDump log = ((Msg.Reply) fx1.takeReplies().get(0)).log();
    assertEquals(name, log.name());
    assertEquals(List.of(new Write(2_000, "R", Write.CREATE, name, null, 1)), log.committed());
    assertNotNull(log.vv().get(name));
  }

  /** Each kind of input that changes the log marks the batch changed, whatever came before. */
  @Test
  void aChangeInABatchIsNotUndoneByTheMessagesAfterIt() {
    command(s0, 1_000, "watch", 1, null);
    s0.afterBatch(1_000);
    fx0.takeReplies();
    from(s0, 2_000, 9, put(1, "k", "a"));
    from(s0, 2_000, 1, new Msg.Notice(EMPTY_ROOT));
    from(s0, 2_000, 1, new Msg.Pull(0, EMPTY_ROOT));
    from(s0, 2_000, 2, new Msg.Push(0, EMPTY_ROOT, List.of(), List.of(), EMPTY_ROOT,
        List.of()));
    s0.afterBatch(2_000);
    assertEquals(1, fx0.takeReplies().size(), "the put's change is reported");
    Write x = new Write(2_600, "<2500,R>", Write.PUT, "k", "x", 0); // born after R's 2_000
    Msg.Summary more = new Msg.Summary(Map.of("R", 2_000L, "<2500,R>", 2_600L), 1);
    from(s0, 3_000, 1, new Msg.Push(0, new Msg.Summary(Map.of("R", 2_000L), 1), List.of(),
        List.of(x), more, List.of()));
    s0.afterBatch(3_000);
    assertEquals(1, fx0.takeReplies().size(), "the pushed write's change is reported");
    from(s0, 4_000, 9, new Msg.ClientRequest(2, "delete", "k", null, NONE, NONE));
    s0.afterBatch(4_000);
    assertEquals(1, fx0.takeReplies().size(), "the delete's change is reported");
  }

  @Test
  void aPushTellsWhatItsSenderAndItsFanoutHold() {
    s0.afterBatch(1_000);
    from(s0, 1_500, 1, new Msg.Notice(EMPTY_ROOT));
    fx0.takeSent();
    Write x = new Write(7, "<5,R>", Write.PUT, "k", "x", 0);
    Write y = new Write(9, "<5,R>", Write.PUT, "k", "y", 0);
    Msg.Summary sender = new Msg.Summary(Map.of("R", 0L, "<5,R>", 9L), 0);
    from(s0, 2_000, 1, new Msg.Push(0, EMPTY_ROOT, List.of(), List.of(x, y), sender,
        List.of(0, 2))); // a sender never lists itself
    s0.afterBatch(2_000);
    Write cx = new Write(7, "<5,R>", Write.PUT, "k", "x", 1);
    Write cy = new Write(9, "<5,R>", Write.PUT, "k", "y", 2);
    Msg.Summary mine = new Msg.Summary(Map.of("R", 0L, "<5,R>", 9L), 2);
    assertEquals(List.of(new Sent(1, new Msg.Push(0, sender, List.of(cx, cy), List.of(), mine,
        List.of(1, 2))), new Sent(2, new Msg.Push(0, sender, List.of(cx, cy), List.of(), mine,
        List.of(1, 2)))), fx0.takeSent(),
        "the commits go to both, on top of what the push said they hold");
  }

  @Test
  void aConflictingCommitBreaksTheServersInvariants() {
    new ServerRole(5, Set.of(), new RecordingEffects(), CHUNK).checkInvariants(); // no replica yet
    String name = joinS1(2_000);
    s1.checkInvariants();
    Write forged = new Write(1_500, "R", Write.PUT, "k", "forged", 1); // CSN 1 is the CREATE
    from(s1, 3_000, 0, new Msg.Push(4, EMPTY_ROOT, List.of(forged), List.of(), EMPTY_ROOT,
        List.of()));
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, s1::checkInvariants);
    assertEquals(name + ": received CSN 1 as 1500@R, but holds 2000@R there", e.getMessage());
  }

  @Test
  void aLargeLogGoesToTheMasterInChunksOfAboutAMegabyte() {
    String name = joinS1(2_000);
    String big = "x".repeat(400_000);
    for (int i = 0; i < 5; i++) {
      from(s1, 3_000 + i, 9, put(i + 1, "k", big + i));
    }
    long log = command(s1, 4_000, "log", -1, null);
    List<Msg.LogDump> parts = fx1.takeReplies().stream().map(r -> ((Msg.Reply) r).log())
        .toList();
    assertEquals(List.of(0, 1, 2), parts.stream().map(Msg.LogDump::part).toList(), "" + log);
    assertTrue(parts.stream().allMatch(part -> part.parts() == 3 && part.name().equals(name)));
    assertEquals(List.of(1, 0, 0), parts.stream().map(p -> p.committed().size()).toList());
    assertEquals(List.of(2, 2, 1), parts.stream().map(p -> p.tentative().size()).toList(),
        "a chunk ends where the next write would pass a megabyte");
    assertEquals(List.of(big + 0, big + 1, big + 2, big + 3, big + 4), parts.stream()
        .flatMap(p -> p.tentative().stream()).map(Write::value).toList());
  }

  @Test
  void aFirstWriteOverAMegabyteIsAChunkOfItsOwn() {
    from(s0, 2_000, 9, put(1, "k", "x".repeat(1_100_000)));
    from(s0, 2_001, 9, put(2, "k", "small"));
    command(s0, 3_000, "log", -1, null);
    List<Msg.LogDump> parts = fx0.takeReplies().stream().map(r -> ((Msg.Reply) r).log())
        .toList();
    assertEquals(List.of(1, 1), parts.stream().map(p -> p.committed().size()).toList());
    assertEquals("small", parts.get(1).committed().get(0).value());
  }

  @Test
  void aForgottenIdThatJoinsAgainIsAStrangerAgain() {
    s0.afterBatch(1_000);
    from(s0, 1_500, 2, new Msg.Notice(EMPTY_ROOT));
    command(s0, 2_000, "forget", 2, null);
    command(s0, 2_000, "servers", -1, PORTS);
    fx0.takeSent();
    from(s0, 3_000, 9, put(1, "k", "a"));
    s0.afterBatch(3_000);
    Msg.Summary mine = new Msg.Summary(Map.of("R", 3_000L), 1);
    assertEquals(List.of(new Sent(2, new Msg.Notice(mine))), to(fx0.takeSent(), 2),
        "what the old server 2 held says nothing of the new one");
  }

  @Test
  void unansweredRequestsAreSentAgainSyncsEveryPeriodWholeLogsBackingOff() {
    s0.afterBatch(1_000);
    long sync = command(s0, 1_000, "sync", 1, null);
    assertEquals(1_000 + RESEND, s0.wakeAt());
    fx0.takeSent();
    for (int round = 1; round <= 3; round++) {
      s0.afterBatch(1_000 + round * RESEND);
      assertEquals(List.of(new Sent(1, new Msg.Pull(sync, EMPTY_ROOT))), fx0.takeSent());
    }
    from(s0, 1_000 + 3 * RESEND, 1, new Msg.Push(sync, EMPTY_ROOT, List.of(), List.of(),
        EMPTY_ROOT, List.of()));
    assertEquals(List.of(Msg.Reply.ok(sync)), fx0.takeReplies());
    fx0.takeSent();
    long start = 1_000 + 3 * RESEND;
    long retire = command(s0, start, "retire", 2, null);
    Msg.Handoff handoff = (Msg.Handoff) fx0.takeSent().get(0).msg();
    assertEquals(retire, handoff.req());
    for (long after : new long[] {1, 3, 7}) { // at 1, 2 and 4 periods apart
      s0.afterBatch(start + after * RESEND - 1);
      assertEquals(List.of(), fx0.takeSent());
      s0.afterBatch(start + after * RESEND);
      assertEquals(List.of(new Sent(2, handoff)), fx0.takeSent());
    }
    command(s1, 1_000, "servers", -1, PORTS);
    long join = command(s1, 1_000, "join", 0, null);
    fx1.takeSent();
    for (long after : new long[] {1, 3, 7}) {
      s1.afterBatch(1_000 + after * RESEND - 1);
      assertEquals(List.of(), fx1.takeSent());
      s1.afterBatch(1_000 + after * RESEND);
      assertEquals(List.of(new Sent(0, new Msg.CreateRequest(join))), fx1.takeSent());
    }
  }

  @Test
  void aRetirementArmsItsResend() {
    s0.afterBatch(1_000);
    command(s0, 2_000, "retire", 1, null);
    assertEquals(2_000 + RESEND, s0.wakeAt());
  }

  @Test
  void aPushFromAPeerThatLacksSomethingIsAnsweredWithAPush() {
    from(s0, 2_000, 9, put(1, "k", "a"));
    s0.afterBatch(2_000);
    fx0.takeSent();
    from(s0, 3_000, 1, new Msg.Push(0, new Msg.Summary(Map.of("R", 2_000L), 1), List.of(),
        List.of(), EMPTY_ROOT, List.of()));
    s0.afterBatch(3_000);
    Write a = new Write(2_000, "R", Write.PUT, "k", "a", 1);
    Msg.Summary mine = new Msg.Summary(Map.of("R", 2_000L), 1);
    assertEquals(List.of(new Sent(1, new Msg.Push(0, EMPTY_ROOT, List.of(a), List.of(), mine,
        List.of(1)))), to(fx0.takeSent(), 1), "the sender said it lacks the put");
  }
}
