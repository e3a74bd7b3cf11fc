package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.protocol.RecordingEffects.Sent;
import bayou.replica.Write;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Logs that go in chunks: a creation's reply, a hand-off, a push of a long backlog and the pulls
 * of its rest, and a sync answered chunk by chunk. Chunks here hold about 300 bytes, so each put
 * of a 200-character value is a chunk of its own. Server 0 is the root, 1 is created at it, 2
 * is a peer known by its id only, 9 a client.
 */
class ServerRoleChunkTest {
  private static final Map<Integer, Integer> PORTS = Map.of(0, 100, 1, 101, 2, 102);
  private static final Map<String, Long> NONE = Map.of();
  private static final long CHUNK = 300;
  private static final String BIG = "v".repeat(200);
  private static final Msg.Summary EMPTY_ROOT = new Msg.Summary(Map.of("R", 0L), 0);
  private static final long RESEND = ServerRole.RESEND_MICROS;
  private static final long PULL_TIMEOUT = ServerRole.PULL_TIMEOUT_MICROS;

  private final RecordingEffects fx0 = new RecordingEffects();
  private final ServerRole s0 = new ServerRole(0, Set.of(), fx0, CHUNK);
  private final RecordingEffects fx1 = new RecordingEffects();
  private final ServerRole s1 = new ServerRole(1, Set.of(), fx1, CHUNK);
  private long req = 100;

  ServerRoleChunkTest() {
    command(s0, 1_000, "servers", -1);
    command(s0, 1_000, "root", -1);
    command(s1, 1_000, "servers", -1);
    fx0.takeReplies();
    fx1.takeReplies();
  }

  private long command(ServerRole role, long now, String cmd, int a) {
    long number = ++req;
    role.handle(now, new Inbound.FromMaster(new Msg.Control(number, cmd, a, null, null, null,
        cmd.equals("servers") ? PORTS : null)));
    return number;
  }

  private static void from(ServerRole role, long now, int peer, Msg msg) {
    role.handle(now, new Inbound.FromPeer(peer, msg));
  }

  private static <T extends Msg> List<T> of(Class<T> type, List<Sent> sent, int peer) {
    return sent.stream().filter(s -> s.peer() == peer && type.isInstance(s.msg()))
        .map(s -> type.cast(s.msg())).toList();
  }

  /** Puts {@code count} big values at the role as client 9, one microsecond apart, saved. */
  private static void puts(ServerRole role, long now, int firstReq, int count) {
    for (int i = 0; i < count; i++) {
      from(role, now + i, 9, new Msg.ClientRequest(firstReq + i, "put", "k" + i, BIG + i, NONE,
          NONE));
    }
    role.afterBatch(now + count - 1);
  }

  private static Write big(long stamp, String acceptor, int i, long csn) {
    return new Write(stamp, acceptor, Write.PUT, "k" + i, BIG + i, csn);
  }

  private Msg.LogDump log(ServerRole role, RecordingEffects fx, long now) {
    long number = command(role, now, "log", -1);
    List<Msg> replies = fx.takeReplies();
    assertEquals(number, ((Msg.Reply) replies.get(0)).req());
    Msg.LogDump first = ((Msg.Reply) replies.get(0)).log();
    List<Write> committed = new java.util.ArrayList<>();
    List<Write> tentative = new java.util.ArrayList<>();
    replies.forEach(r -> {
      committed.addAll(((Msg.Reply) r).log().committed());
      tentative.addAll(((Msg.Reply) r).log().tentative());
    });
    return new Msg.LogDump(first.name(), first.primary(), committed, tentative, first.vv());
  }

