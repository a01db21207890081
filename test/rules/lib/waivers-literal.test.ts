/**
 * lib/waivers, literally: which resources a waiver names (URN, name, a REST method by its route's slug,
 * an HTTP/WebSocket route by its route key), when a waiver has expired (after its last day, UTC), the
 * finding an expired waiver gives back, the outcome a list of waivers gives a finding, and what the
 * `waivers` config schema accepts (checked with the gate's JSON schema validator, as the CLI checks it).
 */
import * as assert from "assert";
import { schemaErrors } from "../../../policy-pack/gate/json-schema";
import { expired, expiredMessage, Waiver, WaiverTarget, waiverOutcome, waives, WAIVERS_SCHEMA } from "../../../policy-pack/rules/lib/waivers";

const METHOD = "aws:apigateway/method:Method";
const ROUTE = "aws:apigatewayv2/route:Route";
const BUCKET = "aws:s3/bucket:Bucket";
const REASON = "probes call it anonymously";

const w = (resource: string, expires?: string): Waiver => (expires === undefined ? { resource, reason: REASON } : { resource, reason: REASON, expires });
const target = (type: string, name: string, routeKey?: string): WaiverTarget => ({
    urn: `urn:pulumi:dev::app::${type}::${name}`,
    name,
    type,
    ...(routeKey === undefined ? {} : { routeKey }),
});

