package bayou.master;

import bayou.cluster.Cluster;
import bayou.cluster.ClusterException;
import bayou.replica.Write;
import bayou.wire.LineReader;
import bayou.wire.Msg;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.stream.Stream;

/**
 * The course master: reads commands from a reader until EOF, drives a {@link Cluster}, and prints
 * exactly the course's results on {@code out}. Problems go to {@code err} as one line each and
 * the master carries on.
 */
public final class Master {
  /** The longest command line read; a course command is a few dozen bytes. */
  public static final int LINE_BYTES_MAX = 64 * 1024;
  /** Stands for a line longer than {@link #LINE_BYTES_MAX}. */
  private static final String TOO_LONG = new String("(a line too long)");

  private final Cluster cluster;
  private final PrintStream out;
  private final PrintStream err;

  public Master(Cluster cluster, PrintStream out, PrintStream err) {
    this.cluster = cluster;
    this.out = out;
    this.err = err;
  }

  /** Runs every line; returns the number of lines that were rejected or failed. */
  public int run(BufferedReader in) throws IOException {
    return run(in::readLine);
  }

  /** Runs every line of standard input, read with a bounded line length. */
  public int run(java.io.InputStream in) throws IOException {
    LineReader reader = new LineReader(in, LINE_BYTES_MAX);
    return run(() -> {
      try {
        return reader.readLine();
      } catch (LineReader.LineTooLongException e) {
        return TOO_LONG;
      }
    });
  }

  /** A source of lines; null at the end. */
  private interface Lines {
    String next() throws IOException;
  }

  private int run(Lines in) throws IOException {
    int problems = 0;
    String line;
    int number = 0;
    while ((line = in.next()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        if (line == TOO_LONG) {
          throw new IllegalArgumentException("longer than " + LINE_BYTES_MAX + " bytes");
        }
        execute(Command.parse(line));
      } catch (IllegalArgumentException | ClusterException e) {
        problems++;
        err.println("bayou master: line " + number + " ignored (" + clip(line.trim()) + "): "
            + clip(e.getMessage()));
      }
      out.flush();
    }
    return problems;
  }

  /** A line quoted in a diagnostic: one short line, whatever bytes it held. */
  static String clip(String text) {
    String printable = String.valueOf(text).replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
  }

  private void execute(Command c) {
    switch (c.name()) {
      case "joinServer" -> cluster.joinServer(c.id(0));
      case "retireServer" -> cluster.retireServer(c.id(0));
      case "joinClient" -> cluster.joinClient(c.id(0), c.id(1));
      case "breakConnection" -> cluster.breakConnection(c.id(0), c.id(1));
      case "restoreConnection" -> cluster.restoreConnection(c.id(0), c.id(1));
      case "pause" -> cluster.pause();
      case "start" -> cluster.start();
      case "stabilize" -> cluster.stabilize();
      case "printLog" -> printLog(cluster.log(c.id(0)));
      case "put" -> reportWrite(c, cluster.put(c.id(0), c.arg(1), c.arg(2)));
      case "delete" -> reportWrite(c, cluster.delete(c.id(0), c.arg(1)));
      case "get" -> reportGet(c.arg(1), cluster.get(c.id(0), c.arg(1)));
      default -> throw new IllegalArgumentException("unknown command " + c.name());
    }
  }

  private void printLog(Msg.LogDump log) {
    Stream.concat(log.committed().stream(), log.tentative().stream())
        .filter(w -> w.op().equals(Write.PUT) || w.op().equals(Write.DELETE))
        .forEach(w -> out.println(w.courseLine()));
  }

  /** A dropped write prints nothing (the course's rule); an unknown outcome says so on stderr. */
  private void reportWrite(Command c, Msg.OpOutcome outcome) {
    if (outcome.status().equals("info") || "no-server".equals(outcome.error())) {
      err.println("bayou master: " + c.name() + " by client " + c.id(0) + ": "
          + outcome.error());
    }
  }

  private void reportGet(String key, Msg.OpOutcome outcome) {
    if (outcome.status().equals("ok") || "ERR_DEP".equals(outcome.error())) {
      out.println(key + ":" + (outcome.value() != null ? outcome.value() : outcome.error()));
    } else {
      err.println("bayou master: get " + key + ": " + outcome.error());
    }
  }
}
