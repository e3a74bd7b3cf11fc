package bayou.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad input to check is one line on stderr and exit 254; stdout stays for results. */
class CheckRunErrorsTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private void oneLineOnStderr() {
    assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
    String stderr = errBytes.toString(StandardCharsets.UTF_8);
    assertEquals(1, stderr.chars().filter(c -> c == '\n').count(), stderr);
    assertTrue(stderr.startsWith("bayou check: "), stderr);
  }

  @Test
  void aMissingDirectory() {
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("nope"), out, err));
    oneLineOnStderr();
  }

  /** Found by the history fuzzer (seed 1): the error went to stdout, stderr stayed empty. */
  @Test
  void aDirectoryWithoutAQueue() throws Exception {
    Files.writeString(Files.createDirectories(dir.resolve("foreign")).resolve("x.cq4"), "junk");
    assertEquals(CheckRun.EXIT_BAD_ARGUMENTS, CheckRun.run(dir.resolve("foreign"), out, err));
    oneLineOnStderr();
  }
}
