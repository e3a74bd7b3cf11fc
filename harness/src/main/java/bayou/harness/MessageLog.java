package bayou.harness;

import bayou.sim.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first messages of a simulated run, for its Lamport diagram ({@code messages.jsonl}, one
 * JSON object per message). Capped: the diagram is for short runs and minimal scripts.
 */
final class MessageLog {
  static final int CAP = 5_000;

  private final List<Simulation.Traced> messages = new ArrayList<>();

  void add(Simulation.Traced message) {
    if (messages.size() < CAP) {
      messages.add(message);
    }
  }

  /** Writes the file, or nothing when no message was traced (a run on processes). */
  void writeTo(Path file) {
    if (messages.isEmpty()) {
      return;
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Simulation.Traced m : messages) {
        out.write(String.format("{\"sent\":%d,\"delivered\":%d,\"from\":%d,\"to\":%d,"
            + "\"type\":\"%s\"}%n", m.sent(), m.delivered(), m.from(), m.to(), m.type()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
