/**
 * The authorizer against real tokens: keys generated here, tokens signed
 * here, the JWKS served over HTTP on 127.0.0.1. Each case states the answer
 * API Gateway would give: Allow, Deny (403) or Unauthorized (401).
 */
import * as assert from "assert";
import { createAuthorizer, UNAUTHORIZED, UNAVAILABLE } from "../../../../components/lambda/jwt-authorizer/authorizer";
import { DecisionLog } from "../../../../components/lambda/jwt-authorizer/log";
import { AuthorizerDecision } from "../../../../components/lambda/jwt-authorizer/policy";
import {
    claims,
    inSeconds,
    JwksServer,
    METHOD_ARN_PREFIX,
    requestEvent,
    sign,
    signWithPublicKeyAsSecret,
    TestKey,
    testConfig,
    testKey,
    tokenEvent,
    unsignedToken,
} from "./issuer";

type Authorize = (event: unknown) => Promise<AuthorizerDecision>;

describe("JWT authorizer handler", function () {
    this.timeout(20_000);
    let rsa: TestKey;
    let ec: TestKey;
    let server: JwksServer;
    let logs: DecisionLog[];
    let authorize: Authorize;

    before(async () => {
        [rsa, ec] = await Promise.all([testKey("rsa-1", "RS256"), testKey("ec-1", "ES256")]);
        server = await JwksServer.start([rsa, ec]);
    });
    after(async () => {
        await server.close();
    });
    beforeEach(() => {
        logs = [];
        server.serve([rsa, ec]);
        server.answer(200);
        authorize = createAuthorizer(testConfig(server.url), { log: (e) => logs.push(e) });
    });

    const lastReason = (): string => logs[logs.length - 1]?.reason ?? "(nothing logged)";

    async function expectUnauthorized(event: unknown, reason: string, run: Authorize = authorize): Promise<void> {
        await assert.rejects(run(event), (err: Error) => err.message === UNAUTHORIZED);
        assert.strictEqual(lastReason(), reason);
    }

    function assertDecision(result: AuthorizerDecision, effect: "Allow" | "Deny", methodArn: string): void {
        assert.deepStrictEqual(result.policyDocument, {
            Version: "2012-10-17",
            Statement: [{ Action: "execute-api:Invoke", Effect: effect, Resource: methodArn }],
        });
    }

    describe("valid tokens", () => {
        it("Allow on exactly the event's methodArn, with the identity as string context (TOKEN event, RS256)", async () => {
            const event = tokenEvent(`Bearer ${await sign(rsa)}`, "GET", "/orders");
            const result = await authorize(event);
            assertDecision(result, "Allow", event.methodArn);
            assert.strictEqual(result.principalId, "user-123");
            assert.deepStrictEqual(result.context, { sub: "user-123", clientId: "web-client", scopes: "orders.read orders.write" });
            assert.ok(Object.values(result.context).every((v) => typeof v === "string"));
            assert.deepStrictEqual(logs, [{ decision: "allow", reason: "ok", route: "GET /orders", kid: "rsa-1", sub: "user-123" }]);
        });

        it("REQUEST event: lower-case authorization header, path parameter route, ES256, scp list claim", async () => {
            const token = await sign(ec, claims({ scope: undefined, scp: ["orders.read"], client_id: undefined, azp: "spa" }));
            const event = requestEvent({ authorization: `bearer  ${token}` }, "GET", "/orders/42");
            const result = await authorize(event);
            assertDecision(result, "Allow", `${METHOD_ARN_PREFIX}/GET/orders/42`);
            assert.deepStrictEqual(result.context, { sub: "user-123", clientId: "spa", scopes: "orders.read" });
        });

        it("a route mapped to [] needs no scope; exp and nbf within the clock skew are accepted", async () => {
            const token = await sign(rsa, claims({ scope: undefined, exp: inSeconds(-30), nbf: inSeconds(30) }));
            const event = tokenEvent(`Bearer ${token}`, "GET", "/health");
            assertDecision(await authorize(event), "Allow", event.methodArn);
        });
    });

    describe("invalid tokens: Unauthorized (401)", () => {
        it("expired beyond the skew", async () => {
            const token = await sign(rsa, claims({ exp: inSeconds(-61 - 5) }));
            await expectUnauthorized(tokenEvent(`Bearer ${token}`), "token_expired");
        });

        it("not yet valid (nbf beyond the skew)", async () => {
            const token = await sign(rsa, claims({ nbf: inSeconds(120) }));
            await expectUnauthorized(tokenEvent(`Bearer ${token}`), "token_not_yet_valid");
        });

        it("a smaller configured skew rejects what the default accepts", async () => {
            const strict = createAuthorizer(testConfig(server.url, { clockSkewSeconds: 0 }), { log: (e) => logs.push(e) });
            const token = await sign(rsa, claims({ exp: inSeconds(-30) }));
            await expectUnauthorized(tokenEvent(`Bearer ${token}`), "token_expired", strict);
        });

        it("wrong audience, missing audience", async () => {
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(rsa, claims({ aud: "other-api" }))}`), "audience_mismatch");
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(rsa, claims({ aud: undefined }))}`), "claim_missing");
        });

        it("wrong issuer, including one that differs only by a trailing slash", async () => {
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(rsa, claims({ iss: "https://evil.example/pool" }))}`), "issuer_mismatch");
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(rsa, claims({ iss: `${claims().iss}/` }))}`), "issuer_mismatch");
        });

        it("no exp, no sub", async () => {
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(rsa, claims({ exp: undefined }))}`), "claim_missing");
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(rsa, claims({ sub: undefined }))}`), "claim_missing");
        });

        it("alg none (hand-made unsigned token), with or without a known kid", async () => {
            await expectUnauthorized(tokenEvent(`Bearer ${unsignedToken()}`), "alg_not_allowed");
            await expectUnauthorized(tokenEvent(`Bearer ${unsignedToken(claims(), rsa.kid)}`), "alg_not_allowed");
        });

        it("HS256 signed with the public key's bytes as the secret (key confusion)", async () => {
            await expectUnauthorized(tokenEvent(`Bearer ${await signWithPublicKeyAsSecret(rsa)}`), "alg_not_allowed");
        });

        it("an algorithm not in the configured list", async () => {
            const rsOnly = createAuthorizer(testConfig(server.url, { algorithms: ["RS256"] }), { log: (e) => logs.push(e) });
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(ec)}`), "alg_not_allowed", rsOnly);
        });

        it("unknown kid, and a known kid with another key's signature", async () => {
            const stranger = await testKey("stranger", "RS256");
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(stranger)}`), "unknown_kid");
            await expectUnauthorized(tokenEvent(`Bearer ${await sign(stranger, claims(), { kid: rsa.kid })}`), "bad_signature");
        });

        it("a tampered payload", async () => {
            const [h, , s] = (await sign(rsa)).split(".");
            const forged = Buffer.from(JSON.stringify(claims({ sub: "admin" }))).toString("base64url");
            await expectUnauthorized(tokenEvent(`Bearer ${h}.${forged}.${s}`), "bad_signature");
        });

        it("malformed Authorization values and garbage tokens", async () => {
            const token = await sign(rsa);
            const cases: [string, string][] = [
                ["", "missing_token"],
                [token, "malformed_authorization"],
                [`Basic ${Buffer.from("a:b").toString("base64")}`, "malformed_authorization"],
                ["Bearer", "malformed_authorization"],
                ["Bearer a.b", "malformed_authorization"],
                ["Bearer !!!.???.###", "malformed_authorization"],
                [`Bearer ${token} ${token}`, "malformed_authorization"],
                [`Bearer ${"a".repeat(9000)}.b.c`, "malformed_authorization"],
                ["Bearer garbage.garbage.garbage", "malformed_token"],
                [`Bearer ${Buffer.from("[1]").toString("base64url")}.e30.c2ln`, "malformed_token"],
                // A well-formed header over a junk payload: the signature check fails first.
                [`Bearer ${Buffer.from('{"alg":"RS256"}').toString("base64url")}.bm90LWpzb24.c2ln`, "bad_signature"],
            ];
            for (const [authorization, reason] of cases) {
                await expectUnauthorized(tokenEvent(authorization), reason);
            }
        });

        it("REQUEST events: no Authorization header, two different ones", async () => {
            const token = await sign(rsa);
            await expectUnauthorized(requestEvent({ "x-other": "1" }), "missing_token");
            await expectUnauthorized(
                requestEvent({ Authorization: `Bearer ${token}` }, "GET", "/orders/42", { Authorization: [`Bearer ${token}`, `Bearer ${await sign(ec)}`] }),
                "ambiguous_token",
            );
        });

        it("events that are not REST authorizer events, and method ARNs with wildcards", async () => {
            const token = await sign(rsa);
            await expectUnauthorized({ type: "OTHER", methodArn: `${METHOD_ARN_PREFIX}/GET/orders` }, "unsupported_event");
            await expectUnauthorized({ type: "TOKEN", authorizationToken: `Bearer ${token}` }, "bad_method_arn");
            await expectUnauthorized(tokenEvent(`Bearer ${token}`, "GET", "/orders/*"), "bad_method_arn");
            await expectUnauthorized(null, "bad_method_arn");
        });
    });

    describe("valid tokens without permission: Deny (403)", () => {
        it("missing scope: explicit Deny on exactly the methodArn", async () => {
            const token = await sign(rsa, claims({ scope: "orders.read" }));
            const event = tokenEvent(`Bearer ${token}`, "POST", "/orders");
            const result = await authorize(event);
            assertDecision(result, "Deny", event.methodArn);
            assert.strictEqual(lastReason(), "insufficient_scope");
        });

        it("a scope that is only a prefix or a substring of the required one does not count", async () => {
            const token = await sign(rsa, claims({ scope: "orders.adm orders.admin2" }));
            const event = tokenEvent(`Bearer ${token}`, "DELETE", "/orders/7");
            assertDecision(await authorize(event), "Deny", event.methodArn);
        });

        it("a route that is not configured is denied", async () => {
            const event = tokenEvent(`Bearer ${await sign(rsa)}`, "GET", "/invoices");
            assertDecision(await authorize(event), "Deny", event.methodArn);
            assert.strictEqual(lastReason(), "route_not_configured");
        });
    });

    describe("key rotation and the JWKS cache", () => {
        it("a new key is fetched on its first token; the old key's tokens fail once it is removed", async () => {
            const rotating = createAuthorizer(testConfig(server.url), { jwks: { cooldownMs: 0 }, log: (e) => logs.push(e) });
            const oldToken = await sign(rsa);
            assertDecision(await rotating(tokenEvent(`Bearer ${oldToken}`)), "Allow", tokenEvent("").methodArn);
            const before = server.fetches;
            assertDecision(await rotating(tokenEvent(`Bearer ${oldToken}`)), "Allow", tokenEvent("").methodArn);
            assert.strictEqual(server.fetches, before, "a cached key is not fetched again");

            const next = await testKey("rsa-2", "RS256");
            server.serve([next]);
            assertDecision(await rotating(tokenEvent(`Bearer ${await sign(next)}`)), "Allow", tokenEvent("").methodArn);
            assert.strictEqual(server.fetches, before + 1, "the unknown kid caused one refetch");
            await expectUnauthorized(tokenEvent(`Bearer ${oldToken}`), "unknown_kid", rotating);
        });

        it("within the cooldown an unknown kid does not refetch the JWKS", async () => {
            const cooling = createAuthorizer(testConfig(server.url), { jwks: { cooldownMs: 60_000 }, log: (e) => logs.push(e) });
            assertDecision(await cooling(tokenEvent(`Bearer ${await sign(rsa)}`)), "Allow", tokenEvent("").methodArn);
            const before = server.fetches;
            const stranger = await testKey("stranger-2", "RS256");
            for (let i = 0; i < 5; i++) {
                await expectUnauthorized(tokenEvent(`Bearer ${await sign(stranger)}`), "unknown_kid", cooling);
            }
            assert.strictEqual(server.fetches, before);
        });

        it("an unreachable or failing JWKS is an error (500), not a 401 and not an Allow", async () => {
            const token = await sign(rsa);
            server.answer(503);
            await assert.rejects(authorize(tokenEvent(`Bearer ${token}`)), (err: Error) => err.message === UNAVAILABLE);
            assert.deepStrictEqual(logs[logs.length - 1], { decision: "error", reason: "jwks_unavailable", route: "GET /orders", kid: "rsa-1" });
            const closed = createAuthorizer(testConfig("http://127.0.0.1:9/.well-known/jwks.json", {}), {
                jwks: { timeoutMs: 1000 },
                log: (e) => logs.push(e),
            });
            await assert.rejects(closed(tokenEvent(`Bearer ${token}`)), (err: Error) => err.message === UNAVAILABLE);
        });
    });
});
