package io.blastgate.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a webhook's settings acceptable, the one home of the rules that the configuration and the
 * webhook executor both apply: an https URL (http only to this machine), no user-info in it, a shared
 * secret of at least {@link #MIN_SECRET_LENGTH} characters, 1 to {@link #MAX_ATTEMPTS} attempts.
 */
public final class WebhookRules {
  public static final int MIN_SECRET_LENGTH = 32;
  public static final int DEFAULT_ATTEMPTS = 5;
  public static final int MAX_ATTEMPTS = 20;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private WebhookRules() {}

  /**
   * Why a URL cannot be a webhook's, if it cannot, in words that do not show the URL (the caller shows
   * it masked): it needs a host and no user-info (a credential in a URL ends up in logs), and https,
   * except to this machine, where http is allowed.
   */
  public static Optional<String> urlProblem(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getRawUserInfo() != null) {
      return Optional.of("must not hold a user or password");
    }
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return Optional.of("must be an https:// URL with a host");
    }
    if (scheme.equals("http") && !isLoopback(url.getHost())) {
      return Optional.of("must use https (http is allowed to this machine only: localhost, 127.0.0.1, [::1])");
    }
    return Optional.empty();
  }

  /** Only a literal address or {@code localhost} counts: a name is never looked up to decide. */
  static boolean isLoopback(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress(); // a literal: no look-up happens
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public static boolean secretLongEnough(String secret) {
    return secret.length() >= MIN_SECRET_LENGTH;
  }

  public static boolean attemptsAllowed(int attempts) {
    return attempts >= 1 && attempts <= MAX_ATTEMPTS;
  }
}
