package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.history.WriteId;
import bayou.protocol.RecordingEffects.Sent;
import bayou.wire.Msg;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client role as a pure state machine: its session sets, its one pending operation, the
 * resend and the bounded wait, each checked by the exact requests and outcomes it produces.
 * Client 20 talks to servers 0 and 1.
 */
class ClientRoleTest {
  private static final Map<String, Long> NONE = Map.of();
  private static final long RESEND = ClientRole.RESEND_FIRST_MICROS;
  private static final long TIMEOUT = ClientRole.OP_TIMEOUT_MICROS;

  private final RecordingEffects fx = new RecordingEffects();
  private final ClientRole client = new ClientRole(20, fx);
  private long req = 100;

  private long command(long now, String cmd, int a) {
    long number = ++req;
    client.handle(now, new Inbound.FromMaster(Msg.Control.of(number, cmd, a)));
    return number;
  }

  private long op(long now, String f, String key, String value) {
    long number = ++req;
    client.handle(now, new Inbound.FromMaster(new Msg.Control(number, "op", -1, f, key, value,
        null)));
    return number;
  }

  private void answer(long now, int server, Msg.ClientReply reply) {
    client.handle(now, new Inbound.FromPeer(server, reply));
  }

  private static Msg.Reply outcome(long number, Msg.OpOutcome outcome) {
    return new Msg.Reply(number, true, null, null, null, null, outcome);
  }

  @Test
  void commandsAreAnsweredAndChangeTheAddressBook() {
    long servers = ++req;
    client.handle(1, new Inbound.FromMaster(new Msg.Control(servers, "servers", -1, null, null,
        null, Map.of(0, 100))));
    long clients = ++req;
    client.handle(1, new Inbound.FromMaster(new Msg.Control(clients, "clients", -1, null, null,
        null, Map.of(20, 120))));
    long forget = command(1, "forget", 1);
    long connect = command(1, "connect", 0);
    long block = command(1, "block", 0);
    long unblock = command(1, "unblock", 0);
    long bogus = command(1, "bogus", 0);
    assertEquals(List.of(Msg.Reply.ok(servers), Msg.Reply.ok(clients), Msg.Reply.ok(forget),
        Msg.Reply.ok(connect), Msg.Reply.ok(block), Msg.Reply.ok(unblock),
        Msg.Reply.failed(bogus, "unknown command bogus")), fx.takeReplies());
    assertEquals(List.of(Map.of(0, 100), Map.of(20, 120)), fx.learned);
    assertEquals(List.of(1), fx.forgotten);
    assertFalse(fx.stopped);
    long exit = command(1, "exit", -1);
    assertEquals(List.of(Msg.Reply.ok(exit)), fx.takeReplies());
    assertTrue(fx.stopped);
  }

  @Test
  void anOperationWithoutAServerFailsAtOnce() {
    long put = op(1, "put", "k", "v");
    assertEquals(List.of(outcome(put, new Msg.OpOutcome("fail", null, "no-server", -1, null,
        null, null, null, NONE, NONE))), fx.takeReplies());
    assertEquals(Long.MAX_VALUE, client.wakeAt(), "nothing pending");
    command(2, "connect", 0);
    command(3, "block", 0);
    fx.takeReplies();
    long get = op(4, "get", "k", null);
    assertEquals("no-server", ((Msg.Reply) fx.takeReplies().get(0)).op().error(),
        "a blocked server is no server " + get);
    assertEquals(List.of(), fx.sent);
  }

  @Test
  void anOperationAtAGoneServerIsDropped() {
    command(1, "connect", 0);
    fx.takeReplies();
    fx.down.add(0);
    long put = op(2, "put", "k", "v");
    assertEquals(List.of(outcome(put, new Msg.OpOutcome("fail", null, "dropped", 0, null, null,
        null, null, NONE, NONE))), fx.takeReplies());
    assertEquals(Long.MAX_VALUE, client.wakeAt());
  }

