"""The client side of the Realtime protocol: no Qt, no audio devices."""
