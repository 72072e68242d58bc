"""api layer (see DESIGN.md).

`client.CabinetClient` (HTTP calls, typed `errors`, token refresh in `auth`) and
`stream.StreamClient` (the WebSocket stream). Nothing is re-exported here: import the module
you need, and only its dependencies load.
"""
