package bayou.fuzz;

import bayou.cluster.NodePool;
import bayou.cluster.ProcessCluster;
import bayou.master.Master;
import bayou.wire.Wire;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real sockets: a course case's nodes (servers and clients) get random, mutated, oversized and
 * nonsense frames on their TCP ports between the case's joins and the rest of it, both from a
 * stranger (without the run's secret, with forged valid messages too) and from a process that
 * knows the secret (only frames that are not valid messages). Required: every node stays up
 * and the case still prints exactly its expected output. A case is one frame.
 */
final class WireFuzzer implements Fuzzer {
  static final int FRAMES_PER_RUN = 300;
  /** A course case takes seconds; past this the run hangs. */
  static final long RUN_TIMEOUT_MS = 180_000;
  static final int CONNECT_TIMEOUT_MS = 2_000;
  static final int SPARES = 4;

  @Override
  public String name() {
    return "wire";
  }

  @Override
  public String description() {
    return "garbage and forged frames to live node ports: nodes stay up, the case passes"
        + " exactly";
  }

  @Override
  public FuzzReport run(long seed, int cases, PrintStream err) throws Exception {
    FuzzReport report = new FuzzReport(name(), seed);
    CourseCase course = CourseCase.load();
    ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz-wire");
      thread.setDaemon(true);
      return thread;
    });
    try (NodePool pool = new NodePool(SPARES, NodePool.defaultNodeJvmArgs())) {
      report.inRuns(cases, FRAMES_PER_RUN,
          (random, frames) -> runAndJudge(runner, pool, course, random, frames, report), err);
    } finally {
      runner.shutdownNow();
    }
    return report;
  }

  private static void runAndJudge(ExecutorService runner, NodePool pool, CourseCase course,
      SplittableRandom random, int frames, FuzzReport report) throws InterruptedException {
    Future<String> run = runner.submit(() -> runOnce(pool, course, random, frames));
    try {
      String output = run.get(RUN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (!output.equals(course.expected())) {
        report.crash(course.name() + " printed " + output.replace('\n', '|')
            + " instead of " + course.expected().replace('\n', '|'));
      }
    } catch (TimeoutException e) {
      run.cancel(true);
      report.hang(course.name() + " did not end within " + RUN_TIMEOUT_MS + " ms");
    } catch (java.util.concurrent.ExecutionException e) {
      report.crash(course.name() + ": " + e.getCause());
    }
  }

  private static String runOnce(NodePool pool, CourseCase course, SplittableRandom random,
      int frames) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (ProcessCluster cluster = new ProcessCluster(pool, "")) {
      pool.prepare(course.nodeIds().size());
      Master master = new Master(cluster, new PrintStream(out, true, StandardCharsets.UTF_8),
          quiet);
      master.run(new BufferedReader(new StringReader(CourseCase.script(course.joins()))));
      List<Integer> ports = course.nodeIds().stream().map(cluster::portOf)
          .filter(port -> port > 0).toList();
      Frames source = new Frames(random);
      for (int i = 0; i < frames; i++) {
        int port = ports.get(random.nextInt(ports.size()));
        send(port, frame(source, random, pool.secret(), i == 0));
      }
      master.run(new BufferedReader(new StringReader(CourseCase.script(course.rest()))));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One frame: what goes down one connection, the secret line first when it is an insider's. */
  private static byte[] frame(Frames source, SplittableRandom random, String secret,
      boolean oversized) {
    String insider = secret + "\n";
    if (oversized) {
      return Frames.utf8(insider + "x".repeat(Wire.LINE_BYTES_MAX + 1) + "\n");
    }
    return switch (random.nextInt(7)) {
      case 0 -> source.bytes(4096);
      case 1 -> Frames.utf8(source.forged("R") + "\n");
      case 2 -> Frames.utf8("0123456789abcdef0123456789abcdef\n" + source.forged("R") + "\n");
      case 3 -> concat(Frames.utf8(insider), source.bytes(4096));
      case 4 -> insiderOnlyIfInvalid(insider, source.nonsense());
      case 5 -> insiderOnlyIfInvalid(insider, source.mutated(source.forged("R")));
      default -> Frames.utf8("x".repeat(random.nextInt(70, 100_000)));
    };
  }

  private static byte[] insiderOnlyIfInvalid(String insider, String line) {
    return Frames.utf8(Frames.decodes(line) ? line + "\n" : insider + line + "\n");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** Connects, writes, closes: what the node does with it is its own business. */
  private static void send(int port, byte[] frame) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
          CONNECT_TIMEOUT_MS);
      socket.setSoTimeout(CONNECT_TIMEOUT_MS);
      socket.getOutputStream().write(frame);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // refused, reset or closed by the node: all fine, the node is judged by the case
    }
  }
}
