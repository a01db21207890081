/**
 * What both mTLS truststore rules (REST and v2 domains, one check in policy-pack/rules/lib/truststores.ts)
 * find on the preview-case program of their specs: a truststoreUri from config, a whole mTLS block from
 * outputs, and a truststore bucket whose versioning status is unknown.
 */
import type { FindingsByMode } from "../rule-harness";
import { assertFindings } from "./expect";

/** Asserts the preview and update findings of `rule` on that program. */
export function assertTruststorePreview(RULE: string, found: FindingsByMode): void {
    const strict = "name a bucket of the strict profile \\(versioned, public access blocked on the bucket\\)";
    assertFindings(found.preview, RULE, "mandatory", [
        {
            resource: "uri",
            // Either stack bucket that fails (or may fail) the profile could be the one it names.
            message: [
                new RegExp(
                    `^cannot be verified at preview: DomainName "uri"\\.mutualTlsAuthentication\\.truststoreUri is unknown; it must ${strict}, not Bucket "(named|status-truststore)" and Bucket "(named|status-truststore)"\\.$`,
                ),
            ],
        },
        {
            resource: "block",
            message: [
                new RegExp(
                    `^cannot be verified at preview: DomainName "block"\\.mutualTlsAuthentication is unknown; it must set truststoreVersion to the truststore object's version id, and ${strict}, not `,
                ),
            ],
        },
        {
            resource: "status-truststore",
            message: [
                /^mTLS truststore Bucket "status-truststore" \(of DomainName "status"\) cannot be verified at preview: BucketVersioning "status-versioning"\.versioningConfiguration\.status is unknown; it must give versioning/,
            ],
        },
    ]);
    assertFindings(found.update, RULE, "mandatory", [
        {
            resource: "named",
            message: [/mTLS truststore Bucket "named" \(of DomainName "uri"\) lacks a bucket-level BucketPublicAccessBlock .* and versioning/],
        },
        { resource: "block", message: [/DomainName "block" does not pin mutualTlsAuthentication\.truststoreVersion/] },
        { resource: "status-truststore", message: [/Bucket "status-truststore" \(of DomainName "status"\) lacks versioning/] },
    ]);
}
