package bayou.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running {@link ChildMain}, with the test classpath. Its stdout is read line by
 * line on a thread so the test can wait for a line with a timeout; its stderr goes to a file so
 * the test can check it is empty. Its home is the given directory and its working directory
 * {@code work} beside it, so the test can check what it leaves in either.
 */
final class ChildJvm implements AutoCloseable {
  /** Long enough for a JVM to start on a loaded 2-core machine. */
  static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static final String EOF = new String("<eof>");

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Path stderr;
  private final PrintWriter stdin;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread pump = new Thread(this::pumpStdout, "child-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts ChildMain with all of Chronicle's flags. */
  static ChildJvm start(Path home, String... args) throws IOException {
    return start(home, ChronicleFlags.jvmFlags(), args);
  }

  static ChildJvm start(Path home, List<String> flags, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(flags);
    command.add("-Duser.home=" + home);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildMain.class.getName());
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile(home.getParent(), "child-stderr", ".txt");
    // Run in a directory of its own, so the test can check the child leaves nothing there.
    Path workDir = Files.createDirectories(home.resolveSibling("work"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile())
        .directory(workDir.toFile());
    pb.environment().put("HOME", home.toString());
    pb.environment().remove("XDG_CACHE_HOME");
    return new ChildJvm(pb.start(), stderr);
  }

  private void pumpStdout() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The child was killed mid-line: what was read so far is all there is.
    } finally {
      lines.add(EOF);
    }
  }

  /** The next stdout line, or empty at end of output; fails after TIMEOUT. */
  Optional<String> nextLine() throws InterruptedException {
    String line = lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("no output from the child within " + TIMEOUT + "; stderr: "
          + stderr());
    }
    if (line == EOF) {
      lines.add(EOF);
      return Optional.empty();
    }
    return Optional.of(line);
  }

  /** The next stdout line, which must exist. */
  String expectLine() throws InterruptedException {
    return nextLine().orElseThrow(() -> new AssertionError(
        "the child ended early; stderr: " + stderr()));
  }

  void send(String line) {
    stdin.println(line);
  }

  /** SIGKILL, then wait for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    waitFor();
  }

  int waitFor() throws InterruptedException {
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the child did not exit within " + TIMEOUT);
    }
    return process.exitValue();
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
