package bayou.replica;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The invariants checked after every batch, each shown to catch what it names. */
class ReplicaInvariantsTest {
  private static final Map<String, Long> NONE = Map.of();

  @Test
  void aCommitForAHeldCsnMustEqualTheWriteHeldThere() {
    Replica primary = Replica.root(Set.of());
    Replica other = Replica.created(Set.of(), primary.acceptCreate(10), primary.fullLog(),
        primary.versionVector());
    primary.write(Write.PUT, "k", "a", NONE, NONE, 20);
    other.apply(primary.missingAt(other.versionVector(), other.committedCount()));
    other.checkInvariants();
    Write forged = new Write(25, "R", Write.PUT, "k", "forged", 2); // CSN 2 is held: k=a
    other.apply(new WriteBatch(List.of(forged), List.of()));
    IllegalStateException e = assertThrows(IllegalStateException.class, other::checkInvariants);
    assertTrue(e.getMessage().contains("received CSN 2 as 25@R, but holds 20@R there"),
        e.getMessage());
  }

  @Test
  void theVectorCoversEveryHeldWriteCommittedOrNot() {
    Replica primary = Replica.root(Set.of());
    String child = primary.acceptCreate(10);
    primary.write(Write.PUT, "k", "a", NONE, NONE, 20);
    Replica blind = Replica.created(Set.of(), child, primary.fullLog(), Map.of("R", 5L));
    IllegalStateException e = assertThrows(IllegalStateException.class, blind::checkInvariants);
    assertTrue(e.getMessage().contains("misses committed write"), e.getMessage());
  }

  @Test
  void theDigestEqualsARecountAfterEveryKindOfChange() {
    Replica primary = Replica.root(Set.of());
    Replica other = Replica.created(Set.of(), primary.acceptCreate(10), primary.fullLog(),
        primary.versionVector());
    for (int i = 0; i < 20; i++) {
      other.write(Write.PUT, "k" + i, "v", NONE, NONE, 100 + i);
      other.checkInvariants();
    }
    primary.apply(other.missingAt(primary.versionVector(), primary.committedCount()));
    other.apply(primary.missingAt(other.versionVector(), other.committedCount()));
    other.checkInvariants(); // tentative writes moved to the committed part
    other.retire(500);
    Replica heir = Replica.created(Set.of(), primary.acceptCreate(600), primary.fullLog(),
        primary.versionVector());
    heir.apply(other.fullLog());
    heir.becomePrimary();
    heir.checkInvariants();
    primary.checkInvariants();
  }
}
