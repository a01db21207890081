/**
 * checkBodyAuthorization, literally: a known body that is absent (undefined, null or the empty string) is
 * no finding at all, while an unknown, unparsable or anonymous body is reported with the exact message.
 */
import * as assert from "assert";
import { Known } from "../../../policy-pack/rules/lib/known";
import { checkBodyAuthorization, knownBody } from "../../../policy-pack/rules/lib/openapi-rules";

const LABEL = 'RestApi "api"';

function findings(body: Known<unknown>): string[] {
    const out: string[] = [];
    checkBodyAuthorization(
        body,
        LABEL,
        (message) => out.push(message),
        () => false,
        "CUSTOM",
    );
    return out;
}

describe("checkBodyAuthorization (literal)", () => {
    it("reports nothing for a known body that is undefined, null or empty", () => {
        assert.deepStrictEqual(findings({ known: true, value: undefined }), []);
        assert.deepStrictEqual(findings({ known: true, value: null }), []);
        assert.deepStrictEqual(findings({ known: true, value: "" }), []);
    });

    it("reports a body that is set but is no OpenAPI document as not verified", () => {
        assert.deepStrictEqual(findings({ known: true, value: "{}" }), [
            'not verified: RestApi "api" body is neither a Swagger 2 (swagger) nor an OpenAPI 3 (openapi) document, so its operations\' authorization cannot be checked ' +
                "(its integrations, CORS headers, request validators, authorizer TTLs and resource policy are not verified either). Give body a valid Swagger 2 or OpenAPI 3 definition.",
        ]);
    });

    it("reports each anonymous operation, naming its allow-list entry", () => {
        const body = JSON.stringify({ swagger: "2.0", paths: { "/open": { get: {} } } });
        assert.deepStrictEqual(findings({ known: true, value: body }), [
            'RestApi "api" body operation GET /open has no security (no authorizer scheme in its security requirements and no x-amazon-apigateway-auth), ' +
                'so anyone who can reach the API can call it. Add a security requirement naming a CUSTOM scheme, or allow-list "api GET /open".',
        ]);
        assert.deepStrictEqual(knownBody({ known: true, value: body })?.operations.length, 1);
    });
});