  @Test
  void aCreationInPartsStartsTheServerOnceAllArrivedInAnyOrder() {
    puts(s0, 2_000, 1, 3);
    fx0.takeSent();
    long join = command(s1, 3_000, "join", 0);
    from(s0, 3_000, 1, new Msg.CreateRequest(join));
    List<Msg.CreateReply> parts = of(Msg.CreateReply.class, fx0.takeSent(), 1);
    String name = "<3000,R>";
    Write create = new Write(3_000, "R", Write.CREATE, name, null, 4);
    Map<String, Long> vv = Map.of("R", 3_000L, name, 3_000L);
    assertEquals(List.of(
        new Msg.CreateReply(join, name, List.of(big(2_000, "R", 0, 1)), List.of(), vv, 0, 4),
        new Msg.CreateReply(join, name, List.of(big(2_001, "R", 1, 2)), List.of(), vv, 1, 4),
        new Msg.CreateReply(join, name, List.of(big(2_002, "R", 2, 3)), List.of(), vv, 2, 4),
        new Msg.CreateReply(join, name, List.of(create), List.of(), vv, 3, 4)), parts);
    from(s1, 3_100, 0, new Msg.CreateReply(join + 50, "<9,R>", List.of(), List.of(), vv));
    for (int part : new int[] {3, 1, 1, 0}) {
      from(s1, 3_100, 0, parts.get(part));
    }
    command(s1, 3_100, "digest", -1);
    assertEquals(List.of(new Msg.Reply(req, true, null, null, null, null, null)),
        fx1.takeReplies(), "no replica before the last part, none from another request");
    from(s1, 3_200, 0, parts.get(2));
    assertEquals(List.of(new Msg.Reply(join, true, null, name, null, null, null)),
        fx1.takeReplies());
    from(s1, 3_300, 0, parts.get(2));
    assertEquals(List.of(), fx1.takeReplies(), "a late copy changes nothing");
    assertEquals(new Msg.LogDump(name, false, List.of(big(2_000, "R", 0, 1),
        big(2_001, "R", 1, 2), big(2_002, "R", 2, 3), create), List.of(), vv),
        log(s1, fx1, 3_400));
    from(s0, 3_500, 1, new Msg.CreateRequest(join));
    assertEquals(parts, of(Msg.CreateReply.class, fx0.takeSent(), 1),
        "the request again: the same parts, not a second server");
    from(s0, 3_600, 1, new Msg.CreateRequest(join + 1));
    assertEquals("<3600,R>", of(Msg.CreateReply.class, fx0.takeSent(), 1).get(0).name(),
        "a new request from the same node is a new server");
  }

  /** Server 1, created at the root, with {@code count} big tentative puts; flushed. */
  private String createdWithPuts(long now, int count) {
    long join = command(s1, now, "join", 0);
    from(s0, now, 1, new Msg.CreateRequest(join));
    for (Msg.CreateReply part : of(Msg.CreateReply.class, fx0.takeSent(), 1)) {
      from(s1, now, 0, part);
    }
    fx1.takeReplies();
    puts(s1, now + 1_000, 1, count);
    fx1.takeSent();
    s0.afterBatch(now);
    fx0.takeSent();
    return "<" + now + ",R>";
  }

  @Test
  void aHandOffInPartsIsTakenOverAndAcknowledgedOnceWhole() {
    String name = createdWithPuts(2_000, 3);
    long retire = command(s1, 5_000, "retire", 0);
    List<Msg.Handoff> parts = of(Msg.Handoff.class, fx1.takeSent(), 0);
    Write create = new Write(2_000, "R", Write.CREATE, name, null, 1);
    Write retireWrite = new Write(5_000, name, Write.RETIRE, name, null, 0);
    List<Write> puts = List.of(big(3_000, name, 0, 0), big(3_001, name, 1, 0),
        big(3_002, name, 2, 0));
    assertEquals(List.of(new Msg.Handoff(retire, List.of(create), List.of(), false, 0, 5),
        new Msg.Handoff(retire, List.of(), List.of(puts.get(0)), false, 1, 5),
        new Msg.Handoff(retire, List.of(), List.of(puts.get(1)), false, 2, 5),
        new Msg.Handoff(retire, List.of(), List.of(puts.get(2)), false, 3, 5),
        new Msg.Handoff(retire, List.of(), List.of(retireWrite), false, 4, 5)), parts);
    s1.afterBatch(5_000 + RESEND);
    assertEquals(parts, of(Msg.Handoff.class, fx1.takeSent(), 0), "all parts again, in order");
    from(s0, 5_100, 2, parts.get(1)); // another retiree's hand-off with the same number
    for (int part : new int[] {4, 2, 2, 0, 3}) {
      from(s0, 5_100, 1, parts.get(part));
    }
    assertEquals(List.of(), fx0.takeSent(), "no acknowledgement before the last part");
    from(s0, 5_200, 1, parts.get(1));
    assertEquals(List.of(new Sent(1, new Msg.HandoffAck(retire))), fx0.takeSent());
    Msg.LogDump heir = log(s0, fx0, 5_300);
    assertEquals(List.of(create, big(3_000, name, 0, 2), big(3_001, name, 1, 3),
        big(3_002, name, 2, 4), new Write(5_000, name, Write.RETIRE, name, null, 5)),
        heir.committed(), "the primary commits them in log order");
    assertFalse(heir.vv().containsKey(name), "the retirement took effect");
    from(s1, 5_400, 2, new Msg.HandoffAck(retire));
    from(s1, 5_400, 0, new Msg.HandoffAck(retire + 1));
    assertEquals(List.of(), fx1.takeReplies(), "an acknowledgement from the heir, of this one");
    from(s1, 5_500, 0, new Msg.HandoffAck(retire));
    assertEquals(List.of(new Msg.Reply(retire, true, null, name, null, null, null)),
        fx1.takeReplies());
  }

