package bayou.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lines a master must reject, each with one stderr line: random and mutated course commands
 * (bad, negative and huge ids, unknown commands, missing or extra arguments), very long lines,
 * binary bytes, and well-formed commands on nodes that do not exist or have retired. None may
 * change the system, so the script that follows still prints its exact output.
 */
final class MasterGarbage {
  /** A line longer than the master's limit (Master.LINE_BYTES_MAX is 64 KiB). */
  static final int HUGE_LINE_BYTES = 70_000;
  private static final List<String> COMMANDS = List.of("joinServer", "retireServer",
      "joinClient", "breakConnection", "restoreConnection", "pause", "start", "stabilize",
      "printLog", "put", "get", "delete");
  private static final List<String> BAD_IDS = List.of("-1", "-0", "+1", "1.5", "0x10", "1e3",
      "9999999999", "99999999999999999999", "", "one", "\u0661", "NaN", "1,2");

  private final SplittableRandom random;
  private final List<Integer> deadIds;

  /** @param deadIds ids of nodes that do not exist (or have retired) when the lines run */
  MasterGarbage(SplittableRandom random, List<Integer> deadIds) {
    this.random = random;
    this.deadIds = deadIds;
  }

  /** One line as bytes, without a line break. */
  byte[] next() {
    return switch (random.nextInt(8)) {
      case 0 -> text(word() + " " + deadId() + " " + word());
      case 1 -> text(wrongArity());
      case 2 -> text(badIds());
      case 3 -> text(onDeadNode());
      case 4 -> binary();
      case 5 -> random.nextInt(4) == 0 ? huge() : text(onDeadNode() + " " + word());
      case 6 -> text(mangledCase());
      default -> text(onDeadNode());
    };
  }

  private static byte[] text(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }

  private String command() {
    return COMMANDS.get(random.nextInt(COMMANDS.size()));
  }

  private String word() {
    StringBuilder word = new StringBuilder();
    int length = 1 + random.nextInt(12);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private String deadId() {
    return Integer.toString(deadIds.get(random.nextInt(deadIds.size())));
  }

  private static int arity(String command) {
    return switch (command) {
      case "pause", "start", "stabilize" -> 0;
      case "joinServer", "retireServer", "printLog" -> 1;
      case "put" -> 3;
      default -> 2;
    };
  }

  private String wrongArity() {
    String command = command();
    int wanted = arity(command);
    int count;
    do {
      count = random.nextInt(6);
    } while (count == wanted);
    StringBuilder line = new StringBuilder(command);
    for (int i = 0; i < count; i++) {
      line.append(' ').append(random.nextBoolean() ? deadId() : word());
    }
    return line.toString();
  }

  private String badIds() {
    String command = COMMANDS.get(random.nextInt(5));
    StringBuilder line = new StringBuilder(command);
    for (int i = 0; i < arity(command); i++) {
      String bad = BAD_IDS.get(random.nextInt(BAD_IDS.size()));
      line.append(' ').append(bad.isEmpty() ? "x" : bad);
    }
    return line.toString();
  }

  /** A well-formed command on a node that is not there: fails, changes nothing. */
  private String onDeadNode() {
    return switch (random.nextInt(9)) {
      case 0 -> "retireServer " + deadId();
      case 1 -> "printLog " + deadId();
      case 2 -> "joinClient " + deadId() + " " + deadId();
      case 3 -> "breakConnection " + deadId() + " " + deadId();
      case 4 -> "restoreConnection " + deadId() + " " + deadId();
      case 5 -> "put " + deadId() + " " + word() + " " + word();
      case 6 -> "get " + deadId() + " " + word();
      case 7 -> "delete " + deadId() + " " + word();
      default -> "joinClient " + deadId() + " " + deadId();
    };
  }

  private String mangledCase() {
    String command = command();
    return command.toUpperCase() + " " + deadId();
  }

  /** Random bytes, never a line break, never all blank (a blank line is skipped silently). */
  private byte[] binary() {
    byte[] bytes = new byte[1 + random.nextInt(200)];
    for (int i = 0; i < bytes.length; i++) {
      byte b;
      do {
        b = (byte) random.nextInt(256);
      } while (b == '\n' || b == '\r');
      bytes[i] = b;
    }
    bytes[0] = '\u0001'; // not whitespace, so never blank
    return bytes;
  }

  private byte[] huge() {
    byte[] bytes = new byte[HUGE_LINE_BYTES + random.nextInt(10_000)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) ('a' + random.nextInt(26));
    }
    return bytes;
  }
}
