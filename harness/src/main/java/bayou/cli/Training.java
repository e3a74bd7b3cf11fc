package bayou.cli;

import bayou.replica.Replica;
import bayou.replica.Write;
import bayou.replica.WriteBatch;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A short run that loads the classes masters and nodes use, so that {@code bin/bayou} can
 * archive them (AppCDS) and every later JVM starts faster. Prints nothing; never used otherwise.
 */
public final class Training {
  private Training() {}

  public static void main(String[] args) throws Exception {
    Replica primary = Replica.root(Set.of());
    String child = primary.acceptCreate(1);
    Write write = primary.write(Write.PUT, "k", "v", Map.of(), Map.of(), 2);
    WriteBatch log = primary.fullLog();
    Replica.created(Set.of(), child, log, primary.versionVector());
    List<Msg> samples = List.of(new Msg.Hello(1, 2, 3), Msg.Control.of(1, "op", 2),
        Msg.Reply.ok(1), new Msg.Pull(0, Map.of("R", 1L), 1),
        new Msg.Push(0, log.committed(), log.tentative()), new Msg.CreateRequest(1),
        new Msg.CreateReply(1, child, log.committed(), List.of(), Map.of()),
        new Msg.Handoff(1, log.committed(), List.of(), true), new Msg.HandoffAck(1),
        new Msg.ClientRequest(1, "put", "k", "v", Map.of(), Map.of()),
        new Msg.ClientReply(1, "ok", "v", null, Map.of(), write.id(), write.id(), child),
        new Msg.Reply(1, true, null, "x", new Msg.Digest(1, 1, 1, 1, true),
            new Msg.LogDump(child, true, log.committed(), List.of(), Map.of()),
            new Msg.OpOutcome("ok", "v", null, 1, child, Map.of(), write.id(), null, Map.of(),
                Map.of())));
    for (Msg msg : samples) {
      Wire.decode(Wire.encode(1, msg));
    }
    for (String name : List.of("bayou.node.NodeMain", "bayou.node.ServerRole",
        "bayou.node.ClientRole", "bayou.node.Transport", "bayou.node.ControlLink",
        "bayou.cluster.ProcessCluster", "bayou.master.Master", "bayou.master.Suite")) {
      Class.forName(name);
    }
    new picocli.CommandLine(new Main()).getUsageMessage();
    System.exit(0);
  }
}
