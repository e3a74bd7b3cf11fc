package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bayou.replica.Names;
import bayou.replica.Write;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator keeps a server's records as objects and the node process as JSON lines: a
 * record must come back from its line equal to itself, or the two would recover differently.
 */
class DurableCodecTest {
  @Test
  void everyKindOfRecordComesBackFromItsLineEqual() {
    String child = Names.child(7, Names.ROOT);
    List<Durable.Rec> records = List.of(
        Durable.write(new Write(3, Names.ROOT, Write.PUT, "song", "http://u", 2)),
        Durable.write(new Write(4, child, Write.DELETE, "song", null, 0)),
        Durable.write(new Write(5, Names.ROOT, Write.CREATE, child, null, 0)),
        Durable.state(child, false, true, Map.of(Names.ROOT, 9L, child, 4L)),
        Durable.ack(12, 40L, 4L));
    for (Durable.Rec rec : records) {
      assertEquals(rec, Durable.decode(Durable.encode(rec)));
    }
    Durable.Recovered fromLines = Durable.replay(
        records.stream().map(Durable::encode).map(Durable::decode).toList());
    Durable.Recovered fromObjects = Durable.replay(records);
    assertEquals(fromObjects, withoutAcks(fromLines, fromObjects));
    assertEquals(List.of(40L, 4L), List.of(fromLines.acks().get(12)[0], fromLines.acks().get(12)[1]));
  }

  @Test
  void aLineThatDoesNotParseIsAClearError() {
    assertThrows(IllegalArgumentException.class, () -> Durable.decode("{\"k\":"));
    assertThrows(IllegalArgumentException.class, () -> Durable.decode(""));
  }

  /** long[] has no value equality: compare the acks apart. */
  private static Durable.Recovered withoutAcks(Durable.Recovered r, Durable.Recovered acksOf) {
    return new Durable.Recovered(r.name(), r.primary(), r.retiring(), r.vv(), r.committed(),
        r.tentative(), acksOf.acks(), r.lastState());
  }
}
