package bayou.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live line of progress on stderr (what is running, n of total, elapsed, ETA), redrawn in
 * place. Only when there is a terminal (System.console() is not null), so that logs, pipes and
 * CI stay quiet. Results go to stdout through {@link #print}, which clears the line first.
 */
final class LiveLine implements AutoCloseable {
  static final long REDRAW_MS = 250;

  private final PrintStream err;
  private final long total;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private String what;
  private long done;

  /** total 0: unknown, then no count and no ETA are shown. */
  LiveLine(PrintStream err, String what, long total) {
    this(err, what, total, System.console() != null);
  }

  LiveLine(PrintStream err, String what, long total, boolean terminal) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.timer = terminal ? Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "live-line");
      t.setDaemon(true);
      return t;
    }) : null;
    if (timer != null) {
      timer.scheduleAtFixedRate(this::draw, 0, REDRAW_MS, TimeUnit.MILLISECONDS);
    }
  }

  /** Now running this, with done steps finished. */
  synchronized void running(String now, long doneSoFar) {
    what = now;
    done = doneSoFar;
  }

  /** Clears the line, runs the printing (of results on stdout), and lets the line come back. */
  synchronized void print(Runnable printing) {
    clear();
    printing.run();
  }

  private synchronized void draw() {
    err.print("\r" + text(what, done, total, System.nanoTime() - startNanos) + "\u001b[K");
    err.flush();
  }

  private void clear() {
    if (timer != null) {
      err.print("\r\u001b[K");
      err.flush();
    }
  }

  /** The line: {@code what  3/35  elapsed 4 s  ETA 43 s}, the ETA from the mean step so far. */
  static String text(String what, long done, long total, long elapsedNanos) {
    long elapsedS = elapsedNanos / 1_000_000_000L;
    StringBuilder line = new StringBuilder(what);
    if (total > 0) {
      line.append("  ").append(done).append('/').append(total);
    }
    line.append("  elapsed ").append(elapsedS).append(" s");
    if (total > 0 && done > 0) {
      line.append("  ETA ").append(elapsedNanos / done * (total - done) / 1_000_000_000L)
          .append(" s");
    }
    return line.toString();
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      clear();
    }
  }
}
