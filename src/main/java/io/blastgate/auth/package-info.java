/**
 * Who may call: bearer tokens, stored only as SHA-256 hashes in a tokens file, each mapping to a
 * principal and its roles. Depends on the JDK and Jackson (to read and write the file) only; the HTTP
 * layer and the command line use it.
 */
package io.blastgate.auth;
