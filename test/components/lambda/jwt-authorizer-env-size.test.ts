/**
 * The JWT authorizer's environment at Lambda's exact limit: "The total size of the set [of environment
 * variables] does not exceed 4 KB" (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html;
 * measured as the bytes of every key and value). 4096 bytes is accepted, 4097 refused with the size it
 * would have.
 */
import * as assert from "assert";
import { JwtAuthorizerFunctionArgs, jwtAuthorizerFunctionSettings } from "../../../components/lambda";
import { thrown } from "../../harness";

const ISSUER = "https://issuer.example";
const JWKS = "https://issuer.example/keys";

const args = (routeScopes: Record<string, string[]>, audience = "orders-api"): JwtAuthorizerFunctionArgs => ({
    issuer: ISSUER,
    audience,
    jwksUri: JWKS,
    allowedAlgorithms: ["RS256"],
    clockSkewSeconds: 60,
    routeScopes,
    logging: { retentionInDays: 90, kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
});

/** The bytes of every variable but ROUTE_SCOPES, and of its name: written out here, not read from the code. */
const FIXED =
    "ISSUER".length +
    ISSUER.length +
    "AUDIENCE".length +
    "orders-api".length +
    "JWKS_URI".length +
    JWKS.length +
    "ALLOWED_ALGORITHMS".length +
    "RS256".length +
    "CLOCK_SKEW_SECONDS".length +
    "60".length +
    "ROUTE_SCOPES".length;

/** Route scopes whose environment is exactly `total` bytes: 250-character scopes, the last one shorter. */
function scopesOf(total: number): Record<string, string[]> {
    const scopes: string[] = [];
    const size = () => FIXED + JSON.stringify({ "GET /orders": scopes }).length;
    while (size() + 3 + 250 <= total) {
        scopes.push(`${String(scopes.length).padStart(3, "0")}${"s".repeat(247)}`);
    }
    // One more scope `"…"` (with its comma) fills the rest.
    const rest = total - size() - 3;
    assert.ok(rest >= 4, `the padding leaves ${rest} bytes`);
    scopes.push(`end${"e".repeat(rest - 3)}`);
    assert.strictEqual(size(), total);
    return { "GET /orders": scopes };
}

describe("JwtAuthorizerFunction environment size (Lambda's 4 KB)", () => {
    it("accepts route scopes that make the environment exactly 4096 bytes", () => {
        const { settings } = jwtAuthorizerFunctionSettings("authorizer", args(scopesOf(4096)));
        assert.strictEqual(settings.routeScopes["GET /orders"].length, scopesOf(4096)["GET /orders"].length);
    });

    it("refuses 4097 bytes, naming routeScopes and the size it would be", () => {
        const error = thrown(() => jwtAuthorizerFunctionSettings("authorizer", args(scopesOf(4097))));
        assert.strictEqual(
            error.message,
            "JwtAuthorizerFunction: routeScopes makes the function environment 4097 bytes; Lambda allows 4096 (use fewer or shorter route keys)",
        );
    });

    it("counts bytes, not characters: a multi-byte audience counts each of its bytes", () => {
        // "é" is two bytes in UTF-8: 4096 characters, 4097 bytes.
        const error = thrown(() => jwtAuthorizerFunctionSettings("authorizer", args(scopesOf(4096), "ordérs-api")));
        assert.match(error.message, /routeScopes makes the function environment 4097 bytes/);
    });
});
