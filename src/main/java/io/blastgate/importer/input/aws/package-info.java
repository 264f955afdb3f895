/**
 * The AWS IAM reader ({@code importers/aws-iam/README.md}): {@link
 * io.blastgate.importer.input.aws.AwsIamFormat} recognises and opens the output of {@code aws iam
 * get-account-authorization-details}, alone or in a folder or zip with the credential report and the
 * Lambda, Secrets Manager and instance-profile listings, and hands the importer canonical entities: users
 * and roles by their ARNs, trust policies as {@code can_assume}, credentials from the report, workloads
 * from the listings, owners from tags, and a stub for every entity they refer to that the export does not
 * list. What the model has no place for (policies, groups) is counted as warnings.
 *
 * <p>Part of the input side: depends on {@code importer.input} (problems, locations, the shared text and
 * parser helpers), {@code model}, Jackson, commons-csv and the JDK only.
 */
package io.blastgate.importer.input.aws;