  @Test
  void anUnansweredRequestIsSentAgainThenTimesOut() {
    command(1_000, "connect", 0);
    fx.takeReplies();
    long put = op(1_000, "put", "k", "v");
    Msg.ClientRequest request = new Msg.ClientRequest(put, "put", "k", "v", NONE, NONE);
    assertEquals(List.of(new Sent(0, request)), fx.takeSent());
    assertEquals(1_000 + RESEND, client.wakeAt());
    long busy = op(1_100, "get", "k", null);
    assertEquals(List.of(Msg.Reply.failed(busy, "client 20 is busy")), fx.takeReplies());
    client.afterBatch(1_000 + RESEND - 1);
    assertEquals(List.of(), fx.takeSent());
    client.afterBatch(1_000 + RESEND);
    assertEquals(List.of(new Sent(0, request)), fx.takeSent());
    long at = 1_000 + RESEND;
    for (long interval : new long[] {2 * RESEND, 4 * RESEND, 8 * RESEND,
        ClientRole.RESEND_MAX_MICROS, ClientRole.RESEND_MAX_MICROS}) {
      assertEquals(at + interval, client.wakeAt(), "doubling up to the maximum");
      at += interval;
      client.afterBatch(at);
      assertEquals(List.of(new Sent(0, request)), fx.takeSent());
    }
    assertTrue(at < 1_000 + TIMEOUT, "resent before the timeout");
    assertEquals(List.of(), fx.replies);
    client.afterBatch(1_000 + TIMEOUT - 1);
    assertEquals(List.of(), fx.replies);
    fx.takeSent();
    client.afterBatch(1_000 + TIMEOUT);
    assertEquals(List.of(outcome(put, new Msg.OpOutcome("info", null, "timeout", 0, null, null,
        null, null, NONE, NONE))), fx.takeReplies());
    assertEquals(List.of(), fx.takeSent(), "timed out, not sent again");
    assertEquals(Long.MAX_VALUE, client.wakeAt());
    answer(1_000 + TIMEOUT + 1, 0, new Msg.ClientReply(put, "ok", null, null,
        Map.of("R", 5L), new WriteId(5, "R"), null, "R"));
    assertEquals(List.of(), fx.replies, "an answer after the timeout is not an outcome");
    long next = op(1_000 + TIMEOUT + 2, "get", "k", null);
    assertEquals(List.of(new Sent(0, new Msg.ClientRequest(next, "get", "k", null, NONE,
        NONE))), fx.takeSent(), "and does not enter the session");
  }

  @Test
  void aRequestIsNotSentAgainToAServerTheClientLeft() {
    command(1_000, "connect", 0);
    op(1_000, "put", "k", "v");
    command(1_100, "connect", 1);
    fx.takeSent();
    client.afterBatch(1_000 + RESEND);
    assertEquals(List.of(), fx.takeSent());
  }

