import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi, stage } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";
import { HARMLESS, SAMPLES } from "../secret-samples";

const RULE = "apigw-stage-variable-secrets";

const restStage = (name: string, variables?: Record<string, string>) => stage(name, restApi(`${name}-api`), variables ? { variables } : {});
const httpStage = (name: string, stageVariables?: Record<string, string>) => {
    const api = new aws.apigatewayv2.Api(`${name}-api`, { protocolType: "HTTP" });
    return new aws.apigatewayv2.Stage(name, { apiId: api.id, name: "prod", ...(stageVariables ? { stageVariables } : {}) });
};

describe(RULE, () => {
    it("passes the compliant baseline (REST and HTTP stages with references and settings)", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restStage("rest", { ...HARMLESS, backend: "orders.internal" });
                httpStage("http", { ...HARMLESS, backend: "orders.internal" });
            }),
        );
    });

    it("passes stages without variables", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                restStage("rest");
                httpStage("http");
            }),
        );
    });

    it("passes a variable built from another resource's output (unknown at preview) whose name says it holds a reference", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const key = new aws.kms.Key("key", {});
                stage("rest", restApi("rest-api"), { variables: { SIGNING_SECRET_ARN: key.arn } });
            }),
        );
    });

    it("rejects a credential in a REST stage variable (variables), without printing it", async () => {
        const found = await ruleFindings(RULE, () => {
            restStage("rest", { upstream: SAMPLES[0].value });
        });
        assertFindings(found, RULE, "mandatory", [
            { resource: "rest", message: [/ variables\.upstream looks like an AWS access key id/, /Secrets Manager or SSM/] },
        ]);
        assert.ok(!found[0].message.includes(SAMPLES[0].value));
    });

    it("rejects a credential in an HTTP stage variable (stageVariables), without printing it", async () => {
        const found = await ruleFindings(RULE, () => {
            httpStage("http", { backendToken: "s3cr3t-value" });
        });
        assertFindings(found, RULE, "mandatory", [
            {
                resource: "http",
                message: [
                    exactly(
                        'Stage "http" stageVariables.backendToken is named like a credential and holds a literal value, not a Secrets Manager or SSM reference: ' +
                            "anyone who may read the stage reads it in clear. " +
                            "Keep the secret in Secrets Manager or SSM and have the backend read it (or put only its ARN or parameter name in stageVariables.backendToken).",
                    ),
                ],
            },
        ]);
        assert.ok(!found[0].message.includes("s3cr3t"));
    });

    it("reports every offending variable of every stage", async () => {
        assertFindings(
            await ruleFindings(RULE, () => {
                restStage("a", { jwt: SAMPLES[9].value, apiKey: "abc123abc123" });
                httpStage("b", { google: SAMPLES[8].value });
            }),
            RULE,
            "mandatory",
            [
                { resource: "a", message: [/variables\.jwt looks like a JWT/] },
                { resource: "a", message: [/variables\.apiKey is named like a credential/] },
                { resource: "b", message: [/stageVariables\.google looks like a Google API key/] },
            ],
        );
    });

    it("variables built from outputs are judged once known, and reported as unverifiable at a first preview, never printing a secret", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            // Whole maps built with apply: names and values are unknown at preview.
            stage("rest", restApi("rest-api"), { variables: afterDeployment({ apiKey: "abc123abc123", backend: "orders.internal" }) });
            const api = new aws.apigatewayv2.Api("http-api", { protocolType: "HTTP" });
            new aws.apigatewayv2.Stage("http", { apiId: api.id, name: "prod", stageVariables: afterDeployment({ upstream: SAMPLES[0].value }) });
            // One unknown value under a reference's name (…_ARN) is not judged at preview; under a secret's name it is
            // unverifiable (a generated password, until known); once known each is judged like a literal.
            stage("ref", restApi("ref-api"), { variables: { SIGNING_SECRET_ARN: afterDeployment("arn:aws:secretsmanager:us-east-1:123456789012:secret:s") } });
            stage("value", restApi("value-api"), { variables: { backendToken: afterDeployment("s3cr3t-value"), backend: "orders.internal" } });
        });
        const must = /is unknown; it must hold no credential in plaintext, only Secrets Manager or SSM references and settings\.$/;
        assertFindings(found.preview, RULE, "mandatory", [
            { resource: "rest", message: [/^cannot be verified at preview: Stage "rest"\.variables is unknown;/, must] },
            { resource: "http", message: [/^cannot be verified at preview: Stage "http"\.stageVariables is unknown;/, must] },
            {
                resource: "value",
                message: [/^cannot be verified at preview: Stage "value"\.variables\.backendToken is unknown; it must hold a Secrets Manager or SSM reference/],
            },
        ]);
        assertFindings(found.update, RULE, "mandatory", [
            { resource: "rest", message: [/Stage "rest" variables\.apiKey is named like a credential/] },
            { resource: "http", message: [/Stage "http" stageVariables\.upstream looks like an AWS access key id/] },
            { resource: "value", message: [/Stage "value" variables\.backendToken is named like a credential/] },
        ]);
        for (const v of [...found.preview, ...found.update, ...found.analyzer.preview, ...found.analyzer.update]) {
            assert.ok(!v.message.includes("s3cr3t") && !v.message.includes(SAMPLES[0].value), `a finding prints the secret: ${v.message}`);
        }
    });
});
