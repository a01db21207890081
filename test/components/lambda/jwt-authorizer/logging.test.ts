/**
 * What the authorizer writes: with the default (console) logger and every
 * console method and stdout/stderr captured, no token, nor any part of one,
 * ever appears; each decision is one JSON line with a reason code.
 */
import * as assert from "assert";
import { createAuthorizer } from "../../../../components/lambda/jwt-authorizer/authorizer";
import { claims, captureOutput, inSeconds, JwksServer, sign, signWithPublicKeyAsSecret, testConfig, testKey, tokenEvent, unsignedToken } from "./issuer";

describe("JWT authorizer logging", function () {
    this.timeout(20_000);

    it("never logs a token: only decisions, reason codes, route, kid and the verified sub", async () => {
        const key = await testKey("log-key", "ES256");
        const server = await JwksServer.start([key]);
        const tokens: string[] = [];
        try {
            const authorize = createAuthorizer(testConfig(server.url));
            const stranger = await testKey("log-stranger", "ES256");
            tokens.push(
                await sign(key),
                await sign(key, claims({ exp: inSeconds(-600) })),
                await sign(key, claims({ scope: "nothing" })),
                await sign(stranger, claims(), { kid: key.kid }),
                await signWithPublicKeyAsSecret(key),
                unsignedToken(),
            );
            const output = await captureOutput(async () => {
                for (const token of tokens) {
                    await authorize(tokenEvent(`Bearer ${token}`, "POST", "/orders")).catch(() => undefined);
                    await authorize(tokenEvent(token)).catch(() => undefined);
                }
                server.answer(500);
                await createAuthorizer(testConfig(server.url))(tokenEvent(`Bearer ${tokens[0]}`)).catch(() => undefined);
            });
            const lines = output.split("\n").filter((l) => l.trim().length > 0);
            assert.strictEqual(lines.length, tokens.length * 2 + 1, output);
            for (const token of tokens) {
                for (const part of [token, ...token.split(".").filter((p) => p.length > 0)]) {
                    assert.ok(!output.includes(part), `the output contains (part of) a token: ${part.slice(0, 20)}...`);
                }
            }
            const reasons = lines.map((l) => (JSON.parse(l) as { reason: string }).reason);
            assert.deepStrictEqual([...new Set(reasons)].sort(), [
                "alg_not_allowed",
                "bad_signature",
                "insufficient_scope",
                "jwks_unavailable",
                "malformed_authorization",
                "ok",
                "token_expired",
            ]);
            const allowed = JSON.parse(lines[0]) as Record<string, unknown>;
            assert.deepStrictEqual(allowed, {
                event: "jwt_authorizer_decision",
                decision: "allow",
                reason: "ok",
                route: "POST /orders",
                kid: "log-key",
                sub: "user-123",
            });
            for (const line of lines) {
                const entry = JSON.parse(line) as Record<string, unknown>;
                assert.deepStrictEqual(
                    Object.keys(entry).filter((k) => !["event", "decision", "reason", "route", "kid", "sub"].includes(k)),
                    [],
                );
                if (entry.decision === "unauthorized") {
                    assert.strictEqual(entry.sub, undefined, "an unverified token's sub is not logged");
                }
            }
        } finally {
            await server.close();
        }
    });
});