describe("lib/waivers (literal)", () => {
    describe("waives", () => {
        it("names a resource by its URN alone or by its name alone, and nothing else by either", () => {
            const logs = target(BUCKET, "logs");
            assert.strictEqual(waives(w("urn:pulumi:dev::app::aws:s3/bucket:Bucket::logs"), logs), true);
            assert.strictEqual(waives(w("logs"), logs), true);
            assert.strictEqual(waives(w("urn:pulumi:dev::app::aws:s3/bucket:Bucket::data"), logs), false);
            assert.strictEqual(waives(w("data"), logs), false);
        });

        it("names a REST method or an HTTP route by its URN or name before any route form is tried", () => {
            // A waiver naming the method by its URN or name matches before the route form is tried.
            const method = target(METHOD, "api-get-status");
            assert.strictEqual(waives(w("urn:pulumi:dev::app::aws:apigateway/method:Method::api-get-status"), method), true);
            assert.strictEqual(waives(w("api-get-status"), method), true);
            const route = target(ROUTE, "status-route", "GET /health");
            assert.strictEqual(waives(w("status-route"), route), true);
        });

        it("names a REST method by its route: the name is the route's slug or ends in -<slug>", () => {
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "get-health")), true);
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "probe-get-health")), true);
            assert.strictEqual(waives(w("ANY /{proxy+}"), target(METHOD, "api-any-proxy")), true);
            assert.strictEqual(waives(w("OPTIONS /health"), target(METHOD, "api-options-health")), true);
            assert.strictEqual(waives(w("DELETE /items/{id}"), target(METHOD, "api-delete-items-id")), true);
        });

        it("does not name a REST method whose name only contains the slug, starts with it, or is another route's", () => {
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "probeget-health")), false);
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "get-health-probe")), false);
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "probe-post-health")), false);
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "other")), false);
        });

        it("names a REST method by its name's slug only, not by a route key it may carry", () => {
            assert.strictEqual(waives(w("GET /health"), target(METHOD, "other", "GET /health")), false);
        });

        it("names an HTTP/WebSocket route (any type but a REST method) by its exact route key, not by its name's slug", () => {
            assert.strictEqual(waives(w("GET /health"), target(ROUTE, "health-route", "GET /health")), true);
            assert.strictEqual(waives(w("OPTIONS /health"), target(ROUTE, "preflight", "OPTIONS /health")), true);
            assert.strictEqual(waives(w("GET /health"), target(ROUTE, "health-route", "GET /status")), false);
            assert.strictEqual(waives(w("GET /health"), target(ROUTE, "api-get-health")), false);
            assert.strictEqual(waives(w("GET /health"), target(ROUTE, "api-get-health", "POST /health")), false);
        });

        it("reads as a route only METHOD /path with a known upper-case method: anything else matches by URN or name only", () => {
            assert.strictEqual(waives(w("$default"), target(ROUTE, "catch-all", "$default")), false);
            assert.strictEqual(waives(w("get /health"), target(ROUTE, "health-route", "get /health")), false);
            assert.strictEqual(waives(w("GET health"), target(ROUTE, "health-route", "GET health")), false);
            assert.strictEqual(waives(w("TRACE /health"), target(ROUTE, "health-route", "TRACE /health")), false);
            assert.strictEqual(waives(w("GET /health"), target(BUCKET, "get-health")), false);
        });
    });

    describe("expired", () => {
        const now = new Date("2026-03-15T23:59:59Z");

        it("holds through its last day (UTC) and has expired from the next day", () => {
            assert.strictEqual(expired(w("logs", "2026-03-16"), now), false);
            assert.strictEqual(expired(w("logs", "2026-03-15"), now), false);
            assert.strictEqual(expired(w("logs", "2026-03-14"), now), true);
            assert.strictEqual(expired(w("logs", "2025-12-31"), now), true);
        });

        it("never expires without a last day", () => {
            assert.strictEqual(expired(w("logs"), now), false);
            assert.strictEqual(expired(w("logs"), new Date("2999-01-01T00:00:00Z")), false);
        });

        it("compares with today's date, not with the current time of day", () => {
            assert.strictEqual(expired(w("logs", "2026-03-15"), new Date("2026-03-15T00:00:00Z")), false);
        });
    });

    it("expiredMessage: says which waiver expired, when, and why it was given, then the finding", () => {
        assert.strictEqual(
            expiredMessage(w("GET /health", "2020-01-31"), 'Method "probe-get-health" (GET) has authorization NONE'),
            'the waiver for GET /health expired on 2020-01-31 (it said: probes call it anonymously); Method "probe-get-health" (GET) has authorization NONE',
        );
    });

    describe("waiverOutcome", () => {
        const now = new Date("2026-03-15T12:00:00Z");
        const logs = target(BUCKET, "logs");

        it("is none without a target, without waivers, or when no waiver names the target", () => {
            assert.deepStrictEqual(waiverOutcome([w("logs")], undefined, now), { kind: "none" });
            assert.deepStrictEqual(waiverOutcome([], logs, now), { kind: "none" });
            assert.deepStrictEqual(waiverOutcome([w("data"), w("GET /health")], logs, now), { kind: "none" });
        });

        it("is waived by the first waiver that names the target, while it holds", () => {
            assert.deepStrictEqual(waiverOutcome([w("data"), w("logs", "2026-03-15"), w("logs", "2020-01-01")], logs, now), {
                kind: "waived",
                waiver: { resource: "logs", reason: REASON, expires: "2026-03-15" },
            });
        });

        it("is expired when the first waiver that names the target has expired, even if a later one holds", () => {
            assert.deepStrictEqual(waiverOutcome([w("logs", "2026-03-14"), w("logs")], logs, now), {
                kind: "expired",
                waiver: { resource: "logs", reason: REASON, expires: "2026-03-14" },
            });
        });
    });

    describe("WAIVERS_SCHEMA", () => {
        const errors = (value: unknown) => schemaErrors(value, WAIVERS_SCHEMA, "waivers");

        it("is a list, empty by default, described with the forms a waiver takes", () => {
            assert.deepStrictEqual(WAIVERS_SCHEMA.default, []);
            assert.strictEqual(
                WAIVERS_SCHEMA.description,
                'Findings of this rule accepted on purpose: [{ resource: URN | resource name | route such as "GET /health", reason, expires?: YYYY-MM-DD }].',
            );
            assert.deepStrictEqual(errors({ resource: "logs", reason: REASON }), [
                'waivers: expected array, got {"resource":"logs","reason":"probes call it anonymously"}',
            ]);
        });

        it("accepts waivers with a resource and a reason, and an optional date", () => {
            assert.deepStrictEqual(errors([]), []);
            assert.deepStrictEqual(
                errors([
                    { resource: "GET /health", reason: REASON, expires: "2030-01-31" },
                    { resource: "l", reason: "exactly 12 c" },
                ]),
                [],
            );
        });

        it("requires a resource and a reason", () => {
            assert.deepStrictEqual(errors([{}]), ["waivers[0].resource: is required", "waivers[0].reason: is required"]);
            assert.deepStrictEqual(errors([{ resource: "logs" }]), ["waivers[0].reason: is required"]);
        });

        it("refuses an empty or non-string resource, a reason under 12 characters, and a date that is not a real YYYY-MM-DD", () => {
            assert.deepStrictEqual(errors([{ resource: "", reason: REASON }]), ['waivers[0].resource: must be at least 1 characters, got ""']);
            assert.deepStrictEqual(errors([{ resource: 7, reason: REASON }]), ["waivers[0].resource: expected string, got 7"]);
            assert.deepStrictEqual(errors([{ resource: "logs", reason: "eleven char" }]), [
                'waivers[0].reason: must be at least 12 characters, got "eleven char"',
            ]);
            assert.deepStrictEqual(errors([{ resource: "logs", reason: REASON, expires: "2030-02-30" }]), [
                'waivers[0].expires: must be a date (YYYY-MM-DD), got "2030-02-30"',
            ]);
            assert.deepStrictEqual(errors([{ resource: "logs", reason: REASON, expires: 20300131 }]), ["waivers[0].expires: expected string, got 20300131"]);
        });

        it("refuses keys other than resource, reason and expires", () => {
            assert.deepStrictEqual(errors([{ resource: "logs", reason: REASON, until: "2030-01-01" }]), [
                "waivers[0].until: unknown key; allowed: resource, reason, expires",
            ]);
        });
    });
});
