package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.wire.Msg;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerKnowledgeTest {
  private final PeerKnowledge known = new PeerKnowledge();

  @Test
  void aGuessRaisesWhatIsKnownEntryByEntry() {
    known.learn(2, new Msg.Summary(Map.of("R", 5L, "<1,R>", 9L), 3));
    known.assumeAtLeast(2, new Msg.Summary(Map.of("R", 7L, "<4,R>", 2L), 2));
    assertEquals(new Msg.Summary(Map.of("R", 7L, "<1,R>", 9L, "<4,R>", 2L), 3), known.of(2));
  }

  @Test
  void aPeersOwnWordReplacesAWrongGuess() {
    known.assumeAtLeast(2, new Msg.Summary(Map.of("R", 7L), 4)); // a push it may have dropped
    Msg.Summary said = new Msg.Summary(Map.of("R", 3L), 1);
    known.learn(2, said);
    assertEquals(said, known.of(2));
  }

  @Test
  void aForgottenPeerIsUnknown() {
    known.learn(3, new Msg.Summary(Map.of(), 0));
    assertTrue(known.knows(3));
    known.forget(3);
    assertFalse(known.knows(3));
    assertNull(known.of(3));
  }
}
