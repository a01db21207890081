/** trivy (tfsec) AVD checks in scope (trivy-checks checks/cloud/aws). */
import { TRIVY_IAM } from "./iam";
import { EXCLUDED, PeerScope } from "./scope";

export const TRIVY: PeerScope = {
    peer: "trivy",
    label: "trivy",
    source: "aquasecurity/trivy-checks checks/cloud/aws/{apigateway,cloudtrail,cloudwatch,kms,lambda,s3} (rego and *_test.rego)",
    controls: [
        { id: "AWS-0001", checks: "REST and HTTP/WebSocket stages have an access log destination" },
        { id: "AWS-0002", checks: "REST stage cache data is encrypted when caching is on" },
        { id: "AWS-0003", checks: "REST stages have X-Ray tracing enabled" },
        { id: "AWS-0004", checks: "REST methods have authorization or an API key; meant to exempt OPTIONS", excluded: EXCLUDED.mockPreflight },
        { id: "AWS-0005", checks: "REST and HTTP/WebSocket custom domains use TLS 1.2 or later" },
        { id: "AWS-0190", checks: "REST stages have caching enabled", excluded: EXCLUDED.caching },
        { id: "AWS-0014", checks: "trails are multi-Region" },
        { id: "AWS-0015", checks: "trails are encrypted with a customer-managed KMS key" },
        { id: "AWS-0016", checks: "trails have log file validation" },
        { id: "AWS-0161", checks: "the bucket a trail writes to is not publicly accessible" },
        { id: "AWS-0162", checks: "trails deliver to CloudWatch Logs" },
        { id: "AWS-0163", checks: "the bucket a trail writes to has server access logging" },
        { id: "AWS-0017", checks: "log groups are encrypted with a customer-managed KMS key" },
        { id: "AWS-0065", checks: "KMS keys have rotation enabled" },
        { id: "AWS-0067", checks: "Lambda permissions for a service principal set a source ARN" },
        { id: "AWS-0086", checks: "bucket public access block sets block_public_acls" },
        { id: "AWS-0087", checks: "bucket public access block sets block_public_policy" },
        { id: "AWS-0088", checks: "buckets have default server-side encryption", excluded: EXCLUDED.defaultSse },
        { id: "AWS-0089", checks: "buckets have server access logging" },
        { id: "AWS-0090", checks: "buckets have versioning enabled" },
        { id: "AWS-0091", checks: "bucket public access block sets ignore_public_acls" },
        { id: "AWS-0092", checks: "bucket ACLs are not public-read, public-read-write or authenticated-read" },
        { id: "AWS-0093", checks: "bucket public access block sets restrict_public_buckets" },
        { id: "AWS-0094", checks: "every bucket has a public access block" },
        { id: "AWS-0132", checks: "buckets encrypt with a customer-managed KMS key", excluded: EXCLUDED.kmsByPurpose },
        { id: "AWS-0170", checks: "buckets have MFA delete enabled", excluded: EXCLUDED.mfaDelete },
        { id: "AWS-0171", checks: "a trail logs S3 write data events for the bucket", excluded: EXCLUDED.dataEvents },
        { id: "AWS-0172", checks: "a trail logs S3 read data events for the bucket", excluded: EXCLUDED.dataEvents },
        // IAM (roles behind the API): see ./iam.ts
        ...TRIVY_IAM,
    ],
};
