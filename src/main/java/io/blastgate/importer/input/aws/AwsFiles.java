package io.blastgate.importer.input.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each file of an AWS input is, judged by its first bytes (at most {@link #SNIFF} of them), never
 * by reading it whole, nor by its name: the CLI's outputs are saved under any name. The kinds are in
 * the order they are read: the authorization details first (the identities), the secrets before the
 * functions (whose environments may name them).
 */
final class AwsFiles {
  static final int SNIFF = 64 * 1024;

  enum Kind {
    AUTHORIZATION_DETAILS("aws iam get-account-authorization-details"),
    CALLER_IDENTITY("aws sts get-caller-identity"),
    CREDENTIAL_REPORT_CSV("the credential report (CSV)"),
    CREDENTIAL_REPORT_JSON("aws iam get-credential-report"),
    INSTANCE_PROFILES("aws iam list-instance-profiles"),
    SECRETS("aws secretsmanager list-secrets"),
    FUNCTIONS("aws lambda list-functions"),
    OTHER("none of these");

    final String output;

    Kind(String output) {
      this.output = output;
    }
  }

  /** One file of the input and what it is. */
  record Found(Kind kind, Path path, String name) {}

  private static final Pattern AUTHORIZATION =
      Pattern.compile("\"(UserDetailList|RoleDetailList|GroupDetailList|PolicyVersionList)\"\\s*:");
  private static final Pattern REPORT = Pattern.compile("\"ReportFormat\"\\s*:|\"GeneratedTime\"\\s*:");
  private static final Pattern FUNCTIONS = Pattern.compile("\"Functions\"\\s*:\\s*\\[");
  private static final Pattern SECRETS = Pattern.compile("\"SecretList\"\\s*:\\s*\\[");
  private static final Pattern PROFILES = Pattern.compile("\"InstanceProfiles\"\\s*:\\s*\\[");
  private static final Pattern CALLER = Pattern.compile("\"UserId\"\\s*:");
  private static final Pattern ACCOUNT = Pattern.compile("\"Account\"\\s*:");

  private AwsFiles() {}

  static Kind kindOf(Path file) throws IOException {
    String head = head(file);
    if (head.startsWith("user,arn,")) {
      return Kind.CREDENTIAL_REPORT_CSV;
    }
    if (!head.startsWith("{")) {
      return Kind.OTHER;
    }
    if (AUTHORIZATION.matcher(head).find()) {
      return Kind.AUTHORIZATION_DETAILS;
    }
    if (REPORT.matcher(head).find()) {
      return Kind.CREDENTIAL_REPORT_JSON;
    }
    if (FUNCTIONS.matcher(head).find()) {
      return Kind.FUNCTIONS;
    }
    if (SECRETS.matcher(head).find()) {
      return Kind.SECRETS;
    }
    if (PROFILES.matcher(head).find()) {
      return Kind.INSTANCE_PROFILES;
    }
    if (CALLER.matcher(head).find() && ACCOUNT.matcher(head).find()) {
      return Kind.CALLER_IDENTITY;
    }
    return Kind.OTHER;
  }

  /** Whether a folder holds an authorization details output among its own files (not its sub-folders). */
  static boolean holdsAuthorizationDetails(Path folder) throws IOException {
    for (Path file : files(folder)) {
      if (Files.isRegularFile(file) && kindOf(file) == Kind.AUTHORIZATION_DETAILS) {
        return true;
      }
    }
    return false;
  }

  /** The folder's own entries (files and sub-folders), hidden ones left out, by name. */
  static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  /** Every file of the folder with its kind, in reading order (by kind, then name). */
  static List<Found> classify(Path folder) throws IOException {
    List<Found> found = new ArrayList<>();
    for (Path entry : files(folder)) {
      Kind kind = Files.isRegularFile(entry) ? kindOf(entry) : Kind.OTHER;
      found.add(new Found(kind, entry, entry.getFileName().toString()));
    }
    found.sort(Comparator.comparing(Found::kind));
    return found;
  }

  /** The first bytes as text, a byte order mark and leading white space dropped. */
  private static String head(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(SNIFF);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return text.stripLeading();
  }
}
