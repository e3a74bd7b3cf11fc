package bayou.gen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Course-format scripts: parsing, rendering and a model replay that finds the first step a
 * master would find meaningless.
 */
public final class Script {
  private Script() {
  }

  /**
   * Parses course lines into steps. Blank lines are skipped and surrounding whitespace is
   * ignored (the course suite has a line with a trailing space).
   *
   * @throws IllegalArgumentException naming the 1-based line number and text of the first
   *     malformed line
   */
  public static List<Step> parse(List<String> lines) {
    List<Step> steps = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        steps.add(parseLine(line.strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " `" + line + "`: " + e.getMessage(), e);
      }
    }
    return List.copyOf(steps);
  }

  /** Parses a UTF-8 course script file; see {@link #parse(List)}. */
  public static List<Step> parse(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /** The steps as course lines joined by {@code \n}, with a trailing newline ("" if none). */
  public static String render(List<? extends Step> steps) {
    StringBuilder out = new StringBuilder(steps.size() * 16);
    for (Step s : steps) {
      out.append(s.toLine()).append('\n');
    }
    return out.toString();
  }

  /**
   * Replays the steps on an empty topology model and describes the first one that makes no
   * sense there (an id that never joined or is retired, a reused id, retiring the last server,
   * {@code start} without {@code pause}, a client op on a detached client, ...).
   *
   * @return for example {@code "step 7 `retireServer 0`: server 0 is the last live server"},
   *     or empty when every step is valid
   */
  public static Optional<String> firstProblem(List<? extends Step> steps) {
    Model model = new Model();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String problem = model.problem(s);
      if (problem != null) {
        return Optional.of("step " + (i + 1) + " `" + s.toLine() + "`: " + problem);
      }
      model.apply(s);
    }
    return Optional.empty();
  }

  /**
   * Parses one course line (surrounding whitespace ignored): the one parser of the course
   * grammar, for the master, the suite, campaigns, replays and the simulator alike.
   *
   * @throws IllegalArgumentException saying what is wrong with the line
   */
  public static Step parseLine(String line) {
    String[] w = line.strip().split("\\s+");
    return switch (w[0]) {
      case "joinServer" -> new Step.JoinServer(id(w, 1, "joinServer <server>"));
      case "retireServer" -> new Step.RetireServer(id(w, 1, "retireServer <server>"));
      case "joinClient" -> new Step.JoinClient(id(w, 2, "joinClient <client> <server>"),
          Integer.parseInt(w[2]));
      case "breakConnection" -> new Step.BreakConnection(id(w, 2, "breakConnection <a> <b>"),
          Integer.parseInt(w[2]));
      case "restoreConnection" -> new Step.RestoreConnection(
          id(w, 2, "restoreConnection <a> <b>"), Integer.parseInt(w[2]));
      case "slow" -> w.length == 2 ? new Step.Slow(id(w, 1, "slow <a> [<b>]"), -1)
          : new Step.Slow(id(w, 2, "slow <a> [<b>]"), Integer.parseInt(w[2]));
      case "fast" -> w.length == 2 ? new Step.Fast(id(w, 1, "fast <a> [<b>]"), -1)
          : new Step.Fast(id(w, 2, "fast <a> [<b>]"), Integer.parseInt(w[2]));
      case "pause" -> arity(w, 0, "pause", new Step.Pause());
      case "start" -> arity(w, 0, "start", new Step.Start());
      case "stabilize" -> arity(w, 0, "stabilize", new Step.Stabilize());
      case "printLog" -> new Step.PrintLog(id(w, 1, "printLog <server>"));
      case "put" -> {
        arity(w, 3, "put <client> <song> <url>", null);
        yield new Step.Put(id(w[1]), w[2], w[3]);
      }
      case "get" -> {
        arity(w, 2, "get <client> <song>", null);
        yield new Step.Get(id(w[1]), w[2]);
      }
      case "delete" -> {
        arity(w, 2, "delete <client> <song>", null);
        yield new Step.Delete(id(w[1]), w[2]);
      }
      case "killServer" -> new Step.KillServer(id(w, 1, "killServer <server>"));
      case "restartServer" -> new Step.RestartServer(id(w, 1, "restartServer <server>"));
      case "freezeServer" -> new Step.FreezeServer(id(w, 1, "freezeServer <server>"));
      case "thawServer" -> new Step.ThawServer(id(w, 1, "thawServer <server>"));
      case "skewClock" -> skewClock(w);
      default -> throw new IllegalArgumentException("unknown command \"" + w[0] + "\"");
    };
  }

  /** {@code skewClock <server> <millis> [<drift ppm>]}; the offset and drift may be negative. */
  private static Step skewClock(String[] w) {
    String usage = "skewClock <server> <millis> [<drift ppm>]";
    if (w.length != 3 && w.length != 4) {
      arity(w, 2, usage, null);
    }
    return new Step.SkewClock(id(w[1]), signed(w[2], "an offset in milliseconds"),
        w.length == 4 ? signed(w[3], "a drift in ppm") : 0);
  }

  private static long signed(String word, String what) {
    if (!word.matches("-?[0-9]{1,9}")) {
      throw new IllegalArgumentException("expected " + what + " (an integer), got \"" + word
          + "\"");
    }
    return Long.parseLong(word);
  }

  /**
   * Checks that the line has exactly {@code count} arguments, all ids, and returns the first;
   * callers read the rest, which are then known to parse.
   */
  private static int id(String[] w, int count, String usage) {
    arity(w, count, usage, null);
    for (int i = 2; i <= count; i++) {
      id(w[i]);
    }
    return id(w[1]);
  }

  private static <T> T arity(String[] w, int count, String usage, T value) {
    if (w.length != count + 1) {
      throw new IllegalArgumentException("expected `" + usage + "`, got " + (w.length - 1)
          + " argument" + (w.length == 2 ? "" : "s"));
    }
    return value;
  }

  private static int id(String word) {
    if (!word.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException("expected a non-negative integer id, got \""
          + word + "\"");
    }
    return Integer.parseInt(word);
  }
}
