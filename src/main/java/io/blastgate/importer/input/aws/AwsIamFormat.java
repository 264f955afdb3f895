package io.blastgate.importer.input.aws;

import io.blastgate.importer.input.InputFormat;
import io.blastgate.importer.input.SourceInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * AWS IAM ({@code importers/aws-iam/README.md}): the output of {@code aws iam
 * get-account-authorization-details} alone, or a folder (or a .zip of one) holding it with any of the
 * credential report, Lambda functions, Secrets Manager secrets, instance profiles and the caller
 * identity. Recognised by content: a JSON document whose top level has the authorization details'
 * lists ({@code UserDetailList}, {@code RoleDetailList}, …), found in its first bytes.
 */
public final class AwsIamFormat implements InputFormat {
  public static final String NAME = "aws-iam";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(Path path, Form form) throws IOException {
    return switch (form) {
      case FILE -> AwsFiles.kindOf(path) == AwsFiles.Kind.AUTHORIZATION_DETAILS;
      case FOLDER, ARCHIVE_ROOT -> AwsFiles.holdsAuthorizationDetails(path);
    };
  }

  @Override
  public SourceInput open(Path path, Opening opening) throws IOException {
    List<AwsFiles.Found> files = opening.form() == Form.FILE
        ? List.of(new AwsFiles.Found(AwsFiles.Kind.AUTHORIZATION_DETAILS, path, opening.inputName()))
        : AwsFiles.classify(path);
    return new AwsIamInput(files, opening.requestedSource(), opening.inputName());
  }

  @Override
  public List<String> archiveHolds() {
    return List.of("the output of aws iam get-account-authorization-details");
  }
}
