package bayou.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bayou.wire.Msg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clock command: offset and drift reach the clock, a bad one is refused with the reason. */
class ClockSkewTest {
  private final List<String> skews = new ArrayList<>();
  private final List<Msg> replies = new ArrayList<>();

  private boolean handle(Inbound item) {
    return ClockSkew.handled(item, (offset, drift) -> skews.add(offset + " " + drift),
        replies::add);
  }

  private boolean clock(long req, String offset, String drift) {
    return handle(new Inbound.FromMaster(new Msg.Control(req, ClockSkew.COMMAND, -1, null,
        offset, drift, null)));
  }

  @Test
  void aClockCommandSetsOffsetAndDriftAndIsAnswered() {
    assertTrue(clock(7, "-250000", "120.5"));
    assertTrue(clock(8, "0", "-999999.5"));
    assertEquals(List.of("-250000 120.5", "0 -999999.5"), skews);
    assertEquals(List.of(Msg.Reply.ok(7), Msg.Reply.ok(8)), replies);
  }

  @Test
  void otherInputsAreNotTaken() {
    assertFalse(handle(new Inbound.FromMaster(Msg.Control.of(3, "pause", -1))));
    assertFalse(handle(new Inbound.FromPeer(2, new Msg.HandoffAck(3))));
    assertEquals(List.of(), skews);
    assertEquals(List.of(), replies);
  }

  @Test
  void aDriftOfAWholeSecondPerSecondOrMoreIsRefused() {
    assertTrue(clock(1, "5", "1000000"));
    assertTrue(clock(2, "5", "-1000000"));
    assertTrue(clock(3, "5", "NaN"));
    assertEquals(List.of(), skews);
    assertEquals(List.of(
        Msg.Reply.failed(1, "bad clock skew: drift must be within (-1e6, 1e6) ppm, got 1000000.0"),
        Msg.Reply.failed(2, "bad clock skew: drift must be within (-1e6, 1e6) ppm, got -1000000.0"),
        Msg.Reply.failed(3, "bad clock skew: drift must be within (-1e6, 1e6) ppm, got NaN")),
        replies);
  }

  @Test
  void unparsableNumbersAreRefused() {
    assertTrue(clock(4, "soon", "0"));
    assertTrue(clock(5, "0", "fast"));
    assertEquals(List.of(), skews);
    assertEquals(List.of(Msg.Reply.failed(4, "bad clock skew: For input string: \"soon\""),
        Msg.Reply.failed(5, "bad clock skew: For input string: \"fast\"")), replies);
  }
}
