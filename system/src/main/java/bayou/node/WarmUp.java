package bayou.node;

import bayou.replica.Replica;
import bayou.replica.Write;
import bayou.replica.WriteBatch;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exercises the wire codec and the replica once, so that the first real message a process
 * handles does not pay for class loading and Gson's reflective set-up. The master does this
 * while its first nodes boot; the AppCDS training runs do it to archive the classes. Node
 * processes do not: most live for one short course case, where it cost more than it saved.
 */
public final class WarmUp {
  private static final int ROUNDS = 2;

  private WarmUp() {}

  public static void run() {
    Replica primary = Replica.root(Set.of());
    String child = primary.acceptCreate(1);
    Write write = primary.write(Write.PUT, "k", "v", Map.of(), Map.of(), 2);
    primary.read("k", Map.of(), Map.of());
    WriteBatch log = primary.fullLog();
    Replica other = Replica.created(Set.of(), child, log, primary.versionVector());
    other.apply(primary.missingAt(other.versionVector(), other.committedCount()));
    for (int round = 0; round < ROUNDS; round++) {
      for (Msg msg : samples(child, write, log)) {
        Wire.decode(Wire.encode(1, msg));
      }
    }
  }

  private static List<Msg> samples(String child, Write write, WriteBatch log) {
    Map<String, Long> vv = Map.of("R", 1L, child, 2L);
    Msg.Summary have = new Msg.Summary(vv, 1);
    return List.of(new Msg.Hello(1, 2, 3, "s"),
        new Msg.Control(1, "op", 2, "put", "k", "v", Map.of(1, 2)),
        Msg.Reply.ok(1), new Msg.Pull(0, have), new Msg.Notice(have),
        new Msg.Push(0, have, log.committed(), log.tentative(), have, List.of(1, 2)), new Msg.CreateRequest(1),
        new Msg.CreateReply(1, child, log.committed(), List.of(), vv),
        new Msg.Handoff(1, log.committed(), List.of(), true), new Msg.HandoffAck(1),
        new Msg.ClientRequest(1, "put", "k", "v", vv, vv),
        new Msg.ClientReply(1, "ok", "v", null, vv, write.id(), write.id(), child),
        new Msg.Reply(1, true, null, "x", new Msg.Digest(1, 1, 1, 1, true),
            new Msg.LogDump(child, true, log.committed(), List.of(), vv),
            new Msg.OpOutcome("ok", "v", null, 1, child, vv, write.id(), null, vv, vv)));
  }
}
