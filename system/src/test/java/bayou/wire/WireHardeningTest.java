package bayou.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.replica.Replica;
import bayou.replica.Write;
import bayou.replica.WriteBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every message is validated where it is decoded, and lines are bounded. */
class WireHardeningTest {
  private static String envelope(String type, String body) {
    return "{\"from\":1,\"type\":\"" + type + "\",\"body\":" + body + "}";
  }

  @Test
  void aClientRequestWithoutAnOperationIsRejectedWhenDecoded() {
    // before: decoded with f == null, and ServerRole.onClient threw a NullPointerException
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        Wire.decode(envelope("ClientRequest", "{\"req\":1,\"key\":\"k\",\"readSet\":{},"
            + "\"writeSet\":{}}")));
    assertTrue(e.getMessage().contains("get, put or delete"), e.getMessage());
  }

  @Test
  void nonsenseBodiesAreRejectedWithTheReason() {
    List<String> bad = List.of(
        envelope("Push", "{}"),
        envelope("Push", "{\"sync\":-1}"),
        envelope("Notice", "{\"have\":{\"vv\":{\"not a name\":1},\"committed\":0}}"),
        envelope("Notice", "{\"have\":{\"vv\":{\"R\":null},\"committed\":0}}"),
        envelope("Pull", "{\"sync\":0,\"have\":{\"vv\":{},\"committed\":-5}}"),
        envelope("Handoff", "{\"req\":1,\"part\":0,\"parts\":1,"
            + "\"committed\":[{\"stamp\":1,\"acceptor\":\"R\","
            + "\"op\":\"PUT\",\"key\":\"k\",\"value\":\"v\",\"csn\":0}],\"tentative\":[]}"),
        envelope("Handoff", "{\"req\":1,\"part\":0,\"parts\":1,\"committed\":[],"
            + "\"tentative\":[{\"stamp\":1,"
            + "\"acceptor\":\"R\",\"op\":\"EXPLODE\",\"key\":\"k\",\"csn\":0}]}"),
        envelope("Control", "{\"req\":1,\"cmd\":\"servers\"}"),
        envelope("Control", "{\"req\":1,\"cmd\":\"op\",\"f\":\"put\",\"key\":\"k\"}"),
        envelope("Control", "{\"req\":1,\"cmd\":\"assign\",\"a\":1,\"key\":\"wizard\"}"),
        envelope("Nope", "{}"), "[1,2,3]", "{\"from\":\"x\"}", "", "{", "\u0000\u0001");
    for (String line : bad) {
      assertThrows(IllegalArgumentException.class, () -> Wire.decode(line), line);
    }
  }

  @Test
  void namesAreCheckedWholeAndBounded() {
    assertEquals("<12,<5,R>>", bayou.replica.Names.requireValid("<12,<5,R>>"));
    for (String bad : List.of("", "<,R>", "<1,R", "<1,R>>", "<1R>", "R>", "<x,R>", "S",
        "<1,R>" + ">".repeat(3), "<1,".repeat(5000) + "R" + ">".repeat(5000))) {
      assertThrows(IllegalArgumentException.class, () -> bayou.replica.Names.requireValid(bad),
          bad.length() > 40 ? bad.substring(0, 40) : bad);
    }
  }

  /**
   * Logs travel in chunks of an eighth of a line (LogSlicesTest); even a hand-off of 50,000
   * writes in one piece would fit.
   */
  @Test
  void theLargestLegitimateMessageFitsTheLineLimit() {
    Replica primary = Replica.root(Set.of());
    for (int i = 0; i < 50_000; i++) {
      primary.write(Write.PUT, "song-" + i, "http://example.org/playlist/" + i, Map.of(),
          Map.of(), 1_700_000_000_000_000L + i);
    }
    WriteBatch log = primary.fullLog();
    String line = Wire.encode(0, new Msg.Handoff(1, log.committed(), log.tentative(), true));
    int bytes = line.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < Wire.LINE_BYTES_MAX, bytes + " bytes");
    assertEquals(50_000, ((Msg.Handoff) Wire.decode(line).msg()).committed().size());
  }

  @Test
  void aTooLongLineIsSkippedAndTheNextOneRead() throws IOException {
    String text = "short\n" + "x".repeat(100) + "\nnext\r\nlast";
    LineReader in = new LineReader(new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), 50);
    assertEquals("short", in.readLine());
    assertThrows(LineReader.LineTooLongException.class, in::readLine);
    assertEquals("next", in.readLine());
    assertEquals("last", in.readLine());
    assertNull(in.readLine());
  }

  @Test
  void aLineWithoutEndIsCutAtTheLimit() {
    byte[] endless = new byte[1 << 20];
    LineReader in = new LineReader(new ByteArrayInputStream(endless), 1 << 16);
    assertThrows(LineReader.LineTooLongException.class, in::readLine);
  }

  /**
   * A peer killed, or a connection closed, in the middle of a send leaves a line cut short: on a
   * connection that is the end, not a message (a 30-minute campaign saw such lines decoded).
   * A script on stdin may end without a newline, and its last line counts.
   */
  @Test
  void aLineCutByTheEndOfAConnectionIsNoMessage() throws Exception {
    String cut = "{\"kind\":\"Ping\"}\n{\"kind\":\"Push\",\"body\":{\"committed\":[{\"va";
    LineReader connection = LineReader.forConnection(new ByteArrayInputStream(
        cut.getBytes(StandardCharsets.UTF_8)), 1 << 16);
    assertEquals("{\"kind\":\"Ping\"}", connection.readLine());
    assertNull(connection.readLine());
    LineReader script = new LineReader(new ByteArrayInputStream(
        "put 5 a b\nget 5 a".getBytes(StandardCharsets.UTF_8)), 1 << 16);
    assertEquals("put 5 a b", script.readLine());
    assertEquals("get 5 a", script.readLine());
    assertNull(script.readLine());
  }
}
