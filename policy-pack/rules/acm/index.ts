/** ACM certificate rules, in pack order. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { acmCertificateKeyStrength } from "./acm-certificate-key-strength";
import { acmCertificateNoWildcard } from "./acm-certificate-no-wildcard";
import { acmCertificateTransparency } from "./acm-certificate-transparency";

export const acmRules: (ResourceValidationPolicy | StackValidationPolicy)[] = [acmCertificateKeyStrength, acmCertificateTransparency, acmCertificateNoWildcard];
