package bayou.harness;

import bayou.cluster.ProcessCluster;
import bayou.gen.FaultKind;
import bayou.gen.GeneratorOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A campaign's options as command-line words and as a map, so any run can be repeated. */
final class CampaignArgs {
  private CampaignArgs() {}

  static String of(CampaignOptions options, long seed) {
    GeneratorOptions g = options.generator();
    StringBuilder args = new StringBuilder("--seed " + seed);
    args.append(" --time-limit ").append(options.timeLimit().toSeconds());
    if (options.opsLimit() > 0) {
      args.append(" --ops ").append(options.opsLimit());
    }
    args.append(" --servers ").append(g.servers()).append(" --clients ").append(g.clients())
        .append(" --keys ").append(g.keys())
        .append(" --concurrency ").append(options.concurrency())
        .append(" --nemesis ").append(nemesis(g))
        .append(" --fault-probability ").append(g.faultProbability())
        .append(" --min-servers ").append(g.minServers());
    if (g.logCopyRatio() != GeneratorOptions.Builder.DEFAULT_LOG_COPY_RATIO) {
      args.append(" --log-copy-ratio ").append(g.logCopyRatio());
    }
    if (!options.bug().isEmpty()) {
      args.append(" --bug ").append(options.bug());
    }
    if (g.nemesis().contains(FaultKind.SLOW)) {
      args.append(" --net netns"); // slow links exist only there
    }
    if (options.simulated()) {
      args.append(" --sim ").append(options.sim().toArgs());
    } else if (!fsync().equals(ProcessCluster.DEFAULT_FSYNC)) {
      args.append(" --fsync ").append(fsync());
    }
    return args.toString();
  }

  /** The server disks' fsync policy of runs on processes, as --fsync set it for this JVM. */
  static String fsync() {
    return ProcessCluster.checkedFsync(System.getProperty(ProcessCluster.FSYNC_PROPERTY,
        ProcessCluster.DEFAULT_FSYNC));
  }

  static String nemesis(GeneratorOptions g) {
    return g.nemesis().isEmpty() ? "none"
        : g.nemesis().stream().map(FaultKind::flagName).sorted().collect(Collectors.joining(","));
  }

  static Map<String, Object> describe(CampaignOptions options) {
    GeneratorOptions g = options.generator();
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("time-limit-s", options.timeLimit().toSeconds());
    map.put("ops-limit", options.opsLimit());
    map.put("servers", g.servers());
    map.put("min-servers", g.minServers());
    map.put("clients", g.clients());
    map.put("keys", g.keys());
    map.put("concurrency", options.concurrency());
    map.put("nemesis", nemesis(g));
    map.put("fault-probability", g.faultProbability());
    map.put("log-copy-ratio", g.logCopyRatio());
    map.put("bug", options.bug());
    map.put("shrink-time-s", options.shrinkTime().toSeconds());
    map.put("sim", options.simulated() ? options.sim() : null);
    map.put("fsync", options.simulated() ? null : fsync());
    return map;
  }
}
