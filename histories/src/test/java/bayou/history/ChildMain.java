package bayou.history;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The program a test runs in a second JVM. Modes:
 *
 * <ul>
 *   <li>{@code flood DIR}: records TestEvents.event(0, 1, ...) until killed, printing each index
 *       once record has returned;
 *   <li>{@code steps DIR}: for each stdin line {@code write N} records N more events and prints
 *       {@code wrote TOTAL}; on {@code close} closes the history and prints {@code closed};
 *   <li>{@code read DIR}: reads the history, checks each event against TestEvents and prints
 *       {@code read COUNT}.
 * </ul>
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "flood" -> flood(dir);
      case "steps" -> steps(dir);
      case "read" -> read(dir);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void flood(Path dir) {
    try (ChronicleHistory history = ChronicleHistory.create(dir)) {
      for (int i = 0; ; i++) {
        HistoryEvent recorded = TestEvents.record(history, TestEvents.event(i));
        System.out.println(recorded.index());
        System.out.flush();
      }
    }
  }

  private static void steps(Path dir) throws Exception {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (ChronicleHistory history = ChronicleHistory.create(dir)) {
      int total = 0;
      String line;
      while ((line = in.readLine()) != null && !line.equals("close")) {
        int n = Integer.parseInt(line.substring("write ".length()));
        for (int i = 0; i < n; i++) {
          TestEvents.record(history, TestEvents.event(total++));
        }
        System.out.println("wrote " + total);
        System.out.flush();
      }
    }
    System.out.println("closed");
    System.out.flush();
  }

  private static void read(Path dir) {
    List<HistoryEvent> events = HistoryReader.readAll(dir);
    for (int i = 0; i < events.size(); i++) {
      HistoryEvent e = events.get(i);
      if (!e.equals(TestEvents.expected(i, e.timeNanos()))) {
        throw new AssertionError("event " + i + " differs: " + e);
      }
    }
    System.out.println("read " + events.size());
    System.out.flush();
  }
}