  @Test
  void aLongBacklogIsPushedOneChunkAtATimeAsThePeerPullsIt() {
    s0.afterBatch(1_000);
    from(s0, 1_500, 1, new Msg.Notice(EMPTY_ROOT));
    fx0.takeSent();
    puts(s0, 2_000, 1, 3);
    Msg.Summary after3 = new Msg.Summary(Map.of("R", 2_002L), 3);
    List<Sent> sent = fx0.takeSent();
    assertEquals(List.of(new Msg.Push(0, EMPTY_ROOT, List.of(big(2_000, "R", 0, 1)), List.of(),
        after3, List.of(), true)), of(Msg.Push.class, sent, 1),
        "the first chunk, and a fanout without the peer that holds less");
    assertEquals(List.of(new Msg.Notice(after3)), of(Msg.Notice.class, sent, 2));
    puts(s0, 2_100, 4, 1);
    assertEquals(List.of(), of(Msg.Push.class, fx0.takeSent(), 1), "it is being fed");
    Msg.Summary after4 = new Msg.Summary(Map.of("R", 2_100L), 4);
    Msg.Summary has1 = new Msg.Summary(Map.of("R", 2_000L), 1);
    from(s0, 2_200, 1, new Msg.Pull(0, has1));
    assertEquals(List.of(new Sent(1, new Msg.Push(0, has1, List.of(big(2_001, "R", 1, 2)),
        List.of(), after4, List.of(), true))), fx0.takeSent());
    Msg.Summary has3 = new Msg.Summary(Map.of("R", 2_002L), 3);
    from(s0, 2_300, 1, new Msg.Pull(0, has3));
    assertEquals(List.of(new Sent(1, new Msg.Push(0, has3, List.of(big(2_100, "R", 0, 4)),
        List.of(), after4, List.of(), false))), fx0.takeSent(), "the last chunk");
    puts(s0, 2_400, 5, 1);
    assertEquals(List.of(new Msg.Push(0, after4, List.of(big(2_400, "R", 0, 5)), List.of(),
        new Msg.Summary(Map.of("R", 2_400L), 5), List.of(1), false)),
        of(Msg.Push.class, fx0.takeSent(), 1), "fed: it holds all, pushed to again");
  }

  @Test
  void aPeerThatStopsPullingIsPushedToAgainAfterThePullTimeout() {
    s0.afterBatch(1_000);
    from(s0, 1_500, 1, new Msg.Notice(EMPTY_ROOT));
    fx0.takeSent();
    puts(s0, 2_000, 1, 2);
    Msg.Push first = of(Msg.Push.class, fx0.takeSent(), 1).get(0);
    assertTrue(first.more());
    puts(s0, 2_001 + PULL_TIMEOUT - 1, 3, 1);
    assertEquals(List.of(), of(Msg.Push.class, fx0.takeSent(), 1));
    puts(s0, 2_001 + PULL_TIMEOUT, 4, 1);
    List<Msg.Push> again = of(Msg.Push.class, fx0.takeSent(), 1);
    assertEquals(1, again.size());
    assertEquals(EMPTY_ROOT, again.get(0).base(), "nothing assumed of a chunk never pulled on");
    assertEquals(first.committed(), again.get(0).committed());
  }

