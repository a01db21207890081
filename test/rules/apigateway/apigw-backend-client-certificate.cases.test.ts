import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "assert";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, restApi, stage } from "../builders";
import { assertFindings, assertNoFindings, exactly } from "../expect";

const RULE = "apigw-backend-client-certificate";
const FIX = "Set clientCertificateId to an aws.apigateway.ClientCertificate id and require it at the backend.";
const noCertificate = (stageName: string, backend: string) =>
    `Stage "${stageName}" presents no client certificate to ${backend} (clientCertificateId is not set), so the backend cannot tell API Gateway from a caller who bypasses the authorizer and WAF. ${FIX}`;

/** An integration of `type` on the REST API `restApi` (an id or a literal). */
const integration = (name: string, restApiId: pulumi.Input<string>, type: pulumi.Input<string>) =>
    new aws.apigateway.Integration(name, {
        restApi: restApiId,
        resourceId: "root",
        httpMethod: "GET",
        type,
        integrationHttpMethod: "GET",
        uri: "https://backend.example.com/",
    });

describe(`${RULE} (cases)`, () => {
    it("accepts an explicit scope http-backends, and rejects a scope it does not know", async () => {
        const program = () => {
            integration("backend", restApi("api").id, "HTTP");
        };
        assertNoFindings(await ruleFindings(RULE, program, { config: { [RULE]: { scope: "http-backends" } } }));
        await assert.rejects(ruleFindings(RULE, program, { config: { [RULE]: { scope: "" } } }), /scope/);
    });

    it("finds the integrations of a stage's API by the same literal API id, and states the whole finding", async () => {
        const found = await ruleFindings(RULE, () => {
            integration("backend", "abc123", "HTTP");
            const deployment = new aws.apigateway.Deployment("d", { restApi: "abc123" });
            new aws.apigateway.Stage("v1", { restApi: "abc123", deployment: deployment.id, stageName: "v1" });
            // Another literal id: not its API.
            new aws.apigateway.Stage("v2", { restApi: "zzz999", deployment: deployment.id, stageName: "v2" });
        });
        assertFindings(found, RULE, "advisory", [{ resource: "v1", message: [exactly(noCertificate("v1", 'the HTTP backend of Integration "backend"'))] }]);
    });

    it("a certificate id built from a ClientCertificate and another output is set, even before it is known", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                integration("backend", api.id, "HTTP");
                const cert = new aws.apigateway.ClientCertificate("cert", {});
                stage("s", api, { clientCertificateId: pulumi.all([cert.id, afterDeployment("x")]).apply(([id]) => id) });
            }),
        );
    });

    it("an unknown certificate id is left alone when no backend needs one", async () => {
        assertNoFindings(
            await ruleFindings(RULE, () => {
                const api = restApi("api");
                integration("fn", api.id, "AWS_PROXY");
                stage("s", api, { clientCertificateId: afterDeployment("") });
            }),
        );
    });

    it("a known HTTP backend is reported as such at preview, whatever another integration's unknown type becomes", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const api = restApi("api");
            integration("backend", api.id, "HTTP");
            integration("other", api.id, afterDeployment("AWS_PROXY"));
            stage("s", api);
        });
        const expected = [{ resource: "s", message: [exactly(noCertificate("s", 'the HTTP backend of Integration "backend"'))] }];
        assertFindings(found.preview, RULE, "advisory", expected);
        assertFindings(found.update, RULE, "advisory", expected);
    });
});
