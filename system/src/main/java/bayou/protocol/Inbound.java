package bayou.protocol;

import bayou.wire.Msg;

/** What a role takes as input: a peer's message or the master's command. */
public sealed interface Inbound {
  record FromPeer(int from, Msg msg) implements Inbound {}

  record FromMaster(Msg.Control control) implements Inbound {}
}
