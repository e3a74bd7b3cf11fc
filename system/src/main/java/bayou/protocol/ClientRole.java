package bayou.protocol;

import bayou.replica.VersionVector;
import bayou.wire.Msg;
import java.util.HashSet;
import java.util.Set;

/**
 * A client process: one session (read-set and write-set) talking to one server at a time. The
 * master hands it one operation at a time; it answers when its server answers, or when its
 * bounded wait runs out.
 */
final class ClientRole implements Role {
  /** How long a client waits for its server before reporting the outcome as unknown. */
  static final long OP_TIMEOUT_MICROS = Role.CLIENT_OP_TIMEOUT_MICROS;
  /**
   * An unanswered request is sent again after this long, then at doubling intervals up to
   * {@link #RESEND_MAX_MICROS}: the network may lose it or its answer. The server answers a
   * repeated write with its first answer, so a write is accepted once. A first resend far above
   * a round trip (under a millisecond) but short: with a lossy network, every operation whose
   * request or answer was lost held its client, and the schedule behind it, for the whole
   * interval (3 % loss cut a simulated run from 30,000 operations to about 1,200).
   */
  static final long RESEND_FIRST_MICROS = 50_000;
  static final long RESEND_MAX_MICROS = 500_000;

  private final int id;
  private final Effects effects;
  private final Set<Integer> blocked = new HashSet<>();
  private final VersionVector readSet = new VersionVector();
  private final VersionVector writeSet = new VersionVector();
  /**
   * Commits a server must hold to serve this session. It stands in for the entries of retired
   * servers whose RETIRE a server reported committed: without it the sets would keep an entry
   * for every server the session ever depended on, and every request would grow with them.
   */
  private long floor;
  private int server = -1;
  private Msg.Control pending;
  private long pendingDeadline; // local time
  private Msg.ClientRequest request; // of the pending operation
  private final Backoff resend = new Backoff(RESEND_FIRST_MICROS, RESEND_MAX_MICROS);
  private int requestServer = -1;
  private long now;

  ClientRole(int id, Effects effects) {
    this.id = id;
    this.effects = effects;
  }

  @Override
  public long wakeAt() {
    return pending == null ? Long.MAX_VALUE : Math.min(pendingDeadline, resend.dueAt());
  }

  @Override
  public void afterBatch(long now) {
    this.now = now;
    if (pending != null && now >= pendingDeadline) {
      finish(new Msg.OpOutcome("info", null, "timeout", server, null, null, null, null,
          readSet.toMap(), writeSet.toMap(), null, floorOrNull()));
    } else if (pending != null && resend.due(now)) {
      resend.again(now);
      if (server == requestServer) {
        effects.send(server, request);
      }
    }
  }

  @Override
  public void handle(long now, Inbound item) {
    this.now = now;
    if (item instanceof Inbound.FromMaster fromMaster) {
      onControl(fromMaster.control());
    } else if (item instanceof Inbound.FromPeer fromPeer
        && fromPeer.msg() instanceof Msg.ClientReply reply) {
      onReply(reply);
    }
  }

  private void onControl(Msg.Control c) {
    switch (c.cmd()) {
      case "servers", "clients" -> effects.learn(c.ports());
      case "forget" -> effects.forget(c.a());
      case "connect", "unblock" -> {
        blocked.remove(c.a());
        server = c.a();
      }
      case "block" -> {
        blocked.add(c.a());
        if (server == c.a()) {
          server = -1;
        }
      }
      case "op" -> {
        startOp(c);
        return;
      }
      case "exit" -> {
        effects.reply(Msg.Reply.ok(c.req()));
        effects.stop();
        return;
      }
      default -> {
        effects.reply(Msg.Reply.failed(c.req(), "unknown command " + c.cmd()));
        return;
      }
    }
    effects.reply(Msg.Reply.ok(c.req()));
  }

  private void startOp(Msg.Control c) {
    if (pending != null) {
      effects.reply(Msg.Reply.failed(c.req(), "client " + id + " is busy"));
      return;
    }
    pending = c;
    pendingDeadline = now + OP_TIMEOUT_MICROS;
    if (server < 0) {
      finish(outcome("fail", "no-server", null));
      return;
    }
    request = new Msg.ClientRequest(c.req(), c.f(), c.key(), c.value(), readSet.toMap(),
        writeSet.toMap(), floorOrNull());
    requestServer = server;
    resend.start(now);
    if (!effects.send(server, request)) {
      finish(outcome("fail", "dropped", null)); // the server is gone (retired): nothing applied
    }
  }

  private void onReply(Msg.ClientReply reply) {
    if (pending == null || reply.req() != pending.req()) {
      return; // an answer that came after its timeout
    }
    if (reply.status().equals("ok")) {
      (pending.f().equals("get") ? readSet : writeSet).mergeFrom(reply.vv());
      if (pending.f().equals("get") && reply.readFrom() != null) {
        readSet.include(reply.readFrom()); // its acceptor may have retired, and left reply.vv()
      }
    }
    if (reply.retired() != null) {
      reply.retired().forEach((retiree, retireCsn) -> {
        readSet.forgetRetired(retiree);
        writeSet.forgetRetired(retiree);
        floor = Math.max(floor, retireCsn);
      });
    }
    String status = reply.status().equals("ok") ? "ok" : "fail";
    finish(new Msg.OpOutcome(status, reply.value(), reply.error(), server, reply.serverName(),
        reply.vv(), reply.writeId(), reply.readFrom(), readSet.toMap(), writeSet.toMap(),
        reply.commits(), floorOrNull()));
  }

  private Msg.OpOutcome outcome(String status, String error, String serverName) {
    return new Msg.OpOutcome(status, null, error, server, serverName, null, null, null,
        readSet.toMap(), writeSet.toMap(), null, floorOrNull());
  }

  /** The floor as sent and recorded: absent until a retiree's entry was replaced. */
  private Long floorOrNull() {
    return floor == 0 ? null : floor;
  }

  private void finish(Msg.OpOutcome outcome) {
    long req = pending.req();
    pending = null;
    request = null;
    resend.stop();
    effects.reply(new Msg.Reply(req, true, null, null, null, null, outcome));
  }
}
