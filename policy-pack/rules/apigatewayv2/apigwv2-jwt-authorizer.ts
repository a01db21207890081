/** API Gateway v2 JWT authorizers must trust an https issuer and check the token's audience. */
import * as aws from "@pulumi/aws";
import { known, knownDeep } from "../lib/known";
import { unverifiable } from "../lib/messages";
import { derivedFrom, resourcesOf } from "../lib/resources";
import { stackRule } from "../lib/rule";

export const apigwv2JwtAuthorizer = stackRule({
    name: "apigwv2-jwt-authorizer",
    service: "apigatewayv2",
    description: "API Gateway v2 JWT authorizers must name an https issuer (jwtConfiguration.issuer) and a non-empty audience (jwtConfiguration.audiences).",
    remediationSteps: "Set jwtConfiguration.issuer to the identity provider's https URL and jwtConfiguration.audiences to the app client ids the API accepts.",
    severity: "critical",
    enforcementLevel: "mandatory",
    controls: {},
    inspects: [aws.apigatewayv2.Authorizer, aws.cognito.UserPool, aws.cognito.UserPoolClient],
    validateStack: (args, report) => {
        const pools = resourcesOf(args.resources, aws.cognito.UserPool);
        const clients = resourcesOf(args.resources, aws.cognito.UserPoolClient);
        for (const authorizer of resourcesOf(args.resources, aws.apigatewayv2.Authorizer)) {
            const label = authorizer.label;
            const type = known(() => authorizer.props.authorizerType, "authorizerType");
            if (!type.known) {
                report(unverifiable(label, type.path, "be known; a JWT authorizer needs an https issuer and an audience"), authorizer.urn);
                continue;
            }
            if ((type.value ?? "").toUpperCase() !== "JWT") {
                continue;
            }
            // At a first preview an issuer and audiences computed from this stack's Cognito pool and app clients are
            // unknown; they are the pool's https://cognito-idp.<region>.amazonaws.com/<id> endpoint and its client ids.
            const fromPool = pools.some((p) => derivedFrom(authorizer, "jwtConfiguration", p));
            const fromClients = clients.some((c) => derivedFrom(authorizer, "jwtConfiguration", c));
            const issuer = known(() => authorizer.props.jwtConfiguration?.issuer, "jwtConfiguration.issuer");
            if (!issuer.known) {
                if (!fromPool) {
                    report(unverifiable(label, issuer.path, "be an https:// URL"), authorizer.urn);
                }
            } else if (typeof issuer.value !== "string" || !/^https:\/\/[^/\s]+/i.test(issuer.value)) {
                report(
                    `${label} trusts tokens from issuer ${issuer.value ? `"${issuer.value}"` : "(jwtConfiguration.issuer is not set)"}, which is not an https URL, so its signing keys can be spoofed. ` +
                        "Set jwtConfiguration.issuer to the identity provider's https:// URL.",
                    authorizer.urn,
                );
            }
            const audiences = knownDeep(() => authorizer.props.jwtConfiguration?.audiences, "jwtConfiguration.audiences");
            if (!audiences.known) {
                if (!fromClients) {
                    report(unverifiable(label, audiences.path, "list at least one audience"), authorizer.urn);
                }
            } else if (!(audiences.value ?? []).some((a) => typeof a === "string" && a.trim() !== "")) {
                report(
                    `${label} accepts tokens for any audience (jwtConfiguration.audiences is empty), so tokens issued to other apps are accepted. ` +
                        "Set jwtConfiguration.audiences to the app client ids the API accepts.",
                    authorizer.urn,
                );
            }
        }
    },
});
