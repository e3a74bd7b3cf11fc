package bayou.gen;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ScheduleGenerator} produces: cluster size, key space, which faults and how often.
 *
 * @param servers servers joined at the start (ids 0..servers-1)
 * @param clients clients joined at the start (ids servers..servers+clients-1)
 * @param keys size of the key space {@code k0..k<keys-1>}
 * @param nemesis fault kinds that may be injected (empty: a fault-free workload)
 * @param faultProbability chance that a generated step starts a fault instead of a client op
 * @param putWeight relative weight of {@code put} among client ops
 * @param getWeight relative weight of {@code get}
 * @param deleteWeight relative weight of {@code delete}
 * @param partitionWeights relative weight of each partition shape (a missing shape weighs 0)
 * @param maxServers live servers above which no new server joins
 * @param minServers live servers below which no retirement goes: at the floor a server joins
 *     before one retires
 * @param maxPauseSteps most steps a pause lasts before the schedule starts anti-entropy again
 * @param logCopyRatio how many writes of log a step that copies or rereads a whole log (a join,
 *     a retirement's hand-off, a kill's restart from disk) may cost per write issued since the
 *     last such step; 0 for no bound. Their cost grows with the log, so without a bound a long
 *     run spends ever more of its time on them and its throughput decays.
 */
public record GeneratorOptions(int servers, int clients, int keys, Set<FaultKind> nemesis,
    double faultProbability, int putWeight, int getWeight, int deleteWeight,
    Map<PartitionShape, Integer> partitionWeights, int maxServers, int minServers,
    int maxPauseSteps, int logCopyRatio) {

  public GeneratorOptions {
    atLeast("servers", servers, 1);
    atLeast("clients", clients, 1);
    atLeast("keys", keys, 1);
    Objects.requireNonNull(nemesis, "nemesis must not be null");
    Objects.requireNonNull(partitionWeights, "partitionWeights must not be null");
    nemesis = Collections.unmodifiableSet(nemesis.isEmpty()
        ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(nemesis));
    if (!(faultProbability >= 0 && faultProbability <= 1)) {
      throw new IllegalArgumentException(
          "faultProbability must be in [0, 1], got " + faultProbability);
    }
    atLeast("putWeight", putWeight, 0);
    atLeast("getWeight", getWeight, 0);
    atLeast("deleteWeight", deleteWeight, 0);
    if (putWeight + getWeight + deleteWeight == 0) {
      throw new IllegalArgumentException("put, get and delete weights must not all be 0");
    }
    partitionWeights = shapeWeights(partitionWeights, nemesis.contains(FaultKind.PARTITION));
    atLeast("maxServers", maxServers, servers);
    atLeast("minServers", minServers, 1);
    if (minServers > servers) {
      throw new IllegalArgumentException("minServers must be <= servers (" + servers + "), got "
          + minServers);
    }
    atLeast("maxPauseSteps", maxPauseSteps, 1);
    atLeast("logCopyRatio", logCopyRatio, 0);
  }

  /** 5 servers, 5 clients, 5 keys, every fault kind at 0.08 per step, put/get/delete 5/4/1. */
  public static GeneratorOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder().servers(servers).clients(clients).keys(keys).nemesis(nemesis)
        .faultProbability(faultProbability).opWeights(putWeight, getWeight, deleteWeight)
        .maxServers(maxServers).minServers(minServers).maxPauseSteps(maxPauseSteps)
        .logCopyRatio(logCopyRatio);
    partitionWeights.forEach(b::partitionWeight);
    return b;
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
    }
  }

  private static Map<PartitionShape, Integer> shapeWeights(Map<PartitionShape, Integer> given,
      boolean partitionsOn) {
    EnumMap<PartitionShape, Integer> weights = new EnumMap<>(PartitionShape.class);
    int sum = 0;
    for (PartitionShape shape : PartitionShape.values()) {
      int w = given.getOrDefault(shape, 0);
      atLeast("partition weight of " + shape, w, 0);
      weights.put(shape, w);
      sum += w;
    }
    if (partitionsOn && sum == 0) {
      throw new IllegalArgumentException(
          "partition shape weights must not all be 0 while PARTITION faults are enabled");
    }
    return Collections.unmodifiableMap(weights);
  }

  /** Builds {@link GeneratorOptions}; unset fields keep the defaults. */
  public static final class Builder {
    private static final int DEFAULT_MAX_PAUSE_STEPS = 20;
    /** Early in a run the bound does not bind; over a long one, joins and the like thin out. */
    public static final int DEFAULT_LOG_COPY_RATIO = 50;

    private int servers = 5;
    private int clients = 5;
    private int keys = 5;
    /** Every kind that runs anywhere: slow links need real namespaces and are asked for. */
    private Set<FaultKind> nemesis = EnumSet.complementOf(EnumSet.of(FaultKind.SLOW));
    private double faultProbability = 0.08;
    private int putWeight = 5;
    private int getWeight = 4;
    private int deleteWeight = 1;
    private final EnumMap<PartitionShape, Integer> partitionWeights = allShapesOnce();
    private int maxServers = -1; // unset: twice the starting servers
    private int minServers = -1; // unset: the starting servers minus two, at least one
    private int maxPauseSteps = DEFAULT_MAX_PAUSE_STEPS;
    private int logCopyRatio = DEFAULT_LOG_COPY_RATIO;

    private Builder() {
    }

    public Builder servers(int n) {
      servers = n;
      return this;
    }

    public Builder clients(int n) {
      clients = n;
      return this;
    }

    public Builder keys(int n) {
      keys = n;
      return this;
    }

    public Builder nemesis(Set<FaultKind> kinds) {
      nemesis = kinds.isEmpty() ? EnumSet.noneOf(FaultKind.class) : EnumSet.copyOf(kinds);
      return this;
    }

    public Builder faultProbability(double p) {
      faultProbability = p;
      return this;
    }

    public Builder opWeights(int put, int get, int delete) {
      putWeight = put;
      getWeight = get;
      deleteWeight = delete;
      return this;
    }

    public Builder partitionWeight(PartitionShape shape, int weight) {
      partitionWeights.put(shape, weight);
      return this;
    }

    public Builder maxServers(int n) {
      maxServers = n;
      return this;
    }

    public Builder minServers(int n) {
      minServers = n;
      return this;
    }

    public Builder maxPauseSteps(int n) {
      maxPauseSteps = n;
      return this;
    }

    public Builder logCopyRatio(int ratio) {
      logCopyRatio = ratio;
      return this;
    }

    /** @throws IllegalArgumentException naming the first bad setting */
    public GeneratorOptions build() {
      int max = maxServers < 0 ? Math.max(2 * servers, 1) : maxServers;
      int min = minServers < 0 ? defaultMinServers(servers) : minServers;
      return new GeneratorOptions(servers, clients, keys, nemesis, faultProbability, putWeight,
          getWeight, deleteWeight, partitionWeights, max, min, maxPauseSteps, logCopyRatio);
    }

    /** Two fewer than at the start: retirements still shrink the system, never to one server. */
    public static int defaultMinServers(int servers) {
      return Math.max(1, servers - 2);
    }

    private static EnumMap<PartitionShape, Integer> allShapesOnce() {
      EnumMap<PartitionShape, Integer> m = new EnumMap<>(PartitionShape.class);
      for (PartitionShape s : PartitionShape.values()) {
        m.put(s, 1);
      }
      return m;
    }
  }
}
