package bayou.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The run's secret: the master makes one at random for each run and hands it to its nodes on
 * their standard input (not on the command line, which every process on the machine can read).
 * Every connection to a node opens with it, so only the run's own processes can talk to a node.
 */
public final class RunSecret {
  static final int SECRET_BYTES = 16;
  /** A secret line is 32 hex digits; a reader stops well before a stranger's long line. */
  static final int SECRET_LINE_BYTES_MAX = 64;

  private RunSecret() {}

  /** A fresh random secret, as hex. */
  public static String generate() {
    byte[] bytes = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether {@code presented} is the secret, in time independent of where they differ. */
  public static boolean matches(String secret, String presented) {
    return presented != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads the secret from a node's standard input: one line, written by its master. */
  static String readFrom(InputStream in) throws IOException {
    String line = new bayou.wire.LineReader(in, SECRET_LINE_BYTES_MAX).readLine();
    if (line == null || line.isBlank()) {
      throw new IOException("no run secret on standard input");
    }
    return line.trim();
  }
}
