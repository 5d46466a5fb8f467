// A client of clv's services needs only `import CLVStubs`: the generated messages and the RPC
// client come with it.
@_exported import CLVProto
@_exported import RPC
