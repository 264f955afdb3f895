package io.blastgate.auth;

import io.blastgate.error.BlastgateException.InvalidConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens that may call the API, held as SHA-256 hashes only. A token is 32 random bytes in base64url:
 * with that much entropy a fast hash is right (nothing to brute-force), and a look-up compares the
 * presented token's hash with every stored hash in constant time, without stopping at a match.
 *
 * <p>The file ({@code BLASTGATE_TOKENS_FILE}) is YAML:
 *
 * <pre>
 * tokens:
 *   - {name: soar, principal: person:ana, roles: [viewer, responder], sha256: 9f86d0...}
 * </pre>
 */
public final class TokenStore {
  /** Longer headers are refused without hashing; real tokens are 43 characters. */
  private static final int MAX_TOKEN_LENGTH = 512;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<TokenEntry> entries;

  private TokenStore(List<TokenEntry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Reads and checks a tokens file; every problem is listed in one {@link InvalidConfiguration}. */
  public static TokenStore load(Path file) {
    return new TokenStore(TokenFiles.read(file));
  }

  public static TokenStore of(List<TokenEntry> entries) {
    List<String> problems = TokenFiles.check(entries);
    if (!problems.isEmpty()) {
      throw new InvalidConfiguration("the tokens file", problems);
    }
    return new TokenStore(entries);
  }

  public List<TokenEntry> entries() {
    return entries;
  }

  /** The principal of a presented token; empty for an unknown (or absurd) token. */
  public Optional<Principal> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    TokenEntry found = null;
    for (TokenEntry entry : entries) {
      // No early exit: the time taken does not depend on where (or whether) the token matches.
      if (MessageDigest.isEqual(presented, entry.hashBytes()) && found == null) {
        found = entry;
      }
    }
    return Optional.ofNullable(found).map(TokenEntry::principalOf);
  }

  /** A new random token for a principal; show {@link GeneratedToken#token()} once, store the entry. */
  public static GeneratedToken generate(String name, String principal, Set<Role> roles) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    TokenEntry entry = new TokenEntry(name, principal, roles, HexFormat.of().formatHex(sha256(token)));
    return new GeneratedToken(token, entry);
  }

  /** Writes a whole tokens file, readable by its owner only where the file system allows. */
  public static void write(Path file, List<TokenEntry> entries) {
    List<String> problems = TokenFiles.check(entries);
    if (!problems.isEmpty()) {
      throw new InvalidConfiguration("the tokens file", problems);
    }
    TokenFiles.write(file, entries);
  }

  /** Adds one entry to a tokens file, creating the file if it does not exist; names stay unique. */
  public static void append(Path file, TokenEntry entry) {
    Objects.requireNonNull(entry, "entry");
    List<TokenEntry> all = new java.util.ArrayList<>(TokenFiles.readIfExists(file));
    all.add(entry);
    write(file, all);
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
