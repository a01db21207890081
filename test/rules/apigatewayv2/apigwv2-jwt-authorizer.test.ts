import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { httpApi } from "./v2-builders";

const RULE = "apigwv2-jwt-authorizer";
const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc";

type AuthorizerArgs = Partial<aws.apigatewayv2.AuthorizerArgs>;
const authorizer = (name: string, args: AuthorizerArgs = {}) =>
    new aws.apigatewayv2.Authorizer(name, {
        apiId: httpApi(`${name}-api`).id,
        authorizerType: "JWT",
        identitySources: ["$request.header.Authorization"],
        jwtConfiguration: { issuer: ISSUER, audiences: ["client-1"] },
        ...args,
    });
const anyAudience = (name: string) =>
    exactly(
        `Authorizer "${name}" accepts tokens for any audience (jwtConfiguration.audiences is empty), so tokens issued to other apps are accepted. ` +
            "Set jwtConfiguration.audiences to the app client ids the API accepts.",
    );
const program =
    (args: AuthorizerArgs = {}) =>
    () => {
        authorizer("jwt", args);
    };

describe(RULE, () => {
    it("passes the compliant baseline: an https issuer and one audience", async () => {
        assertNoFindings(await ruleFindings(RULE, program()));
    });

    it("rejects an http issuer", async () => {
        assertFindings(
            await ruleFindings(RULE, program({ jwtConfiguration: { issuer: "http://idp.example.com", audiences: ["client-1"] } })),
            RULE,
            "mandatory",
            [{ resource: "jwt", message: [/Authorizer "jwt" trusts tokens from issuer "http:\/\/idp\.example\.com"/, /jwtConfiguration\.issuer/] }],
        );
    });

    it("rejects a missing issuer and an empty audience, on every authorizer", async () => {
        const found = await ruleFindings(RULE, () => {
            authorizer("no-issuer", { jwtConfiguration: { audiences: ["client-1"] } });
            authorizer("no-audience", { jwtConfiguration: { issuer: ISSUER, audiences: [] } });
            authorizer("blank-audience", { jwtConfiguration: { issuer: ISSUER, audiences: [" "] } });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "no-issuer", message: [/jwtConfiguration\.issuer is not set/] },
            { resource: "no-audience", message: [anyAudience("no-audience")] },
            { resource: "blank-audience", message: [anyAudience("blank-audience")] },
        ]);
    });

    it("rejects an issuer with https:// only after another scheme, and unset or non-string audiences", async () => {
        const issuer = "http://idp.example.com/?next=https://idp.example.com";
        const found = await ruleFindings(RULE, () => {
            authorizer("embedded", { jwtConfiguration: { issuer, audiences: ["client-1"] } });
            authorizer("unset-audiences", { jwtConfiguration: { issuer: ISSUER } });
            authorizer("null-audience", { jwtConfiguration: { issuer: ISSUER, audiences: [null as unknown as string] } });
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "embedded",
                message: [
                    exactly(
                        `Authorizer "embedded" trusts tokens from issuer "${issuer}", which is not an https URL, so its signing keys can be spoofed. ` +
                            "Set jwtConfiguration.issuer to the identity provider's https:// URL.",
                    ),
                ],
            },
            { resource: "unset-audiences", message: [anyAudience("unset-audiences")] },
            { resource: "null-audience", message: [anyAudience("null-audience")] },
        ]);
    });

    it("an authorizer type or audience list built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            authorizer("type", { authorizerType: afterDeployment("JWT"), jwtConfiguration: { issuer: ISSUER, audiences: [] } });
            authorizer("audiences", { jwtConfiguration: { issuer: ISSUER, audiences: afterDeployment([]) } });
        });
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "type",
                message: [
                    exactly(
                        'cannot be verified at preview: Authorizer "type".authorizerType is unknown; it must be known; a JWT authorizer needs an https issuer and an audience.',
                    ),
                ],
            },
            {
                resource: "audiences",
                message: [
                    exactly('cannot be verified at preview: Authorizer "audiences".jwtConfiguration.audiences is unknown; it must list at least one audience.'),
                ],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "type", message: [anyAudience("type")] },
            { resource: "audiences", message: [anyAudience("audiences")] },
        ]);
    });

    it("counts an audience derived from an app client (unknown at preview) as present; an unknown issuer cannot be verified", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const client = new aws.cognito.UserPoolClient("web", { userPoolId: "us-east-1_abc" });
                authorizer("jwt", { jwtConfiguration: { issuer: ISSUER, audiences: [client.id] } });
            }),
        );
        const found = await ruleFindingsByMode(RULE, () => {
            const pool = new aws.cognito.UserPool("pool", {});
            authorizer("derived", { jwtConfiguration: { issuer: pool.endpoint.apply((e) => `https://${e}`), audiences: ["client-1"] } });
        });
        assertNoFindings(found.update);
        assertFindings(found.preview, RULE, "mandatory", [
            {
                resource: "derived",
                message: [/cannot be verified at preview: Authorizer "derived"\.jwtConfiguration\.issuer is unknown; it must be an https:\/\/ URL/],
            },
        ]);
    });

    it("does not judge REQUEST (Lambda) authorizers", async () => {
        assertNoFindings(
            await ruleFindings(
                RULE,
                program({
                    authorizerType: "REQUEST",
                    jwtConfiguration: undefined,
                    authorizerUri:
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations",
                }),
            ),
        );
    });
});
