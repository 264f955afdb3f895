// The protocol version of the installed blastgate plugin; run only once plugin-installed said it is.
// params: (none)
// returns: one row: version
RETURN blastgate.pluginVersion() AS version
