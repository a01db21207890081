/** API Gateway v2 JWT authorizers must trust an https issuer and check the token's audience. */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { isUnknown, known, snapshot } from "../lib/known";
import { describe, unverifiable } from "../lib/messages";
import { resourceRule } from "../lib/rule";

export const apigwv2JwtAuthorizer = resourceRule({
    name: "apigwv2-jwt-authorizer",
    service: "apigatewayv2",
    description: "API Gateway v2 JWT authorizers must name an https issuer (jwtConfiguration.issuer) and a non-empty audience (jwtConfiguration.audiences).",
    remediationSteps: "Set jwtConfiguration.issuer to the identity provider's https URL and jwtConfiguration.audiences to the app client ids the API accepts.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: {},
    validateResource: validateResourceOfType(aws.apigatewayv2.Authorizer, (authorizer, args, report) => {
        const label = describe(args);
        const type = known(() => authorizer.authorizerType, "authorizerType");
        if (!type.known) {
            report(unverifiable(label, type.path, "be known; a JWT authorizer needs an https issuer and an audience"));
            return;
        }
        if ((type.value ?? "").toUpperCase() !== "JWT") {
            return;
        }
        const issuer = known(() => authorizer.jwtConfiguration?.issuer, "jwtConfiguration.issuer");
        if (!issuer.known) {
            report(unverifiable(label, issuer.path, "be an https:// URL"));
        } else if (typeof issuer.value !== "string" || !/^https:\/\/[^/\s]+/i.test(issuer.value)) {
            report(
                `${label} trusts tokens from issuer ${issuer.value ? `"${issuer.value}"` : "(jwtConfiguration.issuer is not set)"}, which is not an https URL, so its signing keys can be spoofed. ` +
                    "Set jwtConfiguration.issuer to the identity provider's https:// URL.",
            );
        }
        // An audience derived from another resource (e.g. an app client's id) is present, even before it is known.
        const audiences = snapshot(() => authorizer.jwtConfiguration?.audiences);
        if (isUnknown(audiences)) {
            report(unverifiable(label, "jwtConfiguration.audiences", "list at least one audience"));
        } else if (!(Array.isArray(audiences) ? audiences : []).some((a) => isUnknown(a) || (typeof a === "string" && a.trim() !== ""))) {
            report(
                `${label} accepts tokens for any audience (jwtConfiguration.audiences is empty), so tokens issued to other apps are accepted. ` +
                    "Set jwtConfiguration.audiences to the app client ids the API accepts.",
            );
        }
    }),
});