  @Test
  void aPeerThatPulledAChunkIsAssumedToHoldWhatItSaidItHeld() {
    s0.afterBatch(1_000);
    from(s0, 1_500, 1, new Msg.Notice(EMPTY_ROOT));
    fx0.takeSent();
    puts(s0, 2_000, 1, 3);
    fx0.takeSent();
    Msg.Summary has1 = new Msg.Summary(Map.of("R", 2_000L), 1);
    from(s0, 2_100, 1, new Msg.Pull(0, has1));
    assertTrue(of(Msg.Push.class, fx0.takeSent(), 1).get(0).more());
    puts(s0, 2_100 + PULL_TIMEOUT, 4, 1); // it pulls no more: fed no longer
    assertEquals(List.of(new Msg.Push(0, has1, List.of(big(2_001, "R", 1, 2)), List.of(),
        new Msg.Summary(Map.of("R", 2_100L + PULL_TIMEOUT), 4), List.of(), true)),
        of(Msg.Push.class, fx0.takeSent(), 1), "pushed on top of what its pull said");
  }

  @Test
  void aReceivedChunkIsFollowedByAPullForTheNext() {
    String name = createdWithPuts(2_000, 0);
    Msg.Summary base = new Msg.Summary(Map.of("R", 2_000L, name, 2_000L), 1);
    Msg.Summary sender = new Msg.Summary(Map.of("R", 2_600L, name, 2_000L), 3);
    from(s1, 3_000, 0, new Msg.Push(0, base, List.of(big(2_500, "R", 0, 2)), List.of(), sender,
        List.of(), true));
    Msg.Summary has2 = new Msg.Summary(Map.of("R", 2_500L, name, 2_000L), 2);
    assertEquals(List.of(new Sent(0, new Msg.Pull(0, has2))), fx1.takeSent());
    from(s1, 3_050, 0, new Msg.Notice(sender));
    assertEquals(List.of(), fx1.takeSent(), "one pull at a time");
    from(s1, 3_100, 0, new Msg.Push(0, has2, List.of(big(2_600, "R", 1, 3)), List.of(), sender,
        List.of(), false));
    Msg.Summary has3 = new Msg.Summary(Map.of("R", 2_600L, name, 2_000L), 3);
    assertEquals(List.of(new Sent(0, new Msg.Pull(0, has3))), fx1.takeSent(),
        "the last chunk asks for nothing more; the wish the notice made is pulled now");
    assertEquals(List.of(big(2_500, "R", 0, 2), big(2_600, "R", 1, 3)),
        log(s1, fx1, 3_200).committed().subList(1, 3));
  }

  @Test
  void aSyncAnsweredInChunksIsAnsweredAfterTheLastAndNotResentMeanwhile() {
    String name = createdWithPuts(2_000, 0);
    long sync = command(s1, 3_000, "sync", 0);
    Msg.Summary base = new Msg.Summary(Map.of("R", 2_000L, name, 2_000L), 1);
    assertEquals(List.of(new Sent(0, new Msg.Pull(sync, base))), fx1.takeSent());
    Msg.Summary sender = new Msg.Summary(Map.of("R", 2_600L, name, 2_000L), 3);
    from(s1, 3_250, 0, new Msg.Push(sync, base, List.of(big(2_500, "R", 0, 2)), List.of(),
        sender, List.of(), true));
    Msg.Summary has2 = new Msg.Summary(Map.of("R", 2_500L, name, 2_000L), 2);
    assertEquals(List.of(new Sent(0, new Msg.Pull(sync, has2))), fx1.takeSent());
    assertEquals(List.of(), fx1.takeReplies(), "not answered before the last chunk");
    assertEquals(3_250 + RESEND, s1.wakeAt(), "the resend waits: the sync progresses");
    s1.afterBatch(3_000 + RESEND);
    assertEquals(List.of(), of(Msg.Pull.class, fx1.takeSent(), 0));
    from(s1, 3_400, 0, new Msg.Push(sync, has2, List.of(big(2_600, "R", 1, 3)), List.of(),
        sender, List.of(), false));
    assertEquals(List.of(Msg.Reply.ok(sync)), fx1.takeReplies());
    from(s1, 3_500, 0, new Msg.Push(sync, base, List.of(big(2_500, "R", 0, 2)), List.of(),
        sender, List.of(), true));
    assertEquals(List.of(), of(Msg.Pull.class, fx1.takeSent(), 0),
        "a late copy of a chunk of an answered sync asks for nothing");
    s1.afterBatch(3_250 + RESEND);
    assertEquals(List.of(), of(Msg.Pull.class, fx1.takeSent(), 0), "answered: not resent");
  }
}
