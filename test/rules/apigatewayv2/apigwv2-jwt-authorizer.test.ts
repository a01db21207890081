import * as aws from "@pulumi/aws";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { assertFindings, assertNoFindings } from "../expect";
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
            { resource: "no-audience", message: [/jwtConfiguration\.audiences is empty/] },
            { resource: "blank-audience", message: [/jwtConfiguration\.audiences is empty/] },
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