  @Test
  void answersEnterTheSessionOnlyWhenOk() {
    command(1_000, "connect", 0);
    fx.takeReplies();
    long put = op(1_000, "put", "k", "v");
    Map<String, Long> afterPut = Map.of("R", 5L);
    answer(1_100, 0, new Msg.ClientReply(put, "ok", null, null, afterPut, new WriteId(5, "R"),
        null, "R"));
    assertEquals(List.of(outcome(put, new Msg.OpOutcome("ok", null, null, 0, "R", afterPut,
        new WriteId(5, "R"), null, NONE, afterPut))), fx.takeReplies());
    assertEquals(Long.MAX_VALUE, client.wakeAt());
    long dropped = op(1_200, "put", "k", "w");
    answer(1_300, 0, new Msg.ClientReply(dropped, "dropped", null, "dropped",
        Map.of("R", 9L, "<1,R>", 3L), null, null, "R"));
    assertEquals(List.of(outcome(dropped, new Msg.OpOutcome("fail", null, "dropped", 0, "R",
        Map.of("R", 9L, "<1,R>", 3L), null, null, NONE, afterPut))), fx.takeReplies(),
        "a dropped write is not in the write-set");
    long get = op(1_400, "get", "k", null);
    assertEquals(List.of(new Sent(0, new Msg.ClientRequest(dropped, "put", "k", "w", NONE,
        afterPut)), new Sent(0, new Msg.ClientRequest(get, "get", "k", null, NONE, afterPut))),
        fx.takeSent().subList(1, 3));
    Map<String, Long> atRead = Map.of("R", 7L);
    answer(1_500, 0, new Msg.ClientReply(get, "ok", "v", null, atRead, null,
        new WriteId(5, "R"), "R", 1L, null));
    assertEquals(List.of(outcome(get, new Msg.OpOutcome("ok", "v", null, 0, "R", atRead, null,
        new WriteId(5, "R"), atRead, afterPut, 1L))), fx.takeReplies());
    long refused = op(1_600, "get", "k", null);
    answer(1_700, 0, new Msg.ClientReply(refused - 1, "ok", "old", null, Map.of("R", 99L),
        null, null, "R", 1L, null));
    assertEquals(List.of(), fx.replies, "an answer to another request");
    answer(1_800, 0, new Msg.ClientReply(refused, "ERR_DEP", null, "ERR_DEP",
        Map.of("R", 1L, "<1,R>", 8L), null, null, "R", 0L, null));
    assertEquals(List.of(outcome(refused, new Msg.OpOutcome("fail", null, "ERR_DEP", 0, "R",
        Map.of("R", 1L, "<1,R>", 8L), null, null, atRead, afterPut, 0L))), fx.takeReplies(),
        "a refused read is not in the read-set");
    long last = op(1_900, "put", "x", "y");
    assertEquals(new Msg.ClientRequest(last, "put", "x", "y", atRead, afterPut),
        fx.takeSent().get(1).msg());
  }

  /**
   * A read of a write whose acceptor has retired, at a server that dropped the retiree from its
   * vector: the read-set must still hold that write, or a server that never got it could serve
   * an older value (tests/read_of_a_retired_servers_write_is_monotonic.test, from seed 102).
   */
  @Test
  void aReadOfARetiredServersWriteStaysInTheReadSet() {
    command(1_000, "connect", 3);
    fx.takeReplies();
    long get = op(1_000, "get", "k2", null);
    Map<String, Long> withoutR = Map.of("<7,R>", 40L);
    answer(1_100, 3, new Msg.ClientReply(get, "ok", "v330", null, withoutR, null,
        new WriteId(30, "R"), "<7,R>", 1L, null));
    Map<String, Long> readSet = Map.of("<7,R>", 40L, "R", 30L);
    assertEquals(List.of(outcome(get, new Msg.OpOutcome("ok", "v330", null, 3, "<7,R>",
        withoutR, null, new WriteId(30, "R"), readSet, NONE, 1L))), fx.takeReplies());
  }

  /**
   * A server that has committed a retiree's RETIRE says so, with its CSN; the session then
   * drops the retiree from both sets and asks every later server for that many commits instead,
   * so its sets hold only servers that may still be live.
   */
  @Test
  void aCommittedRetirementBecomesACommitFloor() {
    command(1_000, "connect", 3);
    fx.takeReplies();
    long put = op(1_000, "put", "k", "v");
    fx.takeSent();
    answer(1_100, 3, new Msg.ClientReply(put, "ok", null, null, Map.of("<5,R>", 50L, "R", 60L),
        new WriteId(50, "<5,R>"), null, "<5,R>", null, null));
    long get = op(1_200, "get", "k", null);
    assertEquals(List.of(new Sent(3, new Msg.ClientRequest(get, "get", "k", null, NONE,
        Map.of("<5,R>", 50L, "R", 60L), null))), fx.takeSent());
    Map<String, Long> atRead = Map.of("<9,R>", 70L, "R", 70L);
    answer(1_300, 3, new Msg.ClientReply(get, "ok", "v", null, atRead, null,
        new WriteId(50, "<5,R>"), "<9,R>", 12L, Map.of("<5,R>", 11L)));
    fx.takeReplies();
    long next = op(1_400, "get", "k", null);
    assertEquals(List.of(new Sent(3, new Msg.ClientRequest(next, "get", "k", null, atRead,
        Map.of("R", 60L), 11L))), fx.takeSent());
  }
}
