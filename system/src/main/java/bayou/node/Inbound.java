package bayou.node;

import bayou.wire.Msg;

/** What a node's event loop takes from its inbox: a peer's message or the master's command. */
sealed interface Inbound {
  record FromPeer(int from, Msg msg) implements Inbound {}

  record FromMaster(Msg.Control control) implements Inbound {}
}
