package bayou.fuzz;

import bayou.history.WriteId;
import bayou.replica.Write;
import bayou.wire.Msg;
import bayou.wire.Wire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Lines for a node's port: random bytes, mutated envelopes, JSON that is nonsense as a message,
 * and forged messages that are valid (a push of a write nobody made, a hand-off of the primary
 * role). Seeded: the same random source gives the same lines.
 */
final class Frames {
  private static final List<String> TYPES = List.of("Notice", "Pull", "Push", "CreateRequest",
      "CreateReply", "Handoff", "HandoffAck", "ClientRequest", "ClientReply", "Control",
      "Reply", "Hello", "Nope", "");
  private static final List<String> VALUES = List.of("null", "-1", "0", "1e309", "\"x\"",
      "[]", "{}", "true", "9223372036854775808", "{\"R\":null}", "[null]", "\"\\u0000\"",
      "{\"vv\":{\"<1,Q>\":1},\"committed\":0}", "[{\"stamp\":-5}]");
  private static final List<String> FIELDS = List.of("req", "sync", "have", "base", "committed",
      "tentative", "sender", "fanout", "f", "key", "value", "readSet", "writeSet", "name", "vv",
      "primary", "status", "cmd", "a", "ports", "more", "part", "parts");

  private final SplittableRandom random;

  Frames(SplittableRandom random) {
    this.random = random;
  }

  /** A forged message that is valid as a message: only the secret keeps it out. */
  String forged(String acceptor) {
    Write write = new Write(random.nextLong(1, Long.MAX_VALUE / 4), acceptor, Write.PUT,
        "song" + random.nextInt(10), "forged", 0);
    Map<String, Long> vv = Map.of(acceptor, write.stamp());
    Msg msg = switch (random.nextInt(5)) {
      case 0 -> new Msg.Push(0, new Msg.Summary(Map.of(), 0), List.of(), List.of(write),
          new Msg.Summary(vv, 0), List.of());
      case 1 -> new Msg.Handoff(random.nextLong(1, 1000), List.of(), List.of(write), true);
      case 2 -> new Msg.ClientRequest(random.nextLong(1, 1000), "put", "song", "forged",
          Map.of(), Map.of());
      case 3 -> new Msg.CreateRequest(random.nextLong(1, 1000));
      default -> new Msg.ClientReply(random.nextLong(1, 1000), "ok", "forged", null, vv,
          write.id(), new WriteId(1, acceptor), acceptor);
    };
    return Wire.encode(random.nextInt(-1, 30), msg);
  }

  /** An envelope whose body is nonsense: wrong types, missing fields, unknown types. */
  String nonsense() {
    StringBuilder body = new StringBuilder("{");
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        body.append(',');
      }
      body.append('"').append(pick(FIELDS)).append("\":").append(pick(VALUES));
    }
    body.append('}');
    return switch (random.nextInt(4)) {
      case 0 -> "{\"from\":" + random.nextInt(-5, 50) + ",\"type\":\"" + pick(TYPES)
          + "\",\"body\":" + body + "}";
      case 1 -> "{\"type\":\"" + pick(TYPES) + "\",\"body\":" + body + ",\"from\":1}";
      case 2 -> pick(VALUES);
      default -> "{\"from\":1,\"type\":\"" + pick(TYPES) + "\",\"body\":" + pick(VALUES) + "}";
    };
  }

  /** A valid line with a few characters changed, dropped or repeated. */
  String mutated(String line) {
    StringBuilder text = new StringBuilder(line);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(4)) {
        case 0 -> text.deleteCharAt(at);
        case 1 -> text.setCharAt(at, (char) random.nextInt(32, 127));
        case 2 -> text.insert(at, "{[\",:}]".charAt(random.nextInt(7)));
        default -> text.insert(at, text.substring(at, Math.min(text.length(),
            at + random.nextInt(1, 20))));
      }
    }
    return text.toString().replace('\n', ' ').replace('\r', ' ');
  }

  /** Random bytes, line breaks included. */
  byte[] bytes(int max) {
    byte[] bytes = new byte[1 + random.nextInt(max)];
    random.nextBytes(bytes);
    return bytes;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a line decodes to a message: such a line must only be sent without the secret. */
  static boolean decodes(String line) {
    try {
      Wire.decode(line);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
