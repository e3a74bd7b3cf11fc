package bayou.fuzz;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fuzz target: seeded (the same seed tries the same cases) and bounded (every case has a
 * bounded wait). {@code bin/bayou fuzz TARGET --seed S --cases N} runs one long; {@code mvn
 * verify} runs each with a small count.
 */
public interface Fuzzer {
  String name();

  /** What the target attacks and what it requires, one line. */
  String description();

  /** Tries {@code cases} cases from {@code seed}; progress and findings go to {@code err}. */
  FuzzReport run(long seed, int cases, PrintStream err) throws Exception;

  /** Every target, by name. */
  static Map<String, Fuzzer> all() {
    Map<String, Fuzzer> all = new TreeMap<>();
    for (Fuzzer fuzzer : List.of(new MasterInputFuzzer(), new WireFuzzer(),
        new SimMessageFuzzer(), new HistoryFileFuzzer())) {
      all.put(fuzzer.name(), fuzzer);
    }
    return all;
  }
}
