/** ACM certificates should name their hosts: a wildcard certificate's key impersonates every subdomain. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { certificateFacts } from "../lib/certificates";
import { isUnknown, known, snapshot } from "../lib/known";
import { describe, listing, unverifiable } from "../lib/messages";
import { resourceRule, ruleConfig } from "../lib/rule";
import { MIN_WAIVER_REASON_LENGTH } from "../lib/waivers";
import { asArray } from "../lib/values";

/** A wildcard name accepted on purpose, with why. */
export interface AllowedWildcardDomain {
    /** The wildcard name exactly as the certificate lists it, e.g. `*.tenants.example.com`. */
    domain: string;
    /** Why a wildcard is needed there (e.g. one subdomain per tenant). */
    reason: string;
}

/** Config of `acm-certificate-no-wildcard`. */
export interface CertificateNoWildcardConfig {
    /** Wildcard names a certificate may hold, each with its reason. */
    allowedWildcardDomains: AllowedWildcardDomain[];
}

export const certificateNoWildcardConfig = ruleConfig<CertificateNoWildcardConfig>({
    allowedWildcardDomains: {
        type: "array",
        default: [],
        description: "Wildcard names (e.g. *.tenants.example.com) a certificate may hold, each with its reason: [{ domain, reason }] (default none).",
        items: {
            type: "object",
            required: ["domain", "reason"],
            additionalProperties: false,
            properties: {
                domain: { type: "string", pattern: "\\*" },
                reason: { type: "string", minLength: MIN_WAIVER_REASON_LENGTH },
            },
        },
    },
});

export const acmCertificateNoWildcard = resourceRule({
    name: "acm-certificate-no-wildcard",
    service: "acm",
    description:
        "ACM certificates should not hold wildcard names (domainName, subjectAlternativeNames, or the names of an imported certificateBody) unless allow-listed with a reason.",
    remediationSteps: "Name each host in domainName / subjectAlternativeNames, or list the wildcard in allowedWildcardDomains with the reason it is needed.",
    severity: "low",
    // Advisory: a wildcard is a legitimate design for per-tenant subdomains; it widens what one leaked key impersonates but opens nothing by itself.
    enforcementLevel: "advisory",
    // Checked: checkov ACMWildcardDomainName (CKV2_AWS_71: domain_name and every subject_alternative_names entry not containing "*") and its test main.tf ("*.example.com", "*example.com", a "*.sub" SAN fail).
    controls: { checkov: ["CKV2_AWS_71"] },
    config: certificateNoWildcardConfig,
    validateResource: validateResourceOfType(aws.acm.Certificate, (cert, args, report) => {
        const label = describe(args);
        const allowed = new Set(certificateNoWildcardConfig.read(args).allowedWildcardDomains.map((a) => a.domain.toLowerCase()));
        const requirement = "name hosts without a wildcard (or the wildcard must be in allowedWildcardDomains)";
        const names: { name: string; where: string }[] = [];
        const domain = known(() => cert.domainName, "domainName");
        const sans = snapshot(() => cert.subjectAlternativeNames);
        const body = known(() => cert.certificateBody, "certificateBody");
        const unknown = [
            ...(domain.known ? [] : [domain.path]),
            ...(isUnknown(sans) ? ["subjectAlternativeNames"] : asArray(sans).flatMap((s, i) => (isUnknown(s) ? [`subjectAlternativeNames.${i}`] : []))),
            ...(body.known ? [] : [body.path]),
        ];
        if (domain.known && typeof domain.value === "string") {
            names.push({ name: domain.value, where: "domainName" });
        }
        asArray(sans).forEach((s) => typeof s === "string" && names.push({ name: s, where: "subjectAlternativeNames" }));
        if (body.known && typeof body.value === "string") {
            (certificateFacts(body.value)?.names ?? []).forEach((name) => names.push({ name, where: "certificateBody" }));
        }
        const wildcards = names.filter((n) => n.name.includes("*") && !allowed.has(n.name.toLowerCase()));
        if (wildcards.length > 0) {
            report(
                `${label} is a wildcard certificate (${listing([...new Set(wildcards.map((w) => `${w.where} "${w.name}"`))])}): its key impersonates every matching host. ` +
                    "Name each host instead, or list the wildcard in allowedWildcardDomains with its reason.",
            );
        }
        for (const path of unknown) {
            report(unverifiable(label, path, requirement));
        }
    }),
});
