package bayou.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {
  @Test void defaultsAreTheDocumentedOnes() {
    GeneratorOptions o = GeneratorOptions.defaults();
    assertEquals(5, o.servers());
    assertEquals(5, o.clients());
    assertEquals(5, o.keys());
    assertEquals(EnumSet.complementOf(EnumSet.of(FaultKind.SLOW)), o.nemesis());
    assertEquals(0.08, o.faultProbability());
    assertEquals(5, o.putWeight());
    assertEquals(4, o.getWeight());
    assertEquals(1, o.deleteWeight());
    assertEquals(10, o.maxServers());
    for (PartitionShape s : PartitionShape.values()) {
      assertEquals(1, o.partitionWeights().get(s));
    }
  }

  @Test void toBuilderRoundTrips() {
    GeneratorOptions o = GeneratorOptions.builder().servers(3).clients(7).keys(2)
        .nemesis(EnumSet.of(FaultKind.PAUSE)).faultProbability(0.5).opWeights(1, 0, 0)
        .partitionWeight(PartitionShape.BRIDGE, 0).maxServers(4).maxPauseSteps(3).build();
    assertEquals(o, o.toBuilder().build());
  }

  @Test void rejectsBadSettingsWithPreciseMessages() {
    assertMessage("servers must be >= 1, got 0", () -> builder().servers(0).build());
    assertMessage("clients must be >= 1, got -2", () -> builder().clients(-2).build());
    assertMessage("keys must be >= 1, got 0", () -> builder().keys(0).build());
    assertMessage("faultProbability must be in [0, 1], got 1.5",
        () -> builder().faultProbability(1.5).build());
    assertMessage("faultProbability must be in [0, 1], got NaN",
        () -> builder().faultProbability(Double.NaN).build());
    assertMessage("getWeight must be >= 0, got -1", () -> builder().opWeights(1, -1, 0).build());
    assertMessage("put, get and delete weights must not all be 0",
        () -> builder().opWeights(0, 0, 0).build());
    assertMessage("maxServers must be >= 5, got 4", () -> builder().maxServers(4).build());
    assertMessage("maxPauseSteps must be >= 1, got 0", () -> builder().maxPauseSteps(0).build());
    assertMessage("minServers must be >= 1, got 0", () -> builder().minServers(0).build());
    assertMessage("minServers must be <= servers (5), got 6",
        () -> builder().minServers(6).build());
    assertMessage("partition weight of RANDOM_GRUDGE must be >= 0, got -1",
        () -> builder().partitionWeight(PartitionShape.RANDOM_GRUDGE, -1).build());
  }

  @Test void partitionWeightsMayAllBeZeroOnlyWithoutPartitions() {
    GeneratorOptions.Builder b = builder();
    for (PartitionShape s : PartitionShape.values()) {
      b.partitionWeight(s, 0);
    }
    assertMessage("partition shape weights must not all be 0 while PARTITION faults are enabled",
        b::build);
    b.nemesis(EnumSet.of(FaultKind.PAUSE)).build();
  }

  @Test void parsesFaultKindLists() {
    assertEquals(EnumSet.of(FaultKind.PARTITION, FaultKind.MOVE),
        FaultKind.parseList("partition, MOVE"));
    // slow needs real namespaces, so "all" (every kind that runs anywhere) leaves it out
    assertEquals(EnumSet.complementOf(EnumSet.of(FaultKind.SLOW)), FaultKind.parseList("all"));
    assertEquals(EnumSet.of(FaultKind.SLOW), FaultKind.parseList("slow"));
    assertEquals(Set.of(), FaultKind.parseList("none"));
    assertEquals(Set.of(), FaultKind.parseList(""));
    assertMessage("unknown fault kind \"crash\"; expected some of "
        + "partition,pause,retire,join,move,kill,freeze,clock,slow (or all, none)",
        () -> FaultKind.parseList("pause,crash"));
  }

  private static GeneratorOptions.Builder builder() {
    return GeneratorOptions.builder();
  }

  private static void assertMessage(String expected, Supplier<?> action) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, action::get);
    assertEquals(expected, e.getMessage());
  }
}
