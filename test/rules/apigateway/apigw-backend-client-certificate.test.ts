import * as aws from "@pulumi/aws";
import * as assert from "assert";
import { BACKEND_CLIENT_CERTIFICATE_SCOPE } from "../../../policy-pack/baseline";
import { apigwBackendClientCertificate, backendClientCertificateConfig } from "../../../policy-pack/rules/apigateway/apigw-backend-client-certificate";
import * as pulumi from "@pulumi/pulumi";
import { ruleFindings, ruleFindingsByMode } from "../../rule-harness";
import { afterDeployment, lambdaInvokeUri, method, restApi, stage } from "../builders";
import { assertFindings, assertNoFindings } from "../expect";

const RULE = "apigw-backend-client-certificate";
const LAMBDA_URI = lambdaInvokeUri("f");

/** An integration of `type`; `as` is the value the program gives it (e.g. one built from outputs). */
function integration(name: string, api: aws.apigateway.RestApi, type: string, as: pulumi.Input<string> = type): aws.apigateway.Integration {
    const m = method(`${name}-method`, api);
    const http = type.startsWith("HTTP");
    return new aws.apigateway.Integration(name, {
        restApi: api.id,
        resourceId: api.rootResourceId,
        httpMethod: m.httpMethod,
        type: as,
        integrationHttpMethod: type === "MOCK" ? undefined : "POST",
        uri: type === "MOCK" ? undefined : http ? "https://backend.example.com/" : LAMBDA_URI,
    });
}

const program = (type: string, withCertificate: boolean) => () => {
    const api = restApi("api");
    integration("backend", api, type);
    const cert = withCertificate ? new aws.apigateway.ClientCertificate("cert", { description: "backend" }) : undefined;
    stage("s", api, cert ? { clientCertificateId: cert.id } : {});
};
const allStages = { config: { [RULE]: { scope: "all-stages" } } };

describe(RULE, () => {
    it("pins the default scope to the baseline (http-backends)", () => {
        assert.strictEqual(backendClientCertificateConfig.defaults.scope, BACKEND_CLIENT_CERTIFICATE_SCOPE);
        assert.strictEqual(apigwBackendClientCertificate.configSchema?.properties.scope.default, "http-backends");
    });

    it("passes the compliant baseline: an HTTP backend behind a stage with a client certificate", async () => {
        assertNoFindings(await ruleFindings(RULE, program("HTTP_PROXY", true)));
    });

    it("reports (advisory) HTTP and HTTP_PROXY backends without clientCertificateId", async () => {
        for (const type of ["HTTP", "HTTP_PROXY"]) {
            assertFindings(await ruleFindings(RULE, program(type, false)), RULE, "advisory", [
                {
                    resource: "s",
                    message: [new RegExp(`no client certificate to the ${type} backend of Integration "backend"`), /clientCertificateId is not set/],
                },
            ]);
        }
    });

    it("passes Lambda (AWS_PROXY) and MOCK backends by default", async () => {
        assertNoFindings(await ruleFindings(RULE, program("AWS_PROXY", false)));
        assertNoFindings(await ruleFindings(RULE, program("MOCK", false)));
    });

    it("scope all-stages: every stage without a certificate is reported", async () => {
        assertFindings(await ruleFindings(RULE, program("AWS_PROXY", false), allStages), RULE, "advisory", [
            { resource: "s", message: [/no client certificate to every backend/] },
        ]);
        assertNoFindings(await ruleFindings(RULE, program("AWS_PROXY", true), allStages));
    });

    it("judges every stage of an API with an HTTP backend, and not stages of other APIs", async () => {
        const found = await ruleFindings(RULE, () => {
            const api = restApi("api");
            integration("backend", api, "HTTP_PROXY");
            stage("a", api);
            stage("b", api);
            const other = restApi("other");
            integration("fn", other, "AWS_PROXY");
            stage("c", other);
        });
        assertFindings(found, RULE, "advisory", [
            { resource: "a", message: [/HTTP_PROXY backend/] },
            { resource: "b", message: [/HTTP_PROXY backend/] },
        ]);
    });

    it("an integration type or certificate id built from outputs is judged once known, and reported as unverifiable at a first preview", async () => {
        const found = await ruleFindingsByMode(RULE, () => {
            const typed = restApi("typed-api");
            integration("typed-backend", typed, "HTTP_PROXY", afterDeployment("HTTP_PROXY"));
            stage("typed", typed);
            const emptied = restApi("emptied-api");
            integration("emptied-backend", emptied, "HTTP");
            stage("emptied", emptied, { clientCertificateId: afterDeployment("") });
            // Unknown, but no violation whatever they become: a ClientCertificate's id, and the type of an integration behind it.
            const certified = restApi("certified-api");
            integration("certified-backend", certified, "HTTP", afterDeployment("HTTP"));
            stage("certified", certified, { clientCertificateId: new aws.apigateway.ClientCertificate("cert", {}).id });
        });
        assertFindings(found.preview, RULE, "advisory", [
            {
                resource: "typed",
                message: [
                    /^cannot be verified at preview: Integration "typed-backend"\.type is unknown; it must be known: an HTTP backend needs Stage "typed"\.clientCertificateId\.$/,
                ],
            },
            {
                resource: "emptied",
                message: [
                    /Stage "emptied"\.clientCertificateId is unknown; it must be the id of an aws\.apigateway\.ClientCertificate, presented to the HTTP backend of Integration "emptied-backend"\.$/,
                ],
            },
        ]);
        assertFindings(found.update, RULE, "advisory", [
            { resource: "typed", message: [/Stage "typed" presents no client certificate to the HTTP_PROXY backend of Integration "typed-backend"/] },
            { resource: "emptied", message: [/Stage "emptied" presents no client certificate .* \(clientCertificateId is not set\)/] },
        ]);
    });
});
