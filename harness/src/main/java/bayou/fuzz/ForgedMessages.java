package bayou.fuzz;

import bayou.history.WriteId;
import bayou.replica.Write;
import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random messages that are valid as messages (they pass every check of the decoder) but that
 * no correct peer would send: writes nobody made, commits at random CSNs, summaries of vectors
 * no server holds, hand-offs of the primary role, answers to requests never made.
 */
final class ForgedMessages {
  private final SplittableRandom random;
  private final List<String> names;

  ForgedMessages(SplittableRandom random, List<String> names) {
    this.random = random;
    this.names = names;
  }

  Msg next() {
    return switch (random.nextInt(10)) {
      case 0 -> new Msg.Notice(summary());
      case 1 -> new Msg.Pull(random.nextLong(0, 5), summary());
      case 2 -> new Msg.Push(random.nextLong(0, 5), summary(), writes(true), writes(false),
          summary(), ids(), random.nextBoolean());
      case 3 -> new Msg.CreateRequest(random.nextLong(0, 1000));
      case 4 -> {
        int parts = random.nextInt(1, 4); // a chunked creation's parts, or one in one piece
        yield new Msg.CreateReply(random.nextLong(0, 1000), name(), writes(true),
            writes(false), vector(), random.nextInt(parts), parts);
      }
      case 5 -> {
        int parts = random.nextInt(1, 4);
        yield new Msg.Handoff(random.nextLong(0, 1000), writes(true), writes(false),
            random.nextBoolean(), random.nextInt(parts), parts);
      }
      case 6 -> new Msg.HandoffAck(random.nextLong(0, 1000));
      case 7 -> new Msg.ClientRequest(random.nextLong(0, 1000),
          List.of("get", "put", "delete").get(random.nextInt(3)), "song" + random.nextInt(5),
          "forged", vector(), vector());
      case 8 -> new Msg.ClientReply(random.nextLong(0, 1000), "ok", "forged", null, vector(),
          new WriteId(stamp(), name()), null, name());
      default -> new Msg.ClientReply(random.nextLong(0, 1000), "ERR_DEP", null, "ERR_DEP",
          null, null, null, name());
    };
  }

  private String name() {
    if (random.nextInt(4) == 0) {
      return "<" + stamp() + "," + names.get(random.nextInt(names.size())) + ">";
    }
    return names.get(random.nextInt(names.size()));
  }

  private long stamp() {
    return random.nextInt(3) == 0 ? random.nextLong(0, 10)
        : random.nextLong(0, Long.MAX_VALUE);
  }

  private Map<String, Long> vector() {
    Map<String, Long> vv = new HashMap<>();
    int entries = random.nextInt(4);
    for (int i = 0; i < entries; i++) {
      vv.put(name(), random.nextBoolean() ? Long.MAX_VALUE : stamp());
    }
    return vv;
  }

  private Msg.Summary summary() {
    return new Msg.Summary(vector(), random.nextLong(0, 20));
  }

  private List<Write> writes(boolean committed) {
    List<Write> writes = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      String op = List.of(Write.PUT, Write.DELETE, Write.CREATE, Write.RETIRE)
          .get(random.nextInt(4));
      String key = op.equals(Write.CREATE) || op.equals(Write.RETIRE) ? name() : "song" + i;
      writes.add(new Write(stamp(), name(), op, key, "forged",
          committed ? random.nextLong(1, 10) : 0));
    }
    return writes;
  }

  private List<Integer> ids() {
    List<Integer> ids = new ArrayList<>();
    int count = random.nextInt(3);
    for (int i = 0; i < count; i++) {
      ids.add(random.nextInt(-2, 20));
    }
    return ids;
  }
}
