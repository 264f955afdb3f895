package io.blastgate.importer;

import io.blastgate.importer.input.InputChoice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: generates an AWS IAM export of {@code args[0]} roles (each with an inline policy and a
 * managed policy attached, trusting the role before it, its account's root every tenth, and a service),
 * half as many users (each in the credential report with a password and a key) and half as many Lambda
 * functions (each running as a role), imports it into the test harness twice (first load, then the
 * same again) and prints the phase times. The figures are in docs/benchmark.md. Run with the test
 * classpath: {@code java -Xmx2g -cp … io.blastgate.importer.AwsIamBench 10000}.
 */
public final class AwsIamBench {
  private static final String ACCT = "arn:aws:iam::111122223333:";

  private AwsIamBench() {}

  public static void main(String[] args) throws Exception {
    int roles = Integer.parseInt(args[0]);
    Path folder = Files.createTempDirectory("aws-iam-bench-");
    try {
      write(folder, roles);
      long bytes = 0;
      try (var files = Files.list(folder)) {
        for (Path p : files.toList()) {
          bytes += Files.size(p);
        }
      }
      System.out.printf("export: %d roles, %d users, %d functions, %.1f MiB%n", roles, roles / 2, roles / 2, bytes / 1048576.0);
      ReaderBenchRun.importTwice(folder, folder.getFileName().toString(), InputChoice.DETECT, roles, "roles");
    } catch (RuntimeException | Error e) {
      e.printStackTrace();
    } finally {
      try (var files = Files.list(folder)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(folder);
      System.exit(0); // the harness's threads are not daemons
    }
  }

  static void write(Path folder, int roles) throws IOException {
    int users = roles / 2;
    try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("authorization-details.json"))) {
      out.write("{\"UserDetailList\": [\n");
      for (int u = 0; u < users; u++) {
        out.write((u > 0 ? ",\n" : "") + "{\"UserName\": \"user-" + u + "\", \"Arn\": \"" + ACCT + "user/people/user-" + u
            + "\", \"GroupList\": [\"staff\"], \"UserPolicyList\": [], \"AttachedManagedPolicies\": [],"
            + " \"Tags\": [{\"Key\": \"team\", \"Value\": \"team-" + (u % 50) + "\"}]}");
      }
      out.write("],\n\"RoleDetailList\": [\n");
      for (int r = 0; r < roles; r++) {
        String trusted = r == 0 ? ACCT + "user/people/user-0" : ACCT + "role/app/role-" + (r - 1);
        String extra = r % 10 == 0 ? ", \"arn:aws:iam::444455556666:root\"" : "";
        out.write((r > 0 ? ",\n" : "") + "{\"RoleName\": \"role-" + r + "\", \"Path\": \"/app/\", \"Arn\": \"" + ACCT
            + "role/app/role-" + r + "\", \"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": ["
            + "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"" + trusted + "\"" + extra + "]}, \"Action\": \"sts:AssumeRole\"},"
            + "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]},"
            + " \"RolePolicyList\": [{\"PolicyName\": \"inline\", \"PolicyDocument\": {\"Version\": \"2012-10-17\","
            + " \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"],"
            + " \"Resource\": \"arn:aws:s3:::bucket-" + r + "/*\"}]}}],"
            + " \"AttachedManagedPolicies\": [{\"PolicyName\": \"ReadOnlyAccess\", \"PolicyArn\": \"arn:aws:iam::aws:policy/ReadOnlyAccess\"}],"
            + " \"InstanceProfileList\": [], \"Tags\": [{\"Key\": \"owner\", \"Value\": \"person-" + (r % 200) + "\"}]}");
      }
      out.write("],\n\"GroupDetailList\": [], \"Policies\": []}\n");
    }
    try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("credential-report.csv"))) {
      out.write("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
          + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
          + "access_key_2_active,access_key_2_last_rotated,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
      for (int u = 0; u < users; u++) {
        out.write("user-" + u + "," + ACCT + "user/people/user-" + u + ",2024-01-01T00:00:00+00:00,true,"
            + "2026-11-01T00:00:00+00:00,2026-06-01T00:00:00+00:00,N/A,true,true,2025-01-01T00:00:00+00:00,"
            + "2026-11-30T00:00:00+00:00,false,N/A,false,N/A,false,N/A\n");
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("functions.json"))) {
      out.write("{\"Functions\": [\n");
      for (int f = 0; f < roles / 2; f++) {
        out.write((f > 0 ? ",\n" : "") + "{\"FunctionName\": \"fn-" + f + "\", \"FunctionArn\": \"arn:aws:lambda:us-east-1:"
            + "111122223333:function:fn-" + f + "\", \"Role\": \"" + ACCT + "role/app/role-" + (f * 2) + "\","
            + " \"Environment\": {\"Variables\": {\"MODE\": \"prod\"}}}");
      }
      out.write("]}\n");
    }
  }
}
