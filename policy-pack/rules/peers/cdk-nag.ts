/**
 * cdk-nag rules in scope, as rule ids with their pack prefix (the id cdk-nag
 * reports): the same rule in two packs is two ids, each claimed on its own.
 */
import { CDK_NAG_IAM } from "./iam";
import { EXCLUDED, PeerControl, PeerScope } from "./scope";

const NIST = "NIST.800.53.R5";
const PCI = "PCI.DSS.321";
const HIPAA = "HIPAA.Security";
const ALL_THREE = [NIST, PCI, HIPAA];

/** The rule `name` in each of `packs`, with the same description and exclusion. */
function inPacks(packs: readonly string[], name: string, checks: string, excluded?: string): PeerControl[] {
    return packs.map((pack) => ({ id: `${pack}-${name}`, checks, ...(excluded ? { excluded } : {}) }));
}

export const CDK_NAG: PeerScope = {
    peer: "cdkNag",
    label: "cdk-nag",
    source: "cdk-nag 3.0.2 packs AwsSolutions, NIST.800.53.R5, PCI.DSS.321, HIPAA.Security and Serverless (lib/packs, lib/rules)",
    controls: [
        { id: "AwsSolutions-APIG1", checks: "REST and HTTP/WebSocket stages have access logging (destination and format)" },
        { id: "AwsSolutions-APIG2", checks: "every REST API has a request validator" },
        { id: "AwsSolutions-APIG3", checks: "every REST stage is associated with a WAFv2 web ACL", excluded: EXCLUDED.privateStageWaf },
        { id: "AwsSolutions-APIG4", checks: "REST methods and HTTP/WebSocket routes have authorization; only real CORS preflights exempt" },
        { id: "AwsSolutions-APIG6", checks: "REST stages have stage-wide (*/*) execution logging at ERROR or INFO" },
        { id: "AwsSolutions-COG1", checks: "user pool password policy: length >= 8, upper case, numbers, symbols" },
        { id: "AwsSolutions-COG2", checks: "user pools require MFA" },
        { id: "AwsSolutions-COG4", checks: "every non-OPTIONS REST method uses a Cognito user pool authorizer", excluded: EXCLUDED.cognitoAuthorizerOnly },
        { id: "AwsSolutions-COG7", checks: "identity pools do not allow unauthenticated identities" },
        { id: "AwsSolutions-COG8", checks: "user pools use the Plus feature plan", excluded: EXCLUDED.plusTier },
        { id: "AwsSolutions-S1", checks: "buckets have server access logging" },
        { id: "AwsSolutions-S2", checks: "buckets have all four bucket-level Block Public Access settings on" },
        { id: "AwsSolutions-S10", checks: "bucket policies deny requests without SSL (aws:SecureTransport false)" },
        { id: "AwsSolutions-KMS5", checks: "symmetric KMS keys have rotation enabled" },
        ...inPacks(ALL_THREE, "APIGWExecutionLoggingEnabled", "REST stages have stage-wide execution logging at ERROR or INFO"),
        ...inPacks(ALL_THREE, "APIGWCacheEnabledAndEncrypted", "REST stages have caching on and cache data encrypted", EXCLUDED.cachingAndEncrypted),
        ...inPacks([NIST, PCI], "APIGWAssociatedWithWAF", "every REST stage is associated with a WAFv2 web ACL", EXCLUDED.privateStageWaf),
        ...inPacks(ALL_THREE, "APIGWSSLEnabled", "REST stages have a client certificate for backend authentication", EXCLUDED.clientCertificate),
        { id: `${HIPAA}-APIGWXrayEnabled`, checks: "REST stages have X-Ray tracing enabled" },
        ...inPacks(ALL_THREE, "WAFv2LoggingEnabled", "WAFv2 web ACLs have a logging configuration"),
        ...inPacks(ALL_THREE, "CloudTrailEncryptionEnabled", "trails are encrypted with a KMS key"),
        ...inPacks(ALL_THREE, "CloudTrailLogFileValidationEnabled", "trails have log file validation"),
        ...inPacks(ALL_THREE, "CloudTrailCloudWatchLogsEnabled", "trails deliver to CloudWatch Logs"),
        ...inPacks(ALL_THREE, "CloudWatchLogGroupEncrypted", "log groups are encrypted with a KMS key"),
        ...inPacks(ALL_THREE, "CloudWatchLogGroupRetentionPeriod", "log groups have an explicit retention period"),
        ...inPacks([NIST, HIPAA], "CloudWatchAlarmAction", "alarms have at least one ALARM action"),
        ...inPacks(ALL_THREE, "S3BucketLevelPublicAccessProhibited", "buckets have all four bucket-level Block Public Access settings on"),
        ...inPacks(ALL_THREE, "S3BucketPublicReadProhibited", "buckets allow no public read (ACL or policy)"),
        ...inPacks(ALL_THREE, "S3BucketPublicWriteProhibited", "buckets allow no public write (ACL or policy)"),
        ...inPacks(ALL_THREE, "S3DefaultEncryptionKMS", "buckets encrypt by default with aws:kms", EXCLUDED.kmsByPurpose),
        ...inPacks(ALL_THREE, "S3BucketVersioningEnabled", "buckets have versioning enabled"),
        ...inPacks(ALL_THREE, "S3BucketSSLRequestsOnly", "bucket policies deny requests without SSL"),
        ...inPacks(ALL_THREE, "S3BucketLoggingEnabled", "buckets have server access logging"),
        ...inPacks(ALL_THREE, "S3BucketReplicationEnabled", "buckets have cross-Region replication", EXCLUDED.replication),
        ...inPacks([NIST, PCI], "KMSBackingKeyRotationEnabled", "symmetric KMS keys have rotation enabled"),
        ...inPacks(ALL_THREE, "LambdaFunctionPublicAccessProhibited", "Lambda permissions do not grant invocation to the public"),
        { id: "Serverless-APIGWAccessLogging", checks: "REST and HTTP/WebSocket stages have access logging" },
        { id: "Serverless-APIGWStructuredLogging", checks: "stage access log format is JSON" },
        { id: "Serverless-APIGWXrayEnabled", checks: "REST stages have X-Ray tracing enabled" },
        { id: "Serverless-APIGWDefaultThrottling", checks: "REST stage-wide and HTTP API default route throttling (burst and rate) are set" },
        { id: "Serverless-CloudWatchLogGroupRetentionPeriod", checks: "log groups have an explicit retention period" },
        // IAM (roles behind the API): see ./iam.ts
        ...CDK_NAG_IAM,
    ],
};
