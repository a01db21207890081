/** ACM certificates must not opt out of certificate transparency logging. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { known } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const acmCertificateTransparency = resourceRule({
    name: "acm-certificate-transparency",
    service: "acm",
    description: "ACM certificates must keep certificate transparency logging on (options.certificateTransparencyLoggingPreference not DISABLED).",
    remediationSteps: 'Remove options.certificateTransparencyLoggingPreference or set it to "ENABLED".',
    severity: "medium",
    enforcementLevel: "mandatory",
    // Checked: checkov ACMCertSetLoggingPreference (CKV_AWS_234: options.certificate_transparency_logging_preference must be ENABLED; no options block passes) and its test main.tf (DISABLED fails).
    controls: { checkov: ["CKV_AWS_234"] },
    validateResource: validateResourceOfType(aws.acm.Certificate, (cert, args, report) => {
        const label = describe(args);
        const preference = known(() => cert.options?.certificateTransparencyLoggingPreference, "options.certificateTransparencyLoggingPreference");
        if (!preference.known) {
            report(unverifiable(label, preference.path, 'be "ENABLED" or unset'));
        } else if (preference.value !== undefined && preference.value !== "ENABLED") {
            report(
                `${label} opts out of certificate transparency (options.certificateTransparencyLoggingPreference is ${preference.value}): ` +
                    'a certificate mis-issued for the domain goes unnoticed, and browsers distrust public certificates missing from CT logs. Set it to "ENABLED" or remove it.',
            );
        }
    }),
});
