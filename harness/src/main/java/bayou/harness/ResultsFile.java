package bayou.harness;

import bayou.checker.CheckRun;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code results.json} of a campaign run: verdicts per checker, counts, seed and options, live
 * servers over time, the run's size, and for an invalid run the command that replays it.
 */
final class ResultsFile {
  private ResultsFile() {}

  /** {@code liveServers}: the run's live-server timeline, or null when nothing was recorded. */
  static void write(Path runDir, CampaignOptions options, CampaignResult result,
      Map<String, Object> liveServers) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("valid", result.validity().jepsenValue()); // as bin/bayou check writes it
    json.put("seed", result.seed());
    json.put("repeat", "bin/bayou campaign " + CampaignArgs.of(options, result.seed()));
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("ops", result.ops());
    counts.put("faults", result.faults());
    counts.put("ops-per-second", Math.round(result.opsPerSecond()));
    counts.put("convergence-ms", Double.isNaN(result.convergenceMs()) ? null
        : Math.round(result.convergenceMs()));
    counts.put("check-ms", Double.isNaN(result.checkMs()) ? null : Math.round(result.checkMs()));
    counts.put("shrink-ms",
        Double.isNaN(result.shrinkMs()) ? null : Math.round(result.shrinkMs()));
    json.put("counts", counts);
    json.put("options", CampaignArgs.describe(options));
    if (liveServers != null) {
      json.put("live-servers", liveServers);
    }
    json.put("minimal", result.minimal() == null ? null : result.minimal().getFileName()
        .toString());
    json.put("replay", result.minimal() == null ? null
        : ReplayLine.of(result.runDir(), options, result.seed()));
    json.put("simulated", options.simulated());
    json.put("history-digest", result.historyDigest());
    if (result.minimalOnProcesses() != null) {
      json.put("minimal-reproduces-on-processes", result.minimalOnProcesses());
    }
    json.put("checkers", CheckRun.checkersJson(result.results()));
    json.put("disk-bytes", DiskUsage.bytes(result.runDir())); // without results.json itself
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(runDir.resolve("results.json").toFile(), json);
  }
}
